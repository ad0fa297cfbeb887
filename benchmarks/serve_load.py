"""Load on ``newslint serve`` over loopback: concurrent clients posting real articles.

Usage: nice -n 10 .venv/bin/python benchmarks/serve_load.py [--clients 50] [--requests 10000]
       [--seconds 300] [--warm 200] [--half test]

Starts the server on a free loopback port, sends articles of about 5 KB from one half of
../shared/corpora/clean (split by file name), and stops at --requests or --seconds, whichever
comes first. Prints errors by status, latency percentiles once warm (after --warm requests),
and the server's resident memory every 1,000 requests.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from halves import split  # noqa: E402

CLEAN = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "clean"


def articles(which: str, size: int = 5000, count: int = 30) -> list[str]:
    """The ``count`` articles of the half closest to ``size`` bytes."""
    files = split(sorted(CLEAN.glob("*/*.txt")), key=lambda p: p.name)[which]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    return sorted(texts, key=lambda t: abs(len(t.encode()) - size))[:count]


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def start_server() -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-m", "newslint", "serve", "--port", str(port)]
    proc = subprocess.Popen(cmd, cwd=tempfile.mkdtemp(prefix="serve-load-"))
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            httpx.get(url + "/healthz", timeout=1)
            return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start")


async def load(url: str, texts: list[str], args: argparse.Namespace, pid: int) -> None:
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    memory: list[tuple[int, int]] = []
    sent = 0
    stop = time.monotonic() + args.seconds

    async def client(n: int, http: httpx.AsyncClient) -> None:
        nonlocal sent
        while sent < args.requests and time.monotonic() < stop:
            number = sent
            sent += 1
            body = {"text": texts[number % len(texts)], "format": "txt"}
            t0 = time.perf_counter()
            try:
                r = await http.post(url + "/v1/check", json=body)
                key = str(r.status_code)
            except httpx.HTTPError as exc:
                key = type(exc).__name__
            if number >= args.warm:
                latencies.append(time.perf_counter() - t0)
            statuses[key] = statuses.get(key, 0) + 1
            if number % 1000 == 0:
                memory.append((number, rss_kib(pid)))

    limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
    async with httpx.AsyncClient(limits=limits, timeout=60) as http:
        t0 = time.monotonic()
        await asyncio.gather(*(client(n, http) for n in range(args.clients)))
        elapsed = time.monotonic() - t0
    memory.append((sent, rss_kib(pid)))
    report(latencies, statuses, memory, sent, elapsed, texts)


def report(latencies, statuses, memory, sent, elapsed, texts) -> None:  # type: ignore[no-untyped-def]
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [float("nan")] * 99
    sizes = sorted(len(t.encode()) for t in texts)
    print(f"articles: {len(texts)}, {sizes[0]}-{sizes[-1]} bytes (median {sizes[len(sizes) // 2]})")
    print(f"requests: {sent} in {elapsed:.1f} s ({sent / elapsed:.0f}/s); statuses: {statuses}")
    print(f"latency once warm (ms): p50 {q[49] * 1000:.0f}, p95 {q[94] * 1000:.0f}, p99 {q[98] * 1000:.0f}")
    print("server RSS (MiB) by request: " + ", ".join(f"{n}: {kib / 1024:.0f}" for n, kib in memory))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--clients", type=int, default=50)
    p.add_argument("--requests", type=int, default=10000)
    p.add_argument("--seconds", type=float, default=300)
    p.add_argument("--warm", type=int, default=200)
    p.add_argument("--half", choices=("tune", "test"), default="test")
    args = p.parse_args()
    texts = articles(args.half)
    proc, url = start_server()
    try:
        asyncio.run(load(url, texts, args, proc.pid))
    finally:
        proc.terminate()
        proc.wait(10)


if __name__ == "__main__":
    main()
