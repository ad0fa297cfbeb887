"""Reporters: each turns the findings of a run into one output format."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, TextIO

Reporter = Callable[[list[dict[str, Any]], "RunInfo", TextIO], None]

# format name -> module of this package that holds its ``report`` function
MODULES = {
    "text": "text",
    "concise": "concise",
    "json": "json",
    "json-lines": "json_lines",
    "github": "github",
    "gitlab": "gitlab",
    "sarif": "sarif",
}
FORMATS = tuple(MODULES)


class RunInfo:
    """What a reporter may need besides the findings."""

    def __init__(
        self,
        files: int,
        sources: dict[str, Any],
        color: bool,
        show_source: bool,
        quiet: bool,
        *,
        rules: list[Any] | None = None,
        fixed: int = 0,
        unsafe_fixes: bool = False,
        unlinted: int = 0,
        unfixed: int = 0,
    ):
        self.files = files
        self.sources = sources  # path -> Source, for showing lines
        self.color = color
        self.show_source = show_source
        self.quiet = quiet
        self.rules = rules or []  # the rules that ran, for formats that describe them
        self.fixed = fixed  # fixes applied by --fix
        self.unsafe_fixes = unsafe_fixes
        self.unlinted = unlinted  # files (or named paths) that could not be linted: the run failed
        self.unfixed = unfixed  # files whose fixes could not be written: the run failed


def failures(info: RunInfo) -> str:
    """``1 file could not be linted, 2 files could not be fixed``; "" when the run did not fail so."""
    parts = []
    for count, what in ((info.unlinted, "linted"), (info.unfixed, "fixed")):
        if count:
            parts.append(f"{count} file{'s' if count != 1 else ''} could not be {what}")
    return ", ".join(parts)


def reporter(name: str) -> Reporter:
    return importlib.import_module(f"{__name__}.{MODULES[name]}").report


def statistics_reporter(name: str) -> Reporter:
    """``--statistics``: counts per rule, as a table or (for the JSON formats) as JSON."""
    from newslint.report import statistics

    return statistics.report_json if name in ("json", "json-lines") else statistics.report
