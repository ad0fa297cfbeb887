"""Damaged text and its one owner: broken characters (mojibake) and bytes that are not UTF-8.

Inside damaged text only the rule that repairs it reports. Any other rule would read the
broken characters as words or marks (``firstâ`` a typo, the ``©`` of ``Ã©`` a copyright
line, the ``“`` of ``â€“`` a quotation mark) and its fix would compose with the repair into
new garbage. The damaged spans are computed once per document; a finding of another rule is
dropped when it overlaps one without covering it whole, and its fix is dropped unless it
deletes the damaged text whole (a repeated paragraph holding mojibake may still be deleted).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator

from newslint.document.model import Document
from newslint.document.source import INVALID_BYTES
from newslint.engine.findings import Finding

OWNER_KINDS = frozenset({"mojibake", "decoding"})  # the kinds that report damaged text
Span = tuple[int, int]


def spans(doc: Document) -> list[Span]:
    """The damaged prose spans of the document, sorted and merged (computed once)."""
    found = doc.cache.get("damage.spans")
    if found is None:
        from newslint.engine.kinds.mojibake import repairs

        raw = [(r.start, r.end) for r in repairs(doc)] + list(_around_invalid_bytes(doc.text))
        found = doc.cache["damage.spans"] = _merge(raw)
    return found


def _around_invalid_bytes(text: str) -> Iterator[Span]:
    """The run of non-space characters around each byte that is not UTF-8 (a lone surrogate):
    ``caf`` of ``caf\\xe9`` is not a typo."""
    for m in INVALID_BYTES.finditer(text):
        start, end = m.start(), m.end()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        yield start, end


def _merge(raw: list[Span]) -> list[Span]:
    out: list[Span] = []
    for start, end in sorted(raw):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def respect(findings: Iterable[Finding], damaged: list[Span]) -> Iterator[Finding]:
    """The findings of a rule that does not own damaged text, kept out of ``damaged``."""
    ends = [end for _, end in damaged]
    for f in findings:
        if f.stored:
            yield f
            continue
        hit = _overlapping(damaged, ends, f.start, f.end)
        if any(not (f.start <= a and b <= f.end) for a, b in hit):
            continue
        if f.fix is not None:
            start = f.start if f.fix.start is None else f.fix.start
            end = f.end if f.fix.end is None else f.fix.end
            hit = _overlapping(damaged, ends, start, end)
            if hit and (f.fix.replacement or any(not (start <= a and b <= end) for a, b in hit)):
                f = f.replaced(fix=None)
        yield f


def _overlapping(damaged: list[Span], ends: list[int], start: int, end: int) -> list[Span]:
    """The damaged spans that ``[start, end)`` overlaps; an empty span overlaps what holds it."""
    out = []
    i = bisect.bisect_right(ends, start)
    while i < len(damaged) and damaged[i][0] < max(end, start + 1):
        a, b = damaged[i]
        if a < end or a < start < b:
            out.append(damaged[i])
        i += 1
    return out
