"""``spelling_apostrophe``: an apostrophe lost, leaving an orphan letter (``institution s``, ``don t``).

The orphan ``t`` counts after the stems of n't contractions, ``m`` after "I", ``re``/``ve``/``ll``
after pronouns, and ``s`` after a word that can take a possessive (not after "the", "letter",
"an"...), when a lower-case word follows. The fix uses the apostrophe the article uses most.

A built-in check with settings, not a building block: its one built-in rule (below) is the
one to tune, under ``options:`` in the configuration; a rule file of your own of this kind is
seldom useful.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newslint.document.model import Document
from newslint.engine.findings import Finding, Fix
from newslint.engine.kind import Context, Option
from newslint.engine.loader import Rule

WHOLE_DOCUMENT = True  # in a windowed document: the house apostrophe is counted over the whole document
OPTIONS = {
    "not-before-s": Option(
        list,
        default=["a", "an", "the", "letter", "plural", "of", "and", "or", "to"],
        help="words an orphan s may follow",
    ),
}
NT_STEMS = frozenset(
    "don can won isn aren wasn weren didn doesn hasn haven hadn shouldn wouldn couldn mustn ain".split()
)
PRONOUNS = frozenset("i you we they he she it who that there what".split())
ORPHAN = regex.compile(r"\b(?P<word>[^\W\d_]+) (?P<tail>s|t|m|re|ve|ll)\b(?= [^\W\d_]*[a-z])")
TAIL = regex.compile(r"(?<=[^\W\d_]) (?:s|t|m|re|ve|ll)\b(?= [^\W\d_]*[a-z])")  # ORPHAN's rare part
LETTER = regex.compile(r"[^\W\d_]")


def prepare(rule: Rule) -> frozenset[str]:
    return frozenset(w.lower() for w in rule.options["not-before-s"])


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    apostrophe = "’" if doc.text.count("’") >= doc.text.count("'") else "'"
    for m in orphans(doc):
        word, tail = m.group("word"), m.group("tail")
        if not orphaned(word.lower(), tail, rule.compiled):
            continue
        fixed = f"{word}{apostrophe}{tail}"
        message = rule.format_message(m.group(), text=m.group(), fixed=fixed)
        yield Finding(rule.id, m.start(), m.end(), message, rule.severity, [fixed], Fix(fixed, safe=False))


def orphaned(word: str, tail: str, not_before_s: frozenset[str]) -> bool:
    if tail == "t":
        return word in NT_STEMS
    if tail == "m":
        return word == "i"
    if tail in ("re", "ve", "ll"):
        return word in PRONOUNS
    return len(word) > 1 and word not in not_before_s


def orphans(doc: Document) -> Iterator[regex.Match[str]]:
    """ORPHAN's matches in each block, found from the rare tail (`` s``) back to its word."""
    text = doc.text
    done = 0
    for hit in TAIL.finditer(text):
        block = doc.block_at(hit.start())
        if block is None or hit.end() > block.end:
            continue
        begin = hit.start()
        while begin > block.start and LETTER.match(text, begin - 1):
            begin -= 1
        m = ORPHAN.match(text, begin, block.end) if begin >= done else None
        if m is not None:
            done = m.end()
            yield m
