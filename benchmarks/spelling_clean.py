"""Spelling findings per 1,000 words on the clean news corpus (../shared/corpora/clean/).

.venv/bin/python benchmarks/spelling_clean.py [--list]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter

from spelling_common import CORPORA, lint, spelling_linter


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--list", action="store_true", help="print every finding")
    ap.add_argument("--language", default="en")
    args = ap.parse_args()
    linter = spelling_linter(args.language, ("spelling", "consistency.spelling-variant"))
    words = 0
    by_rule: Counter = Counter()
    for path in sorted((CORPORA / "clean").glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        words += len(re.findall(r"\w+", text))
        lines = text.splitlines()
        for f in lint(linter, text, path.name):
            by_rule[f["rule"]] += 1
            if args.list:
                line = lines[f["line"] - 1]
                word = line[f["column"] - 1 : f["end_column"] - 1] if f["end_line"] == f["line"] else "..."
                print(f"{path.parent.name}/{path.name}:{f['line']} {f['rule']} {word!r} {f['suggestions'][:3]}")
    total = sum(by_rule.values())
    print(f"{words} words, {total} findings, {1000 * total / words:.3f} per 1,000 words")
    for rule, n in by_rule.most_common():
        print(f"  {rule}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
