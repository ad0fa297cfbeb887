"""``--format text``: ``path:line:col: severity [rule] message``, with the source on a terminal."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from newslint.document.source import INVALID_BYTES, Source
from newslint.engine.findings import Placed
from newslint.report import RunInfo, failures

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{RESET}" if color else text


def _excerpt(f: Placed, source: Source, color: bool) -> list[str]:
    """The flagged line with a caret underline (first line of a multi-line span)."""
    p = f.place
    line = source.line_text(p.line).replace("\t", " ")
    line = INVALID_BYTES.sub(lambda m: "\ufffd" * len(m.group()), line)  # one column per byte
    start = p.column - 1
    end = p.end_column - 1 if p.end_line == p.line else len(line)
    width = max(1, end - start)
    gutter = str(p.line)
    pad = " " * len(gutter)
    caret = " " * start + "^" * width
    return [
        f"{pad} |",
        f"{gutter} | {line}",
        f"{pad} | " + _paint(caret, COLORS.get(f.severity, ""), color),
    ]


def report(findings: list[Placed], info: RunInfo, out: TextIO) -> None:
    color = info.color
    for f in findings:
        where = _paint(f"{f.path}:{f.place.line}:{f.place.column}:", BOLD, color)
        sev = _paint(f.severity, COLORS.get(f.severity, ""), color)
        out.write(f"{where} {sev} [{f.rule}] {f.message}{in_article(f)}\n")
        source = info.sources.get(f.path)
        if info.show_source and source is not None:
            out.write("\n".join(_excerpt(f, source, color)) + "\n")
            if f.suggestions:
                out.write(_paint(f"  = suggestion: {f.suggestions[0]}", DIM, color) + "\n")
            out.write("\n")
    if info.quiet:
        return
    counts = Counter(f.severity for f in findings)
    files = f"{info.files} file" + ("" if info.files == 1 else "s")
    if info.fixed:
        out.write(f"Fixed {info.fixed} problem{'s' if info.fixed != 1 else ''}.\n")
    failed = failures(info)
    if not findings:
        out.write(_failed_summary(info, failed) if failed else f"No problems found in {files}.\n")
        return
    parts = ", ".join(
        f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info") if counts[s]
    )
    total = len(findings)
    failed = f"; {failed}" if failed else ""
    out.write(f"Found {total} problem{'s' if total != 1 else ''} ({parts}) in {files}{failed}.\n")
    hint = fixable_hint(findings, info.unsafe_fixes)
    if hint:
        out.write(hint + "\n")


def in_article(f: Placed) -> str:
    """`` (article ID)`` for a finding inside an export file's article that has an id."""
    ident = f.article.get("id") if f.article else None
    return f" (article {ident})" if ident else ""


def _failed_summary(info: RunInfo, failed: str) -> str:
    """The summary of a run that found nothing but failed: it must not read as clean."""
    others = info.files - info.unlinted - info.unfixed
    rest = f"; nothing found in the other {others} file{'s' if others != 1 else ''}" if others > 0 else ""
    return f"Run failed: {failed}{rest}.\n"


def fixable_hint(findings: list[Placed], unsafe: bool) -> str:
    """How many findings ``--fix`` (and ``--unsafe-fixes``) would fix, or "" when none."""
    safe = sum(1 for f in findings if f.fix is not None and (f.fix.safe or unsafe))
    more = sum(1 for f in findings if f.fix is not None and not f.fix.safe and not unsafe)
    parts = []
    if safe:
        parts.append(f"{safe} fixable with --fix" + (" --unsafe-fixes" if unsafe else ""))
    if more:
        parts.append(f"{more} more with --fix --unsafe-fixes")
    return f"[*] {'; '.join(parts)}." if parts else ""
