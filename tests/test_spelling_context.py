"""Spelling suggestions re-ranked by the words either side (support/bigrams.py)."""

from __future__ import annotations

from harness import lint

from newslint.engine.loader import builtin_rules_dir, load_rules
from newslint.engine.support import bigrams, spell_words

RULES = [r for r in load_rules(builtin_rules_dir() / "spelling")]


def first_suggestions(text: str) -> dict[int, str]:
    """The first suggestion of each spelling finding, by its column."""
    found = lint(text, select=["spelling"], rules=RULES)
    return {f["column"]: f["suggestions"][0] for f in found if f["suggestions"]}


def test_pairs_written_together_are_associated() -> None:
    pairs = bigrams.load()
    assert pairs.association("there", "was") > 0.5
    assert pairs.association("three", "was") < 0
    assert pairs.association("sold", "their") > pairs.association("sold", "there")


def test_unknown_words_carry_no_context() -> None:
    assert bigrams.load().association("qzxv", "was") == 0.0


def test_close_candidates_are_reordered_by_their_neighbours() -> None:
    ranked = [(3.0, "three"), (2.8, "there"), (0.5, "threw")]
    assert spell_words.in_context(ranked, None, "was")[0][1] == "there"
    assert spell_words.in_context(ranked, None, None) == ranked


def test_a_candidate_far_behind_is_not_lifted_by_context() -> None:
    ranked = [(5.0, "three"), (1.0, "there")]
    assert spell_words.in_context(ranked, None, "was")[0][1] == "three"


def test_each_occurrence_gets_the_suggestion_its_neighbours_make_likely() -> None:
    text = "Headline here\n\nThe farmers sold ther crops at the market, and ther was rain.\n"
    assert first_suggestions(text) == {18: "their", 48: "there"}


def test_punctuation_cuts_the_context() -> None:
    text = "Headline here\n\nThe farmers sold (ther) crops at the market.\n"
    assert first_suggestions(text) == {19: spell_words.suggestions("ther")[0]} != {19: "their"}
