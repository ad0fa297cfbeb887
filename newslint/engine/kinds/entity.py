"""``entity``: HTML character references left as text (``&amp;``, ``&nbsp;``, ``&#8217;``).

Only references that name a character are reported; the suggestion is that character
(a plain space for ``&nbsp;`` when ``nbsp-as-space`` is on).

A built-in check with settings, not a building block: its one built-in rule (below) is the
one to tune, under ``options:`` in the configuration; a rule file of your own of this kind is
seldom useful.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document.model import Document
from newslint.engine.findings import Finding, Fix
from newslint.engine.kind import Context, Option
from newslint.engine.loader import Rule
from newslint.engine.scopes import units

OPTIONS = {
    "formats": Option(list, default=["text", "markdown", "html"], help="document formats to check"),
    "nbsp-as-space": Option(bool, default=True, help="suggest a plain space for &nbsp;"),
    "safe": Option(bool, default=True, help="whether the replacement may be applied with --fix"),
}
REFERENCE = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def prepare(rule: Rule) -> None:
    return None


def replacement(reference: str, nbsp_as_space: bool) -> str | None:
    """The character ``reference`` names, or None when it names none."""
    import html  # here: its table of entities costs every run a millisecond, and few texts hold one

    char = html.unescape(reference)
    if char == reference or not char:
        return None
    return " " if nbsp_as_space and char == "\u00a0" else char


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    o = rule.options
    if doc.format not in o["formats"]:
        return
    for start, end in units(doc, rule.scope):
        for m in REFERENCE.finditer(doc.text, start, end):
            char = replacement(m.group(), o["nbsp-as-space"])
            if char is None:
                continue
            shown = {" ": "a space", "\u00a0": "a no-break space"}.get(char, f"'{char}'")
            message = rule.format_message(m.group(), right=shown)
            yield Finding(rule.id, m.start(), m.end(), message, rule.severity, [char], Fix(char, o["safe"]))
