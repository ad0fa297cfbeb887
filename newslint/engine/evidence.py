"""Document-wide evidence for a document linted in windows.

Some kinds weigh what the whole article does: how often it writes a word (a form written twice is
no typo), which words it capitalizes in running text (``China`` makes ``china`` a slip), which
capitalized pairs it uses (``Wall Street``). Each such view is a count or a set with no offsets,
cached on the document under a key. A kind that reads one names its key in ``EVIDENCE``; for a
windowed document the views are gathered window by window in a first pass, merged, and put in
every window's cache, so that the kinds judge each window by the whole document's evidence,
as in one pass. The first pass costs a second tokenizing of the text (one window at a time).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from newslint.document.model import Document
from newslint.engine.kinds import capital_names, kind_module
from newslint.engine.loader import Rule
from newslint.engine.support import capital_common, spell_words

Gatherer = tuple[Callable[[Document], Any], Callable[[Any, Any], Any]]


def _counts(a: Counter[str], b: Counter[str]) -> Counter[str]:
    a.update(b)
    return a


def _words(a: set[str], b: set[str]) -> set[str]:
    a |= b
    return a


def _names(a: capital_common.Evidence, b: capital_common.Evidence) -> capital_common.Evidence:
    """Name evidence of two windows, in order (a pair seen in both keeps the later spelling, as
    one pass over the document would)."""
    for mine, theirs in ((a.alone, b.alone), (a.anywhere, b.anywhere)):
        for word, forms in theirs.items():
            mine.setdefault(word, Counter()).update(forms)
    a.pairs.update(b.pairs)
    a.links.update(b.links)
    a.total.update(b.total)
    return a


def _uses(a: tuple[frozenset[str], frozenset[str], Counter[str]], b: Any) -> Any:
    a[2].update(b[2])
    return a[0] | b[0], a[1] | b[1], a[2]


# cache key -> (compute the view on one document, merge a later window's view into it)
GATHERERS: dict[str, Gatherer] = {
    "spell_counts": (spell_words.counts, _counts),
    "spell_midcaps": (spell_words.mid_sentence_capitals, _words),
    "capital.names": (capital_common.name_evidence, _names),
    "capital.lower": (capital_common.lower_counts, _counts),
    "capital.name_uses": (capital_names._name_uses, _uses),
    "capital.modifiers": (capital_names._modifiers, _counts),
}


def needed(rules: Iterable[Rule]) -> list[str]:
    """The evidence keys the rules' kinds read, in the order of :data:`GATHERERS`."""
    keys = {key for rule in rules for key in getattr(kind_module(rule.kind), "EVIDENCE", ())}
    return [key for key in GATHERERS if key in keys]


def gather(docs: Iterable[Document], keys: list[str]) -> dict[str, Any]:
    """The merged views of the documents (the windows, in order) under ``keys``."""
    out: dict[str, Any] = {}
    for doc in docs:
        for key in keys:
            compute, merge = GATHERERS[key]
            view = compute(doc)
            out[key] = merge(out[key], view) if key in out else view
    return out
