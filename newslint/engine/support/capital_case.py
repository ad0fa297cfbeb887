"""How often English writes a word capitalized: a case-aware prior for the ``capital_*`` kinds.

wordfreq folds case, so it cannot tell ``england`` (a name) from ``group`` (a word). spaCy's
lookup tables (``spacy-lookups-data``, MIT) keep the log probability of each cased form in a
large English web corpus; ``ratio("england")`` is log P(``England``) - log P(``england``),
about +2.7, while ``ratio("group")`` is about -3.4 (sentence starts give every word some
capitalized uses). The first use reads the 7 MB table (about 2 s) and keeps the ratio of every
word with a title-case form in a compact file in the user cache directory; later runs map
that file into memory (:mod:`packed`) and read only the pages their lookups touch. Without the package every
ratio is None and the rules fall back to the article's own evidence.
"""

from __future__ import annotations

from array import array
from pathlib import Path
from typing import Any

from newslint.engine.support import packed
from newslint.engine.support.spelldata import Table, cache_dir, file_stamp, package_file

FORMAT = 3  # bump when the prepared layout changes
SOURCE = ("spacy_lookups_data", "data/en_lexeme_prob.json.gz")
MISSING = 99  # stored ratio x 10 for words never seen in lower case; ratios are clamped to +-99

_TABLE: Table | dict[Any, Any] | None = None
_MEMO: dict[str, float | None] = {}


def ratio(word: str) -> float | None:
    """log P(Word) - log P(word) for a lower-case ``word`` (clamped to +-9.9); None when the data
    has no title-case form of it (or is not installed). Remembered per process."""
    if word in _MEMO:
        return _MEMO[word]
    if len(_MEMO) > 100_000:
        _MEMO.clear()
    found = load().get(word)
    _MEMO[word] = None if found is None else found / 10
    return _MEMO[word]


def load() -> Table | dict[Any, Any]:
    """lower-case word -> ratio x 10 (capped), from the cache when it is there."""
    global _TABLE
    if _TABLE is None:
        source = _source()
        if source is None:
            _TABLE = {}
            return _TABLE
        sections = packed.mapped(_cache_path(source), lambda: _pack(prepare(source)), FORMAT)
        _TABLE = MappedTable(sections)
    return _TABLE


class MappedTable(Table):
    """A :class:`Table` whose arrays are views of a mapped file: nothing copied at load."""

    def __init__(self, sections: packed.Sections):
        self.blob = sections["blob"]  # type: ignore[assignment]  # compares with bytes alike
        self.offsets = sections["offsets"].cast("I")  # type: ignore[assignment]
        self.slots = sections["slots"].cast("I")  # type: ignore[assignment]
        self.mask = len(self.slots) - 1
        self.values = sections["values"].cast("b")  # type: ignore[assignment]

    def key(self, i: int) -> bytes:
        return bytes(self.blob[self.offsets[i] : self.offsets[i + 1]])


def _pack(table: dict[str, int]) -> dict[str, bytes]:
    blob, offsets, slots = Table.pack(list(table))
    return {"blob": blob, "offsets": offsets, "slots": slots, "values": array("b", table.values()).tobytes()}


def prepare(source: Path) -> dict[str, int]:
    """Read the cased log probabilities and keep the mostly capitalized words."""
    import gzip
    import json

    with gzip.open(source, "rt", encoding="utf-8") as fh:
        probs: dict[str, float] = json.load(fh)
    table = {}
    for word, logp in probs.items():
        if len(word) < 3 or not word[0].isupper() or not word[1:].islower() or not word.isalpha():
            continue
        lower = word.lower()
        other = probs.get(lower)
        table[lower] = MISSING if other is None else max(-MISSING, min(MISSING, round(10 * (logp - other))))
    return table


def _source() -> Path | None:
    return package_file(*SOURCE)


def _cache_path(source: Path) -> Path:
    return cache_dir() / f"case-{FORMAT}-{file_stamp(source)}.packed"
