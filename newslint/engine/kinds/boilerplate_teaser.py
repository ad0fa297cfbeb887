"""``boilerplate_teaser``: the starts of other articles, after a marker or before "Read more".

After a marker line ("Next Post", "Related", "You may also like"), a CMS export often carries
the title of another article and its first lines, cut off with "[…]" or followed by a "Read
more" link; a box of related articles repeats that shape. The teasers after a marker are
reported as one finding; the marker itself is left to the phrase rules.

With ``prose-words``, a paragraph after the marker is taken whole (an author's bio after "About
the author"), past the title-like lines between them (the author's name, "LinkedIn").

With ``more`` (regexes of a "Read more" link standing alone) a teaser is also found without a
marker: a title line, then a short paragraph, then the link. The title is required, so that the
last paragraph of the article, before a "Read more" box of links, is never taken.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document.lazyre import LazyPattern, lazy
from newslint.document.model import Block, Document
from newslint.engine.deletion import delete_blocks
from newslint.engine.findings import Finding
from newslint.engine.kind import Context, Option, OptionError
from newslint.engine.loader import Rule
from newslint.engine.regexes import is_deferring
from newslint.engine.support.boilerplate_lines import TERMINAL, is_title_like

WHOLE_DOCUMENT = True  # in a windowed document: runs of blocks that may straddle a window cut
OPTIONS = {
    "markers": Option(list, default=[], help="regexes a whole block must match to open a teaser"),
    "endings": Option(list, required=True, help="regexes that end a cut-off excerpt"),
    "more": Option(list, default=[], help="regexes of a 'Read more' block that closes an excerpt"),
    "max-blocks": Option(int, default=3, help="most blocks one teaser takes"),
    "max-teasers": Option(int, default=1, help="most teasers taken after one marker"),
    "headline-words": Option(
        int, default=0, help="a block of 3 to this many words without closing punctuation is a title"
    ),
    "excerpt-words": Option(int, default=100, help="longest excerpt before a 'Read more' block, in words"),
    "prose-words": Option(int, default=0, help="after a marker, a paragraph of at most this many words is taken whole"),
}
INVISIBLE = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"
LINKISH = lazy(r"://|www\.|\w\.(?:com|org|net)/|@\w")


Pattern = re.Pattern[str] | LazyPattern


def _compile(rule: Rule, key: str, template: str, required: bool = True) -> Pattern | None:
    """The rule's regexes under ``key`` as one pattern; a built-in rule's compiles on first use
    (the ``endings`` only after a marker), a user's at once, so that a bad one is an error."""
    items = rule.options[key]
    if not all(isinstance(x, str) and x for x in items) or (required and not items):
        raise OptionError(key, "must be a non-empty list of regexes")
    if not items:
        return None
    source = template.format("|".join(f"(?:{x})" for x in items))
    if is_deferring():
        return lazy(source, re.IGNORECASE)
    try:
        return re.compile(source, re.IGNORECASE)
    except re.error as exc:
        raise OptionError(key, f"invalid regular expression: {exc}") from None


def prepare(rule: Rule) -> tuple[Pattern | None, Pattern | None, Pattern | None]:
    for key in ("max-blocks", "max-teasers", "excerpt-words"):
        if rule.options[key] < 1:
            raise OptionError(key, "must be at least 1")
    for key in ("headline-words", "prose-words"):
        if rule.options[key] < 0:
            raise OptionError(key, "must not be negative")
    if not rule.options["markers"] and not rule.options["more"]:
        raise OptionError("markers", "give 'markers', 'more' or both")
    return (
        _compile(rule, "markers", r"^\s*(?:{})\s*[^\w\s]{{0,3}}\s*$", required=False),
        _compile(rule, "endings", r"(?:{})\s*$"),
        _compile(rule, "more", r"^\s*(?:{})\s*[»›→.…]{{0,3}}\s*$", required=False),
    )


