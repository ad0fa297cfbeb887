"""How far first-suggestion targets are reachable at all: for each misspelling list's non-word
pairs (the ones ``spelling_accuracy.py`` scores), the share whose right word is

- in the lexicon: listed by the curated lexicon, or known to wordfreq at all;
- within one, two, or more edits (with adjacent swaps: optimal string alignment);
- among the noisy channel's candidates (one or two edits, codespell's fixes), and among the
  suggestions at all, with the words that sound alike (the "oracle top-1": the best any
  re-ranking of them could do), among their first five, and their first (no context).

    .venv/bin/python benchmarks/spelling_ceiling.py [--half tune|test|all] [--show N]
"""

from __future__ import annotations

import argparse
import sys

from halves import half
from spelling_accuracy import SETS, pairs

from newslint.engine.support import spelldata
from newslint.engine.support.spell_words import candidates, distance, ranked

COLUMNS = ("listed", "known", "1 edit", "<=2 edits", "channel", "suggested", "top 5", "top 1")


def row(bad: str, good: str, data: spelldata.SpellData) -> dict[str, bool]:
    """Which of the columns hold for one pair (both lower-case)."""
    channel = [c for _, c in candidates(bad, True)]
    found = [c for _, c in ranked(bad, True)]
    d = distance(bad, good, 3)
    return {
        "listed": data.listed(good),
        "known": data.freq(good) > 0,
        "1 edit": d <= 1,
        "<=2 edits": d <= 2,
        "channel": good in channel,
        "suggested": good in found,
        "top 5": good in found[:5],
        "top 1": found[:1] == [good],
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", choices=("tune", "test", "all"), default="test")
    ap.add_argument("--word-zipf", type=float, default=3.0)
    ap.add_argument("--show", type=int, default=0, help="print N pairs whose right word is never suggested")
    args = ap.parse_args()
    data = spelldata.load()
    print(f"{'list':28} {'pairs':>5} " + " ".join(f"{c:>9}" for c in COLUMNS))
    for name in SETS:
        rows, lost = [], []
        for bad, good in pairs(name):
            if args.half != "all" and half(good) != args.half:
                continue
            if not good.islower() or data.zipf(bad.lower()) >= args.word_zipf:
                continue  # the same pairs spelling_accuracy.py scores
            r = row(bad.lower(), good, data)
            rows.append(r)
            if not r["suggested"]:
                lost.append(f"{bad}->{good}")
        n = max(len(rows), 1)
        shares = " ".join(f"{sum(r[c] for r in rows) / n:>9.1%}" for c in COLUMNS)
        print(f"{name:28} {len(rows):>5} {shares}")
        if args.show:
            print("  never suggested:", " ".join(lost[: args.show]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
