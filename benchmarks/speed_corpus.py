"""newslint against codespell and proselint on the same files, side by side in one run.

Usage: python benchmarks/speed_corpus.py [--corpus DIR] [--runs N] [--proselint-runs N] [--jobs N]

Measures, each as the median wall and CPU time of N runs with the peak resident memory of the largest process:
  - newslint, every built-in rule (LanguageTool off: no server is configured), no cache, --jobs 1 and
    --jobs CORES; with the rules and patterns cached but no results (a first run on an export, on a
    machine that has run newslint before); then re-run on the unchanged corpus with a warm cache;
  - newslint with one rule that reads no tokens (start-up, reading and parsing only: the floor),
    and with spelling.typo alone (the same job as codespell's);
  - codespell and proselint (installed in the same environment by the ``bench`` extra; a missing
    one is reported and left out);
  - newslint on one article from a cold process: a file it has not seen (the prepared data and rules
    cached, as after any first run), and with --no-cache (no result cached; the rules still from their stores);
  - newslint on every other file and on the corpus copied twice (temporary folders), to see whether
    time grows linearly with the input.
The machine's core count and load average are printed with the figures, and the comparisons as
ratios of wall time and of CPU time (user + system, the worker processes' included): on a busy
machine, compare the tools within one run, not across runs, and prefer the CPU ratios.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "clean"
BIN = Path(sys.executable).parent
SEED = ROOT / "tests" / "fixtures" / "seeds" / "000_585954f18c9c2e73.txt"


def timed(cmd: list[str], cwd: Path | None = None) -> tuple[float, int, float]:
    """Wall seconds, peak RSS in MB and CPU seconds (user + system, of the process and the worker
    processes it waited for)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    return time.perf_counter() - start, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime


def measure(
    name: str,
    cmd: list[str] | Callable[[], list[str]],
    runs: int,
    rows: list[tuple[str, float, int]],
    forget: Path | None = None,
) -> float:
    """Median wall time of ``runs`` runs of ``cmd`` (or of the command it makes before each run),
    removing the folder ``forget`` before each; its median CPU time goes to ``CPU[name]``."""
    samples = []
    for _ in range(runs):
        if forget is not None:
            shutil.rmtree(forget, ignore_errors=True)
        samples.append(timed(cmd() if callable(cmd) else cmd))
    wall = statistics.median(s[0] for s in samples)
    rss = max(s[1] for s in samples)
    cpu = CPU[name] = statistics.median(s[2] for s in samples)
    spread = f"{min(s[0] for s in samples):6.2f}-{max(s[0] for s in samples):6.2f}"
    print(
        f"  {name:<44} median {wall:7.2f} s  (range {spread} s, {runs} runs)  CPU {cpu:7.2f} s  peak RSS {rss:4d} MB",
        flush=True,
    )
    rows.append((name, wall, rss))
    return wall


CPU: dict[str, float] = {}  # median CPU seconds by the name measure() printed


def tool(name: str, cmd: list[str], runs: int, rows: list[tuple[str, float, int]]) -> float | None:
    """``measure`` for another linter, or None with a note when it is not installed."""
    if not Path(cmd[0]).exists():
        print(f"  {name:<44} not installed: pip install -e '.[bench]'", flush=True)
        return None
    return measure(name, cmd, runs, rows)


def rules_only(cache: Path) -> Path:
    """A new cache folder holding only ``cache``'s rule and pattern stores (a fresh folder rather
    than an emptied one: on some file systems, files deleted just before slow the next run's writes)."""
    folder = Path(tempfile.mkdtemp(dir=cache.parent, prefix="rules-only-"))
    shutil.copytree(cache / "rules", folder / "rules")
    return folder


