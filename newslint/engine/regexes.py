"""Regular expressions from rule files, compiled with the `regex` engine and time-bounded."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from typing import Any, TypeVar, cast

import regex

from newslint.engine.kind import OptionError
from newslint.engine.regexfactors import needed_strings
from newslint.engine.regexneeds import needed_chars
from newslint.engine.regexsplit import top_branches

TIMEOUT = 1.0  # seconds one rule's pattern may spend on one scope unit, plus PER_CHAR a character
PER_CHAR = 2e-6  # a linear pattern over a 5 MB line needs seconds, not one
RULE_BUDGET = 10.0  # seconds one rule's patterns may spend on one file, plus PER_CHAR a character
_deadline: ContextVar[float | None] = ContextVar("newslint_regex_deadline", default=None)
_deferring: ContextVar[bool] = ContextVar("newslint_regex_deferring", default=False)
_store: Any = None  # a patterncache.PatternStore for deferred patterns, set by the command line


class RegexTimeout(Exception):
    """A rule's pattern took too long (catastrophic backtracking)."""


def compile_pattern(pattern: str, key: str, ignore_case: bool = False) -> regex.Pattern[str]:
    """Compile a rule's pattern; a bad one raises OptionError naming ``key``.

    While built-in rules load (:func:`deferring`), the pattern store answers first and keeps
    what is compiled."""
    if _store is not None and _deferring.get():
        return _stored(pattern, key, ignore_case)
    return _compile(pattern, key, ignore_case)


def _compile(pattern: str, key: str, ignore_case: bool) -> regex.Pattern[str]:
    try:
        return regex.compile(pattern, _flags(ignore_case))
    except (regex.error, ValueError, OverflowError, RecursionError) as exc:
        raise OptionError(key, f"invalid regular expression: {exc}") from None


def _stored(pattern: str, key: str, ignore_case: bool) -> regex.Pattern[str]:
    """The compiled pattern from the store, compiled and stored when it is not there."""
    flags = _flags(ignore_case)
    found = _store.get(pattern, flags)
    if found is None:
        found = _compile(pattern, key, ignore_case)
        _store.put(pattern, flags, found)
    return cast("regex.Pattern[str]", found)


def _flags(ignore_case: bool) -> int:
    return int(regex.V0 | regex.MULTILINE | (regex.IGNORECASE if ignore_case else 0))


def use_store(store: Any) -> None:
    """Take built-in rules' patterns from ``store`` (a :class:`patterncache.PatternStore`, or None for
    none) and keep newly compiled ones there: see :func:`compile_pattern` and :class:`Deferred`."""
    global _store
    _store = store


class Deferred:
    """A rule's pattern, compiled on first use (:attr:`compiled`) or at once.

    Compiling is most of the cost of loading the built-in rules, and many patterns are never
    needed in a run (rules not selected, phrases searched only in blocks holding a key). Only
    the built-in rules defer (see :func:`deferring`): the test suite compiles every one of them,
    while a user's rule is compiled when it loads, so that a bad pattern is an error naming
    the file, line and key before any file is linted. With a pattern store in use, a deferred
    pattern is taken from it (see :mod:`patterncache`).
    """

    __slots__ = ("source", "key", "ignore_case", "_compiled")

    def __init__(self, source: str, key: str, ignore_case: bool = False):
        self.source, self.key, self.ignore_case = source, key, ignore_case
        self._compiled: regex.Pattern[str] | None = None
        if not _deferring.get():
            self._compiled = compile_pattern(source, key, ignore_case)

    @property
    def compiled(self) -> regex.Pattern[str]:
        if self._compiled is None:
            compile = _stored if _store is not None else _compile
            self._compiled = compile(self.source, self.key, self.ignore_case)
        return self._compiled

    @property
    def is_compiled(self) -> bool:
        return self._compiled is not None

    def __getattr__(self, name: str) -> Any:  # search, fullmatch, finditer, pattern...
        if name.startswith("_"):  # copy and pickle probe the class for hooks before any slot is set
            raise AttributeError(name)
        return getattr(self.compiled, name)


