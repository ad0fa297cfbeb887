"""Time of the duplicate rules on a 5 MB export: 20,000 paragraphs, 2,000 of them repeats.

Usage: .venv/bin/python benchmarks/duplicate_speed.py [--paragraphs N] [--repeats N]
Builds a synthetic article (Zipf-distributed words, fixed seed), repeats 2,000 paragraphs (half exact,
half with one word dropped) and lints it with the duplicate rules; prints the CPU time of reading,
of the rules, and how many repeats were found.
"""

from __future__ import annotations

import argparse
import itertools
import random
import time
from pathlib import Path

from newslint.api import make_linter
from newslint.document.readers import read_document
from newslint.document.source import decode
from newslint.engine.lint import FileResult
from newslint.settings.config import Config

WORDS = (
    "the of and to in a is that for on with as was by at from it an be has are his said have not "
    "government minister police year people city court report company market election party "
    "president officials week month deal plan talks security economy prices bank vote health "
    "school water energy border trade support council leader police statement summit crisis"
).split()


def vocabulary(rng: random.Random, size: int = 5000) -> tuple[list[str], list[float]]:
    """News-like function words plus made-up content words, with Zipf frequencies."""
    letters = "abcdefghijklmnoprstuvw"
    made = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 10))) for _ in range(size)]
    words = WORDS + made
    return words, list(itertools.accumulate(1 / (rank + 1) for rank in range(len(words))))


def paragraph(rng: random.Random, vocab: tuple[list[str], list[float]]) -> str:
    drawn = rng.choices(vocab[0], cum_weights=vocab[1], k=rng.randint(30, 50))
    words = [w for i, w in enumerate(drawn) if i == 0 or w != drawn[i - 1]]
    words.insert(rng.randrange(len(words)), f"n{rng.randrange(10**9)}")  # keeps paragraphs distinct
    return " ".join(words).capitalize() + "."


def build(n: int, repeats: int, seed: int = 7) -> tuple[str, int]:
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    paras = [paragraph(rng, vocab) for _ in range(n - repeats)]
    for k in range(repeats):
        src = rng.randrange(len(paras))
        words = paras[src].split()
        if k % 2:
            del words[rng.randrange(1, len(words) - 1)]
        paras.insert(rng.randrange(src + 1, len(paras) + 1), " ".join(words))
    return "\n\n".join(paras) + "\n", repeats


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--paragraphs", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=2_000)
    args = parser.parse_args()
    text, repeats = build(args.paragraphs, args.repeats)
    data = text.encode("utf-8")
    linter = make_linter(Config(select=["duplicate"]))
    rules = linter.active_rules(Path("big.txt"))
    began = time.process_time()
    doc = read_document(decode("big.txt", data), None)
    _ = doc.tokens, doc.sentences
    read = time.process_time() - began
    counts = {}
    for rule in rules:
        t = time.process_time()
        found = linter.check(doc, [rule], FileResult("big.txt"))
        counts[rule.id] = (len(found), time.process_time() - t)
    rules_time = time.process_time() - began - read
    t = time.process_time()
    total = len(linter.lint_bytes("big.txt", data, Path("big.txt")).findings)
    whole = time.process_time() - t
    print(f"{len(data) / 1e6:.1f} MB, {args.paragraphs} paragraphs, {repeats} repeats injected")
    print(f"read + tokens + sentences: {read:.2f}s; duplicate rules: {rules_time:.2f}s")
    for rule_id, (n, secs) in counts.items():
        print(f"  {rule_id}: {n} findings in {secs:.2f}s")
    paragraph_found = counts.get("duplicate.paragraph", (0, 0))[0] + counts.get("duplicate.near-paragraph", (0, 0))[0]
    print(f"paragraph repeats found: {paragraph_found}/{repeats}")
    print(f"whole lint_bytes with the duplicate rules (findings placed in the file): {whole:.2f}s, {total} findings")


if __name__ == "__main__":
    main()
