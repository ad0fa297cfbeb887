"""An alternation of phrases searched phrase by phrase, with the matches of the alternation.

A rule's phrases are one regex, ``(?:a)|(?:b)|...``. The `regex` module searches such an
alternation slowly (none of its branches' fast starts apply) and runs every branch at every
position, though in a given block most phrases cannot match: their needed strings are not
there. Searched one by one, only the phrases whose strings a block holds run, each with its
own fast start. The matches are those of the alternation: from a position, the alternation's
match is the leftmost one of any phrase, the first phrase winning at one start (the phrases
are tried in order there, and nothing follows the alternation). That holds only when no phrase
can match an empty string (finditer steps past an empty match in its own way), no phrase sets
a flag for the whole pattern or refers to a group by number (numbers shift in the alternation),
and the phrases do not use regex's fuzzy matching or ``\\G``; else the phrases stay one regex.
"""

from __future__ import annotations

from newslint.engine.regexes import Deferred, leftmost_first, worked_out
from newslint.engine.regexsplit import fits_alone

__all__ = ["leftmost_first", "phrase_patterns"]


def phrase_patterns(phrases: list[str], ignore_case: bool, key: str) -> tuple[Deferred, ...] | None:
    """Each phrase as its own pattern, or None when one of them must stay in the alternation."""
    if not all(worked_out("fits_alone", p, fits_alone) for p in phrases):
        return None
    return tuple(Deferred(f"(?:{p})", key, ignore_case) for p in phrases)
