"""``decoding``: the file was not UTF-8 and was read as cp1252."""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document
from ..findings import Finding
from ..rules import Rule
from . import Context

OPTIONS: dict = {}


def prepare(rule: Rule) -> None:
    return None


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    if not doc.source.guessed_encoding:
        return
    # Flag the first character that was not ASCII: the first byte that was not UTF-8.
    at = next((i for i, ch in enumerate(doc.text) if ord(ch) > 127), None)
    if at is None:
        return
    yield Finding(rule.id, at, at + 1, rule.format_message(doc.text[at], encoding=doc.source.encoding), rule.severity)
