"""Time and peak memory of ``newslint`` on each nasty input, one fresh process each.

    .venv/bin/python benchmarks/nasty_inputs.py [--only NAME,...]

Prints one line per input: wall seconds, peak RSS (MiB), exit status, stderr lines (first one
shown). The bounds stated in tests/test_nasty_inputs.py's names are checked against these.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SENTENCES = [
    "The minister said on Tuesday that talks with China would resume.",
    "Markets rose sharply as investors welcomed the news.",
    "Officials in São Paulo declined to comment on the report.",
]


def _text(n_bytes: int, sep: str) -> bytes:
    rng = random.Random(5)
    parts, size = [], 0
    while size < n_bytes:
        s = rng.choice(SENTENCES)
        parts.append(s)
        size += len(s) + len(sep)
    return ("Headline\n\n" + sep.join(parts)).encode()[:n_bytes]


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as f:
        f.truncate(size)


INPUTS: dict[str, Callable[[Path], Path]] = {}


def nasty(name: str, suffix: str = ".txt") -> Callable:
    def register(make: Callable[[], bytes | None]) -> Callable:
        def build(folder: Path) -> Path:
            path = folder / f"{name}{suffix}"
            data = make()
            if data is not None:
                path.write_bytes(data)
            return path

        INPUTS[name] = build
        return make

    return register


@nasty("binary")
def _binary() -> bytes:
    return random.Random(1).randbytes(1 << 20) + b"\x00"


@nasty("nul-bytes")
def _nul() -> bytes:
    return b"Headline\n\nA paragraph.\x00 More.\n"


@nasty("invalid-utf8-middle")
def _bad_utf8() -> bytes:
    return _text(100_000, " ") + b"\xff\xfe\x81" + _text(100_000, " ")


@nasty("utf16-bom")
def _utf16() -> bytes:
    return ("\ufeff" + _text(100_000, "\n\n").decode()).encode("utf-16-le")


@nasty("empty")
def _empty() -> bytes:
    return b""


@nasty("white-space-only")
def _blank() -> bytes:
    return b" \t\n\r\n" * 100_000


@nasty("single-5mb-line")
def _line() -> bytes:
    return _text(5_000_000, " ")


@nasty("200000-tiny-paragraphs")
def _tiny() -> bytes:
    return "\n\n".join(f"Item {i} ends." for i in range(200_000)).encode()


@nasty("5mb-article")
def _article() -> bytes:
    return _text(5_000_000, "\n\n")


@nasty("50mb-article")
def _article50() -> bytes:
    return _text(50_000_000, "\n\n")


@nasty("10000-deep-html", ".html")
def _deep() -> bytes:
    return ("<div><span>" * 10_000 + " ".join(SENTENCES) + "</span></div>" * 10_000).encode()


@nasty("unclosed-html-comment", ".html")
def _comment() -> bytes:
    return b"<p>The minister spoke.</p><!-- " + _text(1_000_000, " ")


@nasty("front-matter-never-closes", ".md")
def _front() -> bytes:
    return b"---\ntitle: Hello\n" + _text(1_000_000, "\n\n")


@nasty("deep-front-matter", ".md")
def _deep_front() -> bytes:
    return b"---\ntitle: " + b"[" * 1_000_000 + b"\n---\n\nBody.\n"


@nasty("10000-letter-word")
def _long_word() -> bytes:
    return ("Photo Gallery\n\nScraped text " + "abcdefghij" * 1000 + " ends here.\n").encode()


@nasty("1mb-one-word")
def _one_word() -> bytes:
    rng = random.Random(7)
    return ("Headline\n\n" + "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=1 << 20)) + "\n").encode()


@nasty("200-words-of-10000-letters")
def _long_words() -> bytes:
    rng = random.Random(8)
    words = ("".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=10_000)) for _ in range(200))
    return ("Headline\n\n" + "\n\n".join(f"Scraped {w} ends here." for w in words) + "\n").encode()


def _hostile_config(name: str, config: str, make: Callable[[Path], None] | None = None) -> Callable[[Path], Path]:
    """A project whose ``.newslint.yaml`` is ``config``, holding a short article to lint."""

    def build(folder: Path) -> Path:
        project = folder / name
        project.mkdir()
        (project / ".newslint.yaml").write_text(config)
        if make is not None:
            make(project)
        article = project / "a.txt"
        article.write_text("Headline\n\nA paragraph.\n")
        return article

    return build


INPUTS |= {
    "config-accept-dev-zero": _hostile_config("dev-zero", "vocabulary: {accept: /dev/zero}\n"),
    "config-accept-fifo": _hostile_config("fifo", "vocabulary: {accept: w.txt}\n", lambda p: os.mkfifo(p / "w.txt")),
    "config-accept-etc-shadow": _hostile_config("shadow", "vocabulary: {accept: /etc/shadow}\n"),
    "config-accept-11mb": _hostile_config(
        "big", "vocabulary: {accept: w.txt}\n", lambda p: _sparse(p / "w.txt", 11 << 20)
    ),
    "config-rules-root": _hostile_config("root", "rules: [/]\n"),
    "config-rules-up": _hostile_config("up", "rules: [../../..]\n"),
}


def _50mb(folder: Path) -> Path:
    path = folder / "50mb.txt"
    _sparse(path, 50 << 20)
    return path


def _symlink_loop(folder: Path) -> Path:
    (folder / "loop-b").symlink_to(folder / "loop-a")
    (folder / "loop-a").symlink_to(folder / "loop-b")
    return folder / "loop-a"


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.txt")
    return folder / "pipe.txt"


def _no_permission(folder: Path) -> Path:
    path = folder / "secret.txt"
    path.write_bytes(b"Headline\n\nText.\n")
    path.chmod(0)
    return path


INPUTS |= {"50mb-file": _50mb, "symlink-loop": _symlink_loop, "fifo": _fifo, "no-permission": _no_permission}


def measure(path: Path) -> tuple[float, float, int, list[str]]:
    """(seconds, peak RSS MiB, exit status, stderr lines) of one newslint run."""
    cmd = [sys.executable, "-m", "newslint", "--no-cache", "--format", "json", str(path)]
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - started
    err = proc.stderr.read().decode("utf-8", "replace").splitlines() if proc.stderr else []
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), err


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated input names")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(INPUTS)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{'input':28} {'seconds':>8} {'MiB':>7} {'exit':>4}  stderr")
        for name in names:
            path = INPUTS[name](folder)
            seconds, mib, code, err = measure(path)
            first = err[0][:100] if err else ""
            print(f"{name:28} {seconds:8.2f} {mib:7.0f} {code:4}  {len(err)} line(s) {first}", flush=True)


if __name__ == "__main__":
    main()
