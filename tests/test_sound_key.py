"""Suggestions that sound like the typo (support/sound_key.py)."""

from __future__ import annotations

from newslint.engine.support import sound_key, spell_words


def test_words_spelt_as_they_sound_share_the_key_of_the_word_meant() -> None:
    for typo, word in (("trubbel", "trouble"), ("hifin", "hyphen"), ("taff", "tough"), ("sed", "said")):
        assert sound_key.sound_key(typo) == sound_key.sound_key(word), typo
    assert sound_key.sound_key("trouble") != sound_key.sound_key("travel")


def test_the_index_finds_words_by_their_key() -> None:
    assert "trouble" in sound_key.sounds().alikes("trubbel")
    assert sound_key.sounds().alikes("mxzpqt") == []


def test_a_word_three_edits_away_that_sounds_alike_is_suggested_first() -> None:
    assert "announcement" not in [c for _, c in spell_words.candidates("annonsment", True)]
    assert spell_words.suggestions("annonsment")[0] == "announcement"
    assert spell_words.suggestions("trubbel")[0] == "trouble"


def test_a_candidate_that_sounds_alike_is_raised_above_a_commoner_one() -> None:
    for typo, word in (("hase", "has"), ("sercus", "circus"), ("poney", "pony")):
        assert spell_words.candidates(typo, True)[0][1] != word
        assert spell_words.suggestions(typo)[0] == word
