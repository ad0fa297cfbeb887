"""``terminal``: a body paragraph whose last sentence ends without terminal punctuation.

By default only the article's last paragraph is judged: an article cut short by an export
ends mid-sentence, while a paragraph break inside a sentence is a different defect.
Only the last line of a paragraph is judged, and only when it reads as prose: long enough and
mostly lower-case words, so that headings, bylines, datelines, captions and widget lines kept
as paragraphs are left alone.

A built-in check with settings, not a building block: its one built-in rule (below) is the
one to tune, under ``options:`` in the configuration; a rule file of your own of this kind is
seldom useful.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

import regex

from newslint.document.model import Block, Document
from newslint.document.tokens import Token
from newslint.engine.findings import Finding, Fix
from newslint.engine.kind import Context, Option
from newslint.engine.loader import Rule

OPTIONS = {
    "min-words": Option(int, default=8, help="fewest words on the paragraph's last line"),
    "min-lower": Option(float, default=0.5, help="least share of its words starting in lower case"),
    "kinds": Option(list, default=["paragraph", "quote"], help="block kinds to look at"),
    "last-only": Option(bool, default=True, help="judge only the article's last paragraph of those kinds"),
}
ENDING = regex.compile(r"[.!?…:;,—–\-]['\"”’)\]»*]*\s*$|[\"”’)\]»]\s*$")


def prepare(rule: Rule) -> None:
    return None


def _last_line_words(doc: Document, block: Block) -> list[Token]:
    line_start = block.start + block.text.rstrip().rfind("\n") + 1
    return [t for t in doc.tokens_of(block) if t.start >= line_start and t.is_word]


def _reads_as_prose(words: list[Token], rule: Rule) -> bool:
    if len(words) < rule.options["min-words"]:
        return False
    lower = sum(1 for w in words if w.text[:1].islower())
    return cast("bool", lower / len(words) >= rule.options["min-lower"])


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    kinds = set(rule.options["kinds"])
    blocks = [b for b in doc.blocks if b.kind in kinds]
    if len(blocks) < 2:
        return  # a lone paragraph is a snippet, not an article cut short
    for block in blocks[-1:] if rule.options["last-only"] else blocks:
        if ENDING.search(block.text):
            continue
        toks = doc.tokens_of(block)
        if not toks or toks[-1].kind not in ("word", "number", "abbr"):
            continue
        words = _last_line_words(doc, block)
        if not _reads_as_prose(words, rule):
            continue
        last = toks[-1]
        if sum(1 for t in toks if t.sentence == last.sentence and t.is_word) < 4:
            continue  # a credit after the last sentence ("... the US. PTI")
        fix = Fix(last.text + ".", False)
        yield Finding(
            rule.id, last.start, last.end, rule.format_message(last.text), rule.severity, [last.text + "."], fix
        )
