"""LanguageTool matches as newslint findings."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from newslint.engine.findings import Finding, Fix
from newslint.engine.languagetool.batches import Piece
from newslint.engine.languagetool.client import RawMatch
from newslint.engine.loader import Rule

MAX_SUGGESTIONS = 5
_NOT_ID = re.compile(r"[^a-z0-9]+")


def finding_id(rule_id: str) -> str:
    """``grammar.<LanguageTool rule id>`` in lower case with dashes: ``grammar.en-a-vs-an``.

    Every LanguageTool finding stays in the ``grammar`` category (the output contract's
    "findings from a LanguageTool server"), so that selecting or ignoring ``grammar`` covers them.
    """
    name = _NOT_ID.sub("-", rule_id.lower()).strip("-") or "unknown"
    return f"grammar.{name}"


def to_finding(rule: Rule, piece: Piece, m: RawMatch) -> Finding | None:
    """The finding of a match whose offsets are relative to ``piece``; None when it is empty."""
    start = piece.start + min(m.start, len(piece.text))
    end = piece.start + min(m.end, len(piece.text))
    if end <= start:
        return None
    suggestions = [r for r in m.replacements[:MAX_SUGGESTIONS] if r != piece.text[m.start : m.end]]
    fix = Fix(suggestions[0], safe=False) if suggestions else None
    message = rule.format_message(piece.text[m.start : m.end], message=m.message.strip(), rule=m.rule_id)
    return Finding(finding_id(m.rule_id), start, end, message, rule.severity, suggestions, fix)


def same_place(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two spans that flag the same text, give or take a character at either end."""
    return a[0] < b[1] and b[0] < a[1] and abs(a[0] - b[0]) <= 1 and abs(a[1] - b[1]) <= 1


def drop_reported(findings: Iterable[Finding], others: Iterable[Finding]) -> list[Finding]:
    """Findings that no other rule already reports at the same place."""
    taken = sorted((f.start, f.end) for f in others)
    return [f for f in findings if not any(same_place((f.start, f.end), t) for t in _near(taken, f.start))]


def _near(spans: list[tuple[int, int]], start: int) -> list[tuple[int, int]]:
    i = bisect.bisect_left(spans, (start - 1, -1))
    out = []
    while i < len(spans) and spans[i][0] <= start + 1:
        out.append(spans[i])
        i += 1
    return out
