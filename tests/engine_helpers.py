"""Helpers for the engine tests: lint with the test rules in tests/rules only."""

from __future__ import annotations

from pathlib import Path

from newslint.api import lint_bytes, make_linter, records
from newslint.engine.loader import load_rules
from newslint.settings.config import Config

TEST_RULES = Path(__file__).resolve().parent / "rules"


def linter_with_test_rules(select: list[str] | None = None):
    rules = load_rules(TEST_RULES)
    return make_linter(Config(select=select or ["test"]), rules)


def lint_with_test_rules(data: bytes | str, path: str, select: list[str] | None = None) -> list[dict]:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return records(lint_bytes(data, path, linter_with_test_rules(select)))


def stored_text(data: str, f: dict) -> str:
    """The text of the stored file at a finding's span (lines split as the contract says)."""
    lines = data.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    flat = "\n".join(lines)
    start = offsets[f["line"] - 1] + f["column"] - 1
    end = offsets[f["end_line"] - 1] + f["end_column"] - 1
    return flat[start:end]
