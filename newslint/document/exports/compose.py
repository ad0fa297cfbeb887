"""An article's text to lint, composed from its title and body as read from an export file,
with the map from each character back to the export's stored text."""

from __future__ import annotations

from newslint.document.exports import Article
from newslint.document.offsets import ProseBuilder

# A piece of a field's value: its text and the stored characters it came from (start, length).
# A verbatim piece has as many stored characters as it has; an escape (``\\u00e9``, ``&amp;``)
# has more, and maps as a whole.
Piece = tuple[str, int, int]
HTML_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def value(pieces: list[Piece]) -> str:
    return "".join(text for text, _, _ in pieces)


def compose(
    fmt: str,
    title: list[Piece] | None,
    body: list[Piece],
    ident: str | None,
    url: str | None,
    at: int,
) -> Article:
    """The article as a document of ``fmt``: its title as the headline, then its body."""
    out = ProseBuilder()
    if title and value(title).strip():
        opening, closing = {"html": ("<h1>", "</h1>\n\n"), "markdown": ("# ", "\n\n")}.get(fmt, ("", "\n\n"))
        out.add_gap(opening, title[0][1])
        for text, start, size in title:
            _add_title(out, text.replace("\n", " ").replace("\r", " "), start, size, fmt == "html")
        out.add_gap(closing, title[-1][1] + title[-1][2])
    for text, start, size in body:
        out.add(text, start, size)
    text, offsets = out.build()
    name = value(title).strip() if title else None
    return Article(ident, name or None, url, fmt, text, offsets, at)


def _add_title(out: ProseBuilder, text: str, start: int, size: int, html: bool) -> None:
    """A title piece; in HTML, each ``&``, ``<`` and ``>`` escaped (mapped to its one character)."""
    if not html or size != len(text):
        out.add(_escape(text) if html else text, start, size)
        return
    for i, ch in enumerate(text):
        out.add(HTML_ESCAPES.get(ch, ch), start + i, 1)


def _escape(text: str) -> str:
    return "".join(HTML_ESCAPES.get(ch, ch) for ch in text)
