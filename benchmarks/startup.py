"""Time newslint on one article from a cold process (start-up included).

Usage: python benchmarks/startup.py [FILE] [--runs N]

Runs `python -m newslint --format json FILE` N times and prints the median, best and worst wall
time, and the same for a bare `python -c pass` to show the interpreter's own share.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "tests" / "fixtures" / "seeds" / "000_585954f18c9c2e73.txt"


def timed(cmd: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return times


def describe(name: str, times: list[float]) -> str:
    ms = [t * 1000 for t in times]
    return f"{name:<28} median {statistics.median(ms):6.0f} ms   best {min(ms):6.0f} ms   worst {max(ms):6.0f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    env_note = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
    print(f"cold single-file run on {args.file.name} ({args.file.stat().st_size} bytes), {args.runs} runs, {env_note}")
    timed([sys.executable, "-m", "newslint", str(args.file)], 1)  # warm the OS file cache
    print(describe("python -c pass", timed([sys.executable, "-c", "pass"], args.runs)))
    print(
        describe(
            "newslint --format json FILE",
            timed([sys.executable, "-m", "newslint", "--format", "json", str(args.file)], args.runs),
        )
    )


if __name__ == "__main__":
    main()
