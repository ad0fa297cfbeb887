"""Findings as rules produce them (spans in prose offsets of a document), and as placed in the
stored file for everything after the rules."""

from __future__ import annotations

import struct
from collections.abc import Iterable
from typing import Any

from newslint.document.records import Record


class Fix(Record):
    __slots__ = ("replacement", "safe", "start", "end", "stored")
    replacement: str
    safe: bool
    # Optional prose span of the edit when it differs from the finding's own span
    # (deleting a paragraph together with the blank line before it).
    start: int | None
    end: int | None
    # True when start and end are offsets in the stored text (``Source.text``): deleting whole
    # blocks or elements, tags and list markers included (see ``deletion.py``).
    stored: bool

    def __init__(
        self,
        replacement: str,
        safe: bool = True,
        start: int | None = None,
        end: int | None = None,
        stored: bool = False,
    ) -> None:
        self.replacement = replacement
        self.safe = safe
        self.start = start
        self.end = end
        self.stored = stored


class Related(Record):
    __slots__ = ("start", "end", "message")
    start: int
    end: int
    message: str

    def __init__(self, start: int, end: int, message: str) -> None:
        self.start = start
        self.end = end
        self.message = message


class Finding(Record):
    __slots__ = ("rule", "start", "end", "message", "severity", "suggestions", "fix", "related", "stored")
    rule: str
    start: int  # prose offsets in Document.text, end exclusive
    end: int
    message: str
    severity: str
    suggestions: list[str]
    fix: Fix | None
    related: list[Related]
    # True when start and end are offsets in the stored text (``Source.text``) rather than the
    # prose: a finding about the bytes themselves, which may lie in markup.
    stored: bool

    def __init__(
        self,
        rule: str,
        start: int,
        end: int,
        message: str,
        severity: str = "warning",
        suggestions: list[str] | None = None,
        fix: Fix | None = None,
        related: list[Related] | None = None,
        stored: bool = False,
    ) -> None:
        self.rule = rule
        self.start = start
        self.end = end
        self.message = message
        self.severity = severity
        self.suggestions = [] if suggestions is None else suggestions
        self.fix = fix
        self.related = [] if related is None else related
        self.stored = stored

    @property
    def category(self) -> str:
        return self.rule.split(".", 1)[0]


class Checked(Record):
    """What one check reports besides findings, for a kind whose ``check`` returns it instead of
    an iterable of findings: warnings for the user, and whether the check could not run (its
    service was unavailable), which makes the file count as failed."""

    __slots__ = ("findings", "warnings", "incomplete")
    findings: Iterable[Finding]
    warnings: Iterable[str]
    incomplete: bool

    def __init__(
        self, findings: Iterable[Finding] = (), warnings: Iterable[str] = (), incomplete: bool = False
    ) -> None:
        self.findings = findings
        self.warnings = warnings
        self.incomplete = incomplete


# --- findings placed in the stored file ------------------------------------------------------


_PLACE = struct.Struct("<6q")
_NUMBER = struct.Struct("<q")
_PLACE_FIELDS = ("start", "end", "line", "column", "end_line", "end_column")


class _Field:
    """One of a place's six numbers, read from its packed bytes."""

    __slots__ = ("_at",)

    def __init__(self, index: int) -> None:
        self._at = index * _NUMBER.size

    def __get__(self, place: Place, owner: object = None) -> int:
        return int(_NUMBER.unpack_from(place._packed, self._at)[0])


class Place(Record):
    """A span of the stored file: offsets in ``Source.raw`` (line endings as stored) and the
    1-based line and column of each end (end exclusive, columns in code points).

    The six numbers are packed in one bytes object, read back on access: a big file has a
    hundred thousand findings of up to three places each, and as six int objects a place was
    most of its finding's memory. Equality, ``repr`` and ``replaced`` see the six fields."""

    __slots__ = ("_packed",)

    def __init__(self, start: int, end: int, line: int, column: int, end_line: int, end_column: int) -> None:
        self._packed = _PLACE.pack(start, end, line, column, end_line, end_column)

    def _names(self) -> tuple[str, ...]:
        return _PLACE_FIELDS

    def _values(self) -> tuple[Any, ...]:
        return _PLACE.unpack(self._packed)

    start = _Field(0)
    end = _Field(1)
    line = _Field(2)
    column = _Field(3)
    end_line = _Field(4)
    end_column = _Field(5)

    def position(self) -> dict[str, int]:
        """Line and column of both ends, as the output contract names them."""
        _, _, line, column, end_line, end_column = _PLACE.unpack(self._packed)
        return {"line": line, "column": column, "end_line": end_line, "end_column": end_column}

    def to_dict(self) -> dict[str, int]:
        return dict(zip(_PLACE_FIELDS, _PLACE.unpack(self._packed), strict=True))

    @classmethod
    def from_dict(cls, d: dict[str, int]) -> Place:
        return cls(d["start"], d["end"], d["line"], d["column"], d["end_line"], d["end_column"])


class Sharing:
    """One object for equal texts, and for equal related places, of one file's placed findings: a
    big file has a hundred thousand findings but a few thousand distinct messages, and many of its
    findings point to the same related span (the first copy of a paragraph, an example of the
    usual style). Places and related spans are never changed once made, so equal ones may be one
    object."""

    __slots__ = ("_texts", "_places", "_related")

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._places: dict[bytes, Place] = {}
        self._related: dict[tuple[tuple[bytes, str], ...], tuple[PlacedRelated, ...]] = {}

    def text(self, text: str) -> str:
        """The first string equal to ``text`` given to this sharing."""
        return self._texts.setdefault(text, text)

    def place(self, place: Place) -> Place:
        """The first place equal to ``place`` given to this sharing."""
        return self._places.setdefault(place._packed, place)

    def related(self, related: tuple[PlacedRelated, ...]) -> tuple[PlacedRelated, ...]:
        """The first related spans (of this file: no path, no article) equal to ``related`` given
        to this sharing: the later copies of one paragraph all name its first."""
        if not related:
            return related
        key = tuple((r.place._packed, r.message) for r in related)
        return self._related.setdefault(key, related)


