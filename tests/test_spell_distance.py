"""``spell_words.distance`` (optimal string alignment, common ends left out) against the plain table."""

from __future__ import annotations

import itertools
import random

import pytest
from harness import mutated

from newslint.engine.support import spell_words, spelldata
from newslint.engine.support.spell_words import distance


def full_table(a: str, b: str) -> int:
    """The optimal string alignment distance by the whole dynamic-programming table."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i, j in itertools.product(range(1, len(a) + 1), range(1, len(b) + 1)):
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
        if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
            d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def strings(letters: str, longest: int) -> list[str]:
    return ["".join(p) for n in range(longest + 1) for p in itertools.product(letters, repeat=n)]


def test_distance_is_the_table_s_up_to_the_limit() -> None:
    words = strings("ab", 4) + strings("abc", 3)
    for a, b in itertools.product(words, repeat=2):
        whole = full_table(a, b)
        assert [distance(a, b, limit) for limit in range(4)] == [min(whole, limit + 1) for limit in range(4)], (a, b)


@pytest.mark.parametrize(
    ("a", "b", "expected"), [("recieve", "receive", 1), ("teh", "the", 1), ("abcdef", "abdcef", 1), ("ca", "abc", 3)]
)
def test_known_distances(a: str, b: str, expected: int) -> None:
    assert distance(a, b, 3) == expected


def test_distance_of_longer_words_is_the_table_s() -> None:
    """Words as long as the suggestion index's (up to 16 letters), a few edits apart: the
    bit-parallel distance agrees with the whole table."""
    rng = random.Random(20)
    for _ in range(3000):
        a = "".join(rng.choice("abcdehst") for _ in range(rng.randint(1, 16)))
        b = mutated(a, rng, rng.randint(0, 4)) if rng.random() < 0.8 else "".join(rng.sample(a, len(a)))
        whole = full_table(a, b)
        assert [distance(a, b, limit) for limit in (1, 2, 3, 20)] == [min(whole, k + 1) for k in (1, 2, 3, 20)], (a, b)


def test_letters_near_keeps_every_word_within_two_edits() -> None:
    words = ["political", "consensus", "belonged", "suburban", "lasp", "ambition", "motorcycle", "a", "aa", "abba"]
    for word in words:
        letters = set(word)
        for one in spell_words.edits1(word):
            assert spell_words.letters_near(letters, one), (word, one)
            for two in list(spell_words.edits1(one))[::7]:  # a sample of the strings two edits away
                assert spell_words.letters_near(letters, two), (word, two)


def test_letters_near_drops_only_words_more_than_two_edits_away() -> None:
    index = spelldata.suggest_index()
    for word in ["politicial", "consenus", "frunk", "ziers", "amibition"]:
        letters = set(word)
        for n in sorted(index.near(word))[:400]:
            cand = index.words.key(n).decode("utf-8")
            if not spell_words.letters_near(letters, cand):
                assert spell_words.distance(word, cand, 2) > 2, (word, cand)
