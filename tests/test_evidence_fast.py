"""The cheaper paths of the evidence views give what the token-by-token paths give.

Spelling forms: a block with one line and none of the marks that may rule a word out is read
without testing the text around each word; the forms must be those the full test finds, in the
same order, at the same offsets. Free positions (where a capital says nothing): found from the
sentence starts and the tokens after a number or a mark; they must be those of the test of
every token against the one before. Checked on the fixtures and on random text rich in the
marks.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newslint.document.model import Document
from newslint.document.readers import read_document
from newslint.document.source import Source
from newslint.engine.support import capital_common, spell_words

FIXTURES = Path(__file__).parent / "fixtures"
# Letters (one outside ASCII, one upper case), marks that rule a word out or end a sentence,
# apostrophes, hyphens, digits, line breaks and spaces.
ALPHABET = "abcdeéAB  \n.@#/\\_'’-19:!?“(".replace("", " ").split() + [" ", " ", "\n", "\n\n"]


def _slow_forms(doc: Document) -> dict[spell_words.Form, list[int]]:
    """The forms, every block by the full test of the text around each word."""
    out: dict[spell_words.Form, spell_words.Pieces] = {}
    starts = spell_words._sentence_starts(doc)
    for block, (first, last) in zip(doc.blocks, doc.block_tokens, strict=True):
        heading = block.kind in ("headline", "heading")
        spell_words._block_forms(out, doc.text, doc.tokens[first:last], block, heading, starts)
    return {key: list(group.starts) for key, group in out.items()}


def _fast_forms(doc: Document) -> dict[spell_words.Form, list[int]]:
    return {key: list(group.starts) for key, group in spell_words._forms(doc).items()}


def _random_text(rng: random.Random) -> str:
    words = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 9))) for _ in range(rng.randint(5, 80))]
    return " ".join(words)


def _texts() -> list[tuple[str, str]]:
    found = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.rglob("*.txt"))]
    found += [(p.name, p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.rglob("*.md"))]
    return found


@pytest.mark.parametrize(("name", "text"), _texts())
def test_fixture_forms_equal(name: str, text: str) -> None:
    doc = read_document(Source(name, text))
    assert list(_fast_forms(doc).items()) == list(_slow_forms(doc).items())


def test_random_forms_equal() -> None:
    rng = random.Random(20)
    plain = 0
    for n in range(300):
        doc = read_document(Source(f"r{n}.txt", _random_text(rng)))
        assert list(_fast_forms(doc).items()) == list(_slow_forms(doc).items())
        plain += sum(1 for b in doc.blocks if not spell_words.CONTEXT.search(doc.text, b.start - 1, b.end + 2))
    assert plain > 20  # the fast path was taken too


def test_marks_rule_out_in_both_paths() -> None:
    doc = read_document(Source("a.txt", "Title\n\nMail me@example now or see georgewbush.com and #tag today."))
    forms = _fast_forms(doc)
    assert ("now", False) in forms and ("today", False) in forms
    assert ("example", False) not in forms and ("georgewbush", False) not in forms and ("tag", False) not in forms


def _slow_free(doc: Document) -> bytearray:
    """Free positions by testing every token against the one before (as they were found before)."""
    toks, text = doc.tokens, doc.text
    out = bytearray(len(toks))
    for sentence in doc.sentences:
        out[sentence.first_token] = 1
    for i, tok in enumerate(toks):
        prev = toks[i - 1] if i else None
        if (
            prev is None
            or prev.block != tok.block
            or prev.kind == "punct"
            and (prev.text in capital_common.OPENERS or prev.text in capital_common.ENDS)
            or prev.kind == "number"
            or "\n" in text[prev.end : tok.start]
        ):
            out[i] = 1
    return out


@pytest.mark.parametrize(("name", "text"), _texts())
def test_fixture_free_positions_equal(name: str, text: str) -> None:
    doc = read_document(Source(name, text))
    assert capital_common.free_positions(doc) == _slow_free(doc)


def test_random_free_positions_equal() -> None:
    rng = random.Random(22)
    marks = 0
    for n in range(300):
        doc = read_document(Source(f"r{n}.{rng.choice(['txt', 'md'])}", _random_text(rng)))
        free = capital_common.free_positions(doc)
        assert free == _slow_free(doc)
        marks += sum(1 for i, tok in enumerate(doc.tokens[1:]) if free[i + 1] and tok.kind == "word")
    assert marks > 100
