"""``duplicate_paragraph``: a block that repeats an earlier block, exactly or nearly.

Exact repeats are equal after normalising white space, quote styles, case and trailing
punctuation; deleting one is safe only when it is the same as stored, white space aside (else
the message shows what differs). Entries of a list, a recipe or a product sheet repeat by
design ("Portion Fix Containers: 1 Green, 1 Red, 1 tsp.", a product feature line): they are
reported only when doubled in place. Near repeats have a token-level similarity of at least
``threshold`` and are found through hashed sketches, never by comparing every pair of blocks;
a quotation of a text that the article also shows on its own (a quoted tweet above the
embedded tweet) is not a near repeat, and neither are two list entries ("1 Green, 1 Red" /
"2 Green, 1 Red").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newslint.document.lazyre import lazy
from newslint.document.model import Block, Document
from newslint.engine.copies import deletes_only_copy, how_they_differ, stored_key
from newslint.engine.deletion import delete_blocks
from newslint.engine.findings import Finding, Fix, Related
from newslint.engine.kind import Context, Option, OptionError
from newslint.engine.loader import Rule
from newslint.engine.similarity import BlockKeys, NearIndex, block_keys, compare

MATCHES = ("exact", "near")
LIST_MARKER = lazy(r"\s*(?:[-*•·▪–]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)])\s")
QUANTITY = lazy(  # a measure in a recipe: "1 tsp.", "8 oz", "2 cups", "200g"
    r"\b\d+(?:[./]\d+)?\s*(?:[Tt]sps?|[Tt]bsps?|oz|lbs?|g|kg|ml|[Cc]ups?|teaspoons?|tablespoons?|grams?"
    r"|ounces?|pinch(?:es)?|cloves?|slices?)\b"
)
LABEL = lazy(r"[^\W\d][^.:!?\n]{0,40}:\s+\S")
SENTENCE_END = lazy(r"[.!?…][\"'”’)\]]*\s*$")
QUOTE_MARKS = lazy(r"[“”\"]")
LIST_ENTRY_WORDS = 30  # an unterminated line of at most this many words is a list entry
SAME = "delete this copy"
DIFFERS = "keep the right copy and delete the other"

WHOLE_DOCUMENT = True  # in a windowed document: copies anywhere in it are compared
EVIDENCE = ("similarity.block_keys",)  # document-wide views (see newslint.engine.evidence)
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


def prepare(rule: Rule) -> dict[Any, Any]:
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


class Shared:
    """One message string for equal messages, and one first-copy span for the many copies of a
    paragraph, over one check: a big file repeats a paragraph tens of thousands of times, and
    each copy's finding held its own (all of them are held until the whole document is checked)."""

    __slots__ = ("_texts", "_firsts")

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._firsts: dict[tuple[int, int], tuple[int, Related]] = {}

    def text(self, text: str) -> str:
        """The first string equal to ``text`` given to this sharing."""
        return self._texts.setdefault(text, text)

    def first(self, doc: Document, block: Block) -> tuple[int, Related]:
        """The line of ``block`` and the related span naming it as the first copy (made once)."""
        key = (block.start, block.end)
        got = self._firsts.get(key)
        if got is None:
            line = doc.span(block.start, block.start)[0]
            got = self._firsts[key] = (line, Related(block.start, block.end, f"first copy (line {line})"))
        return got


def report(
    rule: Rule, doc: Document, later: Block, first: Block, safe: bool, shared: Shared, **values: object
) -> Finding:
    """``later`` reported as a copy of ``first``, deleted whole by its fix."""
    line, related = shared.first(doc, first)
    message = shared.text(rule.format_message(later.text, line=line, **values))
    fix = delete_block(doc, later, safe)
    return Finding(rule.id, later.start, later.end, message, rule.severity, [], fix, [related])


def _units(rule: Rule, doc: Document, keys: BlockKeys) -> list[int]:
    """The indexes of the blocks compared: of the kinds, with enough words and a letter."""
    kinds = rule.compiled["kinds"]
    least = rule.options["min-words"]
    blocks = doc.blocks
    return [i for i in range(len(keys)) if blocks[i].kind in kinds and keys.count(i) >= least and keys.letters[i]]


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    keys = block_keys(doc)
    units = _units(rule, doc, keys)
    if rule.options["match"] == "exact":
        yield from _exact(rule, doc, keys, units, Shared())
    else:
        yield from _near(rule, doc, keys, units, Shared())


