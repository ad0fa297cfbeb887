"""CPU seconds of a windowed document's first pass (the evidence views, see engine/evidence.py).

    .venv/bin/python benchmarks/evidence_pass.py [--mb 5] [--corpus DIR] [--views]

Builds the article of ``big_article.py`` (``--mb`` megabytes of the corpus's paragraphs) in
memory, reads it, and times (process CPU time, the garbage collector paused as when linting)
the tokens and sentences of every window, then the whole first pass with every view; with
``--views``, each view on its own too (the tokens included). For an A/B, run it with each tree
first on ``PYTHONPATH``, interleaved.
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

from big_article import CORPUS, article

from newslint.document.readers import read_document
from newslint.document.source import decode
from newslint.engine import evidence, windows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=5)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--views", action="store_true")
    args = parser.parse_args()
    doc = read_document(decode("article.txt", article(int(args.mb * 1_000_000), args.corpus, False)))
    _, chars = windows.sizes()
    gc.disable()
    began = time.process_time()
    for w in windows.windows(doc, chars):
        w.doc.tokens  # noqa: B018 (made and let go)
    print(f"tokens and sentences: {time.process_time() - began:.2f} s")
    runs = [[key] for key in evidence.GATHERERS] if args.views else []
    for keys in [*runs, list(evidence.GATHERERS)]:
        began = time.process_time()
        evidence.gather(doc, ((w.doc, w.base, w.first) for w in windows.windows(doc, chars)), keys)
        print(
            f"{' + '.join(keys) if len(keys) == 1 else 'first pass, every view'}: {time.process_time() - began:.2f} s"
        )


if __name__ == "__main__":
    main()
