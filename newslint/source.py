"""Stored files: decoding bytes and converting offsets to stored line and column."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

BOM = b"\xef\xbb\xbf"
_NEWLINE = re.compile(r"\r\n|\r|\n")
# Bytes that are undefined in cp1252: text containing them is not cp1252.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


class BinaryFileError(ValueError):
    """The file holds binary data, not text."""


@dataclass
class Source:
    """A stored file decoded to text, with newlines normalised to ``\\n``.

    ``text`` keeps one ``\\n`` for each stored line ending (``\\n``, ``\\r\\n`` or ``\\r``),
    so line numbers and columns computed on it are those of the stored file.
    """

    path: str
    raw: str  # decoded text as stored (BOM removed, line endings kept)
    encoding: str = "utf-8"
    bom: bool = False
    guessed_encoding: bool = False
    text: str = field(init=False)
    line_starts: list[int] = field(init=False)
    raw_line_starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.text = _NEWLINE.sub("\n", self.raw)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        self.raw_line_starts = [0] + [m.end() for m in _NEWLINE.finditer(self.raw)]

    @property
    def newline(self) -> str:
        """The commonest line ending of the stored file (``\\n`` when it has none)."""
        counts = {nl: 0 for nl in ("\n", "\r\n", "\r")}
        for m in _NEWLINE.finditer(self.raw):
            counts[m.group()] += 1
        return max(counts, key=lambda nl: (counts[nl], nl == "\n"))

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
    """Decode stored bytes: UTF-8 (with or without BOM), else unambiguous cp1252.

    Raises BinaryFileError for NUL bytes, UTF-16/32 BOMs (not supported) and bytes that
    decode as neither.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BinaryFileError("UTF-16/UTF-32 text is not supported; convert it to UTF-8")
    if b"\x00" in data:
        raise BinaryFileError("binary file (NUL bytes)")
    bom = data.startswith(BOM)
    body = data[len(BOM) :] if bom else data
    try:
        return Source(path, body.decode("utf-8"), "utf-8", bom)
    except UnicodeDecodeError as exc:
        bad = exc.start
    if bom or _CP1252_UNDEFINED.intersection(body):
        raise BinaryFileError(f"bytes that are neither UTF-8 nor cp1252 (invalid UTF-8 at {_where(body, bad)})")
    return Source(path, body.decode("cp1252"), "cp1252", False, guessed_encoding=True)


def _where(data: bytes, offset: int) -> str:
    """The line and column of a byte offset, counting code points of the valid text before it."""
    head = _NEWLINE.split(data[:offset].decode("utf-8", "replace"))
    return f"line {len(head)}, column {len(head[-1]) + 1}"
