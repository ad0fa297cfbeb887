"""``spelling_variant``: one article mixing US and UK spellings (``criticize`` and ``criticise``).

Words are classed by codespell's British-to-American list. -ise/-ize endings form a group of
their own (Oxford spelling writes "organize" with "colour"), the other pairs another; in each
group where both varieties occur, the first use of the rarer one gets one finding, pointing at
the usual one. A tie goes to the variety the article used first. A word capitalized in
mid-sentence is part of a name ("the Labor Department", "Silver Aluminium Case") and counts
for neither variety.

A built-in check with settings, not a building block: its one built-in rule (below) is the
one to tune, under ``options:`` in the configuration; a rule file of your own of this kind is
seldom useful.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from newslint.document.model import Document
from newslint.engine.findings import Finding, Fix, Related
from newslint.engine.kind import Context, Option
from newslint.engine.loader import Rule
from newslint.engine.support import spelldata
from newslint.engine.support.spell_words import Piece, match_case, variant_forms

WHOLE_DOCUMENT = True  # in a windowed document: one verdict for the whole, on its gathered forms
EVIDENCE = ("spell_variants",)  # document-wide views (see newslint.engine.evidence)
OPTIONS = {
    "ignore": Option(list, default=[], help="words whose two spellings mean different things (program, license)"),
}
NAMES = {"gb": "UK", "us": "US"}


def prepare(rule: Rule) -> frozenset[str]:
    return frozenset(w.lower() for w in rule.options["ignore"])


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    data = spelldata.load()
    us_to_gb = data.us_to_gb
    gb_to_us = data.gb_to_us
    seen: dict[str, dict[str, list[tuple[Piece, str]]]] = {}
    for (text, _), pieces in variant_forms(doc).items():
        lower = text.lower()
        if lower in gb_to_us:
            variety, other = "gb", gb_to_us[lower]
        elif lower in us_to_gb:
            variety, other = "us", us_to_gb[lower]
        else:
            continue
        if lower in rule.compiled or other in rule.compiled:
            continue
        group = "ise" if "is" in lower and "iz" in other or "iz" in lower and "is" in other else "other"
        kept = [p for p in pieces if not in_a_name(doc, p.start)] if text[:1].isupper() else pieces
        seen.setdefault(group, {"gb": [], "us": []})[variety].extend((piece, other) for piece in kept)
    for uses in seen.values():
        if uses["gb"] and uses["us"]:
            uses["gb"].sort(key=lambda use: use[0].start)
            uses["us"].sort(key=lambda use: use[0].start)
            yield finding(rule, uses)


def in_a_name(doc: Document, start: int) -> bool:
    """Whether the capitalized word at ``start`` follows a word of its sentence (a name's part)."""
    block = doc.block_at(start)
    toks = doc.tokens_of(block) if block is not None else []
    i = bisect_left(toks, start, key=lambda t: t.start)
    if i >= len(toks) or toks[i].start != start:
        return False
    sentence = toks[i].sentence
    return any(t.sentence == sentence and t.kind in ("word", "number", "abbr") for t in toks[max(0, i - 1) : i])


def finding(rule: Rule, uses: dict[str, list[tuple[Piece, str]]]) -> Finding:
    gb, us = uses["gb"], uses["us"]
    if len(gb) != len(us):
        minority = "gb" if len(gb) < len(us) else "us"
    else:
        minority = "gb" if gb[0][0].start > us[0][0].start else "us"
    majority = "us" if minority == "gb" else "gb"
    piece, other = uses[minority][0]
    usual = uses[majority][0][0]
    fixed = match_case(other, piece.text)
    message = rule.format_message(
        piece.text, word=piece.text, variety=NAMES[minority], usual=NAMES[majority], fixed=fixed, example=usual.text
    )
    related = [Related(usual.start, usual.end, f"{NAMES[majority]} spelling used here")]
    return Finding(rule.id, piece.start, piece.end, message, rule.severity, [fixed], Fix(fixed, safe=False), related)
