"""Time a one-file run from a cold process, with and without the spelling rules (median of N).

.venv/bin/python benchmarks/spelling_startup.py [FILE] [-n 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "fixtures" / "seeds" / "000_585954f18c9c2e73.txt"


def run(args: list[str], n: int) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "newslint", "-q", *args], cwd=ROOT, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default=str(SEED))
    ap.add_argument("-n", type=int, default=7)
    a = ap.parse_args()
    run(["--select", "spelling", a.file], 1)  # make sure the prepared cache exists
    without = run(["--ignore", "spelling,consistency.spelling-variant", a.file], a.n)
    with_ = run([a.file], a.n)
    print(
        f"without spelling {without * 1000:.0f} ms, with {with_ * 1000:.0f} ms, added {(with_ - without) * 1000:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
