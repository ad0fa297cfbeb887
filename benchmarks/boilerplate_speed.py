"""Seconds per MB of each boilerplate rule on clean news (documents parsed once, then timed).

Usage: .venv/bin/python benchmarks/boilerplate_speed.py [--repeat N] [--rules DIR] [--html] [CORPUS...]
Reads ../shared/corpora/clean/{bbc,zyte} by default, plus every trafilatura page as text, and
prints each rule's best-of-N time over the whole set, scaled to seconds per MB of prose, and the
best total of the N runs of all rules in turn. With
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


def timed(rules: list, docs: list, repeat: int) -> tuple[dict[str, float], float]:
    """Each rule's best CPU seconds over ``repeat`` runs of all the rules in turn, and the best
    total of a run. Each run starts from the documents as read (views that rules share, such as
    the page model's block features, are computed once a run, by the first rule that needs them,
    as in linting)."""
    fresh = [dict(doc.cache) for doc in docs]
    best: dict[str, float] = {rule.id: float("inf") for rule in rules}
    total = float("inf")
    for _ in range(repeat):
        for doc, views in zip(docs, fresh, strict=True):
            doc.cache = dict(views)
        run = 0.0
        for rule in rules:
            module = kind_module(rule.kind)
            extra = ((),) if getattr(module, "NEEDS_FINDINGS", False) else ()
            ctx = Context()
            began = time.process_time()
            for doc in docs:
                for _finding in module.check(rule, doc, ctx, *extra):
                    pass
            seconds = time.process_time() - began
            best[rule.id] = min(best[rule.id], seconds)
            run += seconds
        total = min(total, run)
    return best, total


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
    best, total = timed(load_rules(Path(args.rules)), docs, args.repeat)
    for rule_id, seconds in sorted(best.items(), key=lambda kv: -kv[1]):
        print(f"  {rule_id:<36} {seconds:6.3f} s  = {seconds / mb:6.3f} s/MB")
    print(
        f"{len(docs)} documents, {mb:.2f} MB of {'HTML' if args.html else 'prose'}; all boilerplate rules {total:.2f} s = {total / mb:.2f} s/MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
