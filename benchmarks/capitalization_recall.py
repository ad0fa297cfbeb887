"""Recall of lower-cased names: lower-case one mid-sentence occurrence of a name that a clean
article capitalizes elsewhere, and count how often ``capitalization`` findings cover it.

    .venv/bin/python benchmarks/capitalization_recall.py [--half test|tune] [--seed N | --seeds 1,2,3]
        [--show N] [--options '{"name-ratio": 1.5}']

Reports on the held-out "test" half by default (benchmarks/halves.py; key: the file name); tune
on ``--half tune``. Two measures: lower-cased names, and lower-cased sentence starts (the first
letter of one sentence after ". " lower-cased per article, found by capitalization.sentence-start).

``--options`` sets capitalization.proper-noun options (JSON), to weigh a change of threshold.

A "name" is a title-case word (3+ letters) that the article writes at least twice after a
lower-case word and a space (so not at a sentence start) and never in lower case. One such
occurrence, chosen at random, is lower-cased in each article of ../shared/corpora/clean/.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

from newslint.api import lint_bytes, make_linter, records
from newslint.engine.loader import load_rules
from newslint.settings.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parent))
from halves import split  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT.parent / "shared" / "corpora" / "clean"
MID = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{2,})\b(?![-’'])")
# A sentence start after a full stop: ". " and a capitalized ordinary word (not "I", not a name:
# the word also occurs in lower case in the article), after a lower-case word of 3+ letters.
START = re.compile(r"(?<=[a-z]{3}\. )([A-Z][a-z]+)\b")


def mutate(text: str, rng: random.Random) -> tuple[str, int, str] | None:
    """The text with one name lower-cased, the offset and the name; None when there is none."""
    body_start = text.find("\n\n") + 2 if text.find("\n\n") > 0 else 0
    spots: dict[str, list[int]] = {}
    for m in MID.finditer(text, body_start):
        spots.setdefault(m.group(1), []).append(m.start(1))
    names = [w for w, at in spots.items() if len(at) >= 2 and not re.search(rf"\b{w.lower()}\b", text)]
    if not names:
        return None
    name = rng.choice(sorted(names))
    at = rng.choice(spots[name])
    return text[:at] + name.lower() + text[at + len(name) :], at, name


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--half", choices=("test", "tune"), default="test")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seeds", default="", help="comma-separated seeds, one line each")
    parser.add_argument("--show", type=int, default=20)
    parser.add_argument("--options", default="{}", help="capitalization.proper-noun options as JSON")
    args = parser.parse_args()
    config = Config(options={"capitalization.proper-noun": json.loads(args.options)})
    linter = make_linter(config, load_rules(ROOT / "rules" / "capitalization"))
    seeds = [int(s) for s in args.seeds.split(",")] if args.seeds else [args.seed]
    paths = split(sorted(CLEAN.glob("*/*.txt")), lambda p: p.name)[args.half]
    print(f"half {args.half}: {len(paths)} files")
    for what, mutator in (("names", mutate), ("sentence starts", mutate_start)):
        for seed in seeds:
            found, tried, missed = measure(linter, random.Random(seed), paths, mutator)
            print(
                f"{found}/{tried} lower-cased {what} found ({100 * found / max(tried, 1):.1f}%)"
                + (f" seed {seed}" if args.seeds else "")
            )
            for m in missed[: args.show]:
                print("  missed", m)


def mutate_start(text: str, rng: random.Random) -> tuple[str, int, str] | None:
    """The text with one sentence start after ". " lower-cased; None when there is none."""
    spots = [m for m in START.finditer(text) if re.search(rf"\b{m.group(1).lower()}\b", text)]
    if not spots:
        return None
    m = rng.choice(spots)
    at = m.start(1)
    return text[:at] + text[at].lower() + text[at + 1 :], at, m.group(1)


def measure(linter, rng: random.Random, paths: list[Path], mutator=mutate) -> tuple[int, int, list[str]]:
    """(found, tried, missed cases) over ``paths`` with one word lower-cased per article."""
    tried = found = 0
    missed = []
    for path in paths:
        mutated = mutator(path.read_text(encoding="utf-8"), rng)
        if mutated is None:
            continue
        text, at, name = mutated
        tried += 1
        line = text.count("\n", 0, at) + 1
        col = at - (text.rfind("\n", 0, at) + 1) + 1
        hits = [
            f
            for f in records(lint_bytes(text.encode("utf-8"), path.name, linter))
            if f["line"] <= line <= f["end_line"] and f["column"] <= col < f["end_column"] + (f["line"] != line) * 10**6
        ]
        if hits:
            found += 1
        else:
            missed.append(f"{path.name}:{line}: {name.lower()}  …{text[max(0, at - 50) : at + 40]!r}")
    return found, tried, missed


if __name__ == "__main__":
    main()
