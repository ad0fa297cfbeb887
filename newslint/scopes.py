"""The parts of a document a rule's ``scope`` names."""

from __future__ import annotations

from collections.abc import Iterator

from .document import Document

HEADLINE_KINDS = frozenset({"headline", "heading"})


def units(doc: Document, scope: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """(start, end) prose ranges of each unit of the given scopes, in document order."""
    if "document" in scope:
        yield 0, len(doc.text)
        return
    if "sentence" in scope:
        for s in doc.sentences:
            yield s.start, s.end
        return
    for block in doc.blocks:
        heading = block.kind in HEADLINE_KINDS
        if "block" in scope or ("headline" in scope and heading) or ("paragraph" in scope and not heading):
            yield block.start, block.end
