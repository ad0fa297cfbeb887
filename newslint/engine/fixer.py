"""Applying fixes: edits in the stored text, repeated until the file settles, written atomically."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newslint.cache.folder import WRITE_BITS
from newslint.document.source import Source
from newslint.engine.findings import Placed
from newslint.engine.trail import Trail, merged, within

if TYPE_CHECKING:
    from newslint.engine.lint import FileResult

MAX_PASSES = 10  # lint-and-fix rounds before giving up on a file that keeps changing


@dataclass(frozen=True, order=True)
class Edit:
    """A replacement of ``raw[start:end]`` (offsets in the stored text, line endings kept)."""

    start: int
    end: int
    replacement: str


@dataclass
class FixOutcome:
    """What fixing one file did: the bytes before and after, and how many edits were made."""

    original: bytes
    fixed: bytes
    applied: int = 0
    settled: bool = True
    messages: list[str] = field(default_factory=list)
    trail: Trail = field(default_factory=Trail)  # the edits made, to place them in the input

    @property
    def regions(self) -> list[tuple[int, int]]:
        """Each edit made, in the input's raw offsets."""
        return self.trail.regions

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def wanted(finding: Placed, unsafe: bool) -> bool:
    """Whether ``--fix`` (or ``--fix --unsafe-fixes``) applies the finding's fix."""
    fix = finding.fix
    return fix is not None and (fix.safe or unsafe)


def edit_of(source: Source, finding: Placed) -> Edit:
    """The finding's fix as an edit of the stored text (its own span, or the finding's)."""
    assert finding.fix is not None
    place = finding.fix_place
    replacement = finding.fix.replacement
    if "\n" in replacement and source.newline != "\n":  # newline scans the file: only when needed
        replacement = replacement.replace("\n", source.newline)
    start, end = place.start, place.end
    if not replacement and start < end:
        start, end = _whole_lines(source.raw, start, end)
    return Edit(start, end, replacement)


def _line_break_at(raw: str, pos: int) -> int:
    """The length of the line ending at ``pos`` (0 when there is none)."""
    if raw.startswith("\r\n", pos):
        return 2
    return 1 if raw.startswith(("\n", "\r"), pos) else 0


def _line_break_before(raw: str, pos: int) -> int:
    """The length of the line ending just before ``pos`` (0 when there is none)."""
    if raw[max(0, pos - 2) : pos] == "\r\n":
        return 2
    return 1 if pos > 0 and raw[pos - 1] in "\r\n" else 0


def _line_start(raw: str, pos: int) -> int:
    """The start of the line holding ``pos`` (a lone ``\r`` ends a line too)."""
    newline = raw.rfind("\n", 0, pos)
    return max(newline, raw.rfind("\r", newline + 1, pos)) + 1


def _previous_line_blank(raw: str, start: int) -> bool:
    """Whether the line before the one starting at ``start`` is empty (true at the top of the file)."""
    if start == 0:
        return True
    p = start - _line_break_before(raw, start)
    return p == 0 or raw[p - 1] in "\r\n"


_SPACES = re.compile(r"[ \t]*")
_BLANK_TO_END = re.compile(r"\s*\Z")


def _whole_lines(raw: str, start: int, end: int) -> tuple[int, int]:
    """Where a deletion should start and end. A deletion of whole lines (white space around it
    on its lines aside) takes its line ending, and the blank line after it when that would
    leave two blank lines in a row; at the end of the file it takes the line breaks and blank
    lines before it instead, so that the file ends as it did (with or without a final newline)."""
    first = _line_start(raw, start)
    last = _SPACES.match(raw, end).end()  # type: ignore[union-attr]
    if raw[first:start].strip(" \t") or (last < len(raw) and raw[last] not in "\r\n"):
        return start, end
    start, end = first, last
    if _BLANK_TO_END.match(raw, end):
        return _after_last_content(raw, start), end
    end += _line_break_at(raw, end)
    after = _line_break_at(raw, end)
    return start, end + after if after and _previous_line_blank(raw, start) else end


def _after_last_content(raw: str, start: int) -> int:
    """The end of the last line before ``start`` that is not blank (0 when there is none)."""
    pos = start
    while pos > 0:
        at = pos - _line_break_before(raw, pos)
        first = _line_start(raw, at)
        if raw[first:at].strip(" \t"):
            return at
        pos = first
    return 0


def _encodable(text: str, source: Source) -> bool:
    try:
        source.encode(text)
    except UnicodeEncodeError:
        return False
    return True


