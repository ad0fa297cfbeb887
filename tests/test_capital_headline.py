"""capitalization.headline-style: mixed title and sentence case, and the configured house style."""

from __future__ import annotations

from harness import lint

from newslint.engine.loader import builtin_rules_dir, load_rules

RULE = "capitalization.headline-style"
RULES = load_rules(builtin_rules_dir() / "capitalization")
BODY = "\n\nThe talks between officials of the two countries went well on Monday, officials in China said.\n"


def found(headline: str, style: str | None = None) -> list[str]:
    options = {RULE: {"style": style}} if style else None
    return [f["suggestions"][0] for f in lint(headline + BODY, select=[RULE], rules=RULES, options=options)]


def test_any_reports_a_lower_case_word_in_a_title_case_headline() -> None:
    assert found("Russia Seeks closer Security Ties With China") == ["Closer"]


def test_any_leaves_consistent_headlines_alone() -> None:
    assert found("Russia Seeks Closer Security Ties With China") == []
    assert found("Russia seeks closer security ties with China") == []
    assert found("Russia seeks closer ties with Kremlin Allies") == []  # may be a name


def test_title_style_holds_every_word() -> None:
    assert found("Russia seeks closer ties with China", "title") == ["Seeks", "Closer", "Ties"]


def test_sentence_style_lowers_capitals_that_are_not_names() -> None:
    assert found("Russia Seeks closer ties with China on Monday", "sentence") == ["seeks"]


def test_words_cased_by_design_are_never_recased() -> None:
    assert found("Apple Unveils New iPhone And iOS Update For Students") == []
    assert found("Paris Street Named After Charles de Gaulle Opens Today") == []
    assert found("Apple unveils iPhone and the al-Assad regime reacts", "title") == ["Unveils", "Regime", "Reacts"]
    assert found("Sellers On eBay Report Higher Sales At McDonald's", "sentence") == ["report", "higher", "sales"]
