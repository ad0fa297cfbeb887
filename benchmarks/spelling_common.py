"""Helpers shared by the spelling benchmarks: a linter with only the spelling rules."""

from __future__ import annotations

from pathlib import Path

from newslint.api import lint_bytes, make_linter, records
from newslint.engine.loader import load_rules
from newslint.settings.config import Config

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"


def spelling_linter(language: str = "en", select: tuple[str, ...] = ("spelling",)):
    rules = [r for r in load_rules(ROOT / "rules" / "spelling")]
    rules += [r for r in load_rules(ROOT / "rules" / "consistency") if r.id == "consistency.spelling-variant"]
    config = Config(select=list(select))
    config.language = language
    return make_linter(config, rules)


def lint(linter, text: str, name: str = "a.txt") -> list[dict]:
    return records(lint_bytes(text.encode("utf-8"), name, linter))
