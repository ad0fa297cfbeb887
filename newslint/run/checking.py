"""What ``newslint serve`` does for one request: lint a text with the server's configuration,
narrowed by the request's select and ignore, and apply its fixes. Nothing here touches files."""

from __future__ import annotations

import copy
import threading
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from newslint.api import builtin_rules
from newslint.engine import selectors
from newslint.engine.findings import Placed
from newslint.engine.fixer import fix_bytes
from newslint.engine.lint import FileResult, Linter, load_ruleset
from newslint.engine.loader import Rule
from newslint.settings.config import Config, find_config_file, load_config

FORMATS = {"md": "markdown", "html": "html", "txt": "text"}
EXTENSIONS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".txt": "txt", ".text": "txt"}
LABELS = {"md": "article.md", "html": "article.html", "txt": "article.txt"}
MAX_LINTERS = 32  # distinct select/ignore combinations kept ready


class RequestError(ValueError):
    """A request the server cannot answer as asked (an unknown rule, a bad file name)."""


def format_of(fmt: str | None, filename: str | None) -> str:
    """The request's format: ``fmt`` if given, else the extension of ``filename`` (only its
    name is read; nothing on disk is looked at), else text."""
    if fmt:
        if fmt not in FORMATS:
            raise RequestError(f"format must be one of {', '.join(FORMATS)}")
        return fmt
    if filename:
        suffix = PurePath(filename.replace("\\", "/")).suffix.lower()
        if suffix not in EXTENSIONS:
            raise RequestError(f"filename: extension {suffix or '(none)'!r} is not one of {', '.join(EXTENSIONS)}")
        return EXTENSIONS[suffix]
    return "txt"


def server_config(config: Path | None, folder: Path) -> Config:
    """The server's configuration: ``--config``, else the one a lint of ``folder`` would use."""
    path = config if config is not None else find_config_file(folder.resolve())
    return load_config(path) if path else Config(root=folder)


@dataclass
class Checked:
    """One request's answer: the findings, their offsets in the text, and the fixed text."""

    findings: list[dict[str, Any]]
    spans: list[dict[str, int]]  # each finding's start and end, and its fix's when the fix has a span of its own
    fixed: str
    applied: int


class Checker:
    """The server's rules and configuration, with a linter for each select/ignore asked for."""

    def __init__(self, config: Config):
        self.config = config
        self.rules: list[Rule] = load_ruleset(config, list(builtin_rules()))
        self.names = selectors.known_names(self.rules)
        self._linters: dict[tuple[tuple[str, ...] | None, tuple[str, ...]], Linter] = {}
        self._lock = threading.Lock()

    def linter(self, select: list[str] | None, ignore: list[str]) -> Linter:
        for what, given in (("select", select or []), ("ignore", ignore)):
            for bad in selectors.unknown(given, self.names):
                raise RequestError(f"{what}: {selectors.problem(bad, self.names)}")
        key = (tuple(select) if select is not None else None, tuple(ignore))
        with self._lock:
            if key not in self._linters:
                if len(self._linters) >= MAX_LINTERS:
                    self._linters.pop(next(iter(self._linters)))
                cfg = copy.copy(self.config)
                if select is not None:
                    cfg.select = list(select)
                cfg.ignore = list(cfg.ignore) + list(ignore)
                self._linters[key] = Linter(cfg, self.rules)
            return self._linters[key]

    def check(self, text: str, fmt: str, select: list[str] | None, ignore: list[str], unsafe: bool) -> Checked:
        """Lint ``text`` as an article of format ``fmt`` and fix it (unsafe fixes too when asked)."""
        linter = self.linter(select, ignore)
        label = LABELS[fmt]

        def lint(data: bytes) -> FileResult:
            return linter.lint_bytes(label, data, None, FORMATS[fmt])

        data = text.encode("utf-8")
        first = lint(data)
        if first.skipped:
            raise RequestError("text: " + "; ".join(m.split(": ", 1)[-1] for m in first.messages))
        outcome, _ = fix_bytes(data, lint, unsafe, first=first)
        shift = 1 if text.startswith("\ufeff") else 0  # offsets count from behind a BOM
        return Checked(
            [f.record() for f in first.findings],
            [_span(f, shift) for f in first.findings],
            outcome.fixed.decode("utf-8"),
            outcome.applied,
        )


def _span(f: Placed, shift: int) -> dict[str, int]:
    """Offsets in the request's text (code points) of a finding and of the text its fix replaces."""
    own = f.fix.place if f.fix is not None and f.fix.place is not None else f.place
    return {
        "start": f.place.start + shift,
        "end": f.place.end + shift,
        "fix_start": own.start + shift,
        "fix_end": own.end + shift,
    }


def warm(checker: Checker) -> None:
    """Lint a short text in each format, so that the data rules load lazily is ready before the first request."""
    sample = "The council met on Tuesday , and it it voted.\n"
    for fmt in FORMATS:
        checker.check(sample, fmt, None, [], False)


def describe(rule: Rule) -> dict[str, Any]:
    """A rule for ``GET /v1/rules``: what it is and its examples, not where it is stored."""
    return {
        "id": rule.id,
        "category": rule.category,
        "kind": rule.kind,
        "severity": rule.severity,
        "enabled": rule.enabled,
        "message": rule.message,
        "description": rule.description,
        "examples": rule.examples,
    }
