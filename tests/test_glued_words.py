"""spelling.glued-words: glued pairs found, brand names in sentences and real compounds quiet."""

from __future__ import annotations

from functools import partial

import pytest
from harness import lint as shared_lint
from harness import linter_for

lint = partial(shared_lint, linter=linter_for(["spelling.glued-words"]))


@pytest.mark.parametrize("word", ["thecompany", "aboutroughly", "filethat", "alot"])
def test_lower_case_glued_pairs_are_found(word: str) -> None:
    [f] = lint(f"Title\n\nHe said {word} was fine.\n")
    assert f["rule"] == "spelling.glued-words" and f["column"] == 9


@pytest.mark.parametrize("word", ["writeback", "uplights", "backglass", "adscan"])
def test_compounds_with_a_particle_or_can_are_quiet(word: str) -> None:
    assert lint(f"Title\n\nHe said {word} was fine.\n") == []


def test_camel_case_brand_in_a_sentence_is_quiet_even_when_a_part_stands_alone() -> None:
    text = "Title\n\nSites like Movielink and CinemaNow grew. Cinema fans and Now readers agree.\n"
    assert lint(text) == []


def test_camel_case_pair_in_a_run_of_capitalized_words_is_found() -> None:
    [f] = lint("Title\n\nThe story.\n\nFree Shoutcast HostingRadio Stream Hosting\n")
    assert (f["line"], f["column"], f["end_column"]) == (5, 16, 28)
    assert f["fix"] == {"replacement": "Hosting Radio", "safe": False}


def test_camel_case_pair_without_a_part_written_alone_is_a_brand() -> None:
    assert lint("Title\n\nThe story.\n\nFree Shoutcast HostingRadio Stream\n") == []


def test_identifiers_in_code_are_quiet_but_a_glued_word_after_a_full_stop_is_not() -> None:
    assert lint("Title\n\nUse from timeit import timeit, or import mymodule for it.\n") == []
    [f] = lint("Title\n\nThe talks ended. thecompany said so.\n")
    assert f["column"] == 18


def test_menu_label_glued_to_a_headline_is_found_in_a_sentence() -> None:
    [f] = lint("Title\n\nThe article was new. AnalysisThe talks ended.\n")
    assert f["fix"]["replacement"] == "Analysis The"


@pytest.mark.parametrize("word", ["wetn", "bewere", "herlo", "sopose"])
def test_a_likely_typo_whose_parts_are_no_common_pair_is_left_to_the_typo_rule(word: str) -> None:
    assert lint(f"Title\n\nHe said {word} was fine.\n") == []  # went, beware, hello, suppose


@pytest.mark.parametrize("word", ["ofthe", "inthe", "babyis"])
def test_a_glued_common_pair_is_found_even_when_it_looks_like_a_slip(word: str) -> None:
    [f] = lint(f"Title\n\nHe said {word} was fine.\n")
    assert f["rule"] == "spelling.glued-words"
