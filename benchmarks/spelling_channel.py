"""The spelling channel's data: edit counts learned from the tuning half of the shared lists.

    .venv/bin/python benchmarks/spelling_channel.py --write   # newslint/engine/support/edit_model.json
    .venv/bin/python benchmarks/spelling_channel.py --tune    # choose the ranking's weights

Only pairs whose correction falls in the "tune" half (benchmarks/halves.py) are read, so the
held-out half that spelling_accuracy.py reports on never trains the model. ``--tune`` splits the
tuning half again in two folds, counts edits on one and scores first suggestions on the other's
non-word pairs (and the other way round), for a grid of language-model weights and smoothings;
then prints how often the first suggestion is right when it leads the second by so much (the
margin at which spelling.typo offers it as an unsafe fix).
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib

from halves import half
from spelling_accuracy import SETS, pairs

from newslint.engine.support import edit_model, spell_words, spelldata

ROUNDS = 2  # re-alignments under the model counted before


def tune_pairs() -> list[tuple[str, str]]:
    """Every (misspelling, correction) pair of the tuning half, in list order."""
    return [(bad, good) for name in SETS for bad, good in pairs(name) if half(good) == "tune"]


def learn(train: list[tuple[str, str]], rounds: int = ROUNDS) -> dict[str, dict[str, int]]:
    """Edit counts: pairs aligned by the fewest edits, then again by the likeliest under the last counts."""
    counts = edit_model.count(train)
    for _ in range(rounds):
        counts = edit_model.count(train, edit_model.Channel(counts).cost)
    return counts


def fold(key: str) -> int:
    return zlib.crc32(f"fold:{key}".encode()) % 2


def top1(test: list[tuple[str, str]], channel: edit_model.Channel, weight: float) -> tuple[int, int]:
    """(right first suggestions, non-word pairs) with this channel and language-model weight."""
    data = spelldata.load()
    spell_words.LM_WEIGHT, edit_model._CHANNEL = weight, channel
    spell_words._MEMO.clear()
    right = n = 0
    for bad, good in test:
        if not good.islower() or data.zipf(bad.lower()) >= 3.0:
            continue
        n += 1
        found = spell_words.candidates(bad.lower(), bad.islower())
        right += bool(found) and found[0][1] == good
    return right, n


def margins(test: list[tuple[str, str]], channel: edit_model.Channel) -> list[tuple[float, bool]]:
    """(lead of the first suggestion over the second, whether the first is right) per non-word pair."""
    data = spelldata.load()
    edit_model._CHANNEL = channel
    spell_words._MEMO.clear()
    out = []
    for bad, good in test:
        if not good.islower() or data.zipf(bad.lower()) >= 3.0:
            continue
        ranked = spell_words.candidates(bad.lower(), bad.islower())
        if ranked:
            lead = ranked[0][0] - ranked[1][0] if len(ranked) > 1 else 99.0
            out.append((lead, ranked[0][1] == good))
    return out


def calibrate() -> None:
    """How often the first suggestion is right when it leads the second by at least so much."""
    all_pairs = tune_pairs()
    folds = [[p for p in all_pairs if fold(p[1]) == f] for f in (0, 1)]
    found = [m for f in (0, 1) for m in margins(folds[1 - f], edit_model.Channel(learn(folds[f])))]
    for lead in (0.0, 0.5, 1.0, 1.5, 2.0, 3.0):
        kept = [right for m, right in found if m >= lead]
        print(
            f"lead >= {lead:3.1f}: {len(kept) / len(found):6.1%} of suggestions, first right {sum(kept) / len(kept):.1%}"
        )


def tune() -> None:
    all_pairs = tune_pairs()
    folds = [[p for p in all_pairs if fold(p[1]) == f] for f in (0, 1)]
    counts = [learn(f) for f in folds]
    default = spell_words.LM_WEIGHT
    for k in (2.0, 8.0, 32.0):
        for weight in (0.75, 1.0, 1.25):
            scores = [top1(folds[1 - f], edit_model.Channel(counts[f], k), weight) for f in (0, 1)]
            right, n = sum(s[0] for s in scores), sum(s[1] for s in scores)
            print(f"smoothing {k:5.1f}  lm weight {weight:4.2f}: first suggestion right {right / n:.1%} of {n}")
    spell_words.LM_WEIGHT = default


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true", help="write the package's edit counts")
    ap.add_argument("--tune", action="store_true", help="cross-validate the weights on the tuning half")
    args = ap.parse_args()
    if args.tune:
        tune()
        calibrate()
    if args.write:
        counts = learn(tune_pairs())
        edit_model.DATA.write_text(json.dumps(counts, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {edit_model.DATA} from {counts['totals']['words']} pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
