"""Views of a document's letter case shared by the ``capital_*`` kinds (not a kind itself).

Each view is computed once per document and kept in ``doc.cache``.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Sequence
from itertools import compress
from typing import TypeGuard, cast

from newslint.document.model import PROSE_KINDS, Block, Document
from newslint.document.records import Record
from newslint.document.tokens import Token

# Words a title-case headline may leave in lower case, and words that never carry a name.
SMALL_WORDS = frozenset(
    "a an the and but or nor for so yet as at by in of off on per to up via vs v with from into onto "
    "over than out down upon near like amid".split()
)
DETERMINERS = frozenset(
    "a an the this that these those its his her their our your my some any each every no another "
    "which what whose such".split()
)
# Name particles written in lower case by design (Charles van Commenee, Luiz Inacio lula da Silva).
PARTICLES = frozenset("van von de da di du le la del della der den des dos das ter ten bin ibn al el".split())
# Words that join a head noun to the rest of a longer name: Bank of England, Minister for Health.
NAME_LINKS = frozenset(("of", "for"))
HONORIFICS = frozenset("Mr Mrs Ms Dr Prof Sir Lord Lady Dame Mx Miss".split())
# Marks after which a capital letter is normal whatever the word.
OPENERS = frozenset("“\"‘'([«—–-:;•*>|/…")
ENDS = frozenset(".!?…")


def is_title(word: str) -> bool:
    """``China``, ``McDonald``: an upper-case first letter and some lower-case letters."""
    return word[:1].isupper() and not word.isupper()  # some letter is not upper case


def is_caps(word: str) -> bool:
    """``NATO``, ``US``: two or more letters, all upper case."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


POSSESSIVE_ENDS = "s'’"  # last letters of the endings base() takes off


def base(word: str) -> str:
    """The word without a possessive ending (``China’s`` -> ``China``)."""
    last = word[-1:]
    if last not in ("s", "'", "’"):
        return word
    for end in ("'s", "’s", "'", "’"):
        if word.endswith(end) and len(word) > len(end) + 1:
            return word[: -len(end)]
    return word


def free_positions(doc: Document) -> bytearray:
    """For each token: 1 where a capital is normal whatever the word (sentence starts, after
    an opening quote, bracket, colon or dash, first word of a block), else 0 (a byte a token).

    A sentence's first token covers the first of a block and one after a line break (a block
    starts a sentence, and so does a line break); what is left is the token after a number or
    one of the marks, found by the distinct texts a number or a mark may have (a loop in C)."""
    cached = doc.cache.get("capital.free")
    if cached is not None:
        return cast("bytearray", cached)
    toks, texts = doc.tokens, doc.token_texts
    out = bytearray(len(toks))
    for sentence in doc.sentences:
        out[sentence.first_token] = 1
    after = {t for t in set(texts) if t in OPENERS or t in ENDS or t[:1].isdigit()}  # a number starts with a digit
    last = len(toks) - 1
    for i in compress(range(last), map(after.__contains__, texts)):
        kind = toks[i].kind
        if kind == "number" or kind == "punct":  # the marks' texts are one mark each: punct
            out[i + 1] = 1
    doc.cache["capital.free"] = out
    return out


def title_like(doc: Document, block: Block) -> bool:
    """True for a block set in title case or capitals (headings, teasers, buttons)."""
    known = doc.cache.get("capital.title_like")  # a byte a block: 0 not known yet, 1 no, 2 yes
    if known is None:
        known = doc.cache["capital.title_like"] = bytearray(len(doc.blocks))
    if known[block.index]:
        return known[block.index] == 2
    result = block.kind in ("headline", "heading")
    if not result:
        words = [w for t in doc.tokens_of(block) if t.kind == "word" and (w := t.text).lower() not in SMALL_WORDS]
        upper = sum(1 for w in words if w[:1].isupper())
        result = bool(words) and upper >= 0.6 * len(words)
    known[block.index] = 2 if result else 1
    return result


class Evidence(Record):
    """The article's own capitalized words: the spellings to hold lower-case ones against."""

    __slots__ = ("alone", "anywhere", "pairs", "links", "total")
    alone: dict[str, Counter[str]]  # one-word names in running text
    anywhere: dict[str, Counter[str]]  # any title-case word in prose
    pairs: dict[tuple[str, str], tuple[str, str]]  # "wall street" -> Wall Street
    # ("house", "of", "lords") -> ("House", "Lords"): names joined by "of" or "for"
    links: dict[tuple[str, str, str], tuple[str, str]]
    total: Counter[str]  # title-case uses anywhere, headline included

    def __init__(
        self,
        alone: dict[str, Counter[str]] | None = None,
        anywhere: dict[str, Counter[str]] | None = None,
        pairs: dict[tuple[str, str], tuple[str, str]] | None = None,
        links: dict[tuple[str, str, str], tuple[str, str]] | None = None,
        total: Counter[str] | None = None,
    ) -> None:
        self.alone = {} if alone is None else alone
        self.anywhere = {} if anywhere is None else anywhere
        self.pairs = {} if pairs is None else pairs
        self.links = {} if links is None else links
        self.total = Counter[str]() if total is None else total


