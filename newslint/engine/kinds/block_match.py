"""``block_match``: a block whose whole text matches a pattern, deleted by the fix."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newslint.document.model import Document
from newslint.engine.findings import Finding, Fix
from newslint.engine.kind import Context, Option, OptionError
from newslint.engine.loader import Rule
from newslint.engine.regexes import compile_pattern

OPTIONS = {
    "pattern": Option(str, required=True, help="regular expression the whole block text must match"),
    "kinds": Option(list, default=["paragraph"], help="block kinds to look at"),
    "safe": Option(bool, default=True, help="whether deleting the block is safe to apply with --fix"),
}


def prepare(rule: Rule) -> regex.Pattern:
    if not all(isinstance(k, str) for k in rule.options["kinds"]):
        raise OptionError("kinds", "must be a list of block kinds")
    return compile_pattern(rule.options["pattern"], "pattern")


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    kinds = set(rule.options["kinds"])
    for i, block in enumerate(doc.blocks):
        if block.kind not in kinds or not rule.compiled.fullmatch(block.text, timeout=1.0):
            continue
        # Delete the block with the blank line before it (or after it, for the first block).
        if i > 0:
            start, end = doc.blocks[i - 1].end, block.end
        elif len(doc.blocks) > 1:
            start, end = block.start, doc.blocks[1].start
        else:
            start, end = block.start, block.end
        shown = block.text.strip()
        fix = Fix("", rule.options["safe"], start, end)
        yield Finding(rule.id, block.start, block.end, rule.format_message(shown), rule.severity, [], fix)
