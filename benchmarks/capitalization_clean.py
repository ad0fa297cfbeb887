"""Capitalization findings per 1,000 words on the clean corpora (false-alarm rate).

    .venv/bin/python benchmarks/capitalization_clean.py [--show N] [--rule ID]

Reads ../shared/corpora/clean/{bbc,zyte}; prints the rate per rule and per corpus and the first
N findings with their line, to be read and sorted into real errors and false alarms.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from newslint.api import lint_bytes, make_linter, records
from newslint.engine.loader import load_rules
from newslint.settings.config import Config

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT.parent / "shared" / "corpora" / "clean"
WORD = re.compile(r"[^\W\d_]+")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=40)
    parser.add_argument("--rule", default="")
    args = parser.parse_args()
    rules = [r for r in load_rules(ROOT / "rules" / "capitalization") if args.rule in r.id]
    linter = make_linter(Config(), rules)
    shown = 0
    for corpus in ("bbc", "zyte"):
        words, per_rule = 0, Counter()
        for path in sorted((CLEAN / corpus).glob("*.txt")):
            data = path.read_bytes()
            words += len(WORD.findall(data.decode("utf-8", "replace")))
            lines = data.decode("utf-8", "replace").splitlines()
            for f in records(lint_bytes(data, str(path), linter)):
                per_rule[f["rule"]] += 1
                if shown < args.show:
                    shown += 1
                    line = lines[f["line"] - 1]
                    col = f["column"] - 1
                    print(
                        f"{path.name}:{f['line']}: {f['rule']}: {f['message']}\n    …{line[max(0, col - 60) : col + 60]}…"
                    )
        total = sum(per_rule.values())
        print(f"== {corpus}: {words} words, {total} findings, {1000 * total / max(words, 1):.3f} per 1,000 words")
        for rule, n in per_rule.most_common():
            print(f"   {rule}: {n} ({1000 * n / words:.3f} per 1,000)")


if __name__ == "__main__":
    main()
