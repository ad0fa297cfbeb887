"""``duplicate_line``: a line repeated right after itself inside one block.

A built-in check with settings, not a building block: its one built-in rule (below) is the
one to tune, under ``options:`` in the configuration; a rule file of your own of this kind is
seldom useful.
"""

from __future__ import annotations

from collections.abc import Iterator

from newslint.document.model import Document
from newslint.engine.copies import deletes_only_copy, how_they_differ, same_as_stored
from newslint.engine.findings import Finding, Fix, Related
from newslint.engine.kind import Context, Option
from newslint.engine.loader import Rule
from newslint.engine.scopes import units
from newslint.engine.similarity import has_letter, normal_text

SAME = "delete this copy"
DIFFERS = "keep the right one and delete the other"

OPTIONS = {
    "min-words": Option(int, default=1, help="lines with fewer words are left alone"),
}


def prepare(rule: Rule) -> None:
    return None


def lines(doc: Document, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) prose offsets of each line of ``doc.text[start:end]``."""
    text = doc.text
    while start <= end:
        stop = text.find("\n", start, end)
        stop = end if stop < 0 else stop
        yield start, stop
        start = stop + 1


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    least = rule.options["min-words"]
    for start, end in units(doc, rule.scope):
        if "\n" not in doc.text[start:end]:
            continue
        prev: tuple[int, int, str] | None = None
        for a, b in lines(doc, start, end):
            key = normal_text(doc.text[a:b])
            if prev and key == prev[2] and has_letter(key) and len(key.split()) >= least:
                yield _finding(rule, doc, prev[0], prev[1], a, b)
            prev = (a, b, key)


def _finding(rule: Rule, doc: Document, pa: int, pb: int, a: int, b: int) -> Finding:
    """The line ``[a, b)`` repeating ``[pa, pb)``: deleted safely (with the line break before
    it) only when it is the same as stored and nothing else goes with it."""
    line = doc.span(pa, pa)[0]
    if same_as_stored(doc, (pa, pb), (a, b)):
        safe, values = deletes_only_copy(doc, (pb, b), (a, b)), {"difference": "", "advice": SAME}
    else:
        how = how_they_differ(doc, (a, b), (pa, pb))
        safe, values = False, {"difference": f" but differs from it ({how})", "advice": DIFFERS}
    message = rule.format_message(doc.text[a:b], line=line, **values)
    related = [Related(pa, pb, f"first copy (line {line})")]
    return Finding(rule.id, a, b, message, rule.severity, [], Fix("", safe, pb, b), related)