class PlacedFix(Record):
    """A fix that ``--fix`` may make: its own span only when it differs from its finding's."""

    __slots__ = ("replacement", "safe", "place")
    replacement: str
    safe: bool
    place: Place | None

    def __init__(self, replacement: str, safe: bool, place: Place | None = None) -> None:
        self.replacement = replacement
        self.safe = safe
        self.place = place


class PlacedRelated(Record):
    __slots__ = ("place", "message", "path", "article")
    place: Place
    message: str
    path: str | None  # another file's place (a cross-article finding); None: the same file
    article: dict[str, Any] | None  # the article inside an export file (id, title, url, line)

    def __init__(
        self, place: Place, message: str, path: str | None = None, article: dict[str, Any] | None = None
    ) -> None:
        self.place = place
        self.message = message
        self.path = path
        self.article = article

    def record(self) -> dict[str, Any]:
        out: dict[str, Any] = {**self.place.position(), "message": self.message}
        if self.path is not None:
            out["path"] = self.path
        if self.article is not None:
            out["article"] = self.article
        return out


class Print(Record):
    """One paragraph's fingerprint for a cross-article rule: the rule, the key of its text, its
    place in the stored file, and the key of the article it is in inside an export file (None:
    the file is one article)."""

    __slots__ = ("rule", "key", "place", "article")
    rule: str
    key: str
    place: Place
    article: str | None

    def __init__(self, rule: str, key: str, place: Place, article: str | None = None) -> None:
        self.rule = rule
        self.key = key
        self.place = place
        self.article = article

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "key": self.key, "place": self.place.to_dict(), "article": self.article}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Print:
        return cls(str(d["rule"]), str(d["key"]), Place.from_dict(d["place"]), d["article"])


class Placed(Record):
    """A finding of one file placed in the stored text, as suppression, the cache, the fixer and
    the reporters use it."""

    __slots__ = ("path", "rule", "severity", "message", "place", "suggestions", "fix", "related", "article")
    path: str
    rule: str
    severity: str
    message: str
    place: Place
    suggestions: tuple[str, ...]
    fix: PlacedFix | None
    related: tuple[PlacedRelated, ...]
    article: dict[str, Any] | None  # the article inside an export file (id, title, url, line)

    def __init__(
        self,
        path: str,
        rule: str,
        severity: str,
        message: str,
        place: Place,
        suggestions: tuple[str, ...] = (),
        fix: PlacedFix | None = None,
        related: tuple[PlacedRelated, ...] = (),
        article: dict[str, Any] | None = None,
    ) -> None:
        self.path = path
        self.rule = rule
        self.severity = severity
        self.message = message
        self.place = place
        self.suggestions = suggestions
        self.fix = fix
        self.related = related
        self.article = article

    @property
    def category(self) -> str:
        return self.rule.split(".", 1)[0]

    @property
    def fix_place(self) -> Place:
        """The span the fix replaces (its own, else the finding's); only for a finding with a fix."""
        assert self.fix is not None
        return self.fix.place or self.place

    def record(self) -> dict[str, Any]:
        """The finding as the output contract describes it (keys in the contract's order), and
        the article inside an export file when it is in one."""
        out: dict[str, Any] = {
            "path": self.path,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            **self.place.position(),
            "suggestions": list(self.suggestions),
            "fix": None if self.fix is None else _fix_record(self.fix),
            "related": [r.record() for r in self.related],
        }
        if self.article is not None:
            out["article"] = self.article
        return out

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy for the result cache, stored offsets included; :meth:`from_dict` reads it."""
        out: dict[str, Any] = {
            "path": self.path,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "place": self.place.to_dict(),
            "suggestions": list(self.suggestions),
            "fix": None,
            "related": [
                {"place": r.place.to_dict(), "message": r.message, "path": r.path, "article": r.article}
                for r in self.related
            ],
        }
        if self.fix is not None:
            own = None if self.fix.place is None else self.fix.place.to_dict()
            out["fix"] = {"replacement": self.fix.replacement, "safe": self.fix.safe, "place": own}
        if self.article is not None:
            out["article"] = self.article
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Placed:
        fix = d["fix"]
        return cls(
            d["path"],
            d["rule"],
            d["severity"],
            d["message"],
            Place.from_dict(d["place"]),
            tuple(d["suggestions"]),
            None if fix is None else _fix_from_dict(fix),
            tuple(
                PlacedRelated(Place.from_dict(r["place"]), r["message"], r.get("path"), r.get("article"))
                for r in d["related"]
            ),
            d.get("article"),
        )


def _fix_record(fix: PlacedFix) -> dict[str, Any]:
    """A fix as the output contract shows it: its own span only when it has one."""
    out: dict[str, Any] = {"replacement": fix.replacement, "safe": fix.safe}
    if fix.place is not None:
        out.update(fix.place.position())
    return out


def _fix_from_dict(d: dict[str, Any]) -> PlacedFix:
    own = d["place"]
    return PlacedFix(d["replacement"], d["safe"], None if own is None else Place.from_dict(own))
