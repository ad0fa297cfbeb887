"""``duplicate_word``: a word typed twice ("the the"), leaving legitimate doubles alone.

Accepted, after LanguageTool's English word-repeat rule: "had had", "that that", "her her",
"is is" / "was was" after "what ...", particles after phrasal verbs ("signs in in"),
reduplications and interjections ("ha ha", "far far", "no no"), names ("Duran Duran", "May
may"), calls ("Wait wait!"), "for for" ending a relative clause ("what we waited for for years"),
single letters, runs of three or more, and words apart across punctuation ("wait, wait").

A built-in check with settings, not a building block: its one built-in rule (below) is the
one to tune, under ``options:`` in the configuration; a rule file of your own of this kind is
seldom useful.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress, count, islice
from operator import eq
from typing import Any

from newslint.document.lazyre import lazy
from newslint.document.model import Document
from newslint.document.tokens import Token
from newslint.engine.findings import Finding, Fix
from newslint.engine.kind import Context, Option
from newslint.engine.loader import Rule

OPTIONS = {
    "accept": Option(list, default=[], help="words whose doubling is always accepted"),
    "safe-words": Option(list, default=[], help="words whose doubling the fix removes safely"),
    "particles": Option(list, default=[], help="particles doubled after a phrasal verb ('sign in in')"),
    "phrasal-verbs": Option(list, default=[], help="verb stems before a doubled particle"),
    "copulas": Option(list, default=[], help="verbs doubled after 'what ...' ('what it is is')"),
    "name-words": Option(list, default=[], help="words that are also names, doubled after the name ('May may')"),
    "stranded": Option(
        list,
        default=[],
        help="particles accepted doubled only when the first ends a relative clause ('what we waited for for years')",
    ),
}
CODE_AFTER = lazy(r"[.(\[=_]\w|\(")
PRONOUNS = frozenset("me you him her it us them".split())
# "that that" is fine ("said that that plan failed") unless a determiner follows.
DETERMINERS = frozenset("the a an this these those his its our their my your".split())
RELATIVES = frozenset("what which that who whom whatever".split())
SUBJECTS = frozenset("i you he she we they".split())
NOT_A_NOUN = frozenset("and but or so because when if as said".split())


def prepare(rule: Rule) -> dict[Any, Any]:
    o = rule.options
    return {key: frozenset(w.lower() for w in o[key]) for key in OPTIONS} | {
        "phrasal-verbs": tuple(w.lower() for w in o["phrasal-verbs"])
    }


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    toks = doc.tokens
    text = doc.text
    texts = doc.token_texts
    # Only a token the same as the one before it (case and apostrophes aside) can be a repeat:
    # each distinct text is folded once, then a loop in C compares the neighbours.
    folded = {t: t.lower().replace("’", "'") for t in set(texts)}
    keys = list(map(folded.__getitem__, texts))
    for i in compress(count(1), map(eq, keys, islice(keys, 1, None))):
        a, b = toks[i - 1], toks[i]
        if b.kind != "word" or a.kind != "word" or a.block != b.block:
            continue
        if a.text.lower().replace("’", "'") != b.text.lower().replace("’", "'"):
            continue
        gap = text[a.end : b.start]
        if not gap or gap.strip() or (i + 1 < len(toks) and _same(toks[i + 1], b)) or (i > 1 and _same(toks[i - 2], a)):
            continue
        if "\n" in gap and (_alone_on_line(text, a) or _alone_on_line(text, b)):
            continue  # a repeated line: duplicate.line's business
        if CODE_AFTER.match(text, b.end):
            continue  # code: "import a a.f()", "setup setup(name=...)"
        if not _accepted(rule.compiled, toks, i, doc):
            yield _finding(rule, doc, a, b)


def _same(x: Token, y: Token) -> bool:
    return x.kind == "word" and x.block == y.block and x.text.lower() == y.text.lower()


def _alone_on_line(text: str, tok: Token) -> bool:
    start = text.rfind("\n", 0, tok.start) + 1
    end = text.find("\n", tok.end)
    end = len(text) if end < 0 else end
    return not text[start : tok.start].strip() and not text[tok.end : end].strip()


def _accepted(c: dict[Any, Any], toks: list[Token], i: int, doc: Document) -> bool:
    a, b = toks[i - 1], toks[i]
    word = b.text.lower()
    if len(word) == 1 and word not in ("a", "i"):
        return True
    if word == "that":
        return i + 1 >= len(toks) or toks[i + 1].text.lower() not in DETERMINERS
    if word in c["accept"]:
        return True
    if b.text[:1].isupper():
        return True  # a name ("Duran Duran", "May May") or a title-cased line
    if word in c["name-words"] and a.text[:1].isupper():
        return True  # "May may awake", "Will will be here"
    if doc.text.startswith("!", b.end):
        return True  # calling out: "Wait wait!"
    if a.text[:1].isupper() and not _starts_sentence(doc, toks, i - 1):
        return True  # "In May may we..."
    if word in c["copulas"] and _what_before(doc, toks, i - 1):
        return True
    if word in c["particles"] and i >= 2:
        before = toks[i - 2].text.lower()
        if word in c["stranded"]:
            return before.startswith(c["phrasal-verbs"]) and _relative_clause(toks, i - 2)
        return before in PRONOUNS or before.startswith(c["phrasal-verbs"])
    return False


def _relative_clause(toks: list[Token], verb: int) -> bool:
    """True when the verb at ``verb`` sits in a relative clause, so that a preposition after it
    is stranded: "what we waited for", "the day (that) they had waited for"."""
    for k in range(verb - 1, max(-1, verb - 6), -1):
        if toks[k].sentence != toks[verb].sentence or toks[k].kind != "word":
            return False
        word = toks[k].text.lower()
        if word in RELATIVES:
            return True
        if word in SUBJECTS:
            prev = toks[k - 1] if k else None
            return bool(prev and prev.sentence == toks[k].sentence and prev.kind == "word") and (
                prev is not None and prev.text.lower() not in NOT_A_NOUN
            )
    return False


def _starts_sentence(doc: Document, toks: list[Token], j: int) -> bool:
    return j == 0 or toks[j - 1].sentence != toks[j].sentence


def _what_before(doc: Document, toks: list[Token], j: int) -> bool:
    """True when "what" or "all" opens the clause shortly before token ``j``."""
    for k in range(j - 1, max(-1, j - 8), -1):
        if toks[k].sentence != toks[j].sentence:
            return False
        if toks[k].text.lower() in ("what", "all", "whatever"):
            return True
    return False


def _finding(rule: Rule, doc: Document, a: Token, b: Token) -> Finding:
    safe = b.text.lower() in rule.compiled["safe-words"] and _same_word(a.text, b.text)
    message = rule.format_message(f"{a.text} {b.text}", word=b.text)
    return Finding(rule.id, a.start, b.end, message, rule.severity, [a.text], Fix(a.text, safe))


def _same_word(kept: str, dropped: str) -> bool:
    """Whether deleting ``dropped`` picks no version: the words are the same as stored, or the kept
    one is the same word with a capital starting the sentence ("The the"; "THE the" is not)."""
    return kept == dropped or kept == dropped[:1].upper() + dropped[1:]
