"""The trained page model (``boilerplate.page-furniture``): its features, its markup gate, and
retraining it with ``newslint train-boilerplate``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from harness import lint

from newslint import builtin_rules_dir
from newslint.document.model import Block
from newslint.document.readers import read_document
from newslint.document.source import Source
from newslint.engine.kinds.boilerplate_model import evidence, judge, reportable
from newslint.engine.loader import load_rules
from newslint.engine.support.block_features import NAMES, features
from newslint.engine.support.block_markup import name_words
from newslint.engine.support.block_parents import NONE, containers
from newslint.run.cli import main
from newslint.run.train import Labelled, Scorer, choose_threshold, snippet_spans
from newslint.settings.yamlfile import ConfigError

BODY = (
    "<p>The talks between the two governments ended on Monday after three days in the capital, officials"
    " said, and both sides promised to meet again before the end of the year.</p>"
    "<p>The ministers did not take questions, and observers said the mood had been cordial.</p>"
)
PAGE = (
    "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    f"<article><h1>Talks end</h1>{BODY}</article>"
    "<aside class='related-stories'><p><a href='/a'>Floods close roads across the north</a></p></aside>"
    "<footer><p>Contact the newsroom</p></footer></body></html>"
)


def _row(doc_html: str, text: str) -> dict[str, float]:
    doc = read_document(Source("page.html", doc_html), "html")
    index = next(i for i, b in enumerate(doc.blocks) if b.text.startswith(text))
    return dict(zip(NAMES, features(doc)[index], strict=True))


def test_features_read_the_markup_around_a_block() -> None:
    nav, related, body = _row(PAGE, "Home"), _row(PAGE, "Floods"), _row(PAGE, "The talks")
    assert nav["furniture_tag"] == 1.0 and nav["link_density"] > 0.8
    assert related["furniture_class"] == 1.0 and related["furniture_tag"] == 1.0
    assert body["content_tag"] == 1.0 and body["furniture_tag"] == 0.0 and body["link_density"] == 0.0
    assert body["sentence_end"] == 1.0 and related["sentence_end"] == 0.0
    assert _row(PAGE, "Contact")["after_body"] == 1.0


def test_page_furniture_is_reported_and_the_article_is_not() -> None:
    found = lint(PAGE, "page.html", select=["boilerplate.page-furniture"])
    assert found and all(f["rule"] == "boilerplate.page-furniture" for f in found)
    flagged = " ".join(PAGE[f["column"] - 1 : f["end_column"] - 1] for f in found)
    assert "Floods close roads" in flagged and "The talks" not in flagged


def test_without_markup_evidence_nothing_is_reported(tmp_path: Path) -> None:
    """An article exported as bare HTML: short blocks at its end are not furniture to the model,
    however low the threshold."""
    (tmp_path / ".newslint.yaml").write_text("options:\n  boilerplate.page-furniture: {threshold: 0.01}\n")
    article = f"<h1>Talks end</h1>{BODY}<p>Subs not used: Harper.</p><p>Derby v Watford</p>"
    (tmp_path / "a.html").write_text(article, encoding="utf-8")
    assert main(["check", "--no-cache", "--select", "boilerplate.page-furniture", str(tmp_path / "a.html")]) == 0


def test_weights_must_name_every_feature(tmp_path: Path) -> None:
    rule = (builtin_rules_dir() / "boilerplate" / "page-furniture.yaml").read_text(encoding="utf-8")
    head = rule.split("\nweights:")[0]
    (tmp_path / "r.yaml").write_text(head.replace("boilerplate.page-furniture", "my.model") + "\nweights: {bias: 1}\n")
    with pytest.raises(ConfigError, match="has no weight for log_words"):
        load_rules(tmp_path)


def test_train_boilerplate_learns_weights_from_labelled_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("sklearn")
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(6):
        links = "".join(f"<li><a href='/{i}/{k}'>Story {k} of site {i}</a></li>" for k in range(4))
        html = f"<html><body><ul class='menu'>{links}</ul><article><h1>Day {i}</h1>{BODY}</article></body></html>"
        (pages / f"p{i}.html").write_text(html, encoding="utf-8")
        truth = {"boilerplate": [f"Story {k} of site {i}" for k in range(4)], "main": ["The ministers did not take"]}
        (pages / f"p{i}.truth.json").write_text(json.dumps(truth), encoding="utf-8")
    rules = tmp_path / "rules"
    rules.mkdir()
    shutil.copy(builtin_rules_dir() / "boilerplate" / "page-furniture.yaml", rules / "model.yaml")
    assert main(["train-boilerplate", str(pages), "--rule", str(rules / "model.yaml")]) == 0
    out = capsys.readouterr().out
    assert "weights from 6 pages, 30 labelled blocks (24 boilerplate); threshold " in out
    (rule,) = load_rules(rules)
    weights = rule.options["weights"]
    assert set(weights) == set(NAMES) and weights["link_density"] > 0 > weights["sentence_end"]
    assert f"threshold {rule.options['threshold']} " in out and rule.options["max-words"] == 100  # the rest is kept


def test_the_threshold_is_the_lowest_that_keeps_held_out_article_blocks_under_the_budget() -> None:
    """Each site fold is judged by a model trained on the others (here one that scores a block
    by its first feature); article blocks the rule may not report do not count."""

    def pages(judged: bool) -> list[Labelled]:
        rows = [[0.95], [0.7], [0.4]]
        return [Labelled(rows, [1, 0, 0], [True, judged, True], f"site{i}.example") for i in range(10)]

    def first_feature(X: list[list[float]], y: list[int], c: float) -> Scorer:
        return lambda row: row[0]

    assert choose_threshold(pages(True), flagged=0.02, learner=first_feature) == 0.71
    assert choose_threshold(pages(True), flagged=0.5, learner=first_feature) == 0.41
    assert choose_threshold(pages(False), flagged=0.02, learner=first_feature) == 0.41


def test_class_and_id_values_are_read_as_words_without_modifiers() -> None:
    assert name_words("related-posts shareBar") == ("related", "posts", "share", "bar")
    assert name_words("has-sidebar no-share tag-politics category-news") == ()


def test_the_innermost_element_that_names_something_decides() -> None:
    """A page-wide class ("has-sidebar" on a wrapper) says nothing of the article inside it; a
    share box inside the article's content is furniture."""
    page = (
        "<html><body class='share-enabled'><div class='layout has-sidebar'><div class='entry-content'>"
        f"<h1>Talks end</h1>{BODY}<div class='share-box'><p>Tell a friend about this</p></div>"
        "</div></div></body></html>"
    )
    body, box = _row(page, "The talks"), _row(page, "Tell a friend")
    assert body["content_class"] == 1.0 and body["inner_furniture"] == 0.0 and body["furniture_class"] == 0.0
    assert box["inner_furniture"] == 1.0 and box["content_class"] == 1.0


