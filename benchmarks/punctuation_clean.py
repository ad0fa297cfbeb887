"""Findings of the punctuation and consistency rules on clean news, per 1,000 words.

Usage: .venv/bin/python benchmarks/punctuation_clean.py [--select PREFIXES] [--show N] [CORPUS...]
Reads ../shared/corpora/clean/{bbc,zyte} by default; prints counts per rule and sample findings.
"""

from __future__ import annotations

import argparse
import collections
import re
import time
from pathlib import Path

from newslint.api import lint_bytes, make_linter, records
from newslint.settings.config import Config

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "clean"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--select", default="punctuation,consistency")
    parser.add_argument("--show", type=int, default=5, help="sample findings shown per rule")
    parser.add_argument("corpora", nargs="*", default=[str(CORPORA / "bbc"), str(CORPORA / "zyte")])
    args = parser.parse_args()
    linter = make_linter(Config(select=args.select.split(",")))
    words, per_rule, samples = 0, collections.Counter(), collections.defaultdict(list)
    failing = 0  # findings at warning or error, the ones that fail a run
    began = time.perf_counter()
    files = [p for folder in args.corpora for p in sorted(Path(folder).glob("*.txt"))]
    for path in files:
        data = path.read_bytes()
        words += len(re.findall(r"\w+", data.decode("utf-8", "replace")))
        lines = data.decode("utf-8", "replace").splitlines()
        for f in records(lint_bytes(data, str(path), linter)):
            per_rule[f["rule"]] += 1
            failing += f["severity"] != "info"
            line = lines[f["line"] - 1]
            context = line[max(0, f["column"] - 40) : f["end_column"] + 30] if f["line"] == f["end_line"] else line[:80]
            samples[f["rule"]].append(f"{path.name}:{f['line']}:{f['column']} {f['message']} | {context!r}")
    elapsed = time.perf_counter() - began
    total = sum(per_rule.values())
    print(
        f"{len(files)} files, {words} words, {total} findings, {1000 * total / max(words, 1):.3f} per 1,000 words, {elapsed:.1f} s"
    )
    print(f"  at warning or error: {failing}, {1000 * failing / max(words, 1):.3f} per 1,000 words")
    for rule, n in per_rule.most_common():
        print(f"  {rule}: {n} ({1000 * n / words:.3f}/1k)")
        for line in samples[rule][: args.show]:
            print(f"      {line}")


if __name__ == "__main__":
    main()
