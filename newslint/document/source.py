"""Stored files: decoding bytes and converting offsets to stored line and column."""

from __future__ import annotations

import bisect
import codecs
import re
from array import array
from collections.abc import Iterator

from newslint.document.lazyre import lazy
from newslint.document.records import Record

BOM = codecs.BOM_UTF8
# The byte order mark of each encoding a file may be stored in (UTF-16 only with its BOM).
BOMS = {"utf-8": BOM, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_NEWLINE = lazy(r"\r\n|\r|\n")
# A byte that is not UTF-8 decodes (errors="surrogateescape") to one of these lone surrogates.
INVALID_BYTES = re.compile("[\udc80-\udcff]+")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]+")


def show_bytes(text: str) -> str:
    """``text`` with each undecodable byte (a lone surrogate) written as ``\\xe9``, printable."""
    return _LONE_SURROGATE.sub(_escape, text)


def _escape(m: re.Match[str]) -> str:
    return "".join(
        f"\\x{ord(ch) - 0xDC00:02x}" if "\udc80" <= ch <= "\udcff" else f"\\u{ord(ch):04x}" for ch in m.group()
    )


def _starts(newlines: Iterator[re.Match[str]]) -> array[int]:
    """Offsets where lines start: 0 and after each newline found."""
    out = array("q", [0])
    out.extend(m.end() for m in newlines)
    return out


class BinaryFileError(ValueError):
    """The file holds binary data, not text."""


class Source(Record):
    """A stored file decoded to text, with newlines normalised to ``\\n``.

    ``text`` keeps one ``\\n`` for each stored line ending (``\\n``, ``\\r\\n`` or ``\\r``),
    so line numbers and columns computed on it are those of the stored file.
    """

    __slots__ = ("path", "raw", "encoding", "bom", "text", "line_starts", "raw_line_starts")
    path: str
    # Decoded text as stored (BOM removed, line endings kept). Each byte that is not UTF-8 is
    # one lone surrogate U+DC80-U+DCFF (``errors="surrogateescape"``), so it round-trips.
    raw: str
    encoding: str  # utf-8, utf-16-le or utf-16-be
    bom: bool
    text: str
    line_starts: array[int]
    raw_line_starts: array[int]

    def __init__(self, path: str, raw: str, encoding: str = "utf-8", bom: bool = False) -> None:
        self.path, self.raw, self.encoding, self.bom = path, raw, encoding, bom
        # Without a carriage return the text is the stored text itself, not a second copy.
        self.text = _NEWLINE.sub("\n", self.raw) if "\r" in self.raw else self.raw
        # arrays of machine integers, not lists of int objects (a big file has millions of lines)
        self.line_starts = _starts(re.finditer("\n", self.text))
        self.raw_line_starts = self.line_starts if self.text is self.raw else _starts(_NEWLINE.finditer(self.raw))

    @property
    def newline(self) -> str:
        """The commonest line ending of the stored file (``\\n`` when it has none)."""
        counts = {nl: 0 for nl in ("\n", "\r\n", "\r")}
        for m in _NEWLINE.finditer(self.raw):
            counts[m.group()] += 1
        return max(counts, key=lambda nl: (counts[nl], nl == "\n"))

    def encode(self, raw: str) -> bytes:
        """Stored bytes for ``raw``: this encoding, BOM kept, undecodable bytes restored."""
        errors = "surrogateescape" if self.encoding == "utf-8" else "strict"
        return (BOMS[self.encoding] if self.bom else b"") + raw.encode(self.encoding, errors)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a ``text`` offset, columns in code points."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """The ``text`` offset of a 1-based (line, column)."""
        return self.line_starts[line - 1] + column - 1

    def raw_offset(self, offset: int) -> int:
        """The ``raw`` offset of a ``text`` offset (a ``\\r\\n`` counts as one ``\\n``)."""
        line, column = self.position(offset)
        return self.raw_line_starts[line - 1] + column - 1

    def line_text(self, line: int) -> str:
        """The stored line, without its line ending."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return self.text[start:end]


def decode(path: str, data: bytes) -> Source:
    """Decode stored bytes: UTF-8 (with or without BOM), or UTF-16 with its BOM.

    UTF-8 is decoded byte run by byte run: a byte that is not UTF-8 becomes a lone surrogate
    (``errors="surrogateescape"``) and :meth:`Source.encode` writes it back unchanged.
    Raises BinaryFileError for NUL bytes outside UTF-16, UTF-32 and invalid UTF-16.
    """
    if data.startswith(_UTF32_BOMS):
        raise BinaryFileError("UTF-32 text is not supported; convert it to UTF-8")
    for encoding in ("utf-16-le", "utf-16-be"):
        if data.startswith(BOMS[encoding]):
            return _decode_utf16(path, data[len(BOMS[encoding]) :], encoding)
    if b"\x00" in data:
        raise BinaryFileError("binary file (NUL bytes)")
    bom = data.startswith(BOM)
    body = data[len(BOM) :] if bom else data
    return Source(path, body.decode("utf-8", "surrogateescape"), "utf-8", bom)


def _decode_utf16(path: str, body: bytes, encoding: str) -> Source:
    """UTF-16 text after its BOM; invalid UTF-16 or NUL characters mean a binary file."""
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError:
        raise BinaryFileError(f"invalid {encoding.upper()} after a UTF-16 byte order mark") from None
    if "\x00" in text:
        raise BinaryFileError("binary file (NUL characters)")
    return Source(path, text, encoding, True)