class Teasers:
    """The shapes of one rule's teasers, read over one document's blocks."""

    def __init__(self, rule: Rule, blocks: list[Block]) -> None:
        self.marker, self.ending, self.more = rule.compiled
        self.o = rule.options
        self.blocks = blocks

    def text(self, i: int) -> str:
        return self.blocks[i].text.strip().strip(INVISIBLE)

    def is_more(self, i: int) -> bool:
        return self.more is not None and i < len(self.blocks) and bool(self.more.match(self.blocks[i].text))

    def is_title(self, i: int) -> bool:
        text = self.text(i)
        if is_title_like(text, 16):
            return True
        limit = self.o["headline-words"]
        if not limit or "\n" in text or not 3 <= len(text.split()) <= limit:
            return False
        return not TERMINAL.search(text) and not LINKISH.search(text)

    def is_excerpt(self, i: int) -> bool:
        """A short paragraph followed by a 'Read more' block."""
        return self.is_more(i + 1) and len(self.blocks[i].text.split()) <= self.o["excerpt-words"]

    def is_prose(self, i: int) -> bool:
        """A paragraph short enough for ``prose-words`` (an author's bio after "About the author")."""
        words = len(self.blocks[i].text.split())
        return 0 < words <= self.o["prose-words"] and bool(TERMINAL.search(self.text(i)))

    def one(self, pos: int) -> tuple[int, bool]:
        """(end, cut off) of the teaser starting at block ``pos``: its titles, then its excerpt."""
        k = pos
        while k < len(self.blocks) and k - pos < self.o["max-blocks"]:
            if self.ending.search(self.text(k)) or self.is_more(k):
                return k + 1, True
            if self.is_excerpt(k):
                return k + 2, True
            if self.is_prose(k):
                return k + 1, True
            if not self.is_title(k):
                break
            k += 1
        return k, False

    def run(self, pos: int) -> int:
        """The end of the teasers from block ``pos`` on (``pos`` when there are none)."""
        end = pos
        for _ in range(self.o["max-teasers"]):
            end, cut = self.one(end)
            if not cut:
                break
        return end

    def after_markers(self) -> Iterator[tuple[int, int, int]]:
        """(marker, first, end) of the teasers after each marker."""
        if self.marker is None:
            return
        for i, block in enumerate(self.blocks):
            if self.marker.match(block.text):
                end = self.run(i + 1)
                if end > i + 1:
                    yield i, i + 1, end

    def before_more(self, taken: set[int]) -> Iterator[tuple[int, int, int]]:
        """(more, first, end) of the teasers found by a title, an excerpt and a 'Read more' block."""
        if self.more is None:
            return
        for i in range(2, len(self.blocks)):
            if i in taken or not self.is_more(i) or i - 1 in taken or not self.is_excerpt(i - 1):
                continue
            first = i - 1
            while (
                first > 0 and i - first < self.o["max-blocks"] and first - 1 not in taken and self.is_title(first - 1)
            ):
                first -= 1
            if first < i - 1:
                end = self.run(i + 1)
                taken.update(range(first, end))
                yield i, first, end


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    teasers = Teasers(rule, doc.blocks)
    taken: set[int] = set()
    found = []
    for marker, first, end in teasers.after_markers():
        if first not in taken:
            taken.update(range(first, end))
            found.append((marker, first, end))
    found.extend(teasers.before_more(taken))
    for marker, first, end in sorted(found, key=lambda f: f[1]):
        head, last = doc.blocks[first], doc.blocks[end - 1]
        message = rule.format_message(head.text.strip(), marker=doc.blocks[marker].text.strip())
        # The fix takes the marker ("Next Post") too: the teaser must not outlive its label.
        fix = delete_blocks(doc, doc.blocks[min(marker, first)], last, safe=False)
        yield Finding(rule.id, head.start, last.end, message, rule.severity, [], fix)
