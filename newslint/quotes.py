"""Quotations in a document: spans between paired quotation marks, shared by rules."""

from __future__ import annotations

import bisect

from .document import Document

PAIRS = {"“": "”", "«": "»", "„": "“"}


def quote_spans(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of each quotation closed within its block, in document order."""
    spans = doc.cache.get("quote_spans")
    if spans is not None:
        return spans
    spans = []
    for block in doc.blocks:
        text, base = block.text, block.start
        i = 0
        while i < len(text):
            ch = text[i]
            close = PAIRS.get(ch) or ('"' if ch == '"' else None)
            if close:
                j = text.find(close, i + 1)
                if j > i:
                    spans.append((base + i, base + j + 1))
                    i = j + 1
                    continue
            i += 1
    doc.cache["quote_spans"] = spans
    return spans


def inside_quotes(doc: Document, offset: int) -> bool:
    """True when ``offset`` lies inside a quotation."""
    spans = quote_spans(doc)
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] < offset < spans[i][1]
