"""``block_match``: a block whose whole text matches a pattern, deleted by the fix."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newslint.document.model import Document
from newslint.engine.deletion import delete_blocks
from newslint.engine.findings import Finding
from newslint.engine.kind import Context, Option, OptionError
from newslint.engine.loader import Rule
from newslint.engine.regexes import compile_pattern

OPTIONS = {
    "pattern": Option(str, required=True, help="regular expression the whole block text must match"),
    "kinds": Option(list, default=["paragraph"], help="block kinds to look at"),
    "safe": Option(bool, default=True, help="whether deleting the block is safe to apply with --fix"),
}


def prepare(rule: Rule) -> regex.Pattern[str]:
    if not all(isinstance(k, str) for k in rule.options["kinds"]):
        raise OptionError("kinds", "must be a list of block kinds")
    return compile_pattern(rule.options["pattern"], "pattern")


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    kinds = set(rule.options["kinds"])
    for block in doc.blocks:
        if block.kind not in kinds or not rule.compiled.fullmatch(block.text, timeout=1.0):
            continue
        shown = block.text.strip()
        fix = delete_blocks(doc, block, block, rule.options["safe"])
        yield Finding(rule.id, block.start, block.end, rule.format_message(shown), rule.severity, [], fix)
