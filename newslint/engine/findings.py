"""Findings as rules produce them: spans in prose offsets of a document."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Fix:
    replacement: str
    safe: bool = True
    # Optional prose span of the edit when it differs from the finding's own span
    # (deleting a paragraph together with the blank line before it).
    start: int | None = None
    end: int | None = None
    # True when start and end are offsets in the stored text (``Source.text``): deleting whole
    # blocks or elements, tags and list markers included (see ``deletion.py``).
    stored: bool = False


@dataclass(slots=True)
class Related:
    start: int
    end: int
    message: str


@dataclass(slots=True)
class Finding:
    rule: str
    start: int  # prose offsets in Document.text, end exclusive
    end: int
    message: str
    severity: str = "warning"
    suggestions: list[str] = field(default_factory=list)
    fix: Fix | None = None
    related: list[Related] = field(default_factory=list)
    # True when start and end are offsets in the stored text (``Source.text``) rather than the
    # prose: a finding about the bytes themselves, which may lie in markup.
    stored: bool = False

    @property
    def category(self) -> str:
        return self.rule.split(".", 1)[0]
