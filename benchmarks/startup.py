"""Time newslint on one article from a cold process (start-up included).

Usage: python benchmarks/startup.py [FILE] [--runs N]

Runs `python -m newslint --format json FILE` N times: with a result-cache hit (lints nothing); with
a cache miss (a new article: the cache folder holds the parsed built-in rules, not this file's
result); and with ``--no-cache`` (no cache read or written: rule files parsed too). Alternates them
so that load on the machine falls on all alike, beside a bare `python -c pass` for the interpreter's
own share, and codespell on the same file when it is installed (the issue's yardstick). Prints the median, best and worst wall time and the median CPU time (user + system of the
child), which load disturbs less.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "tests" / "fixtures" / "seeds" / "000_585954f18c9c2e73.txt"


def once(cmd: list[str], env: dict[str, str], forget: Path | None = None) -> tuple[float, float]:
    """(wall, cpu) seconds of one run of ``cmd``, after removing the folder ``forget``."""
    if forget is not None:
        shutil.rmtree(forget, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def describe(name: str, runs: list[tuple[float, float]]) -> str:
    wall = [w * 1000 for w, _ in runs]
    cpu = statistics.median(c for _, c in runs) * 1000
    return (
        f"{name:<40} median {statistics.median(wall):5.0f} ms   best {min(wall):5.0f} ms"
        f"   worst {max(wall):5.0f} ms   cpu {cpu:5.0f} ms"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    print(
        f"cold single-file run on {args.file.name} ({args.file.stat().st_size} bytes), {args.runs} runs, "
        f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
    )
    lint = [sys.executable, "-m", "newslint", "--format", "json"]
    codespell = shutil.which("codespell") or shutil.which("codespell", path=str(Path(sys.executable).parent))
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        **({"codespell FILE": [codespell, str(args.file)]} if codespell else {}),
        "newslint --format json FILE (cache hit)": [*lint, str(args.file)],
        "newslint --format json FILE (cache miss)": [*lint, str(args.file)],
        "newslint --format json --no-cache FILE": [*lint, "--no-cache", str(args.file)],
    }
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "NEWSLINT_CACHE_DIR": cache}
        results = Path(cache) / "results"
        for cmd in commands.values():  # warm the OS file cache, the caches and prepared data
            once(cmd, env)
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                runs[name].append(once(cmd, env, results if "miss" in name else None))
    for name, got in runs.items():
        print(describe(name, got))


if __name__ == "__main__":
    main()
