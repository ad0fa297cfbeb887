"""``pattern``: a regular expression or a list of words, with an optional replacement."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newslint.document.model import Document
from newslint.document.quotes import inside_quotes
from newslint.document.records import Record
from newslint.engine.findings import Finding, Fix
from newslint.engine.kind import Context, Option, OptionError
from newslint.engine.loader import Rule
from newslint.engine.regexes import Deferred, alternation_source
from newslint.engine.scopes import matches_in
from newslint.engine.support.code_text import code_at

OPTIONS = {
    "pattern": Option(str, help="regular expression (the `regex` module's syntax)"),
    "words": Option(list, help="words or phrases matched as whole words"),
    "ignore-case": Option(bool, default=False, help="match without regard to case"),
    "exceptions": Option(list, default=[], help="regexes; a match that one of them matches whole is skipped"),
    "replacement": Option(str, help="replacement template (\\1, \\g<name>) offered as the fix"),
    "safe": Option(bool, default=True, help="whether the replacement is safe to apply with --fix"),
    "skip-quotes": Option(bool, default=False, help="leave text inside quotation marks alone"),
    "skip-code": Option(bool, default=False, help="leave blocks that read as program code alone"),
}


class Compiled(Record):
    __slots__ = ("pattern", "exceptions")
    pattern: Deferred
    exceptions: Deferred | None

    def __init__(self, pattern: Deferred, exceptions: Deferred | None) -> None:
        self.pattern = pattern
        self.exceptions = exceptions


def prepare(rule: Rule) -> Compiled:
    o = rule.options
    if bool(o["pattern"]) == bool(o["words"]):
        raise OptionError("pattern", "give exactly one of 'pattern' and 'words'")
    if o["words"] and not all(isinstance(w, str) and w for w in o["words"]):
        raise OptionError("words", "must be a list of non-empty strings")
    if o["pattern"]:
        pattern = Deferred(o["pattern"], "pattern", o["ignore-case"])
    else:
        pattern = Deferred(alternation_source(o["words"]), "words", o["ignore-case"])
    exceptions = None
    if o["exceptions"]:
        if not all(isinstance(e, str) for e in o["exceptions"]):
            raise OptionError("exceptions", "must be a list of strings")
        exceptions = Deferred("|".join(f"(?:{e})" for e in o["exceptions"]), "exceptions", o["ignore-case"])
    if o["replacement"] is not None and o["pattern"] and pattern.is_compiled:  # a deferred one: by the tests
        try:
            pattern.sub(o["replacement"], "")
        except (regex.error, IndexError) as exc:
            raise OptionError("replacement", f"invalid replacement: {exc}") from None
    return Compiled(pattern, exceptions)


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    c: Compiled = rule.compiled
    o = rule.options
    for m in matches_in(doc, rule.scope, c.pattern):  # compiled only when the text may match
        if m.end() == m.start():
            continue
        if c.exceptions and c.exceptions.compiled.fullmatch(m.group()):
            continue
        if o["skip-quotes"] and inside_quotes(doc, m.start()):
            continue
        if o["skip-code"] and code_at(doc, m.start()):
            continue
        suggestions, fix = [], None
        if o["replacement"] is not None:
            replacement = m.expand(o["replacement"])
            suggestions = [replacement] if replacement else []
            fix = Fix(replacement, o["safe"])
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        message = rule.format_message(m.group(), **groups)
        yield Finding(rule.id, m.start(), m.end(), message, rule.severity, suggestions, fix)
