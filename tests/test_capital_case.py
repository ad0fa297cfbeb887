"""The case-aware prior (``capital_case``) and the evidence the proper-noun rule builds on it."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from harness import found as found_by

from newslint.engine.loader import builtin_rules_dir, load_rules
from newslint.engine.support import capital_case

RULES = load_rules(builtin_rules_dir() / "capitalization")
RULE = "capitalization.proper-noun"
HAS_DATA = capital_case._source() is not None


def found(text: str, **options: object) -> list[str]:
    return [f["suggestions"][0] for f in found_by(text, RULE, rules=RULES, options=options)]


def test_prepare_keeps_the_ratio_of_every_word_with_a_title_case_form(tmp_path: Path) -> None:
    probs = {"England": -10.6, "england": -13.4, "Group": -12.2, "group": -8.8, "Davos": -12.0, "US": -9.0, "Ok": -9}
    source = tmp_path / "probs.json.gz"
    with gzip.open(source, "wt", encoding="utf-8") as fh:
        json.dump(probs, fh)
    table = capital_case.prepare(source)
    assert table == {"england": 28, "group": -34, "davos": capital_case.MISSING}


def test_without_the_data_every_ratio_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(capital_case, "_TABLE", {})
    monkeypatch.setattr(capital_case, "_MEMO", {})
    assert capital_case.ratio("england") is None


@pytest.mark.skipif(not HAS_DATA, reason="spacy-lookups-data is not installed")
def test_ratios_from_the_installed_data() -> None:
    assert capital_case.ratio("england") > 2
    assert capital_case.ratio("group") < -2
    assert capital_case.ratio("xqzvw") is None


ONE_USE = "Schools\n\nTeachers from schools in England met with the minister on Monday.\n\nThey said reading will benefit {word} most.\n"


@pytest.mark.skipif(not HAS_DATA, reason="spacy-lookups-data is not installed")
def test_one_capitalized_use_is_enough_for_a_word_english_capitalizes() -> None:
    assert found(ONE_USE.format(word="england")) == ["England"]
    assert found(ONE_USE.format(word="england"), **{"name-ratio": 9.0}) == []


def test_one_capitalized_use_is_not_enough_for_a_common_word() -> None:
    text = "Deal\n\nShares in Altria Group rose on Monday.\n\nAnalysts said the group would gain.\n"
    assert found(text) == []


@pytest.mark.skipif(not HAS_DATA, reason="spacy-lookups-data is not installed")
def test_a_sentence_start_is_evidence_for_a_strongly_capitalized_word() -> None:
    text = "Squad\n\nRussell is fit. The coach picked Ben russell and two others for the match.\n"
    assert found(text) == ["Russell"]


def test_first_word_of_a_name_before_a_surname() -> None:
    text = "Match\n\nThe club hired coach Mark Hughes in May.\n\nHis assistant mark Bowen said the team played well.\n"
    assert found(text) == ["Mark"]


def test_a_frequent_word_before_a_capital_is_left_alone() -> None:
    text = "Jobs\n\nShe moved to New York in May.\n\nWho will be the new Japanese worker, he asked.\n"
    assert found(text) == []


def test_the_article_writing_the_name_after_the_lifts_the_determiner_block() -> None:
    text = "Tour\n\nHe hopes to join the Lions in June. He said the Lions squad is strong.\n\nInterest in the lions tour was immense.\n"
    assert found(text) == ["Lions"]
    plain = "Tour\n\nHe hopes to join Lions in June. He said Lions players are strong.\n\nInterest in the lions tour was immense.\n"
    assert found(plain) == []


def test_a_common_noun_ending_another_name_is_left_alone() -> None:
    """``Altria Group`` is no evidence for ``Liggett group``: a common noun inside a longer name."""
    text = (
        "Tobacco\n\nThe firms are Altria Group, Lorillard Tobacco and others, lawyers said.\n\n"
        "Shares in Liggett group rose on Monday.\n"
    )
    assert found(text) == []


def test_a_capitalized_modifier_before_a_common_noun_is_left_alone() -> None:
    text = (
        "Music\n\nThe Regular Music festival drew Scottish bands and others on Monday.\n\n"
        "It was a fine summer for Scottish music lovers and Scottish fans.\n"
    )
    assert found(text) == []


def test_a_word_unknown_to_english_capitalized_only_at_sentence_starts() -> None:
    text = "Athletes\n\nKenteris and Thanou missed tests. Kenteris denied it.\n\nBut kenteris and Thanou skipped it.\n"
    assert found(text) == ["Kenteris"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting is on may 25 in Paris.",
        "He left in march 2005, aides said.",
        "He quit in march last year, aides said.",
    ],
)
def test_a_month_that_is_also_a_word_known_by_a_date(sentence: str) -> None:
    text = f"Dates\n\nThe firm met in May and March, its officials said on Monday.\n\n{sentence}\n"
    assert len(found(text)) == 1


@pytest.mark.parametrize(
    "sentence", ["Prices may 10 times rise.", "The march last week drew crowds.", "They may go in march."]
)
def test_a_month_word_without_a_date_is_left_alone(sentence: str) -> None:
    text = f"Dates\n\nThe firm met in May and March, its officials said on Monday.\n\n{sentence}\n"
    assert found(text) == []


@pytest.mark.skipif(not HAS_DATA, reason="spacy-lookups-data is not installed")
def test_a_frequent_word_english_writes_in_lower_case_needs_a_capitalized_neighbour() -> None:
    text = (
        "Game\n\nIn the game, Time itself is a weapon, and Time runs out fast for all.\n\n"
        "He fought harder than last time.\n"
    )
    assert found(text, **{"common-ratio": -9.9}) == ["Time"]
    assert found(text) == []


def test_a_name_word_after_an_indefinite_article_is_a_common_noun_phrase() -> None:
    text = (
        "Awards\n\nShe won the Tony Award and later the Academy Award for the role, critics said.\n\n"
        "He had to be content with a Bafta award for his performance.\n"
    )
    assert found(text) == []
    assert found(text.replace("a Bafta award", "the Bafta award")) == []


def test_a_place_adjective_before_a_word_the_article_capitalizes_in_names() -> None:
    text = (
        "Castles\n\nVisitors come to Conwy Castle in summer, the owners said on Monday.\n\n"
        "Stars must cope in the freezing Welsh castle this winter.\n"
    )
    assert found(text) == []


def test_an_unknown_word_capitalized_only_in_a_heading_is_no_evidence() -> None:
    text = "Tips\n\nMyography Basics\n\nElectrical impedance myography measures your body in a lab.\n"
    assert found(text) == []
