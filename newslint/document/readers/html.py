"""HTML through the standard library's parser, which reports where each piece starts."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from newslint.document.directives import parse_directive
from newslint.document.model import Directive, Document, Element
from newslint.document.readers.blocks import BlockCollector
from newslint.document.source import Source

SKIP = frozenset(
    {"script", "style", "pre", "code", "head", "template", "noscript", "svg", "math", "textarea", "select"}
)
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
BLOCK_KINDS = {
    "h1": "headline",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "li": "list_item",
    "dt": "list_item",
    "dd": "list_item",
    "blockquote": "quote",
    "figcaption": "caption",
    "caption": "caption",
    "td": "table_cell",
    "th": "table_cell",
}
BLOCKS = frozenset(BLOCK_KINDS) | frozenset(
    "address article aside body details dialog div dl fieldset figure footer form header hgroup hr "
    "main nav ol p section summary table tbody tfoot thead tr ul html option legend".split()
)
REF = re.compile(r"&#?\w+;?")
SPACE = re.compile(r"\s+")
UNCLOSED = re.compile(r"<[!?/A-Za-z]")  # markup still open at the end of the file
# Elements whose end tag may be left out: closed by the start of the next block (p) or of a
# sibling (li, dt, dd, option), or by the end of their parent.
CLOSED_BY_BLOCK = frozenset({"p"})
CLOSED_BY_SIBLING = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "option": {"option"}}
LIST_PARENTS = frozenset({"ul", "ol", "dl", "menu", "select", "datalist"})


class _Reader(HTMLParser):
    def __init__(self, source: Source) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.collector = BlockCollector()
        self.directives: list[Directive] = []
        self.skip: list[str] = []
        self.kinds: list[str] = []
        self.block_start: int | None = None
        self.pending_space: tuple[int, int] | None = None
        self.headline_taken = False
        self.src: list[int] = [0, 0]  # stored extent of the current block's text
        self.open: list[tuple[str, int, int]] = []  # elements open: tag, start, inner start
        self.elements: list[Element] = []
        self.self_closing = False

    # --- positions ------------------------------------------------------------------------
    def _offset(self) -> int:
        line, col = self.getpos()
        return self.source.line_starts[line - 1] + col

    # --- blocks ---------------------------------------------------------------------------
    def _break(self) -> None:
        """End the current block, if any."""
        if self.block_start is not None:
            kind = self.kinds[-1] if self.kinds else "paragraph"
            if kind == "headline":
                if self.headline_taken:
                    kind = "heading"
                self.headline_taken = True
            self.collector.close(kind, self.block_start, (self.src[0], self.src[1]))
        self.block_start = None
        self.pending_space = None

    def _emit(self, text: str, at: int, length: int) -> None:
        if self.skip:
            return
        if self.block_start is None:
            self.block_start = self.collector.open(at)
            self.src[0] = at
        elif self.pending_space:
            self.collector.prose.add(" ", *self.pending_space)
        self.pending_space = None
        self.collector.prose.add(text, at, length)
        self.src[1] = at + length

    # --- elements -------------------------------------------------------------------------
    def _open_element(self, tag: str) -> None:
        """Note an element's start tag; close the elements its start implies closed."""
        at = self._offset()
        if tag in BLOCKS or tag in CLOSED_BY_SIBLING:
            self._close_implied(tag, at)
        if tag not in VOID and not self.self_closing:
            text = self.get_starttag_text() or ""
            self.open.append((tag, at, at + len(text)))

    def _close_implied(self, tag: str, at: int) -> None:
        while self.open:
            top = self.open[-1][0]
            siblings = CLOSED_BY_SIBLING.get(top)
            if not (top in CLOSED_BY_BLOCK or (siblings and tag in siblings)):
                return
            self._close_element(at, at)

    def _close_element(self, inner_end: int, end: int) -> None:
        tag, start, inner_start = self.open.pop()
        self.elements.append(Element(tag, start, inner_start, inner_end, end))

    def _end_element(self, tag: str) -> None:
        """Note an end tag: the element it closes, and those left open inside it."""
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                break
            if self.open[depth][0] in LIST_PARENTS and tag in CLOSED_BY_SIBLING:
                return
        else:
            return
        at = self._offset()
        close = self.source.text.find(">", at)
        end = len(self.source.text) if close < 0 else close + 1
        while len(self.open) > depth + 1:
            self._close_element(at, at)
        self._close_element(at, end)

    def finish_elements(self) -> None:
        """Elements still open at the end of the file end there."""
        size = len(self.source.text)
        while self.open:
            self._close_element(size, size)
        self.elements.sort(key=lambda e: (e.start, -e.end))

    # --- parser events --------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open_element(tag)
        if tag in SKIP:
            self.skip.append(tag)
        elif tag == "br" and self.block_start is not None and not self.skip:
            self.collector.prose.add("\n", self._offset(), 0)
            self.pending_space = None
        elif tag in BLOCKS and not self.skip:
            self._break()
            if tag not in VOID:
                self.kinds.append(BLOCK_KINDS.get(tag, "paragraph"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" or tag not in SKIP:
            self.self_closing = True
            self.handle_starttag(tag, attrs)
            self.self_closing = False

    def handle_endtag(self, tag: str) -> None:
        self._end_element(tag)
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            return
        if tag in BLOCKS and tag not in VOID:
            self._break()
            kind = BLOCK_KINDS.get(tag, "paragraph")
            if kind in self.kinds:
                while self.kinds and self.kinds.pop() != kind:
                    pass

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        at = self._offset()
        pos = 0
        for m in SPACE.finditer(data):
            if m.start() > pos:
                self._emit(data[pos : m.start()], at + pos, m.start() - pos)
            if self.block_start is not None:
                self.pending_space = (at + m.start(), m.end() - m.start())
            pos = m.end()
        if pos < len(data):
            self._emit(data[pos:], at + pos, len(data) - pos)

    def _reference(self, decoded: str) -> None:
        at = self._offset()
        m = REF.match(self.source.text, at)
        length = m.end() - at if m else 1
        if decoded.isspace():
            if self.block_start is not None:
                self.pending_space = (at, length)
            return
        self._emit(decoded, at, length)

    def handle_entityref(self, name: str) -> None:
        self._reference(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self._reference(html.unescape(f"&#{name};"))

    def handle_comment(self, data: str) -> None:
        at = self._offset()
        line = self.source.position(at)[0]
        d = parse_directive(f"<!--{data}-->", line, line + data.count("\n"))
        if d:
            self.directives.append(d)


def _drop_unclosed_markup(reader: _Reader) -> None:
    """A comment or tag left open at the end of the file runs to its end, as browsers read
    it: the parser would otherwise hand it over as text at close()."""
    rest = reader.rawdata
    if UNCLOSED.match(rest):
        if rest.startswith("<!--"):
            reader.handle_comment(rest[4:])
        reader.rawdata = ""


def read_html(source: Source) -> Document:
    reader = _Reader(source)
    reader.feed(source.text)
    _drop_unclosed_markup(reader)
    reader.close()
    reader._break()
    reader.finish_elements()
    prose, omap = reader.collector.prose.build()
    return Document(source, "html", prose, reader.collector.blocks, omap, reader.directives, reader.elements)
