"""Export files as inputs: WordPress exports (WXR), JSON Lines and JSON arrays, each article
linted on its own and every finding placed in the export file as stored."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from harness import stored_text

from newslint.document.exports.scan import scan
from newslint.engine.exports import lint_slice
from newslint.engine.lint import Linter, load_ruleset
from newslint.run.cli import main
from newslint.settings.config import Config, load_config
from newslint.settings.yamlfile import ConfigError

WXR = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
\t<title>Site &amp; news</title>
\t<item>
\t\t<title>Mayor &amp; council aproves plan</title>
\t\t<link>https://news.test/mayor</link>
\t\t<wp:post_id>42</wp:post_id>
\t\t<content:encoded><![CDATA[<!-- wp:paragraph -->
<p>The mayor spoke on Tuesday , and the crowd cheered loudly.</p>
<!-- /wp:paragraph -->]]></content:encoded>
\t\t<wp:postmeta><wp:meta_key><![CDATA[<item>]]></wp:meta_key></wp:postmeta>
\t\t<wp:post_type><![CDATA[post]]></wp:post_type>
\t</item>
\t<item>
\t\t<title>Second story</title>
\t\t<wp:post_id>43</wp:post_id>
\t\t<content:encoded>&lt;p&gt;Caf&#233; owners said the town was Sleppy today.&lt;/p&gt;</content:encoded>
\t</item>
\t<item>
\t\t<title>logo.png</title>
\t\t<wp:post_type>attachment</wp:post_type>
\t\t<content:encoded>Sleppy</content:encoded>
\t</item>
</channel>
</rss>
"""


def _check(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, Any]], str]:
    code = main(["check", "--no-cache", "--format", "json", *args])
    out = capsys.readouterr()
    return code, json.loads(out.out), out.err


def _stored(path: Path, f: dict[str, Any]) -> str:
    return stored_text(path.read_text(encoding="utf-8"), f)


def _by_rule(findings: list[dict[str, Any]], rule: str) -> list[dict[str, Any]]:
    return [f for f in findings if f["rule"] == rule]


def test_wxr_findings_point_into_the_export_as_stored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "site.xml"
    path.write_text(WXR, encoding="utf-8")
    code, findings, _ = _check([str(path)], capsys)
    assert code == 1
    typos = _by_rule(findings, "spelling.typo")
    # in the title after an entity, and in a body escaped as entities (not CDATA)
    assert [(_stored(path, f), f["line"]) for f in typos] == [("aproves", 6), ("Sleppy", 18)]
    assert typos[0]["article"] == {
        "id": "42",
        "title": "Mayor & council aproves plan",
        "url": "https://news.test/mayor",
        "line": 5,
    }
    assert typos[1]["article"]["id"] == "43"
    comma = _by_rule(findings, "punctuation.space-before")
    assert [(_stored(path, f), f["line"]) for f in comma] == [(" ,", 10)]
    assert all(f["fix"] is None for f in findings)
    assert not [f for f in findings if f["line"] > 20]  # the attachment is not an article


def test_json_lines_spans_account_for_escapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = '<p>"Caf\u00e9 owners"\nsaid it was Sleppy \u2014 and left.</p>'
    line = json.dumps({"id": 7, "title": "A quiet day", "url": "https://news.test/7", "html": body})
    assert "\\u00e9" in line and '\\"' in line and "\\n" in line
    path = tmp_path / "posts.jsonl"
    path.write_text(json.dumps({"id": 6, "html": "<p>Nothing to see in this calm report.</p>"}) + "\n" + line + "\n")
    _, findings, _ = _check([str(path)], capsys)
    typo = _by_rule(findings, "spelling.typo")
    assert [(_stored(path, f), f["line"]) for f in typo] == [("Sleppy", 2)]
    assert typo[0]["article"] == {"id": "7", "title": "A quiet day", "url": "https://news.test/7", "line": 2}


def test_a_broken_line_is_skipped_with_its_place_and_the_rest_is_linted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "posts.jsonl"
    good = json.dumps({"id": 1, "html": "<p>The town was Sleppy on Monday morning.</p>"})
    path.write_text(f'{good}\n{{"id": 2, "html": "unterminated\n[1, 2]\n\n{good}\n', encoding="utf-8")
    code, findings, err = _check([str(path)], capsys)
    assert code == 2  # the run could not lint every article
    assert [f["line"] for f in _by_rule(findings, "spelling.typo")] == [1, 5]
    assert f"{path}:2:" in err and "article skipped: not valid JSON" in err
    assert f"{path}:3:1: article skipped: not a JSON object" in err


