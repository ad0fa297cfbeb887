"""A small Python API: lint text or bytes with the built-in rules (or chosen ones)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from newslint import builtin_rules_dir
from newslint.engine.lint import FileResult, Linter, load_ruleset
from newslint.engine.loader import Rule, load_rules
from newslint.settings.config import Config


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[Rule, ...]:
    return tuple(load_rules(builtin_rules_dir()))


def make_linter(config: Config | None = None, rules: list[Rule] | None = None) -> Linter:
    config = config or Config()
    return Linter(config, load_ruleset(config, list(rules) if rules is not None else list(builtin_rules())))


def lint_bytes(data: bytes, path: str = "article.txt", linter: Linter | None = None) -> FileResult:
    """Lint stored bytes as if they were the file ``path`` (its extension picks the format)."""
    return (linter or make_linter()).lint_bytes(path, data, Path(path))


def lint_text(text: str, path: str = "article.txt", linter: Linter | None = None) -> list[dict[str, Any]]:
    """The findings (output-contract records) for ``text`` stored as UTF-8 at ``path``."""
    return records(lint_bytes(text.encode("utf-8"), path, linter))


def records(result: FileResult) -> list[dict[str, Any]]:
    """A result's findings as output-contract records (the dicts ``--format json`` prints)."""
    return [f.record() for f in result.findings]
