"""The document model every rule reads: blocks, sentences and tokens with an offset map."""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Sequence
from functools import cached_property
from typing import Any

from newslint.document.offsets import OffsetMap
from newslint.document.records import FrozenRecord, Record
from newslint.document.source import Source
from newslint.document.tokens import Sentence, Token, split_sentences, tokenize

# Block kinds. A headline is the article's title (first line of a text file, front matter
# `title`, an `h1`); headings are other headings; fields are other front matter values.
PROSE_KINDS = frozenset({"paragraph", "list_item", "quote"})


class Block(Record):
    """A block of the prose. Its text is not a copy of its own: the document it belongs to binds
    it to its prose (:meth:`bind`), and :attr:`text` slices it on demand (a big file's blocks
    would otherwise hold a second copy of the whole prose)."""

    __slots__ = ("kind", "start", "end", "index", "src", "_text", "_prose")
    FIELDS = ("kind", "start", "end", "index", "text", "src")
    kind: str  # headline, heading, paragraph, list_item, quote, caption, field, table_cell
    start: int
    end: int
    index: int
    # The block's whole extent in the stored text (``Source.text`` offsets, end exclusive): its
    # lines in plain text and Markdown (list marker and heading ``#``s included), its first to
    # last character in HTML (the reader's ``elements`` widen that to whole elements). None
    # when the block cannot be deleted on its own (a front matter field, a table cell).
    src: tuple[int, int] | None
    _text: str | None  # the text given, for a block not (yet) in a document
    _prose: str | None  # its document's prose, once bound

    def __init__(
        self, kind: str, start: int, end: int, index: int, text: str | None = None, src: tuple[int, int] | None = None
    ) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.index = index
        self.src = src
        self._text = text
        self._prose = None

    def _names(self) -> tuple[str, ...]:
        return self.FIELDS

    @property
    def text(self) -> str:
        """The block's prose: its document's from ``start`` to ``end``."""
        prose = self._prose
        if prose is None:
            return self._text or ""
        return prose[self.start : self.end]

    def bind(self, prose: str) -> None:
        """Read the text from ``prose`` (its document's) from now on."""
        self._prose = prose
        self._text = None


class Directive(Record):
    """An inline suppression comment: ``disable``, ``enable`` or ``disable-next-line``."""

    __slots__ = ("action", "rules", "line", "end_line")
    action: str
    rules: tuple[str, ...]
    line: int  # stored line of the comment
    end_line: int

    def __init__(self, action: str, rules: tuple[str, ...], line: int, end_line: int) -> None:
        self.action = action
        self.rules = rules
        self.line = line
        self.end_line = end_line


class Element(FrozenRecord):
    """An HTML element in the stored text: ``<p>`` at ``start``, its content from ``inner_start``
    to ``inner_end``, its end tag ending at ``end`` (``inner_end == end`` when implied)."""

    __slots__ = ("tag", "start", "inner_start", "inner_end", "end")
    tag: str
    start: int
    inner_start: int
    inner_end: int
    end: int

    def __init__(self, tag: str, start: int, inner_start: int, inner_end: int, end: int) -> None:
        object.__setattr__(self, "tag", tag)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "inner_start", inner_start)
        object.__setattr__(self, "inner_end", inner_end)
        object.__setattr__(self, "end", end)


class Document(Record):
    __slots__ = ("source", "format", "text", "blocks", "map", "directives", "elements", "cache", "__dict__")
    source: Source
    format: str  # text, markdown, html
    text: str
    blocks: list[Block]
    map: OffsetMap
    directives: list[Directive]
    elements: list[Element]  # HTML only, in order of their start
    cache: dict[Any, Any]  # views computed once and shared by rules

    def __init__(
        self,
        source: Source,
        format: str,
        text: str,
        blocks: list[Block],
        map: OffsetMap,
        directives: list[Directive] | None = None,
        elements: list[Element] | None = None,
        cache: dict[Any, Any] | None = None,
    ) -> None:
        self.source = source
        self.format = format
        self.text = text
        self.blocks = blocks
        for block in blocks:
            block.bind(text)
        self.map = map
        self.directives = [] if directives is None else directives
        self.elements = [] if elements is None else elements
        self.cache = {} if cache is None else cache

    @property
    def path(self) -> str:
        return self.source.path

    @cached_property
    def tokens(self) -> list[Token]:
        """Every token of the document in order, with its block and sentence index."""
        self._split()
        tokens: list[Token] = self.__dict__["tokens"]
        return tokens

    @cached_property
    def sentences(self) -> Sequence[Sentence]:
        self._split()
        sentences: list[Sentence] = self.__dict__["sentences"]
        return sentences

    def _split(self) -> None:
        """Tokenize every block once, split the blocks into sentences, note each block's tokens."""
        tokens: list[Token] = []
        sentences: list[Sentence] = []
        spans = [(0, 0)] * len(self.blocks)
        for block in self.blocks:
            found = tokenize(self.text, block.start, block.end, block.index)
            if not found:
                continue
            first = len(tokens)
            sentences.extend(split_sentences(self.text, found, first, block.index, len(sentences)))
            tokens.extend(found)
            spans[block.index] = (first, len(tokens))
        self.__dict__["tokens"] = tokens
        self.__dict__["sentences"] = sentences
        self.__dict__["block_tokens"] = spans

    @cached_property
    def block_tokens(self) -> list[tuple[int, int]]:
        """For each block, the (first, end) indexes of its tokens in ``tokens``."""
        self._split()
        spans: list[tuple[int, int]] = self.__dict__["block_tokens"]
        return spans

    def tokens_of(self, block: Block) -> list[Token]:
        first, end = self.block_tokens[block.index]
        return self.tokens[first:end]

    @cached_property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.kind == "word" or t.kind == "abbr"]

    @cached_property
    def token_texts(self) -> list[str]:
        """The text of each token, in order (several rules scan them all)."""
        return [t.text for t in self.tokens]

    @property
    def headline(self) -> Block | None:
        return next((b for b in self.blocks if b.kind == "headline"), None)

    def block_index(self, offset: int) -> int:
        """Index of the last block starting at or before the prose offset, or -1."""
        starts = self.cache.get("block_starts")
        if starts is None:
            starts = self.cache["block_starts"] = array("q", (b.start for b in self.blocks))
        return bisect.bisect_right(starts, offset) - 1

    def block_at(self, offset: int) -> Block | None:
        """The block holding the prose offset (its end included), or None between blocks."""
        i = self.block_index(offset)
        return self.blocks[i] if i >= 0 and offset <= self.blocks[i].end else None

    # --- mapping back to the stored file -------------------------------------------------
    def source_offsets(self, start: int, end: int) -> tuple[int, int]:
        """Source-text offsets of a prose span (end exclusive)."""
        a = self.map.to_source(start)
        b = self.map.to_source(end, is_end=True) if end > start else a
        return a, max(a, b)

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end_line, end_column) in the stored file, 1-based, end exclusive."""
        a, b = self.source_offsets(start, end)
        return (*self.source.position(a), *self.source.position(b))

    def source_text(self, start: int, end: int) -> str:
        a, b = self.source_offsets(start, end)
        return self.source.text[a:b]

    def is_verbatim(self, start: int, end: int) -> bool:
        return self.map.is_verbatim(start, end)
