"""The offset map from prose text back to the stored file.

Readers build the prose of a document piece by piece with :class:`ProseBuilder`; every piece
records where it came from in the source text. A piece copied verbatim maps character by
character; a piece that replaces markup (an entity, a run of white space) maps as a whole.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable

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
    """Maps prose offsets to source-text offsets.

    The segments are kept as four arrays of machine integers (a big document has millions of
    them; as objects they would cost over 100 bytes each); :attr:`segments` makes them afresh."""

    def __init__(self, segments: Iterable[Segment] = ()) -> None:
        self._starts, self._lens, self._src, self._src_lens = (array("q") for _ in range(4))
        for seg in segments:
            self._append(seg.prose_start, seg.prose_len, seg.src_start, seg.src_len)

    def _append(self, prose_start: int, prose_len: int, src_start: int, src_len: int) -> None:
        self._starts.append(prose_start)
        self._lens.append(prose_len)
        self._src.append(src_start)
        self._src_lens.append(src_len)

    @property
    def segments(self) -> list[Segment]:
        """The segments in prose order, as records (made on each call)."""
        return [Segment(*row) for row in zip(self._starts, self._lens, self._src, self._src_lens, strict=True)]

    def _segment(self, offset: int, is_end: bool) -> int:
        """Index of the segment holding the offset, or -1 when there is none."""
        if not self._starts:
            return -1
        key = offset - 1 if is_end and offset > 0 else offset
        return max(0, bisect.bisect_right(self._starts, key) - 1)

    def to_source(self, offset: int, is_end: bool = False) -> int:
        """The source offset of a prose offset; ``is_end`` for an exclusive end."""
        i = self._segment(offset, is_end)
        if i < 0:
            return 0
        prose_len, src_start, src_len = self._lens[i], self._src[i], self._src_lens[i]
        delta = offset - self._starts[i]
        if prose_len == src_len:
            return src_start + min(max(delta, 0), src_len)
        if is_end:
            return src_start + (src_len if delta > 0 else 0)
        return src_start + (src_len if delta >= prose_len else 0)

    def is_verbatim(self, start: int, end: int) -> bool:
        """True when prose[start:end] is a contiguous verbatim copy of the source."""
        if start >= end:
            return True
        first = self._segment(start, False)
        last = self._segment(end, True)
        if first < 0 or last < 0 or self._lens[first] != self._src_lens[first]:
            return False
        return first == last or self.to_source(end, True) - self.to_source(start) == end - start


class ProseBuilder:
    """Collects prose pieces and their source positions. With ``keep`` false it keeps only
    their length and offset map, not the pieces: for a reader whose prose is a text it already
    holds (a plain text file whose blocks are one blank line apart), which need not be copied
    piece by piece."""

    def __init__(self, keep: bool = True) -> None:
        self.parts: list[str] = []
        self.keep = keep
        self.map = OffsetMap()
        self.length = 0

    def add(self, text: str, src_start: int, src_len: int | None = None) -> None:
        """Append ``text`` taken from ``src_len`` source characters at ``src_start``."""
        if not text:
            return
        src_len = len(text) if src_len is None else src_len
        m = self.map
        if (
            m._starts
            and m._lens[-1] == m._src_lens[-1]
            and src_len == len(text)
            and m._src[-1] + m._src_lens[-1] == src_start
            and m._starts[-1] + m._lens[-1] == self.length
        ):
            m._lens[-1] += len(text)
            m._src_lens[-1] += src_len
        else:
            m._append(self.length, len(text), src_start, src_len)
        if self.keep:
            self.parts.append(text)
        self.length += len(text)

    def add_gap(self, text: str, src_at: int) -> None:
        """Append text that stands for no source characters (a separator)."""
        self.add(text, src_at, 0)

    def mark(self) -> tuple[int, int, int]:
        """Where the prose stands now, for :meth:`rollback`."""
        return len(self.parts), len(self.map._starts), self.length

    def rollback(self, mark: tuple[int, int, int]) -> None:
        """Drop what was added since ``mark``."""
        parts, segments, self.length = mark
        del self.parts[parts:]
        for column in (self.map._starts, self.map._lens, self.map._src, self.map._src_lens):
            del column[segments:]

    def build(self) -> tuple[str, OffsetMap]:
        assert self.keep, "the pieces were not kept"
        return "".join(self.parts), self.map
