"""Lines of a document and their shapes, shared by the ``boilerplate_*`` kinds.

Not a kind of its own: it holds what the block-level boilerplate kinds read. A *line* is a
line of a block (plain-text blocks keep their newlines; an HTML block is one line), trimmed.
"""

from __future__ import annotations

import re
from typing import cast

from newslint.document.lazyre import lazy
from newslint.document.model import Block, Document
from newslint.document.records import Record
from newslint.engine.deletion import delete_span
from newslint.engine.findings import Fix


class Line(Record):
    __slots__ = ("start", "end", "text", "block")
    start: int  # prose offsets of the trimmed line, end exclusive
    end: int
    text: str
    block: int  # index of the block in doc.blocks

    def __init__(self, start: int, end: int, text: str, block: int) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.block = block


def lines(doc: Document) -> list[Line]:
    """Every non-blank line of every block, trimmed, in document order (cached on the doc)."""
    cached = doc.cache.get("boilerplate.lines")
    if cached is not None:
        return cast("list[Line]", cached)
    out: list[Line] = []
    for block in doc.blocks:
        pos = block.start
        for raw in _prose(doc, block).split("\n"):
            stripped = raw.strip()
            if stripped:
                lead = len(raw) - len(raw.lstrip())
                out.append(Line(pos + lead, pos + lead + len(stripped), stripped, block.index))
            pos += len(raw) + 1
    doc.cache["boilerplate.lines"] = out
    return out


def lower_lines(doc: Document, longest: int) -> list[str | None]:
    """The text of each of ``lines(doc)`` up to ``longest`` characters long, lower-cased, None
    for a longer line (cached on the doc: several rules look for their keys in every short line;
    a lower-case copy of every line of a big file would be a second copy of its text)."""
    key = ("boilerplate.lines_lower", longest)
    cached = doc.cache.get(key)
    if cached is None:
        cached = doc.cache[key] = [line.text.lower() if len(line.text) <= longest else None for line in lines(doc)]
    return cast("list[str | None]", cached)


def _prose(doc: Document, block: Block) -> str:
    """The block's prose: its own text when that is the prose (no copy: a one-line block's line
    is then that very string), else a slice of the document's."""
    same = len(block.text) == block.end - block.start and doc.text.startswith(block.text, block.start)
    return block.text if same else doc.text[block.start : block.end]


COUNT = re.compile(
    r"""^(?:
        [+-]?\d+(?:[.,]\d+)?\s?%?                       # 0, 12, 0 %, 4.5%
      | \d+(?:\s+\d+)+                                  # 0 0
      | [★☆✩✪⭐✰\s]+                                     # stars
      | \d(?:[.,]\d)?\s*(?:/\s*\d+|stars?|out\ of\ \d+) # 4.5/5, 5 Star
      | \(?\d[\d,.]*[kKmM]?\)?\s*(?:votes?|views?|likes?|comments?|shares?|reviews?|ratings?|responses?)
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
LABEL = re.compile(r"^[A-Z][A-Za-z'’]{0,19}(?:\s[A-Za-z][A-Za-z'’]{0,19})?[!?]?$")
TERMINAL = re.compile(r"[.!?…:;,]['\"”’)\]]*$")
NOT_LINK = re.compile(r"[():;/*<>=@#~|]|--")
WORD = re.compile(r"[^\W\d_][\w'’&.-]*")
SMALL = frozenset("a an and as at but by for from in into of on or the to with vs via nor per up".split())


def is_count(text: str) -> bool:
    """A count, a percentage or a star rating standing alone."""
    return len(text) <= 24 and bool(COUNT.match(text))


def is_label(text: str) -> bool:
    """One or two capitalised words standing alone (a button or widget label)."""
    return bool(LABEL.match(text))


def is_title_like(text: str, max_words: int = 12) -> bool:
    """A short line in Title Case with no closing punctuation: a link or menu entry."""
    if len(text) > 90 or TERMINAL.search(text) or NOT_LINK.search(text):
        return False
    words = WORD.findall(text)
    if not words or len(words) > max_words or len(words) < len(text.split()) - 2:
        return False
    content = [w for w in words[1:] if w.lower() not in SMALL] + words[:1]
    capitals = sum(1 for w in content if w[0].isupper())
    return capitals == len(content)


FORM_PROMPT = lazy(r"\b(?:e-?mail|field|password|user ?name|human|captcha)\b", re.IGNORECASE)


def introduces_list(text: str, min_words: int = 6) -> bool:
    """A sentence of the article that ends with a colon: the lines after it are its own list.

    The prompt of a web form ("Enter your email address to get new recipes:") is not one.
    """
    text = text.rstrip()
    return text.endswith(":") and len(text.split()) >= min_words and not FORM_PROMPT.search(text)


def delete_fix(doc: Document, start: int, end: int) -> Fix | None:
    """Deleting the leftover at the prose span ``start:end`` with its whole blocks (or sentences,
    see ``deletion.py``). A judgement call: offered, never applied by default."""
    return delete_span(doc, start, end, safe=False)
