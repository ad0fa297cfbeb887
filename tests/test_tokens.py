"""The document's token stream, sentences and the memory it shares (one copy of repeated words)."""

from __future__ import annotations

import pytest

from newslint.document.readers import read_document
from newslint.document.source import Source, decode
from newslint.engine.similarity import block_keys

TEXTS = [
    "Headline here\n\nThe minister said on Tuesday that talks would resume. Markets rose 3.5% on the news.",
    "Emoji headline \U0001f4c8\n\nOfficials in São Paulo met Dr. Smith at 10:30, e.g. in the U.S. office.",
    "Links\n\nSee https://example.com/a?b=1 or write to press@example.org. “Quoted,” she said — then left.",
    "Crlf\r\n\r\nOne line.\r\nAnother line with don’t and co-ordinate.\r\n",
]


def _doc(text: str):  # type: ignore[no-untyped-def]
    return read_document(decode("a.txt", text.encode()), None)


@pytest.mark.parametrize("text", TEXTS)
def test_each_token_is_its_span_of_the_prose(text: str) -> None:
    doc = _doc(text)
    assert doc.tokens
    for tok in doc.tokens:
        assert tok.text == doc.text[tok.start : tok.end]
        assert doc.blocks[tok.block].start <= tok.start < tok.end <= doc.blocks[tok.block].end


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_cover_every_visible_character_once(text: str) -> None:
    doc = _doc(text)
    covered = "".join(tok.text for tok in doc.tokens)
    visible = "".join("".join(doc.text[b.start : b.end].split()) for b in doc.blocks)
    assert covered == visible


@pytest.mark.parametrize("text", TEXTS)
def test_sentences_partition_the_tokens_in_order(text: str) -> None:
    doc = _doc(text)
    at = 0
    for n, sentence in enumerate(doc.sentences):
        assert sentence.first_token == at < sentence.end_token
        inside = doc.tokens[sentence.first_token : sentence.end_token]
        assert {t.sentence for t in inside} == {n}
        assert (sentence.start, sentence.end) == (inside[0].start, inside[-1].end)
        at = sentence.end_token
    assert at == len(doc.tokens)


def test_repeated_words_are_one_string() -> None:
    doc = _doc("Title\n\n" + " ".join(["Markets rose sharply as investors cheered."] * 3))
    rose = [t.text for t in doc.tokens if t.text == "rose"]
    assert len(rose) == 3 and rose[0] is rose[1] is rose[2]
    keys = block_keys(doc)
    words = [w for i in range(len(keys)) for w in keys.words_of(i) if w == "sharply"]
    assert len(words) == 3 and words[0] is words[1] is words[2]


def test_text_without_carriage_returns_is_not_copied() -> None:
    raw = "Headline\n\nA paragraph.\n"
    source = Source("a.txt", raw)
    assert source.text is raw
    assert source.position(len("Headline\n\n")) == (3, 1)


def test_carriage_returns_still_become_line_feeds() -> None:
    source = Source("a.txt", "Headline\r\n\r\nA paragraph.\rNext.\n")
    assert source.text == "Headline\n\nA paragraph.\nNext.\n"
    assert list(source.line_starts) == [0, 9, 10, 23, 29]


def test_word_forms_are_the_words_at_their_offsets() -> None:
    from newslint.engine.support.spell_words import forms

    doc = _doc("Title\n\nThe well-known mayor met the mayor. Mayor Smith's aides met the press again.")
    groups = forms(doc)
    mayor = groups["mayor", False]
    assert [(p.start, p.end) for p in mayor] == [(m, m + 5) for m in _all(doc.text, "mayor")]
    assert len(mayor) == 2 and mayor[-1].start == mayor[1:][0].start
    for (text, initial), pieces in groups.items():
        for piece in pieces:
            assert (piece.text, piece.initial) == (text, initial)
            assert doc.text[piece.start : piece.end] == text
    assert {"well", "known", "Smith"} <= {text for text, _ in groups}


def _all(text: str, word: str) -> list[int]:
    out, at = [], text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_token_texts_are_the_tokens_texts_in_order(text: str) -> None:
    doc = _doc(text)
    assert doc.token_texts == [t.text for t in doc.tokens]
    assert doc.token_texts == [doc.text[t.start : t.end] for t in doc.tokens]
    assert doc.token_texts is doc.token_texts  # worked out once a document


