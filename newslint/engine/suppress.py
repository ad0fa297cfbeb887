"""Inline suppression comments and the findings they silence."""

from __future__ import annotations

from collections.abc import Iterable

from newslint.document.model import Directive
from newslint.engine.findings import Placed


def _matches(rule_id: str, selectors: tuple[str, ...]) -> bool:
    if not selectors:
        return True
    return any(rule_id == s or rule_id.startswith(s.rstrip(".") + ".") for s in selectors)


def _disabled_ranges(directives: list[Directive], last_line: int) -> list[tuple[int, int, tuple[str, ...]]]:
    """(first_line, last_line, rules) ranges where rules are switched off."""
    ranges: list[tuple[int, int, tuple[str, ...]]] = []
    open_: list[tuple[int, tuple[str, ...]]] = []
    for d in sorted(directives, key=lambda d: d.line):
        if d.action == "disable-next-line":
            ranges.append((d.end_line + 1, d.end_line + 1, d.rules))
        elif d.action == "disable":
            open_.append((d.end_line + 1, d.rules))
        else:
            keep = []
            for start, rules in open_:
                if not d.rules or set(d.rules) & set(rules) or not rules:
                    ranges.append((start, d.line, rules))
                else:
                    keep.append((start, rules))
            open_ = keep
    ranges.extend((start, last_line, rules) for start, rules in open_)
    return ranges


def apply(findings: Iterable[Placed], directives: list[Directive], last_line: int) -> list[Placed]:
    """Drop findings whose stored start line lies where a directive switched their rule off."""
    findings = list(findings)
    if not directives:
        return findings
    ranges = _disabled_ranges(directives, last_line)
    kept = []
    for f in findings:
        line = f.place.line
        if not any(a <= line <= b and _matches(f.rule, rules) for a, b, rules in ranges):
            kept.append(f)
    return kept
