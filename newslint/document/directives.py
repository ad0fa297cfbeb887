"""Inline directives: ``<!-- newslint-disable RULE -->`` comments as readers find them."""

from __future__ import annotations

import re

from newslint.document.lazyre import lazy
from newslint.document.model import Directive

DIRECTIVE = lazy(r"^\s*<!--\s*newslint-(disable-next-line|disable|enable)\b([^>]*?)\s*-->\s*$", re.IGNORECASE)


def parse_directive(comment: str, line: int, end_line: int) -> Directive | None:
    """A directive from a whole comment (``<!-- newslint-disable RULE... -->``), or None."""
    m = DIRECTIVE.match(comment)
    if not m:
        return None
    rules = tuple(r for r in re.split(r"[\s,]+", m.group(2)) if r)
    return Directive(m.group(1).lower(), rules, line, end_line)
