"""``boilerplate_teaser``: the start of another article after a "Next Post"-like marker.

After a marker line ("Next Post", "Related", "You may also like"), a CMS export often carries
the title of another article and its first lines cut off with "[…]" or "Read more". The title
and the excerpt are reported as one finding; the marker itself is left to the phrase rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Block, Document
from ..findings import Finding
from ..rules import Rule
from . import Context, Option, OptionError
from .boilerplate_lines import delete_fix, is_title_like

OPTIONS = {
    "markers": Option(list, required=True, help="regexes a whole block must match to open a teaser"),
    "endings": Option(list, required=True, help="regexes that end a cut-off excerpt"),
    "max-blocks": Option(int, default=3, help="most blocks a teaser takes after its marker"),
}


def _compile(rule: Rule, key: str, template: str) -> re.Pattern:
    items = rule.options[key]
    if not items or not all(isinstance(x, str) and x for x in items):
        raise OptionError(key, "must be a non-empty list of regexes")
    try:
        return re.compile(template.format("|".join(f"(?:{x})" for x in items)), re.IGNORECASE)
    except re.error as exc:
        raise OptionError(key, f"invalid regular expression: {exc}") from None


def prepare(rule: Rule) -> tuple[re.Pattern, re.Pattern]:
    if rule.options["max-blocks"] < 1:
        raise OptionError("max-blocks", "must be at least 1")
    return _compile(rule, "markers", r"^\s*(?:{})\s*:?\s*$"), _compile(rule, "endings", r"(?:{})\s*$")


def _teaser(blocks: list[Block], ending: re.Pattern, limit: int) -> list[Block]:
    """The blocks after a marker that make a teaser: titles, and an excerpt that is cut off."""
    taken: list[Block] = []
    for block in blocks[:limit]:
        text = block.text.strip()
        if ending.search(text):
            return [*taken, block]
        if not is_title_like(text, 16):
            break
        taken.append(block)
    return taken


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    marker, ending = rule.compiled
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if not marker.match(block.text):
            continue
        teaser = _teaser(blocks[i + 1 :], ending, rule.options["max-blocks"])
        if teaser:
            first = teaser[0]
            message = rule.format_message(first.text.strip(), marker=block.text.strip())
            yield Finding(rule.id, first.start, teaser[-1].end, message, rule.severity, [], delete_fix())