def name_evidence(doc: Document) -> Evidence:
    """The article's proper nouns: title-case words standing alone in running text (mid-sentence,
    outside title-like blocks, no capitalized neighbour but a title such as ``Mr``), every
    title-case word of the prose, and pairs of adjacent title-case words (``Wall Street``)."""
    cached = doc.cache.get("capital.names")
    if cached is not None:
        return cast("Evidence", cached)
    free = free_positions(doc)
    ev = Evidence()
    toks = doc.tokens
    blocks = doc.blocks
    running: dict[int, bool] = {}  # block index -> True for a prose block that is not title-like
    total = []
    for i in capitalized_words(doc):
        tok = toks[i]
        text = tok.text
        word = base(text)
        title = not text.isupper()  # is_title(text): its first letter is upper case
        if title:
            total.append(word.lower())
        inside = running.get(tok.block)
        if inside is None:
            block = blocks[tok.block]
            inside = running[tok.block] = block.kind in PROSE_KINDS and not title_like(doc, block)
        if not inside or not (title if word is text else is_title(word)) or "-" in word:
            continue
        prev = previous_word(doc, i)
        if prev is not None and is_title(prev.text) and not free[i - 1] and prev.text.lower() not in SMALL_WORDS:
            ev.pairs[(prev.text.lower(), word.lower())] = (prev.text, word)
        closes = _closes_of_name(doc, i, prev)
        if closes:
            head, link = toks[i - 2], toks[i - 1]
            ev.links[(base(head.text).lower(), link.text, word.lower())] = (base(head.text), word)
        if free[i]:
            continue
        low = word.lower()
        _tally(ev.anywhere, low, word)
        if _alone(doc, i, prev, closes):
            _tally(ev.alone, low, word)
    ev.total.update(total)
    doc.cache["capital.names"] = ev
    return ev


def _tally(counts: dict[str, Counter[str]], low: str, word: str) -> None:
    """Count ``word`` under ``low`` (a Counter made only for a new ``low``, not one a call)."""
    found = counts.get(low)
    if found is None:
        found = counts[low] = Counter()
    found[word] += 1


def capitalized_words(doc: Document) -> Sequence[int]:
    """Indexes of the word tokens that start with a capital letter, in order (4 bytes each)."""
    cached = doc.cache.get("capital.capitalized")
    if cached is None:
        toks, texts = doc.tokens, doc.token_texts
        upper = {w for w in set(texts) if w[:1].isupper()}  # each distinct text once
        hits = compress(range(len(texts)), map(upper.__contains__, texts))  # a loop in C
        cached = array("i", [i for i in hits if toks[i].kind == "word"])
        doc.cache["capital.capitalized"] = cached
    return cached


def _capital(tok: Token | None) -> TypeGuard[Token]:
    return tok is not None and tok.text[:1].isupper()


def _alone(doc: Document, i: int, prev: Token | None, closes: bool) -> bool:
    """True when token ``i`` has no capitalized word beside it (a title before it is fine) and
    does not open or close an ``X of Y`` name (``Bank of England``, ``House of Lords``);
    ``prev`` is ``previous_word(doc, i)``, ``closes`` ``closes_of_name(doc, i)``."""
    if _capital(prev) and prev.text.rstrip(".") not in HONORIFICS:
        return False
    if closes or opens_of_name(doc, i):
        return False
    return not _capital(next_word(doc, i)) or base(doc.tokens[i].text) != doc.tokens[i].text


def closes_of_name(doc: Document, i: int) -> bool:
    """True when token ``i`` follows a capitalized word and ``of`` or ``for`` (``House of
    Lords``): the end of a longer name, not evidence for the word alone."""
    return _closes_of_name(doc, i, previous_word(doc, i))


def _closes_of_name(doc: Document, i: int, link: Token | None) -> bool:
    """``closes_of_name``, given ``previous_word(doc, i)``."""
    return link is not None and link.text in NAME_LINKS and _capital(previous_word(doc, i - 1))


def opens_of_name(doc: Document, i: int) -> bool:
    """True when token ``i`` is followed by ``of`` or ``for`` and a capitalized word: the first
    word of a longer name (``Bank of England``, ``Council of Ministers``), a common noun there."""
    link = next_word(doc, i)
    if link is None or link.text not in NAME_LINKS:
        return False
    return _capital(next_word(doc, i + 1))


def lower_counts(doc: Document) -> Counter[str]:
    """How often each word occurs written all in lower case."""
    cached = doc.cache.get("capital.lower")
    if cached is None:
        cached = Counter([t.text for t in doc.tokens if t.kind == "word" and t.text.islower()])
        for text in [w for w in cached if w[-1] in POSSESSIVE_ENDS]:
            word = base(text)
            if word != text:
                cached[word] += cached.pop(text)
        doc.cache["capital.lower"] = cached
    return cached


def previous_word(doc: Document, i: int) -> Token | None:
    """The word just before token ``i`` in the same block, with only spaces between."""
    if i == 0:
        return None
    toks = doc.tokens
    prev, tok = toks[i - 1], toks[i]
    if prev.block != tok.block or prev.kind not in ("word", "abbr"):
        return None
    end = prev.start + len(prev.text)  # prev.end, inlined (a hot path)
    if end != tok.start and doc.text[end : tok.start].strip():
        return None
    return prev


def next_word(doc: Document, i: int) -> Token | None:
    """The word just after token ``i`` in the same block, with only spaces between."""
    toks = doc.tokens
    if i + 1 >= len(toks):
        return None
    nxt, tok = toks[i + 1], toks[i]
    if nxt.block != tok.block or nxt.kind not in ("word", "abbr"):
        return None
    end = tok.start + len(tok.text)  # tok.end, inlined (a hot path)
    if end != nxt.start and doc.text[end : nxt.start].strip():
        return None
    return nxt
