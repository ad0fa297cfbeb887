"""Memory and time of one big article built from realistic paragraphs.

    .venv/bin/python benchmarks/big_article.py [--mb 5] [--corpus DIR] [--emoji] [--file PATH]
                                               [--steps N | --trace N]

Builds an article of ``--mb`` megabytes from the body paragraphs of the corpus (default
../shared/corpora/clean), repeated in a shuffled order, under one headline (``--emoji`` puts one
emoji in the headline, which makes Python hold the text at 4 bytes a character). Without
``--trace`` it runs ``newslint --no-cache --format json`` on it in a fresh process and prints
wall seconds, peak RSS (MiB) and the number of findings. With ``--trace N`` it lints in this
process under tracemalloc and prints each rule's transient peak and the N largest holders (by
line) after the rule that left most held; ``--steps N`` lints in this process noting the resident
size after each rule (cheap, Linux). ``--file`` measures a given file instead.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "clean"


def paragraphs(corpus: Path) -> list[str]:
    """Body paragraphs (all but each file's first line) of every text file of the corpus."""
    out: list[str] = []
    for path in sorted(corpus.rglob("*.txt")):
        parts = [p.strip() for p in path.read_text(encoding="utf-8", errors="replace").split("\n\n")]
        out.extend(p for p in parts[1:] if len(p) > 40)
    return out


def article(n_bytes: int, corpus: Path, emoji: bool) -> bytes:
    """A headline and shuffled corpus paragraphs up to ``n_bytes``."""
    pool = paragraphs(corpus)
    rng = random.Random(3)
    parts = ["Markets rally as talks resume" + (" \U0001f4c8" if emoji else "")]
    size = len(parts[0])
    while size < n_bytes:
        p = rng.choice(pool)
        parts.append(p)
        size += len(p.encode()) + 2
    return "\n\n".join(parts).encode()


def run(path: Path) -> None:
    """One ``newslint`` run in a fresh process (in the article's folder, so that PYTHONPATH, not
    the current folder, picks the package): wall seconds, peak RSS, findings."""
    cmd = [sys.executable, "-m", "newslint", "--no-cache", "--format", "json", str(path)]
    started = time.monotonic()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, cwd=path.parent)
        err = proc.stderr.read() if proc.stderr else b""
        _, _, usage = os.wait4(proc.pid, 0)
        seconds = time.monotonic() - started
        out.seek(0)
        found = json.load(out)
    print(
        f"{path.stat().st_size / 1e6:.1f} MB: {seconds:.2f} s, peak {usage.ru_maxrss / 1024:.0f} MiB, {len(found)} findings"
    )
    if err:
        print(err.decode("utf-8", "replace").splitlines()[0])


def trace(path: Path, top: int) -> None:
    """Lint under tracemalloc: each rule's transient peak above what was held before it, and the
    largest holders at the end of the rule after which the most memory was held."""
    from newslint.api import make_linter
    from newslint.engine import lint

    linter = make_linter()
    data = path.read_bytes()
    linter.lint_bytes("warm.txt", b"Headline\n\nA short paragraph.\n", Path("warm.txt"))
    rules: list[tuple[float, float, str]] = []
    best: list[object] = [0, None]
    original = lint.Linter._run

    def timed(self, rule, doc, *args, **kwargs):  # type: ignore[no-untyped-def]
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        out = original(self, rule, doc, *args, **kwargs)
        current, peak = tracemalloc.get_traced_memory()
        rules.append(((peak - before) / 2**20, current / 2**20, rule.id))
        if current > best[0]:  # type: ignore[operator]
            best[:] = [current, tracemalloc.take_snapshot()]
        return out

    lint.Linter._run = timed  # type: ignore[method-assign]
    tracemalloc.start()
    started = time.process_time()
    result = linter.lint_bytes(path.name, data, path, fmt=None)
    seconds = time.process_time() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"{len(result.findings)} findings, {seconds:.1f} s CPU (traced), peak {peak / 2**20:.0f} MiB traced")
    print("rules with the largest transient peak (MiB above before; MiB held after):")
    for extra, held, rid in sorted(rules, reverse=True)[:top]:
        print(f"  {extra:7.1f} {held:7.1f}  {rid}")
    print(f"largest holders after the rule leaving most held ({best[0] / 2**20:.0f} MiB):")  # type: ignore[operator]
    for stat in best[1].statistics("lineno")[:top]:  # type: ignore[union-attr]
        frame = stat.traceback[0]
        print(f"  {stat.size / 2**20:7.1f} MiB  {frame.filename.split('newslint/')[-1]}:{frame.lineno}")


def _status(field: str) -> float:
    """A ``/proc/self/status`` memory figure (VmRSS, VmHWM) in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def rss_steps(path: Path, top: int) -> None:
    """Lint in this process, noting the resident size and its high-water mark after each rule:
    the rules after which the high-water mark rose most (Linux only)."""
    from newslint.api import make_linter
    from newslint.engine import lint

    linter = make_linter()
    data = path.read_bytes()
    linter.lint_bytes("warm.txt", b"Headline\n\nA short paragraph.\n", Path("warm.txt"))
    steps: list[tuple[float, float, float, str]] = []
    original = lint.Linter._run

    def noted(self, rule, doc, *args, **kwargs):  # type: ignore[no-untyped-def]
        before = _status("VmHWM")
        out = original(self, rule, doc, *args, **kwargs)
        steps.append((_status("VmHWM") - before, _status("VmHWM"), _status("VmRSS"), rule.id))
        return out

    lint.Linter._run = noted  # type: ignore[method-assign]
    start = _status("VmHWM")
    started = time.process_time()
    result = linter.lint_bytes(path.name, data, path)
    seconds = time.process_time() - started
    print(
        f"{len(result.findings)} findings, {seconds:.1f} s CPU; high-water {start:.0f} MiB before, "
        f"{_status('VmHWM'):.0f} MiB after"
    )
    print("rules raising the high-water mark most (MiB raised, high-water, resident after):")
    for rise, hwm, rss, rid in sorted(steps, reverse=True)[:top]:
        print(f"  {rise:7.1f} {hwm:7.0f} {rss:7.0f}  {rid}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--emoji", action="store_true")
    parser.add_argument("--trace", type=int, default=0)
    parser.add_argument("--steps", type=int, default=0)
    parser.add_argument("--file", type=Path, help="measure this file instead of a built article")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / (args.file.name if args.file else "big.txt")
        path.write_bytes(args.file.read_bytes() if args.file else article(int(args.mb * 1e6), args.corpus, args.emoji))
        if args.trace:
            trace(path, args.trace)
        elif args.steps:
            rss_steps(path, args.steps)
        else:
            run(path)


if __name__ == "__main__":
    main()
