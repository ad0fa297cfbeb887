"""newslint's punctuation and word-repeat rules on LanguageTool's own example sentences.

Usage: .venv/bin/python benchmarks/punctuation_languagetool.py [--set punctuation|repeat] [--show]
Reads ../shared/corpora/languagetool/examples_dev.jsonl; for each LanguageTool rule in scope,
prints the errors found (sentences marked `error` that newslint flags) and the correct
sentences flagged (marked `ok`), and the totals. `--set repeat` runs duplicate.word on
LanguageTool's word-repetition examples (target: at most 3% of the correct ones flagged).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from newslint.api import lint_bytes, make_linter, records
from newslint.settings.config import Config

EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "languagetool" / "examples_dev.jsonl"
# LanguageTool rules whose subject is punctuation, spacing or quotes.
IN_SCOPE = {
    "COMMA_PARENTHESIS_WHITESPACE",
    "DOUBLE_PUNCTUATION",
    "EN_UNPAIRED_BRACKETS",
    "EN_UNPAIRED_QUOTES",
    "WHITESPACE_RULE",
    "SENTENCE_WHITESPACE",
    "NO_SPACE_CLOSING_QUOTE",
    "EN_QUOTES",
    "ELLIPSIS",
    "WRONG_APOSTROPHE",
    "CURRENCY_SPACE",
    "EG_SPACE",
}
# LanguageTool's word-repetition rules, checked against newslint's duplicate.word.
REPEAT_SCOPE = {"ENGLISH_WORD_REPEAT_RULE", "WORD_REPEAT_RULE"}
SETS = {"punctuation": (IN_SCOPE, "punctuation,consistency"), "repeat": (REPEAT_SCOPE, "duplicate.word")}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", choices=sorted(SETS), default="punctuation")
    parser.add_argument("--select", default="", help="rules to run (default: the set's own)")
    parser.add_argument("--show", action="store_true", help="print missed errors and flagged correct sentences")
    args = parser.parse_args()
    scope, select = SETS[args.set]
    linter = make_linter(Config(select=(args.select or select).split(",")))
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # errors, found, ok, flagged
    for line in EXAMPLES.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case["rule"] not in scope:
            continue
        # A lone sentence is a paragraph: a blank first line keeps it from being read as a headline.
        findings = records(lint_bytes(("Example\n\n" + case["text"]).encode(), "example.txt", linter))
        row = stats[case["rule"]]
        if case["expect"] == "error":
            row[0] += 1
            row[1] += bool(findings)
            if args.show and not findings:
                print(f"MISSED  {case['rule']}: {case['text']!r}")
        else:
            row[2] += 1
            row[3] += bool(findings)
            if args.show and findings:
                print(f"FLAGGED {case['rule']}: {case['text']!r} -> {[f['rule'] for f in findings]}")
    print(f"{'LanguageTool rule':32} errors found   correct flagged")
    totals = [0, 0, 0, 0]
    for rule, row in sorted(stats.items()):
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        print(f"{rule:32} {row[1]:3}/{row[0]:<3}        {row[3]:3}/{row[2]:<3}")
    errors, found, ok, flagged = totals
    print(
        f"{'total':32} {found:3}/{errors:<3} ({100 * found / max(errors, 1):.0f}%)  {flagged:3}/{ok:<3} ({100 * flagged / max(ok, 1):.1f}%)"
    )


if __name__ == "__main__":
    main()
