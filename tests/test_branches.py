"""Phrases searched one by one find what their alternation finds."""

import random

import pytest
import regex

from newslint.engine.kinds import boilerplate_phrase
from newslint.engine.loader import build_rule
from newslint.engine.regexes import Deferred
from newslint.engine.support.branches import fits_alone, leftmost_first, phrase_patterns

FLAGS = regex.V0 | regex.MULTILINE | regex.IGNORECASE
PIECES = ["ab", "a", "b", "ba", r"\w", "[ab]", " ", "(?<=a)b", "b(?=a)", r"\bab", "x{1,3}", "$", "^a"]


def _phrase(rng: random.Random) -> str:
    body = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 3)))
    return body + rng.choice(["", "+", "?"]) if body[-1] not in "$)}" else body


@pytest.mark.parametrize("seed", range(40))
def test_leftmost_first_gives_the_alternation_s_matches(seed: int) -> None:
    rng = random.Random(seed)
    phrases = [p for p in (_phrase(rng) for _ in range(rng.randint(2, 5))) if fits_alone(p)]
    patterns = [Deferred(f"(?:{p})", "phrases", True) for p in phrases]
    joined = regex.compile("|".join(f"(?:{p})" for p in phrases), FLAGS)
    for _ in range(30):
        text = "".join(rng.choice("abAB x\n") for _ in range(rng.randint(0, 40)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        expected = [m.span() for m in joined.finditer(text, start, end)]
        assert leftmost_first(patterns, text, start, end) == expected, (phrases, text, start, end)


@pytest.mark.parametrize(
    ("phrase", "fits"),
    [
        ("sign up", True),
        (r"^[^\n]{10,200}?[.!?] by[ \t]+(?-i:[\p{Lu}]+)$", True),  # \p{Lu} is one character
        ("a?", False),  # may match nothing
        (r"(?=x)", False),
        ("(?i)ab", False),  # a flag for the whole pattern
        (r"(a)\1", False),  # a group by number
        ("foo{e<=1}", False),  # fuzzy matching
        (r"\Gab", False),
        ("(?V1)ab", False),
    ],
)
def test_which_phrases_may_be_searched_alone(phrase: str, fits: bool) -> None:
    assert bool(fits_alone(phrase)) is fits


def test_one_unfit_phrase_keeps_the_alternation() -> None:
    assert phrase_patterns(["sign up", "a?"], True, "phrases") is None
    assert phrase_patterns(["sign up", "log in"], True, "phrases") is not None


def test_a_phrase_whose_keys_a_block_lacks_is_not_searched(monkeypatch) -> None:
    data = {
        "id": "t.p",
        "kind": "boilerplate_phrase",
        "severity": "info",
        "message": "{match}",
        "description": "A test.",
        "examples": {"flag": ["sign up now"], "pass": ["x"]},
        "phrases": ["sign up", "log in"],
    }
    compiled = build_rule(data, "t.yaml").compiled
    assert compiled.branches is not None
    searched: list[str] = []
    real = boilerplate_phrase.leftmost_first

    def spy(patterns, *args):
        searched.extend(p.source for p in patterns)
        return real(patterns, *args)

    monkeypatch.setattr(boilerplate_phrase, "leftmost_first", spy)
    text = "Please Sign Up now."
    assert boilerplate_phrase._branch_spans(compiled.branches, text, text.lower(), 0, len(text)) == [(7, 14)]
    assert searched == ["(?:sign up)"]
