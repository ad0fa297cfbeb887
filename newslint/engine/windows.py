"""Windows of a big document: runs of whole blocks, each linted as a document of its own.

A document far longer than any article (a scraped dump, a concatenation) is cut into windows of
consecutive whole blocks, never inside a block. A window is a view of the parsed document: its
prose is a slice of the document's, its blocks are the document's renumbered from 0, and its
offset map sends each of its prose offsets to the same stored offset as the document's map
does, so that a finding in a window is placed in the stored file exactly as in the whole
document. Only one window's tokens are held at a time: memory is one window's worth plus the
text, and time is linear in the size.

The windows partition the prose: a window runs from the end of the block before its first (0
for the first) to the end of the block before the next window's first (the text's end for the
last), so the separators between blocks belong to the window of the block after them.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Iterator

from newslint.document.model import Block, Document, Element
from newslint.document.offsets import OffsetMap, Segment

# Documents with more prose characters than this are linted in windows of about WINDOW_CHARS.
WINDOW_ABOVE = 1 << 20
WINDOW_CHARS = 256 << 10
ENV_ABOVE = "NEWSLINT_WINDOW_ABOVE"  # forces another threshold (tests: a small one)
ENV_CHARS = "NEWSLINT_WINDOW_CHARS"


def sizes() -> tuple[int, int]:
    """(threshold, window size) in prose characters: the defaults, or the environment's."""
    above = int(os.environ.get(ENV_ABOVE) or WINDOW_ABOVE)
    chars = int(os.environ.get(ENV_CHARS) or WINDOW_CHARS)
    return above, max(1, chars)


def cuts(doc: Document, chars: int) -> list[tuple[int, int]]:
    """(first, end) block indexes of each window: whole blocks, each window at least one block
    and no more than ``chars`` prose characters unless one block is longer."""
    out: list[tuple[int, int]] = []
    first = 0
    blocks = doc.blocks
    for i in range(1, len(blocks)):
        if blocks[i].end - blocks[first].start > chars:
            out.append((first, i))
            first = i
    if blocks:
        out.append((first, len(blocks)))
    return out


class WholeDocument(Document):
    """The whole document, for the kinds that run once over all of it: they read its blocks and
    text, never its tokens (that would hold every token of a big file at once)."""

    def _split(self) -> None:
        raise RuntimeError("a whole-document kind must not read the tokens of a windowed document")


def whole(doc: Document) -> WholeDocument:
    """The document as a :class:`WholeDocument` (the same text, blocks and map, a fresh cache)."""
    return WholeDocument(doc.source, doc.format, doc.text, doc.blocks, doc.map, doc.directives, doc.elements)


class Window:
    """One window: its document and where its prose starts in the whole document's."""

    __slots__ = ("doc", "base", "first")

    def __init__(self, doc: Document, base: int, first: int) -> None:
        self.doc, self.base, self.first = doc, base, first


def windows(doc: Document, chars: int) -> Iterator[Window]:
    """The document's windows in order, each built when asked for (so one is held at a time)."""
    spans = cuts(doc, chars)
    elements = _ElementSweep(doc.elements)
    for n, (first, end) in enumerate(spans):
        lo = doc.blocks[first - 1].end if first else 0
        hi = doc.blocks[spans[n + 1][0] - 1].end if n + 1 < len(spans) else len(doc.text)
        src_lo = doc.map.to_source(lo)
        src_hi = doc.map.to_source(hi, is_end=True) if hi > lo else src_lo
        view = Document(
            doc.source,
            doc.format,
            doc.text[lo:hi],
            [_moved(b, lo, first) for b in doc.blocks[first:end]],
            _shifted_map(doc.map, lo, hi),
            [],
            elements.overlapping(src_lo, src_hi),
        )
        yield Window(view, lo, first)


def _moved(block: Block, lo: int, first: int) -> Block:
    return Block(block.kind, block.start - lo, block.end - lo, block.index - first, block.text, block.src)


def _shifted_map(whole_map: OffsetMap, lo: int, hi: int) -> OffsetMap:
    """The map of prose ``lo:hi`` with offsets from ``lo``: the segments over it, moved."""
    starts = [s.prose_start for s in whole_map.segments]
    i = max(0, bisect.bisect_right(starts, lo) - 1)
    j = bisect.bisect_left(starts, hi)
    segments = whole_map.segments[i : max(j, i + 1)]
    return OffsetMap([Segment(s.prose_start - lo, s.prose_len, s.src_start, s.src_len) for s in segments])


class _ElementSweep:
    """The HTML elements overlapping each window's stored span, for windows in order: the
    elements starting in it and those open across its start (its ancestors), in start order."""

    def __init__(self, elements: list[Element]) -> None:
        self.elements = elements
        self.starts = [e.start for e in elements]
        self.open: list[Element] = []
        self.done = 0  # elements before this index are in ``open`` or ended

    def overlapping(self, lo: int, hi: int) -> list[Element]:
        if not self.elements:
            return []
        k = bisect.bisect_left(self.starts, lo, self.done)
        self.open = [e for e in self.open + self.elements[self.done : k] if e.end > lo]
        end = bisect.bisect_left(self.starts, hi, k)
        inside = self.elements[k:end]
        self.done = k
        return self.open + inside