def choose(source: Source, findings: Iterable[Placed], unsafe: bool) -> list[Edit]:
    """Non-overlapping edits for one pass, earliest first; the rest wait for the next pass."""
    # At the same start the longer edit comes first: deleting a teaser with its "Next Post"
    # label wins over deleting the label alone.
    edits = sorted({edit_of(source, f) for f in findings if wanted(f, unsafe)}, key=lambda e: (e.start, -e.end, e))
    chosen: list[Edit] = []
    for e in edits:
        if e.end < e.start or not _encodable(e.replacement, source):
            continue
        if chosen:
            last = chosen[-1]
            if e.start < last.end or (e.start == last.start and (e.start == e.end or last.start == last.end)):
                continue
        chosen.append(e)
    return chosen


def apply(raw: str, edits: list[Edit]) -> str:
    """``raw`` with sorted, non-overlapping edits made."""
    parts, pos = [], 0
    for e in edits:
        parts.append(raw[pos : e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(raw[pos:])
    return "".join(parts)


def encode(source: Source, raw: str) -> bytes:
    """Stored bytes for ``raw`` in the source's encoding, BOM kept."""
    return source.encode(raw)


Lint = Callable[[bytes], "FileResult"]  # lints the bytes of one file


def reported_spans(findings: Iterable[Placed]) -> list[tuple[int, int]]:
    """The stored spans of the findings and of their fixes' own spans."""
    spans = []
    for f in findings:
        spans.append((f.place.start, f.place.end))
        if f.fix is not None and f.fix.place is not None:
            spans.append((f.fix.place.start, f.fix.place.end))
    return spans


def fix_bytes(
    data: bytes, lint: Lint, unsafe: bool = False, max_passes: int = MAX_PASSES, first: FileResult | None = None
) -> tuple[FixOutcome, FileResult]:
    """Lint, apply the chosen fixes, re-lint, until nothing changes; returns the final lint too.

    Later passes fix only inside what the first lint reported (a doubled word left after one
    pass, say): a paragraph that becomes a copy of another once fixed is reported, not deleted.
    ``first`` is the lint of ``data`` when the caller already has it.
    """
    outcome = FixOutcome(data, data)
    result = first if first is not None else lint(data)
    trail = outcome.trail
    allowed = merged(reported_spans(result.findings)) if result.source is not None else []
    for _ in range(max_passes):
        source = result.source
        if source is None:
            break
        edits = choose(source, _reported(result.findings, trail, allowed), unsafe)
        if not edits:
            break
        new = encode(source, apply(source.raw, edits))
        if new == outcome.fixed:
            break
        trail.add(edits)
        outcome.fixed, outcome.applied = new, outcome.applied + len(edits)
        result = lint(new)
    else:
        if result.source is not None and choose(result.source, _reported(result.findings, trail, allowed), unsafe):
            outcome.settled = False
            outcome.messages.append(f"fixes did not settle after {max_passes} passes")
    return outcome, result


def _reported(findings: list[Placed], trail: Trail, allowed: list[tuple[int, int]]) -> list[Placed]:
    """The findings whose span lies inside what the first lint reported."""
    if not trail.passes:
        return findings
    return [f for f in findings if within(trail.origin(f.place.start, f.place.end), allowed)]


def unified_diff(label: str, before: Source, after: Source) -> str:
    """A unified diff of the stored text (line endings shown as stored lines)."""
    import difflib

    a = before.raw.splitlines(keepends=True)
    b = after.raw.splitlines(keepends=True)
    name = label.lstrip("/")  # as git names a file outside the repository: a/tmp/x.txt
    lines = difflib.unified_diff(a, b, f"a/{name}", f"b/{name}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


class WriteError(OSError):
    """The fixed file could not be written; the original is unchanged."""


def write_atomic(path: Path, data: bytes, expected: bytes | None = None) -> None:
    """Replace the file's bytes through a temporary file in the same folder, keeping its mode.

    A read-only file (no write bit for anyone: root could write it, but its owner said no) is
    not written. When ``expected`` is given and the file no longer holds it, nothing is written.
    """
    import tempfile

    target = Path(os.path.realpath(path))
    mode = stat.S_IMODE(target.stat().st_mode)
    if not mode & WRITE_BITS:
        raise WriteError(errno.EACCES, "read-only")
    if not os.access(target, os.W_OK):  # the rename would replace a file we may not write
        raise WriteError(errno.EACCES, "no permission to write it")
    if expected is not None and target.read_bytes() != expected:
        raise WriteError(f"{path}: changed while being fixed; left as it is")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".newslint")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
