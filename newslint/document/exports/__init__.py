"""Export files: one file holding many articles (a WordPress WXR export, JSON Lines, a JSON
array). A file is scanned once into slices of whole articles (``scan``); each slice is read on
its own into articles (``wxr``, ``jsonfile``), every article with the map from its text back to
the export file as stored (``compose``)."""

from __future__ import annotations

from pathlib import PurePath

from newslint.document.offsets import OffsetMap
from newslint.document.records import Record

JSON_LINES = frozenset({".jsonl", ".ndjson"})
KINDS = ("wxr", "jsonl", "json")


class Fields(Record):
    """Which fields of a JSON article hold what (the ``export`` section of the configuration);
    ``body`` and the others name the first field present of each list."""

    __slots__ = ("id", "title", "body", "url", "format")

    def __init__(
        self,
        id: tuple[str, ...] = ("id", "uuid", "slug", "guid"),
        title: tuple[str, ...] = ("title", "headline"),
        body: tuple[str, ...] = ("html", "content", "body", "text", "markdown", "plaintext"),
        url: tuple[str, ...] = ("url", "link", "canonical_url"),
        format: str | None = None,  # html, markdown or text; None: by the body field's name
    ) -> None:
        self.id, self.title, self.body, self.url, self.format = id, title, body, url, format


class Slice(Record):
    """Whole articles of an export file: bytes ``start`` to ``end``, which begin at 1-based
    ``line`` and ``column`` and at character ``offset`` of the stored text; ``first`` for the
    file's first slice (messages said once per file go with it). ``data`` holds the bytes when
    they travel with the slice (to a cluster's worker)."""

    __slots__ = ("kind", "start", "end", "line", "column", "offset", "articles", "first", "data")

    def __init__(
        self,
        kind: str,
        start: int,
        end: int,
        line: int,
        column: int,
        offset: int,
        articles: int,
        first: bool = False,
        data: bytes | None = None,
    ) -> None:
        self.kind, self.start, self.end = kind, start, end  # kind: wxr, jsonl or json
        self.line, self.column, self.offset = line, column, offset
        self.articles, self.first, self.data = articles, first, data


class Article(Record):
    """One article read from a slice: its text to lint (a title and body composed into one
    document), the map from that text back to the slice's text, and the offset in the slice's
    text where its record (the ``<item>``, the JSON object) starts."""

    __slots__ = ("id", "title", "url", "format", "text", "map", "at")

    def __init__(
        self, id: str | None, title: str | None, url: str | None, format: str, text: str, map: OffsetMap, at: int
    ) -> None:
        self.id, self.title, self.url, self.format = id, title, url, format
        self.text, self.map, self.at = text, map, at

    def info(self) -> dict[str, str]:
        """The article as findings name it: id, title and url when known."""
        out = {"id": self.id, "title": self.title, "url": self.url}
        return {k: v for k, v in out.items() if v}


class Problem(Record):
    """An article that could not be read, and why (where: an offset of the slice's text)."""

    __slots__ = ("at", "reason")

    def __init__(self, at: int, reason: str) -> None:
        self.at, self.reason = at, reason


class Read(Record):
    """What a slice holds: its articles, those that could not be read, and how many records
    were not articles (a JSON object with no body field: a draft, a record of another kind)."""

    __slots__ = ("articles", "problems", "bodiless")

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.problems: list[Problem] = []
        self.bodiless = 0


def kind_by_name(path: str) -> str | None:
    """The export kind a file's name says, for names that say it alone (JSON Lines)."""
    suffix = PurePath(path).suffix.lower()
    return "jsonl" if suffix in JSON_LINES else None


def sniff(path: str, head: bytes) -> str | None:
    """The export kind of a file from its name and first bytes: a WordPress export (XML naming
    WordPress's export namespace), JSON Lines, or a JSON array; None for an article file."""
    suffix = PurePath(path).suffix.lower()
    if suffix in JSON_LINES:
        return "jsonl"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if suffix == ".xml" and text.startswith(b"<") and b"wordpress.org/export/" in head:
        return "wxr"
    if suffix == ".json" and text.startswith(b"["):
        return "json"
    return None
