"""Reporters: each turns the findings of a run into one output format."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TextIO

Reporter = Callable[[list[dict[str, Any]], "RunInfo", TextIO], None]


class RunInfo:
    """What a reporter may need besides the findings."""

    def __init__(self, files: int, sources: dict[str, Any], color: bool, show_source: bool, quiet: bool):
        self.files = files
        self.sources = sources  # path -> Source, for showing lines
        self.color = color
        self.show_source = show_source
        self.quiet = quiet


def reporter(name: str) -> Reporter:
    if name == "json":
        from .json import report
    else:
        from .text import report
    return report


FORMATS = ("text", "json")
