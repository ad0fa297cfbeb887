"""What the result cache costs on files it has never seen (every lookup a miss, every result written).

Usage: python benchmarks/cache_cost.py [--corpus DIR] [--half test|tune] [--rounds N]

In one process, lints each file of one half of the corpus (split by file name, ``halves.py``)
without a cache, then does what a cache miss adds in the command line's path: the key, the failed
lookup, the entry put and, once a round, the packs written (one a folder and shard, as a run
of the command line does at its end), and the file read and keyed again (a missed file's bytes
are let go after the lookup; its job reads them again and keys what it lints), into one new folder, under new keys each round (the first round also
creates the results folder, as a first run ever does; later rounds find it, as a first run on a
new corpus on a machine that ran newslint before does). Reports the CPU time of
each part and the cache's share of the lint time, the figure the issue bounds at 3%.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from halves import split  # noqa: E402

from newslint.api import make_linter  # noqa: E402
from newslint.cache.results import Cache, fingerprint, key  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "clean")
    ap.add_argument("--half", choices=("tune", "test"), default="test")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    files = sorted(p for p in args.corpus.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".html"))
    files = split(files, lambda p: p.name)[args.half]
    linter = make_linter()
    blobs = [(str(p), p, p.read_bytes()) for p in files]
    results = [linter.lint_bytes(label, data, path) for label, path, data in blobs]  # warm memos
    lint_cpu, cache_cpu = [], []
    folder = Path(tempfile.mkdtemp(prefix="newslint-cache-cost-"))
    try:
        for n in range(args.rounds):
            start = time.process_time()
            results = [linter.lint_bytes(label, data, path) for label, path, data in blobs]
            lint_cpu.append(time.process_time() - start)
            cache = Cache(folder)
            start = time.process_time()
            for (label, path, data), result in zip(blobs, results, strict=True):
                named = f"{label}#{n}"
                k = key(linter.config, named, path, data)
                group = f"{fingerprint(linter.config)}\0{os.path.dirname(label)}#{n}"  # a new folder each round
                cache.get(k, group, named)
                k = key(linter.config, named, path, path.read_bytes())  # the job's read and key
                cache.put(
                    k, {"findings": [f.to_dict() for f in result.findings], "messages": result.messages}, group, named
                )
            cache.flush()  # the run's end: one write a pack
            cache_cpu.append(time.process_time() - start)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    lint = min(lint_cpu)
    print(f"{len(blobs)} files ({args.half} half of {args.corpus}), {args.rounds} rounds, CPU time")
    print(f"lint without cache (best)        {lint * 1000:8.0f} ms")
    for name, cost in (("first round, new folder", cache_cpu[0]), ("later rounds (best)", min(cache_cpu[1:] or [0]))):
        print(
            f"cache miss + write, {name:<24} {cost * 1000:6.0f} ms  {cost / len(blobs) * 1e6:5.0f} us a file"
            f"  {100 * cost / lint:5.1f} % of the lint"
        )


if __name__ == "__main__":
    main()
