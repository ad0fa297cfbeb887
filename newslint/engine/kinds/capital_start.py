"""``capital_start``: a sentence that starts with a lower-case letter.

Sentences the tokenizer found (a block's first line, ``kpakpandofm``) and full stops followed by
a lower-case word inside a sentence (``. it was built``). Words lower case by design (``iPhone``,
``eBay``, name particles), URLs, numbers and quoted fragments are left alone.

A built-in check with settings, not a building block: its one built-in rule (below) is the
one to tune, under ``options:`` in the configuration; a rule file of your own of this kind is
seldom useful.
"""

from __future__ import annotations

from collections.abc import Iterator

from newslint.document.abbreviations import is_abbreviation, list_marker
from newslint.document.model import Document
from newslint.document.tokens import CLOSERS, Token
from newslint.engine.findings import Finding, Fix
from newslint.engine.kind import Context, Option, OptionError
from newslint.engine.loader import Rule
from newslint.engine.support.capital_common import PARTICLES

OPTIONS = {
    "lower-case-words": Option(list, default=[], help="words that may start a sentence in lower case"),
    "block-kinds": Option(
        list, default=["headline", "heading", "paragraph", "quote"], help="kinds of block whose sentences are checked"
    ),
}
CONTINUES = frozenset(",;:-–—(/&")  # a block ending with one of these runs on into the next


def prepare(rule: Rule) -> frozenset[str]:
    if not all(isinstance(w, str) for w in rule.options["lower-case-words"]):
        raise OptionError("lower-case-words", "must be a list of words")
    return frozenset(rule.options["lower-case-words"]) | PARTICLES


def _by_design(word: Token, allowed: frozenset[str]) -> bool:
    text = word.text
    return word.kind != "word" or not text[:1].islower() or any(c.isupper() for c in text[1:]) or text in allowed


def _after_stop(doc: Document, i: int) -> bool:
    """True when token ``i`` follows a sentence-ending mark (closing quotes aside)."""
    j = i - 1
    while j >= 0 and doc.tokens[j].text in CLOSERS and doc.tokens[j].block == doc.tokens[i].block:
        j -= 1
    return j >= 0 and doc.tokens[j].block == doc.tokens[i].block and doc.tokens[j].text in (".", "!", "?")


def _runs_on(doc: Document, index: int) -> bool:
    """True when the block before block ``index`` ends mid-sentence (a split paragraph)."""
    if index == 0:
        return False
    prev = doc.blocks[index - 1]
    tail = prev.text.rstrip()
    return prev.kind not in ("headline", "heading") and bool(tail) and (tail[-1].isalnum() or tail[-1] in CONTINUES)


def _sentence_starts(doc: Document, kinds: set[str]) -> Iterator[int]:
    for s in doc.sentences:
        i = s.first_token
        block = doc.blocks[s.block]
        if block.kind not in kinds:
            continue
        if i == doc.block_tokens[block.index][0]:
            if not _runs_on(doc, block.index):
                yield i
        elif _after_stop(doc, i):
            yield i


def _stops_in_sentences(doc: Document, kinds: set[str]) -> Iterator[int]:
    """Words after ``word. `` inside a sentence: the tokenizer splits only before capitals
    (a question mark is left alone: ``what? and`` is how people speak)."""
    toks = doc.tokens
    dots = [j + 1 for j, w in enumerate(doc.token_texts) if w == "."]  # the words after full stops
    for i in dots:
        if not 2 <= i < len(toks):
            continue
        dot, word = toks[i - 1], toks[i - 2]
        if toks[i].block != dot.block or doc.blocks[dot.block].kind not in kinds:
            continue
        gap = doc.text[dot.end : toks[i].start]
        if gap != " " or word.end != dot.start or word.block != dot.block:
            continue
        if _marker(doc, word):  # "1. preheat", "iv. this": a list item, not a sentence
            continue
        if word.kind == "number" and i - 2 > doc.block_tokens[word.block][0]:
            yield i
            continue
        if word.kind != "word":
            continue
        if len(word.text) == 1 or word.text.isupper() or is_abbreviation(word.text, _after_number(doc, i - 2)):
            continue
        yield i


def _after_number(doc: Document, i: int) -> bool:
    """True when token ``i`` follows a number and a space (``8 oz``, ``6 in``)."""
    prev = doc.tokens[i - 1] if i > 0 else None
    return prev is not None and prev.kind == "number" and doc.text[prev.end : doc.tokens[i].start] == " "


def _marker(doc: Document, tok: Token) -> bool:
    """True when ``tok`` is a list marker opening its line (``a)``, ``iv.``): not a word."""
    line_start = doc.text.rfind("\n", 0, tok.start) + 1
    if doc.text[line_start : tok.start].strip(" \t("):
        return False
    return list_marker(doc.text, line_start) >= tok.end


def _domain(doc: Document, tok: Token) -> bool:
    """``pic.twitter.com``, ``example.org``: a host name, not a word."""
    after = doc.text[tok.end : tok.end + 2]
    return len(after) == 2 and after[0] == "." and after[1].isalnum()


def _styled(doc: Document, index: int) -> bool:
    """A block with no capital letter at all is set in lower case on purpose (a quoted tweet)."""
    first, end = doc.block_tokens[index]
    return not any(t.kind == "word" and not t.text.islower() for t in doc.tokens[first:end])


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    kinds = set(rule.options["block-kinds"])
    starts = set(_sentence_starts(doc, kinds)) | set(_stops_in_sentences(doc, kinds))
    for i in sorted(starts):
        tok = doc.tokens[i]
        if _by_design(tok, rule.compiled) or _domain(doc, tok) or _styled(doc, tok.block) or _marker(doc, tok):
            continue
        right = tok.text[0].upper() + tok.text[1:]
        message = rule.format_message(tok.text, right=right)
        yield Finding(rule.id, tok.start, tok.end, message, rule.severity, [right], Fix(right, False))
