"""What the duplicate rules raise on clean news: every finding, with both copies.

Usage: .venv/bin/python benchmarks/duplicate_clean.py [CORPUS...]
Reads ../shared/corpora/clean/{bbc,zyte} by default (also boilerplate/trafilatura/*.txt when
given); prints each finding with the later and the first copy, then counts per rule.
"""

from __future__ import annotations

import argparse
import collections
import time
from pathlib import Path

from newslint.api import lint_bytes, make_linter, records
from newslint.settings.config import Config

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "clean"


def excerpt(lines: list[str], line: int, col: int, end_col: int) -> str:
    text = lines[line - 1]
    return repr(text[max(0, col - 30) : end_col + 20] if end_col - col < 60 else text[:100])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpora", nargs="*", default=[str(CORPORA / "bbc"), str(CORPORA / "zyte")])
    args = parser.parse_args()
    linter = make_linter(Config(select=["duplicate"]))
    files = [p for folder in args.corpora for p in sorted(Path(folder).glob("*.txt"))]
    per_rule: collections.Counter = collections.Counter()
    began = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        lines = data.decode("utf-8", "replace").splitlines()
        for f in records(lint_bytes(data, str(path), linter)):
            per_rule[f["rule"]] += 1
            print(f"{path.name}:{f['line']}:{f['column']} [{f['rule']}] {f['message']}")
            print(f"    here:  {excerpt(lines, f['line'], f['column'], f['end_column'])}")
            for r in f["related"]:
                print(f"    first: {excerpt(lines, r['line'], r['column'], r['end_column'])}")
    elapsed = time.perf_counter() - began
    print(f"{len(files)} files in {elapsed:.1f}s; findings: {sum(per_rule.values())}")
    for rule, n in per_rule.most_common():
        print(f"  {rule}: {n}")


if __name__ == "__main__":
    main()
