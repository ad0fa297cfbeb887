"""``boilerplate_widget``: a run of short lines of labels, counts, percentages and stars.

Reaction and rating widgets export as one word or number a line ("Happy", "0 %", "5 Star").
The run is reported once, from its first line to its last, whatever blocks it crosses.

A built-in check with settings, not a building block: its one built-in rule (below) is the
one to tune, under ``options:`` in the configuration; a rule file of your own of this kind is
seldom useful.
"""

from __future__ import annotations

from collections.abc import Iterator

from newslint.document.model import Document
from newslint.engine.findings import Finding
from newslint.engine.kind import Context, Option, OptionError
from newslint.engine.loader import Rule
from newslint.engine.support.boilerplate_lines import Line, delete_fix, is_count, is_label, lines

WHOLE_DOCUMENT = True  # in a windowed document: a run of widget lines may cross a window cut
OPTIONS = {
    "min-lines": Option(int, default=6, help="shortest run of widget lines reported"),
    "min-counts": Option(int, default=3, help="how many of them must be counts, percentages or stars"),
}


def prepare(rule: Rule) -> None:
    for key in OPTIONS:
        if rule.options[key] < 1:
            raise OptionError(key, "must be at least 1")


def _runs(all_lines: list[Line]) -> Iterator[tuple[list[Line], int]]:
    """Maximal runs of widget-like lines, with the number of count lines in each."""
    run: list[Line] = []
    counts = 0
    for line in all_lines:
        count = is_count(line.text)
        if count or is_label(line.text):
            run.append(line)
            counts += count
            continue
        if run:
            yield run, counts
        run, counts = [], 0
    if run:
        yield run, counts


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    o = rule.options
    for run, counts in _runs(lines(doc)):
        # Counts must be interleaved with the labels: a widget, not a list of words.
        if len(run) < o["min-lines"] or counts < o["min-counts"] or counts * 4 < len(run):
            continue
        first, last = run[0], run[-1]
        message = rule.format_message(first.text, lines=len(run))
        yield Finding(
            rule.id, first.start, last.end, message, rule.severity, [], delete_fix(doc, first.start, last.end)
        )
