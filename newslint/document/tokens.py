"""Splitting prose into tokens and sentences, done once per document."""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from itertools import compress, repeat
from operator import attrgetter

from newslint.document.abbreviations import ABBREVIATIONS  # words a full stop does not end
from newslint.document.lazyre import LazyPattern, lazy
from newslint.document.records import Record

# Order matters: abbreviations with dots, numbers (with units and separators), words, URLs,
# then any single mark.
_URL = r"(?P<url>(?:https?://|www\.)[^\s<>\"“”]*[^\s<>\"“”.,;:!?)\]’'])"
_EMAIL = r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
_REST = (
    r"(?P<abbr>(?:[^\W\d_]\.){2,})"
    r"|(?P<number>\d+(?:[.,:]\d+)*(?:[^\W\d_]+)?)"
    r"|(?P<word>[^\W\d_][\w]*(?:['’\-][\w]+)*)"
    r"|(?P<punct>[^\w\s])"
)
TOKEN = lazy(f"{_URL}|{_EMAIL}|{_REST}")  # the reference; tokenize uses the faster equivalents below
# The same tokens, found sooner: a word is tried first, unless its first letter starts an
# abbreviation (a letter, a full stop, a letter and a full stop, which the word alternative
# cannot take past its first letter), and a space, where no alternative can start, fails at once.
_FAST_REST = (
    r"(?P<word>[^\W\d_](?!\.[^\W\d_]\.)\w*(?:['’\-]\w+)*)"
    r"|(?P<abbr>(?:[^\W\d_]\.){2,})"
    r"|(?P<number>\d+(?:[.,:]\d+)*(?:[^\W\d_]+)?)"
    r"|(?P<punct>[^\w\s])"
)


def _fast(*alternatives: str) -> LazyPattern:
    return lazy(r"(?=\S)(?:" + "|".join(alternatives) + ")")


# Without the alternatives that cannot match in a span lacking "://", "www." or "@": keyed by
# (may hold a URL, may hold an e-mail address).
_TOKEN_FOR = {
    (True, True): _fast(_URL, _EMAIL, _FAST_REST),
    (True, False): _fast(_URL, _FAST_REST),
    (False, True): _fast(_EMAIL, _FAST_REST),
    (False, False): _fast(_FAST_REST),
}

SENTENCE_END = frozenset(".!?")
CLOSERS = frozenset("\"”’')]»")


class Token(Record):
    """A token: its prose offset, its text (``text[start:end]``), kind, block and sentence.

    The end is not stored but read from the text's length: a long article has a million tokens,
    and an offset is an int object of its own (32 bytes and a slot)."""

    __slots__ = ("start", "text", "kind", "block", "sentence")
    start: int
    text: str
    kind: str  # word, number, abbr, url, email, punct
    block: int
    sentence: int

    def __init__(self, start: int, text: str, kind: str, block: int, sentence: int = -1) -> None:
        self.start = start
        self.text = text
        self.kind = kind
        self.block = block
        self.sentence = sentence

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def is_word(self) -> bool:
        return self.kind in ("word", "abbr")


class Sentence(Record):
    __slots__ = ("start", "end", "block", "first_token", "end_token")
    start: int
    end: int
    block: int
    first_token: int  # index into Document.tokens
    end_token: int  # exclusive

    def __init__(self, start: int, end: int, block: int, first_token: int, end_token: int) -> None:
        self.start = start
        self.end = end
        self.block = block
        self.first_token = first_token
        self.end_token = end_token


_START, _TEXT, _KIND = re.Match.start, re.Match.group, attrgetter("lastgroup")  # every alternative is a group


def tokenize(text: str, start: int, end: int, block: int) -> list[Token]:
    """Tokens of ``text[start:end]`` with document offsets.

    Equal token texts are one string (interned): a long article repeats a few thousand words,
    so this keeps one copy of each rather than one a token. The matches' fields are read by
    ``map`` (loops in C: the only Python a token costs is its ``__init__``)."""
    url = text.find("://", start, end) >= 0 or text.find("www.", start, end) >= 0
    found = list(_TOKEN_FOR[url, text.find("@", start, end) >= 0].compiled.finditer(text, start, end))
    return list(map(Token, map(_START, found), map(sys.intern, map(_TEXT, found)), map(_KIND, found), repeat(block)))


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


def split_sentences(text: str, tokens: list[Token], first: int, block: int, number: int = -1) -> list[Sentence]:
    """Sentences of one block; ``tokens`` are the block's, ``first`` the index of the first.

    With ``number`` (the index of the block's first sentence in the document) each token's
    ``sentence`` is set as well. A sentence can end only after a mark that may end one or a
    closer, before a line break or at the last token: only those tokens are tested.
    """
    out: list[Sentence] = []
    begin = 0
    for i in _may_end(text, tokens):
        if i + 1 < len(tokens) and not _ends_before_next(text, tokens, i):
            continue
        out.append(Sentence(tokens[begin].start, tokens[i].end, block, first + begin, first + i + 1))
        if number >= 0:
            n = number + len(out) - 1
            for tok in tokens[begin : i + 1]:
                tok.sentence = n
        begin = i + 1
    return out


_MAY_END = SENTENCE_END | CLOSERS
_TEXT_OF, _START_OF = attrgetter("text"), attrgetter("start")


def _may_end(text: str, tokens: list[Token]) -> list[int]:
    """In order, the indexes of the tokens after which a sentence may end: the marks and closers
    (found by a loop in C), those a line break follows, and the last."""
    if not tokens:
        return []
    last = len(tokens) - 1
    found = set(compress(range(last), map(_MAY_END.__contains__, map(_TEXT_OF, tokens))))
    newline = text.find("\n", tokens[0].start, tokens[last].start)  # a token holds no line break
    if newline >= 0:
        starts = list(map(_START_OF, tokens))
        while newline >= 0:
            found.add(bisect_right(starts, newline) - 1)  # the token before the line break
            newline = text.find("\n", newline + 1, tokens[last].start)
    found.add(last)
    return sorted(found)


def _ends_before_next(text: str, tokens: list[Token], i: int) -> bool:
    """True when a sentence ends between ``tokens[i]`` and the next token."""
    tok = tokens[i]
    end = tok.start + len(tok.text)
    nxt = tokens[i + 1].start
    if nxt == end:
        return False
    if tok.text not in _MAY_END:
        return text.find("\n", end, nxt) >= 0
    return _is_boundary(text, tokens, i)