def test_a_role_and_a_form_control_are_markup_evidence() -> None:
    page = (
        f"<html><body><article><h1>Talks end</h1>{BODY}</article>"
        "<div role='navigation'><p>Politics</p></div><div><label>Your email</label><input name='e'></div></body></html>"
    )
    assert _row(page, "Politics")["furniture_tag"] == 1.0 and _row(page, "Politics")["inner_furniture"] == 1.0
    assert _row(page, "Your email")["control"] == 1.0 and _row(page, "The talks")["control"] == 0.0


def test_prose_in_furniture_markup_does_not_extend_the_body() -> None:
    """An author's bio after the article reads as prose; its markup keeps it out of the body."""
    bio = "<div class='author-bio'><p>Jane Doe has covered diplomacy for the paper since 2009, from three continents.</p></div>"
    page = f"<html><body><article><h1>Talks end</h1>{BODY}{bio}</article></body></html>"
    row = _row(page, "Jane Doe")
    assert row["after_body"] == 1.0 and row["in_body"] == 0.0
    assert _row(page, "The ministers")["in_body"] == 1.0


def test_neighbours_and_wording_are_features() -> None:
    page = (
        f"<html><body><article><h1>Talks end</h1>{BODY}</article><div class='related'>"
        "<p><a href='/a'>Floods close roads</a></p><p><a href='/b'>Budget approved</a></p>"
        "<p>Subscribe to our newsletter</p></div></body></html>"
    )
    floods, sub, body = _row(page, "Floods"), _row(page, "Subscribe"), _row(page, "The talks")
    assert floods["near_furniture"] > body["near_furniture"] and sub["near_links"] > body["near_links"]
    assert sub["site_words"] == 1.0 and body["site_words"] == 0.0
    assert floods["prev_words"] > 0 and body["next_words"] > 0


def test_a_nav_block_after_the_body_scores_higher_than_the_same_text_in_the_article() -> None:
    words = "Politics Business Science Sport"
    nav = f"<html><body><article><h1>Talks end</h1>{BODY}</article><nav><p>{words}</p></nav></body></html>"
    inside = f"<html><body><article><h1>Talks end</h1><p>{words}</p>{BODY}</article></body></html>"
    (rule,) = [r for r in load_rules(builtin_rules_dir() / "boilerplate") if r.id == "boilerplate.page-furniture"]

    def probability(page: str) -> float:
        doc = read_document(Source("page.html", page), "html")
        index = next(i for i, b in enumerate(doc.blocks) if b.text.startswith(words))
        return judge(rule.compiled, doc, needs_markup=False)[index]

    assert probability(nav) > rule.options["threshold"] > probability(inside)


