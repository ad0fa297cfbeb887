"""Cutting a document's prose into pieces (the cache unit) and requests (the network unit).

A piece is a prose block, or a run of whole sentences of a block longer than the request
limit. A request joins pieces with a blank line, which LanguageTool reads as a paragraph break.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newslint.document.model import Document
from newslint.document.source import INVALID_BYTES

SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Piece:
    start: int  # prose offsets
    end: int
    text: str


def units16(text: str) -> int:
    """The length of ``text`` as LanguageTool counts it (UTF-16 code units)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def pieces(doc: Document, kinds: frozenset[str], limit: int) -> list[Piece]:
    """The prose the server should read: blocks of the given kinds, long ones cut at sentence ends."""
    out: list[Piece] = []
    for block in doc.blocks:
        if block.kind not in kinds or not block.text.strip():
            continue
        if units16(block.text) <= limit:
            out.append(Piece(block.start, block.end, block.text))
        else:
            out.extend(_cut(doc, block.index, block.start, block.end, limit))
    if INVALID_BYTES.search(doc.text):  # bytes that are not UTF-8 cannot be sent; U+FFFD keeps offsets
        out = [Piece(p.start, p.end, INVALID_BYTES.sub(lambda m: "\ufffd" * len(m.group()), p.text)) for p in out]
    return out


def _cut(doc: Document, index: int, start: int, end: int, limit: int) -> Iterator[Piece]:
    """Runs of whole sentences of one block within ``limit``; a longer sentence is cut hard."""
    text = doc.text
    ends = [s.end for s in doc.sentences if s.block == index and start < s.end < end] + [end]
    at = prev = start
    size = 0
    for e in ends:
        n = units16(text[prev:e])
        if size and size + n > limit:
            yield Piece(at, prev, text[at:prev])
            at, size = prev, 0
        size, prev = size + n, e
        while size > limit:  # one sentence longer than a request may be
            cut = at + limit // 2
            yield Piece(at, cut, text[at:cut])
            size -= units16(text[at:cut])
            at = cut
    if at < end:
        yield Piece(at, end, text[at:end])


@dataclass
class Request:
    text: str
    pieces: list[Piece]
    starts: list[int]  # offset of each piece in ``text``

    def locate(self, offset: int) -> int:
        """The index of the piece holding ``offset`` of the request text."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)


def requests(items: Iterable[Piece], limit: int) -> list[Request]:
    """Pieces grouped, in order, into as few request texts as fit within ``limit``."""
    out: list[Request] = []
    parts: list[str] = []
    group: list[Piece] = []
    starts: list[int] = []
    size = length = 0
    for piece in items:
        n = units16(piece.text)
        if group and size + len(SEPARATOR) + n > limit:
            out.append(Request(SEPARATOR.join(parts), group, starts))
            parts, group, starts, size, length = [], [], [], 0, 0
        if group:
            size += len(SEPARATOR)
            length += len(SEPARATOR)
        starts.append(length)
        parts.append(piece.text)
        group.append(piece)
        size += n
        length += len(piece.text)
    if group:
        out.append(Request(SEPARATOR.join(parts), group, starts))
    return out
