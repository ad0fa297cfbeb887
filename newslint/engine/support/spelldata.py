"""Spelling data: word frequencies (wordfreq), the curated lexicon (SymSpell's English list,
SCOWL words with Google Books counts, shipped in ``symspellpy``; MIT), curated misspellings and
US/UK pairs (codespell).

Reading wordfreq's own files costs about 300 ms, so the first use writes a compact prepared
copy (a :mod:`packed` file) to the user cache directory, which later runs map into memory:
words sit in one UTF-8 blob with an open-addressing hash table of their positions, so a run
reads only the pages its lookups touch, copies nothing and builds no dict (unmarshalling the
11 MB copy whole cost about 20 ms a run). The index that finds corrections two edits away
(symmetric deletes, see ``suggest_index``) lives in a second file, mapped only when a
suggestion is first needed. Files are written to a temporary name and renamed into place, so
parallel processes never read a half-written cache; writing one removes the copies that no run
has read for a month. ``--cache-dir`` or ``NEWSLINT_CACHE_DIR`` moves them.
"""

from __future__ import annotations

import contextlib
import importlib.util
import marshal
import os
import re
import time
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from newslint.cache import folder as cachedir
from newslint.cache.folder import mark_used, stale
from newslint.document.lazyre import lazy
from newslint.document.records import FrozenRecord
from newslint.engine.support import packed

FORMAT = 5  # bump when the prepared layout changes
WORDLIST = "large"  # wordfreq's list of ~320,000 English words down to zipf 1.0
INDEX_MIN = 251  # words of zipf x 100 at least this are reachable two edits away (see spell_words)
INDEX_BUCKETS = 1 << 19
MEMO_LIMIT = 200_000  # looked-up words remembered per process
LISTED = 0x8000  # the bit of a word's stored value that says the curated lexicon lists it
LEXICON = ("symspellpy", "frequency_dictionary_en_82_765.txt")


def _hash(key: bytes) -> int:
    return zlib.crc32(key)


class Table:
    """UTF-8 keys in one blob with a hash table of their positions: loads in microseconds, no dict to build."""

    def __init__(self, blob: bytes, offsets: bytes, slots: bytes, values: list[Any] | array[Any]):
        self.blob = blob
        self.offsets = array("I")
        self.offsets.frombytes(offsets)
        self.slots = array("I")
        self.slots.frombytes(slots)
        self.mask = len(self.slots) - 1
        self.values = values

    @classmethod
    def mapped(cls, sections: packed.Sections, name: str, values: Any) -> Table:
        """The table stored as sections ``name``, ``name_offsets`` and ``name_slots`` of a mapped
        file (see :func:`pack_sections`): its arrays are views of the file, nothing is copied."""
        table = cls.__new__(cls)
        table.blob = sections[name]  # type: ignore[assignment]  # compares with bytes alike
        table.offsets = sections[f"{name}_offsets"].cast("I")  # type: ignore[assignment]
        table.slots = sections[f"{name}_slots"].cast("I")  # type: ignore[assignment]
        table.mask = len(table.slots) - 1
        table.values = values
        return table

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def key(self, i: int) -> bytes:
        return bytes(self.blob[self.offsets[i] : self.offsets[i + 1]])

    def index(self, key: str) -> int:
        """The position of ``key``, or -1. (Most lookups are of strings no table holds: the
        slip and edit candidates of a word. The stored key's length is compared before its bytes.)"""
        k = key.encode("utf-8", "surrogatepass")
        slots, mask = self.slots, self.mask
        h = zlib.crc32(k) & mask  # _hash, inlined
        i = slots[h]
        if not i:
            return -1
        offsets, blob, n = self.offsets, self.blob, len(k)
        while i:
            at = offsets[i - 1]
            if offsets[i] - at == n and blob[at : at + n] == k:
                return i - 1
            h = (h + 1) & mask
            i = slots[h]
        return -1

    def get(self, key: str, default: Any = None) -> Any:
        i = self.index(key)
        return self.values[i] if i >= 0 else default

    def held(self, keys: Iterable[str]) -> dict[str, Any]:
        """The values of those of ``keys`` the table holds, in their order: ``index`` for many
        keys in one loop, without two calls a key (the slips and edits of a word, most of them
        no word, are looked up this way)."""
        slots, mask, offsets, blob, values = self.slots, self.mask, self.offsets, self.blob, self.values
        crc32 = zlib.crc32
        out = {}
        for key in keys:
            k = key.encode("utf-8", "surrogatepass")
            h = crc32(k) & mask
            i = slots[h]
            n = len(k)
            while i:
                at = offsets[i - 1]
                if offsets[i] - at == n and blob[at : at + n] == k:
                    out[key] = values[i - 1]
                    break
                h = (h + 1) & mask
                i = slots[h]
        return out

    def items(self) -> Iterator[tuple[str, Any]]:
        for i in range(len(self)):
            yield self.key(i).decode("utf-8"), self.values[i]

    @staticmethod
    def pack(keys: list[str]) -> tuple[bytes, bytes, bytes]:
        """(blob, offsets, slots) of distinct keys; slot values are key positions + 1, 0 for empty."""
        encoded = [k.encode("utf-8") for k in keys]
        offsets = array("I", [0])
        for k in encoded:
            offsets.append(offsets[-1] + len(k))
        size = 1 << max(4, (3 * len(encoded)).bit_length())  # load factor under 3/8
        slots = array("I", bytes(4 * size))
        for i, k in enumerate(encoded):
            h = _hash(k) & (size - 1)
            while slots[h]:
                h = (h + 1) & (size - 1)
            slots[h] = i + 1
        return b"".join(encoded), offsets.tobytes(), slots.tobytes()

    @staticmethod
    def pack_sections(name: str, keys: list[str]) -> dict[str, bytes]:
        """The sections :meth:`mapped` reads back as a table of ``keys`` (values kept apart)."""
        blob, offsets, slots = Table.pack(keys)
        return {name: blob, f"{name}_offsets": offsets, f"{name}_slots": slots}


