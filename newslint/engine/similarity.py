"""Comparing blocks of text: normal forms, word keys and near-duplicate candidates.

Exact repeats are found by a dictionary of normalised texts. Near repeats are found in two
steps, both linear in the document: each unit keeps a bottom-k sketch of its word-trigram
hashes (the k smallest), units sharing sketch entries become candidates, and only candidates
are compared exactly with a token-level ratio (difflib's matching-blocks ratio).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from difflib import SequenceMatcher
from itertools import count

from newslint.document.model import Block, Document
from newslint.document.records import Record

# Dashes, double and single quotation marks, each to one plain form.
QUOTE_MAP = str.maketrans("‐‑‒–—―“”„«»‘’‚′", "------" + '"' * 5 + "'" * 4)
TRAILING_MARKS = " .,;:!?…-–—'\""  # stripped from the end once white space is single spaces
LETTER = re.compile(r"[^\W\d_]")
WORD_KINDS = frozenset({"word", "number", "abbr", "url", "email"})


def normal_text(text: str) -> str:
    """Text with one quote style, single spaces, lower case and no trailing punctuation."""
    text = unicodedata.normalize("NFKC", text).translate(QUOTE_MAP)
    return " ".join(text.split()).lower().rstrip(TRAILING_MARKS)


def has_letter(text: str) -> bool:
    return LETTER.search(text) is not None


def block_words(doc: Document, block: Block) -> tuple[str, ...]:
    """The block's words, numbers and links, lower-cased with straight apostrophes (equal words
    one string, interned, as a long article repeats its words)."""
    tokens = doc.tokens_of(block)
    text = doc.text
    share = sys.intern
    low = text[block.start : block.end].lower()
    if len(low) != block.end - block.start:  # a letter whose lower case is longer (İ)
        return tuple(share(t.text.lower().replace("’", "'")) for t in tokens if t.kind in WORD_KINDS)
    at = block.start
    low = low.replace("’", "'")
    found = []
    for t in tokens:
        if t.kind in WORD_KINDS:
            begin = t.start - at
            found.append(share(low[begin : begin + len(t.text)]))  # t.end, inlined
    return tuple(found)


class BlockKeys:
    """What the duplicate checks compare of each block of a document, held compactly (a big
    file has a hundred thousand blocks): the hash of the block's normal form, whether it has a
    letter, and its words (:func:`block_words`) as numbers into one vocabulary, every block's
    numbers in one array. Block ``i`` is the document's ``blocks[i]``."""

    __slots__ = ("texts", "letters", "bounds", "ids", "vocabulary", "_words")

    def __init__(self) -> None:
        self.texts = array("q")  # hash of normal_text of each block
        self.letters = bytearray()  # 1 when the normal form has a letter
        self.bounds = array("q", [0])  # block i's word numbers are ids[bounds[i]:bounds[i + 1]]
        self.ids = array("i")
        # word -> its number, in order of first use (a new word is given the next number)
        self.vocabulary: defaultdict[str, int] = defaultdict(count().__next__)
        self._words: list[str] = []  # number -> word, made when first read

    def __len__(self) -> int:
        return len(self.texts)

    def add(self, text: str, words: Iterable[str]) -> None:
        """The next block's key: its text and its words."""
        normal = normal_text(text)
        self.texts.append(hash(normal))
        self.letters.append(has_letter(normal))
        self._extend(words)

    def _extend(self, words: Iterable[str]) -> None:
        self.ids.extend(map(self.vocabulary.__getitem__, words))  # numbered in C
        self.bounds.append(len(self.ids))

    def extend(self, other: BlockKeys) -> None:
        """Append the keys of the blocks after these (another window's), in one vocabulary:
        ``other``'s words numbered here in the order it numbered them (the order of first use)."""
        self.texts.extend(other.texts)
        self.letters.extend(other.letters)
        ours = array("i", map(self.vocabulary.__getitem__, other.vocabulary))  # its number -> ours
        offset = len(self.ids)
        self.ids.extend(map(ours.__getitem__, other.ids))
        self.bounds.extend(map(offset.__add__, other.bounds[1:]))

    @property
    def words(self) -> list[str]:
        """Number -> word (the vocabulary's keys, in order)."""
        if len(self._words) < len(self.vocabulary):
            self._words = list(self.vocabulary)
        return self._words

    def count(self, i: int) -> int:
        """The number of words of block ``i``."""
        return self.bounds[i + 1] - self.bounds[i]

    def ids_of(self, i: int) -> array[int]:
        """Block ``i``'s word numbers (equal words, equal numbers)."""
        return self.ids[self.bounds[i] : self.bounds[i + 1]]

    def words_of(self, i: int) -> list[str]:
        """Block ``i``'s words."""
        known = self.words
        return [known[n] for n in self.ids_of(i)]

    def same_text(self, i: int, text: str) -> bool:
        """Whether block ``i``'s normal form is ``text`` (by hash: 64 bits)."""
        return self.texts[i] == hash(text)


