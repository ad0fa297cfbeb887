"""Findings per 1,000 words on the clean news corpora, per category and per rule.

Usage: python benchmarks/clean_rates.py [CORPUS_DIR] [--list CATEGORY]

Lints every .txt under the corpus (default ../shared/corpora/clean) with all built-in rules
(no LanguageTool) and prints the rate of findings per category, split into failing severities
(warning, error) and info; `--list CATEGORY` prints each finding of a category for reading.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from newslint.api import lint_bytes, make_linter, records

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "clean"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--list", metavar="CATEGORY", help="print the findings of this category")
    args = ap.parse_args()
    linter = make_linter()
    words = 0
    failing: Counter[str] = Counter()
    info: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    files = sorted(args.corpus.rglob("*.txt"))
    for path in files:
        data = path.read_bytes()
        words += len(re.findall(r"\w+", data.decode("utf-8", "replace")))
        for f in records(lint_bytes(data, str(path), linter)):
            (info if f["severity"] == "info" else failing)[f["category"]] += 1
            rules[f["rule"]] += 1
            if f["category"] == args.list:
                print(f"{path.name}:{f['line']}:{f['column']} [{f['rule']}] {f['message']}")
    print(f"{len(files)} files, {words:,} words")
    print(f"{'category':<16}{'warn+error':>12}{'per 1k':>9}{'info':>8}{'per 1k':>9}")
    for cat in sorted(set(failing) | set(info)):
        print(
            f"{cat:<16}{failing[cat]:>12}{failing[cat] * 1000 / words:>9.3f}{info[cat]:>8}{info[cat] * 1000 / words:>9.3f}"
        )
    total_f, total_i = sum(failing.values()), sum(info.values())
    print(f"{'all':<16}{total_f:>12}{total_f * 1000 / words:>9.3f}{total_i:>8}{total_i * 1000 / words:>9.3f}")
    print("top rules:", ", ".join(f"{r} {n}" for r, n in rules.most_common(12)))


if __name__ == "__main__":
    main()
