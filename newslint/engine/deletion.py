"""Deleting web leftovers cleanly: whole blocks with their markup, or whole sentences.

A deletion fix carries its own span in the stored text (``Fix.stored``):

- a run of blocks is deleted from the first block's stored extent to the last one's (plain
  text and Markdown: their source lines, list markers and heading ``#``s included); in HTML the
  span is widened to whole elements, tags included, through every element the run fills alone
  (``<p>``, ``<h3>``, a ``<div>`` wrapping only the leftover, a list item), so that no empty
  element is left; a span that would cut an element in two is not deleted;
- a phrase inside a block is deleted with the sentences holding it. When what the block holds
  besides them is no prose (no word closed by ``.``, ``!``, ``?`` or ``…``: a button label, the
  title after "Next Post"), the whole block goes; otherwise only those sentences, when they are
  stored as they read and carry no markup of their own; else no fix is offered.

The fixer then takes whole lines with their line ending (``fixer._whole_lines``).
"""

from __future__ import annotations

import bisect

from newslint.document.lazyre import lazy
from newslint.document.model import Block, Document, Element
from newslint.engine.findings import Fix

# Elements never deleted around a leftover: the page itself, and a table's structure.
KEEP = frozenset("html head body main article table caption thead tbody tfoot tr td th".split())
PROSE = lazy(r"\w['\"”’)\]]*[.!?…]")


def delete_blocks(doc: Document, first: Block, last: Block, safe: bool) -> Fix | None:
    """A fix deleting blocks ``first`` to ``last`` whole, or None when they cannot be."""
    extent = blocks_extent(doc, first.index, last.index)
    return None if extent is None else Fix("", safe, extent[0], extent[1], stored=True)


def delete_span(doc: Document, start: int, end: int, safe: bool) -> Fix | None:
    """A fix deleting the prose span ``start:end`` of a leftover: its blocks when nothing else
    in them is prose, else the sentences holding it (see the module's note)."""
    first, last = doc.block_at(start), doc.block_at(max(start, end - 1))
    if first is None or last is None:
        return None
    start, end = _sentence_start(doc, start), _sentence_end(doc, end)
    if not PROSE.search(doc.text, first.start, start) and not PROSE.search(doc.text, end, last.end):
        return delete_blocks(doc, first, last, safe)
    if first is not last or not doc.is_verbatim(start, end):
        return None
    extent = _sentence_extent(doc, first, start, end)
    return None if extent is None else Fix("", safe, extent[0], extent[1], stored=True)


def blocks_extent(doc: Document, first: int, last: int) -> tuple[int, int] | None:
    """Stored extent of blocks ``first`` to ``last``, whole elements in HTML."""
    spans = [doc.blocks[i].src for i in range(first, last + 1)]
    if any(span is None for span in spans):
        return None
    a, b = spans[0][0], spans[-1][1]  # type: ignore[index]
    return widen(doc, a, b) if doc.elements else (a, b)


def _sentence_start(doc: Document, offset: int) -> int:
    i = bisect.bisect_right(_sentence_starts(doc), offset) - 1
    return doc.sentences[i].start if i >= 0 and offset < doc.sentences[i].end else offset


def _sentence_end(doc: Document, offset: int) -> int:
    i = bisect.bisect_right(_sentence_starts(doc), offset - 1) - 1
    return max(offset, doc.sentences[i].end) if i >= 0 and offset - 1 < doc.sentences[i].end else offset


def _sentence_starts(doc: Document) -> list[int]:
    starts = doc.cache.get("deletion.sentence_starts")
    if starts is None:
        starts = doc.cache["deletion.sentence_starts"] = [s.start for s in doc.sentences]
    return starts


def _sentence_extent(doc: Document, block: Block, start: int, end: int) -> tuple[int, int] | None:
    """Stored extent of sentences inside a block, with the spaces that separate them from the rest."""
    text = doc.source.text
    a, b = doc.source_offsets(start, end)
    if doc.format == "html":
        widened = widen(doc, a, b)
        if widened is None:
            return None
        a, b = widened
    elif doc.format == "markdown" and not (_blank_or_edge(text, a - 1) and _blank_or_edge(text, b)):
        return None  # inside emphasis or a link: deleting the words would leave the markers
    after = b
    while after < len(text) and text[after] in " \t":
        after += 1
    before = a
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    if after > b and after < len(text) and text[after] != "\n" and end < block.end:
        return a, after
    return before, b


def _blank_or_edge(text: str, i: int) -> bool:
    return i < 0 or i >= len(text) or text[i].isspace()


# --- HTML elements ------------------------------------------------------------------------------


class _Tree:
    """The document's elements (properly nested, sorted by start) with each one's parent."""

    def __init__(self, elements: list[Element]) -> None:
        self.elements = elements
        self.starts = [e.start for e in elements]
        self.parent: list[int] = []
        stack: list[int] = []
        for i, e in enumerate(elements):
            while stack and elements[stack[-1]].end <= e.start:
                stack.pop()
            self.parent.append(stack[-1] if stack else -1)
            stack.append(i)

    def ancestors(self, pos: int) -> list[Element]:
        """The elements holding the stored offset ``pos``, innermost first."""
        out = []
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0:
            e = self.elements[i]
            if e.end > pos:
                out.append(e)
            i = self.parent[i]
        return out


def _tree(doc: Document) -> _Tree:
    tree = doc.cache.get("deletion.tree")
    if tree is None:
        tree = doc.cache["deletion.tree"] = _Tree(doc.elements)
    return tree


def widen(doc: Document, a: int, b: int) -> tuple[int, int] | None:
    """The stored span ``a:b`` grown to whole elements: every element it starts or ends inside
    (with only white space between the span and that element's start or end tag) and every
    element it fills alone, up to the page's structure (``KEEP``). None when the span would cut
    an element in two."""
    tree, text = _tree(doc), doc.source.text
    while True:
        moved = False
        for e in tree.ancestors(a):
            if e.start < a and e.end <= b:  # starts before the span, ends inside it
                if not (e.inner_start <= a and not text[e.inner_start : a].strip()):
                    return None
                a, moved = e.start, True
                break
        if moved:
            continue
        for e in tree.ancestors(max(a, b - 1)):
            if e.start >= a and e.end > b:  # starts inside the span, ends after it
                if not (b <= e.inner_end and not text[b : e.inner_end].strip()):
                    return None
                b, moved = e.end, True
                break
        if moved:
            continue
        holder = next((e for e in tree.ancestors(a) if e.end >= b and (e.start, e.end) != (a, b)), None)
        if (
            holder is None
            or holder.tag in KEEP
            or text[holder.inner_start : a].strip()
            or text[b : holder.inner_end].strip()
        ):
            return a, b
        a, b = holder.start, holder.end
