"""The parts of a document a rule's ``scope`` names."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from newslint.document.model import Block, Document
from newslint.engine.regexes import find

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


def ranges(doc: Document, scope: tuple[str, ...]) -> list[tuple[int, int]]:
    """Like :func:`units`, but runs of consecutive blocks merge into one range.

    A regex then makes one pass over each run instead of one per block; callers drop the
    matches that :func:`crosses_blocks` (the prose between blocks is a blank line).
    """
    if "document" in scope or "sentence" in scope:
        return list(units(doc, scope))
    return runs(
        b
        for b in doc.blocks
        if "block" in scope
        or ("headline" in scope and b.kind in HEADLINE_KINDS)
        or ("paragraph" in scope and b.kind not in HEADLINE_KINDS)
    )


def runs(blocks: Iterable[Block]) -> list[tuple[int, int]]:
    """(start, end) of each run of consecutive blocks among ``blocks`` (in document order)."""
    out: list[tuple[int, int]] = []
    last = -2
    for block in blocks:
        if out and last == block.index - 1:
            out[-1] = (out[-1][0], block.end)
        else:
            out.append((block.start, block.end))
        last = block.index
    return out


def crosses_blocks(doc: Document, start: int, end: int) -> bool:
    """True when the prose span does not lie inside one block."""
    block = doc.block_at(start)
    return block is None or end > block.end


def matches_in(doc: Document, scope: tuple[str, ...], pattern: Any) -> Iterator[Any]:
    """Matches of a compiled pattern in the scope's units, one regex pass per run of blocks."""
    merged = "document" not in scope and "sentence" not in scope
    for start, end in ranges(doc, scope):
        for m in find(pattern, doc.text, start, end):
            if not merged or not crosses_blocks(doc, m.start(), m.end()):
                yield m
