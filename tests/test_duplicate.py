"""The duplicate rules: repeated paragraphs, lines, headlines and words."""

from __future__ import annotations

from functools import partial

import pytest
from harness import lint as shared_lint
from harness import linter_for

from newslint.engine.loader import load_rule_text
from newslint.engine.similarity import NearIndex, compare, normal_text
from newslint.settings.yamlfile import ConfigError

LINTER = linter_for(["duplicate"])

PARA = "Putin met Chinese President Xi Jinping last week in Uzbekistan, their first encounter since the war."


lint = partial(shared_lint, linter=LINTER)  # the findings of this file's linter on (text, path="a.txt")


def rules_of(findings: list[dict]) -> list[str]:
    return [f["rule"] for f in findings]


def test_exact_repeat_sits_on_the_later_copy_with_related_and_safe_fix() -> None:
    text = f"Headline Of The Day\n\n{PARA}\n\nAnother paragraph here.\n\n{PARA}\n"
    [f] = lint(text)
    assert f["rule"] == "duplicate.paragraph"
    assert (f["line"], f["column"], f["end_line"]) == (7, 1, 7)
    assert "line 3" in f["message"]
    assert f["related"][0]["line"] == 3 and f["related"][0]["column"] == 1
    fix = f["fix"]
    assert fix["safe"] is True and fix["replacement"] == ""
    # the last block: the blank line before it maps to no stored text, so only the block goes
    assert (fix["line"], fix["column"], fix["end_line"], fix["end_column"]) == (7, 1, 7, 101)


def test_repeat_without_final_stop_curly_quotes_and_spaces_is_exact() -> None:
    first = "The meeting came on the sidelines of a “summit” of the Shanghai Cooperation."
    later = 'The  meeting came on the sidelines of a "summit" of the Shanghai Cooperation'
    assert normal_text(first) == normal_text(later)
    assert rules_of(lint(f"{first}\n\n{later}\n")) == ["duplicate.paragraph"]


def test_near_repeat_is_reported_with_an_unsafe_fix() -> None:
    later = PARA.replace("Chinese ", "")
    [f] = lint(f"{PARA}\n\nMiddle paragraph.\n\n{later}\n")
    assert f["rule"] == "duplicate.near-paragraph"
    assert f["line"] == 5 and f["fix"]["safe"] is False
    assert "% the same" in f["message"]


def test_short_paragraph_near_repeat_with_another_word_is_left_alone() -> None:
    a = "For a 7-site measurement in women, the chest and the armpit are measured."
    b = "For a 7-site measurement in men, the chest and the armpit are measured."
    assert lint(f"{a}\n\n{b}\n") == []


def test_short_repeats_only_when_doubled_in_place() -> None:
    assert lint("Available from Amazon.\n\nThe phone is fast.\n\nAvailable from Amazon.\n") == []
    [f] = lint("The phone is fast.\n\nAvailable from Amazon.\n\nAvailable from Amazon.\n")
    assert f["line"] == 5


def test_every_copy_after_the_first_is_reported() -> None:
    found = lint(f"{PARA}\n\n{PARA}\n\n{PARA}\n\nThe end of it all.\n")
    assert [f["line"] for f in found] == [3, 5]
    # each fix deletes its copy's own lines; the fixer takes the blank line after it too
    assert [(f["fix"]["line"], f["fix"]["end_line"]) for f in found] == [(3, 3), (5, 5)]
    assert all(f["related"][0]["line"] == 1 for f in found)


def test_repeated_line_in_a_block() -> None:
    found = lint("The story ends here.\n\nHow do you feel?\nHappy\nHappy\n0 %\n0 %\n")
    [f] = found
    assert (f["rule"], f["line"], f["related"][0]["line"]) == ("duplicate.line", 5, 4)
    assert f["fix"]["safe"] is True


def test_headline_printed_twice_and_again_with_stray_commas() -> None:
    head = "Russia Prioritizing Expanding Security Ties With China"
    text = f"{head}\n{head}\n\nRussia Prioritizing , Expanding Security , Ties With China.\n\nThe story.\n"
    found = {f["rule"]: f for f in lint(text)}
    assert found["duplicate.line"]["line"] == 2
    again = found["duplicate.headline"]
    assert again["line"] == 4 and again["fix"]["safe"] is False
    assert again["related"][0]["line"] == 1


def test_headline_repeated_exactly_as_first_paragraph_is_a_safe_fix() -> None:
    [f] = lint("Russia Seeks Closer Security Ties\n\nRussia Seeks Closer Security Ties\n\nBody text.\n")
    assert f["rule"] == "duplicate.headline" and f["fix"]["safe"] is True


def test_headline_repeated_in_other_case_is_shown_and_not_a_safe_fix() -> None:
    [f] = lint("Russia Seeks Closer Security Ties\n\nRussia seeks closer security ties.\n\nBody text.\n")
    assert f["rule"] == "duplicate.headline" and f["fix"]["safe"] is False
    assert "'seeks closer security ties.' here, 'Seeks Closer Security Ties' there" in f["message"]


@pytest.mark.parametrize(
    "sentence",
    [
        "If I had had time, I would have gone.",
        "I don't think that that is a problem.",
        "He gave her her phone back.",
        "She signs in in the attendance book.",
        "Duran Duran played in London.",
        "What it is is a plan.",
        "He said no no no.",
        "But wait, wait for me!",
        "Yeah yeah, we know.",
        "Wink wink, nudge nudge.",
        "The horn went beep beep.",
        "Will will be here at noon.",
        "Wait wait!",
        "It was the chance she had waited for for years.",
        "This is what fans have asked for for a decade.",
    ],
)
def test_legitimate_doubles_are_left_alone(sentence: str) -> None:
    assert lint(f"The story.\n\n{sentence}\n") == []