def _exact(rule: Rule, doc: Document, keys: BlockKeys, units: list[int], shared: Shared) -> Iterator[Finding]:
    """Repeats of an earlier unit; short units (table headers, shop buttons, list entries
    repeated by design) only when doubled in place."""
    apart = rule.options["min-words-apart"]
    # by the hash of the normal form
    first: dict[int, Block] = {}
    forms: dict[int, dict[tuple[str, str], Block]] = {}  # the first copy of each stored form, once repeated
    last: dict[int, tuple[int, int]] = {}  # the unit number and block index of the latest copy
    for n, i in enumerate(units):
        text, here = keys.texts[i], doc.blocks[i]
        earlier = first.setdefault(text, here)
        if earlier is not here:
            copies = forms.setdefault(text, {stored_key(doc, _span(earlier)): earlier})
            stored = stored_key(doc, _span(here))
            listed = list_entry(earlier) and list_entry(here)
            unit, block = last[text]
            # in place: right after the previous copy; a list entry only with no block between
            in_place = unit == n - 1 and (not listed or block == here.index - 1)
            if (keys.count(i) >= apart and not listed) or in_place:
                yield _repeat(rule, doc, here, copies.get(stored), earlier, shared)
            copies.setdefault(stored, here)
        last[text] = (n, here.index)


def list_entry(block: Block) -> bool:
    """Whether ``block`` reads as an entry of a list, a recipe or a product sheet, which may
    repeat by design: a short list item, or a short line with a list marker, a quantity ("1
    tsp") or a label ("Price: 10"), or that ends without closing a sentence (a feature, a heading)."""
    text = block.text
    if len(text.split()) > LIST_ENTRY_WORDS:
        return False
    if block.kind == "list_item" or LIST_MARKER.match(text) or QUANTITY.search(text):
        return True
    if LABEL.match(text) and any(c.isdigit() for c in text):
        return True
    return not SENTENCE_END.search(text)


def _repeat(rule: Rule, doc: Document, later: Block, same: Block | None, first: Block, shared: Shared) -> Finding:
    """A repeat of ``same`` (a copy as stored) when there is one, deleted safely when only the
    copy goes; else of ``first``, with what differs and an unsafe fix."""
    if same is None:
        how = how_they_differ(doc, _span(later), _span(first))
        return report(
            rule, doc, later, first, False, shared, difference=f" but differs from it ({how})", advice=DIFFERS
        )
    safe = same.kind == later.kind and _deletes_only_copy(doc, later, same)
    return report(rule, doc, later, same, safe, shared, difference="", advice=SAME)


def _deletes_only_copy(doc: Document, later: Block, first: Block) -> bool:
    """Whether deleting ``later`` takes from the stored file nothing but it and a separator
    like the one deleting ``first`` would take (no other markup, comment or skipped text)."""
    deleted, like = delete_block(doc, later, True), delete_block(doc, first, True)
    if deleted is None or like is None:
        return False
    return deletes_only_copy(doc, _fix_span(deleted), _span(later), (_fix_span(like), _span(first)), stored=True)


def _fix_span(fix: Fix) -> tuple[int, int]:
    """The stored span a whole-block deletion covers."""
    assert fix.start is not None and fix.end is not None
    return fix.start, fix.end


def _span(block: Block) -> tuple[int, int]:
    return block.start, block.end


def _quotes_the_other(a: Block, b: Block) -> bool:
    """Whether one block holds quotation marks and the other none: a quotation of a text the
    article also shows on its own (a quoted tweet, then the tweet), not an edit left behind."""
    return bool(QUOTE_MARKS.search(a.text)) != bool(QUOTE_MARKS.search(b.text))


def _near(rule: Rule, doc: Document, keys: BlockKeys, units: list[int], shared: Shared) -> Iterator[Finding]:
    threshold = rule.options["threshold"]
    least_changed = rule.options["min-words-changed"]
    seen: set[int] = set()
    index = NearIndex()
    blocks = doc.blocks
    for n, i in enumerate(units):
        if keys.texts[i] in seen:
            continue  # an exact repeat: duplicate.paragraph's business
        seen.add(keys.texts[i])
        candidates, sk = index.candidates(keys.ids_of(i))
        best, score, here = None, 0.0, blocks[i]
        for c in candidates:
            other = blocks[units[c]]
            like = compare(keys.words_of(units[c]), keys.words_of(i), threshold)
            if like and like.ratio > score and (not like.changed or keys.count(i) >= least_changed):
                if _quotes_the_other(other, here) or (list_entry(other) and list_entry(here)):
                    continue  # a quotation of the other, or two entries of one list
                best, score = other, like.ratio
        if best is not None:
            yield report(rule, doc, here, best, False, shared, percent=int(score * 100))
        index.add(n, sk)
