"""The trained page model (``boilerplate.page-furniture``): its features, its markup gate, and
retraining it with ``newslint train-boilerplate``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from harness import lint

from newslint import builtin_rules_dir
from newslint.document.readers import read_document
from newslint.document.source import Source
from newslint.engine.loader import load_rules
from newslint.engine.support.block_features import NAMES, features
from newslint.run.cli import main
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
    assert "weights from 6 pages, 30 labelled blocks (24 boilerplate)" in capsys.readouterr().out
    (rule,) = load_rules(rules)
    weights = rule.options["weights"]
    assert set(weights) == set(NAMES) and weights["link_density"] > 0 > weights["sentence_end"]
    assert rule.options["threshold"] == 0.85  # the rest of the file is kept
