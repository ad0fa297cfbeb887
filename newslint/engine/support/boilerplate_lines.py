"""Lines of a document and their shapes, shared by the ``boilerplate_*`` kinds.

Not a kind of its own: it holds what the block-level boilerplate kinds read. A *line* is a
line of a block (plain-text blocks keep their newlines; an HTML block is one line), trimmed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import cast

from newslint.document.lazyre import lazy
from newslint.document.model import Document
from newslint.document.records import Record
from newslint.engine.deletion import delete_span
from newslint.engine.findings import Fix


class Line(Record):
    """A trimmed line of a block: its text is read from the prose when asked for, not held (a
    big document has a line for every paragraph)."""

    __slots__ = ("start", "end", "block", "prose")
    start: int  # prose offsets of the trimmed line, end exclusive
    end: int
    block: int  # index of the block in doc.blocks
    prose: str  # the document's prose

    def __init__(self, start: int, end: int, block: int, prose: str) -> None:
        self.start = start
        self.end = end
        self.block = block
        self.prose = prose

    @property
    def text(self) -> str:
        return self.prose[self.start : self.end]

    def __repr__(self) -> str:
        return f"Line(start={self.start}, end={self.end}, text={self.text!r}, block={self.block})"


def lines(doc: Document) -> list[Line]:
    """Every non-blank line of every block, trimmed, in document order (cached on the doc)."""
    cached = doc.cache.get("boilerplate.lines")
    if cached is not None:
        return cast("list[Line]", cached)
    out: list[Line] = []
    text = doc.text
    for block in doc.blocks:
        pos = block.start
        for raw in block.text.split("\n"):
            stripped = raw.strip()
            if stripped:
                lead = len(raw) - len(raw.lstrip())
                out.append(Line(pos + lead, pos + lead + len(stripped), block.index, text))
            pos += len(raw) + 1
    doc.cache["boilerplate.lines"] = out
    return out


MAX_LOWERED = 1 << 20  # a longer document is not held lower-cased: its parts are lowered one by one


def lowered(doc: Document, text: str) -> str | None:
    """``text`` (the prose, or the prose with look-alike letters read as Latin) lower-cased,
    cached on the doc; None for a document longer than ``MAX_LOWERED`` or holding a letter whose
    lower case is longer (the offsets would move)."""
    if len(text) > MAX_LOWERED or "\u0130" in text:
        return None
    name = "boilerplate.lowered" if text is doc.text else "boilerplate.lowered_other"
    cached = doc.cache.get(name)
    if cached is None or cached[0] is not text:
        cached = doc.cache[name] = (text, text.lower())
    return cast("str", cached[1])


def holding_keys(low: str, starts: list[int], ends: list[int], keys: tuple[str, ...]) -> list[int]:
    """Indexes of the spans ``starts[i]:ends[i]`` of ``low`` (in order, not overlapping) that hold
    one of ``keys``, in order: one ``str.find`` run per key over the whole text, not a test of
    every key in every span."""
    found: set[int] = set()
    for key in keys:
        at = low.find(key)
        while at >= 0:
            i = bisect_right(starts, at) - 1
            if i >= 0 and at + len(key) <= ends[i]:
                found.add(i)
                at = low.find(key, ends[i])
            else:
                at = low.find(key, at + 1)
    return sorted(found)


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
