"""Regular expressions from rule files, compiled with the `regex` engine and time-bounded."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import regex

from .kinds import OptionError

TIMEOUT = 1.0  # seconds one rule's pattern may spend on one scope unit, plus PER_CHAR a character
PER_CHAR = 2e-6  # a linear pattern over a 5 MB line needs seconds, not one
RULE_BUDGET = 10.0  # seconds one rule's patterns may spend on one file, plus PER_CHAR a character
_deadline: ContextVar[float | None] = ContextVar("newslint_regex_deadline", default=None)


class RegexTimeout(Exception):
    """A rule's pattern took too long (catastrophic backtracking)."""


def compile_pattern(pattern: str, key: str, ignore_case: bool = False) -> regex.Pattern:
    """Compile a rule's pattern; a bad one raises OptionError naming ``key``."""
    flags = regex.V0 | regex.MULTILINE | (regex.IGNORECASE if ignore_case else 0)
    try:
        return regex.compile(pattern, flags)
    except (regex.error, ValueError, OverflowError, RecursionError) as exc:
        raise OptionError(key, f"invalid regular expression: {exc}") from None


def find(pattern: regex.Pattern, text: str, start: int = 0, end: int | None = None) -> Iterator[regex.Match]:
    """Matches of ``pattern`` in ``text[start:end]``, raising RegexTimeout past the bound."""
    end = len(text) if end is None else end
    limit = TIMEOUT + PER_CHAR * max(0, end - start)
    deadline = _deadline.get()
    if deadline is not None:
        limit = min(limit, max(deadline - time.monotonic(), 0.01))
    try:
        yield from pattern.finditer(text, start, end, timeout=limit)
    except TimeoutError:
        raise RegexTimeout(f"pattern {pattern.pattern!r} took longer than {limit:.3g} s") from None


@contextmanager
def regex_budget(length: int) -> Iterator[None]:
    """Bound the total time of one rule's patterns on a document of ``length`` characters,
    so that many scope units each just under the per-unit bound cannot add up to hours."""
    token = _deadline.set(time.monotonic() + RULE_BUDGET + PER_CHAR * length)
    try:
        yield
    finally:
        _deadline.reset(token)


def word_alternation(words: list[str], ignore_case: bool, key: str) -> regex.Pattern:
    """One pattern matching any of ``words`` as whole words (longest first)."""
    body = "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return compile_pattern(rf"(?<![\w'’-])(?:{body})(?![\w-]|['’]\w)", key, ignore_case)
