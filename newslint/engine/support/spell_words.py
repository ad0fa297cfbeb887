"""Shared by the spelling kinds: which words to look at, and ranked suggestions for a word.

Not a kind itself (it has no ``check``).
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import overload

from newslint.document.model import Block, Document
from newslint.document.records import Record
from newslint.document.tokens import Token
from newslint.engine.support import bigrams, capital_case, edit_model, sound_key, spelldata
from newslint.engine.support.edit_model import NEIGHBOURS

LETTERS = "abcdefghijklmnopqrstuvwxyz"
PART = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
OPENERS = frozenset("“\"‘'([—–-«")
POSSESSIVE = re.compile(r"['’]s?$")
DOUBLED = re.compile(r"(.)\1+")
SKIP_BEFORE = frozenset("@#/\\._")  # handles, hashtags, paths, domains
SKIP_AFTER = frozenset("@/\\_")
# A block without these in or just around it has no word a mark of SKIP_BEFORE or SKIP_AFTER
# rules out, nor one a full stop and a letter follow (a domain name): a superset of both tests,
# as a word starts with a letter and a letter is a word character that is neither a digit nor _.
CONTEXT = re.compile(r"[@#/\\_]|\.[^\W\d_]")
# The longest word in wordfreq's list has 34 letters. A longer "word" (a URL, base64, scraped
# junk) is never cut, edited or corrected: making candidates costs time and memory that grow
# with the square of its length.
MAX_LETTERS = 40


class Piece(Record):
    """One word of a token (hyphenated compounds give several), with its context."""

    __slots__ = ("start", "end", "text", "initial")
    start: int
    end: int
    text: str
    initial: bool  # first word of a sentence, a line or a quotation, or in a heading

    def __init__(self, start: int, end: int, text: str, initial: bool) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.initial = initial


Form = tuple[str, bool]  # a piece's text and whether it is initial: all a verdict on it depends on


class Pieces(Sequence[Piece]):
    """The pieces of one form in document order, kept as their start offsets (4 bytes each,
    where a ``Piece`` takes some 80): every piece of a form has its text, so its length, and its
    ``initial``. Pieces are made when read."""

    __slots__ = ("text", "initial", "starts")

    def __init__(self, text: str, initial: bool, start: int) -> None:
        self.text = text
        self.initial = initial
        self.starts = array("i", (start,))

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> Piece: ...
    @overload
    def __getitem__(self, i: slice) -> list[Piece]: ...
    def __getitem__(self, i: int | slice) -> Piece | list[Piece]:
        if isinstance(i, slice):
            return [self._piece(s) for s in self.starts[i]]
        return self._piece(self.starts[i])

    def __iter__(self) -> Iterator[Piece]:
        return map(self._piece, self.starts)

    def _piece(self, start: int) -> Piece:
        return Piece(start, start + len(self.text), self.text, self.initial)


def forms(doc: Document) -> dict[Form, Pieces]:
    """Word pieces worth spell-checking (not URLs, numbers, @handles, #hashtags or paths),
    grouped by text and initial, each group in document order: a kind judges each form once."""
    cached = doc.cache.get("spell_forms")
    if cached is None:
        cached = doc.cache["spell_forms"] = _forms(doc)
    return cached


def _forms(doc: Document) -> dict[Form, Pieces]:
    text = doc.text
    out: dict[Form, Pieces] = {}
    starts = _sentence_starts(doc)
    tokens = doc.tokens
    for block, (first, last) in zip(doc.blocks, doc.block_tokens, strict=True):
        heading = block.kind in ("headline", "heading")
        # a block with one line and none of the marks that rule a word out (see CONTEXT) needs
        # no test of the text around each word
        checked = text.find("\n", block.start, block.end) >= 0 or bool(
            CONTEXT.search(text, block.start - 1, block.end + 2)
        )
        _block_forms(out, text, tokens[first:last], block, heading, starts, checked)
    return out


def _block_forms(
    out: dict[Form, Pieces],
    text: str,
    tokens: list[Token],
    block: Block,
    heading: bool,
    starts: set[int],
    checked: bool = True,
) -> None:
    """Add to ``out`` the pieces of one block's ``tokens``; unless ``checked``, without the tests
    of the text around each word (known to pass)."""
    find = text.find
    size = len(text)
    lines = checked and find("\n", block.start, block.end) >= 0
    prev_end = block.start
    for tok in tokens:
        start, word = tok.start, tok.text
        if tok.kind != "word":
            prev_end = start + len(word)  # tok.end, without the property call
            continue
        end = start + len(word)
        initial = heading or start in starts or (lines and find("\n", prev_end, start) >= 0)
        prev_end = end
        if checked:
            if (start and text[start - 1] in SKIP_BEFORE) or (end < size and text[end] in SKIP_AFTER):
                continue
            if end < size and text[end] == "." and text[end + 1 : end + 2].isalpha():
                continue  # a domain name: georgewbush.com
        if word.isalpha():  # most words: one piece, no digits, no apostrophe
            group = out.get((word, initial))
            if group is None:
                out[word, initial] = Pieces(word, initial, start)
            else:
                group.starts.append(start)
        elif not any(c.isdigit() for c in word):
            _add_parts(out, word, start, initial)


def _add_parts(out: dict[Form, Pieces], word: str, start: int, initial: bool) -> None:
    """Add to ``out`` the pieces of a word with an apostrophe or a hyphen."""
    for piece in _parts(word, start, initial):
        key = (piece.text, piece.initial)
        group = out.get(key)
        if group is None:
            out[key] = Pieces(piece.text, piece.initial, piece.start)
        else:
            group.starts.append(piece.start)


def _sentence_starts(doc: Document) -> set[int]:
    """Where the first word of each sentence starts, when only opening marks come before it."""
    tokens = doc.tokens
    found = set()
    for sentence in doc.sentences:
        for j in range(sentence.first_token, sentence.end_token):  # no copy of the whole sentence
            tok = tokens[j]
            if tok.kind == "word":
                found.add(tok.start)
            if tok.kind != "punct" or tok.text not in OPENERS:
                break
    return found


def _parts(word: str, start: int, initial: bool) -> Iterator[Piece]:
    """The pieces of a word with an apostrophe or a hyphen; none when the lexicon lists the
    word without its hyphens (pre-empt, co-ordinating)."""
    if "-" in word and spelldata.load().listed(word.replace("-", "").lower()):
        return
    for m in PART.finditer(word):
        part = m.group()
        if part[-2:-1] in "'’" or part[-1] in "'’":
            part = POSSESSIVE.sub("", part)
        if part and (m.start() == 0 or len(part) > 3):  # add-ons
            s = start + m.start()
            yield Piece(s, s + len(part), part, initial and m.start() == 0)


def counts(doc: Document) -> Counter[str]:
    """How often each exact word form occurs in the document."""
    found = doc.cache.get("spell_counts")
    if found is None:
        found = doc.cache["spell_counts"] = Counter()
        for (text, _), group in forms(doc).items():
            found[text] += len(group)
    return found


def variant_forms(doc: Document) -> dict[Form, Pieces]:
    """The forms of the words with a US and a UK spelling (``colour``, ``color``), in document order."""
    found = doc.cache.get("spell_variants")
    if found is None:
        data = spelldata.load()
        gb, us = data.gb_to_us, data.us_to_gb
        found = {key: pieces for key, pieces in forms(doc).items() if (low := key[0].lower()) in gb or low in us}
        doc.cache["spell_variants"] = found
    return found


def moved_forms(a: dict[Form, Pieces], b: dict[Form, Pieces], base: int) -> dict[Form, Pieces]:
    """``a`` with the forms of a later part of the document, whose offsets start at ``base``."""
    for key, pieces in b.items():
        starts = array("i", (s + base for s in pieces.starts))
        if key in a:
            a[key].starts.extend(starts)
        else:
            a[key] = Pieces(pieces.text, pieces.initial, 0)
            a[key].starts = starts
    return a


def mid_sentence_capitals(doc: Document) -> set[str]:
    """Capitalized words the article writes capitalized in mid-sentence: its proper nouns."""
    found = doc.cache.get("spell_midcaps")
    if found is None:
        found = doc.cache["spell_midcaps"] = {t for t, initial in forms(doc) if not initial and t[:1].isupper()}
    return found


def shape(word: str) -> str:
    """lower, capitalized, upper or mixed."""
    if word.islower():
        return "lower"
    if word.isupper():
        return "upper"
    if word[:1].isupper() and (len(word) == 1 or word[1:].islower()):
        return "capitalized"
    return "mixed"


def match_case(word: str, like: str) -> str:
    """``word`` written in the case of ``like``."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


# --- word formation -------------------------------------------------------------------------
PREFIXES = (
    "bio", "eco", "mid", "nano", "neo", "tele", "ultra", "anti", "counter", "cyber", "de", "dis", "electro", "hyper", "inter", "mega", "micro", "mis", "multi", "non",
    "out", "over", "post", "pre", "pro", "re", "semi", "sub", "super", "un", "under",
)  # fmt: skip
SUFFIXES = (
    ("ically", ""), ("ally", ""), ("ly", ""), ("ies", "y"), ("ied", "y"), ("ier", "y"), ("iest", "y"), ("es", ""),
    ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ers", ""), ("ers", "e"), ("er", ""), ("er", "e"),
    ("ness", ""), ("ities", "e"), ("ity", ""), ("ism", ""), ("ist", ""), ("ise", ""), ("ize", ""), ("ising", ""),
    ("izing", ""), ("ised", ""), ("ized", ""), ("ation", "e"), ("ations", "e"), ("ation", ""), ("able", ""),
    ("ery", ""), ("ator", "ate"), ("ators", "ate"), ("ise", "y"), ("ising", "y"), ("ised", "y"), ("ize", "y"), ("izing", "y"),
    ("ized", "y"),
)  # fmt: skip
INFLECTIONS = frozenset({"s", "es", "ies", "ed", "ied", "ing", "er", "ers", "ier", "iest"})
Y_INFLECTIONS = frozenset({"ies", "ied", "ier", "iest"})  # their -y stem may be derived itself (implausibilities)
# Inflections a full-form lexicon lists for each stem that takes them; it lacks many plurals and
# agent nouns (relocations, influencer), so those still come from the stem.
REGULAR = frozenset({"es", "ed", "ied"})
FUNCTION_ZIPF = 6.0  # "the", "of", "their", "just": glued to a word they make an error, not a compound


def overregular(word: str, full: Callable[[str], bool]) -> bool:
    """True when ``word`` is a listed stem with an inflection the full-form lexicon does not give
    it: an over-regularized form (hurted, gooder)."""
    for suffix, add in SUFFIXES:
        if suffix in REGULAR and word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if full(stem + add) or (add == "" and stem[-1:] == stem[-2:-1] and full(stem[:-1])):
                return True
    return False


def too_long(word: str) -> bool:
    """True when ``word`` is longer than any word worth cutting, editing or correcting."""
    return len(word) > MAX_LETTERS


def derived(word: str, known: Callable[[str], bool], depth: int = 0, full: Callable[[str], bool] | None = None) -> bool:
    """True when a lower-case word is a known word with a common prefix or suffix (outjumped).

    ``full`` says which stems a full-form lexicon lists with all their inflections: such a
    stem with an inflection the lexicon lacks is no word (thinked, gooder, qualifys)."""
    if too_long(word):
        return False
    for suffix, add in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if full is not None and suffix in REGULAR and (full(stem) or full(stem + add)):
                continue
            if suffix == "s" and stem[-1:] == "y" and stem[-2:-1] not in "aeiou":
                continue  # qualifys: a consonant and y take -ies
            if suffix == "ly" and stem.endswith("ic"):
                continue  # dramaticly: -ic takes -ally (publicly is listed)
            if known(stem + add) or (stem[-1:] == stem[-2:-1] and known(stem[:-1])):
                return True
            if depth == 0 and suffix in Y_INFLECTIONS and derived(stem + add, known, 1, full):
                return True  # implausibilities: implausibility: implausible
    if depth == 0:
        for prefix in PREFIXES:
            rest = word[len(prefix) :]
            if word.startswith(prefix) and len(rest) >= 4 and (known(rest) or derived(rest, known, 1, full)):
                return True
    return False


def splits(word: str, zipf: Callable[[str], float], min_zipf: float = 3.0) -> list[tuple[str, str]]:
    """Ways to cut a lower-case word into two words each at least that common, likeliest first."""
    if too_long(word):
        return []
    found = []
    for i in range(2, len(word) - 1):
        a, b = word[:i], word[i:]
        za, zb = zipf(a), zipf(b)
        if za >= min_zipf and zb >= min_zipf and (len(a) > 2 or za >= FUNCTION_ZIPF):
            found.append((min(za, zb), a, b))
    return [(a, b) for _, a, b in sorted(found, reverse=True)]


def glued(word: str, zipf: Callable[[str], float]) -> tuple[str, str] | None:
    """The two words a lower-case non-word was glued from, when one is a very common word (ofthe)."""
    found = splits(word, zipf, 3.0)[:1]  # only the likeliest cut: chatshow is chat show, not chats how
    return found[0] if found and max(zipf(found[0][0]), zipf(found[0][1])) >= FUNCTION_ZIPF else None


# --- suggestions -----------------------------------------------------------------------------
_MEMO: dict[tuple[str, bool], list[tuple[float, str]]] = {}
MIN_SUGGEST_ZIPF = 1.5  # words rarer than this are not offered as corrections
COMMON = 350  # zipf x 100: a word this common in wordfreq is offered even when the lexicon lacks it
CURATED = 99.0  # the score of codespell's first curated correction: they come first
TOP_ZIPF = 8.0  # no word is more common ("the" is 7.7)
CASE_PRIOR = True  # see candidates()
KEEP = 1.0  # a word two edits away is looked for only when it may come within this of the best (log10)
LM_WEIGHT = 1.0  # log10 P(word) counts this much against log10 P(typo | word) (benchmarks/spelling_channel.py --tune)
# The words either side re-rank the candidates scored within TIE_MARGIN (log10) of the best,
# adding CONTEXT_WEIGHT x how much more often each stands beside them than chance would have it.
CONTEXT_WEIGHT = 1.0
TIE_MARGIN = 2.0
CURATED_MARGIN = 2.0  # codespell's first corrections (scored 99, 98, ...) that context may reorder
# A candidate that sounds like the typo (the same sound-alike key: thort, thought) gains this
# (log10) over its noisy-channel score; tuned on the lists' tuning half (benchmarks/spelling_accuracy.py).
SOUND_BONUS = 1.0
SOUND_REACH = 3.0  # only candidates scored within this (log10) of the best may gain it
SOUND_WINDOW = 1.5  # a word added for its sound comes within this (log10) of the best candidate


def edits1(word: str) -> set[str]:
    """Every string one edit from ``word``: about 54 times its length of them, each as long."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in LETTERS}
    out |= {a + c + b for a, b in splits for c in LETTERS}
    out.discard(word)
    return out


def undouble(word: str) -> str:
    return DOUBLED.sub(r"\1", word)


def near_words(word: str, min_zipf: float) -> list[str]:
    """Words one edit from a lower-case word with at least that frequency, most frequent first."""
    if too_long(word):
        return []
    data = spelldata.load()
    floor = round(min_zipf * 100)
    near = frequent_near(word, floor)
    edits = edits1(word)
    values = data.values_of(edits) if near is None else {c: v for c, v in near.items() if c in edits}
    found = [(f, c) for c, v in values.items() if (f := v & ~spelldata.LISTED) >= floor]
    return [c for f, c in sorted(found, reverse=True)]


def frequent_near(word: str, floor: int) -> dict[str, int] | None:
    """The stored values (see ``spelldata.SpellData.value``) of the words at least ``floor``
    common (zipf x 100) that may be one edit from ``word``, and some further: the suggestion
    index's words that share a deletion with it, a few dozen found in a few lookups, where its
    slips or edits are hundreds of strings to look up. None when the index may lack such a
    word: ``word`` is not plain a-z (nor then are its edits), or ``floor`` is below the index's
    least frequency."""
    if floor < spelldata.INDEX_MIN or not (word.isascii() and word.isalpha() and word.islower()):
        return None
    index, data = spelldata.suggest_index(), spelldata.load()
    words = index.words
    values = words.values
    return {(c := words.key(n).decode("utf-8")): data.value(c) for n in index.near(word, 1) if values[n] >= floor}


NAME = 400  # zipf x 100: a word the lexicon lacks this common in wordfreq is a name worth correcting to


def slips(word: str, last: bool = True) -> Iterator[str]:
    """Strings one typing slip from ``word`` that keep its first letter (and, without ``last``,
    its last): a letter dropped or doubled, two swapped, one struck for a keyboard neighbour or
    another vowel."""
    if not last:
        yield from (s + word[-1] for s in slips(word[:-1]))
        return
    n = len(word)
    for i in range(1, n + 1):
        if i < n:
            yield word[:i] + word[i + 1 :]  # the typist doubled or added a letter
            for c in NEIGHBOURS.get(word[i], set()) | (set("aeiouy") if word[i] in "aeiouy" else set()):
                yield word[:i] + c + word[i + 1 :]
        if i < n - 1:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for c in LETTERS:
            yield word[:i] + c + word[i:]  # the typist dropped a letter
    for m in DOUBLED.finditer(word):  # the wrong letter doubled: sleppy, sleepy
        a, b = m.start(), m.end()
        if b - a == 2 and a > 1:
            yield word[:a] + word[a - 1] + word[a] + word[b:]
        if b - a == 2 and b < len(word):
            yield word[: a + 1] + word[b] + word[b:]


def key_slips(word: str) -> Iterator[str]:
    """Words ``word`` may be one keyboard slip from, inside its first and last letters: a letter
    dropped or doubled, two swapped (the last two too), one struck for a neighbouring key. The slips a typist makes
    in a name, unlike the ways names differ (Hansen, Hanson; Ahmad, Ahmado; Neil, Neidl; Thin,
    Thion)."""
    n = len(word)
    for i in range(1, n - 1):
        c, around = word[i], word[i - 1] + word[i + 1]
        if c in around:
            yield word[:i] + word[i + 1 :]  # a letter doubled
        for k in NEIGHBOURS.get(c, ()):
            yield word[:i] + k + word[i + 1 :]
        yield word[:i] + word[i + 1] + c + word[i + 2 :]  # the last two too: Americna
        for k in LETTERS:
            yield word[:i] + k + word[i:]  # a letter dropped


def slip_fix(word: str, above: float, last: bool = True, names: int = NAME) -> str | None:
    """The most common word one slip from a lower-case word, when listed (or a name at least
    ``names`` common, zipf x 100) and more common than ``above`` (zipf), else None: Firday is
    Friday, Washingon Washington, Reuteers Reuters; ``last``: slips of the last letter too."""
    data = spelldata.load()
    floor = round(above * 100)
    found = set(slips(word, last))
    near = frequent_near(word, floor)  # the one slip that counts is as common as the floor
    values = data.values_of(found) if near is None else {c: v for c, v in near.items() if c in found}
    best = max(
        (
            (v & ~spelldata.LISTED, c)
            for c, v in values.items()
            if c != word and (v & ~spelldata.LISTED >= names or v & spelldata.LISTED)
        ),
        default=(0, ""),
    )
    return best[1] if best[0] >= floor else None


def candidates(word: str, lower: bool = False) -> list[tuple[float, str]]:
    """(score, candidate) for a lower-case word, best first: the noisy channel's
    LM_WEIGHT x log10 P(candidate) + log10 P(word | candidate) (codespell's curated fixes first,
    in its order).

    Words one edit away are found by generating the edits; words two edits away by the
    symmetric-delete index of frequent words, when frequent enough to come near the best. For a
    typo written in lower case (``lower``), a candidate counts only its lower-case uses: a name
    (tampa, gary) is not what a lower-case slip meant.
    """
    if too_long(word):
        return []
    found = _MEMO.get((word, lower))
    if found is not None:
        return found
    data = spelldata.load()
    channel = edit_model.channel()
    cased = lower and CASE_PRIOR
    scored: dict[str, float] = {}
    for i, fix in enumerate(f for f in data.corrections(word) if " " not in f):
        scored[fix] = CURATED - i  # in codespell's order: the channel did no better on the tuning half
    for cand, v in data.values_of(edits1(word)).items():
        f = v & ~spelldata.LISTED
        if f >= COMMON or v & spelldata.LISTED:  # a listed word however rare; else a common one
            scored.setdefault(cand, score(channel, word, cand, f, cased))
    if 3 < len(word) <= 14:
        best1 = max(scored.values(), default=-99.0)
        reach = (best1 - KEEP - 2 * channel.ceiling) / LM_WEIGHT  # the zipf a word two edits away needs
        if reach < TOP_ZIPF:
            scored.update(two_edits(word, max(MIN_SUGGEST_ZIPF, reach) * 100, scored, cased))
    found = sorted(((s, c) for c, s in scored.items()), key=lambda x: (-x[0], x[1]))
    if len(_MEMO) > 10_000:
        _MEMO.clear()
    _MEMO[word, lower] = found
    return found


def score(channel: edit_model.Channel, word: str, cand: str, freq: int, lower: bool = False) -> float:
    """How likely ``cand`` (of zipf x 100 ``freq``) was meant where ``word`` was written, in log10
    units; with ``lower``, only the candidate's lower-case uses count."""
    zipf = freq / 100
    if lower:
        ratio = capital_case.ratio(cand)  # natural log of P(Word) / P(word)
        zipf -= math.log10(1 + math.exp(ratio)) if ratio is not None else 0.0
    return LM_WEIGHT * zipf + channel.log_p(cand, word)


def two_edits(word: str, above: float, known: dict[str, float], lower: bool = False) -> dict[str, float]:
    """Indexed words more common than ``above`` (zipf x 100) two edits from ``word``, scored."""
    index = spelldata.suggest_index()
    channel = edit_model.channel()
    out = {}
    words, data, size = index.words, spelldata.load(), len(word)
    values, offsets = words.values, words.offsets
    letters = set(word)
    for n in index.near(word):
        f = values[n]
        if f <= above or abs(offsets[n + 1] - offsets[n] - size) > 2:  # indexed words are a-z: bytes are letters
            continue
        cand = words.key(n).decode("utf-8")
        if f < COMMON and not data.listed(cand):
            continue
        if cand not in known and letters_near(letters, cand) and distance(word, cand, 2) == 2:
            out[cand] = score(channel, word, cand, f, lower)
    return out


def letters_near(letters: set[str], cand: str) -> bool:
    """False when ``cand`` is surely more than two edits from a word with these ``letters``:
    two edits take at most two letters out and put at most two in (a swap neither), so three
    letters the word has and ``cand`` lacks, or three the other way round, rule it out. Much
    cheaper than ``distance``; most words the index finds (other words' deletions hashed
    alike) fail it."""
    return len(letters.difference(cand)) <= 2 and len(set(cand).difference(letters)) <= 2


def distance(a: str, b: str, limit: int) -> int:
    """Edit distance with adjacent transpositions (optimal string alignment), or limit + 1 beyond it.
    A common prefix and suffix are left out first (as SymSpell does): they change nothing, and a
    candidate mostly shares both with the word."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    j = 0
    while j < n - i and a[-1 - j] == b[-1 - j]:
        j += 1
    if i or j:
        a, b = a[i : len(a) - j], b[i : len(b) - j]
    if not a or not b:
        return min(len(a) + len(b), limit + 1)
    return min(_osa(a, b), limit + 1)


def _osa(a: str, b: str) -> int:
    """The optimal string alignment distance of two non-empty strings, by Hyyrö's bit-parallel
    algorithm (2003): the table's column for ``a`` kept as the bits of two integers, a step per
    letter of ``b`` (some ten integer operations where the table takes ``len(a)`` steps)."""
    m = len(a)
    full = (1 << m) - 1
    last = 1 << (m - 1)
    match: dict[str, int] = {}  # letter -> the bits of the positions of ``a`` holding it
    for i, c in enumerate(a):
        match[c] = match.get(c, 0) | 1 << i
    vp, vn, d0, pm_old, dist = full, 0, 0, 0, m
    for c in b:
        pm = match.get(c, 0)
        tr = (((~d0 & pm) << 1) & pm_old) & full  # a transposition of the last two letters
        d0 = ((((pm & vp) + vp) ^ vp) | pm | vn | tr) & full
        hp = (vn | ~(d0 | vp)) & full
        hn = d0 & vp
        if hp & last:
            dist += 1
        elif hn & last:
            dist -= 1
        hp = ((hp << 1) | 1) & full
        hn = (hn << 1) & full
        vp = (hn | ~(d0 | hp)) & full
        vn = hp & d0
        pm_old = pm
    return dist


def suggestions(word: str, limit: int = 5) -> list[str]:
    """Corrections of ``word``, best first, in its case."""
    return [match_case(c, word) for _, c in ranked(word.lower(), word.islower())[:limit]]


_RANKED: dict[tuple[str, bool], list[tuple[float, str]]] = {}


def ranked(word: str, lower: bool = False) -> list[tuple[float, str]]:
    """``candidates``, with the words that sound like ``word`` added (scored by the noisy
    channel: announcement is three edits from annonsment) and those among the best that sound
    like it raised by SOUND_BONUS: the ranking of suggestions. Whether a word is a typo at all
    is decided on ``candidates`` alone."""
    found = _RANKED.get((word, lower))
    if found is not None:
        return found
    scored = {c: s for s, c in candidates(word, lower)}
    if 2 < len(word) <= 14:
        _add_sound_alikes(word, lower, scored)
        best = max((s for s in scored.values() if s < CURATED - TOP_ZIPF), default=0.0)
        key = sound_key.sound_key(word)
        for cand, s in scored.items():
            if best - SOUND_REACH <= s < CURATED - TOP_ZIPF and sound_key.sound_key(cand) == key:
                scored[cand] = s + SOUND_BONUS
    found = sorted(((s, c) for c, s in scored.items() if s > -math.inf), key=lambda x: (-x[0], x[1]))
    if len(_RANKED) > 10_000:
        _RANKED.clear()
    _RANKED[word, lower] = found
    return found


def _add_sound_alikes(word: str, lower: bool, scored: dict[str, float]) -> None:
    """Add to ``scored`` the indexed words that sound like ``word`` and, with SOUND_BONUS, come
    within SOUND_WINDOW of its best candidate (codespell's aside)."""
    data, channel = spelldata.load(), edit_model.channel()
    best = max((s for s in scored.values() if s < CURATED - TOP_ZIPF), default=-math.inf)
    for cand in sound_key.sounds().alikes(word):
        f = data.freq(cand)
        if cand in scored or cand == word or not (f >= COMMON or data.listed(cand)):
            continue
        s = score(channel, word, cand, f, lower)
        if s + SOUND_BONUS >= best - SOUND_WINDOW:
            scored[cand] = s


def in_context(ranked: list[tuple[float, str]], before: str | None, after: str | None) -> list[tuple[float, str]]:
    """``candidates``' (score, candidate) pairs re-ranked by the lower-case words written before
    and after the typo (None: no word there): a candidate close to the best gains or loses
    CONTEXT_WEIGHT x log10 P(pair) / P(its words) for each side (``there was``, not ``three was``).
    codespell's curated corrections keep their place."""
    if not ranked or (before is None and after is None):
        return ranked
    pairs = bigrams.load()
    least = ranked[0][0] - (TIE_MARGIN if ranked[0][0] < CURATED - TOP_ZIPF else CURATED_MARGIN)
    out = []
    for s, c in ranked:
        if s >= least:
            s += CONTEXT_WEIGHT * (
                (pairs.association(before, c) if before else 0.0) + (pairs.association(c, after) if after else 0.0)
            )
        out.append((s, c))
    return sorted(out, key=lambda x: (-x[0], x[1]))
