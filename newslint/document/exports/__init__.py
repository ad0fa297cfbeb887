"""Export files: one file holding many articles (a WordPress WXR export, JSON Lines, a JSON
array). A file is scanned once into slices of whole articles (``scan``); each slice is read on
its own into articles (``wxr``, ``jsonfile``), every article with the map from its text back to
the export file as stored (``compose``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from newslint.document.offsets import OffsetMap

JSON_LINES = frozenset({".jsonl", ".ndjson"})
KINDS = ("wxr", "jsonl", "json")


@dataclass(frozen=True)
class Fields:
    """Which fields of a JSON article hold what (the ``export`` section of the configuration);
    ``body`` and the others name the first field present of each list."""

    id: tuple[str, ...] = ("id", "uuid", "slug", "guid")
    title: tuple[str, ...] = ("title", "headline")
    body: tuple[str, ...] = ("html", "content", "body", "text", "markdown", "plaintext")
    url: tuple[str, ...] = ("url", "link", "canonical_url")
    format: str | None = None  # html, markdown or text; None: by the body field's name


@dataclass(frozen=True)
class Slice:
    """Whole articles of an export file: bytes ``start`` to ``end``, which begin at 1-based
    ``line`` and ``column`` and at character ``offset`` of the stored text. ``data`` holds the
    bytes when they travel with the slice (to a cluster's worker)."""

    kind: str  # wxr, jsonl or json
    start: int
    end: int
    line: int
    column: int
    offset: int
    articles: int
    first: bool = False  # the file's first slice (messages said once per file go with it)
    data: bytes | None = None


@dataclass
class Article:
    """One article read from a slice: its text to lint (a title and body composed into one
    document) and the map from that text back to the slice's text."""

    id: str | None
    title: str | None
    url: str | None
    format: str  # html, markdown or text
    text: str
    map: OffsetMap
    line: int  # the slice line the article starts on (0-based), for messages

    def info(self) -> dict[str, str]:
        """The article as findings name it: id, title and url when known."""
        out = {"id": self.id, "title": self.title, "url": self.url}
        return {k: v for k, v in out.items() if v}


@dataclass
class Problem:
    """An article that could not be read, and why (where: an offset of the slice's text)."""

    at: int
    reason: str


@dataclass
class Read:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


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
