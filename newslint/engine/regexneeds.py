"""Characters a regular expression's every match must hold, for a cheap pre-check.

A pattern such as ``(?<=\\d)[ \\u00a0]+%`` cannot match a paragraph without a ``%``: one
``str.find`` per needed character then spares a regex pass. The pattern is read with the
standard library's parser, which knows the syntax our patterns share with ``regex`` (VERSION0);
anything it does not know, or reads in a way ``regex`` might not, gives no pre-check (None).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from re import _constants as sre  # type: ignore[attr-defined]  # private, Python 3.11+
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, TypeVar

from newslint.document.lazyre import lazy

MAX_CHARS = 256  # a larger set is checked against the text's characters, not searched for
_UNSAFE = ("[:", "\\p", "\\P", "\\L", "\\X", "\\G", "\\K", "(?|", "(?r", "(?V1", "(?f", "(?e", "(?b")
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT} | ({sre.POSSESSIVE_REPEAT} if hasattr(sre, "POSSESSIVE_REPEAT") else set())
T = TypeVar("T")
_GROUPS = {sre.SUBPATTERN} | ({sre.ATOMIC_GROUP} if hasattr(sre, "ATOMIC_GROUP") else set())


class _Unknown(Exception):
    """A construct whose needs are not worked out: no pre-check for this pattern."""


def analysed(source: str, flags: int, analyse: Callable[[list[Any]], T]) -> T | None:
    """``analyse`` of the pattern's parsed items, or None for a pattern (or a construct in it)
    this reading does not trust: case-insensitive, a ``regex``-only syntax, or unknown.

    A Unicode property (``\\p{Latin}``), one character of a class, is read as ``\\w``."""
    if not isinstance(source, str) or flags & re.IGNORECASE:
        return None
    source = _PROPERTY.sub(lambda m: m.group() if m.group()[1] not in "pP" else "\\w", source)
    if any(u in source for u in _UNSAFE):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            parsed = sre_parse.parse(source, flags & (re.MULTILINE | re.VERBOSE | re.DOTALL))
        if parsed.state.flags & re.IGNORECASE:
            return None
        return analyse(list(parsed))
    except (_Unknown, re.error, Warning, RecursionError, ValueError, TypeError, AttributeError):
        return None


def needed_chars(source: str, flags: int) -> str | None:
    """A few characters, one of which every non-empty match of the pattern holds, or None."""
    need = analysed(source, flags, _of_sequence)
    if not need or len(need) > MAX_CHARS:
        return None
    return "".join(sorted(need))


def _of_sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The smallest needed set among the consumed items of a sequence."""
    best: frozenset[str] | None = None
    for op, av in items:
        need = _of_item(op, av)
        if need is not None and (best is None or _cost(need) < _cost(best)):
            best = need
    return best


def _cost(need: frozenset[str]) -> tuple[int, int]:
    """Fewer common characters (spaces, letters, digits) first, then fewer characters."""
    return sum(c.isspace() or c.isalnum() for c in need), len(need)


def _of_item(op: Any, av: Any) -> frozenset[str] | None:
    if op is sre.LITERAL:
        if chr(av) in "{}":  # regex reads braces the standard parser takes literally (fuzzy matching)
            raise _Unknown
        return frozenset(chr(av))
    if op is sre.IN:
        return _of_set(av)
    if op in _GROUPS:
        if op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if add_flags & re.IGNORECASE:
                raise _Unknown
            return _of_sequence(list(sub))
        return _of_sequence(list(av))
    if op in _REPEATS:
        low, _high, sub = av
        return _of_sequence(list(sub)) if low >= 1 else None
    if op is sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            need = _of_sequence(list(branch))
            if need is None:
                return None
            out |= need
        return frozenset(out)
    if op is sre.ASSERT and av[0] == 1:  # a lookahead: what it needs is in the searched text
        return _literals_of_sequence(list(av[1]))
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT, sre.GROUPREF, sre.ANY, sre.NOT_LITERAL):
        return None
    if op is sre.GROUPREF_EXISTS:
        return None
    raise _Unknown


