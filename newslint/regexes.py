"""Regular expressions from rule files, compiled with the `regex` engine and time-bounded."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .kinds import OptionError

TIMEOUT = 1.0  # seconds one rule's pattern may spend on one scope unit


class RegexTimeout(Exception):
    """A rule's pattern took too long (catastrophic backtracking)."""


def compile_pattern(pattern: str, key: str, ignore_case: bool = False) -> regex.Pattern:
    """Compile a rule's pattern; a bad one raises OptionError naming ``key``."""
    flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
    try:
        return regex.compile(pattern, flags)
    except (regex.error, ValueError, OverflowError, RecursionError) as exc:
        raise OptionError(key, f"invalid regular expression: {exc}") from None


def find(pattern: regex.Pattern, text: str, start: int = 0, end: int | None = None) -> Iterator[regex.Match]:
    """Matches of ``pattern`` in ``text[start:end]``, raising RegexTimeout past the bound."""
    end = len(text) if end is None else end
    try:
        yield from pattern.finditer(text, start, end, timeout=TIMEOUT)
    except TimeoutError:
        raise RegexTimeout(f"pattern {pattern.pattern!r} took longer than {TIMEOUT:g} s") from None


def word_alternation(words: list[str], ignore_case: bool, key: str) -> regex.Pattern:
    """One pattern matching any of ``words`` as whole words (longest first)."""
    body = "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return compile_pattern(rf"(?<![\w'’-])(?:{body})(?![\w-]|['’]\w)", key, ignore_case)