class Strings:
    """Strings stored end to end in a mapped section, each decoded when asked for."""

    def __init__(self, blob: memoryview, offsets: memoryview):
        self.blob = blob
        self.offsets = offsets.cast("I")

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, i: int) -> str:
        return bytes(self.blob[self.offsets[i] : self.offsets[i + 1]]).decode("utf-8")

    @staticmethod
    def pack(name: str, items: list[str]) -> dict[str, bytes]:
        """Sections ``name`` and ``name_offsets`` holding ``items``."""
        encoded = [item.encode("utf-8") for item in items]
        offsets = array("I", [0])
        for item in encoded:
            offsets.append(offsets[-1] + len(item))
        return {name: b"".join(encoded), f"{name}_offsets": offsets.tobytes()}


class SpellData:
    """The spelling tables of a run (one per process), with a memo of the words looked up."""

    __slots__ = ("words", "misspellings", "gb_to_us", "memo", "_us_to_gb")

    def __init__(self, words: Table, misspellings: Table, gb_to_us: dict[str, str]) -> None:
        self.words = words  # lower-case word -> zipf frequency x 100, | LISTED when the lexicon has it
        self.misspellings = misspellings  # curated misspelling -> "right,other" corrections, best first
        self.gb_to_us = gb_to_us  # British spelling -> American spelling
        self.memo: dict[str, int] = {}
        self._us_to_gb: dict[str, str] | None = None

    def freq(self, word: str) -> int:
        """Zipf frequency x 100 of ``word``, 0 when unknown (remembered per process)."""
        return self.value(word) & ~LISTED

    def listed(self, word: str) -> bool:
        """True when the curated lexicon (SCOWL-derived full forms) has the lower-case ``word``."""
        return bool(self.value(word) & LISTED)

    def value(self, word: str) -> int:
        """The stored value of ``word``: its ``freq`` with the ``LISTED`` bit (one lookup for
        both; remembered per process)."""
        found = self.memo.get(word)
        if found is None:
            if len(self.memo) >= MEMO_LIMIT:
                self.memo.clear()
            found = self.memo[word] = self.words.get(word, 0)
        return found

    def zipf(self, word: str) -> float:
        return self.freq(word) / 100

    def values_of(self, words: Iterable[str]) -> dict[str, int]:
        """The stored values (see ``value``) of those of ``words`` the tables hold, non-zero
        ones only, in their order: for the many strings a word's slips and edits make, most of
        them no word (not remembered: ``value`` would keep them all)."""
        return {w: v for w, v in self.words.held(words).items() if v}

    def corrections(self, word: str) -> list[str]:
        found = self.misspellings.get(word)
        return found.split(",") if found else []

    @property
    def us_to_gb(self) -> dict[str, str]:
        if self._us_to_gb is None:
            self._us_to_gb = {us: gb for gb, us in self.gb_to_us.items()}
        return self._us_to_gb


