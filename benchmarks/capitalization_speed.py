"""Time of the capitalization rules on one big export: the clean corpus joined into one file.

    .venv/bin/python benchmarks/capitalization_speed.py [--mb 5.5]

Prints the time to decode and build the document (shared by every rule) and each rule's own
``check`` time on that document, in order (the first rule to use a shared capitalization view pays
for it; data loading included) and again alone on a fresh document (paying for every view it uses).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newslint.document.readers import read_document
from newslint.document.source import decode
from newslint.engine.kinds import kind_module
from newslint.engine.lint import context_for
from newslint.engine.loader import load_rules
from newslint.settings.config import Config

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT.parent / "shared" / "corpora" / "clean"


def export(mb: float) -> bytes:
    """The clean articles joined by blank lines, repeated up to ``mb`` megabytes."""
    parts = [p.read_bytes().strip() for p in sorted(CLEAN.glob("*/*.txt"))]
    one = b"\n\n".join(parts)
    out = one
    while len(out) < mb * 1e6:
        out += b"\n\n" + one
    return out[: int(mb * 1e6)].rsplit(b"\n\n", 1)[0] + b"\n"


def build(data: bytes):
    """The document with its shared views (tokens, sentences, block token ranges) computed."""
    doc = read_document(decode("export.txt", data), None)
    doc.tokens, doc.sentences, doc.block_tokens  # noqa: B018
    return doc


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=5.5)
    args = parser.parse_args()
    data = export(args.mb)
    t = time.perf_counter()
    doc = build(data)
    print(f"{len(data) / 1e6:.1f} MB, {len(doc.tokens)} tokens; document built in {time.perf_counter() - t:.2f} s")
    ctx = context_for(Config())
    rules = load_rules(ROOT / "rules" / "capitalization")
    total = 0.0
    for rule in rules:
        t = time.perf_counter()
        n = sum(1 for _ in kind_module(rule.kind).check(rule, doc, ctx))
        first = time.perf_counter() - t
        fresh = build(data)
        t = time.perf_counter()
        sum(1 for _ in kind_module(rule.kind).check(rule, fresh, ctx))
        again = time.perf_counter() - t
        total += first
        print(f"  {rule.id:<36} {first:6.2f} s first, {again:6.2f} s alone on a fresh document, {n} findings")
    print(f"  all capitalization rules, one document: {total:.2f} s")


if __name__ == "__main__":
    main()
