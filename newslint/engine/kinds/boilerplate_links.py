"""``boilerplate_links``: a run of short Title Case lines: a menu or a list of links.

Navigation bars and "related stories" boxes export as one link a line, none of them a
sentence. The run is reported once, from its first line to its last; a run right after a
sentence that ends with a colon ("Read about the other winners:") is the article's own list.

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
from newslint.engine.support.boilerplate_lines import Line, delete_fix, introduces_list, is_title_like, lines

WHOLE_DOCUMENT = True  # in a windowed document: a run of link lines may cross a window cut
OPTIONS = {
    "min-lines": Option(int, default=4, help="shortest run of link-like lines reported"),
    "max-words": Option(int, default=12, help="longest link-like line, in words"),
}


def prepare(rule: Rule) -> None:
    for key in OPTIONS:
        if rule.options[key] < 1:
            raise OptionError(key, "must be at least 1")


def _runs(doc: Document, max_words: int) -> Iterator[list[Line]]:
    """Runs of link-like lines, except a list that a sentence of the article introduces."""
    run: list[Line] = []
    introduced = False
    for line in lines(doc):
        if doc.blocks[line.block].kind != "headline" and is_title_like(line.text, max_words):
            run.append(line)
            continue
        if run and not introduced:
            yield run
        run = []
        introduced = introduces_list(line.text)
    if run and not introduced:
        yield run


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    o = rule.options
    for run in _runs(doc, o["max-words"]):
        if len(run) < o["min-lines"]:
            continue
        first, last = run[0], run[-1]
        message = rule.format_message(first.text, lines=len(run))
        yield Finding(
            rule.id, first.start, last.end, message, rule.severity, [], delete_fix(doc, first.start, last.end)
        )
