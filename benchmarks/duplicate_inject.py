"""Recall of the paragraph-repeat rules on repeats injected into clean news.

Usage: .venv/bin/python benchmarks/duplicate_inject.py [--seed N] [CORPUS...]
For every article of ../shared/corpora/clean/{bbc,zyte} and every variant, one paragraph of
10+ words is copied to a later place (after a random later paragraph) as: an exact copy, a copy
without its final full stop, with one word dropped, with one word changed, with a typo, or with
extra spaces. A repeat counts as found when a duplicate finding starts on the copy's line.
Prints recall per variant and paragraph length, and the findings elsewhere (not injected).
"""

from __future__ import annotations

import argparse
import collections
import random
from pathlib import Path

from newslint.api import lint_bytes, make_linter, records
from newslint.settings.config import Config

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "clean"


def drop_word(words: list[str], rng: random.Random) -> list[str]:
    i = rng.randrange(1, len(words) - 1)
    return words[:i] + words[i + 1 :]


def change_word(words: list[str], rng: random.Random) -> list[str]:
    i = rng.randrange(1, len(words) - 1)
    return words[:i] + [rng.choice(["report", "minister", "market", "quickly", "seven"])] + words[i + 1 :]


def typo(words: list[str], rng: random.Random) -> list[str]:
    long = [i for i, w in enumerate(words) if len(w) > 5 and w.isalpha()] or [0]
    i = rng.choice(long)
    w = words[i]
    j = rng.randrange(1, max(2, len(w) - 2))
    return words[:i] + [w[:j] + w[j + 1] + w[j] + w[j + 2 :]] + words[i + 1 :]


VARIANTS = {
    "exact": lambda p, rng: p,
    "no final stop": lambda p, rng: p.rstrip(".") if p.endswith(".") else p + ".",
    "word dropped": lambda p, rng: " ".join(drop_word(p.split(), rng)),
    "word changed": lambda p, rng: " ".join(change_word(p.split(), rng)),
    "typo": lambda p, rng: " ".join(typo(p.split(), rng)),
    "extra spaces": lambda p, rng: p.replace(" ", "  ", 3),
}


def size(words: int) -> str:
    return "10-19 words" if words < 20 else "20+ words"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("corpora", nargs="*", default=[str(CORPORA / "bbc"), str(CORPORA / "zyte")])
    args = parser.parse_args()
    rng = random.Random(args.seed)
    linter = make_linter(Config(select=["duplicate.paragraph", "duplicate.near-paragraph"]))
    found, total = collections.Counter(), collections.Counter()
    elsewhere: list[str] = []
    for path in (p for folder in args.corpora for p in sorted(Path(folder).glob("*.txt"))):
        paras = path.read_text(encoding="utf-8").strip().split("\n\n")
        body = [i for i, p in enumerate(paras) if i > 0 and len(p.split()) >= 10 and "\n" not in p]
        if len(body) < 2:
            continue
        for name, make in VARIANTS.items():
            src = rng.choice(body[:-1])
            at = rng.randrange(src + 1, len(paras)) + 1
            copy = make(paras[src], rng)
            doc = paras[:at] + [copy] + paras[at:]
            line = sum(p.count("\n") + 2 for p in doc[:at]) + 1
            findings = records(lint_bytes("\n\n".join(doc).encode("utf-8"), path.name, linter))
            key = (name, size(len(paras[src].split())))
            total[key] += 1
            found[key] += any(f["line"] == line for f in findings)
            elsewhere += [f"{path.name} {name}: {f['rule']} line {f['line']}" for f in findings if f["line"] != line]
    for key in sorted(total):
        print(f"{key[0]:>14} {key[1]:>11}: {found[key]}/{total[key]} ({100 * found[key] / total[key]:.0f}%)")
    n, t = sum(found.values()), sum(total.values())
    print(f"all: {n}/{t} ({100 * n / t:.1f}%); findings not on an injected copy: {len(elsewhere)}")
    for line in elsewhere[:20]:
        print("  ", line)


if __name__ == "__main__":
    main()
