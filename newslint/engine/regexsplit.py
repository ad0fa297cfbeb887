"""A pattern's top-level branches (``a|b|c``), each of which can be searched on its own.

From a position, an alternation's match is the leftmost match of any branch, the first branch
winning at one start. Searched branch by branch, the branches whose needed characters or
strings a text lacks need not run at all (see :func:`newslint.engine.regexes.find`). That
holds only when no branch can match an empty string, refers to a group by number or name, or
uses regex's fuzzy matching or ``\\G``; a flag set for the whole pattern at its start (``(?x)``)
is given to every branch. Anything unsure gives None: the pattern is searched whole.
"""

from __future__ import annotations

import re
import warnings
from re import _parser as sre_parse  # type: ignore[attr-defined]  # private, Python 3.11+

from newslint.document.lazyre import lazy

# Constructs that make a branch unfit to be searched alone: a flag for the whole pattern, a
# group reference by number or name, a condition, \G, a brace that is no count ({e<=1}).
_UNFIT = lazy(r"\(\?[a-zA-Z]+\)|\\[1-9]|\(\?P=|\\g<|\(\?\(|\\G|\{(?!\d|,\d)|\(\?[|rV]|\[:")
_PROPERTY = lazy(r"\\[pP](?:\{[^}\\]*\}|[A-Za-z])")  # \p{Lu}: one character, read as \w for the width
_FLAGS = lazy(r"\(\?[aiLmsux]+\)")


def fits_alone(branch: str, prefix: str = "") -> str:
    """ "1" when ``branch`` (after the global flags ``prefix``) can be searched on its own, else ""
    (a string, so that the pattern store can keep it)."""
    plain = _PROPERTY.sub(r"\\w", branch)
    if _UNFIT.search(plain):
        return ""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            low, _high = sre_parse.parse(prefix + plain, re.MULTILINE).getwidth()
    except (re.error, Warning, RecursionError, ValueError, TypeError, OverflowError):
        return ""
    return "1" if low >= 1 else ""


def top_branches(source: str) -> tuple[str, ...] | None:
    """The top-level branches of ``source``, each with the pattern's leading flags, or None
    (not an alternation, or one whose branches cannot be searched alone)."""
    lead = _FLAGS.match(source)
    prefix = lead.group() if lead else ""
    pieces = _split(source[len(prefix) :], "x" in prefix)
    if pieces is None or len(pieces) < 2 or not all(fits_alone(p, prefix) for p in pieces):
        return None
    return tuple(prefix + p for p in pieces)


def _split(body: str, verbose: bool) -> list[str] | None:
    """``body`` cut at each ``|`` outside groups, sets and (verbose) comments."""
    pieces, depth, i, cut = [], 0, 0, 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _set_end(body, i)
            if i < 0:
                return None
        elif c == "#" and verbose:
            i = body.find("\n", i)
            if i < 0:
                i = len(body)
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            pieces.append(body[cut:i])
            cut = i + 1
        i += 1
    pieces.append(body[cut:])
    return pieces if depth == 0 else None


def _set_end(body: str, i: int) -> int:
    """The index of the ``]`` closing the set opened at ``i`` (-1 when there is none)."""
    j = i + 1
    if j < len(body) and body[j] == "^":
        j += 1
    if j < len(body) and body[j] == "]":
        j += 1
    while j < len(body):
        if body[j] == "\\":
            j += 2
            continue
        if body[j] == "]":
            return j
        j += 1
    return -1
