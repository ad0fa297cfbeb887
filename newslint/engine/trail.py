"""Where the fixer's edits stand in the input: positions mapped back through passes of edits."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Protocol


class EditLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def replacement(self) -> str: ...


class Pass:
    """One pass of sorted, non-overlapping edits, mapping positions after it to positions before."""

    def __init__(self, edits: Sequence[EditLike]) -> None:
        self.edits = edits
        self.new_starts: list[int] = []
        self.shifts: list[int] = []  # after-minus-before, up to and including each edit
        shift = 0
        for e in edits:
            self.new_starts.append(e.start + shift)
            shift += len(e.replacement) - (e.end - e.start)
            self.shifts.append(shift)

    def back(self, pos: int, is_end: bool = False) -> int:
        """The position before the pass. A start maps by the character at it, an exclusive end
        by the character before it; a character of a replacement maps to its edit's start (as a
        start) or end (as an end)."""
        if is_end:
            return 0 if pos == 0 else self._char(pos - 1, end=True)
        return self._char(pos, end=False)

    def _char(self, pos: int, end: bool) -> int:
        i = bisect.bisect_right(self.new_starts, pos) - 1
        if i < 0:
            return pos + end
        e = self.edits[i]
        if pos < self.new_starts[i] + len(e.replacement):
            return e.end if end else e.start
        return pos - self.shifts[i] + end


class Trail:
    """Every pass of edits made so far, to place spans of the current text in the input."""

    def __init__(self) -> None:
        self.passes: list[Pass] = []
        self.regions: list[tuple[int, int]] = []  # each edit, in input offsets

    def origin(self, start: int, end: int) -> tuple[int, int]:
        """The input span of a span of the current text."""
        for p in reversed(self.passes):
            start, end = p.back(start), p.back(end, is_end=True)
        return start, max(start, end)

    def add(self, edits: Sequence[EditLike]) -> None:
        self.regions += [self.origin(e.start, e.end) for e in edits]
        self.passes.append(Pass(edits))


def merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of the spans as sorted, disjoint spans (touching spans join)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def within(span: tuple[int, int], allowed: Sequence[tuple[int, int]]) -> bool:
    """Whether the span lies inside one of the allowed spans (ends included); ``allowed``
    sorted and disjoint, as :func:`merged` makes them."""
    start, end = span
    i = bisect.bisect_right(allowed, (start, float("inf"))) - 1
    return i >= 0 and allowed[i][0] <= start and end <= allowed[i][1]