def is_deferring() -> bool:
    """Whether patterns made now may wait for their first use (built-in rules loading)."""
    return _deferring.get()


@contextmanager
def deferring(on: bool = True) -> Iterator[None]:
    """Within this block, :class:`Deferred` patterns wait for their first use to compile."""
    token = _deferring.set(on)
    try:
        yield
    finally:
        _deferring.reset(token)


def find(
    pattern: regex.Pattern[str] | Deferred, text: str, start: int = 0, end: int | None = None
) -> Iterator[regex.Match[str]]:
    """Matches of ``pattern`` in ``text[start:end]``, raising RegexTimeout past the bound.

    When every match must hold one of some characters (:func:`needed_chars`) and the text
    holds none, or the range none of a few, or one of some strings (:func:`needed_strings`)
    and the range holds none, there is nothing to search; a :class:`Deferred` pattern is then
    not even compiled (its needs are read from its source)."""
    if end is None:
        end = len(text)
    need = _needs.get(pattern, _UNKNOWN)
    if need is _UNKNOWN:
        need = _needs[pattern] = _need_of(pattern)
    if need is not None and not _may_match(need, text, start, end):
        return _NOTHING
    branches = _branches.get(pattern, _UNKNOWN)
    if branches is _UNKNOWN:
        branches = _branches[pattern] = _branches_of(pattern)
    live = None
    if branches is not None:
        live = [b for b in branches if _may_match_branch(b, text, start, end)]
        if not live:
            return _NOTHING
    limit = TIMEOUT + PER_CHAR * (end - start if end > start else 0)
    deadline = _deadline.get()
    if deadline is not None:
        left = deadline - time.monotonic()
        limit = min(limit, left if left > 0.01 else 0.01)
    compiled = pattern.compiled if isinstance(pattern, Deferred) else pattern
    if live is not None and branches is not None and len(live) < len(branches):
        return _branch_matches(compiled, live, text, start, end, limit)
    return _matches(compiled, text, start, end, limit)


def _may_match_branch(branch: Any, text: str, start: int, end: int) -> bool:
    need = _needs.get(branch, _UNKNOWN)
    if need is _UNKNOWN:
        need = _needs[branch] = _need_of(branch)
    return need is None or _may_match(need, text, start, end)


def _branches_of(pattern: regex.Pattern[str] | Deferred) -> list[Deferred] | None:
    """The pattern's top-level branches as patterns of their own (:mod:`regexsplit`), or None."""
    if isinstance(pattern, Deferred):
        source, ignore_case = pattern.source, pattern.ignore_case
    else:
        source, ignore_case = pattern.pattern, bool(pattern.flags & regex.IGNORECASE)
        if pattern.flags != _flags(ignore_case):
            return None
    branches = worked_out("top_branches", source, top_branches)
    if branches is None:
        return None
    with deferring():  # a branch is compiled when a text first may hold its match
        return [Deferred(b, "pattern", ignore_case) for b in branches]


def _branch_matches(
    pattern: regex.Pattern[str], live: list[Deferred], text: str, start: int, end: int, limit: float
) -> Iterator[regex.Match[str]]:
    """The pattern's matches, found with the branches that may match (the others cannot), each
    taken again whole where a branch matched (the same match, with the pattern's groups)."""
    if len(live) == 1:  # one branch: its own matches, in one pass (none is empty)
        starts: Iterable[int] = (m.start() for m in find(live[0], text, start, end))
    else:
        starts = (at for at, _end in leftmost_first(live, text, start, end))
    for at in starts:
        try:
            m = pattern.match(text, at, end, timeout=limit)
        except TimeoutError:
            raise RegexTimeout(f"pattern {pattern.pattern!r} took longer than {limit:.3g} s") from None
        if m is not None:
            yield m


