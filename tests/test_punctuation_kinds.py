"""Behaviour of the punctuation and consistency kinds beyond the rule examples."""

from __future__ import annotations

from harness import lint

from newslint.api import lint_text, make_linter
from newslint.settings.config import Config


def _lint(text: str, select: str, path: str = "a.txt") -> list[dict]:
    return lint(text, path, select=[select])


def test_unclosed_quote_is_flagged_at_the_opening_mark() -> None:
    text = "Talks\n\nHe said that “in the current conditions, we must act.\n\nThe talks ended."
    found = _lint(text, "punctuation.unbalanced-quotes")
    assert [(f["line"], f["column"], f["end_column"]) for f in found] == [(3, 14, 15)]


def test_quotation_running_over_paragraphs_is_accepted() -> None:
    text = "Talks\n\nHe said: “We must act.\n\n“We must act now.\n\n“And we will,” he added."
    assert _lint(text, "punctuation.unbalanced-quotes") == []


def test_quotation_running_on_within_a_joined_paragraph_is_accepted() -> None:
    text = 'Talks\n\nHe said: "We must act. "We must act now." Then he left.'
    assert _lint(text, "punctuation.unbalanced-quotes") == []


def test_lone_mark_fix_deletes_the_paragraph_and_its_blank_line() -> None:
    text = "Talks\n\nPutin met Xi.\n\n.\n\nThe meeting was long.\n"
    (finding,) = _lint(text, "punctuation.lone-mark")
    assert (finding["line"], finding["column"]) == (5, 1)
    fix = finding["fix"]
    assert fix["replacement"] == "" and fix["safe"]
    assert fix.get("end_line", 5) == 5 and fix.get("end_column", 2) == 2


def test_space_before_comma_fix_removes_the_space() -> None:
    (finding,) = _lint("Talks\n\nHe said that , it mattered.", "punctuation.space-before")
    assert (finding["fix"]["replacement"], finding["fix"]["safe"]) == (",", True)
    assert (finding["column"], finding["end_column"]) == (13, 15)


def test_straight_quotes_in_a_curly_article_get_one_fix_per_paragraph() -> None:
    text = (
        "Talks\n\nXi promised “support” for Russia’s “core interests”.\n\n"
        'He promised “more” and “again”.\n\nThe government promised "strong support" too.'
    )
    (finding,) = _lint(text, "consistency.quote-style")
    assert finding["line"] == 7
    assert finding["fix"]["replacement"] == "“strong support”"
    assert finding["related"] and finding["related"][0]["line"] == 3


def test_evenly_mixed_apostrophes_are_flagged_only_where_one_paragraph_mixes_them() -> None:
    text = "Talks\n\nRussia's aim is Russia’s goal.\n\nChina's view.\n\nIndia's view.\n\nIt’s “odd”, “very” “odd”."
    found = _lint(text, "consistency.quote-style")
    assert [f["line"] for f in found] == [3]
    assert (found[0]["column"], found[0]["fix"]["replacement"]) == (7, "’")


def test_percent_spacing_prefers_the_unspaced_style_on_a_near_tie() -> None:
    text = "Poll\n\nIt rose 5 % and 6 % and 7 % in May, and 8% and 9% in June."
    found = _lint(text, "consistency.percent-spacing")
    assert [(f["column"], f["end_column"]) for f in found] == [(10, 28)]  # the three spaced signs
    assert found[0]["fix"]["replacement"] == "% and 6% and 7%"


def test_missing_terminal_only_judges_the_last_paragraph() -> None:
    text = (
        "Summit\n\nThe leaders talked about trade and security for most of the afternoon and\n\n"
        "The meeting between Xi and Putin came on the sidelines of a summit of the Shanghai Cooperation"
    )
    found = _lint(text, "punctuation.missing-terminal")
    assert [(f["line"], f["suggestions"]) for f in found] == [(5, ["Cooperation."])]
    assert found[0]["fix"]["safe"] is False


def test_brackets_in_urls_and_list_markers_are_ignored() -> None:
    text = "Links\n\nSee https://en.wikipedia.org/wiki/Mercury_(planet for more.\n\na) New York\nb) Boston"
    assert _lint(text, "punctuation.unbalanced-brackets") == []


def test_markdown_spans_point_into_the_stored_file() -> None:
    text = "---\ntitle: Talks\n---\n\nHe said **that** , it mattered.\n"
    (finding,) = _lint(text, "punctuation.space-before", "a.md")
    assert (finding["line"], finding["column"], finding["end_column"]) == (5, 17, 19)


def test_large_document_is_linted_in_under_20_seconds() -> None:
    import time

    para = "He said that “the talks (in Beijing) went well”, and Russia’s aim is 5% growth.\n\n"
    text = "Talks\n\n" + para * 5000
    began = time.perf_counter()
    make = make_linter(Config(select=["punctuation", "consistency"]))
    lint_text(text, "big.txt", make)
    assert time.perf_counter() - began < 20


def test_quotation_set_in_two_styles_is_left_to_quote_style() -> None:
    text = 'Talks\n\nThe state and “We’re On It" became top trends, and “drive," it said.'
    assert _lint(text, "punctuation.unbalanced-quotes") == []
    assert _lint(text, "consistency.quote-style") != []


