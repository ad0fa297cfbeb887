"""``duplicate_headline``: the headline printed again as a body block, maybe with stray marks.

A built-in check with settings, not a building block: its one built-in rule (below) is the
one to tune, under ``options:`` in the configuration; a rule file of your own of this kind is
seldom useful.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newslint.document.model import Block, Document
from newslint.document.readers.frontmatter import split_front_matter
from newslint.engine.copies import deletes_only_copy, how_they_differ, same_as_stored
from newslint.engine.findings import Finding, Fix, Related
from newslint.engine.kind import Context, Option, OptionError
from newslint.engine.kinds.duplicate_paragraph import delete_block
from newslint.engine.loader import Rule
from newslint.engine.similarity import block_keys, compare, length_ratio_ok, normal_text

WHOLE_DOCUMENT = True  # in a windowed document: the headline is compared with every block
EVIDENCE = ("similarity.block_keys",)  # document-wide views (see newslint.engine.evidence)
OPTIONS = {
    "threshold": Option(float, default=0.9, help="lowest token-level similarity (0-1) to the headline"),
    "min-words": Option(int, default=3, help="headlines with fewer words are left alone"),
    "block-kinds": Option(
        list, default=["paragraph", "list_item", "quote", "heading", "caption"], help="block kinds compared"
    ),
}


def prepare(rule: Rule) -> dict[Any, Any]:
    if not 0.5 <= rule.options["threshold"] <= 1:
        raise OptionError("threshold", "must be between 0.5 and 1")
    return {"kinds": frozenset(rule.options["block-kinds"])}


def headline_lines(doc: Document, headline: Block) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """(start, end, normal text, words) of each distinct line of the headline block."""
    out, seen = [], set()
    start = headline.start
    for line in headline.text.split("\n"):
        key = normal_text(line)
        words = tuple(w.lower().replace("’", "'") for w in _words(doc, headline, start, start + len(line)))
        if key and key not in seen:
            seen.add(key)
            out.append((start, start + len(line), key, words))
        start += len(line) + 1
    return out


def _title_heading(doc: Document, headline: Block) -> Block | None:
    """In Markdown, the first heading after a front matter ``title``: many templates expect the
    title in both places, so that copy is not reported."""
    front = split_front_matter(doc.source.text) if doc.format == "markdown" else None
    if front is None or doc.map.to_source(headline.start) >= front[1]:
        return None
    return next((b for b in doc.blocks if b.index > headline.index and b.kind == "heading"), None)


def _words(doc: Document, block: Block, start: int, end: int) -> list[str]:
    return [t.text for t in doc.tokens_of(block) if start <= t.start < end and t.kind != "punct"]


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    headline = doc.headline
    if headline is None:
        return
    lines = [h for h in headline_lines(doc, headline) if len(h[3]) >= rule.options["min-words"]]
    kinds = rule.compiled["kinds"]
    threshold = rule.options["threshold"]
    title_heading = _title_heading(doc, headline)
    keys = block_keys(doc)
    for i in range(headline.index + 1, len(keys)):
        block = doc.blocks[i]
        if block.kind not in kinds or block is title_heading:
            continue
        for start, end, text, words in lines:
            exact = keys.same_text(i, text)
            like = None  # the block's words are made only when its length may match
            if not exact and length_ratio_ok(len(words), keys.count(i), threshold):
                like = compare(words, keys.words_of(i), threshold)
            score = 1.0 if exact else like.ratio if like and not like.changed else 0.0
            if score:
                yield _finding(rule, doc, block, start, end, exact, score)
                break


def _finding(rule: Rule, doc: Document, block: Block, start: int, end: int, exact: bool, score: float) -> Finding:
    """The headline line ``[start, end)`` repeated as ``block``: deleted safely only when the
    copy is the same as stored and nothing else goes with it."""
    line = doc.span(start, start)[0]
    same = exact and same_as_stored(doc, (start, end), (block.start, block.end))
    fix = delete_block(doc, block, same)
    if same and fix is not None:
        fix.safe = _deletes_only_copy(doc, fix, block, start, end)
    how = "" if same else f" ({int(score * 100)}% the same)" if score < 1.0 else _differs(doc, block, start, end, exact)
    message = rule.format_message(block.text, line=line, how=how)
    related = [Related(start, end, f"headline (line {line})")]
    return Finding(rule.id, block.start, block.end, message, rule.severity, [], fix, related)


def _differs(doc: Document, block: Block, start: int, end: int, exact: bool) -> str:
    """How a copy that is not the same as stored differs from the headline."""
    how = how_they_differ(doc, (block.start, block.end), (start, end))
    return f" {'but differs from it' if exact else 'with other punctuation'} ({how})"


def _deletes_only_copy(doc: Document, fix: Fix, block: Block, start: int, end: int) -> bool:
    """Whether the fix deletes the copy with white space, or with a separator like the one
    deleting the headline would take."""
    headline = delete_block(doc, doc.blocks[doc.block_index(start)], True)
    if headline is None or headline.start is None or headline.end is None or fix.start is None or fix.end is None:
        return False
    like = ((headline.start, headline.end), (start, end))
    if headline.stored != fix.stored:
        return False
    return deletes_only_copy(doc, (fix.start, fix.end), (block.start, block.end), like, stored=fix.stored)
