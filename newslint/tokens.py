"""Splitting prose into tokens and sentences, done once per document."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Order matters: abbreviations with dots, numbers (with units and separators), words, URLs,
# then any single mark.
TOKEN = re.compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>\"“”]*[^\s<>\"“”.,;:!?)\]’'])"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<abbr>(?:[^\W\d_]\.){2,})"
    r"|(?P<number>\d+(?:[.,:]\d+)*(?:[^\W\d_]+)?)"
    r"|(?P<word>[^\W\d_][\w]*(?:['’\-][\w]+)*)"
    r"|(?P<punct>[^\w\s])",
)

# Words after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st sr jr gen gov sen rep col lt sgt capt cmdr adm maj rev hon "
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc inc ltd co corp "
    "approx dept est fig vol ed eds al e.g i.e u.s u.k a.m p.m ft mt".split()
)
SENTENCE_END = frozenset(".!?")
CLOSERS = frozenset("\"”’')]»")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    kind: str  # word, number, abbr, url, email, punct
    block: int
    sentence: int = -1

    @property
    def is_word(self) -> bool:
        return self.kind in ("word", "abbr")


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    block: int
    first_token: int  # index into Document.tokens
    end_token: int  # exclusive


def tokenize(text: str, start: int, end: int, block: int) -> list[Token]:
    """Tokens of ``text[start:end]`` with document offsets."""
    return [
        Token(m.start(), m.end(), m.group(), m.lastgroup or "punct", block) for m in TOKEN.finditer(text, start, end)
    ]


def _is_abbreviation(word: Token, dot: Token) -> bool:
    """True when ``dot`` closes an abbreviation or an initial rather than a sentence."""
    if word.end != dot.start or not word.is_word:
        return False
    return word.text.lower() in ABBREVIATIONS or (len(word.text) == 1 and word.text.isupper())


def _is_boundary(text: str, tokens: list[Token], i: int) -> bool:
    """True when a sentence ends after ``tokens[i]``."""
    if i + 1 == len(tokens):
        return True
    tok, nxt = tokens[i], tokens[i + 1]
    gap = text[tok.end : nxt.start]
    if "\n" in gap:
        return True
    if not gap:
        return False
    j = i
    while j > 0 and tokens[j].text in CLOSERS and tokens[j - 1].end == tokens[j].start:
        j -= 1
    if tokens[j].text not in SENTENCE_END:
        return False
    if tokens[j].text == "." and j > 0 and _is_abbreviation(tokens[j - 1], tokens[j]):
        return False
    first = nxt.text[:1]
    return first.isupper() or first.isdigit() or first in "“\"‘'(["


def split_sentences(text: str, tokens: list[Token], first: int, block: int) -> list[Sentence]:
    """Sentences of one block; ``tokens`` are the block's, ``first`` the index of the first."""
    out: list[Sentence] = []
    begin = 0
    for i in range(len(tokens)):
        if _is_boundary(text, tokens, i):
            out.append(Sentence(tokens[begin].start, tokens[i].end, block, first + begin, first + i + 1))
            begin = i + 1
    return out
