"""The spelling channel: edits aligned and counted, and suggestions ranked by P(edit) x P(word)."""

from __future__ import annotations

import pytest
from harness import mutated

from newslint.engine.support import edit_model, spell_words, spelldata
from newslint.engine.support.edit_model import Channel, alignment, count


@pytest.mark.parametrize(
    ("word", "typo", "edits"),
    [
        ("receive", "recieve", [("swap", "ei", 3)]),
        ("committee", "comittee", [("undouble", "m", 2)]),
        ("sleepy", "sleppy", [("moved", "e", 3)]),
        ("beginning", "begginning", [("double", "g", 3)]),
        ("government", "goverment", [("drop", "n", 5)]),
        ("separate", "seperate", [("sub", "ae", 3)]),
        ("the", "thwe", [("add", "w", 2)]),
    ],
)
def test_alignment_names_the_edit(word: str, typo: str, edits: list[edit_model.Edit]) -> None:
    assert [e[:2] for e in alignment(word, typo)[1]] == [e[:2] for e in edits]


def test_alignment_counts_the_fewest_edits_and_gives_up_far_off() -> None:
    assert alignment("poetry", "poartry")[0] == 2
    assert alignment("government", "goverment")[1][0][2] == 5  # the position in the intended word
    assert alignment("cat", "cat") == (0.0, [])
    assert alignment("a", "abcdefgh")[0] == float("inf")  # beyond the band: no slip


def test_counts_skip_pairs_too_far_apart_to_be_slips() -> None:
    counts = count([("recieve", "receive"), ("xyzzyq", "apple")])
    assert counts["totals"]["words"] == 1
    assert counts["swap"] == {"ei": 1}
    assert counts["chars"]["e"] == 3


def test_channel_prefers_the_edits_it_has_seen() -> None:
    """Two equally distant candidates: the one reached by the edit seen in training wins."""
    pairs = [("seperate", "separate"), ("definate", "definite"), ("gramar", "grammar")] * 5
    channel = Channel(count(pairs))
    assert channel.log_p("separate", "seperate") > channel.log_p("seperate", "separate")  # a->e, not e->a
    assert channel.log_p("grammar", "gramar") > channel.log_p("gram", "gramar")  # undoubled, not an added ending


def test_substitution_prior_favours_keyboard_neighbours_and_vowels() -> None:
    channel = Channel(count([("thw", "the")]))
    assert channel.log_p("cat", "cst") > channel.log_p("cat", "cmt")  # s is next to a; m is not
    assert channel.log_p("bet", "bit") > channel.log_p("bet", "bkt")  # a vowel for a vowel


@pytest.mark.parametrize(
    ("typo", "right", "commoner"),
    [
        ("dirven", "driven", "given"),
        ("magnificant", "magnificent", "significant"),
        ("semetary", "cemetery", "secretary"),
        ("hapily", "happily", "happy"),
        ("helo", "hello", "help"),
        ("budter", "butter", "better"),
    ],
)
def test_ranking_is_not_by_frequency_alone(typo: str, right: str, commoner: str) -> None:
    """The right word is ranked first although a more common candidate is offered too."""
    spell_words._MEMO.clear()
    data = spelldata.load()
    found = spell_words.suggestions(typo)
    assert data.freq(commoner) > data.freq(right)
    assert found[0] == right
    assert commoner in found


def test_curated_corrections_come_first_in_codespells_order() -> None:
    spell_words._MEMO.clear()
    data = spelldata.load()
    assert data.corrections("wether")[:2] == ["weather", "whether"]
    assert spell_words.suggestions("wether")[:3] == ["weather", "whether", "wither"]


def test_cheapest_is_alignment_s_total_without_the_edits() -> None:
    """The score's path (no edits traced back) costs what the whole alignment costs, with the
    fewest edits and with the channel's costs, in and beyond the band."""
    channel = edit_model.channel()
    pairs = [
        ("receive", "recieve"), ("committee", "comittee"), ("sleepy", "sleppy"), ("government", "goverment"),
        ("separate", "seperate"), ("the", "thwe"), ("cat", "cat"), ("a", "abcdefgh"), ("poetry", "poartry"),
        ("announcement", "annonsment"), ("probably", "probally"), ("friday", "firday"), ("", "ab"), ("ab", ""),
    ]  # fmt: skip
    for word, typo in pairs:
        for band in (1, 2, 3):
            assert edit_model.cheapest(word, typo, band=band) == alignment(word, typo, band=band)[0]
            assert edit_model.cheapest(word, typo, channel.cost, band) == alignment(word, typo, channel.cost, band)[0]
        assert channel.log_p(word, typo) == -alignment(word, typo, channel.cost, edit_model.SCORE_BAND)[0]


def test_cheapest_agrees_with_alignment_on_random_slips() -> None:
    """Random words with up to three random slips (doubled, dropped, swapped, struck letters):
    the written-out table gives the whole alignment's total, to the last bit."""
    import random

    rng = random.Random(4)
    channel = edit_model.channel()
    for _ in range(1500):
        word = "".join(rng.choice("aeinrstlmoppe") for _ in range(rng.randint(1, 12)))
        typo = mutated(word, rng, rng.randint(0, 3), ops="ddisxk", letters="aeinrstlmop")
        band = rng.randint(1, 3)
        assert edit_model.cheapest(word, typo, channel.cost, band) == alignment(word, typo, channel.cost, band)[0]
        assert edit_model.cheapest(word, typo, band=band) == alignment(word, typo, band=band)[0]
