"""The frequent words one slip or edit away, found through the suggestion index, are the ones
looking up every slip or edit finds."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newslint.engine.support import spell_words

WORDS = [
    "firday", "washingon", "politicial", "consenus", "beloned", "sleppy", "teh", "recieve", "ofrer", "lasp",
    "frunk", "ziers", "neidl", "iraly", "sattes", "reuteers", "campbll", "blari", "wales", "mother", "abc",
    "aa", "qqqq", "thinkin", "probally", "croud", "oving", "statmeant", "transfred", "hello", "café", "o'neil",
]  # fmt: skip
FLOORS = [251, 300, 360, 400, 550]


Run = Callable[..., Any]


@pytest.fixture
def looked_up(monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run a function with the index path off: every slip or edit looked up."""

    def run(f: Run, *args: Any) -> Any:
        with monkeypatch.context() as m:
            m.setattr(spell_words, "frequent_near", lambda word, floor: None)
            return f(*args)

    return run


def test_slip_fix_through_the_index_is_the_slip_fix_of_every_slip(looked_up: Run) -> None:
    found = 0
    for word in WORDS:
        for above in (2.6, 3.0, 3.5, 4.0, 5.5):
            for last in (True, False):
                for names in (300, spell_words.NAME):
                    fast = spell_words.slip_fix(word, above, last, names)
                    assert fast == looked_up(spell_words.slip_fix, word, above, last, names), (word, above, last)
                    found += fast is not None
    assert found > 20  # the words have slips to find


def test_near_words_through_the_index_are_the_near_words_of_every_edit(looked_up: Run) -> None:
    for word in WORDS:
        for floor in FLOORS:
            assert spell_words.near_words(word, floor / 100) == looked_up(spell_words.near_words, word, floor / 100)
    assert spell_words.near_words("teh", 3.0)[:1] == ["the"]


def test_the_index_path_is_left_for_words_it_may_lack() -> None:
    assert spell_words.frequent_near("café", 300) is None  # not plain a-z
    assert spell_words.frequent_near("o'neil", 300) is None
    assert spell_words.frequent_near("firday", 100) is None  # rarer words than the index holds
    assert "friday" in (spell_words.frequent_near("firday", 300) or {})
