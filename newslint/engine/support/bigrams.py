"""How much more often two words stand side by side than chance would have it: the context
that breaks ties between spelling suggestions (``there was``, not ``three was``).

The counts are SymSpell's English word pairs, shipped inside ``symspellpy`` (MIT; its licence
text is in the package's metadata): Google Books Ngram counts of the 242,342 pairs, both words
on SymSpell's SCOWL-derived list, seen at least 100,000 times (the file stores each count x 64),
with the single words' counts from the same package's word list. Only the data files are read.
The first use writes a compact :mod:`packed` copy to the cache folder (log10 counts, x 1,000, as
2-byte integers beside the words' hash tables), which later runs map into memory: a run reads
only the pages its lookups touch, and only a run that has a suggestion to rank maps the file.
"""

from __future__ import annotations

import math
import struct
from array import array
from pathlib import Path

from newslint.engine.support import packed, spelldata

FORMAT = 1  # bump when the prepared layout changes
PAIRS = ("symspellpy", "frequency_bigramdictionary_en_243_342.txt")
SCALE = 64  # the pair file's counts are the real counts times this (every count divides by it)
FLOOR = 100_000  # the real count of the rarest pair the file holds: rarer pairs are left out
UNIT = 1000.0  # stored values are log10 counts times this


class Bigrams:
    """Word and word-pair counts, as log10 x ``UNIT``, with the log10 of all the words' count."""

    __slots__ = ("words", "pairs", "total")

    def __init__(self, words: spelldata.Table, pairs: spelldata.Table, total: float) -> None:
        self.words = words
        self.pairs = pairs
        self.total = total

    def log_count(self, word: str) -> float | None:
        """log10 of how often the lower-case ``word`` is written, None when the list lacks it."""
        found = self.words.get(word)
        return float(found) / UNIT if found is not None else None

    def association(self, a: str, b: str) -> float:
        """log10 P(a b) / (P(a) P(b)): above 0 when ``a b`` is written more often than chance
        would have it, below 0 when a pair that would be common by chance is missing from the
        list (its count is then at most ``FLOOR``); 0 when either word is unknown."""
        ca, cb = self.log_count(a), self.log_count(b)
        if ca is None or cb is None:
            return 0.0
        found = self.pairs.get(f"{a} {b}")
        chance = ca + cb - self.total  # log10 of the pair's count if the words were independent
        if found is None:
            return min(0.0, math.log10(FLOOR) - chance)
        return float(found) / UNIT - chance


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
        pairs = spelldata.Table.mapped(raw, "pairs", raw["pair_logs"].cast("H"))
        (total,) = struct.unpack("<d", raw["total"])
        _DATA = Bigrams(words, pairs, total)
    return _DATA


def prepare() -> dict[str, bytes]:
    """Sections of the two data files: empty tables when ``symspellpy`` is missing."""
    words = _counts(spelldata.package_file(*spelldata.LEXICON), 1, 1)
    pairs = _counts(spelldata.package_file(*PAIRS), 2, SCALE)
    total = sum(words.values()) or 1
    return {
        **_section("words", "word_logs", words),
        **_section("pairs", "pair_logs", pairs),
        "total": struct.pack("<d", math.log10(total)),
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


def _section(name: str, logs: str, counts: dict[str, int]) -> dict[str, bytes]:
    """A table of the keys of ``counts`` (sections ``name``...) and their log counts (``logs``)."""
    keys = list(counts)
    values = array("H", [round(math.log10(counts[k]) * UNIT) for k in keys])
    return {**spelldata.Table.pack_sections(name, keys), logs: values.tobytes()}
