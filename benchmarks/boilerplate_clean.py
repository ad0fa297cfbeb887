"""What the boilerplate and encoding rules raise on clean news, per 1,000 words.

Usage: .venv/bin/python benchmarks/boilerplate_clean.py [--category boilerplate] [CORPUS...]
Reads ../shared/corpora/clean/{bbc,zyte} by default; prints every finding with its text,
then the count per rule and the rate per 1,000 words.
"""

from __future__ import annotations

import argparse
import collections
import time
from pathlib import Path

from newslint.api import lint_bytes, make_linter, records
from newslint.engine.loader import load_rules
from newslint.settings.config import Config

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora" / "clean"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpora", nargs="*", default=[str(CORPORA / "bbc"), str(CORPORA / "zyte")])
    parser.add_argument("--category", default="boilerplate", help="rules/<category> to run")
    args = parser.parse_args()
    rules = load_rules(ROOT / "rules" / args.category)
    linter = make_linter(Config(select=[r.id for r in rules]), rules)
    files = [p for folder in args.corpora for p in sorted(Path(folder).glob("*.txt"))]
    per_rule: collections.Counter = collections.Counter()
    words = 0
    began = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        lines = data.decode("utf-8", "replace").splitlines()
        words += sum(len(line.split()) for line in lines)
        for f in records(lint_bytes(data, str(path), linter)):
            per_rule[f["rule"]] += 1
            text = lines[f["line"] - 1]
            end = f["end_column"] if f["end_line"] == f["line"] else len(text) + 1
            print(f"{path.name}:{f['line']}:{f['column']} [{f['rule']}] {text[f['column'] - 1 : end - 1][:100]!r}")
    elapsed = time.perf_counter() - began
    total = sum(per_rule.values())
    print(
        f"{len(files)} files, {words} words in {elapsed:.1f}s; findings: {total} = {total * 1000 / max(words, 1):.3f} per 1,000 words"
    )
    for rule, n in per_rule.most_common():
        print(f"  {rule}: {n}")


if __name__ == "__main__":
    main()
