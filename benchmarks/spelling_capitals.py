"""Capitalized typos found: frequent capitalized words of real articles, misspelt once.

In each clean article of the chosen half (by file name, ``benchmarks/halves.py``), up to three
words that the article capitalizes in mid-sentence and that are common (wordfreq zipf >= 3:
weekdays, months, places, institutions, well-known names) get one occurrence misspelt by a
typing slip: a letter dropped, doubled, two swapped, or one struck for a neighbouring key. Only
slips that make a non-word count (wordfreq zipf below 1, and no lexicon word). The benchmark
reports the share flagged at the right place and the share whose first suggestion restores
the word, and the spelling findings of the unchanged articles for comparison.

    .venv/bin/python benchmarks/spelling_capitals.py [--half test] [--show N]
"""

from __future__ import annotations

import argparse
import random
import re
import sys

from halves import half
from spelling_common import CORPORA, lint, spelling_linter

from newslint.engine.support import spelldata
from newslint.engine.support.spell_words import NEIGHBOURS

MIDCAP = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{3,}(?=[ ,.])")


def slip(word: str, rng: random.Random) -> str:
    """``word`` with one typing slip after its first letter."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("drop", "double", "swap", "key"))
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    near = sorted(NEIGHBOURS.get(word[i], {word[i]}))
    return word[:i] + rng.choice(near) + word[i + 1 :]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", choices=("tune", "test"), default="test")
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    data = spelldata.load()
    linter = spelling_linter()
    rng = random.Random(16)
    n = flagged = first = 0
    missed: list[str] = []
    for path in sorted((CORPORA / "clean").glob("*/*.txt")):
        if half(path.name) != args.half:
            continue
        text = path.read_text(encoding="utf-8")
        found = sorted({m.group() for m in MIDCAP.finditer(text) if data.zipf(m.group().lower()) >= 3.0})
        for word in rng.sample(found, min(3, len(found))):
            bad = slip(word, rng)
            low = bad.lower()
            if bad == word or data.zipf(low) >= 1.0 or data.listed(low) or bad in text:
                continue
            m = next(MIDCAP.finditer(text), None)
            m = next((x for x in MIDCAP.finditer(text) if x.group() == word), m)
            assert m is not None
            changed = text[: m.start()] + bad + text[m.end() :]
            n += 1
            hits = [f for f in lint(linter, changed, path.name) if f["rule"] == "spelling.typo"]
            mine = [f for f in hits if changed.splitlines()[f["line"] - 1][f["column"] - 1 :].startswith(bad)]
            if mine:
                flagged += 1
                first += bool(mine[0]["suggestions"]) and mine[0]["suggestions"][0] == word
            else:
                missed.append(f"{bad}->{word}")
    print(
        f"half {args.half}: {n} capitalized typos, flagged {flagged / max(n, 1):.1%}, "
        f"first suggestion right {first / max(n, 1):.1%}"
    )
    if args.show:
        print("  missed:", " ".join(missed[: args.show]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