def files_of(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*.txt") if p.is_file())


def copied(files: list[Path], folder: Path, name: str, copies: tuple[str, ...]) -> Path:
    """The files copied into a temporary folder, once per prefix in ``copies``."""
    out = folder / name
    out.mkdir()
    for i, f in enumerate(files):
        for copy in copies:
            shutil.copyfile(f, out / f"{copy}_{i:05d}_{f.name}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--proselint-runs", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    files = files_of(args.corpus)
    size = sum(f.stat().st_size for f in files)
    words = sum(len(f.read_text(encoding="utf-8", errors="replace").split()) for f in files)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"corpus {args.corpus}: {len(files)} files, {size / 1e6:.2f} MB, {words} words")
    print(f"machine: {os.cpu_count()} cores, load average {load} at start, Python {sys.version.split()[0]}")
    py = sys.executable
    nl = [py, "-m", "newslint", "-q", "--format", "json"]
    rows: list[tuple[str, float, int]] = []
    with tempfile.TemporaryDirectory(prefix="newslint-bench-") as tmp:
        tmpdir = Path(tmp)
        cache = tmpdir / "cache"
        timed([*nl, "--no-cache", str(SEED)])  # warm the OS file cache and the byte-code
        one = measure(
            "newslint --jobs 1 (no cache)", [*nl, "--no-cache", "--jobs", "1", str(args.corpus)], args.runs, rows
        )
        par = measure(
            f"newslint --jobs {args.jobs} (no cache)",
            [*nl, "--no-cache", "--jobs", str(args.jobs), str(args.corpus)],
            args.runs,
            rows,
        )
        timed([*nl, "--cache-dir", str(cache), "--jobs", str(args.jobs), str(args.corpus)])  # fill the cache
        measure(
            f"newslint --jobs {args.jobs}, new files (rules cached)",
            lambda: [*nl, "--cache-dir", str(rules_only(cache)), "--jobs", str(args.jobs), str(args.corpus)],
            args.runs,
            rows,
        )
        measure(
            "newslint, unchanged corpus, warm cache",
            [*nl, "--cache-dir", str(cache), "--jobs", str(args.jobs), str(args.corpus)],
            args.runs,
            rows,
        )
        floor = measure(
            f"newslint --jobs {args.jobs}, one rule, no tokens (floor)",
            [*nl, "--no-cache", "--jobs", str(args.jobs), "--select", "encoding.not-utf8", str(args.corpus)],
            args.runs,
            rows,
        )
        typo = measure(
            f"newslint --jobs {args.jobs}, spelling.typo alone",
            [*nl, "--no-cache", "--jobs", str(args.jobs), "--select", "spelling.typo", str(args.corpus)],
            args.runs,
            rows,
        )
        spell = tool("codespell", [str(BIN / "codespell"), str(args.corpus)], args.runs, rows)
        prose = tool("proselint check", [str(BIN / "proselint"), "check", str(args.corpus)], args.proselint_runs, rows)
        one_dir = tmpdir / "one-cache"
        timed([*nl, "--cache-dir", str(one_dir), str(SEED)])  # the prepared data and rules, as after a first run
        cold = measure(
            "newslint, one article, cold process (new file)",
            [*nl, "--cache-dir", str(one_dir), str(SEED)],
            max(5, args.runs),
            rows,
            forget=one_dir / "results",
        )
        bare = measure("newslint, one article, --no-cache", [*nl, "--no-cache", str(SEED)], max(5, args.runs), rows)
        measure("python -c pass (interpreter start)", [py, "-c", "pass"], max(5, args.runs), rows)
        half = copied(files[::2], tmpdir, "half", ("a",))
        par_half = measure(
            f"newslint --jobs {args.jobs}, every other file (no cache)",
            [*nl, "--no-cache", "--jobs", str(args.jobs), str(half)],
            args.runs,
            rows,
        )
        twice = copied(files, tmpdir, "twice", ("a", "b"))
        par2 = measure(
            f"newslint --jobs {args.jobs}, corpus x2 (no cache)",
            [*nl, "--no-cache", "--jobs", str(args.jobs), str(twice)],
            args.runs,
            rows,
        )
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average at the end: {load}")
    print(f"ratios on {os.cpu_count()} cores (wall time; CPU time, which other load disturbs less):")
    nl_par, nl_one = f"newslint --jobs {args.jobs} (no cache)", "newslint --jobs 1 (no cache)"
    if spell:
        print(
            f"newslint --jobs {args.jobs} / codespell: {par / spell:.1f}x the wall time (target <= 1.0),"
            f" {CPU[nl_par] / CPU['codespell']:.1f}x the CPU time; --jobs 1: {CPU[nl_one] / CPU['codespell']:.1f}x the CPU"
        )
        print(f"  spelling.typo alone / codespell: {typo / spell:.1f}x; the floor / codespell: {floor / spell:.1f}x")
    if prose:
        print(
            f"proselint / newslint --jobs {args.jobs}: {prose / par:.1f}x the wall time (target >= 20),"
            f" {CPU['proselint check'] / CPU[nl_par]:.1f}x the CPU time"
        )
    print(
        f"newslint --jobs 1 / --jobs {args.jobs}: {one / par:.2f}x speed-up (wall);"
        f" CPU {CPU[nl_one]:.2f} s and {CPU[nl_par]:.2f} s (the workers' share of work done twice)"
    )
    print(
        f"one article, cold process: {cold * 1000:.0f} ms on a new file, {bare * 1000:.0f} ms with --no-cache (target < 200)"
    )
    print(f"corpus / half of it: {par / par_half:.2f}x the time (linear: about 2.0)")
    print(f"corpus x2 (same files twice) / corpus: {par2 / par:.2f}x the time (linear: 2.0)")


if __name__ == "__main__":
    main()
