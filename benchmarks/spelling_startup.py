"""Time a one-file run from a cold process, with and without the spelling rules (medians of N).

Runs with ``--no-cache`` (a result-cache hit would lint nothing) and alternates the two
configurations so that load on the machine falls on both alike. Reports wall time and the
child's CPU time (user + system), which a loaded machine disturbs less.

.venv/bin/python benchmarks/spelling_startup.py [FILE] [-n 9]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "fixtures" / "seeds" / "000_585954f18c9c2e73.txt"
WITHOUT = ["--ignore", "spelling,consistency.spelling-variant"]


def once(args: list[str]) -> tuple[float, float]:
    """(wall, cpu) seconds of one cold run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    cmd = [sys.executable, "-m", "newslint", "-q", "--no-cache", *args]
    subprocess.run(cmd, cwd=ROOT, capture_output=True, check=False)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default=str(SEED))
    ap.add_argument("-n", type=int, default=9)
    a = ap.parse_args()
    once(["--select", "spelling", a.file])  # make sure the prepared spelling data exists
    runs: dict[str, list[tuple[float, float]]] = {"without": [], "with": []}
    for _ in range(a.n):
        runs["without"].append(once([*WITHOUT, a.file]))
        runs["with"].append(once([a.file]))
    med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in runs.items()}
    (w0, c0), (w1, c1) = med["without"], med["with"]
    print(f"wall: without spelling {w0 * 1000:.0f} ms, with {w1 * 1000:.0f} ms, added {(w1 - w0) * 1000:.0f} ms")
    print(f"cpu:  without spelling {c0 * 1000:.0f} ms, with {c1 * 1000:.0f} ms, added {(c1 - c0) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
