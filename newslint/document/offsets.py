"""The offset map from prose text back to the stored file.

Readers build the prose of a document piece by piece with :class:`ProseBuilder`; every piece
records where it came from in the source text. A piece copied verbatim maps character by
character; a piece that replaces markup (an entity, a run of white space) maps as a whole.
"""

from __future__ import annotations

import bisect

from newslint.document.records import FrozenRecord


class Segment(FrozenRecord):
    __slots__ = ("prose_start", "prose_len", "src_start", "src_len")
    prose_start: int
    prose_len: int
    src_start: int
    src_len: int

    def __init__(self, prose_start: int, prose_len: int, src_start: int, src_len: int) -> None:
        object.__setattr__(self, "prose_start", prose_start)
        object.__setattr__(self, "prose_len", prose_len)
        object.__setattr__(self, "src_start", src_start)
        object.__setattr__(self, "src_len", src_len)

    @property
    def verbatim(self) -> bool:
        return self.prose_len == self.src_len


class OffsetMap:
    """Maps prose offsets to source-text offsets."""

    def __init__(self, segments: list[Segment]) -> None:
        self.segments = segments
        self._starts = [s.prose_start for s in segments]

    def _segment(self, offset: int, is_end: bool) -> Segment | None:
        if not self.segments:
            return None
        key = offset - 1 if is_end and offset > 0 else offset
        i = max(0, bisect.bisect_right(self._starts, key) - 1)
        return self.segments[i]

    def to_source(self, offset: int, is_end: bool = False) -> int:
        """The source offset of a prose offset; ``is_end`` for an exclusive end."""
        seg = self._segment(offset, is_end)
        if seg is None:
            return 0
        delta = offset - seg.prose_start
        if seg.verbatim:
            return seg.src_start + min(max(delta, 0), seg.src_len)
        if is_end:
            return seg.src_start + (seg.src_len if delta > 0 else 0)
        return seg.src_start + (seg.src_len if delta >= seg.prose_len else 0)

    def is_verbatim(self, start: int, end: int) -> bool:
        """True when prose[start:end] is a contiguous verbatim copy of the source."""
        if start >= end:
            return True
        first = self._segment(start, False)
        last = self._segment(end, True)
        if first is None or last is None or not first.verbatim:
            return False
        return first is last or self.to_source(end, True) - self.to_source(start) == end - start


class ProseBuilder:
    """Collects prose pieces and their source positions."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.segments: list[Segment] = []
        self.length = 0

    def add(self, text: str, src_start: int, src_len: int | None = None) -> None:
        """Append ``text`` taken from ``src_len`` source characters at ``src_start``."""
        if not text:
            return
        src_len = len(text) if src_len is None else src_len
        last = self.segments[-1] if self.segments else None
        if (
            last
            and last.verbatim
            and src_len == len(text)
            and last.src_start + last.src_len == src_start
            and last.prose_start + last.prose_len == self.length
        ):
            self.segments[-1] = Segment(
                last.prose_start, last.prose_len + len(text), last.src_start, last.src_len + src_len
            )
        else:
            self.segments.append(Segment(self.length, len(text), src_start, src_len))
        self.parts.append(text)
        self.length += len(text)

    def add_gap(self, text: str, src_at: int) -> None:
        """Append text that stands for no source characters (a separator)."""
        self.add(text, src_at, 0)

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self.parts), OffsetMap(self.segments)
