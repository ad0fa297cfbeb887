"""The compact spelling data: hashed word table, per-process memo, two-edit suggestion index."""

from __future__ import annotations

import pytest

from newslint.api import lint_bytes, make_linter, records
from newslint.engine.loader import builtin_rules_dir, load_rules
from newslint.engine.support import spell_words, spelldata
from newslint.engine.support.spell_words import distance, edits1, two_edits
from newslint.settings.config import Config


def table(keys: list[str]) -> spelldata.Table:
    blob, offsets, slots = spelldata.Table.pack(keys)
    return spelldata.Table(blob, offsets, slots, list(range(len(keys))))


def test_table_finds_every_key_and_only_those() -> None:
    keys = [f"w{i}" for i in range(500)] + ["café", "naïve", "über", ""]
    t = table(keys)
    assert all(t.get(k) == i for i, k in enumerate(keys))
    assert t.get("w500") is None and t.get("cafe", -1) == -1 and t.index("W1") == -1
    assert dict(t.items()) == {k: i for i, k in enumerate(keys)}


def test_held_gives_the_values_get_gives_for_the_keys_held() -> None:
    keys = [f"w{i}" for i in range(500)] + ["café", "naïve", "über", ""]
    t = table(keys)
    asked = ["w7", "w500", "cafe", "café", "", "W1", "w499", "x", "\udcff"]
    assert t.held(asked) == {k: t.get(k) for k in asked if t.index(k) >= 0}
    assert list(t.held(reversed(asked))) == ["w499", "", "café", "w7"]  # in the keys' order


def test_values_of_agrees_with_value_on_words_and_edits() -> None:
    data = spelldata.load()
    for word in ("receive", "recieve", "the", "Washingon", "zorbleflux", "firday"):
        asked = sorted(edits1(word.lower())) + [word, word.lower()]
        expected = {w: data.value(w) for w in asked if data.value(w)}
        assert data.values_of(asked) == expected
        assert bool(expected) == (word != "zorbleflux")  # no word is one edit from zorbleflux


def test_table_of_no_keys_is_empty() -> None:
    t = table([])
    assert len(t) == 0 and t.get("a") is None


def test_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    data = spelldata.load()
    monkeypatch.setattr(spelldata, "MEMO_LIMIT", 3)
    data.memo.clear()
    for w in ("the", "of", "and", "sleepy", "zzqx"):
        data.freq(w)
    assert len(data.memo) <= 3
    assert data.freq("sleepy") > 300 and data.freq("zzqx") == 0


def test_deletions_up_to_two_letters() -> None:
    assert spelldata.deletions("abc") == {"abc", "ab", "ac", "bc", "a", "b", "c"}
    assert spelldata.deletions("ab", 1) == {"ab", "a", "b"}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("sleepy", "sleepy", 0), ("sleppy", "sleepy", 1), ("ca", "ac", 1), ("receit", "receipt", 1),
     ("juse", "juice", 2), ("poartry", "poetry", 2), ("kitten", "sitting", 3), ("a", "abcd", 3)],
)  # fmt: skip
def test_distance_counts_transpositions_and_stops_past_the_limit(a: str, b: str, expected: int) -> None:
    assert distance(a, b, 2) == expected


@pytest.mark.parametrize("word", ["juse", "receit", "poartry", "guic"])
def test_two_edit_index_finds_what_generating_the_edits_finds(word: str) -> None:
    """The symmetric-delete index returns exactly the indexed words two edits away that are
    listed in the lexicon or common."""
    index = spelldata.suggest_index()
    data = spelldata.load()
    near = edits1(word)
    brute = {c for e in near for c in edits1(e)} - near - {word}
    above = 300.0
    expected = {
        c
        for c in brute
        if index.words.get(c, 0) > above and (data.listed(c) or index.words.get(c) >= spell_words.COMMON)
    }
    assert set(two_edits(word, above, {})) == expected
    assert expected  # the check is not vacuous


def test_suggestions_are_ranked_and_memoized() -> None:
    spell_words._MEMO.clear()
    spell_words._RANKED.clear()
    assert spell_words.suggestions("Sleppy")[0] == "Sleepy"
    assert [c for _, c in spell_words.candidates("poartry")[:2]] == ["poetry", "party"]  # a vowel struck, an r added
    assert ("sleppy", False) in spell_words._MEMO
    assert ("sleppy", False) in spell_words._RANKED


def test_each_occurrence_of_a_typo_is_reported() -> None:
    rules = list(load_rules(builtin_rules_dir() / "spelling"))
    linter = make_linter(Config(select=["spelling.typo"]), rules)
    text = "Headline here\n\nThe zorbleflux broke. A zorbleflux again.\n"
    found = records(lint_bytes(text.encode(), "a.txt", linter))
    assert [f["column"] for f in found] == [5, 25]
