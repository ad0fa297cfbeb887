"""``--format concise``: one line per finding, ``path:line:col: severity [rule] message``."""

from __future__ import annotations

from typing import TextIO

from newslint.engine.findings import Placed
from newslint.report import RunInfo
from newslint.report.text import in_article


def line(f: Placed, unsafe_fixes: bool = False) -> str:
    """One finding; ``[*]`` when ``--fix`` would fix it (an unsafe fix only with ``--unsafe-fixes``)."""
    mark = " [*]" if f.fix is not None and (f.fix.safe or unsafe_fixes) else ""
    return f"{f.path}:{f.place.line}:{f.place.column}: {f.severity} [{f.rule}]{mark} {f.message}{in_article(f)}"


def report(findings: list[Placed], info: RunInfo, out: TextIO) -> None:
    for f in findings:
        out.write(line(f, info.unsafe_fixes) + "\n")
