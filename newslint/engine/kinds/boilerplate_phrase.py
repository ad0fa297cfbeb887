"""``boilerplate_phrase``: page-furniture lines and phrases, found without scanning every character.

Two lists of regexes (the `regex` module's syntax, case-insensitive by default):

- ``lines``: a short line of a block that one of them matches *whole* ("Leave a Reply",
  "4 min read") is reported whole. Only lines up to ``max-chars`` long are tried, so a
  long paragraph costs one length test, and only lines holding one of the strings every match
  of the regexes holds (as for phrases, below), so that most articles never compile them.
- ``phrases``: found anywhere inside a block ("your email address will not be published").
  A block is searched only when its lower-case text holds one of the keys worked out from the
  phrases (the strings every match of a phrase holds, see
  :func:`newslint.engine.regexneeds.needed_literals`), so that the regex never runs over plain
  article text; while one phrase has no such string, every block is searched.
  With ``block-words``, a phrase found in a block of at most that many words reports the
  whole block (a sign-up box or a disclosure is furniture from its first word to its last).
  (``keys``, once a hand-kept list of those strings, is still accepted and has no effect.)

Phrases are searched with Cyrillic and Greek look-alike letters read as Latin ones ("Аdvеrtіѕе"
spelled with Cyrillic "А", "е", "і", "ѕ"), as some sites print their furniture to dodge filters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import cast

from newslint.document.model import Document
from newslint.document.records import Record
from newslint.engine.findings import Finding
from newslint.engine.kind import Context, Option, OptionError
from newslint.engine.loader import Rule
from newslint.engine.regexes import Deferred, find, worked_out
from newslint.engine.regexneeds import needed_literals
from newslint.engine.support.boilerplate_lines import Line, delete_fix, holding_keys, lines, lowered
from newslint.engine.support.branches import leftmost_first, phrase_patterns

WHOLE_DOCUMENT = True  # in a windowed document: with the other boilerplate kinds, whose findings the model is given
OPTIONS = {
    "lines": Option(list, default=[], help="regexes; a short line one of them matches whole is reported"),
    "phrases": Option(list, default=[], help="regexes found anywhere inside a block"),
    "keys": Option(list, default=[], help="deprecated, no effect: the keys are worked out from the phrases"),
    "exceptions": Option(list, default=[], help="regexes; a reported text one of them matches whole is kept"),
    "ignore-case": Option(bool, default=True, help="match the regexes without regard to case"),
    "max-chars": Option(int, default=160, help="longest line, in characters, the line regexes try"),
    "block-words": Option(int, default=0, help="a phrase in a block of at most this many words reports the block"),
}
BATCH_CHARS = 1 << 16  # a big document's blocks are lowered this much text at a time, then let go
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# Cyrillic and Greek letters drawn like Latin ones, one character for one (offsets stay put).
LOOKALIKE = str.maketrans(
    "АВЕЅІЈКМНОРСТХУаеіјоѕрсхуԁһԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧαο",
    "ABESIJKMHOPCTXYaeijospcxydhqwABEZHIKMNOPTYXao",
)
NOT_LATIN = re.compile(r"[\u0370-\u052f]")


class Compiled(Record):
    __slots__ = ("lines", "phrases", "keys", "exceptions", "line_keys", "branches")
    lines: Deferred | None  # compiled when a short line first holds one of the line keys
    phrases: Deferred | None  # compiled when a block first holds a key
    keys: tuple[str, ...] | None  # lower-case strings, one of which a phrase's match holds; None: search all
    exceptions: Deferred | None  # compiled when a first span is found
    line_keys: tuple[str, ...] | None  # the same for the line regexes; None: try every short line
    branches: Branches | None  # the phrases one by one, with their keys (see support/branches.py)

    def __init__(
        self,
        lines: Deferred | None,
        phrases: Deferred | None,
        keys: tuple[str, ...] | None,
        exceptions: Deferred | None,
        line_keys: tuple[str, ...] | None = None,
        branches: Branches | None = None,
    ) -> None:
        self.lines = lines
        self.phrases = phrases
        self.keys = keys
        self.exceptions = exceptions
        self.line_keys = line_keys
        self.branches = branches


def _alternation(rule: Rule, key: str) -> Deferred | None:
    items = rule.options[key]
    if not all(isinstance(x, str) and x for x in items):
        raise OptionError(key, "must be a list of non-empty regexes")
    if not items:
        return None
    return Deferred("|".join(f"(?:{x})" for x in items), key, rule.options["ignore-case"])


def prepare(rule: Rule) -> Compiled:
    o = rule.options
    if not o["lines"] and not o["phrases"]:
        raise OptionError("lines", "give 'lines', 'phrases' or both")
    if not all(isinstance(k, str) for k in o["keys"]):
        raise OptionError("keys", "must be a list of strings")
    if o["max-chars"] < 1:
        raise OptionError("max-chars", "must be at least 1")
    if o["block-words"] < 0:
        raise OptionError("block-words", "must not be negative")
    phrases = _alternation(rule, "phrases")
    lines_re, exceptions = _alternation(rule, "lines"), _alternation(rule, "exceptions")
    branches = _branches(o["phrases"], o["ignore-case"])
    return Compiled(lines_re, phrases, _keys(o["phrases"]), exceptions, _keys(o["lines"]), branches)


Branches = tuple[tuple[Deferred, tuple[str, ...] | None], ...]


def _branches(phrases: list[str], ignore_case: bool) -> Branches | None:
    """Each phrase as its own pattern with its keys (None: no keys, always searched), or None
    when the phrases must be searched as one alternation."""
    patterns = phrase_patterns(phrases, ignore_case, "phrases") if len(phrases) > 1 else None
    if patterns is None:
        return None
    keys = [worked_out("needed_literals", p, needed_literals) for p in phrases]
    return tuple(zip(patterns, keys, strict=True))


def _keys(phrases: list[str]) -> tuple[str, ...] | None:
    """The strings that find the blocks (or lines) to search: one of them in every match of every
    phrase (None when a phrase has none: then every block is searched)."""
    keys: set[str] = set()
    for phrase in phrases:
        need = worked_out("needed_literals", phrase, needed_literals)
        if need is None:
            return None
        keys.update(need)
    shortest_first = sorted(keys, key=lambda k: (len(k), k))
    return tuple(k for i, k in enumerate(shortest_first) if not any(s in k for s in shortest_first[:i]))


def latin_text(doc: Document) -> str:
    """The prose with look-alike Cyrillic and Greek letters read as Latin (cached on the doc)."""
    text = doc.cache.get("boilerplate.latin")
    if text is None:
        text = doc.text.translate(LOOKALIKE) if NOT_LATIN.search(doc.text) else doc.text
        doc.cache["boilerplate.latin"] = text
    return text


def _lowering(doc: Document) -> bool:
    """Whether the prose is lower-cased with ``str.lower`` (else ASCII letters only: a letter
    such as "İ", the only one whose lower case is longer, would move the offsets)."""
    return "\u0130" not in latin_text(doc)


def _blocks_with_keys(doc: Document, keys: tuple[str, ...]) -> list[int]:
    """Indexes of the blocks whose lower-case text (look-alikes read as Latin) holds one of the
    keys, in document order. The text lower-cased is shared by the rules (:func:`lowered`); in a
    big document, the blocks are lower-cased ``BATCH_CHARS`` of text at a time and let go, so
    that no lower-case copy of its whole text is held."""
    text = latin_text(doc)
    low = lowered(doc, text)
    if low is not None:
        starts, ends = _bounds(doc)
        return holding_keys(low, starts, ends, keys)
    full = _lowering(doc)
    if any("σ" in key or "ς" in key for key in keys):  # a final sigma: lowered by what follows it
        return [i for i, block in enumerate(doc.blocks) if _holds(text, block.start, block.end, full, keys)]
    starts, ends = _bounds(doc)
    found: list[int] = []
    first = 0
    while first < len(starts):  # a batch of blocks at a time, each batch's text lowered at once
        end = bisect_right(starts, starts[first] + BATCH_CHARS, first + 1)
        base = starts[first]
        chunk = text[base : max(ends[first:end])]
        low = chunk.lower() if full else chunk.translate(ASCII_LOWER)
        within = holding_keys(low, [s - base for s in starts[first:end]], [e - base for e in ends[first:end]], keys)
        found.extend(first + i for i in within)
        first = end
    return found


def _holds(text: str, start: int, end: int, full: bool, keys: tuple[str, ...]) -> bool:
    """Whether ``text[start:end]`` lower-cased on its own holds one of ``keys``."""
    chunk = text[start:end]
    low = chunk.lower() if full else chunk.translate(ASCII_LOWER)
    return any(key in low for key in keys)


def _bounds(doc: Document) -> tuple[list[int], list[int]]:
    """The starts and the ends of the blocks (cached on the doc)."""
    cached = doc.cache.get("boilerplate.block_bounds")
    if cached is None:
        cached = doc.cache["boilerplate.block_bounds"] = ([b.start for b in doc.blocks], [b.end for b in doc.blocks])
    return cast("tuple[list[int], list[int]]", cached)


def _short_lines(doc: Document, max_chars: int) -> tuple[list[Line], str, list[int], list[int]]:
    """The lines of at most ``max_chars`` characters, their lower-case texts joined by newlines,
    and where each one starts and ends in that text (cached on the doc: the rules look for
    their keys in the same short lines)."""
    name = ("boilerplate.short_lines", max_chars)
    cached = doc.cache.get(name)
    if cached is None:
        pairs = [(line, line.text.lower()) for line in lines(doc) if line.end - line.start <= max_chars]
        starts, ends, at = [], [], 0
        for _line, low in pairs:
            starts.append(at)
            ends.append(at + len(low))
            at += len(low) + 1
        joined = "\n".join(low for _line, low in pairs)
        cached = doc.cache[name] = ([line for line, _low in pairs], joined, starts, ends)
    return cast("tuple[list[Line], str, list[int], list[int]]", cached)


def _whole_lines(
    regexes: Deferred, keys: tuple[str, ...] | None, doc: Document, max_chars: int
) -> Iterator[tuple[int, int]]:
    """Spans of the short lines the line regexes match whole. A line they match holds one of
    the keys (when there are keys): the others need no regex, and with none left it is not compiled."""
    every, low, starts, ends = _short_lines(doc, max_chars)
    short = every if keys is None else [every[i] for i in holding_keys(low, starts, ends, keys)]
    if not short:
        return
    fullmatch = regexes.compiled.fullmatch
    for line in short:
        if fullmatch(line.text):
            yield line.start, line.end


def _spans(c: Compiled, doc: Document, max_chars: int, block_words: int) -> Iterator[tuple[int, int]]:
    if c.lines is not None:
        yield from _whole_lines(c.lines, c.line_keys, doc, max_chars)
    if c.phrases is not None:
        text = latin_text(doc)
        found_in = range(len(doc.blocks)) if c.keys is None else _blocks_with_keys(doc, c.keys)
        low = lowered(doc, text) if c.branches is not None else None
        for i in found_in:
            block = doc.blocks[i]
            if c.branches is not None and low is not None:
                found = _branch_spans(c.branches, text, low, block.start, block.end)
            else:
                found = [(m.start(), m.end()) for m in find(c.phrases, text, block.start, block.end)]
            if found and block_words and len(block.text.split()) <= block_words:
                found = [_trimmed(doc, block.start, block.end)]
            yield from found


def _branch_spans(branches: Branches, text: str, low: str, start: int, end: int) -> list[tuple[int, int]]:
    """The phrases' matches in ``text[start:end]``, searched only with the phrases whose keys
    ``low[start:end]`` (the text lower-cased) holds."""
    live = [p for p, keys in branches if keys is None or any(low.find(k, start, end) >= 0 for k in keys)]
    return leftmost_first(live, text, start, end) if live else []


def _trimmed(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The span without the white space around it."""
    chunk = doc.text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    return start + lead, start + len(chunk.rstrip())


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    c: Compiled = rule.compiled
    seen: set[tuple[int, int]] = set()
    for start, end in sorted(_spans(c, doc, rule.options["max-chars"], rule.options["block-words"])):
        text = doc.text[start:end]
        if end <= start or (start, end) in seen or (c.exceptions and c.exceptions.compiled.fullmatch(text)):
            continue
        seen.add((start, end))
        message = rule.format_message(text)
        yield Finding(rule.id, start, end, message, rule.severity, [], delete_fix(doc, start, end))
