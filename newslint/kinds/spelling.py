"""``spelling``: words that are not words, with ranked suggestions; quiet on names.

A word is looked up, lower-cased, in wordfreq's English list (news, Wikipedia, books,
subtitles: the names that news prints are in it). Context decides the rest: a capitalized
word in mid-sentence is a proper noun and left alone; at the start of a sentence or a line it
is flagged only when it is unknown to wordfreq, never capitalized mid-sentence in the article
and one edit away from a common word. ALL-CAPS acronyms and words written in mixed case are
left to other rules. Curated misspellings (codespell's list) are flagged however common they are.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import spelldata
from ..document import Document
from ..findings import Finding, Fix
from ..rules import Rule
from . import Context, Option
from .spell_words import (
    Piece,
    candidates,
    counts,
    derived,
    match_case,
    mid_sentence_capitals,
    near_words,
    pieces,
    shape,
    splits,
    suggestions,
)

OPTIONS = {
    "min-zipf": Option(float, default=1.0, help="a lower-case word rarer than this (zipf) is unknown"),
    "initial-min-zipf": Option(
        float, default=3.0, help="how common a word one edit from an unknown capitalized word must be to flag it"
    ),
    "trust-count": Option(int, default=3, help="an unknown word written this many times is taken as deliberate"),
    "min-length": Option(int, default=3, help="shorter words are not checked"),
    "curated": Option(bool, default=True, help="flag codespell's curated misspellings"),
    "variants": Option(bool, default=True, help="with language en-US or en-GB, flag the other variety's spellings"),
    "max-suggestions": Option(int, default=5),
}


def prepare(rule: Rule) -> None:
    return None


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    data = spelldata.load()
    verdicts: dict[tuple[str, bool], tuple[str, list[str]] | None] = {}
    for piece in pieces(doc):
        key = (piece.text, piece.initial)  # in one document, all a verdict depends on
        if key in verdicts:
            verdict = verdicts[key]
        else:
            verdict = verdicts[key] = judge(piece, doc, ctx, rule.options, data)
        if verdict is None:
            continue
        reason, fixes = verdict
        fixes = fixes[: rule.options["max-suggestions"]]
        fix = Fix(fixes[0], safe=False) if fixes and clearly_best(piece.text, fixes) else None
        hint = f"did you mean '{fixes[0]}'?" if fixes else "check the spelling."
        message = rule.format_message(piece.text, word=piece.text, reason=reason, hint=hint)
        yield Finding(rule.id, piece.start, piece.end, message, rule.severity, fixes, fix)


def judge(
    piece: Piece, doc: Document, ctx: Context, o: dict, data: spelldata.SpellData
) -> tuple[str, list[str]] | None:
    """(reason, suggestions) when the piece is misspelt, else None."""
    word = piece.text
    if word in ctx.accept:
        return None
    if word in ctx.reject or (word.lower() in ctx.reject and shape(word) != "mixed"):
        return "is on the reject list", suggestions(word)
    kind = shape(word)
    if len(word) < o["min-length"] or kind in ("upper", "mixed"):
        return None
    lower = word.lower().replace("’", "'")
    if o["curated"]:
        fixes = data.corrections(word) or (data.corrections(lower) if kind == "lower" or piece.initial else [])
        single = [match_case(f, word) for f in fixes if " " not in f]
        if any(f.replace(" ", "") == lower for f in fixes):
            return None  # alot, ofthe: spelling.glued-words' finding
        if single:
            return "is a common misspelling", single
    if o["variants"] and (variant := other_variety(lower, ctx.language, data)):
        return f"is not {ctx.language} spelling", [match_case(variant, word)]
    if data.zipf(lower) >= o["min-zipf"] or counts(doc)[word] >= o["trust-count"]:
        return None
    if "'" in lower and all(data.zipf(p) >= o["min-zipf"] for p in lower.split("'") if p):
        return None

    def known(w: str) -> bool:
        return data.zipf(w) >= 1.5

    if derived(lower, known) or splits(lower, data.zipf):
        return None  # outjumped, carmaking; "ofthe" is spelling.glued-words' finding
    if kind == "capitalized":
        if not piece.initial or word in mid_sentence_capitals(doc) or data.zipf(lower) > 0:
            return None
        if not near_words(lower, o["initial-min-zipf"]):
            return None
    return "is not a known word", suggestions(word)


def other_variety(lower: str, language: str, data: spelldata.SpellData) -> str | None:
    """The spelling ``language`` expects instead of ``lower`` (en-US: color; en-GB: colour)."""
    if language == "en-US":
        return data.gb_to_us.get(lower)
    if language == "en-GB" and not lower.endswith(("ize", "izes", "ized", "izing", "ization", "izations")):
        return data.us_to_gb.get(lower)
    return None


def clearly_best(word: str, fixes: list[str]) -> bool:
    """One suggestion, or the first far ahead of the second."""
    if len(fixes) == 1:
        return True
    ranked = candidates(word.lower())
    return len(ranked) >= 2 and ranked[0][0] - ranked[1][0] >= 1.5
