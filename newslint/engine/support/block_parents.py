"""The element that holds each block's own element in an HTML page (the ``div`` around a
paragraph, the ``ul`` around an item): blocks that one element holds are siblings, as the
article's closing lines are of its paragraphs. Shared by ``boilerplate_outside`` and the page
model's features."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from newslint.document.model import Block, Document, Element

# Elements that hold a block of their own (a paragraph, an item, a heading), not inline ones.
BLOCK_TAGS = frozenset("p li h1 h2 h3 h4 h5 h6 blockquote dd dt figcaption pre div section td th".split())
NONE = (-1, -1)


def block_spans(doc: Document) -> list[tuple[int, int]]:
    """(start, end) in the stored text of each block of the document (computed once a document
    and shared)."""
    spans: list[tuple[int, int]] | None = doc.cache.get("block_spans")
    if spans is None:
        spans = doc.cache["block_spans"] = [doc.source_offsets(b.start, b.end) for b in doc.blocks]
    return spans


def containers(
    doc: Document, blocks: Sequence[Block], spans: Sequence[tuple[int, int]] | None = None
) -> Iterator[tuple[int, int]]:
    """For blocks in document order, (start, end) in the stored text of the element that holds
    each one's own element (its ``p``, ``li``, ``h2``), or ``NONE`` when there is none: one
    sweep over the elements, however many blocks. ``spans``: the blocks' own, when known."""
    elements, nxt = doc.elements, 0
    stack: list[Element] = []
    for i, block in enumerate(blocks):
        a, b = spans[i] if spans is not None else doc.source_offsets(block.start, block.end)
        while nxt < len(elements) and elements[nxt].start <= a:
            e, nxt = elements[nxt], nxt + 1
            while stack and stack[-1].end <= e.start:
                stack.pop()
            stack.append(e)
        yield _holder(stack, b)


def _holder(stack: list[Element], end: int) -> tuple[int, int]:
    """(start, end) of the element below the innermost block element of ``stack`` that holds a
    block ending at ``end`` (elements that closed before it are skipped)."""
    own = False
    for e in reversed(stack):
        if e.end < end:
            continue
        if own:
            return e.start, e.end
        own = e.tag in BLOCK_TAGS
    return NONE


def body_element(doc: Document, first: int, end: int) -> tuple[int, int]:
    """(start, end) in the stored text of the innermost element (not html or body) that holds
    the elements holding blocks ``first`` and ``end - 1`` (the article's body: the element
    around its paragraphs, even when one paragraph is all the body found), or ``NONE``."""
    if end <= first or not doc.elements:
        return NONE
    held = [h for h in containers(doc, [doc.blocks[first], doc.blocks[end - 1]]) if h != NONE]
    if not held:
        return NONE
    a, b = min(h[0] for h in held), max(h[1] for h in held)
    best = NONE
    for e in doc.elements:
        if e.start > a:
            break
        if e.end >= b and e.tag not in ("html", "body"):
            best = (e.start, e.end)  # a later start is an inner element
    return best
