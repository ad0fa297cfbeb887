"""Markdown through markdown-it-py, with its line maps and an alignment of inline text."""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from newslint.document.directives import parse_directive
from newslint.document.model import Directive, Document
from newslint.document.readers.blocks import BlockCollector, align
from newslint.document.readers.frontmatter import read_front_matter, split_front_matter
from newslint.document.source import Source

PLACEHOLDER = "\ufffc"  # stands for a code span, image or autolink inside prose
_PARSER: MarkdownIt | None = None


def _parser() -> MarkdownIt:
    global _PARSER
    if _PARSER is None:
        _PARSER = MarkdownIt("commonmark", {"html": True}).enable("table")
        _PARSER.core.ruler.disable("text_join")  # keep entities and escapes apart
    return _PARSER


def _skip_brackets(src: str, pos: int, limit: int) -> int:
    """After a link's text: skip ``](destination)`` or ``][label]``; returns the new position."""
    if pos < limit and src[pos] == "]":
        pos += 1
    if pos >= limit or src[pos] not in "([":
        return pos
    opener = src[pos]
    closer = ")" if opener == "(" else "]"
    depth = 0
    while pos < limit:
        ch = src[pos]
        if ch == "\\":
            pos += 2
            continue
        if ch == opener:
            depth += 1
        elif ch == closer:
            depth -= 1
            if depth == 0:
                return pos + 1
        pos += 1
    return pos


class _InlineReader:
    """Adds one inline token's children to the prose, aligned with the source."""

    def __init__(self, collector: BlockCollector, src: str, directives: list[Directive], source: Source):
        self.prose = collector.prose
        self.src = src
        self.directives = directives
        self.source = source

    def read(self, inline: Token, pos: int, limit: int) -> None:
        for child in inline.children or []:
            pos = self._child(child, pos, limit)

    def _child(self, child: Token, pos: int, limit: int) -> int:
        src, t = self.src, child.type
        if t == "text":
            return align(self.prose, child.content, src, pos, limit)
        if t == "text_special":
            at = src.find(child.markup, pos, limit)
            if at < 0:
                return align(self.prose, child.content, src, pos, limit)
            self.prose.add(child.content, at, len(child.markup))
            return at + len(child.markup)
        if t in ("softbreak", "hardbreak"):
            at = src.find("\n", pos, limit)
            if at < 0:
                return pos
            self.prose.add("\n", at)
            return at + 1
        if t == "code_inline":
            return self._placeholder(child.markup, child.markup, pos, limit)
        if t == "image":
            at = src.find("![", pos, limit)
            if at < 0:
                return pos
            end = src.find("]", at, limit)
            end = _skip_brackets(src, end, limit) if end >= 0 else at + 2
            self.prose.add(PLACEHOLDER, at, end - at)
            return end
        if t == "link_open" and child.markup == "autolink":
            return self._placeholder("<", ">", pos, limit)
        if t == "link_close":
            return pos if child.markup == "autolink" else _skip_brackets(src, pos, limit)
        if t == "html_inline":
            at = src.find(child.content, pos, limit)
            if at < 0:
                return pos
            self._directive(child.content, at)
            return at + len(child.content)
        if child.markup and t.endswith(("_open", "_close")):
            at = src.find(child.markup, pos, limit)
            return at + len(child.markup) if at >= 0 else pos
        return pos

    def _placeholder(self, opener: str, closer: str, pos: int, limit: int) -> int:
        """Replace a delimited span (code span, autolink) by one placeholder character."""
        at = self.src.find(opener, pos, limit)
        if at < 0:
            return pos
        end = self.src.find(closer, at + len(opener), limit)
        end = limit if end < 0 else end + len(closer)
        self.prose.add(PLACEHOLDER, at, end - at)
        return end

    def _directive(self, comment: str, at: int) -> None:
        line = self.source.position(at)[0]
        d = parse_directive(comment, line, line + comment.count("\n"))
        if d:
            self.directives.append(d)


def _block_kind(stack: list[str], inline_parent: Token, headline_taken: bool) -> str:
    if inline_parent.type == "heading_open":
        return "headline" if inline_parent.tag == "h1" and not headline_taken else "heading"
    if inline_parent.type in ("th_open", "td_open"):
        return "table_cell"
    if "list_item_open" in stack:
        return "list_item"
    if "blockquote_open" in stack:
        return "quote"
    return "paragraph"


def _lines(source: Source, first: int, end: int) -> tuple[int, int]:
    """Stored extent of the lines ``first`` to ``end`` (0-based, exclusive), trailing blank
    lines and the last line break left out."""
    text, starts = source.text, source.line_starts
    a = starts[first]
    b = starts[end] if end < len(starts) else len(text)
    return a, a + len(text[a:b].rstrip())


class _Extents:
    """Gives each block the source lines of the widest container it fills alone (its paragraph,
    list item, list, block quote), so that deleting the block deletes its markers too."""

    def __init__(self, source: Source, first_line: int, blocks: list[Any]) -> None:
        self.source, self.first_line, self.blocks = source, first_line, blocks
        self.units = 0  # inline and leaf blocks (code, HTML, rules) read so far
        self.open: list[tuple[Token, int, int]] = []  # container, units and blocks before it

    def enter(self, tok: Token) -> None:
        self.open.append((tok, self.units, len(self.blocks)))

    def leave(self) -> None:
        tok, units, blocks = self.open.pop()
        if self.units - units == 1 and len(self.blocks) == blocks + 1 and tok.map and self.blocks[-1].src:
            self.blocks[-1].src = self.extent(tok.map)

    def extent(self, line_map: list[int]) -> tuple[int, int]:
        return _lines(self.source, self.first_line + line_map[0], self.first_line + line_map[1])


def read_markdown(source: Source) -> Document:
    text = source.text
    collector = BlockCollector()
    directives: list[Directive] = []
    body_start = 0
    fm = split_front_matter(text)
    if fm:
        read_front_matter(text, fm[0], fm[1], collector)
        body_start = text.find("\n", fm[1]) + 1 or len(text)
    first_line = source.position(body_start)[0] - 1
    tokens = _parser().parse(text[body_start:])
    reader = _InlineReader(collector, text, directives, source)
    extents = _Extents(source, first_line, collector.blocks)
    stack: list[str] = []
    parent: Token | None = None
    headline_taken = any(b.kind == "headline" for b in collector.blocks)
    for tok in tokens:
        if tok.nesting == 1:
            stack.append(tok.type)
            extents.enter(tok)
            parent = tok
        elif tok.nesting == -1:
            stack.pop()
            extents.leave()
        elif tok.type == "inline" and tok.map and parent is not None:
            extents.units += 1
            start_line, end_line = first_line + tok.map[0], first_line + tok.map[1]
            pos = source.line_starts[start_line]
            limit = source.line_starts[end_line] if end_line < len(source.line_starts) else len(text)
            kind = _block_kind(stack, parent, headline_taken)
            headline_taken |= kind == "headline"
            prose_start = collector.open(pos)
            reader.read(tok, pos, limit)
            src = extents.extent(tok.map) if kind != "table_cell" else None
            collector.close(kind, prose_start, src)
        elif tok.block:
            extents.units += 1
            if tok.type == "html_block" and tok.map:
                line = first_line + tok.map[0] + 1
                d = parse_directive(tok.content.strip(), line, first_line + tok.map[1])
                if d:
                    directives.append(d)
    prose, omap = collector.prose.build()
    return Document(source, "markdown", prose, collector.blocks, omap, directives)