def test_mixed_styles_that_do_not_pair_are_still_unbalanced() -> None:
    text = 'Talks\n\nHe said “we must act” and "soon, he added.\n\nThe talks ended.'
    assert _lint(text, "punctuation.unbalanced-quotes") != []


def test_wrong_way_closing_quote_is_one_finding_at_the_mark() -> None:
    text = "Talks\n\nAnother said: ”Bird flu in the year of the rat is coming.”"
    (finding,) = _lint(text, "punctuation.unbalanced-quotes")
    assert (finding["line"], finding["column"]) == (3, 15)
    assert "used to open" in finding["message"]
    assert _lint(text, "punctuation.space-inside") == []


def test_space_inside_a_curly_pair_is_one_finding_with_one_fix() -> None:
    (finding,) = _lint("Talks\n\nFootball food is “ comfort food ” for many.", "punctuation.space-inside")
    assert finding["fix"]["replacement"] == "“comfort food”"


def test_space_inside_straight_quotes_pairs_them_in_order() -> None:
    (finding,) = _lint('Talks\n\nYou "did" it and "fixed " it.', "punctuation.space-inside")
    assert finding["column"] == 18 and finding["fix"]["replacement"] == '"fixed"'


def test_straight_quotes_running_on_or_after_numbers_are_not_spaced_quotes() -> None:
    text = 'Talks\n\nHe said: "It is a shame. "The rest was fine." It measures 22" long and 22" wide.'
    assert _lint(text, "punctuation.space-inside") == []


def test_semicolon_in_a_contraction_is_a_wrong_apostrophe_not_a_missing_space() -> None:
    text = "Talks\n\nYou shouldn;t do it, and we;re sure."
    found = _lint(text, "punctuation.wrong-apostrophe")
    assert [f["fix"]["replacement"] for f in found] == ["’", "’"]
    assert _lint(text, "punctuation.missing-space-after") == []


def test_space_after_currency_sign_fix_closes_it_up() -> None:
    (finding,) = _lint("Talks\n\nYou owe me $ 100 and US$ 5.", "punctuation.space-after-currency")
    assert finding["fix"]["replacement"] == "$100" and "$100" in finding["message"]


def test_low_opening_quotes_pair_with_either_closing_mark() -> None:
    text = "Talks\n\nBrowse our „Bavarian picture book” and „Bilderbuch“ today."
    assert _lint(text, "punctuation.unbalanced-quotes") == []


def test_missing_terminal_leaves_lists_set_as_paragraphs_and_author_notes_alone() -> None:
    items = "Challenges that need to be performed within a week, even after the game is over"
    last = "Additional quizzes, surprises and bonuses, so that each game was unique and unforgettable"
    assert _lint(f"Game\n\nThe box holds these.\n\n{items}\n\n{last}", "punctuation.missing-terminal") == []
    found = _lint(f"Game\n\nThe box holds these.\n\n{last}", "punctuation.missing-terminal")
    assert [f["suggestions"] for f in found] == [["unforgettable."]]
    note = "Simon Perry is the editor of the Digital Lifestyles website, which covers the impact of technology on media"
    assert _lint(f"Media\n\nThe talks went well.\n\n{note}", "punctuation.missing-terminal") == []


def test_a_bracket_carried_into_a_block_without_marks_is_still_reported() -> None:
    text = "Talks\n\nThe deal (signed on Monday was new.\n\nIt went on.\n\nNobody knew why."
    found = _lint(text, "punctuation.unbalanced-brackets")
    assert [(f["line"], f["message"].endswith("'(' never closed.")) for f in found] == [(3, True)]


def test_blocks_without_marks_are_not_tokenized_for_the_balance_rules(monkeypatch) -> None:
    from newslint.document.model import Document

    seen: list[str] = []
    real = Document.tokens_of
    monkeypatch.setattr(Document, "tokens_of", lambda self, block: seen.append(block.text) or real(self, block))
    text = "Talks\n\nHe said “yes” (twice).\n\nIt went on.\n\nNobody knew why."
    assert _lint(text, "punctuation.unbalanced-quotes") == []
    assert "It went on." not in seen and "He said “yes” (twice)." in seen


def test_leading_mark_anchors_on_line_starts_as_its_old_lookbehind_did() -> None:
    import random
    from pathlib import Path

    import regex
    import yaml

    from newslint import builtin_rules_dir

    rule = yaml.safe_load(Path(builtin_rules_dir(), "punctuation", "leading-mark.yaml").read_text(encoding="utf-8"))
    flags = regex.V0 | regex.MULTILINE
    new = regex.compile(rule["pattern"], flags)
    old = regex.compile(rule["pattern"].replace("^", r"(?<![^\n])", 1), flags)
    rng = random.Random(3)
    texts = [e for v in rule["examples"].values() for e in v]
    texts += ["".join(rng.choice("ab ,;.\t\n\r\u2028") for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    for text in texts:
        for start in (0, len(text) // 2):
            assert [m.span() for m in new.finditer(text, start)] == [m.span() for m in old.finditer(text, start)]
