"""False alarms per 1,000 words on clean news, from findings read by hand.

Usage: python benchmarks/clean_verdicts.py [--half test|tune] [--rule PREFIX] [--unread]

Lints one fixed half of ../shared/corpora/clean (benchmarks/halves.py; default the held-out
"test" half) with every built-in rule and matches each finding to a verdict read by hand in
benchmarks/verdicts/<rule>.yaml: a list of entries

    - {file: bbc/bbc_business_002.txt, line: 3, column: 10, text: "bank", verdict: false, why: "..."}

where verdict is `real` (a defect of the corpus) or `false` (a false alarm), `file` is relative to
the corpus folder and `text` is the finding's span as stored. Prints per rule: findings, real,
false, unread, and false alarms per 1,000 words; `--unread` lists the findings that no verdict
covers yet, ready to be read and judged.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from newslint.api import lint_bytes, make_linter, records

sys.path.insert(0, str(Path(__file__).resolve().parent))
from halves import split  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "clean"
VERDICTS = ROOT / "benchmarks" / "verdicts"
Key = tuple[str, str, int, int]


def load_verdicts() -> dict[Key, str]:
    """Every verdict, keyed by (rule, file, line, column)."""
    out: dict[Key, str] = {}
    for path in sorted(VERDICTS.glob("*.yaml")):
        rule = path.stem
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            key = (rule, entry["file"], int(entry["line"]), int(entry["column"]))
            out[key] = "real" if entry["verdict"] in (True, "real") else "false"
    return out


def span_text(lines: list[str], f: dict[str, Any]) -> str:
    """The finding's span as stored (first line only)."""
    line = lines[f["line"] - 1] if f["line"] <= len(lines) else ""
    end = f["end_column"] if f.get("end_line") == f["line"] else len(line) + 1
    return line[f["column"] - 1 : end - 1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("test", "tune"), default="test")
    ap.add_argument("--rule", default="", help="only rules whose id starts with this")
    ap.add_argument("--unread", action="store_true", help="list findings without a verdict")
    args = ap.parse_args()
    files = split(sorted(CORPUS.rglob("*.txt")), lambda p: p.name)[args.half]
    verdicts, linter = load_verdicts(), make_linter()
    words, counts = 0, Counter[tuple[str, str]]()
    for path in files:
        rel, data = path.relative_to(CORPUS).as_posix(), path.read_bytes()
        text = data.decode("utf-8", "replace")
        words += len(re.findall(r"\w+", text))
        for f in records(lint_bytes(data, str(path), linter)):
            if not f["rule"].startswith(args.rule):
                continue
            verdict = verdicts.get((f["rule"], rel, f["line"], f["column"]), "unread")
            counts[(f["rule"], verdict)] += 1
            if args.unread and verdict == "unread":
                snippet = span_text(text.splitlines(), f)
                print(
                    f"- {{file: {rel}, line: {f['line']}, column: {f['column']}, text: {snippet!r}, verdict: ?, why: ''}}  # [{f['rule']}] {f['message']}"
                )
    report(args.half, len(files), words, counts)


def report(half: str, nfiles: int, words: int, counts: Counter[tuple[str, str]]) -> None:
    """Print the per-rule table and the totals."""
    print(f"half {half}: {nfiles} files, {words:,} words")
    print(f"{'rule':<40}{'all':>6}{'real':>6}{'false':>6}{'unread':>7}{'false/1k':>10}")
    for rule in sorted({r for r, _ in counts}):
        real, false, unread = (counts[(rule, v)] for v in ("real", "false", "unread"))
        total = real + false + unread
        print(f"{rule:<40}{total:>6}{real:>6}{false:>6}{unread:>7}{false * 1000 / words:>10.3f}")
    false_all = sum(n for (_, v), n in counts.items() if v == "false")
    unread_all = sum(n for (_, v), n in counts.items() if v == "unread")
    print(f"all rules: {false_all} false alarms ({false_all * 1000 / words:.3f} per 1,000 words), {unread_all} unread")


if __name__ == "__main__":
    main()
