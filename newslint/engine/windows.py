"""Windows of a big document: runs of whole blocks, each linted as a document of its own.

A document far longer than any article (a scraped dump, a concatenation) is cut into windows of
consecutive whole blocks, never inside a block. A window is a view of the parsed document: its
prose is a slice of the document's, its blocks are the document's renumbered from 0, and its
offset map is the document's seen from the window's first offset, so that a finding in a window
is placed in the stored file exactly as in the whole document. Only one window's tokens are
held at a time: memory is one window's worth plus the text, and time is linear in the size.

The windows' own prose partitions the document's: a window owns from the end of the block before
its first (0 for the first) to the end of the block before the next window's first (the text's
end for the last), so the separators between blocks belong to the window of the block after
them. A window may also hold a block of context on either side, for the rules that look at a
neighbouring block; a finding there is its neighbour's, and dropped.
"""

from __future__ import annotations

import bisect
import os
from array import array
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from typing import overload

from newslint.document.model import Block, Document, Element
from newslint.document.offsets import OffsetMap
from newslint.document.tokens import Sentence, Token, split_sentences, tokenize

# Documents with more prose characters than this are linted in windows of about WINDOW_CHARS.
WINDOW_ABOVE = 1 << 20
WINDOW_CHARS = 256 << 10
ENV_ABOVE = "NEWSLINT_WINDOW_ABOVE"  # forces another threshold (tests: a small one)
ENV_CHARS = "NEWSLINT_WINDOW_CHARS"


def sizes() -> tuple[int, int]:
    """(threshold, window size) in prose characters: the defaults, or the environment's (a value
    that is not a whole number is ignored)."""
    return _number(ENV_ABOVE, WINDOW_ABOVE), max(1, _number(ENV_CHARS, WINDOW_CHARS))


def _number(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value.isdigit() else default


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
    """The whole document, for the kinds that run once over all of it: they read its blocks, its
    text, its sentences and the tokens of one block at a time, never all its tokens at once
    (that would hold every token of a big file)."""

    @property  # type: ignore[override]
    def tokens(self) -> list[Token]:
        raise RuntimeError("a whole-document kind must not read every token of a windowed document")

    def _split(self) -> None:
        raise RuntimeError("a whole-document kind must not read every token of a windowed document")

    @cached_property
    def sentences(self) -> PackedSentences:
        """The sentences, block by block (their tokens made and let go one block at a time),
        packed (see :class:`PackedSentences`)."""
        out = PackedSentences()
        count = 0
        for block in self.blocks:
            found = tokenize(self.text, block.start, block.end, block.index)
            if found:
                out.extend(split_sentences(self.text, found, count, block.index))  # tokens unnumbered: let go
                count += len(found)
        return out

    def tokens_of(self, block: Block) -> list[Token]:
        """The block's tokens, made afresh, each with its sentence numbered from the block's
        first (equal within the block as in the document's token stream, not the same numbers)."""
        found = tokenize(self.text, block.start, block.end, block.index)
        split_sentences(self.text, found, 0, block.index, 0)
        return found


class PackedSentences(Sequence[Sentence]):
    """A document's sentences as five columns of numbers, each made a :class:`Sentence` again
    when read: a big file has hundreds of thousands of sentences, some 200 bytes each as
    objects (five numbers among them) and 40 here."""

    __slots__ = ("_columns",)

    def __init__(self) -> None:
        self._columns = (array("q"), array("q"), array("q"), array("q"), array("q"))

    def extend(self, sentences: Iterable[Sentence]) -> None:
        starts, ends, blocks, firsts, lasts = self._columns
        for s in sentences:
            starts.append(s.start)
            ends.append(s.end)
            blocks.append(s.block)
            firsts.append(s.first_token)
            lasts.append(s.end_token)

    def __len__(self) -> int:
        return len(self._columns[0])

    def __iter__(self) -> Iterator[Sentence]:
        return map(Sentence, *self._columns)

    @overload
    def __getitem__(self, index: int) -> Sentence: ...

    @overload
    def __getitem__(self, index: slice) -> list[Sentence]: ...

    def __getitem__(self, index: int | slice) -> Sentence | list[Sentence]:
        if isinstance(index, slice):
            return list(map(Sentence, *(column[index] for column in self._columns)))
        return Sentence(*(column[index] for column in self._columns))


def whole(doc: Document) -> WholeDocument:
    """The document as a :class:`WholeDocument` (the same text, blocks and map, a fresh cache)."""
    return WholeDocument(doc.source, doc.format, doc.text, doc.blocks, doc.map, doc.directives, doc.elements)


class Window:
    """One window: its document, where its prose starts in the whole document's, the index of
    its first block there, and the span of its own prose (without the context blocks)."""

    __slots__ = ("doc", "base", "first", "own")

    def __init__(self, doc: Document, base: int, first: int, own: tuple[int, int]) -> None:
        self.doc, self.base, self.first, self.own = doc, base, first, own

    def owns(self, start: int, stored: bool = False) -> bool:
        """Whether a finding starting at ``start`` (a stored offset when ``stored``) is in this
        window's own prose, not in a context block that its neighbour owns."""
        lo, hi = self.own
        if stored:
            to_source = self.doc.map.to_source
            return to_source(lo) <= start < (to_source(hi) if hi < len(self.doc.text) else len(self.doc.source.text))
        return lo <= start < hi or start == hi == len(self.doc.text)


def windows(doc: Document, chars: int, context: int = 0) -> Iterator[Window]:
    """The document's windows in order, each built when asked for (so one is held at a time);
    with ``context``, each window also holds that many blocks before and after its own (a
    paragraph a quotation runs on into, the one a sentence follows)."""
    spans = cuts(doc, chars)
    elements = _ElementSweep(doc.elements)
    count = len(doc.blocks)

    def edge(i: int) -> int:  # where the prose of block i and the separator before it starts
        return len(doc.text) if i >= count else doc.blocks[i - 1].end if i else 0

    for first, end in spans:
        low, high = max(0, first - context), min(count, end + context)
        lo, hi = edge(low), edge(high)
        src_lo = doc.map.to_source(lo)
        src_hi = doc.map.to_source(hi, is_end=True) if hi > lo else src_lo
        view = Document(
            doc.source,
            doc.format,
            doc.text[lo:hi],
            [_moved(b, lo, low) for b in doc.blocks[low:high]],
            ShiftedMap(doc.map, lo),
            [],
            elements.overlapping(src_lo, src_hi),
        )
        yield Window(view, lo, low, (edge(first) - lo, edge(end) - lo))


def _moved(block: Block, lo: int, first: int) -> Block:
    return Block(block.kind, block.start - lo, block.end - lo, block.index - first, None, block.src)


class ShiftedMap(OffsetMap):
    """The whole document's map seen from a window whose prose starts at ``base``: the same
    stored offset for every prose offset, the window's own or not (a finding's related span may
    lie in another window), at no cost per window."""

    def __init__(self, whole: OffsetMap, base: int) -> None:
        self.whole, self.base = whole, base
        self._starts, self._lens, self._src, self._src_lens = whole._starts, whole._lens, whole._src, whole._src_lens

    def to_source(self, offset: int, is_end: bool = False) -> int:
        return self.whole.to_source(offset + self.base, is_end)

    def is_verbatim(self, start: int, end: int) -> bool:
        return self.whole.is_verbatim(start + self.base, end + self.base)


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
