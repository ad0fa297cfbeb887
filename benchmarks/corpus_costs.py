"""Per-article costs of the cross-article rules, for sizing an archive (docs/scale.md).

Usage: .venv/bin/python benchmarks/corpus_costs.py [--half test|tune] [--scale N]
Lints one half of ../shared/corpora/clean in this process with fingerprints on and off and
prints: seconds per article for the whole lint and for the fingerprints alone, bytes of
fingerprints per article (as the result cache and the shuffle carry them, JSON), and peak
memory. Then times the cross-article step on N copies of the fingerprints (keys made
distinct, so nothing groups but the injected structure) to show it grows linearly.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from halves import half  # noqa: E402

from newslint.api import make_linter
from newslint.engine import corpus
from newslint.engine.lint import FileResult

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "clean"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", default="test", choices=["tune", "test"])
    ap.add_argument("--scale", type=int, default=40)
    args = ap.parse_args()
    files = [p for p in sorted(CORPORA.glob("*/*.txt")) if half(p.name) == args.half]
    data = [(p.name, p.read_bytes()) for p in files]
    linter = make_linter()
    linter.lint_bytes("warm.txt", data[0][1], Path("warm.txt"), corpus=True)  # imports, first-use tables
    timings = {}
    results: list[FileResult] = []
    for on in (False, True):
        start = time.perf_counter()
        got = [linter.lint_bytes(n, b, Path(n), corpus=on) for n, b in data]
        timings[on] = (time.perf_counter() - start) / len(data)
        if on:
            results = got
    size = sum(len(json.dumps([p.to_dict() for p in r.prints])) for r in results) / len(results)
    print(f"{len(data)} articles ({args.half} half), {sum(len(b) for _, b in data) / len(data) / 1000:.1f} kB each")
    print(f"lint per article: {timings[False] * 1000:.2f} ms without fingerprints, {timings[True] * 1000:.2f} ms with")
    print(f"fingerprints: {size:.0f} bytes per article (JSON)")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    rules = {r.id: r for r in linter.rules}
    for n in (args.scale // 4, args.scale):
        many = []
        for k in range(n):
            for r in results:
                prints = [replace(p, key=_distinct(p.key, k)) for p in r.prints]
                many.append(FileResult(f"{k}/{r.path}", prints=prints))
        start = time.perf_counter()
        corpus.combine(many, lambda: rules)
        seconds = time.perf_counter() - start
        print(
            f"cross-article step, {len(many)} articles: {seconds:.2f} s ({seconds / len(many) * 1e6:.0f} us per article)"
        )


def _distinct(key: str, k: int) -> str:
    """A key no other copy shares (paragraph hashes get a suffix; signatures are shifted)."""
    if ":" not in key:
        return f"{key}-{k}"
    import base64

    import numpy as np

    count, _, text = key.partition(":")
    values = np.frombuffer(base64.b64decode(text), dtype="<u4") ^ np.uint32(k * 2654435761 % 2**32)
    return f"{count}:{base64.b64encode(values.astype('<u4').tobytes()).decode('ascii')}"


if __name__ == "__main__":
    main()
