"""Reporters: each turns the findings of a run into one output format."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TextIO

from newslint.document.records import Record
from newslint.document.source import Source
from newslint.engine.findings import Placed
from newslint.engine.loader import Rule

# format name -> module of this package that holds its ``report`` function
MODULES = {
    "text": "text",
    "concise": "concise",
    "json": "json",
    "json-lines": "json_lines",
    "github": "github",
    "gitlab": "gitlab",
    "sarif": "sarif",
    "html": "html",
}
FORMATS = tuple(MODULES)


class RunInfo(Record):
    """What a reporter may need besides the findings."""

    __slots__ = (
        "files",
        "sources",
        "color",
        "show_source",
        "quiet",
        "rules",
        "fixed",
        "unsafe_fixes",
        "unlinted",
        "unfixed",
    )
    files: int
    sources: dict[str, Source]  # path -> Source, for showing lines
    color: bool
    show_source: bool
    quiet: bool
    rules: list[Rule]  # the rules that ran, for formats that describe them
    fixed: int  # fixes applied by --fix
    unsafe_fixes: bool
    unlinted: int  # files (or named paths) that could not be linted: the run failed
    unfixed: int  # files whose fixes could not be written: the run failed

    def __init__(
        self,
        files: int,
        sources: dict[str, Source],
        color: bool,
        show_source: bool,
        quiet: bool,
        rules: list[Rule] | None = None,
        fixed: int = 0,
        unsafe_fixes: bool = False,
        unlinted: int = 0,
        unfixed: int = 0,
    ) -> None:
        self.files = files
        self.sources = sources
        self.color = color
        self.show_source = show_source
        self.quiet = quiet
        self.rules = [] if rules is None else rules
        self.fixed = fixed
        self.unsafe_fixes = unsafe_fixes
        self.unlinted = unlinted
        self.unfixed = unfixed


Reporter = Callable[[list[Placed], RunInfo, TextIO], None]


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
