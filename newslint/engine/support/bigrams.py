"""How much more often two words stand side by side than chance would have it: the context
that breaks ties between spelling suggestions (``there was``, not ``three was``).

The counts are SymSpell's English word pairs, shipped inside ``symspellpy`` (MIT; its licence
text is in the package's metadata): Google Books Ngram counts of the 242,342 pairs, both words
on SymSpell's SCOWL-derived list, seen at least 100,000 times (the file stores each count x 64),
with the single words' counts from the same package's word list. Only the data files are read.
The first use writes a compact :mod:`packed` copy (4 MB) to the cache folder, which later runs
map into memory: the words in a hash table with their log10 counts (x 1,000, 2 bytes each), and
the pairs as one row per first word of the second words' numbers, sorted, with the pairs' log10
counts beside them (6 bytes a pair). A run reads only the pages its lookups touch, and only a run
that has a suggestion to rank maps the file.
"""

from __future__ import annotations

import math
import struct
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newslint.engine.support import packed, spelldata

FORMAT = 2  # bump when the prepared layout changes
PAIRS = ("symspellpy", "frequency_bigramdictionary_en_243_342.txt")
SCALE = 64  # the pair file's counts are the real counts times this (every count divides by it)
FLOOR = 100_000  # the real count of the rarest pair the file holds: rarer pairs are left out
UNIT = 1000.0  # stored values are log10 counts times this


class Bigrams:
    """Word and word-pair counts, as log10 x ``UNIT``, with the log10 of all the words' count."""

    __slots__ = ("words", "rows", "seconds", "logs", "total")

    def __init__(self, words: spelldata.Table, rows: Any, seconds: Any, logs: Any, total: float) -> None:
        self.words = words  # word -> log10 count x UNIT; a word's number is its place in the table
        self.rows = rows  # first word's number -> where its pairs start in ``seconds``
        self.seconds = seconds  # second words' numbers, sorted within each row
        self.logs = logs  # the pairs' log10 counts x UNIT, beside ``seconds``
        self.total = total

    def log_count(self, word: str) -> float | None:
        """log10 of how often the lower-case ``word`` is written, None when the list lacks it."""
        i = self.words.index(word)
        return float(self.words.values[i]) / UNIT if i >= 0 else None

    def pair_log_count(self, a: str, b: str) -> float | None:
        """log10 of how often ``a b`` is written, None when the list lacks the pair."""
        i, j = self.words.index(a), self.words.index(b)
        if i < 0 or j < 0:
            return None
        lo, hi = self.rows[i], self.rows[i + 1]
        k = bisect_left(self.seconds, j, lo, hi)
        return float(self.logs[k]) / UNIT if k < hi and self.seconds[k] == j else None

    def association(self, a: str, b: str) -> float:
        """log10 P(a b) / (P(a) P(b)): above 0 when ``a b`` is written more often than chance
        would have it, below 0 when a pair that would be common by chance is missing from the
        list (its count is then under ``FLOOR``); 0 when either word is unknown."""
        ca, cb = self.log_count(a), self.log_count(b)
        if ca is None or cb is None:
            return 0.0
        found = self.pair_log_count(a, b)
        chance = ca + cb - self.total  # log10 of the pair's count if the words were independent
        if found is None:
            return min(0.0, math.log10(FLOOR) - chance)
        return found - chance


_DATA: Bigrams | None = None


def cache_path() -> Path:
    """The prepared copy, named for the size and time of the two source files."""
    stamp = "-".join(spelldata.file_stamp(spelldata.package_file(*f)) for f in (spelldata.LEXICON, PAIRS))
    return spelldata.cache_dir() / f"spelling-bigrams-{FORMAT}-{stamp}.packed"


def load() -> Bigrams:
    """The counts, from the cache when they are there, else prepared and cached."""
    global _DATA
    if _DATA is None:
        raw = packed.mapped(cache_path(), prepare, FORMAT)
        words = spelldata.Table.mapped(raw, "words", raw["word_logs"].cast("H"))
        (total,) = struct.unpack("<d", raw["total"])
        rows, seconds, logs = raw["rows"].cast("I"), raw["seconds"].cast("I"), raw["pair_logs"].cast("H")
        _DATA = Bigrams(words, rows, seconds, logs, total)
    return _DATA


def prepare() -> dict[str, bytes]:
    """Sections of the two data files: empty tables when ``symspellpy`` is missing."""
    counts = _counts(spelldata.package_file(*spelldata.LEXICON), 1, 1)
    words = list(counts)
    number = {w: i for i, w in enumerate(words)}
    pairs = sorted(
        (number[a], number[b], n)
        for (a, _, b), n in (
            (k.partition(" "), n) for k, n in _counts(spelldata.package_file(*PAIRS), 2, SCALE).items()
        )
        if a in number and b in number
    )
    rows = array("I", bytes(4 * (len(words) + 1)))
    for i, _, _ in pairs:
        rows[i + 1] += 1
    for i in range(len(words)):
        rows[i + 1] += rows[i]
    return {
        **spelldata.Table.pack_sections("words", words),
        "word_logs": _logs(counts[w] for w in words),
        "rows": rows.tobytes(),
        "seconds": array("I", [j for _, j, _ in pairs]).tobytes(),
        "pair_logs": _logs(n for _, _, n in pairs),
        "total": struct.pack("<d", math.log10(sum(counts.values()) or 1)),
    }


def _counts(path: Path | None, field: int, scale: int) -> dict[str, int]:
    """Lower-case keys (the fields before ``field``, space-separated) and their counts."""
    out: dict[str, int] = {}
    if path is None:
        return out
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == field + 1 and parts[field].isdigit():
                key = " ".join(parts[:field])
                if key.islower():
                    out[key] = max(1, int(parts[field]) // scale)
    return out


def _logs(counts: Iterable[int]) -> bytes:
    """log10 counts x UNIT as 2-byte integers."""
    return array("H", [round(math.log10(n) * UNIT) for n in counts]).tobytes()
