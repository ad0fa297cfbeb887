"""``--format github``: GitHub Actions workflow commands, one annotation per finding."""

from __future__ import annotations

from typing import TextIO

from newslint.engine.findings import Placed
from newslint.report import RunInfo

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Placed) -> str:
    p = f.place
    props = [
        f"file={_prop(f.path)}",
        f"line={p.line}",
        f"col={p.column}",
        f"endLine={p.end_line}",
        f"endColumn={p.end_column}",
        f"title={_prop('newslint ' + f.rule)}",
    ]
    message = f.message
    if f.suggestions:
        message += f" (suggestion: {f.suggestions[0]})"
    return f"::{LEVELS.get(f.severity, 'warning')} {','.join(props)}::{_data(message)}"


def report(findings: list[Placed], info: RunInfo, out: TextIO) -> None:
    for f in findings:
        out.write(annotation(f) + "\n")
