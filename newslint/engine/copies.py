"""Whether a repeat is a copy as stored, and what differs when it is not.

The duplicate rules find repeats after normalising case, quote styles and punctuation; deleting
one is safe only when it is the same text as stored (white space aside), so that nothing the
article says is lost or picked between, and when the deletion takes nothing else with it.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from newslint.document.model import Document

Span = tuple[int, int]  # prose offsets, end exclusive
SHOWN = 40  # characters of a differing passage quoted in a message


def squeezed(text: str) -> str:
    """``text`` with each run of white space made one space, and none at the ends."""
    return " ".join(text.split())


def stored(doc: Document, span: Span) -> str:
    """The stored text of a prose span; in HTML with entities decoded (``&amp;`` is ``&``)."""
    text = doc.source_text(*span)
    if doc.format != "html":
        return text
    import html  # here: only an HTML article needs its table of entities

    return html.unescape(text)


def stored_key(doc: Document, span: Span) -> tuple[str, str]:
    """What two copies must share to be the same as stored: the prose and the stored text
    (markup included), white space squeezed."""
    return squeezed(doc.text[span[0] : span[1]]), squeezed(stored(doc, span))


def same_as_stored(doc: Document, a: Span, b: Span) -> bool:
    """Whether two prose spans read the same and are stored the same, white space aside."""
    return stored_key(doc, a) == stored_key(doc, b)


def how_they_differ(doc: Document, here: Span, there: Span) -> str:
    """:func:`difference` of two prose spans as read, else as stored (markup that differs)."""
    read = difference(doc.text[here[0] : here[1]], doc.text[there[0] : there[1]])
    return read or difference(stored(doc, here), stored(doc, there))


def taken_besides(doc: Document, deleted: Span, copy: Span, stored: bool = False) -> str:
    """The stored text that deleting ``deleted`` (a prose span, or a span of the stored text
    when ``stored``) removes besides the prose span ``copy`` (the separator and, for whole
    HTML elements, the tags around it), white space squeezed."""
    a, b = deleted if stored else doc.source_offsets(*deleted)
    c, d = doc.source_offsets(*copy)
    text = doc.source.text
    return squeezed(text[a : max(a, c)] + " " + text[min(b, d) : b])


def deletes_only_copy(
    doc: Document, deleted: Span, copy: Span, like: tuple[Span, Span] | None = None, stored: bool = False
) -> bool:
    """Whether deleting ``deleted`` removes ``copy`` and no stored text but white space, or the
    same separator and tags as deleting ``like`` (a deletion and the first copy it holds) would;
    ``stored`` when the deletions are spans of the stored text, as whole-block deletions are."""
    besides = taken_besides(doc, deleted, copy, stored)
    return not besides or (like is not None and besides == taken_besides(doc, *like, stored=stored))


def difference(here: str, there: str) -> str:
    """Where two texts first differ, white space aside: ``'England' here, 'england' there``,
    with how many other places differ; empty when they do not."""
    a, b = here.split(), there.split()
    changes = [op for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"]
    if not changes:
        return ""
    _, i1, i2, j1, j2 = changes[0]
    if i1 == i2 or j1 == j2:  # words on one side only: show them with a word both sides share
        if i1 > 0 and j1 > 0:
            i1, j1 = i1 - 1, j1 - 1
        else:
            i2, j2 = i2 + 1, j2 + 1
    shown = f"'{_clip(' '.join(a[i1:i2]))}' here, '{_clip(' '.join(b[j1:j2]))}' there"
    more = len(changes) - 1
    return shown + (f", and {more} other difference{'s' * (more > 1)}" if more else "")


def _clip(text: str) -> str:
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"
