"""Strings a regular expression's every match must hold, for a cheap pre-check by ``str.find``.

:mod:`regexneeds` finds characters a match needs; for many patterns those are common (a
space, a comma), while a pair of them is rare: ``(?<=\\w)[ \\t]+(?P<mark>[,;])`` needs a
space or a tab followed by a comma or a semicolon, one of four strings that plain prose seldom
holds. Parts of a match that lie side by side give such strings: an item matching one of a few
strings (``a``, ``[,;]``, ``(?:ab|cd)``) joined to its neighbours, or the last character of
one item and the first of the next. Looking around consumes nothing, so it neither adds a
string nor parts two items; an optional item parts them. Read with the standard library's
parser, as :mod:`regexneeds` does; anything unsure gives None.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]  # private, Python 3.11+
from typing import Any

from newslint.engine.regexneeds import _GROUPS, _REPEATS, _of_set, _Unknown, analysed

LIMIT = 24  # the most strings a set may hold (each one is a ``str.find`` of the text)
Strings = frozenset[str]


class _Part:
    """What is known of a part of a pattern: the strings it matches (``exact``), the characters
    its matches begin and end with, and the best set of strings one of which each match holds."""

    __slots__ = ("exact", "first", "last", "need", "solid", "width")

    def __init__(
        self,
        exact: Strings | None = None,
        first: Strings | None = None,
        last: Strings | None = None,
        need: Strings | None = None,
        solid: bool = False,
        width: bool = True,
    ) -> None:
        self.exact, self.first, self.last, self.need = exact, first, last, need
        self.solid = solid  # every match consumes a character
        self.width = width  # False for an assertion (consumes nothing, whatever it looks at)


_ZERO = _Part(width=False)
_ANY = _Part(solid=True)  # one character of no known set
_EMPTY = _Part()  # may match nothing


def needed_strings(source: str, flags: int) -> tuple[str, ...] | None:
    """Strings of two or more characters, one of which every match of the pattern holds, or
    None (none such worked out, or too many of them)."""
    part = analysed(source, flags, _sequence)
    if part is None:
        return None
    need = _best([part.need, part.exact])
    if not need or min(len(s) for s in need) < 2:
        return None
    return tuple(sorted(need))


def _sequence(items: list[tuple[Any, Any]]) -> _Part:
    """Joins neighbouring parts into longer needed strings and keeps the best set found."""
    parts = [p for p in (_item(op, av) for op, av in items) if p.width]
    candidates: list[Strings | None] = [p.need for p in parts]
    run: Strings | None = None  # strings, one of which the match holds ending where we are
    for part in parts:
        if part.exact is not None and part.solid:
            run = _joined(run, part.exact) if run else part.exact
            candidates.append(run)
            continue
        if run and part.first is not None:
            candidates.append(_joined(run, part.first))
        run = part.last if part.solid else None
    solid = any(p.solid for p in parts)
    exact = _product([p.exact for p in parts])
    first = _edge(parts, 0)
    last = _edge(parts[::-1], -1)
    return _Part(exact, first, last, _best(candidates), solid)


def _edge(parts: list[_Part], index: int) -> Strings | None:
    """The characters a match begins (index 0, parts in order) or ends with (-1, reversed)."""
    if not parts or not parts[0].solid:
        return None
    part = parts[0]
    if part.exact is not None:
        return frozenset(s[index] for s in part.exact)
    return part.first if index == 0 else part.last


def _joined(left: Strings, right: Strings) -> Strings | None:
    if len(left) * len(right) > LIMIT:
        return None
    return frozenset(a + b for a in left for b in right)


def _product(exacts: list[Strings | None]) -> Strings | None:
    out: Strings | None = frozenset([""])
    for exact in exacts:
        if exact is None or out is None:
            return None
        out = _joined(out, exact)
    return out


def _best(candidates: list[Strings | None]) -> Strings | None:
    """The candidate set least likely to be found in prose."""
    found = [c for c in candidates if c and "" not in c and len(c) <= LIMIT]
    return min(found, key=_odds, default=None)


def _odds(strings: Strings) -> float:
    """A rough chance of meeting one of the strings at a position of English prose."""
    total = 0.0
    for s in strings:
        odds = 1.0
        for c in s:
            odds *= 0.17 if c == " " else 0.05 if c.isalnum() else 0.01
        total += odds
    return total


def _item(op: Any, av: Any) -> _Part:
    if op is sre.LITERAL:
        if chr(av) in "{}":  # regex reads braces the standard parser takes literally (fuzzy matching)
            raise _Unknown
        one = frozenset(chr(av))
        return _Part(one, one, one, one, True)
    if op is sre.IN:
        chars = _of_set(av)
        if chars is None:
            return _ANY
        small = chars if len(chars) <= LIMIT else None
        return _Part(small, chars, chars, small, True)
    if op in (sre.ANY, sre.NOT_LITERAL):
        return _ANY
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _ZERO
    if op in _GROUPS:
        if op is sre.SUBPATTERN:
            if av[1] & re.IGNORECASE:
                raise _Unknown
            return _sequence(list(av[3]))
        return _sequence(list(av))
    if op in _REPEATS:
        return _repeat(*av)
    if op is sre.BRANCH:
        return _branch([_sequence(list(b)) for b in av[1]])
    if op in (sre.GROUPREF, sre.GROUPREF_EXISTS):
        return _EMPTY
    raise _Unknown


def _repeat(low: int, high: int, sub: list[tuple[Any, Any]]) -> _Part:
    part = _sequence(list(sub))
    if low < 1 or not part.width:
        return _EMPTY
    least = _product([part.exact] * low)  # the strings of the first ``low`` times
    exact = least if low == high else None
    return _Part(exact, part.first, part.last, _best([part.need, part.exact, least]), part.solid)


def _branch(parts: list[_Part]) -> _Part:
    def union(sets: list[Strings | None]) -> Strings | None:
        if any(s is None for s in sets):
            return None
        out = frozenset().union(*[s for s in sets if s is not None])
        return out if len(out) <= LIMIT else None

    solid = all(p.solid for p in parts)
    needs = union([_best([p.need, p.exact]) for p in parts])
    return _Part(
        union([p.exact for p in parts]),
        union([p.first for p in parts]) if solid else None,
        union([p.last for p in parts]) if solid else None,
        needs,
        solid,
    )
