"""Assembling blocks into one prose text, shared by the readers."""

from __future__ import annotations

import re

from newslint.document.lazyre import lazy
from newslint.document.model import Block
from newslint.document.offsets import ProseBuilder

TERMINAL = lazy(r"[.!?:;,…]['\"”’)\]]*$")
LIST_MARK = re.compile(r"^\s*(?:[-*•–]\s|\d{1,3}[.)]\s)")


class BlockCollector:
    """Adds blocks to a ProseBuilder, separated by a blank line that maps to no source. With
    ``keep`` false the prose's pieces are not kept (see :class:`ProseBuilder`): its caller adds
    no block that is blank, as none is then dropped."""

    def __init__(self, keep: bool = True) -> None:
        self.prose = ProseBuilder(keep)
        self.blocks: list[Block] = []
        self._mark = self.prose.mark()
        self._first_part = 0

    def open(self, src_at: int) -> int:
        """Start a block; returns its prose start."""
        p = self.prose
        self._mark = p.mark()
        if self.blocks:
            p.add_gap("\n\n", src_at)
        self._first_part = len(p.parts)
        return p.length

    def close(self, kind: str, start: int, src: tuple[int, int] | None = None) -> Block | None:
        """Finish the block begun at ``start`` (stored extent ``src``); an empty block is dropped
        with its separator."""
        p = self.prose
        if p.keep and all(part.isspace() for part in p.parts[self._first_part :]):
            p.rollback(self._mark)
            return None
        # no text of its own: its document binds it to the prose
        block = Block(kind, start, p.length, len(self.blocks), None, src)
        self.blocks.append(block)
        return block


def looks_like_headline(text: str) -> bool:
    """A short single line without a closing full stop or comma."""
    words = text.split()
    return 0 < len(words) <= 25 and "\n" not in text.strip() and not re.search(r"[.,;:]$", text.strip())


def text_block_kind(text: str) -> str:
    return "list_item" if LIST_MARK.match(text) else "paragraph"


def align(prose: ProseBuilder, text: str, src: str, pos: int, limit: int) -> int:
    """Add ``text`` to ``prose``, mapping it onto ``src[pos:limit]`` as it is found there.

    The whole text is looked up first; failing that, character by character, so that skipped
    markup or escapes between characters map correctly. A character not found maps to the
    current position with no source length. Returns the source position after the text.
    """
    found = src.find(text, pos, limit)
    if found >= 0:
        prose.add(text, found)
        return found + len(text)
    for ch in text:
        at = src.find(ch, pos, min(limit, pos + 64))
        if at >= 0:
            prose.add(ch, at)
            pos = at + 1
        else:
            prose.add(ch, pos, 0)
    return pos
