"""capitalization.proper-noun: lower-case names, judged against the article and CLDR names."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import found as found_by

from newslint.engine.loader import builtin_rules_dir, load_rules

RULES = load_rules(builtin_rules_dir() / "capitalization")


def found(text: str, rule: str = "capitalization.proper-noun", **options: object) -> list[dict]:
    return found_by(text, rule, rules=RULES, options=options)


SEED_LIKE = (
    "Russia Seeks Closer Security Ties With China\n\n"
    "A Russian official said on a visit to China that the Kremlin wants ties with Beijing.\n\n"
    "Nikolai Patrushev, secretary of the national Security Council, spoke to Guo Shengkun.\n\n"
    "He said on Monday that “in the current conditions, china and Kremlin must show readiness.\n\n"
    "The talks in Nanping went well, officials in China said.\n"
)


def test_lower_case_name_written_with_a_capital_elsewhere() -> None:
    hits = found(SEED_LIKE)
    assert [(h["line"], h["column"]) for h in hits] == [(7, 52)]
    assert hits[0]["suggestions"] == ["China"]


@pytest.mark.parametrize("name", ["Patrushev", "Guo", "Shengkun", "Nanping", "Kremlin"])
def test_names_written_with_capitals_are_left_alone(name: str) -> None:
    assert not [h for h in found(SEED_LIKE) if name.lower() in h["message"].lower()]


def test_a_name_from_cldr_needs_no_evidence_in_the_article() -> None:
    hits = found("The talks were held in germany and new zealand last week.")
    assert [h["suggestions"] for h in hits] == [["Germany"], ["New Zealand"]]


def test_everyday_homographs_are_not_names() -> None:
    assert not found("They may march in august with a turkey and fine china.")


def test_common_noun_after_a_determiner_or_used_twice() -> None:
    text = "Labour won in Leeds. Labour said so. The labour market is tight, and labour costs rose."
    assert not found(text)


def test_extra_names_from_the_config() -> None:
    assert found("We met at acme headquarters.", names=["Acme"])
    assert not found("We met at acme headquarters.")


def test_data_option_limits_the_lists() -> None:
    assert not found("The meeting is on tuesday morning.", data=["countries"])
    assert found("The meeting is on tuesday morning.", data=["days"])


def test_handles_and_domains_are_not_names() -> None:
    assert not found("Follow @france24 or visit france.com for more.")


def test_rules_folder_is_the_repository_one() -> None:
    assert Path(RULES[0].path).parent.name == "capitalization"


RARE_NAME = (
    "Chip deal\n\n"
    "The deal will enable Hitachi and Matsushita to share costs, officials said on Monday.\n\n"
    "Analysts said matsushita would gain most from the venture.\n"
)


def test_a_rare_word_capitalized_once_in_running_text_is_a_name() -> None:
    hits = found(RARE_NAME)
    assert [h["suggestions"] for h in hits] == [["Matsushita"]]
    assert not found(RARE_NAME, **{"rare-zipf": 0.0, "name-ratio": 99.0})


def test_a_frequent_word_capitalized_once_needs_more_evidence() -> None:
    text = "Budget day\n\nThe minister said the Budget would pass on Monday.\n\nHe said the ninth budget was fair.\n"
    assert not found(text)


def test_a_prefix_glued_to_a_dash_is_not_a_name() -> None:
    text = "Loans\n\nThe Neo card came out on Monday, officials said.\n\nIt is a neo–payday loan.\n"
    assert not found(text)


@pytest.mark.parametrize("brand", ["samsung", "microsoft", "google"])
def test_a_brand_is_a_name_even_written_once(brand: str) -> None:
    hits = found(f"The update from {brand} arrived on Monday.")
    assert [h["suggestions"] for h in hits] == [[brand.capitalize()]]
    assert not found(f"The update from {brand} arrived on Monday.", brands=[])


@pytest.mark.parametrize(
    ("name", "lower", "alone"),
    [
        ("Bank of England", "the bank said", ""),
        ("Council of Ministers", "through the council", ""),
        ("House of Lords", "the law lords", ""),
        ("Hutton Inquiry", "the Hutton inquiry", "Hutton"),
        ("European Parliament", "the European parliament", "European"),
        ("Belmarsh Prison", "at Belmarsh prison", "Belmarsh"),
        ("Macworld Expo", "at Macworld expo", "Macworld"),
        ("Heineken Cup", "the Heineken cup", "Heineken"),
    ],
)
def test_a_common_noun_inside_a_longer_name_is_not_a_name(name: str, lower: str, alone: str) -> None:
    text = (
        f"News\n\nOfficials at the {name} met with several local business leaders on Monday, and critics of "
        f"the {name} said that the talks had gone on for far too long.\n\n"
        + (f"People close to {alone} said that {alone} would say nothing more about it.\n\n" if alone else "")
        + f"He said {lower} was wrong about the plan and should think again before the vote.\n"
    )
    assert not found(text)


def test_a_common_noun_after_a_word_used_only_in_that_name_is_part_of_it() -> None:
    text = (
        "Markets\n\nShares on Wall Street rose on Monday as traders in the city said that they were calm, and "
        "analysts on Wall Street agreed that the worst was over.\n\nHe said Wall street had been wrong.\n"
    )
    assert [h["suggestions"] for h in found(text)] == [["Street"]]


@pytest.mark.parametrize(
    ("lower", "right"), [("the House of lords", "Lords"), ("the ministry of Commerce", "Ministry")]
)
def test_one_word_of_an_of_name_in_lower_case(lower: str, right: str) -> None:
    text = (
        "Trade\n\nFigures from the Ministry of Commerce reached the House of Lords on Monday, and peers in the House "
        "of Lords said that the Ministry of Commerce had been slow.\n\n"
        f"He said {lower} was wrong about the plan.\n"
    )
    assert [h["suggestions"] for h in found(text)] == [[right]]


@pytest.mark.parametrize(
    ("capital", "lower"),
    [
        ("South London", "shot dead in Croydon, south London"),
        ("Western North Carolina", "effects beyond western North Carolina"),
    ],
)
def test_a_compass_word_before_a_place_describes_it(capital: str, lower: str) -> None:
    text = (
        f"Report\n\nThe office in {capital} opened on Monday, and officials said that the plan had gone on "
        f"for far too long.\n\nHe said it happened {lower} last week.\n"
    )
    assert not found(text)


def test_a_compass_word_that_starts_a_name_is_still_found() -> None:
    text = (
        "Race\n\nThe candidates visited Nevada and South Carolina on Monday, and aides said that South "
        "Carolina would decide.\n\nShe left south Carolina on Tuesday.\n"
    )
    assert [h["suggestions"] for h in found(text)] == [["South"]]


def test_a_name_alone_in_its_block_is_a_label() -> None:
    assert not found("Recipe\n\nStir the sauce well.\n\nfacebook\n\ninstagram\n\nbrazil\n")
    assert found("Recipe\n\nStir the sauce well.\n\nFollow us on facebook\n")


def test_a_region_named_with_a_compass_word_is_still_found() -> None:
    text = (
        "Prices\n\nHouse prices rose in Wales, Scotland and Northern Ireland on Monday, and agents said "
        "that Northern Ireland led the way.\n\nThe average was £111,314 in northern Ireland.\n"
    )
    assert [h["suggestions"] for h in found(text)] == [["Northern"]]


def test_a_two_word_name_in_lower_case_is_one_finding() -> None:
    text = (
        "Freight\n\nThe firm Hughes Logistics won the contract on Monday, and analysts said that Hughes "
        "Logistics would grow.\n\nShares in hughes logistics rose.\n"
    )
    hits = found(text)
    assert [(h["line"], h["column"], h["end_column"], h["suggestions"]) for h in hits] == [
        (5, 11, 27, ["Hughes Logistics"])
    ]
