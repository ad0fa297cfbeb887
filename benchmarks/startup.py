"""Time newslint on one article from a cold process (start-up included).

Usage: python benchmarks/startup.py [FILE] [--runs N]

Runs `python -m newslint --format json FILE` N times: with a result-cache hit (lints nothing); with
a cache miss (a new article: the cache folder holds the parsed built-in rules, not this file's
result); and with ``--no-cache`` (no result read or written; the rules still come from the rule
and pattern stores, which hold no findings). Alternates them so that load on the machine falls on
all alike, beside a bare `python -c pass` for the interpreter's own share, and codespell on the
same file when it is installed (the issue's yardstick). Prints the median, best and worst wall
time and the median CPU time (user + system of the child), which load disturbs less, and each
run's ratio to codespell's median.

Measures newslint as an installed wheel runs: the package is byte-compiled first and
``PYTHONDONTWRITEBYTECODE`` is dropped from the children's environment (with it set, an editable
install recompiles every module at every start).
"""

from __future__ import annotations

import argparse
import compileall
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


def describe(name: str, runs: list[tuple[float, float]], yardstick: float | None) -> str:
    wall = [w * 1000 for w, _ in runs]
    median = statistics.median(wall)
    cpu = statistics.median(c for _, c in runs) * 1000
    ratio = f"   {median / yardstick:4.2f}x codespell" if yardstick else ""
    return (
        f"{name:<40} median {median:5.0f} ms   best {min(wall):5.0f} ms"
        f"   worst {max(wall):5.0f} ms   cpu {cpu:5.0f} ms{ratio}"
    )


def compiled_env(cache: str) -> dict[str, str]:
    """The children's environment: bytecode allowed, newslint's modules compiled already."""
    import newslint

    compileall.compile_dir(Path(newslint.__file__).parent, quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "NEWSLINT_CACHE_DIR": cache}


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
        env = compiled_env(cache)
        results = Path(cache) / "results"
        for cmd in commands.values():  # warm the OS file cache, the caches and prepared data
            once(cmd, env)
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                runs[name].append(once(cmd, env, results if "miss" in name else None))
    yardstick = statistics.median(w for w, _ in runs["codespell FILE"]) * 1000 if codespell else None
    for name, got in runs.items():
        print(describe(name, got, yardstick))


if __name__ == "__main__":
    main()
