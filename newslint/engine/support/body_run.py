"""The article's body among a document's blocks, shared by the ``boilerplate_outside`` kind and
the page model's features: the run of blocks that holds the most prose. Each prose block scores
its words, each other block (a menu entry, a link, a label) costs its words with a floor, and the
best-scoring run is the body (the maximum-sum subarray, Kadane)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newslint.document.model import Block

# Closing punctuation, then quotes, white space and invisible separators ("U+2063").
SENTENCE_END = re.compile(r"[.!?…]['\"”’)\]]*[\s\u200b-\u200d\u2060-\u2064\ufeff]*$")


def is_prose(block: Block, min_words: int) -> bool:
    """Whether a block reads as prose: at least ``min_words`` words, ending a sentence."""
    return len(block.text.split()) >= min_words and bool(SENTENCE_END.search(block.text))


def body_run(blocks: Sequence[Block], prose: Sequence[bool], floor: int) -> tuple[int, int, int]:
    """(first, end, score) of the run of blocks with the highest score; ``prose`` says which
    blocks score their words."""
    best = (0, 0, 0)
    start, total = 0, 0
    for i, block in enumerate(blocks):
        if total <= 0:
            start, total = i, 0
        words = len(block.text.split())
        total += words if prose[i] else -max(words, floor)
        if total > best[2]:
            best = (start, i + 1, total)
    return best
