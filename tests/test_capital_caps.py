"""capitalization.caps-pronoun and capitalization.name-part."""

from __future__ import annotations

import pytest
from harness import found as found_by

from newslint.engine.loader import builtin_rules_dir, load_rules

RULES = load_rules(builtin_rules_dir() / "capitalization")


def found(rule: str, text: str) -> list[tuple[int, int, str]]:
    return [(f["line"], f["column"], f["suggestions"][0]) for f in found_by(text, rule, rules=RULES)]


def test_us_as_the_pronoun_in_a_title_case_line() -> None:
    text = "The talks went well.\n\nSubscribe US Now\n\nFree Hosting\n"
    assert found("capitalization.caps-pronoun", text) == [(3, 11, "Us")]


def test_us_as_the_pronoun_at_the_end_of_running_text() -> None:
    assert found("capitalization.caps-pronoun", "For more, contact US.") == [(1, 19, "us")]


@pytest.mark.parametrize(
    "text",
    [
        "Trade with the US rose, and US officials said so.",
        "He told US President Joe Biden about it.",
        "Imports from the UK, US and EU fell.",
        "THE US AND UK SIGN DEAL",
        "The US-led coalition advanced.",
        "Academic Staff Union of Universities ASUU went on strike.",
    ],
)
def test_acronyms_stay(text: str) -> None:
    assert found("capitalization.caps-pronoun", text) == []


def test_lower_case_part_of_an_institution_name() -> None:
    text = "Nikolai Patrushev, secretary of the national Security Council chaired by Putin, spoke."
    assert found("capitalization.name-part", text) == [(1, 37, "National")]


@pytest.mark.parametrize(
    "text",
    [
        "The new Security Council met, and the national security council too.",
        "It drew criticism from the federal Bureau of Prisons.",
        "National Security Council officials met.",
    ],
)
def test_generic_or_capitalized_names_stay(text: str) -> None:
    assert found("capitalization.name-part", text) == []


def test_name_spelled_out_elsewhere_is_left_to_proper_noun() -> None:
    text = "Then the National Security Council met in private for a long time. Later the national Security Council met again."
    assert found("capitalization.name-part", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The president visited US. He left on Monday.",
        "The deal cost US$5 million, officials said.",
        "Sanctions were imposed by Britain, then US.",
        "Joe Biden toured US cities and praised US.",
    ],
)
def test_us_at_a_sentence_end_after_an_ordinary_verb_is_the_country(text: str) -> None:
    assert found("capitalization.caps-pronoun", text) == []


def test_us_after_a_call_to_action_verb_is_the_pronoun() -> None:
    assert found("capitalization.caps-pronoun", "Questions? Please email US.") == [(1, 25, "us")]


def test_us_in_a_company_name_at_a_line_end_is_not_the_pronoun() -> None:
    assert found("capitalization.caps-pronoun", "The talks went well.\n\n© Future US, Inc. New York\n") == []


def test_a_name_the_article_writes_on_its_own_makes_the_part_a_description() -> None:
    text = "Members of the Labour Party met on Monday, and the national Labour Party office said so."
    assert found("capitalization.name-part", text) == []
    assert found("capitalization.name-part", text.replace("of the Labour", "of the national Labour")) != []
