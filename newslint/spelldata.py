"""Spelling data: word frequencies (wordfreq), curated misspellings and US/UK pairs (codespell).

Reading wordfreq's own files costs about 300 ms, so the first use writes a compact prepared
copy (a ``marshal`` file) to the user cache directory; later runs load that in a few
milliseconds. The copy is written to a temporary file and renamed into place, so parallel
processes never read a half-written cache. Set ``NEWSLINT_CACHE_DIR`` to move it.
"""

from __future__ import annotations

import importlib.util
import marshal
import os
import tempfile
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMAT = 2  # bump when the prepared layout changes
WORDLIST = "large"  # wordfreq's list of ~320,000 English words down to zipf 1.0


class Table(Sequence):
    """Sorted UTF-8 keys in one blob, searched by bisection: loads in microseconds, no dict to build."""

    def __init__(self, blob: bytes, offsets: bytes, values: list | array):
        self.blob = blob
        self.offsets = array("I")
        self.offsets.frombytes(offsets)
        self.values = values

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, i: int) -> bytes:  # type: ignore[override]
        return self.blob[self.offsets[i] : self.offsets[i + 1]]

    def get(self, key: str, default: Any = None) -> Any:
        k = key.encode("utf-8")
        i = bisect_left(self, k)
        return self.values[i] if i < len(self) and self[i] == k else default

    def items(self) -> Iterator[tuple[str, Any]]:
        for i in range(len(self)):
            yield self[i].decode("utf-8"), self.values[i]

    @staticmethod
    def pack(keys: list[str]) -> tuple[bytes, bytes]:
        """(blob, offsets) of keys already sorted by their UTF-8 bytes."""
        encoded = [k.encode("utf-8") for k in keys]
        offsets = array("I", [0])
        for k in encoded:
            offsets.append(offsets[-1] + len(k))
        return b"".join(encoded), offsets.tobytes()


@dataclass(frozen=True)
class SpellData:
    words: Table  # lower-case word -> zipf frequency x 100
    misspellings: Table  # curated misspelling -> "right,other" corrections, best first
    gb_to_us: dict[str, str]  # British spelling -> American spelling

    def zipf(self, word: str) -> float:
        return self.words.get(word, 0) / 100

    def corrections(self, word: str) -> list[str]:
        found = self.misspellings.get(word)
        return found.split(",") if found else []


_DATA: SpellData | None = None
_FREQ: dict[str, int] | None = None


def cache_dir() -> Path:
    env = os.environ.get("NEWSLINT_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("newslint"))


SOURCES = (("wordfreq", f"data/{WORDLIST}_en.msgpack.gz"), ("codespell_lib", "data/dictionary.txt"))


def cache_path() -> Path:
    """The cache file, named for the size and time of the source files it was prepared from."""
    stamp = []
    for package, name in SOURCES:
        spec = importlib.util.find_spec(package)
        try:
            st = (Path(spec.origin).parent / name).stat() if spec and spec.origin else None
        except OSError:
            st = None
        stamp.append(f"{st.st_size:x}.{st.st_mtime_ns:x}" if st else "none")
    return cache_dir() / f"spelling-{FORMAT}-{'-'.join(stamp)}.marshal"


def load() -> SpellData:
    """The spelling data, from the cache when it is there, else prepared and cached."""
    global _DATA
    if _DATA is None:
        path = cache_path()
        raw = _read(path)
        if raw is None:
            raw = prepare()
            _write(path, raw)
        freqs = array("H")
        freqs.frombytes(raw["freqs"])
        words = Table(raw["words"], raw["word_offsets"], freqs)
        miss = Table(raw["miss"], raw["miss_offsets"], raw["miss_fixes"].split("\n"))
        _DATA = SpellData(words, miss, raw["gb_to_us"])
    return _DATA


def frequent_words() -> dict[str, int]:
    """Every word with its zipf x 100 as a dict, for generating suggestions (built on first need)."""
    global _FREQ
    if _FREQ is None:
        _FREQ = dict(load().words.items())
    return _FREQ


def _read(path: Path) -> dict | None:
    try:
        with open(path, "rb") as fh:
            raw = marshal.load(fh)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return raw if isinstance(raw, dict) and raw.get("format") == FORMAT else None


def _write(path: Path, raw: dict) -> None:
    """Write atomically; a cache that cannot be written is simply not kept."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                marshal.dump(raw, fh)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass


def prepare() -> dict:
    """Build the prepared form from the installed wordfreq and codespell packages."""
    import wordfreq

    freq = {}
    for word, f in wordfreq.get_frequency_dict("en", WORDLIST).items():
        if f > 0 and "\n" not in word:
            freq[word] = round(wordfreq.freq_to_zipf(f) * 100)
    words = sorted(freq, key=lambda w: w.encode("utf-8"))
    blob, offsets = Table.pack(words)
    miss = _codespell_pairs("dictionary.txt")
    wrong = sorted(miss, key=lambda w: w.encode("utf-8"))
    miss_blob, miss_offsets = Table.pack(wrong)
    return {
        "format": FORMAT,
        "words": blob,
        "word_offsets": offsets,
        "freqs": array("H", [freq[w] for w in words]).tobytes(),
        "miss": miss_blob,
        "miss_offsets": miss_offsets,
        "miss_fixes": "\n".join(",".join(miss[w]) for w in wrong),
        "gb_to_us": {k: v[0] for k, v in _codespell_pairs("dictionary_en-GB_to_en-US.txt").items() if v},
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
