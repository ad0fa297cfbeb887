"""What a block of a page looks like, as numbers a trained model weighs: length, how much it
reads like a sentence, capitals and digits, where it lies against the article's body, how much
page furniture surrounds it, how like the headline it is; in HTML, what its markup says
(:mod:`newslint.engine.support.block_markup`), what its neighbours' markup says, and whether
the element holding the body's last block holds it too (:mod:`newslint.engine.support.block_parents`). One pass
over the blocks."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache

from newslint.document.model import Block, Document
from newslint.engine.support.block_markup import MARKUP_NAMES, markup
from newslint.engine.support.block_parents import NONE, block_spans, body_element, containers
from newslint.engine.support.body_run import body_run, is_prose

STOPWORDS = frozenset(
    "a an the and or but of to in on at for with from by as is are was were be been has have had "
    "it its this that these those he she they we you i his her their our it's not no said says "
    "will would can could after before about into over than then there which who what when".split()
)
VERBISH = frozenset("is are was were has have had said says will would can could did does do be been".split())
NAMES = (
    (
        "bias log_words sentence_end stop_share title_share digit_share upper_share separators date linkish "
        "verbish colon_end heading list_item in_body before_body after_body distance short_run prose_near "
        "headline_like repeated relative"
    ).split()
    + list(MARKUP_NAMES)
    + ["near_furniture", "prev_words", "next_words", "near_links", "site_words", "body_sibling", "outside_body"]
)
INNER, LINKS = MARKUP_NAMES.index("inner_furniture"), MARKUP_NAMES.index("link_density")
PROSE_WORDS = 8


@cache
def patterns() -> dict[str, re.Pattern[str]]:
    """The regexes the features use (``date``, ``linkish`` and ``site_words`` search lower-cased
    text: faster than ignoring case), compiled on first use (a page with nothing to weigh, and a
    run of plain text, never compiles them)."""
    return {
        "sentence_end": re.compile(r"[.!?…]['\"”’)\]]*\s*$"),
        "separators": re.compile(r"[|•»›·►▶→]|\s[-–—]\s*$"),
        "date": re.compile(
            r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"
            r"|\b(?:19|20)\d\d\b|\b\d{1,2}:\d\d\b"
        ),
        "linkish": re.compile(r"https?://|www\.|@\w|#\w|\.com\b"),
        "site_words": re.compile(
            r"\b(?:subscri\w*|newsletters?|sign(?:ing)? (?:up|in)|log ?in|comments?|cookies?|advertis\w*|sponsor\w*"
            r"|copyright|rights reserved|privacy|terms of|disclaimer|related|read more|follow us|share|email|"
            r"download|app\b|website|site\b|tags?:|photo(?:graph)? by|credit)|©"
        ),
        "word": re.compile(r"\w+"),
    }


def features(doc: Document) -> list[list[float]]:
    """One row of ``NAMES`` per block of the document, in order (computed once a document and
    shared: do not change the rows)."""
    rows: list[list[float]] | None = doc.cache.get("block_features")
    if rows is None:
        rows = doc.cache["block_features"] = _features(doc)
    return rows


def _features(doc: Document) -> list[list[float]]:
    blocks = doc.blocks
    marks = markup(doc) if doc.elements else [[0.0] * len(MARKUP_NAMES)] * len(blocks)
    prose = [is_prose(b, PROSE_WORDS) for b in blocks]
    # A block whose markup says furniture (a bio, a disclaimer) is not the body's prose.
    body = [p and not m[INNER] for p, m in zip(prose, marks, strict=True)]
    first, end, _ = body_run(blocks, body, 3)
    runs = _short_runs(blocks, prose)
    siblings = _siblings(doc, end)
    outside = _outside(doc, first, end)
    headline = next((b for b in blocks if b.kind == "headline"), None)
    head_words = _words(headline.text) if headline is not None else set()
    keys = [" ".join(b.text.lower().split()) for b in blocks]
    seen = Counter(keys)
    counts = [len(b.text.split()) for b in blocks]
    rows = []
    for i, block in enumerate(blocks):
        row = _text_features(block.text)
        near = prose[max(0, i - 2) : i] + prose[i + 1 : i + 3]
        distance = 0 if first <= i < end else (first - i if i < first else i - end + 1)
        similar = 0.0
        if headline is not None and block is not headline and head_words:
            words = _words(block.text)
            similar = len(words & head_words) / max(1, len(words | head_words))
        row += [
            float(block.kind == "heading"),
            float(block.kind == "list_item"),
            float(first <= i < end),
            float(i < first),
            float(i >= end),
            math.log1p(distance),
            math.log1p(runs[i]),
            sum(near) / max(1, len(near)),
            similar,
            float(seen[keys[i]] > 1),
            i / max(1, len(blocks) - 1),
            *marks[i],
            *_context(i, counts, marks),
            *_wording(block.text),
            siblings[i],
            outside[i],
        ]
        rows.append(row)
    return rows


def _siblings(doc: Document, end: int) -> list[float]:
    """1 for each block that the element holding the body's last block holds too (the article's
    own lines, around its paragraphs), else 0; all 0 without markup or a body."""
    if not doc.elements or end == 0:
        return [0.0] * len(doc.blocks)
    held = list(containers(doc, doc.blocks, block_spans(doc)))
    body = held[end - 1]
    return [float(h == body and body != NONE) for h in held]


def _outside(doc: Document, first: int, end: int) -> list[float]:
    """1 for each block outside the innermost element that holds the whole body (a sidebar or
    footer beside the article's element), else 0; all 0 without markup or a body."""
    start, stop = body_element(doc, first, end)
    if (start, stop) == NONE:
        return [0.0] * len(doc.blocks)
    return [float(not (start <= a and b <= stop)) for a, b in block_spans(doc)]


def _context(i: int, counts: list[int], marks: list[list[float]]) -> list[float]:
    """What lies around block ``i``: the share of the two blocks on each side whose markup says
    furniture, the previous and next blocks' words (log; ``counts``: each block's words), and
    their share of text in links."""
    near = marks[max(0, i - 2) : i] + marks[i + 1 : i + 3]
    side = marks[max(0, i - 1) : i] + marks[i + 1 : i + 2]
    prev = counts[i - 1] if i else 0
    nxt = counts[i + 1] if i + 1 < len(counts) else 0
    return [
        sum(m[INNER] for m in near) / max(1, len(near)),
        math.log1p(prev),
        math.log1p(nxt),
        sum(m[LINKS] for m in side) / max(1, len(side)),
    ]


def _wording(text: str) -> list[float]:
    """Whether a block names the site's own furniture: subscribe, comments, cookies, copyright...
    (A share of words addressing the reader and an opening imperative were measured and did not
    help on unseen sites.)"""
    return [float(bool(patterns()["site_words"].search(text.lower())))]


def _text_features(text: str) -> list[float]:
    found = patterns()
    words, lower = text.split(), text.lower()
    n = max(1, len(words))
    letters = sum(map(str.isalpha, text))
    plain = [w.strip(".,:;!?\"'“”‘’()[]").lower() for w in words]
    return [
        1.0,
        math.log1p(len(words)),
        float(bool(found["sentence_end"].search(text))),
        sum(w in STOPWORDS for w in plain) / n,
        sum(w[:1].isupper() for w in words) / n,
        sum(map(str.isdigit, text)) / max(1, len(text)),
        sum(map(str.isupper, text)) / max(1, letters),
        float(bool(found["separators"].search(text))),
        float(bool(found["date"].search(lower))),
        float(bool(found["linkish"].search(lower))),
        float(any(w in VERBISH for w in plain)),
        float(text.rstrip().endswith(":")),
    ]


def _words(text: str) -> set[str]:
    return {w.lower() for w in patterns()["word"].findall(text)}


def _short_runs(blocks: list[Block], prose: list[bool]) -> list[int]:
    """For each block, the length of the run of blocks that are not prose it is in (0 if prose)."""
    out = [0] * len(blocks)
    i = 0
    while i < len(blocks):
        if prose[i]:
            i += 1
            continue
        j = i
        while j < len(blocks) and not prose[j]:
            j += 1
        for k in range(i, j):
            out[k] = j - i
        i = j
    return out
