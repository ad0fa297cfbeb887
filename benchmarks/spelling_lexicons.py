"""Word lists side by side as the answer to "is this a word?", before any rule logic.

For each lexicon: the share of the held-out misspellings (pairs of ../shared/corpora/spelling/
whose correction falls in the chosen half, non-words only: wordfreq zipf below 3) that it
rejects, the lower-case words of the clean articles of the same half it rejects (per 1,000
words: the raw false-alarm pressure that morphology, names and context must then remove), the
time to read it from its source and the memory its word set takes.

    .venv/bin/python benchmarks/spelling_lexicons.py [--half test] [--hunspell DIR]

Hunspell is measured from Debian's dictionaries (apt-get install hunspell-en-us hunspell-en-gb
hunspell-tools), expanded to full forms with ``unmunch``; it is skipped when they are missing.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from halves import half
from spelling_common import CORPORA

from newslint.engine.support import spelldata

SETS = ("norvig_spell_testset1.tsv", "aspell_testset.tsv", "holbrook.tsv")
WORD = re.compile(r"(?<![\w@#/.'’-])[a-z]+(?![\w@/'’-])")


def pairs(which: str) -> list[tuple[str, str]]:
    out = []
    for name in SETS:
        with open(CORPORA / "spelling" / name, encoding="utf-8") as fh:
            rows = list(csv.reader(fh, delimiter="\t"))[1:]
        out += [
            (r[0].lower(), r[1])
            for r in rows
            if len(r) >= 2 and r[0].isalpha() and r[1].isalpha() and r[1].islower() and half(r[1]) == which
        ]
    return out


def clean_words(which: str) -> list[str]:
    words: list[str] = []
    for path in sorted((CORPORA / "clean").glob("*/*.txt")):
        if half(path.name) == which:
            words += WORD.findall(path.read_text(encoding="utf-8"))
    return words


def measured(build: Callable[[], set[str]]) -> tuple[set[str], float, float]:
    """The word set, seconds to build it and its size in MB."""
    tracemalloc.start()
    t0 = time.perf_counter()
    found = build()
    dt = time.perf_counter() - t0
    size = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    return found, dt, size


def wordfreq_words(min_zipf: float) -> Callable[[], set[str]]:
    def build() -> set[str]:
        import wordfreq

        return {
            w for w, f in wordfreq.get_frequency_dict("en", "large").items() if wordfreq.freq_to_zipf(f) >= min_zipf
        }

    return build


def symspell_words() -> set[str]:
    path = spelldata.package_file(*spelldata.LEXICON)
    assert path is not None, "symspellpy is not installed"
    return {line.partition(" ")[0] for line in path.read_text(encoding="utf-8").splitlines()}


def hunspell_words(folder: Path) -> Callable[[], set[str]]:
    def build() -> set[str]:
        found: set[str] = set()
        for name in ("en_US", "en_GB"):
            dic, aff = folder / f"{name}.dic", folder / f"{name}.aff"
            out = subprocess.run(["unmunch", str(dic), str(aff)], capture_output=True, check=True).stdout
            found |= {w.lower() for w in out.decode("utf-8", "replace").split()}
        return found

    return build


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", choices=("tune", "test"), default="test")
    ap.add_argument("--hunspell", type=Path, default=Path("/usr/share/hunspell"))
    args = ap.parse_args()
    data = spelldata.load()
    bad = [(w, g) for w, g in pairs(args.half) if data.zipf(w) < 3.0]
    words = clean_words(args.half)
    lexicons: dict[str, Callable[[], set[str]]] = {
        "wordfreq zipf>=1 (main)": wordfreq_words(1.0),
        "wordfreq zipf>=3": wordfreq_words(3.0),
        "symspell SCOWL 82k": symspell_words,
    }
    if shutil.which("unmunch") and (args.hunspell / "en_US.dic").is_file():
        lexicons["hunspell en_US+en_GB"] = hunspell_words(args.hunspell)
    common = wordfreq_words(3.0)()
    lexicons["symspell or wordfreq>=3"] = lambda: symspell_words() | common
    print(f"half {args.half}: {len(bad)} non-word misspellings, {len(words):,} lower-case clean words")
    print(f"{'lexicon':28} {'words':>8} {'rejects typos':>14} {'rejects clean /1k':>18} {'load s':>7} {'MB':>6}")
    for name, build in lexicons.items():
        found, dt, size = measured(build)
        caught = sum(w not in found for w, _ in bad) / max(len(bad), 1)
        alarms = sum(w not in found for w in words) * 1000 / max(len(words), 1)
        print(f"{name:28} {len(found):>8,} {caught:>14.1%} {alarms:>18.2f} {dt:>7.2f} {size:>6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