def leftmost_first(patterns: list[Any], text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans the alternation of ``patterns`` (in order; none matches an empty string) finds
    in ``text[start:end]``: from a position, the leftmost match of any, the first one winning
    at one start."""
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


def _next(pattern: Any, text: str, start: int, end: int) -> tuple[int, int] | None:
    m = next(find(pattern, text, start, end), None)
    return None if m is None else (m.start(), m.end())


def _may_match(need: Needs, text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds what a match needs (characters, then strings)."""
    chars, strings = need
    if chars is not None:
        if chars.isdisjoint(_chars(text)):
            return False
        if len(chars) <= MAX_FINDS:
            for c in chars:
                if text.find(c, start, end) >= 0:
                    break
            else:
                return False
    if strings is not None:  # only strings all of whose characters the text holds are searched for
        present = _chars(text)
        return any(text.find(s, start, end) >= 0 for s in strings if present.issuperset(s))
    return True


_NOTHING: Iterator[regex.Match[str]] = iter(())
_UNKNOWN: Any = object()
Needs = tuple[frozenset[str] | None, tuple[str, ...] | None]  # needed characters, needed strings
_needs: dict[Any, Needs | None] = {}  # pattern -> its needs
_branches: dict[Any, list[Deferred] | None] = {}  # pattern -> its top-level branches, searched alone
MAX_FINDS = 6  # a range is searched for at most this many needed characters, else the regex runs
_seen: list[Any] = [None, frozenset()]  # the last text and the set of its characters


def _need_of(pattern: regex.Pattern[str] | Deferred) -> Needs | None:
    if isinstance(pattern, Deferred):
        source, flags = pattern.source, _flags(pattern.ignore_case)
    else:
        source, flags = pattern.pattern, pattern.flags
    chars = worked_out(f"needed_chars {flags}", source, lambda source: needed_chars(source, flags))
    strings = worked_out(f"needed_strings {flags}", source, lambda source: needed_strings(source, flags))
    if chars is None and strings is None:
        return None
    return (None if chars is None else frozenset(chars)), strings


T = TypeVar("T")


def worked_out(what: str, source: str, work: Callable[[str], T]) -> T:
    """``work(source)``, a value worked out from a pattern's text (a string, a tuple of strings
    or None), kept in the pattern store when one is in use (:func:`use_store`), so that later
    runs need not parse the pattern again; ``what`` names the kind of value."""
    if _store is None:
        return work(source)
    return cast("T", _store.worked_out(what, source, work))


def _chars(text: str) -> frozenset[str]:
    """The characters of ``text``, kept for the last text asked about (rules search one
    document after another, each many times)."""
    if _seen[0] is not text:
        _seen[0], _seen[1] = text, frozenset(text)
    return cast("frozenset[str]", _seen[1])


def _matches(pattern: regex.Pattern[str], text: str, start: int, end: int, limit: float) -> Iterator[regex.Match[str]]:
    try:
        yield from pattern.finditer(text, start, end, timeout=limit)
    except TimeoutError:
        raise RegexTimeout(f"pattern {pattern.pattern!r} took longer than {limit:.3g} s") from None


def start_budget(length: int) -> Token[float | None]:
    """Bound the total time of one rule's patterns on a document of ``length`` characters,
    so that many scope units each just under the per-unit bound cannot add up to hours; the
    token to give ``end_budget`` when the rule is done (no context manager: the linter sets
    one for every rule and document)."""
    return _deadline.set(time.monotonic() + RULE_BUDGET + PER_CHAR * length)


def end_budget(token: Token[float | None]) -> None:
    _deadline.reset(token)


def alternation_source(words: list[str]) -> str:
    """The source of one pattern matching any of ``words`` as whole words (longest first)."""
    body = "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return rf"(?<![\w'’-])(?:{body})(?![\w-]|['’]\w)"


def word_alternation(words: list[str], ignore_case: bool, key: str) -> regex.Pattern[str]:
    """One pattern matching any of ``words`` as whole words (longest first)."""
    return compile_pattern(alternation_source(words), key, ignore_case)