def test_the_message_names_the_kind_the_markup_names_and_the_id_stays() -> None:
    def found(extra: str) -> list[dict[str, object]]:
        page = f"<html><body><article><h1>Talks end</h1>{BODY}</article>{extra}</body></html>"
        return lint(page, "page.html", select=["boilerplate.page-furniture"])

    comments = found("<section id='comments'><p>Anna Berg</p><p>So glad they met at last!</p></section>")
    unnamed = found(
        "<aside class='x1'><p><a href='/a'>Floods close roads</a></p><p><a href='/b'>Budget</a></p></aside>"
    )
    assert [f["rule"] for f in comments + unnamed] == ["boilerplate.page-furniture"] * 2
    assert "2 block(s) of comments, from 'Anna Berg'" in str(comments[0]["message"])
    assert "2 block(s) of page furniture, from 'Floods" in str(unnamed[0]["message"])


def test_snippets_found_more_than_once_are_not_labels() -> None:
    doc = read_document(Source("p.html", "<p>Related</p><p>Talks end</p><p>Related</p>"), "html")
    spans = snippet_spans(doc, {"boilerplate": ["Related"], "main": ["Talks end"]})
    assert [label for label, _, _ in spans] == ["main"]


def test_neighbours_markup_is_no_evidence_for_a_line_the_articles_element_holds() -> None:
    page = PAGE.replace("<article>", "<div class='x1'>").replace("</article>", "<p>Referee: H Webb</p></div>")
    referee = _row(page, "Referee")
    assert referee["near_furniture"] >= 0.5 and referee["body_sibling"] == 1.0
    assert not evidence(list(referee.values()))
    apart = _row(page.replace("<p>Referee: H Webb</p></div>", "</div><div><p>Referee: H Webb</p></div>"), "Referee")
    assert apart["near_furniture"] >= 0.5 and apart["body_sibling"] == 0.0
    assert evidence(list(apart.values()))


def test_a_block_outside_the_element_around_the_body_is_markup_evidence() -> None:
    """The body's element is the one around its paragraphs' elements, even when one paragraph
    is all the body found; a plain div beside it is outside, the article's short last line is not."""
    page = (
        "<html><body><div class='x1'><div class='x2'><h1>Talks end</h1>"
        "<p>The talks between the two governments ended on Monday after three days in the capital.</p>"
        "<p>Both sides met again</p></div></div><div class='x3'><p>Sign up for our morning email</p></div>"
        "</body></html>"
    )
    last, beside = _row(page, "Both sides"), _row(page, "Sign up")
    assert last["outside_body"] == 0.0 and not evidence(list(last.values()))
    assert beside["outside_body"] == 1.0 and evidence(list(beside.values()))
    assert _row(page.replace("class", "data-x"), "Sign up")["outside_body"] == 1.0


def test_emphasis_is_the_share_of_a_block_set_in_em_i_b_or_strong() -> None:
    page = PAGE.replace(
        "</article>",
        "<p><i>Do you want our news? <a href='/n'>Sign up here</a></i></p><p>A <b>bold</b> word</p></article>",
    )
    note, word, body = _row(page, "Do you want"), _row(page, "A bold"), _row(page, "The talks")
    assert note["emphasis"] == 1.0 and note["link_density"] > 0.3
    assert 0.0 < word["emphasis"] < 0.5 and body["emphasis"] == 0.0
    assert _row(page.replace("class='related-stories'", "class='cta-box'"), "Floods")["furniture_class"] == 1.0


def test_a_block_over_max_words_may_be_reported_only_when_its_own_markup_says_furniture() -> None:
    (rule,) = [r for r in load_rules(builtin_rules_dir() / "boilerplate") if r.id == "boilerplate.page-furniture"]
    bio = "I maintain a service that processes data every night. " * 15
    boxed = f"<html><body><article><h1>Talks end</h1>{BODY}</article><div class='author-bio'><p>{bio}</p></div>"
    plain = boxed.replace("author-bio", "x1")
    rows = [
        (doc.blocks[-1], features(doc)[-1])
        for doc in (read_document(Source("p.html", p), "html") for p in (boxed, plain))
    ]
    assert [len(b.text.split()) > 100 for b, _ in rows] == [True, True]
    assert [reportable(b, row, 100) for b, row in rows] == [True, False]
    assert reportable(rows[1][0], rows[1][1], 200)


def test_blocks_one_element_holds_share_their_holder() -> None:
    page = (
        "<html><body><div class='a'><p>One <b>bold</b> line</p><p>Two</p><div><p>Three</p></div></div>"
        "<ul><li>Four</li></ul><p>Five</p></body></html>"
    )
    doc = read_document(Source("p.html", page), "html")
    held = dict(zip([b.text.strip() for b in doc.blocks], containers(doc, doc.blocks), strict=True))
    assert held["One bold line"] == held["Two"] != held["Three"]
    assert page[held["Two"][0] :].startswith("<div class='a'>") and page[held["Four"][0] :].startswith("<ul>")
    assert page[held["Five"][0] :].startswith("<body>")
    assert (
        next(
            containers(
                read_document(Source("t.txt", "Plain text"), "text"), [Block("paragraph", 0, 10, 0, "Plain text")]
            )
        )
        == NONE
    )
