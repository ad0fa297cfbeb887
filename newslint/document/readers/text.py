"""Plain text: blocks are runs of non-blank lines; the first may be the headline."""

from __future__ import annotations

from itertools import pairwise

from newslint.document.directives import parse_directive
from newslint.document.model import Block, Directive, Document
from newslint.document.readers.blocks import BlockCollector, looks_like_headline, text_block_kind
from newslint.document.source import Source


def _scan(source: Source) -> tuple[list[tuple[int, int]], list[Directive]]:
    """(start, end) offsets of each run of non-blank lines, and the directive lines.

    A line holding only a ``<!-- newslint-... -->`` comment is a directive and separates blocks.
    """
    text = source.text
    runs: list[tuple[int, int]] = []
    directives: list[Directive] = []
    start = end = -1
    for n, line_start in enumerate(source.line_starts):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end]
        directive = parse_directive(line, n + 1, n + 1) if "<!--" in line else None
        if directive:
            directives.append(directive)
        if directive or not line.strip():
            if start >= 0:
                runs.append((start, end))
            start = -1
            continue
        if start < 0:
            start = line_start
        end = line_end
    if start >= 0:
        runs.append((start, end))
    return runs, directives


def read_text(source: Source) -> Document:
    runs, directives = _scan(source)
    stored = _runs_are_text(source.text, runs)
    collector = _collect(source, runs, keep=not stored)
    if _is_stored_text(source.text, collector.blocks, collector.prose.length):
        # blocks already one blank line apart: share the stored text, without joining a copy
        return Document(source, "text", source.text, collector.blocks, collector.prose.map, directives)
    if stored:  # cannot happen (the runs said so); the blocks again, with their pieces
        collector = _collect(source, runs, keep=True)
    prose, omap = collector.prose.build()
    if prose == source.text:
        prose = source.text
    return Document(source, "text", prose, collector.blocks, omap, directives)


def _collect(source: Source, runs: list[tuple[int, int]], keep: bool) -> BlockCollector:
    """The blocks of the runs of lines, one blank line apart in the prose; with ``keep`` false,
    their text is not copied into pieces (the runs are never blank: none is dropped)."""
    collector = BlockCollector(keep)
    for i, (start, end) in enumerate(runs):
        text = source.text[start:end]
        is_headline = i == 0 and all(looks_like_headline(x) for x in text.split("\n"))
        prose_start = collector.open(start)
        collector.prose.add(text, start)
        collector.close("headline" if is_headline else text_block_kind(text), prose_start, (start, end))
    return collector


def _runs_are_text(text: str, runs: list[tuple[int, int]]) -> bool:
    """Whether the prose of the runs (a blank line added between them) is ``text`` itself:
    the first starting it, exactly ``\\n\\n`` between two, the last ending it (what
    :func:`_is_stored_text` finds of their blocks, known before they are made)."""
    if not runs:
        return not text
    if runs[0][0] or runs[-1][1] != len(text):
        return False
    return all(text[end:start] == "\n\n" for (_, end), (start, _) in pairwise(runs))


def _is_stored_text(text: str, blocks: list[Block], length: int) -> bool:
    """Whether the prose of ``blocks`` (each a verbatim run of lines, a blank line added
    between them) of ``length`` characters is ``text`` itself: each block where it is stored,
    exactly ``\\n\\n`` between two blocks, and nothing before the first or after the last."""
    if length != len(text):
        return False
    end = 0
    for block in blocks:
        if block.src is None or block.start != block.src[0]:
            return False
        if (block.index and text[end : block.start] != "\n\n") or (not block.index and block.start):
            return False
        end = block.end
    return end == len(text)
