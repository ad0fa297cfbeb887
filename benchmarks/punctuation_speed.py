"""CPU time of each punctuation and consistency rule on a ~5 MB export built from clean news.

Usage: .venv/bin/python benchmarks/punctuation_speed.py [--mb 5] [--select punctuation,consistency]
Concatenates ../shared/corpora/clean/zyte (repeated up to the size), reads it once (tokens and
sentences included, shared by all rules), then times each rule alone on that document.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newslint.api import make_linter
from newslint.document.readers import read_document
from newslint.document.source import decode
from newslint.engine.lint import FileResult
from newslint.settings.config import Config

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "clean" / "zyte"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--select", default="punctuation,consistency")
    args = parser.parse_args()
    one = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
    size = int(args.mb * 1_000_000)
    data = (one * (size // len(one) + 1))[:size].encode("utf-8", "ignore")
    linter = make_linter(Config(select=args.select.split(",")))
    began = time.process_time()
    doc = read_document(decode("big.txt", data), None)
    _ = doc.tokens, doc.sentences
    print(f"{len(data) / 1e6:.1f} MB; read + tokens + sentences: {time.process_time() - began:.2f}s")
    total = 0.0
    for rule in linter.active_rules(Path("big.txt")):
        t = time.process_time()
        found = linter.check(doc, [rule], FileResult("big.txt"))
        secs = time.process_time() - t
        total += secs
        print(f"  {rule.id}: {len(found)} findings in {secs:.2f}s")
    print(f"all rules: {total:.2f}s")


if __name__ == "__main__":
    main()
