"""``decoding``: bytes that are not UTF-8, each run of them a finding at its exact place.

The file is decoded as UTF-8 byte run by byte run (see :func:`newslint.document.source.decode`): valid
UTF-8 stays as it is and each byte that is not UTF-8 is one lone surrogate in the stored
text, so each run is reported where it lies (in markup too) and the rest of the file is
linted as usual. The run's Windows-1252 reading (Latin-1 for bytes cp1252 lacks) is the
suggestion and an unsafe fix: a CMS that mixed encodings most often wrote cp1252 there.
After ``max-findings`` runs one more finding counts the rest, so that a file stored whole
in cp1252 gives a readable report.

A built-in check with settings, not a building block: its one built-in rule (below) is the
one to tune, under ``options:`` in the configuration; a rule file of your own of this kind is
seldom useful.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from newslint.document.model import Document
from newslint.document.source import INVALID_BYTES, show_bytes
from newslint.engine.findings import Finding, Fix
from newslint.engine.kind import Context, Option, OptionError
from newslint.engine.loader import Rule

WHOLE_DOCUMENT = True  # in a windowed document: the stored file whole, once
OPTIONS = {
    "max-findings": Option(int, default=100, help="runs reported one by one; the rest get one summary finding"),
}


def prepare(rule: Rule) -> None:
    if rule.options["max-findings"] < 1:
        raise OptionError("max-findings", "must be 1 or more")
    return None


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    text = doc.source.text
    limit = rule.options["max-findings"]
    for n, m in enumerate(INVALID_BYTES.finditer(text)):
        if n == limit:
            rest = sum(1 for _ in INVALID_BYTES.finditer(text, m.start()))
            message = f"{rest} more runs of bytes that are not UTF-8 from here on (not listed one by one)."
            yield Finding(rule.id, m.start(), m.end(), message, rule.severity, stored=True)
            return
        yield _finding(rule, m.start(), m.end(), m.group())


def _finding(rule: Rule, start: int, end: int, run: str) -> Finding:
    """The finding for one run of undecodable bytes (lone surrogates) at ``start:end``."""
    reading = windows_1252(run.encode("utf-8", "surrogateescape"))
    shown = show_bytes(run)
    message = rule.format_message(shown, right=reading or "?")
    if reading is None:
        return Finding(rule.id, start, end, message, rule.severity, stored=True)
    return Finding(rule.id, start, end, message, rule.severity, [reading], Fix(reading, safe=False), stored=True)


def windows_1252(data: bytes) -> str | None:
    """The bytes read as Windows-1252 (Latin-1 where it has no character), or None when that
    reading holds a control character and so cannot be what was meant."""
    text = "".join(_cp1252_char(b) for b in data)
    return None if any(unicodedata.category(ch) == "Cc" for ch in text) else text


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)
