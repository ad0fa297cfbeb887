"""``capital_compound``: one word of a multi-word name left in lower case.

Found as a usual first word of institution names (``national``) before capitalized words that
end with a usual head noun of such names (``the national Security Council``).

A built-in check with settings, not a building block: its one built-in rule (below) is the
one to tune, under ``options:`` in the configuration; a rule file of your own of this kind is
seldom useful.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress

from newslint.document.model import Document
from newslint.engine.findings import Finding, Fix
from newslint.engine.kind import Context, Option, OptionError
from newslint.engine.loader import Rule
from newslint.engine.support.capital_common import (
    capitalized_words,
    free_positions,
    is_title,
    name_evidence,
    next_word,
    previous_word,
)

EVIDENCE = ("capital.names",)  # document-wide views (see newslint.engine.evidence)
OPTIONS = {
    "parts": Option(list, required=True, help="words that often open an institution's name (national, federal)"),
    "heads": Option(list, required=True, help="words that often end one (Council, Court, Party)"),
}


def prepare(rule: Rule) -> tuple[frozenset[str], frozenset[str]]:
    for key in ("parts", "heads"):
        if not all(isinstance(w, str) and w.isalpha() for w in rule.options[key]):
            raise OptionError(key, "must be a list of words")
    return frozenset(w.lower() for w in rule.options["parts"]), frozenset(w.lower() for w in rule.options["heads"])


def _name_after(doc: Document, i: int, heads: frozenset[str]) -> int | None:
    """The index of the head word ending a run of title-case words after token ``i``."""
    j, last = i, None
    while (nxt := next_word(doc, j)) is not None and is_title(nxt.text) and j - i < 5:
        j += 1
        if nxt.text.lower() in heads:
            last = j
    return last


def _standalone(doc: Document, parts: frozenset[str], heads: frozenset[str]) -> set[tuple[str, ...]]:
    """Names (``Labour Party``) the article writes after a lower-case word that is not one of
    ``parts``: a name of their own, so ``the national Labour Party`` only describes it."""
    free = free_positions(doc)
    out = set()
    for j in capitalized_words(doc):  # the word tokens is_title may pass, in order
        tok = doc.tokens[j]
        if j == 0 or not is_title(tok.text) or free[j]:
            continue
        prev = previous_word(doc, j)
        if prev is None or not prev.text.islower() or prev.text in parts:
            continue
        end = _name_after(doc, j - 1, heads)
        if end is not None:
            out.add(tuple(t.text.lower() for t in doc.tokens[j : end + 1]))
    return out


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    parts, heads = rule.compiled
    free = free_positions(doc)
    pairs = name_evidence(doc).pairs
    standalone: set[tuple[str, ...]] | None = None
    toks = doc.tokens
    texts = doc.token_texts
    for i in list(compress(range(len(texts)), map(parts.__contains__, texts))):  # a loop in C
        tok = toks[i]
        if tok.kind != "word" or free[i]:
            continue
        prev = previous_word(doc, i)
        if prev is not None and is_title(prev.text):
            continue
        end = _name_after(doc, i, heads)
        if end is None or (tok.text, doc.tokens[i + 1].text.lower()) in pairs:
            continue  # no name, or the article spells it out elsewhere (capitalization.proper-noun)
        if standalone is None:
            standalone = _standalone(doc, parts, heads)
        if tuple(t.text.lower() for t in doc.tokens[i + 1 : end + 1]) in standalone:
            continue
        right = tok.text.capitalize()
        name = right + doc.text[tok.end : doc.tokens[end].end]
        message = rule.format_message(tok.text, right=right, name=name)
        yield Finding(rule.id, tok.start, tok.end, message, rule.severity, [right], Fix(right, False))
