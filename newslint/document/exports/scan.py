"""One pass over an export file, line by line, cutting it into slices of whole articles.

Only the places where articles start are found here (an ``<item`` of a WordPress export outside
CDATA sections and comments, a line of JSON Lines, an object at the top of a JSON array); the
articles are read from each slice later, where it is linted. Memory is bounded by the longest
line, not the file: WordPress writes one element per line and JSON Lines one article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from newslint.document.exports import Slice

SLICE_BYTES = 256 << 10  # articles are grouped into slices of about this size
WXR_MARK = re.compile(rb"<!\[CDATA\[|\]\]>|<!--|-->|<item[\s>]|<!ENTITY\b|<!DOCTYPE\b")
JSON_MARK = re.compile(rb'[\[\]{}"]')
STRING_REST = re.compile(rb'(?:[^"\\]|\\.)*(")?', re.DOTALL)


class Refused(ValueError):
    """The file is not read (an XML file that declares entities)."""


class Cursor:
    """Where a byte of the file is: its line, column and character offset (stored text)."""

    __slots__ = ("line", "column", "offset")

    def __init__(self, line: int = 1, column: int = 1, offset: int = 0) -> None:
        self.line, self.column, self.offset = line, column, offset


def _advance(cur: Cursor, piece: bytes) -> None:
    """Move the cursor over stored bytes: ``\\n``, ``\\r\\n`` and ``\\r`` each end a line."""
    text = piece.decode("utf-8", "surrogateescape")
    cur.offset += len(text)
    ends = text.count("\n") + text.count("\r") - text.count("\r\n")
    if ends:
        cur.line += ends
        last = max(text.rfind("\n"), text.rfind("\r"))
        cur.column = len(text) - last
    else:
        cur.column += len(text)


class Slicer:
    """Collects article starts into slices of about ``size`` bytes."""

    def __init__(self, kind: str, size: int) -> None:
        self.kind, self.size = kind, size
        self.start: tuple[int, Cursor] | None = None
        self.count = 0
        self.first = True

    def article(self, byte: int, cur: Cursor) -> Iterator[Slice]:
        """An article starts at ``byte``: close the slice when it is full."""
        if self.start is not None and byte - self.start[0] >= self.size:
            yield self._close(byte)
        if self.start is None:
            self.start = (byte, Cursor(cur.line, cur.column, cur.offset))
        self.count += 1

    def finish(self, end: int) -> Iterator[Slice]:
        if self.start is not None:
            yield self._close(end)

    def _close(self, end: int) -> Slice:
        assert self.start is not None
        byte, cur = self.start
        out = Slice(self.kind, byte, end, cur.line, cur.column, cur.offset, self.count, self.first)
        self.start, self.count, self.first = None, 0, False
        return out


def scan(fh: BinaryIO, kind: str, size: int | None = None) -> Iterator[Slice]:
    """The slices of an export file of ``kind`` (wxr, jsonl or json), in order, each of about
    ``size`` bytes (default ``SLICE_BYTES``)."""
    scanner = {"wxr": _wxr, "jsonl": _jsonl, "json": _json}[kind]
    yield from scanner(fh, Slicer(kind, size or SLICE_BYTES))


def _lines(fh: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """Each stored line with its byte offset (a UTF-8 byte order mark is skipped)."""
    byte = 0
    for line in fh:
        if byte == 0 and line.startswith(b"\xef\xbb\xbf"):
            line, byte = line[3:], 3
        yield byte, line
        byte += len(line)


def _jsonl(fh: BinaryIO, slicer: Slicer) -> Iterator[Slice]:
    cur, end = Cursor(), 0
    for byte, line in _lines(fh):
        if line.strip():
            yield from slicer.article(byte, cur)
        _advance(cur, line)
        end = byte + len(line)
    yield from slicer.finish(end)


def _wxr(fh: BinaryIO, slicer: Slicer) -> Iterator[Slice]:
    cur, end, state = Cursor(), 0, ""  # state: "" (markup), "cdata" or "comment"
    for byte, line in _lines(fh):
        done = 0
        for m in WXR_MARK.finditer(line):
            mark = m.group()
            if state == "cdata":
                state = "" if mark == b"]]>" else state
            elif state == "comment":
                state = "" if mark == b"-->" else state
            elif mark == b"<![CDATA[":
                state = "cdata"
            elif mark == b"<!--":
                state = "comment"
            elif mark == b"<!ENTITY":
                raise Refused(f"line {cur.line}: it declares XML entities (<!ENTITY>), which are never expanded")
            elif mark.startswith(b"<item"):
                _advance(cur, line[done : m.start()])
                done = m.start()
                yield from slicer.article(byte + m.start(), cur)
        _advance(cur, line[done:])
        end = byte + len(line)
    yield from slicer.finish(end)


def _json(fh: BinaryIO, slicer: Slicer) -> Iterator[Slice]:
    """Objects at depth 1 of a JSON array (strings are skipped whole, escapes and all)."""
    cur, end, depth, in_string = Cursor(), 0, 0, False
    for byte, line in _lines(fh):
        pos, done = 0, 0
        while pos < len(line):
            if in_string:
                m = STRING_REST.match(line, pos)
                assert m is not None
                pos, in_string = m.end(), m.group(1) is None
                continue
            found = JSON_MARK.search(line, pos)
            if found is None:
                break
            ch, pos = found.group(), found.end()
            if ch == b'"':
                in_string = True
            elif ch in b"[{":
                if depth == 1 and ch == b"{":
                    _advance(cur, line[done : found.start()])
                    done = found.start()
                    yield from slicer.article(byte + found.start(), cur)
                depth += 1
            else:
                depth -= 1
        _advance(cur, line[done:])
        end = byte + len(line)
    yield from slicer.finish(end)
