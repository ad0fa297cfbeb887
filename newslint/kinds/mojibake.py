"""``mojibake``: UTF-8 text that was decoded as Windows-1252 or Latin-1 (``â€™``, ``Ã©``).

Candidates are found by the shape of mis-decoded UTF-8 (a lead byte shown as ``Â``-``ô``
followed by continuation bytes shown as Latin-1 or cp1252 characters); ftfy, loaded on first
use, confirms each and gives the repaired text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..findings import Finding, Fix
from ..rules import Rule
from ..scopes import units
from . import Context, Option

OPTIONS = {
    "safe": Option(bool, default=False, help="whether the repair may be applied with --fix"),
}
CONTINUATION = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
CANDIDATE = re.compile(rf"[^\s]*[\u00c2-\u00f4][{CONTINUATION}][^\s]*")
_ftfy: Any = None


def prepare(rule: Rule) -> None:
    return None


def _library() -> Any:
    global _ftfy
    if _ftfy is None:
        import ftfy
        import ftfy.badness

        _ftfy = ftfy
    return _ftfy


def repair(text: str) -> str | None:
    """The repaired text when ``text`` is mojibake, else None."""
    ftfy = _library()
    if not ftfy.badness.is_bad(text):
        return None
    fixed = ftfy.fix_encoding(text)
    return fixed if fixed != text else None


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    for start, end in units(doc, rule.scope):
        for m in CANDIDATE.finditer(doc.text, start, end):
            fixed = repair(m.group())
            if fixed is None:
                continue
            message = rule.format_message(m.group(), right=fixed)
            fix = Fix(fixed, rule.options["safe"])
            yield Finding(rule.id, m.start(), m.end(), message, rule.severity, [fixed], fix)