def block_keys(doc: Document) -> BlockKeys:
    """The keys of every block, computed once per document and shared by the rules."""
    keys = doc.cache.get("similarity.block_keys")
    if keys is None:
        keys = BlockKeys()
        for b in doc.blocks:
            keys.add(b.text, block_words(doc, b))
        doc.cache["similarity.block_keys"] = keys
    return keys


class Likeness(Record):
    __slots__ = ("ratio", "changed")
    ratio: float  # 2 * matched tokens / all tokens
    changed: int  # words replaced by a different word (not a respelling of it)

    def __init__(self, ratio: float, changed: int) -> None:
        self.ratio = ratio
        self.changed = changed


def compare(a: Sequence[str], b: Sequence[str], threshold: float) -> Likeness | None:
    """How alike two token sequences are, or None when their ratio is below ``threshold``."""
    if not length_ratio_ok(len(a), len(b), threshold):
        return None
    m = SequenceMatcher(None, a, b, autojunk=False)
    if m.real_quick_ratio() < threshold or m.quick_ratio() < threshold:
        return None
    r = m.ratio()
    if r < threshold:
        return None
    changed = 0
    for op, i1, i2, j1, j2 in m.get_opcodes():
        if op == "replace":
            changed += sum(not respelled(x, y) for x, y in zip(a[i1:i2], b[j1:j2], strict=False))
            changed += abs((i2 - i1) - (j2 - j1))
    return Likeness(r, changed)


def respelled(x: str, y: str) -> bool:
    """True when ``y`` is ``x`` with a typo made or fixed (a few characters apart)."""
    return len(x) > 3 and len(y) > 3 and SequenceMatcher(None, x, y, autojunk=False).ratio() >= 0.75


def length_ratio_ok(a: int, b: int, threshold: float) -> bool:
    """Whether sequences of lengths a and b can reach ``threshold`` at all."""
    return a + b > 0 and 2 * min(a, b) / (a + b) >= threshold


def sketch(ids: Sequence[int], k: int) -> list[int]:
    """The k smallest hashes of the trigrams of word ids (of the ids themselves when fewer).

    Word ids come from :class:`NearIndex` in document order, and tuples of ints hash the same
    in every run, so the sketch is deterministic.
    """
    hashes = set(map(hash, zip(ids, ids[1:], ids[2:], strict=False))) or {hash((i,)) for i in ids}
    return sorted(hashes)[:k]


class NearIndex(Record):
    """Earlier units by sketch entry. A bucket holds at most ``bucket_cap`` units; a full one
    is a phrase common to many units and says nothing, so it is not counted."""

    __slots__ = ("k", "bucket_cap", "buckets", "vocabulary")
    k: int
    bucket_cap: int
    buckets: dict[int, list[int]]
    vocabulary: dict[Hashable, int]

    def __init__(
        self,
        k: int = 12,
        bucket_cap: int = 8,
        buckets: dict[int, list[int]] | None = None,
        vocabulary: dict[Hashable, int] | None = None,
    ) -> None:
        self.k = k
        self.bucket_cap = bucket_cap
        self.buckets = defaultdict(list) if buckets is None else buckets
        self.vocabulary = {} if vocabulary is None else vocabulary

    def candidates(self, words: Sequence[Hashable], limit: int = 4) -> tuple[list[int], list[int]]:
        """(earlier unit ids sharing the most sketch entries, at least two; this unit's sketch).
        ``words`` are strings or numbers standing for them (equal words, equal numbers)."""
        vocab = self.vocabulary
        # ids in document order: the same in every run, whatever the hash seed
        sk = sketch([vocab.setdefault(w, len(vocab)) for w in words], self.k)
        counts: dict[int, int] = defaultdict(int)
        for h in sk:
            bucket = self.buckets.get(h, ())
            if len(bucket) < self.bucket_cap:
                for unit in bucket:
                    counts[unit] += 1
        least = min(2, len(sk))
        best = sorted((u for u in counts if counts[u] >= least), key=lambda u: (-counts[u], u))[:limit]
        return best, sk

    def add(self, unit: int, sk: list[int]) -> None:
        for h in sk:
            bucket = self.buckets[h]
            if len(bucket) < self.bucket_cap:
                bucket.append(unit)
