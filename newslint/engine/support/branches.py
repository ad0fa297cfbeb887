"""An alternation of phrases searched phrase by phrase, with the matches of the alternation.

A rule's phrases are one regex, ``(?:a)|(?:b)|...``. The `regex` module searches such an
alternation slowly (none of its branches' fast starts apply) and runs every branch at every
position, though in a given block most phrases cannot match: their needed strings are not
there. Searched one by one, only the phrases whose strings a block holds run, each with its
own fast start. The matches are those of the alternation: from a position, the alternation's
match is the leftmost one of any phrase, the first phrase winning at one start (the phrases
are tried in order there, and nothing follows the alternation). That holds only when no phrase
can match an empty string (finditer steps past an empty match in its own way), no phrase sets
a flag for the whole pattern or refers to a group by number (numbers shift in the alternation),
and the phrases do not use regex's fuzzy matching or ``\\G``; else the phrases stay one regex.
"""

from __future__ import annotations

import re
import warnings
from re import _parser as sre_parse  # type: ignore[attr-defined]  # private, Python 3.11+

from newslint.document.lazyre import lazy
from newslint.engine.regexes import Deferred, find, worked_out

# Constructs that make a phrase unfit to be searched alone: a flag for the whole pattern, a
# group reference by number or name, a condition, \G, a brace that is no count ({e<=1}).
_UNFIT = lazy(r"\(\?[a-zA-Z]+\)|\\[1-9]|\(\?P=|\\g<|\(\?\(|\\G|\{(?!\d|,\d)|\(\?[|rV]")
_PROPERTY = lazy(r"\\[pP](?:\{[^}\\]*\}|[A-Za-z])")  # \p{Lu}: one character, read as \w for the width


def fits_alone(phrase: str) -> str:
    """ "1" when the phrase can be searched on its own (see the module's docstring), else ""
    (a string, so that the pattern store can keep it)."""
    plain = _PROPERTY.sub(r"\\w", phrase)
    if _UNFIT.search(plain):
        return ""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            low, _high = sre_parse.parse(plain, re.MULTILINE).getwidth()
    except (re.error, Warning, RecursionError, ValueError, TypeError, OverflowError):
        return ""
    return "1" if low >= 1 else ""


def phrase_patterns(phrases: list[str], ignore_case: bool, key: str) -> tuple[Deferred, ...] | None:
    """Each phrase as its own pattern, or None when one of them must stay in the alternation."""
    if not all(worked_out("fits_alone", p, fits_alone) for p in phrases):
        return None
    return tuple(Deferred(f"(?:{p})", key, ignore_case) for p in phrases)


def leftmost_first(patterns: list[Deferred], text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans the alternation of ``patterns`` (in order) finds in ``text[start:end]``."""
    ahead: list[tuple[int, int] | None] = [_next(p, text, start, end) for p in patterns]
    out: list[tuple[int, int]] = []
    pos = start
    while True:
        best: tuple[int, int] | None = None
        for i, span in enumerate(ahead):
            if span is not None and span[0] < pos:  # overlapped by the last match: search on
                span = ahead[i] = _next(patterns[i], text, pos, end)
            if span is not None and (best is None or span[0] < best[0]):
                best = span
        if best is None:
            return out
        out.append(best)
        pos = best[1]


def _next(pattern: Deferred, text: str, start: int, end: int) -> tuple[int, int] | None:
    m = next(find(pattern, text, start, end), None)
    return None if m is None else (m.start(), m.end())
