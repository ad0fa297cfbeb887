"""Quotations in a document: spans between paired quotation marks, shared by rules and fixes.

Double quotation marks (curly, straight, guillemets, German „…“) always open a quotation, a
straight one after a digit excepted (an inch mark). A curly ‘ opens one only where a quotation
can start (after a space or an opening mark, before a letter); it closes at the last ’ that is not
inside a word before the next such ‘, so an apostrophe (``officials’``) never ends a quotation
early. A quotation left open runs to the end of its block (it continues in the next paragraph).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from itertools import compress, islice
from operator import ne
from typing import NamedTuple

from newslint.document.model import Document

PAIRS = {"“": "”", "«": "»", "„": "“"}
OPEN_SINGLE, CLOSE_SINGLE = "‘", "’"
OPENING = re.compile('[“«„"‘]')  # marks that may open a quotation
BEFORE_OPENING = '([{—–-“"«„'  # what may stand right before an opening mark, besides a space


class Quotation(NamedTuple):
    """A quotation in prose offsets: its opening mark at ``start``; ``end`` just after its closing
    mark, or the end of its block when it has none."""

    start: int
    end: int
    closed: bool

    @property
    def inside(self) -> tuple[int, int]:
        """The span between the marks."""
        return self.start + 1, self.end - 1 if self.closed else self.end


def quote_spans(doc: Document) -> list[Quotation]:
    """Every quotation of the document in order (a quotation nested in another is part of it)."""
    spans = doc.cache.get("quote_spans")
    if spans is None:
        spans = doc.cache["quote_spans"] = [q for b in doc.blocks for q in _quotations(b.text, b.start)]
    return spans


def _quotations(text: str, base: int) -> Iterator[Quotation]:
    i = 0
    while m := OPENING.search(text, i):
        i = m.start()
        close = _closing(text, i)
        if close is None:
            i += 1
            continue
        end = close + 1 if close >= 0 else len(text)
        yield Quotation(base + i, base + end, close >= 0)
        i = end


def _closing(text: str, i: int) -> int | None:
    """The index of the mark closing a quotation opened at ``i``; -1 when it runs to the end of the
    text; None when ``text[i]`` opens no quotation."""
    ch = text[i]
    if ch in PAIRS:
        return text.find(PAIRS[ch], i + 1)
    if ch == '"':
        if i and text[i - 1].isdigit():
            return None  # an inch mark: 22"
        close = text.find('"', i + 1)
        return close if close >= 0 or _opens(text, i) else None
    if ch == OPEN_SINGLE and _opens(text, i) and text[i + 1 : i + 2].isalpha():
        return _closing_single(text, i)
    return None


def _opens(text: str, i: int) -> bool:
    """Whether the mark at ``i`` stands where a quotation opens: after a space, before a word."""
    before = text[i - 1] if i else ""
    return (not before or before.isspace() or before in BEFORE_OPENING) and text[i + 1 : i + 2].strip() != ""


def _closing_single(text: str, i: int) -> int:
    """The last ’ that can close the ‘ at ``i`` (not inside or at the start of a word) before the
    next ‘ that opens a quotation; -1 when there is none."""
    stop = i + 1
    while (stop := text.find(OPEN_SINGLE, stop)) >= 0 and not _opens(text, stop):
        stop += 1
    stop = len(text) if stop < 0 else stop
    best, j = -1, text.find(CLOSE_SINGLE, i + 1, stop)
    while j >= 0:
        if not text[j - 1].isspace() and not text[j + 1 : j + 2].isalnum():
            best = j
        j = text.find(CLOSE_SINGLE, j + 1, stop)
    return best


def inside_quotes(doc: Document, offset: int) -> bool:
    """True when ``offset`` lies inside a quotation."""
    spans = quote_spans(doc)
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i].start < offset < spans[i].end


def rewrites_quotation(doc: Document, start: int, end: int, replacement: str) -> bool:
    """True when replacing ``doc.text[start:end]`` with ``replacement`` changes, adds or removes a
    character between a quotation's marks. Changing only the marks is not rewriting a quotation,
    and neither is deleting one whole, marks and all (a repeated paragraph, say)."""
    spans = quote_spans(doc)
    if not spans:
        return False
    old = doc.text[start:end]
    a, b, new = _trimmed(old, replacement)
    if not _rewrites(spans, start + a, start + b, new):
        return False  # the common case, without a character-by-character comparison
    if len(new) == b - a:  # characters swapped one for one (straight quotes made curly): those alone change
        return any(_rewrites(spans, start + k, start + k + 1, replacement[k]) for k in _differ(old, replacement, a, b))
    changes = SequenceMatcher(None, old, replacement, autojunk=False).get_opcodes()
    return any(_rewrites(spans, start + a, start + b, replacement[c:d]) for op, a, b, c, d in changes if op != "equal")


def _differ(old: str, new: str, a: int, b: int) -> Iterator[int]:
    """The offsets in ``[a, b)`` where ``old`` and ``new`` (of one length) hold different characters."""
    return compress(range(a, b), map(ne, islice(old, a, b), islice(new, a, b)))


def _trimmed(old: str, new: str) -> tuple[int, int, str]:
    """The part of ``old`` that changes, as (start, end, new text), common ends left out."""
    size = min(len(old), len(new))
    head = next((k for k in range(size) if old[k] != new[k]), size)
    tail = next((k for k in range(size - head) if old[-1 - k] != new[-1 - k]), size - head)
    return head, len(old) - tail, new[head : len(new) - tail]


def _rewrites(spans: list[Quotation], a: int, b: int, new: str) -> bool:
    """Whether replacing prose ``[a, b)`` with ``new`` changes the inside of a quotation."""
    i = max(0, bisect.bisect_right(spans, (a, float("inf"))) - 1)
    for q in spans[i:]:
        if q.start > b:
            break
        first, last = q.inside
        if not new and a <= q.start and q.end <= b:
            continue  # the quotation goes whole
        if (first <= a <= last) if a == b else (a < last and b > first):
            return True
    return False
