"""The ``substitution`` kind keeps the case of the text it replaces: UPPER, Title and lower."""

from __future__ import annotations

import pytest
from harness import TEST_RULES, found

from newslint.engine.kinds.substitution import match_case
from newslint.engine.loader import load_rules

RULES = load_rules(TEST_RULES)
RULE = "test.demo-substitution"  # alright -> all right, towards -> toward


@pytest.mark.parametrize(
    ("original", "expected"),
    [("alright", "all right"), ("Alright", "All right"), ("ALRIGHT", "ALL RIGHT"), ("A", "All right")],
)
def test_match_case_gives_the_replacement_the_case_of_the_original(original: str, expected: str) -> None:
    assert match_case("all right", original) == expected


def test_a_replacement_with_its_own_capital_is_kept() -> None:
    assert match_case("iPhone", "iphone") == "iPhone"
    assert match_case("McCain", "mccain") == "McCain"


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("It is alright now.", "all right"),
        ("Alright, he said.", "All right"),
        ("IT IS ALRIGHT NOW.", "ALL RIGHT"),
        ("Towards the end, it rained.", "Toward"),
    ],
)
def test_the_suggestion_and_fix_keep_the_case_of_the_text(text: str, suggestion: str) -> None:
    (finding,) = found(text, RULE, rules=RULES)
    assert finding["suggestions"] == [suggestion]
    assert finding["fix"] == {"replacement": suggestion, "safe": True}
