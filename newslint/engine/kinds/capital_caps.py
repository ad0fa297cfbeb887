"""``capital_caps``: a pronoun set in capitals where it reads as a pronoun (``Subscribe US Now``).

``US`` is the country after ``the`` or a preposition, before a noun (``US troops``) or a name
(``US President``); after a verb with nothing or a title-case word after it, it is ``us``.
The neighbouring words decide, not a list of acronyms.

A built-in check with settings, not a building block: its one built-in rule (below) is the
one to tune, under ``options:`` in the configuration; a rule file of your own of this kind is
seldom useful.
"""

from __future__ import annotations

from collections.abc import Iterator

from newslint.document.model import Document
from newslint.engine.findings import Finding, Fix
from newslint.engine.kind import Context, Option, OptionError
from newslint.engine.loader import Rule
from newslint.engine.support.capital_common import DETERMINERS, SMALL_WORDS, is_caps, next_word, previous_word

OPTIONS = {
    "words": Option(list, default=["us", "we", "me"], help="pronouns whose capitals read as shouting"),
}
# Words before which a capitalized pronoun is the acronym: "the US", "of US", "and US".
ACRONYM_BEFORE = DETERMINERS | SMALL_WORDS | frozenset("against across between among toward towards".split())


# Verbs of a call to action whose object is the reader's "us" ("contact US", "join US"); after
# another verb at a sentence end ("visited US.") the capitals are the country.
OBJECT_VERBS = frozenset(
    "contact join follow email e-mail call message tell help support subscribe write ask text like "
    "reach find visit_us".split()
)
GLUED = frozenset("-‐–$€£/")


def prepare(rule: Rule) -> frozenset[str]:
    words = rule.options["words"]
    if not all(isinstance(w, str) and w.isalpha() for w in words):
        raise OptionError("words", "must be a list of words")
    return frozenset(w.upper() for w in words)


def _pronoun(doc: Document, i: int) -> bool:
    """True when the capitals at token ``i`` read as the pronoun."""
    prev, nxt = previous_word(doc, i), next_word(doc, i)
    if prev is None or prev.text.lower() in ACRONYM_BEFORE or is_caps(prev.text):
        return False
    if nxt is None:
        after = doc.text[doc.tokens[i].end : doc.tokens[i].end + 1]
        if after in GLUED or after.isdigit():  # US-led, US$5, US/EU
            return False
        return prev.text.lower() in OBJECT_VERBS  # not "© Future US, Inc."
    if is_caps(nxt.text) or nxt.text[:1].islower():
        return False
    return _all_titled(doc, doc.tokens[i].block)


def _all_titled(doc: Document, block: int) -> bool:
    """True when every word of the block but the small ones starts with a capital."""
    first, end = doc.block_tokens[block]
    words = [t.text for t in doc.tokens[first:end] if t.kind == "word" and t.text.lower() not in SMALL_WORDS]
    return all(w[:1].isupper() for w in words)


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    toks, pronouns = doc.tokens, rule.compiled
    for i in [i for i, text in enumerate(doc.token_texts) if text in pronouns]:
        tok = toks[i]
        if tok.kind != "word" or not _pronoun(doc, i):
            continue
        titled = _all_titled(doc, tok.block)
        right = tok.text.capitalize() if titled else tok.text.lower()
        message = rule.format_message(tok.text, right=right)
        yield Finding(rule.id, tok.start, tok.end, message, rule.severity, [right], Fix(right, False))
