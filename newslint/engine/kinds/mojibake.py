"""``mojibake``: UTF-8 text that was decoded as Windows-1252 or Latin-1 (``â€™``, ``Ã©``).

Candidates are found by the shape of mis-decoded UTF-8 (a lead byte shown as ``Â``-``ô``
followed by continuation bytes shown as Latin-1 or cp1252 characters); ftfy, loaded on first
use, confirms each and gives the repaired text.

A ``â€`` not followed by a third continuation character is a three-byte character whose last
byte was lost (cp1252 has no character for 0x81, 0x8D, 0x8F, 0x90 and 0x9D, so a converter
dropped it, or left U+FFFD): the lost byte is guessed from the context, never safely.

The repairs are computed once per document (:func:`repairs`): the spans they cover belong to
this kind alone (see :mod:`newslint.engine.damage`).

A built-in check with settings, not a building block: its one built-in rule (below) is the
one to tune, under ``options:`` in the configuration; a rule file of your own of this kind is
seldom useful.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from newslint.document.lazyre import lazy
from newslint.document.model import Document
from newslint.document.records import FrozenRecord
from newslint.engine.findings import Finding, Fix
from newslint.engine.kind import Context, Option
from newslint.engine.loader import Rule
from newslint.engine.scopes import units

OPTIONS = {
    "safe": Option(bool, default=False, help="whether the repair may be applied with --fix"),
}
CONTINUATION = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
PAIR = re.compile(rf"[\u00c2-\u00f4][{CONTINUATION}]")  # a lead byte and a continuation byte
SPACE = lazy(r"\s")
# ``â€`` (bytes E2 80) without its third byte, or with it replaced by U+FFFD.
TRUNCATED = lazy(rf"â€(?:\ufffd|(?![{CONTINUATION}]))")
# What E2 80 xx was when xx is lost, most likely first: a closing quotation mark (0x9D) at
# a word's edge, a hyphen (0x90; or the plain hyphen it stands for) between two letters.
AT_WORD_EDGE = ("”",)
INSIDE_WORD = ("‐", "-")
_ftfy: Any = None


class Repair(FrozenRecord):
    """Broken characters at ``text[start:end]`` of a document and their likeliest repair."""

    __slots__ = ("start", "end", "suggestions", "certain")
    start: int
    end: int
    suggestions: tuple[str, ...]  # the repaired text, likeliest first
    certain: bool  # False when a lost byte was guessed

    def __init__(self, start: int, end: int, suggestions: tuple[str, ...], certain: bool) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "suggestions", suggestions)
        object.__setattr__(self, "certain", certain)


def prepare(rule: Rule) -> None:
    return None


def _library() -> Any:
    global _ftfy
    if _ftfy is None:
        import ftfy
        import ftfy.badness

        _ftfy = ftfy
    return _ftfy


def repair(text: str) -> str | None:
    """The repaired text when ``text`` is mojibake, else None."""
    ftfy = _library()
    if not ftfy.badness.is_bad(text):
        return None
    fixed = ftfy.fix_encoding(text)
    return fixed if fixed != text else None


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    found = repairs(doc)
    if not found:
        return
    text = doc.text
    for start, end in units(doc, rule.scope):
        for r in found:
            if start <= r.start and r.end <= end:
                word, fixed = text[r.start : r.end], r.suggestions[0]
                fix = Fix(fixed, rule.options["safe"] and r.certain)
                message = rule.format_message(word, right=fixed)
                yield Finding(rule.id, r.start, r.end, message, rule.severity, list(r.suggestions), fix)


def repairs(doc: Document) -> list[Repair]:
    """Every repair of broken characters in the document's blocks, in order (computed once)."""
    found = doc.cache.get("mojibake.repairs")
    if found is None:
        found = doc.cache["mojibake.repairs"] = []
        for block in doc.blocks:
            for start, end in candidates(doc.text, block.start, block.end):
                r = repair_run(doc.text, start, end)
                if r is not None:
                    found.append(r)
    return found


def repair_run(text: str, start: int, end: int) -> Repair | None:
    """The repair of the candidate ``text[start:end]``, or None when it is not mojibake."""
    word = text[start:end]
    lost = list(TRUNCATED.finditer(word))
    if not lost:
        fixed = repair(word)
        return Repair(start, end, (fixed,), True) if fixed is not None else None
    pieces, guesses, at = [], [], 0
    for m in lost:
        pieces.append(repair(word[at : m.start()]) or word[at : m.start()])
        guesses.append(_guess(text, start + m.start(), start + m.end()))
        at = m.end()
    tail = repair(word[at:]) or word[at:]
    width = max(len(g) for g in guesses)
    options = [_join(pieces, [g[min(n, len(g) - 1)] for g in guesses], tail) for n in range(width)]
    return Repair(start, end, tuple(dict.fromkeys(options)), False)


def _guess(text: str, start: int, end: int) -> tuple[str, ...]:
    """The characters a truncated ``â€`` at ``text[start:end]`` most likely stood for."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return INSIDE_WORD if before.isalnum() and after.isalnum() else AT_WORD_EDGE


def _join(pieces: list[str], chars: list[str], tail: str) -> str:
    """The pieces with each lost character put back between them."""
    return "".join(p + c for p, c in zip(pieces, chars, strict=True)) + tail


def candidates(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of non-space characters in ``text[start:end]`` holding a
    mis-decoded lead and continuation byte; the rare pair is searched, then the run around it.

    A continuation byte shown as a space (U+00A0, U+0085) joins the run after it."""
    done = start
    for m in PAIR.finditer(text, start, end):
        if m.start() < done:
            continue
        begin = m.start()
        while begin > done and not text[begin - 1].isspace():
            begin -= 1
        done = _space(text, m.start() + 1, end)
        if done < end and PAIR.match(text, done - 1, done + 1):
            done = _space(text, done + 1, end)
        yield begin, done


def _space(text: str, start: int, end: int) -> int:
    """The first white space in ``text[start:end]``, or ``end``."""
    found = SPACE.search(text, start, end)
    return found.start() if found else end