def test_a_json_array_with_configured_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".newslint.yaml").write_text("export: {id: slug, title: hed, body: [story, text], format: markdown}\n")
    stories = [
        {"slug": "one", "hed": "Rain", "story": "It rained *all* day in the town.\n\nThe river was Sleppy."},
        {"slug": "two", "hed": "Sun", "text": "The sun shone on the Sleppy valley."},
    ]
    path = tmp_path / "stories.json"
    path.write_text(json.dumps(stories, indent=2), encoding="utf-8")
    _, findings, _ = _check([str(path)], capsys)
    typos = _by_rule(findings, "spelling.typo")
    assert [_stored(path, f) for f in typos] == ["Sleppy", "Sleppy"]
    assert [f["article"]["id"] for f in typos] == ["one", "two"]


def test_bad_export_settings_name_the_key(tmp_path: Path) -> None:
    config = tmp_path / ".newslint.yaml"
    config.write_text("export:\n  body: html\n  format: docx\n")
    with pytest.raises(ConfigError, match="export.format"):
        load_config(config)
    config.write_text("export:\n  author: byline\n")
    with pytest.raises(ConfigError, match="export.author"):
        load_config(config)


def test_entity_declarations_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = WXR.replace(
        '<rss version="2.0"',
        '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<rss version="2.0"',
    )
    path = tmp_path / "bomb.xml"
    path.write_text(bomb, encoding="utf-8")
    code, findings, err = _check([str(path)], capsys)
    assert code == 2 and findings == []
    assert "bomb.xml: not read: line 2: it declares XML entities" in err


def test_fix_leaves_an_export_alone_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "site.xml"
    path.write_text(WXR, encoding="utf-8")
    main(["check", "--no-cache", "--fix", str(path)])
    assert path.read_text(encoding="utf-8") == WXR
    assert "site.xml: not fixed: export files are linted, not fixed" in capsys.readouterr().err