def test_doubled_word_is_found_with_its_fix() -> None:
    [f] = lint("The story.\n\nOfficials met in in Beijing on Monday.\n")
    assert f["rule"] == "duplicate.word"
    assert (f["line"], f["column"], f["end_column"]) == (3, 15, 20)
    assert f["suggestions"] == ["in"] and f["fix"] == {"replacement": "in", "safe": True}


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said about about 40 people were hurt.",
        "The plan could could fail.",
        "I will will go.",
        "For for years.",
    ],
)
def test_slips_beside_the_accepted_doubles_are_still_found(sentence: str) -> None:
    assert rules_of(lint(f"The story.\n\n{sentence}\n")) == ["duplicate.word"]


def test_doubled_content_word_fix_is_not_safe() -> None:
    [f] = lint("The story.\n\nHe is wild wild about sports.\n")
    assert f["fix"]["safe"] is False


def test_html_repeat_points_into_the_markup() -> None:
    html = f"<html><body>\n<h1>Title Here Today</h1>\n<p>{PARA}</p>\n<p>{PARA}</p>\n</body></html>\n"
    [f] = lint(html, "a.html")
    assert f["rule"] == "duplicate.paragraph"
    assert (f["line"], f["column"]) == (4, 4)
    assert (f["related"][0]["line"], f["related"][0]["column"]) == (3, 4)


def test_markdown_repeat_in_a_list() -> None:
    md = f"# Title Here Today\n\n- {PARA}\n- {PARA}\n"
    [f] = lint(md, "a.md")
    assert f["line"] == 4 and f["related"][0]["line"] == 3


def test_compare_counts_changed_words_but_not_typos_or_drops() -> None:
    a = PARA.lower().split()
    dropped = compare(a, [w for w in a if w != "chinese"], 0.8)
    respelled = compare(a, [w.replace("uzbekistan", "uzbeksitan") for w in a], 0.8)
    changed = compare(a, [w.replace("week", "month") for w in a], 0.8)
    assert dropped and dropped.changed == 0 and respelled and respelled.changed == 0
    assert changed and changed.changed == 1
    assert compare(a, list(reversed(a)), 0.8) is None


def test_near_index_finds_the_earlier_copy_only() -> None:
    index = NearIndex()
    paras = [f"paragraph {n} about topic {n * 7} with several other words in it".split() for n in range(200)]
    for n, words in enumerate(paras):
        cands, sk = index.candidates(words)
        index.add(n, sk)
    copy = paras[123][:5] + paras[123][6:]
    cands, _ = index.candidates(copy)
    assert 123 in cands and len(cands) <= 4


def test_bad_threshold_is_refused() -> None:
    rule = """
id: duplicate.test
kind: duplicate_paragraph
severity: warning
message: m
description: d
threshold: 1.5
examples: {flag: ["a"], pass: ["b"]}
"""
    with pytest.raises(ConfigError, match="threshold"):
        load_rule_text(rule)


RECIPE_LINE = "Portion Fix Containers: 1 Green, 1 Red, 1 Yellow, 1 Blue, 1 Orange, 1 tsp."
FEATURE = "New Apple H1 headphone chip delivers faster wireless connection to your devices"


@pytest.mark.parametrize(
    "entry",
    [
        RECIPE_LINE,
        FEATURE,
        "- " + PARA[:-1] + " and more",
        "2 cups flour, sifted twice with a pinch of salt and sugar.",
    ],
)
def test_list_and_recipe_entries_repeated_apart_are_left_alone(entry: str) -> None:
    text = f"Menu\n\n{entry}\n\n{PARA}\n\n{entry}\n"
    assert "duplicate.paragraph" not in rules_of(lint(text))


def test_list_entry_doubled_in_place_is_still_found() -> None:
    [f] = lint(f"Menu\n\nIntro.\n\n{FEATURE}\n\n{FEATURE}\n")
    assert f["rule"] == "duplicate.paragraph" and f["line"] == 7


def test_sentence_repeated_apart_is_still_found_beside_an_unterminated_copy() -> None:
    text = f"Menu\n\n{PARA}\n\nAnother paragraph with enough words to stand apart.\n\n{PARA[:-1]}\n"
    assert rules_of(lint(text)) == ["duplicate.paragraph"]


def test_quotation_and_the_quoted_text_are_not_a_near_repeat() -> None:
    said = "Hey Twitter, the whole point of this ad campaign is to raise awareness among young people"
    assert lint(f"Title\n\n“{said},” Noem tweeted.\n\n{said}, Noem.\n") == []
    assert rules_of(lint(f"Title\n\n{said}, Noem tweeted.\n\n{said}, Noem.\n")) == ["duplicate.near-paragraph"]


def test_list_entries_with_a_short_label_between_are_not_doubled_in_place() -> None:
    text = f"Menu\n\nIntro.\n\nBreakfast\n\n{RECIPE_LINE}\n\nLunch\n\n{RECIPE_LINE}\n"
    assert lint(text) == []
    short = "Intro.\n\nIt was said that the plan is good.\n\nOK\n\nIt was said that the plan is good.\n"
    assert rules_of(lint(f"Menu\n\n{short}")) == ["duplicate.paragraph"]  # a sentence, not an entry


def test_two_entries_of_one_list_are_not_a_near_repeat() -> None:
    day = "Portion Fix Containers: 1 Green, 1 Red, 1 Yellow, 1 Blue, 1 Orange, {n} tsp. of olive oil for the salad"
    assert lint(f"Plan\n\nDay 1: {day.format(n=2)}\n\nDay 2: {day.format(n=3)}\n") == []
