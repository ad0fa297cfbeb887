"""``capital_headline``: a headline mixing title case and sentence case.

``style: any`` reports lower-case words in a headline set mostly in title case (a stray capital
in a sentence-case headline is more often a name the article never repeats);
``title`` reports lower-case words that title case capitalizes; ``sentence`` reports capitals
on words that are not names. A capitalized word counts as a name when the article writes it
with a capital in running text, or when CLDR lists it (countries, languages, days...).

A built-in check with settings, not a building block: its one built-in rule (below) is the
one to tune, under ``options:`` in the configuration; a rule file of your own of this kind is
seldom useful.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

from newslint.document.model import Document
from newslint.document.tokens import Token
from newslint.engine.findings import Finding, Fix
from newslint.engine.kind import Context, Option, OptionError
from newslint.engine.loader import Rule
from newslint.engine.support.capital_common import (
    PARTICLES,
    SMALL_WORDS,
    base,
    free_positions,
    is_caps,
    name_evidence,
)
from newslint.engine.support.capital_data import GROUPS, known_names

EVIDENCE = ("capital.names",)  # document-wide views (see newslint.engine.evidence)
OPTIONS = {"style": Option(str, default="any", help="the house style: title, sentence or any")}
STYLES = ("title", "sentence", "any")


def prepare(rule: Rule) -> str:
    if rule.options["style"] not in STYLES:
        raise OptionError("style", f"must be one of {', '.join(STYLES)}")
    return cast("str", rule.options["style"])


def _words(doc: Document, block_index: int) -> tuple[list[Token], list[Token]]:
    """The headline's ordinary words: (capitalized, lower case); first words, small words,
    acronyms and names left out."""
    free = free_positions(doc)
    evidence = name_evidence(doc).anywhere
    names = known_names(GROUPS)
    first, end = doc.block_tokens[block_index]
    upper, lower = [], []
    for i in range(first, end):
        tok = doc.tokens[i]
        word = base(tok.text)
        if tok.kind != "word" or free[i] or word.lower() in SMALL_WORDS or is_caps(word) or not word.isalpha():
            continue
        if _cased_by_design(word):
            continue
        if word[:1].islower():
            lower.append(tok)
        elif word.lower() not in evidence and word.lower() not in names and word == word.capitalize():
            upper.append(tok)
    return upper, lower


def _cased_by_design(word: str) -> bool:
    """``iPhone``, ``eBay``, ``McDonald``, ``de`` (de Gaulle): inner capitals or a name particle
    set the word's case; title or sentence case never rewrites it."""
    return any(c.isupper() for c in word[1:]) or word.lower() in PARTICLES


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    headline = doc.headline
    if headline is None:
        return
    upper, lower = _words(doc, headline.index)
    style = rule.compiled
    if style == "any":
        # Only a clear title-case majority: an unknown name looks like a stray capital.
        if not lower or len(upper) < 3 or len(upper) < 3 * len(lower):
            return
        style = "title"
    wrong = lower if style == "title" else upper
    for tok in wrong:
        right = tok.text.capitalize() if style == "title" else tok.text.lower()
        message = rule.format_message(tok.text, right=right, style=style)
        yield Finding(rule.id, tok.start, tok.end, message, rule.severity, [right], Fix(right, False))
