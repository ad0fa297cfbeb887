"""What a full stop after a word may mean besides a sentence end: abbreviations, units and list
markers. Used by the sentence splitter and the rules that judge sentence starts."""

from __future__ import annotations

from newslint.document.lazyre import lazy

# Words after which a full stop does not end a sentence: titles, months, Latin and business
# abbreviations, and kitchen and imperial measures that are never ordinary words.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st sr jr gen gov sen rep col lt sgt capt cmdr adm maj rev hon "
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc inc ltd co corp "
    "approx dept est fig vol ed eds al e.g i.e u.s u.k a.m p.m ft mt "
    "tsp tbsp tbs tbls oz lb lbs pkg pkgs qt qts pt pts gal doz hr hrs "
    "cf pp ibid viz incl excl approx tel".split()
)
# Units that are abbreviations only right after a number: "6 in. wide", "2 c. flour", "5 g. salt".
UNITS = frozenset("in c g kg mg ml cl l dl m cm mm km mi yd yds sq cu t min mins sec secs".split())
# A list marker opening a line: "a)", "(b)", "iv.", "IV)", "3)", "12.". A single letter, a Roman
# numeral or a short number, then "." or ")"; the marker's own letter case says nothing.
_MARKER = lazy(r"[ \t]*(?:\(?(?:[a-zA-Z]|[ivxlcIVXLC]{1,6}|\d{1,3})\)|(?:[a-zA-Z]|[ivxlcIVXLC]{1,6}|\d{1,3})\.)[ \t]")


def is_abbreviation(word: str, after_number: bool = False) -> bool:
    """True when a full stop right after ``word`` closes an abbreviation (``tsp.``, ``No.``),
    or, with ``after_number``, a unit (``6 in.``)."""
    lower = word.lower()
    return lower in ABBREVIATIONS or (after_number and lower in UNITS)


def list_marker(text: str, line_start: int) -> int:
    """The end of a list marker opening the line that starts at ``line_start``, or -1."""
    m = _MARKER.match(text, line_start)
    return m.end() - 1 if m else -1
