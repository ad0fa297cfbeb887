"""``mojibake``: UTF-8 text that was decoded as Windows-1252 or Latin-1 (``â€™``, ``Ã©``).

Candidates are found by the shape of mis-decoded UTF-8 (a lead byte shown as ``Â``-``ô``
followed by continuation bytes shown as Latin-1 or cp1252 characters); ftfy, loaded on first
use, confirms each and gives the repaired text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..findings import Finding, Fix
from ..rules import Rule
from ..scopes import units
from . import Context, Option

OPTIONS = {
    "safe": Option(bool, default=False, help="whether the repair may be applied with --fix"),
}
CONTINUATION = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
PAIR = re.compile(rf"[\u00c2-\u00f4][{CONTINUATION}]")  # a lead byte and a continuation byte
SPACE = re.compile(r"\s")
_ftfy: Any = None


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
    text = doc.text
    for start, end in units(doc, rule.scope):
        for word_start, word_end in candidates(text, start, end):
            word = text[word_start:word_end]
            fixed = repair(word)
            if fixed is None:
                continue
            message = rule.format_message(word, right=fixed)
            fix = Fix(fixed, rule.options["safe"])
            yield Finding(rule.id, word_start, word_end, message, rule.severity, [fixed], fix)


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
