"""``terminal``: a body paragraph whose last sentence ends without terminal punctuation.

By default only the article's last paragraph is judged: an article cut short by an export
ends mid-sentence, while a paragraph break inside a sentence is a different defect.
Only the last line of a paragraph is judged, and only when it reads as prose: long enough and
mostly lower-case words, so that headings, bylines, datelines, captions and widget lines kept
as paragraphs are left alone. A paragraph that follows another one without terminal
punctuation is an entry of a list set as paragraphs ("Challenges to do within a week" /
"Additional quizzes and bonuses"), and a closing note about the author ("Simon Perry is the
editor of ...") is set without a full stop by house style: both are left alone.

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

WHOLE_DOCUMENT = True  # in a windowed document: the last paragraph is the document's, not a window's
OPTIONS = {
    "min-words": Option(int, default=8, help="fewest words on the paragraph's last line"),
    "min-lower": Option(float, default=0.5, help="least share of its words starting in lower case"),
    "kinds": Option(list, default=["paragraph", "quote"], help="block kinds to look at"),
    "last-only": Option(bool, default=True, help="judge only the article's last paragraph of those kinds"),
}
AUTHOR_NOTE = regex.compile(r"(?:\p{Lu}[\w.'’-]*\s+){1,4}(?:is|was|writes|reports)\s+(?:a|an|the)\s")
ENDING = regex.compile(r"[.!?…:;,—–\-]['\"”’)\]»*]*\s*$|[\"”’)\]»]\s*$")


# Words that cannot end a list entry: a paragraph ending in one was cut mid-sentence.
CUT_WORDS = frozenset("a an the and or but of to in on at by for from with as that than".split())


def _list_entry(text: str) -> bool:
    """Whether a paragraph ends like a list entry: no terminal mark, on a word that can end one."""
    words = text.split()
    return not ENDING.search(text) and bool(words) and words[-1].lower() not in CUT_WORDS


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
    for n in range(len(blocks) - 1 if rule.options["last-only"] else 0, len(blocks)):
        block = blocks[n]
        if ENDING.search(block.text) or AUTHOR_NOTE.match(block.text):
            continue
        if n and _list_entry(blocks[n - 1].text):
            continue  # an entry of a list set as paragraphs
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
