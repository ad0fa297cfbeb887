"""Where the time goes on a whole export, in one process: document building and each rule.

    .venv/bin/python benchmarks/profile_rules.py [--corpus DIR] [--runs N] [--top N]
                                                  [--language en] [--cprofile N] [--dump FILE]
                                                  [--select PREFIXES]

Reads every file of the corpus (default ../shared/corpora/clean) once, then for each run
decodes and reads every file, builds the shared views (tokens, sentences, block token ranges)
and runs every built-in rule (LanguageTool off) in the order the linter uses, timing each step
with the process CPU clock. Prints the median over the runs for the document steps and the
``--top`` slowest rules. A first, untimed pass loads the data files and warms per-process memos,
as a long run over an export would. ``--cprofile N`` adds a cProfile of one more run with the N
hottest functions; ``--dump FILE`` writes every finding as JSON lines (to compare before/after).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import pstats
import statistics
import time
from collections import defaultdict
from pathlib import Path

from newslint.document.readers import read_document
from newslint.document.source import decode
from newslint.engine.kinds import kind_module
from newslint.engine.lint import context_for, load_ruleset
from newslint.settings.config import Config

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT.parent / "shared" / "corpora" / "clean"
clock = time.process_time


def corpus(folder: Path) -> list[tuple[str, bytes]]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".html", ".htm"))
    return [(str(p), p.read_bytes()) for p in files]


def one_pass(files, rules, ctx, times: dict[str, float], dump=None) -> None:
    """Lint every file, adding each step's CPU seconds to ``times``."""
    for label, data in files:
        gc.disable()  # as the linter does while it lints one file
        try:
            one_file(label, data, rules, ctx, times, dump)
        finally:
            gc.enable()


def one_file(label: str, data: bytes, rules, ctx, times: dict[str, float], dump) -> None:
    """Decode, read and lint one file, adding each step's CPU seconds to ``times``."""
    t0 = clock()
    source = decode(label, data)
    t1 = clock()
    doc = read_document(source, None)
    t2 = clock()
    doc.tokens  # noqa: B018
    t3 = clock()
    doc.block_tokens, doc.words  # noqa: B018
    t4 = clock()
    times["doc: decode"] += t1 - t0
    times["doc: read"] += t2 - t1
    times["doc: tokens+sentences"] += t3 - t2
    times["doc: block_tokens+words"] += t4 - t3
    found: list = []
    later = [r for r in rules if getattr(kind_module(r.kind), "NEEDS_FINDINGS", False)]
    for rule in [r for r in rules if r not in later] + later:  # as the linter orders them
        kind = kind_module(rule.kind)
        t = clock()
        got = kind.check(rule, doc, ctx, tuple(found)) if rule in later else kind.check(rule, doc, ctx)
        out = list(getattr(got, "findings", got))
        times[rule.id] += clock() - t
        found.extend(out)
    if dump is not None:
        for f in found:
            dump.write(json.dumps([label, f.rule, f.start, f.end, f.message, list(f.suggestions)]) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CLEAN)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--language", default="en")
    ap.add_argument("--cprofile", type=int, default=0, metavar="N")
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--by-kind", action="store_true", help="also sum the rules' times by kind")
    ap.add_argument("--select", default="", help="comma-separated rule ids or prefixes to time (default: all)")
    args = ap.parse_args()
    files = corpus(args.corpus)
    config = Config()
    config.language = args.language
    ctx = context_for(config)
    rules = [r for r in load_ruleset(config) if r.enabled and r.kind != "languagetool"]
    if args.select:
        rules = [r for r in rules if r.id.startswith(tuple(args.select.split(",")))]
    size = sum(len(d) for _, d in files)
    print(f"{len(files)} files, {size / 1e6:.2f} MB, {len(rules)} rules, language {args.language}")
    with open(args.dump, "w") if args.dump else open("/dev/null", "w") as dump:
        one_pass(files, rules, ctx, defaultdict(float), dump if args.dump else None)  # warm-up
    samples: dict[str, list[float]] = defaultdict(list)
    for _ in range(args.runs):
        times: dict[str, float] = defaultdict(float)
        one_pass(files, rules, ctx, times)
        for key, value in times.items():
            samples[key].append(value)
    med = {k: statistics.median(v) for k, v in samples.items()}
    doc_keys = [k for k in med if k.startswith("doc: ")]
    rule_keys = sorted((k for k in med if not k.startswith("doc: ")), key=med.get, reverse=True)
    total = sum(med.values())
    print(f"total CPU per pass (median of {args.runs}): {total:.3f} s")
    for key in doc_keys:
        print(f"  {key:<44} {med[key]:7.3f} s")
    print(f"  {'rules, all':<44} {sum(med[k] for k in rule_keys):7.3f} s")
    for key in rule_keys[: args.top]:
        print(f"  {key:<44} {med[key]:7.3f} s")
    if args.by_kind:
        kinds: dict[str, float] = defaultdict(float)
        for rule in rules:
            kinds[rule.kind] += med.get(rule.id, 0.0)
        print("by kind:")
        for kind, seconds in sorted(kinds.items(), key=lambda kv: kv[1], reverse=True):
            print(f"  {kind:<44} {seconds:7.3f} s")
    if args.cprofile:
        prof = cProfile.Profile()
        prof.enable()
        one_pass(files, rules, ctx, defaultdict(float))
        prof.disable()
        pstats.Stats(prof).sort_stats(os.environ.get("PROFILE_SORT", "tottime")).print_stats(args.cprofile)


if __name__ == "__main__":
    main()
