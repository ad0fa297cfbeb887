"""``substitution``: a map of wrong words or phrases to the right ones."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from newslint.document.model import Document
from newslint.document.quotes import inside_quotes
from newslint.engine.findings import Finding, Fix
from newslint.engine.kind import Context, Option, OptionError
from newslint.engine.loader import Rule
from newslint.engine.regexes import word_alternation
from newslint.engine.scopes import matches_in

OPTIONS = {
    "swap": Option(dict, required=True, help="wrong -> right; the message's {right} names the right form"),
    "ignore-case": Option(bool, default=True, help="match any case and keep the case of the text"),
    "safe": Option(bool, default=True, help="whether replacing is safe to apply with --fix"),
    "skip-quotes": Option(bool, default=False, help="leave text inside quotation marks alone"),
}


@dataclass
class Compiled:
    pattern: regex.Pattern[str]
    swap: dict[str, str]


def prepare(rule: Rule) -> Compiled:
    swap = rule.options["swap"]
    if not swap or not all(isinstance(k, str) and k and isinstance(v, str) for k, v in swap.items()):
        raise OptionError("swap", "must map non-empty strings to strings")
    ignore_case = rule.options["ignore-case"]
    table = {(k.lower() if ignore_case else k): v for k, v in swap.items()}
    return Compiled(word_alternation(list(swap), ignore_case, "swap"), table)


def match_case(replacement: str, original: str) -> str:
    """``replacement`` in the case pattern of ``original`` (UPPER, Title or as given)."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper() and not replacement[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    c: Compiled = rule.compiled
    ignore_case = rule.options["ignore-case"]
    for m in matches_in(doc, rule.scope, c.pattern):
        if rule.options["skip-quotes"] and inside_quotes(doc, m.start()):
            continue
        found = m.group()
        right = c.swap[found.lower() if ignore_case else found]
        if ignore_case:
            right = match_case(right, found)
        message = rule.format_message(found, right=right)
        yield Finding(rule.id, m.start(), m.end(), message, rule.severity, [right], Fix(right, rule.options["safe"]))
