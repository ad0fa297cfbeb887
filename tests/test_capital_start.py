"""capitalization.sentence-start: lower-case sentence starts, and what is lower case by design."""

from __future__ import annotations

import pytest
from harness import found as found_by

from newslint.engine.loader import builtin_rules_dir, load_rules

RULE = "capitalization.sentence-start"
RULES = load_rules(builtin_rules_dir() / "capitalization")


def found(text: str, path: str = "a.txt", **options: object) -> list[tuple[int, int, str]]:
    return [
        (f["line"], f["column"], f["suggestions"][0]) for f in found_by(text, RULE, path, rules=RULES, options=options)
    ]


def test_lower_case_first_line_after_the_headline() -> None:
    text = "Russia Seeks Closer Ties With China\n\nkpakpandofm\nRead Time:1 Minute, 37 Second\n\nThe visit went well.\n"
    assert found(text) == [(3, 1, "Kpakpandofm")]


def test_full_stop_then_lower_case_word() -> None:
    assert found("The plant opened in 2004. it was built by a local firm. It still runs.") == [(1, 27, "It")]


@pytest.mark.parametrize(
    "text",
    [
        "iPhone sales rose. eBay said so too.",
        "Officials met.\n\nde Gaulle had said so.",
        "He met Mr. smith and Dr. jones, i.e. the owners, etc. and others.",
        "Prices rose about 3 p.m. on Friday.",
        "He said the plan was simple:\n\nbuy low and sell high.",
        "He walked to the\n\nstation and waited.",
        "Visit pic.twitter.com/abc for more. See www.example.com for the rest.",
        "we’re. on. it.",
        "What are they looking for? and could I have a stalker?",
        "He said it was “good.” and left.",
    ],
)
def test_lower_case_by_design_or_a_continuation(text: str) -> None:
    assert found(text) == []


def test_house_words_from_the_config() -> None:
    text = "The release went out on Monday.\n\nnewslint checks BBC articles."
    assert found(text) == [(3, 1, "Newslint")]
    assert found(text, **{"lower-case-words": ["newslint"]}) == []


def test_markdown_heading_and_list_items() -> None:
    text = "# china talks with Iran\n\n- lower case items are fine\n\nThe talks went well.\n"
    assert found(text, "a.md") == [(1, 3, "China")]


def test_a_block_without_any_capital_is_styled_on_purpose() -> None:
    assert found("The tweet read:\n\nwe’re. on. it.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Add 1 tsp. soy sauce and 8 oz. unsweetened almond milk, then 2 Tbsp. balsamic vinegar.",
        "The board is 6 in. wide and costs approx. ten pounds.",
        "The points\n\na) This is the first point.\n\nb) This is the second.",
        "The points\n\niv. This is the fourth point.\n\n(v) This is the fifth.",
        "The rules:\ni) first rule here\nii) second rule here",
        "Pie\n\nSteps:\n1. preheat the oven to 200C\n2. mix the flour and butter\niv. this too",
    ],
)
def test_abbreviations_units_and_list_markers_end_no_sentence(text: str) -> None:
    assert found(text) == []


def test_a_unit_needs_a_number_before_it() -> None:
    assert found("They live in. the rest stay out.") == [(1, 15, "The")]


def test_a_real_slip_after_a_full_stop_is_still_found() -> None:
    assert found("The rule would be introduced. unless the court objects.") == [(1, 31, "Unless")]
