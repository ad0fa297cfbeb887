"""Seconds per MB of each boilerplate rule on clean news (documents parsed once, then timed).

Usage: .venv/bin/python benchmarks/boilerplate_speed.py [--repeat N] [--rules DIR] [--html] [CORPUS...]
Reads ../shared/corpora/clean/{bbc,zyte} by default, plus every trafilatura page as text, and
prints each rule's best-of-N time over the whole set, scaled to seconds per MB of prose. With
``--html``, the trafilatura pages as served (HTML) instead, in CPU seconds per MB of HTML: the
only input the page model (``boilerplate.page-furniture``) judges. Kinds that need the other
rules' findings are given none.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint.document.readers import read_document  # noqa: E402
from newslint.document.source import decode  # noqa: E402
from newslint.engine.kind import Context  # noqa: E402
from newslint.engine.kinds import kind_module  # noqa: E402
from newslint.engine.loader import load_rules  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpora"
DEFAULT = [SHARED / "clean" / "bbc", SHARED / "clean" / "zyte", SHARED / "boilerplate" / "trafilatura"]


def documents(folders: list[Path], suffix: str = "txt") -> list:
    paths = [p for folder in folders for p in sorted(Path(folder).glob(f"*.{suffix}"))]
    return [read_document(decode(str(p), p.read_bytes())) for p in paths]


def timed(rule, docs: list, fresh: list[dict], repeat: int) -> float:
    module = kind_module(rule.kind)
    extra = ((),) if getattr(module, "NEEDS_FINDINGS", False) else ()
    best = float("inf")
    for _ in range(repeat):
        for doc, views in zip(docs, fresh, strict=True):
            doc.cache = dict(views)  # as read: no views another rule or repeat computed
        ctx = Context()
        began = time.process_time()
        for doc in docs:
            for _finding in module.check(rule, doc, ctx, *extra):
                pass
        best = min(best, time.process_time() - began)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", default=[str(p) for p in DEFAULT])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rules", default=str(ROOT / "rules" / "boilerplate"))
    ap.add_argument("--html", action="store_true", help="the trafilatura pages as HTML, per MB of HTML")
    args = ap.parse_args()
    if args.html:
        docs = documents([DEFAULT[-1]] if args.corpora == [str(p) for p in DEFAULT] else args.corpora, "html")
        mb = sum(len(d.source.text) for d in docs) / 1e6
    else:
        docs = documents([Path(c) for c in args.corpora])
        mb = sum(len(d.text) for d in docs) / 1e6
    rules = load_rules(Path(args.rules))
    total = 0.0
    fresh = [dict(d.cache) for d in docs]
    rows = []
    for rule in rules:
        seconds = timed(rule, docs, fresh, args.repeat)
        total += seconds
        rows.append((seconds, rule.id))
    for seconds, rule_id in sorted(rows, reverse=True):
        print(f"  {rule_id:<36} {seconds:6.3f} s  = {seconds / mb:6.3f} s/MB")
    print(
        f"{len(docs)} documents, {mb:.2f} MB of {'HTML' if args.html else 'prose'}; all boilerplate rules {total:.2f} s = {total / mb:.2f} s/MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