class SuggestIndex(FrozenRecord):
    """Frequent words by hashed deletions of up to two letters (the SymSpell idea).

    A word two edits from another shares with it a string left by deleting at most two letters
    from each, so looking up the deletions of a misspelling finds every frequent word two edits
    away. Buckets hold word numbers, not the deletions themselves: a collision only adds a
    candidate that the caller's distance check drops.
    """

    __slots__ = ("words", "buckets", "postings")
    words: Table  # frequent words -> zipf x 100
    buckets: array[Any]  # bucket -> first posting; one more entry than buckets
    postings: array[Any]  # word numbers

    def __init__(self, words: Table, buckets: array[Any], postings: array[Any]) -> None:
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "buckets", buckets)
        object.__setattr__(self, "postings", postings)

    def near(self, word: str, edits: int = 2) -> set[int]:
        """Numbers of the indexed words that may be within ``edits`` (two or one) edits of ``word``."""
        found: set[int] = set()
        mask = len(self.buckets) - 2
        for d in deletions(word, edits):
            b = _hash(d.encode("utf-8", "surrogatepass")) & mask
            found.update(self.postings[self.buckets[b] : self.buckets[b + 1]])
        return found


def deletions(word: str, depth: int = 2) -> set[str]:
    """``word`` and every string made by deleting up to ``depth`` of its letters."""
    found = {word}
    layer = {word}
    for _ in range(depth):
        layer = {w[:i] + w[i + 1 :] for w in layer for i in range(len(w))}
        found |= layer
    return found


_DATA: SpellData | None = None
_INDEX: SuggestIndex | None = None


def cache_dir() -> Path:
    """Where prepared data is kept: the run's cache folder (``--cache-dir``, ``NEWSLINT_CACHE_DIR``)."""
    return cachedir.folder()


SOURCES = (("wordfreq", f"data/{WORDLIST}_en.msgpack.gz"), ("codespell_lib", "data/dictionary.txt"), LEXICON)


def cache_path(kind: str = "spelling") -> Path:
    """A cache file, named for the size and time of the source files it was prepared from."""
    stamp = "-".join(file_stamp(package_file(package, name)) for package, name in SOURCES)
    return cache_dir() / f"{kind}-{FORMAT}-{stamp}.packed"


@cache
def package_file(package: str, name: str) -> Path | None:
    """The path of a data file inside an installed package, or None when it is not there
    (looked up once a process: several rules ask for the same files)."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent / name
    return path if path.is_file() else None


def file_stamp(path: Path | None) -> str:
    """Size and modification time of a file (``none`` without it): a prepared copy of the
    file's data is named with it, so that a changed file makes a new copy."""
    try:
        st = path.stat() if path else None
    except OSError:
        st = None
    return f"{st.st_size:x}.{st.st_mtime_ns:x}" if st else "none"


def load() -> SpellData:
    """The spelling data, from the cache when it is there, else prepared and cached."""
    global _DATA
    if _DATA is None:
        raw = packed.mapped(cache_path(), prepare, FORMAT)
        words = Table.mapped(raw, "words", raw["freqs"].cast("H"))
        miss = Table.mapped(raw, "miss", Strings(raw["miss_fixes"], raw["miss_fixes_offsets"]))
        _DATA = SpellData(words, miss, marshal.loads(raw["gb_to_us"]))
    return _DATA


def suggest_index() -> SuggestIndex:
    """The index of frequent words for corrections two edits away, loaded on first need."""
    global _INDEX
    if _INDEX is None:
        raw = packed.mapped(cache_path("spelling-index"), prepare_index, FORMAT)
        words = Table.mapped(raw, "words", raw["freqs"].cast("H"))
        postings = raw["postings"].cast("H" if bytes(raw["posting_type"]) == b"H" else "I")
        _INDEX = SuggestIndex(words, raw["buckets"].cast("I"), postings)  # type: ignore[arg-type]
    return _INDEX


def cached(path: Path, build: Callable[[], dict[Any, Any]], version: int = FORMAT) -> dict[Any, Any]:
    """Prepared data from the ``marshal`` file at ``path`` when it holds this ``version``, else
    built, written there atomically and returned. Its ``format`` key is the version."""
    raw = _read(path, version)
    if raw is None:
        raw = {**build(), "format": version}
        _write(path, raw)
    return raw


def _read(path: Path, version: int = FORMAT) -> dict[Any, Any] | None:
    try:
        with open(path, "rb") as fh:
            raw = marshal.load(fh)
            mtime = os.fstat(fh.fileno()).st_mtime
    except (OSError, EOFError, ValueError, TypeError):
        return None
    mark_used(path, mtime)
    return raw if isinstance(raw, dict) and raw.get("format") == version else None


