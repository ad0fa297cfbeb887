"""Readers turn a decoded source into a Document: prose blocks with an offset map."""

from __future__ import annotations

from pathlib import PurePath

from newslint.document.model import Document
from newslint.document.source import Source

FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


def format_of(path: str) -> str:
    """The format a path is read as: text, markdown or html."""
    return FORMATS.get(PurePath(path).suffix.lower(), "text")


def read_document(source: Source, fmt: str | None = None) -> Document:
    """Parse a source into a Document in the given (or guessed) format."""
    fmt = fmt or format_of(source.path)
    if fmt == "markdown":
        from newslint.document.readers.markdown import read_markdown

        return read_markdown(source)
    if fmt == "html":
        from newslint.document.readers.html import read_html

        return read_html(source)
    from newslint.document.readers.text import read_text

    return read_text(source)
