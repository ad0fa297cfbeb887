"""Typos found and first suggestions right, with each misspelling put into a real sentence.

For every misspelling -> correction pair of ../shared/corpora/spelling/, a sentence of the
clean corpus that holds the correct word in mid-sentence gets the misspelling in its place
(a fixed sentence when no article has the word). Pairs are split into halves by their
correction (``--half``, held-out "test" by default). Only non-word errors count: pairs whose
misspelling is not itself a word (wordfreq zipf below --word-zipf).

    .venv/bin/python benchmarks/spelling_accuracy.py [--show N]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time

from halves import half
from spelling_common import CORPORA, lint, spelling_linter

from newslint.engine.support import spelldata

SETS = ("norvig_spell_testset1.tsv", "aspell_testset.tsv", "holbrook.tsv")
SENTENCE = re.compile(r"[A-Z][^.!?\n]{20,200}[.!?]")


def sentences_by_word() -> dict[str, str]:
    """For each lower-case word, one clean sentence that has it in mid-sentence."""
    out: dict[str, str] = {}
    for path in sorted((CORPORA / "clean").glob("*/*.txt")):
        for s in SENTENCE.findall(path.read_text(encoding="utf-8")):
            for w in set(re.findall(r"(?<=[ ,])[a-z]+(?=[ ,.])", s)):
                out.setdefault(w, s)
    return out


def pairs(name: str) -> list[tuple[str, str]]:
    with open(CORPORA / "spelling" / name, encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))[1:]
    return [(r[0], r[1]) for r in rows if len(r) >= 2 and r[0].isalpha() and r[1].isalpha() and r[0] != r[1]]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", type=int, default=0, help="print N misses of each kind")
    ap.add_argument("--word-zipf", type=float, default=3.0)
    ap.add_argument("--half", choices=("tune", "test", "all"), default="test", help="pairs by their correction")
    args = ap.parse_args()
    data = spelldata.load()
    by_word = sentences_by_word()
    linter = spelling_linter()
    for name in SETS:
        t0 = time.perf_counter()
        n = flagged = first = anywhere = offered = offered_right = 0
        missed, wrong = [], []
        for bad, good in pairs(name):
            if args.half != "all" and half(good) != args.half:
                continue
            if not good.islower() or data.zipf(bad.lower()) >= args.word_zipf:
                continue  # names, and real-word errors a word list cannot see
            n += 1
            base = by_word.get(good, f"He said the {good} was not what they had expected.")
            text = "Headline\n\n" + re.sub(rf"(?<=[ ,]){good}(?=[ ,.])", bad, base, count=1)
            hits = [f for f in lint(linter, text) if f["rule"].startswith("spelling") and bad in text]
            mine = [f for f in hits if f["line"] == 3]
            if not mine:
                missed.append(bad)
                continue
            flagged += 1
            sugg = [s.lower() for f in mine for s in f["suggestions"]]
            first += bool(sugg) and sugg[0] == good.lower()
            anywhere += good.lower() in sugg
            fix = mine[0].get("fix")
            offered += bool(fix)
            offered_right += bool(fix) and fix["replacement"].lower() == good.lower()
            if not sugg or sugg[0] != good.lower():
                wrong.append(f"{bad}->{good} got {sugg[:3]}")
        dt = time.perf_counter() - t0
        print(
            f"{name}: {n} non-word pairs, flagged {flagged / n:.1%}, first suggestion right {first / n:.1%} "
            f"({first / max(flagged, 1):.1%} of flagged), in suggestions {anywhere / n:.1%}, "
            f"fix offered for {offered / max(flagged, 1):.1%} of flagged ({offered_right / max(offered, 1):.1%} right)  [{dt:.1f}s]"
        )
        if args.show:
            print("  missed:", " ".join(missed[: args.show]))
            for w in wrong[: args.show]:
                print("  ", w)
    return 0


if __name__ == "__main__":
    sys.exit(main())