def _write(path: Path, raw: dict[Any, Any]) -> None:
    """Write atomically; a cache that cannot be written is simply not kept."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # here: only a run that writes needs it (with shutil, random, bz2, lzma)

        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                marshal.dump(raw, fh)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return
    _prune(path)


_KIND = lazy(r"(.+?)-\d+-")  # spelling-index-3-...marshal -> spelling-index


def _prune(path: Path) -> None:
    """Remove the files of ``path``'s kind that an older version or other installed data files
    prepared, once no run has read them for ``UNUSED_DAYS``, and temporary files a crash left:
    each upgrade or new environment would otherwise leave megabytes behind."""
    kind = _KIND.match(path.name)
    if kind is None:
        return
    same = re.compile(re.escape(kind[1]) + r"-\d+-.*\.marshal(\w*\.tmp)?")
    now = time.time()
    for other in path.parent.iterdir():
        found = same.fullmatch(other.name)
        if other == path or found is None:
            continue
        with contextlib.suppress(OSError):
            if stale(other.stat().st_mtime, now, bool(found[1])):
                other.unlink()


def prepare() -> dict[str, bytes]:
    """Build the prepared sections from the installed wordfreq and codespell packages."""
    freq = _frequencies()
    for word in _lexicon():
        freq[word] = freq.get(word, 0) | LISTED
    words = list(freq)
    miss = _codespell_pairs("dictionary.txt")
    wrong = list(miss)
    gb_to_us = {k: v[0] for k, v in _codespell_pairs("dictionary_en-GB_to_en-US.txt").items() if v}
    return {
        **Table.pack_sections("words", words),
        "freqs": array("H", [freq[w] for w in words]).tobytes(),
        **Table.pack_sections("miss", wrong),
        **Strings.pack("miss_fixes", [",".join(miss[w]) for w in wrong]),
        "gb_to_us": marshal.dumps(gb_to_us),
    }


def _frequencies() -> dict[str, int]:
    import wordfreq

    freq = {}
    for word, f in wordfreq.get_frequency_dict("en", WORDLIST).items():
        if f > 0 and "\n" not in word:
            freq[word] = round(wordfreq.freq_to_zipf(f) * 100)
    return freq


def _lexicon() -> Iterator[str]:
    """The lower-case words of the curated lexicon (empty when ``symspellpy`` is missing)."""
    path = package_file(*LEXICON)
    if path is None:
        return
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word = line.partition(" ")[0]
            if word.isalpha() and word.islower():
                yield word


def prepare_index() -> dict[str, bytes]:
    """The suggestion index: plain a-z words of zipf x 100 at least INDEX_MIN, by hashed deletions."""
    data = load()
    words = [
        w for w, f in data.words.items() if f & ~LISTED >= INDEX_MIN and w.isascii() and w.isalpha() and w.islower()
    ]
    mask = INDEX_BUCKETS - 1
    pairs = sorted({(_hash(d.encode()) & mask) << 32 | n for n, w in enumerate(words) for d in deletions(w)})
    postings = array("H" if len(words) < 1 << 16 else "I", [p & 0xFFFFFFFF for p in pairs])
    counts = array("I", bytes(4 * INDEX_BUCKETS))
    for p in pairs:
        counts[p >> 32] += 1
    buckets, total = array("I", [0]), 0
    for c in counts:
        total += c
        buckets.append(total)
    return {
        **Table.pack_sections("words", words),
        "freqs": array("H", [data.freq(w) for w in words]).tobytes(),
        "buckets": buckets.tobytes(),
        "postings": postings.tobytes(),
        "posting_type": postings.typecode.encode("ascii"),
    }


def _codespell_pairs(name: str) -> dict[str, list[str]]:
    """``wrong->right, other,`` lines of a dictionary shipped inside codespell.

    Only the data file is read (CC BY-SA 3.0); codespell's own (GPL) code is not imported.
    """
    spec = importlib.util.find_spec("codespell_lib")
    if spec is None or not spec.origin:
        raise ModuleNotFoundError("codespell is not installed")
    out: dict[str, list[str]] = {}
    path = Path(spec.origin).parent / "data" / name
    for line in path.read_text(encoding="utf-8").splitlines():
        wrong, sep, right = line.partition("->")
        if not sep:
            continue
        parts = right.split(",")
        if len(parts) > 1 and parts[-1].strip():  # a last item after a comma is a reason
            parts = parts[:-1]
        out[wrong.strip()] = [p.strip() for p in parts if p.strip()]
    return out
