"""Document-wide evidence for a document linted in windows.

Some kinds weigh what the whole article does: how often it writes a word (a form written twice is
no typo), which words it capitalizes in running text (``China`` makes ``china`` a slip), which
capitalized pairs it uses (``Wall Street``). Each such view is a count or a set with no offsets,
cached on the document under a key. A kind that reads one names its key in ``EVIDENCE``; for a
windowed document the views are gathered window by window in a first pass, merged, and put in
every window's cache (and the whole document's, for the kinds that run once over it), so that
the kinds judge each window by the whole document's evidence, as in one pass. The first pass costs a second tokenizing of the text (one window at a time).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from newslint.document.model import Block, Document
from newslint.engine.kinds import capital_names, kind_module
from newslint.engine.loader import Rule
from newslint.engine.similarity import BlockKeys, block_keys
from newslint.engine.support import capital_common, spell_words


class Part:
    """A window as the first pass sees it: where its prose and its blocks start in the whole
    document, and the whole document's blocks."""

    __slots__ = ("base", "first", "blocks")

    def __init__(self, base: int, first: int, blocks: list[Block]) -> None:
        self.base, self.first, self.blocks = base, first, blocks


Gatherer = tuple[Callable[[Document], Any], Callable[[Any, Any, Part], Any]]


def _counts(a: Counter[str] | None, b: Counter[str], part: Part) -> Counter[str]:
    if a is None:
        return b
    a.update(b)
    return a


def _words(a: set[str] | None, b: set[str], part: Part) -> set[str]:
    if a is None:
        return b
    a |= b
    return a


def _names(a: capital_common.Evidence | None, b: capital_common.Evidence, part: Part) -> capital_common.Evidence:
    """Name evidence of two windows, in order (a pair seen in both keeps the later spelling, as
    one pass over the document would)."""
    if a is None:
        return b
    for mine, theirs in ((a.alone, b.alone), (a.anywhere, b.anywhere)):
        for word, forms in theirs.items():
            mine.setdefault(word, Counter()).update(forms)
    a.pairs.update(b.pairs)
    a.links.update(b.links)
    a.total.update(b.total)
    return a


def _uses(a: Any, b: tuple[frozenset[str], frozenset[str], Counter[str]], part: Part) -> Any:
    if a is None:
        return b
    a[2].update(b[2])
    return a[0] | b[0], a[1] | b[1], a[2]


def _forms(a: Any, b: dict[Any, spell_words.Pieces], part: Part) -> Any:
    return b if a is None else spell_words.moved_forms(a, b, part.base)


def _block_keys(a: BlockKeys | None, b: BlockKeys, part: Part) -> BlockKeys:
    """Block keys of a window appended to those of the windows before (the windows partition
    the blocks, so key ``i`` is the whole document's block ``i``)."""
    if a is None:
        return b
    a.extend(b)
    return a


# cache key -> (compute the view on one window, merge it into the views of the windows before)
GATHERERS: dict[str, Gatherer] = {
    "spell_counts": (spell_words.counts, _counts),
    "spell_midcaps": (spell_words.mid_sentence_capitals, _words),
    "capital.names": (capital_common.name_evidence, _names),
    "capital.lower": (capital_common.lower_counts, _counts),
    "capital.name_uses": (capital_names._name_uses, _uses),
    "capital.modifiers": (capital_names._modifiers, _counts),
    "spell_variants": (spell_words.variant_forms, _forms),
    "similarity.block_keys": (block_keys, _block_keys),
}


def needed(rules: Iterable[Rule]) -> list[str]:
    """The evidence keys the rules' kinds read, in the order of :data:`GATHERERS`."""
    keys = {key for rule in rules for key in getattr(kind_module(rule.kind), "EVIDENCE", ())}
    return [key for key in GATHERERS if key in keys]


def gather(doc: Document, parts: Iterable[tuple[Document, int, int]], keys: list[str]) -> dict[str, Any]:
    """The merged views under ``keys`` of the parts of a document: its windows in order, each
    with the offset where its prose starts (the first at 0) and the index of its first block."""
    out: dict[str, Any] = {}
    for window, base, first in parts:
        part = Part(base, first, doc.blocks)
        for key in keys:
            compute, merge = GATHERERS[key]
            out[key] = merge(out.get(key), compute(window), part)
    return out
