"""``duplicate_paragraph``: a block that repeats an earlier block, exactly or nearly.

Exact repeats are equal after normalising white space, quote styles, case and trailing
punctuation; near repeats have a token-level similarity of at least ``threshold`` and are
found through hashed sketches, never by comparing every pair of blocks.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..deletion import delete_blocks
from ..document import Block, Document
from ..findings import Finding, Fix, Related
from ..rules import Rule
from ..similarity import BlockKey, NearIndex, block_keys, compare, has_letter
from . import Context, Option, OptionError

MATCHES = ("exact", "near")

OPTIONS = {
    "match": Option(str, default="exact", help="exact: equal after normalising; near: similar, not equal"),
    "threshold": Option(float, default=0.85, help="near: lowest token-level similarity (0-1) reported"),
    "min-words": Option(int, default=3, help="blocks with fewer words are never compared"),
    "min-words-changed": Option(
        int, default=20, help="near: shorter blocks are reported only for dropped words or typos, not other words"
    ),
    "min-words-apart": Option(
        int, default=10, help="exact: shorter blocks are reported only right after their previous copy"
    ),
    "block-kinds": Option(list, default=["paragraph", "list_item", "quote"], help="block kinds compared"),
}


def prepare(rule: Rule) -> dict:
    o = rule.options
    if o["match"] not in MATCHES:
        raise OptionError("match", f"must be one of {', '.join(MATCHES)}")
    if not 0.5 <= o["threshold"] <= 1:
        raise OptionError("threshold", "must be between 0.5 and 1")
    if o["min-words"] < 1:
        raise OptionError("min-words", "must be at least 1")
    if not all(isinstance(k, str) for k in o["block-kinds"]):
        raise OptionError("block-kinds", "must be a list of block kinds")
    return {"kinds": frozenset(o["block-kinds"])}


def delete_block(doc: Document, block: Block, safe: bool) -> Fix | None:
    """Deleting ``block`` whole (its element or source lines) with the blank line around it."""
    return delete_blocks(doc, block, block, safe)


def report(rule: Rule, doc: Document, later: Block, first: Block, safe: bool, **values: object) -> Finding:
    line = doc.span(first.start, first.start)[0]
    message = rule.format_message(later.text, line=line, **values)
    related = [Related(first.start, first.end, f"first copy (line {line})")]
    return Finding(rule.id, later.start, later.end, message, rule.severity, [], delete_block(doc, later, safe), related)


def _units(rule: Rule, doc: Document) -> list[BlockKey]:
    kinds = rule.compiled["kinds"]
    least = rule.options["min-words"]
    return [k for k in block_keys(doc) if k.block.kind in kinds and len(k.words) >= least and has_letter(k.text)]


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    units = _units(rule, doc)
    if rule.options["match"] == "exact":
        yield from _exact(rule, doc, units)
    else:
        yield from _near(rule, doc, units)


def _exact(rule: Rule, doc: Document, units: list[BlockKey]) -> Iterator[Finding]:
    """Repeats of an earlier unit; short units (table headers, shop buttons, list entries
    repeated by design) only when doubled in place."""
    apart = rule.options["min-words-apart"]
    first: dict[str, Block] = {}
    last: dict[str, int] = {}
    for n, key in enumerate(units):
        earlier = first.setdefault(key.text, key.block)
        if earlier is not key.block and (len(key.words) >= apart or last[key.text] == n - 1):
            yield report(rule, doc, key.block, earlier, True)
        last[key.text] = n


def _near(rule: Rule, doc: Document, units: list[BlockKey]) -> Iterator[Finding]:
    threshold = rule.options["threshold"]
    least_changed = rule.options["min-words-changed"]
    seen: set[str] = set()
    index = NearIndex()
    for n, key in enumerate(units):
        if key.text in seen:
            continue  # an exact repeat: duplicate.paragraph's business
        seen.add(key.text)
        candidates, sk = index.candidates(key.words)
        best, score = None, 0.0
        for c in candidates:
            like = compare(units[c].words, key.words, threshold)
            if like and like.ratio > score and (not like.changed or len(key.words) >= least_changed):
                best, score = units[c], like.ratio
        if best is not None:
            yield report(rule, doc, key.block, best.block, False, percent=int(score * 100))
        index.add(n, sk)