def test_tokens_are_the_pattern_matches() -> None:
    """tokenize reads each match's start, text and group: the same as reading them one by one."""
    import random

    from newslint.document.tokens import TOKEN, tokenize

    rng = random.Random(24)
    pieces = [
        "word",
        "Mr.",
        "U.S.",
        "3.5%",
        "it’s",
        "co-op",
        "a@b.com",
        "https://x.org/a",
        "www.y.com",
        "“",
        "…",
        "_",
        " ",
        "\n",
    ]
    for _ in range(200):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        expected = [(m.start(), m[0], m.lastgroup, 7) for m in TOKEN.finditer(text, 1, len(text))]
        assert [(t.start, t.text, t.kind, t.block) for t in tokenize(text, 1, len(text), 7)] == expected


def _reference_tokens(text: str, start: int, end: int) -> list[tuple[int, str, str | None]]:
    from newslint.document.tokens import TOKEN

    return [(m.start(), m[0], m.lastgroup) for m in TOKEN.finditer(text, start, end)]


def test_fast_patterns_find_the_reference_tokens_in_fixtures() -> None:
    """tokenize's patterns (a word tried first, a space failing at once) find TOKEN's tokens."""
    from pathlib import Path

    from newslint.document.tokens import tokenize

    paths = sorted(Path(__file__).parent.joinpath("fixtures").rglob("*.*"))
    texts = [p.read_text(encoding="utf-8") for p in paths if p.suffix in (".txt", ".md")]
    assert texts
    for text in texts:
        got = [(t.start, t.text, t.kind) for t in tokenize(text, 0, len(text), 0)]
        assert got == _reference_tokens(text, 0, len(text))


def test_fast_patterns_find_the_reference_tokens_in_random_text() -> None:
    """Random text dense in abbreviations, initials, dots, digits and marks, from any offset."""
    import random

    from newslint.document.tokens import tokenize

    rng = random.Random(25)
    alphabet = list("aAbéZ1.. .@:/'’-_\n\t…“") + ["a.b.", "U.S", "www.", "://", "x.y.z", "a. b."]
    abbreviations = 0
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        start = rng.randint(0, len(text))
        expected = _reference_tokens(text, start, len(text))
        assert [(t.start, t.text, t.kind) for t in tokenize(text, start, len(text), 0)] == expected
        abbreviations += sum(1 for e in expected if e[2] == "abbr")
    assert abbreviations > 100  # the abbreviation alternative was reached


def _reference_split(text: str, tokens: list, first: int, block: int) -> list[tuple[int, int, int, int]]:  # type: ignore[type-arg]
    """Sentences by testing the gap after every token (the loop split_sentences replaced)."""
    from newslint.document.tokens import _is_boundary

    out, begin = [], 0
    for i in range(len(tokens)):
        if i + 1 < len(tokens) and (tokens[i + 1].start == tokens[i].end or not _is_boundary(text, tokens, i)):
            continue
        out.append((tokens[begin].start, tokens[i].end, first + begin, first + i + 1))
        begin = i + 1
    return out


def _split_texts() -> list[str]:
    import random
    from pathlib import Path

    paths = sorted(Path(__file__).parent.joinpath("fixtures").rglob("*.*"))
    texts = [p.read_text(encoding="utf-8") for p in paths if p.suffix in (".txt", ".md")]
    rng = random.Random(26)
    pieces = "word Word Mr. U.S. e.g. 3.5 . ! ? ” ) ' “ ( A".split() + ["\n", " ", "  "]
    texts += ["".join(rng.choice(pieces) + rng.choice(["", " ", "\n", " \n "]) for _ in range(60)) for _ in range(500)]
    return texts


def test_sentences_are_those_of_testing_every_gap() -> None:
    """split_sentences tests only the tokens after which a sentence may end: the same sentences
    as testing every token, and each token's sentence is the one that holds it."""
    from newslint.document.tokens import split_sentences, tokenize

    breaks = 0
    for text in _split_texts():
        tokens = tokenize(text, 0, len(text), 3)
        got = split_sentences(text, tokens, 5, 3, 7)
        assert [(s.start, s.end, s.first_token, s.end_token) for s in got] == _reference_split(text, tokens, 5, 3)
        for n, sentence in enumerate(got):
            assert sentence.block == 3
            assert {t.sentence for t in tokens[sentence.first_token - 5 : sentence.end_token - 5]} == {7 + n}
        breaks += sum(1 for s in got if "\n" in text[s.end : s.end + 3])
    assert breaks > 100  # line breaks ended sentences too