def _of_set(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            out.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < MAX_CHARS:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY, wide ranges
            return None
    return frozenset(out) if len(out) <= MAX_CHARS else None


def needed_literals(source: str) -> tuple[str, ...] | None:
    """Lower-case strings, one of which every match of the pattern holds, read without regard
    to case (``text.lower()`` holds it); None when no such strings can be worked out.

    ``(?:accept|reject) (?:all )?cookies`` needs "cookies"; ``(?:view|show) comments`` needs
    " comments"; an alternation needs one string of each branch. A letter outside ASCII ends a
    string (it may not lower-case to itself in every text), and so does an optional part. A
    lookahead's strings count (a match's lookahead sees no further than the text searched)."""
    if not isinstance(source, str):
        return None
    source = _PROPERTY.sub(lambda m: m.group() if m.group()[1] not in "pP" else "\\w", source)
    if any(u in source for u in _UNSAFE):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            parsed = sre_parse.parse(source, re.MULTILINE)
        need = _literals_of_sequence(list(parsed))
    except (_Unknown, re.error, Warning, RecursionError, ValueError, TypeError, AttributeError):
        return None
    if not need or "" in need:
        return None
    return tuple(sorted(need))


# An escape; a Unicode property (``\p{Lu}``), which only ever needs a character of a class, is read as ``\w``.
_PROPERTY = lazy(r"\\(?:[pP](?:\{[^}\\]*\}|[A-Za-z])|.)", re.DOTALL)


def _literals_of_sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The most selective needed set of a sequence: runs of literal characters, or the needed
    set of one of its items."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        char = _one_char(op, av)
        if char is not None:
            run.append(char)
            continue
        if run:
            candidates.append(frozenset(["".join(run)]))
            run = []
        if op is not sre.LITERAL:
            need = _literals_of_item(op, av)
            if need:
                candidates.append(need)
    if run:
        candidates.append(frozenset(["".join(run)]))
    return max(candidates, key=_selectivity, default=None)


def _one_char(op: Any, av: Any) -> str | None:
    """The lower-case character an item stands for (``a``, ``[Aa]``), or None."""
    if op is sre.LITERAL:
        if chr(av) in "{}":  # regex reads braces the standard parser takes literally (fuzzy matching)
            raise _Unknown
        chars = frozenset(chr(av))
    elif op is sre.IN:
        chars = _of_set(av) or frozenset()
    else:
        return None
    lower = {c.lower() for c in chars}
    return lower.pop() if len(lower) == 1 and _caseless(chars) else None


def _selectivity(need: frozenset[str]) -> tuple[int, int]:
    """Longer strings first (the shortest one counts), then fewer of them."""
    return min(len(s) for s in need), -len(need)


def _literals_of_item(op: Any, av: Any) -> frozenset[str] | None:
    if op in _GROUPS:
        return _literals_of_sequence(list(av[-1] if op is sre.SUBPATTERN else av))
    if op in _REPEATS:
        low, _high, sub = av
        return _literals_of_sequence(list(sub)) if low >= 1 else None
    if op is sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            need = _literals_of_sequence(list(branch))
            if not need:
                return None
            out |= need
        return _minimal(out)
    if op is sre.IN:
        chars = _of_set(av)
        return frozenset(c.lower() for c in chars) if chars and len(chars) <= MAX_SET and _caseless(chars) else None
    if op is sre.ASSERT and av[0] == 1:  # a lookahead: what it needs is in the searched text
        return _literals_of_sequence(list(av[1]))
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT, sre.GROUPREF, sre.ANY, sre.NOT_LITERAL, sre.GROUPREF_EXISTS):
        return None
    raise _Unknown


MAX_SET = 8  # a character set of more characters than this needs nothing worth searching for


def _caseless(chars: frozenset[str]) -> bool:
    return all(c.isascii() or c.lower() == c.upper() for c in chars)


def _minimal(strings: set[str]) -> frozenset[str]:
    """The strings without those that hold another of them (a text holding "cookies" holds "cookie")."""
    return frozenset(s for s in strings if not any(o != s and o in s for o in strings))
