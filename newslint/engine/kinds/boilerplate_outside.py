"""``boilerplate_outside``: blocks before or after the body of the article.

The body is found as the run of blocks that holds the most prose: each block that ends a
sentence scores its words, each other block (a menu entry, a link, a label) costs its words
with a floor, and the best-scoring run is the article (the maximum-sum subarray). What lies
after it (and optionally before it), runs of short blocks that are not prose are reported,
one finding a run, when that side also holds page furniture (an ``anchors`` match: "Leave a
Reply", "Related Stories", "©"); prose there is left to the phrase rules. In HTML, a run's
leading blocks that the element holding the body's last block holds too, when that element
closes before the furniture begins, are the article's closing lines (a list of results, a
credit before a sidebar) and are left out, unless their words name the site's furniture.

A built-in check with settings, not a building block: its one built-in rule (below) is the
one to tune, under ``options:`` in the configuration; a rule file of your own of this kind is
seldom useful.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from newslint.document.lazyre import LazyPattern, lazy
from newslint.document.model import Block, Document
from newslint.engine.deletion import delete_blocks
from newslint.engine.findings import Finding
from newslint.engine.kind import Context, Option, OptionError
from newslint.engine.loader import Rule
from newslint.engine.regexes import is_deferring
from newslint.engine.support.block_parents import containers
from newslint.engine.support.body_run import body_run, is_prose
from newslint.engine.support.boilerplate_lines import introduces_list

# Words of a block that address the reader or name the site's furniture ("Donate Now", "Join
# 66,707,982 other followers", "Tags: ..."): such a block is never the article's closing line.
SITE_WORDS = lazy(
    r"\b(?:you|your|our|us|we|donat\w*|follow\w*|subscri\w*|sign(?:ing)? (?:up|in)|log ?in|register|join"
    r"|terms|privacy|cookies?|tags?|comments?|share\w*|newsletters?|advertis\w*|sponsor\w*|copyright|rights reserved"
    r"|read more|related)\b|©",
    re.IGNORECASE,
)
WHOLE_DOCUMENT = True  # in a windowed document: the body run is a whole-document judgement
OPTIONS = {
    "min-body-words": Option(int, default=100, help="a body shorter than this is not trusted"),
    "min-prose-words": Option(int, default=4, help="fewest words of a block that counts as prose"),
    "floor": Option(int, default=3, help="the least a block that is not prose costs"),
    "before": Option(bool, default=False, help="also report what comes before the body"),
    "max-words": Option(int, default=20, help="longest block, in words, of a reported run"),
    "min-run": Option(int, default=2, help="fewest blocks of a reported run"),
    "min-blocks": Option(int, default=3, help="fewest such blocks on a side for it to be reported"),
    "anchors": Option(list, required=True, help="regexes of page furniture; a side is reported only with one"),
}


def prepare(rule: Rule) -> re.Pattern[str] | LazyPattern:
    """The anchors as one pattern: a built-in rule's compiles on first use (a page with no run
    of short blocks around its body never needs it), a user's at once."""
    anchors = rule.options["anchors"]
    if not anchors or not all(isinstance(a, str) and a for a in anchors):
        raise OptionError("anchors", "must be a non-empty list of regexes")
    source, flags = "|".join(f"(?:{a})" for a in anchors), re.IGNORECASE | re.MULTILINE
    pattern: re.Pattern[str] | LazyPattern
    try:
        pattern = lazy(source, flags) if is_deferring() else re.compile(source, flags)
    except re.error as exc:
        raise OptionError("anchors", f"invalid regular expression: {exc}") from None
    for key in ("min-body-words", "min-prose-words", "floor", "max-words", "min-run", "min-blocks"):
        if rule.options[key] < 0:
            raise OptionError(key, "must not be negative")
    return pattern


def body(doc: Document, min_words: int, floor: int) -> tuple[int, int, int]:
    """(first, end, score) of the run of blocks with the most prose (:mod:`newslint.engine.support.body_run`)."""
    return body_run(doc.blocks, [is_prose(b, min_words) for b in doc.blocks], floor)


def _runs(blocks: list[Block], o: Mapping[str, Any]) -> list[list[Block]]:
    """Runs of short blocks that are not prose (headlines excluded).

    A list that a sentence of the article introduces ("I'll sum them up:") is left out: the
    items of several words without a colon at the head of the run after it.
    """
    runs: list[list[Block]] = [[]]
    introduced = False
    for block in blocks:
        words = len(block.text.split())
        if introduces_list(block.text):
            introduced = True
        elif block.kind != "headline" and words <= o["max-words"] and not is_prose(block, o["min-prose-words"]):
            if introduced and words >= 3 and ":" not in block.text:
                continue
            introduced = False
            runs[-1].append(block)
            continue
        else:
            introduced = False
        if runs[-1]:
            runs.append([])
    return [r for r in runs if r]


def _trim(doc: Document, run: list[Block], anchor: int, last: Block) -> list[Block]:
    """The run without its leading blocks that are the article's closing lines (a list of
    results, a credit): in HTML, blocks before the furniture at ``anchor`` (a prose offset)
    that the element holding the body's ``last`` block holds too, when it closes before the
    furniture begins (a sidebar after the article), and whose words do not name the site's
    furniture."""
    if not doc.elements or not run or run[0].end > anchor:
        return run
    start, end = next(containers(doc, [last]))
    if start < 0 or end > doc.source_offsets(anchor, anchor)[0]:
        return run
    i = 0
    for held in containers(doc, run):
        if held[0] != start or run[i].end > anchor or SITE_WORDS.search(run[i].text):
            break
        i += 1
    return run[i:]


def _findings(rule: Rule, doc: Document, blocks: list[Block], where: str, last: Block) -> Iterator[Finding]:
    o = rule.options
    anchor = rule.compiled.search(doc.text, blocks[0].start, blocks[-1].end) if blocks else None
    if anchor is None:
        return
    runs = _runs(blocks, o)
    if sum(len(r) for r in runs) < o["min-blocks"]:
        return
    for run in runs:
        # Runs that end before the first piece of page furniture may still be the article's own
        # lists (ingredients, code, subheadings): only what holds or follows furniture is reported.
        if where == "after" and run[-1].end > anchor.start():
            run = _trim(doc, run, anchor.start(), last)
        if len(run) < o["min-run"] or (where == "after" and run[-1].end <= anchor.start()):
            continue
        first, last = run[0], run[-1]
        text = first.text.strip().split("\n", 1)[0][:60]
        message = rule.format_message(text, where=where, blocks=len(run))
        yield Finding(
            rule.id, first.start, last.end, message, rule.severity, [], delete_blocks(doc, first, last, safe=False)
        )


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    o = rule.options
    first, end, score = body(doc, o["min-prose-words"], o["floor"])
    if score < o["min-body-words"]:
        return
    if o["before"]:
        yield from _findings(rule, doc, doc.blocks[:first], "before", doc.blocks[end - 1])
    yield from _findings(rule, doc, doc.blocks[end:], "after", doc.blocks[end - 1])
