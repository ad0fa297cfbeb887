"""Own time of the spelling rules on about 1 MB of clean BBC news, in one process (medians of N).

The articles of ../shared/corpora/clean/bbc (then zyte) are joined into one document of about
--size bytes and linted with the spelling rules only, after one warm-up run on a short text
(data loaded). Reading and tokenizing the document is timed apart (decode, read_document,
doc.tokens), so the rules' own time is the rest.

.venv/bin/python benchmarks/spelling_speed.py [--size 1100000] [-n 5] [--profile]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from spelling_common import CORPORA, lint, spelling_linter

from newslint.api import lint_bytes
from newslint.document.readers import read_document
from newslint.document.source import decode


def corpus(size: int) -> str:
    parts, total = [], 0
    for path in sorted((CORPORA / "clean" / "bbc").glob("*.txt")) + sorted((CORPORA / "clean" / "zyte").glob("*.txt")):
        text = path.read_text(encoding="utf-8").strip()
        parts.append(text)
        total += len(text.encode("utf-8")) + 2
        if total >= size:
            break
    return "\n\n".join(parts)


def timed(fn) -> tuple[float, float]:
    w, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w, time.process_time() - c


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=1_100_000)
    ap.add_argument("-n", type=int, default=5)
    ap.add_argument("--profile", action="store_true")
    a = ap.parse_args()
    text = corpus(a.size)
    data = text.encode("utf-8")
    spelling = spelling_linter("en", ("spelling", "consistency.spelling-variant"))
    lint(spelling, "Headline\n\nThe minister will recieve teh report.\n")  # load the data
    if a.profile:
        import cProfile
        import pstats

        cProfile.runctx("lint_bytes(data, 'big.txt', spelling)", globals(), locals(), "/tmp/spelling.prof")
        pstats.Stats("/tmp/spelling.prof").sort_stats("cumulative").print_stats(25)
        return 0
    base = [timed(lambda: read_document(decode("big.txt", data)).tokens) for _ in range(a.n)]
    full = [timed(lambda: lint_bytes(data, "big.txt", spelling)) for _ in range(a.n)]
    n_found = len(lint_bytes(data, "big.txt", spelling).findings)
    bw, bc = statistics.median(w for w, _ in base), statistics.median(c for _, c in base)
    fw, fc = statistics.median(w for w, _ in full), statistics.median(c for _, c in full)
    print(f"{len(data)} bytes, {n_found} findings")
    print(f"document only: wall {bw:.2f}s cpu {bc:.2f}s; with spelling: wall {fw:.2f}s cpu {fc:.2f}s")
    print(f"spelling rules' own time: wall {fw - bw:.2f}s cpu {fc - bc:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
