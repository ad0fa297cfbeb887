"""The consistency pack: house style, minority findings and their fixes."""

from __future__ import annotations

from harness import lint

CURLY_ARTICLE = (
    "Talks\n\nMoscow considers “partnership” a goal of Russia’s policy, and it’s “clear”.\n\n"
    "Xi promised “support” for Moscow’s “core interests”.\n\n"
    'He added "strong support" later.'
)


def _lint(text: str, select: str) -> list[dict]:
    return lint(text, select=[select])


def test_straight_quotes_in_a_curly_article_are_info_with_a_safe_fix() -> None:
    (finding,) = _lint(CURLY_ARTICLE, "consistency.quote-style")
    assert finding["severity"] == "info"
    assert finding["line"] == 7
    assert finding["fix"]["replacement"] == "“strong support”" and finding["fix"]["safe"]


def test_an_even_mix_flags_only_paragraphs_mixing_both_styles() -> None:
    text = 'Talks\n\n"One" and "two" and "six" here.\n\n“Three” and “four” there.\n\n“Five" is mixed.'
    found = _lint(text, "consistency.quote-style")
    assert [f["line"] for f in found] == [7]


def test_percent_spacing_prefers_the_unspaced_style() -> None:
    found = _lint("Talks\n\nTurnout fell to 40% in May and 35 % in June.", "consistency.percent-spacing")
    assert [(f["column"], f["fix"]["replacement"]) for f in found] == [(34, "%")]


def test_one_finding_per_paragraph_covers_quotes_and_apostrophes() -> None:
    text = CURLY_ARTICLE.replace('He added "strong support" later.', 'He said "Moscow\'s support" was "firm".')
    (finding,) = _lint(text, "consistency.quote-style")
    assert finding["fix"]["replacement"] == "“Moscow’s support” was “firm”"
    assert finding["related"] and finding["related"][0]["line"] == 3


def test_embedded_posts_are_left_out() -> None:
    text = CURLY_ARTICLE.replace("later.", "later. pic.twitter.com/3BDnrvkoms")
    assert _lint(text, "consistency.quote-style") == []


def test_spelling_variant_takes_capitalized_words_in_mid_sentence_for_names() -> None:
    text = "Jobs\n\nThe Labor Department said jobs grew in neighbouring states and labour was scarce.\n"
    assert lint(text, select=["consistency.spelling-variant"]) == []
    mixed = "Jobs\n\nLabor groups said jobs grew in neighbouring states as labor was scarce and labor rose.\n"
    [f] = lint(mixed, select=["consistency.spelling-variant"])
    assert f["line"] == 3 and f["suggestions"] == ["neighboring"]


def test_one_style_alone_gathers_no_hits(monkeypatch) -> None:
    from newslint.engine.kinds import consistency

    gathered: list[int] = []
    hits = consistency._hits
    monkeypatch.setattr(consistency, "_hits", lambda *args: gathered.append(1) or hits(*args))
    assert _lint(CURLY_ARTICLE.replace('"strong support"', "“strong support”"), "consistency.quote-style") == []
    assert gathered == []
    assert len(_lint(CURLY_ARTICLE, "consistency.quote-style")) == 1 and gathered == [1]


def test_a_style_whose_only_match_crosses_blocks_does_not_count() -> None:
    from newslint.engine.loader import build_rule

    data = {
        "id": "t.mix",
        "kind": "consistency",
        "severity": "info",
        "message": "{match}",
        "description": "A test.",
        "examples": {"flag": ["x y z z"], "pass": ["z"]},
        "styles": {"a": ["x\\s+y"], "b": ["z"]},
    }
    rule = build_rule(data, "t.yaml")
    assert lint("Talks\n\nx\n\ny z z", rules=[rule], select=["t.mix"]) == []
    assert len(lint("Talks\n\nx y z z", rules=[rule], select=["t.mix"])) == 1


def test_hits_are_kept_as_numbers_and_their_matches_made_again_the_same() -> None:
    from newslint.document.readers import read_document
    from newslint.document.source import Source
    from newslint.engine.kinds import consistency
    from newslint.engine.loader import build_rule

    data = {
        "id": "t.mix",
        "kind": "consistency",
        "severity": "info",
        "message": "{match}",
        "description": "A test.",
        "examples": {"flag": ["ab ab ac"], "pass": ["ab"]},
        "styles": {"a": ["a(b)", "(?<= )a\\w"], "c": [{"pattern": "a(c)", "replacement": "a\\1!"}]},
    }
    rule = build_rule(data, "t.yaml")
    doc = read_document(Source("t.txt", "Talks\n\nab ab ac\n\nac xab ad\n"), "text")
    searched = consistency._searched(rule, doc)
    hits = consistency._hits(rule, doc, searched)
    # at one start the first form of the first style wins: "ac" after a space is style a's
    assert [(doc.text[s:e], hits.style(i)) for i, (s, e) in enumerate(zip(hits.starts, hits.ends, strict=True))] == [
        ("ab", "a"),
        ("ab", "a"),
        ("ac", "a"),
        ("ac", "c"),
        ("ab", "a"),
        ("ad", "a"),
    ]
    for i, start in enumerate(hits.starts):
        made = hits.hit(doc, i)
        assert (made.match.start(), made.match.end(), made.style) == (start, hits.ends[i], hits.style(i))
    [finding] = lint("Talks\n\nab ab\n\nac ab\n", rules=[rule], select=["t.mix"])
    assert finding["line"] == 5 and finding["suggestions"] == ["ac!"] and finding["message"] == "ac"