def test_a_paragraph_repeated_across_an_exports_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    footer = "<p>Follow us on Twitter for the latest news from the valley.</p>"
    path = tmp_path / "posts.jsonl"
    lines = [
        json.dumps({"id": f"a{i}", "title": f"Story {i}", "html": f"<p>Story {i} of the week.</p>{footer}"})
        for i in range(4)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, findings, _ = _check(["--select", "corpus", str(path)], capsys)
    assert [f["line"] for f in findings] == [1, 2, 3, 4]
    assert {r["article"]["id"] for r in findings[0]["related"]} == {"a1", "a2", "a3"}
    assert findings[0]["article"]["id"] == "a0"
    assert all(_stored(path, f) == footer[3:-4] for f in findings)


def test_slices_find_what_one_pass_finds(tmp_path: Path) -> None:
    stories = "".join(
        json.dumps({"id": i, "html": f"<p>Report {i} says the town was Sleppy , again.</p>"}) + "\n" for i in range(40)
    )
    path = tmp_path / "posts.jsonl"
    path.write_text(stories, encoding="utf-8")
    config = Config(root=tmp_path)
    linter = Linter(config, load_ruleset(config))

    def findings(size: int) -> list[tuple[int, int, str]]:
        with open(path, "rb") as fh:
            slices = list(scan(fh, "jsonl", size))
        got = [f for s in slices for f in lint_slice(linter, "posts.jsonl", path, s).findings]
        return sorted((f.place.line, f.place.column, f.rule) for f in got)

    with open(path, "rb") as fh:
        assert len(list(scan(fh, "jsonl", 500))) > 5
    assert findings(500) == findings(1 << 20) and len(findings(500)) == 80


def test_wxr_slices_start_at_items_outside_cdata(tmp_path: Path) -> None:
    data = WXR.encode("utf-8")
    slices = list(scan(io.BytesIO(data), "wxr", 1))
    assert [s.articles for s in slices] == [1, 1, 1]  # the <item> inside a CDATA section is not one
    assert all(data[s.start : s.start + 6] == b"<item>" for s in slices)
    assert [(s.line, s.column) for s in slices] == [(5, 2), (15, 2), (20, 2)]


def test_folders_take_wordpress_exports_but_not_other_xml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "site.xml").write_text(WXR, encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text("<urlset><url>Sleppy</url></urlset>\n", encoding="utf-8")
    (tmp_path / "package.json").write_text('[{"html": "Sleppy"}]\n', encoding="utf-8")
    main(["check", "--show-files", str(tmp_path)])
    assert capsys.readouterr().out.split() == [str(tmp_path / "site.xml")]


def test_a_local_dask_cluster_lints_an_export_as_a_local_run_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr("newslint.document.exports.scan.SLICE_BYTES", 300)  # several slices, sent with their bytes
    footer = "<p>Follow us on Twitter for the latest news from the valley.</p>"
    path = tmp_path / "posts.jsonl"
    lines = [json.dumps({"id": i, "html": f"<p>Story {i}: the town was Sleppy.</p>{footer}"}) for i in range(12)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    local = _check(["--select", "corpus,spelling", str(path)], capsys)
    dask = _check(["--select", "corpus,spelling", "--executor", "dask", "--jobs", "2", str(path)], capsys)
    assert dask[:2] == local[:2] and len(local[1]) == 24


def test_statistics_count_per_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "site.xml"
    path.write_text(WXR, encoding="utf-8")
    main(["check", "--no-cache", "--statistics", str(path)])
    out = capsys.readouterr().out
    assert "Articles with the most findings" in out
    assert f"2  {path}:5  id 42 Mayor & council aproves plan" in out and f"1  {path}:15  id 43 Second story" in out


def test_json_lines_streams_each_files_findings_then_the_cross_article_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    footer = "<p>Follow us on Twitter for the latest news from the valley.</p>"
    lines = [json.dumps({"id": i, "html": f"<p>Story {i}: the town was Sleppy.</p>{footer}"}) for i in range(3)]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A headline\n\nThe river was Sleppy today.\n", encoding="utf-8")
    args = ["--select", "corpus,spelling", str(tmp_path / "a.jsonl"), str(tmp_path / "b.txt")]
    _, whole, _ = _check(args, capsys)
    main(["check", "--no-cache", "--format", "json-lines", *args])
    streamed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    key = json.dumps
    assert sorted(map(key, streamed)) == sorted(map(key, whole)) and len(streamed) == 7
    assert [f["category"] for f in streamed] == ["spelling"] * 4 + ["corpus"] * 3


def test_progress_counts_articles() -> None:
    from newslint.run.progress import Progress

    out = io.StringIO()
    bar = Progress(12, out)
    bar.step(10)  # an export's slice of ten articles
    assert out.getvalue().endswith("10/12 articles")
    bar.step()
    bar.step()  # the last one is always drawn
    assert out.getvalue().endswith("12/12 articles")


def test_deeply_nested_markup_in_an_item_does_not_stop_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = "<wp:meta>" * 50_000 + "x" + "</wp:meta>" * 50_000
    path = tmp_path / "site.xml"
    path.write_text(WXR.replace("<wp:post_id>43</wp:post_id>", f"<wp:post_id>43</wp:post_id>{deep}"), encoding="utf-8")
    _, findings, _ = _check([str(path)], capsys)
    assert [f["article"]["id"] for f in _by_rule(findings, "spelling.typo")] == ["42", "43"]


def test_text_output_names_the_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "site.xml"
    path.write_text(WXR, encoding="utf-8")
    for fmt in ("text", "concise"):
        main(["check", "--no-cache", "-q", "--format", fmt, "--select", "spelling", str(path)])
        lines = capsys.readouterr().out.splitlines()
        assert [line.rsplit(" ", 2)[-2:] for line in lines] == [["(article", "42)"], ["(article", "43)"]]


def test_a_second_run_of_an_export_is_answered_from_the_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from newslint.engine import exports

    linted: list[int] = []
    real = exports.lint_slice

    def counting(*args: Any, **kwargs: Any) -> Any:
        linted.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(exports, "lint_slice", counting)
    path = tmp_path / "site.xml"
    path.write_text(WXR, encoding="utf-8")
    args = ["check", "--format", "json", "--jobs", "1", "--cache-dir", str(tmp_path / "cache"), str(path)]
    main(args)
    first = json.loads(capsys.readouterr().out)
    main(args)
    assert json.loads(capsys.readouterr().out) == first and len(linted) == 1
    assert {f["article"]["id"] for f in first} == {"42", "43"}
    path.write_text(WXR.replace("Second story", "Second story again"), encoding="utf-8")
    main(args)  # an edited export is linted afresh
    assert len(linted) == 2 and len(json.loads(capsys.readouterr().out)) == len(first)


def test_records_without_a_body_are_counted_not_failed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "posts.jsonl"
    rows = [{"id": 1, "html": "<p>The town was Sleppy today.</p>"}, {"id": 2, "html": None}, {"type": "tag"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    code, findings, err = _check([str(path)], capsys)
    assert code == 1 and [f["article"]["id"] for f in findings] == ["1"]
    assert "2 record(s) with no body field (html, content, body, text, markdown, plaintext) were not linted" in err
