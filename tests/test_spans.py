"""Spans point at the flagged text in the stored file, behind any markup."""

from __future__ import annotations

import html

import pytest
from harness import lint_with_test_rules, stored_text

MARKDOWN = """---
title: "A title with DEFECT1 inside"
date: 2026-01-01
description: Plain DEFECT2 field
tags: [DEFECT_not_linted]
---

# Headline **DEFECT3** here

Some *emphasis DEFECT4* and a [link DEFECT5](http://example.com/DEFECT_url "DEFECT_title") then
`code DEFECT_code` and &amp; DEFECT6 at the end of a softly
broken line DEFECT7.

> Quoted \\*escaped\\* DEFECT8.

- item DEFECT9
- ![DEFECT_alt](DEFECT_img.png) DEFECT10

<!-- DEFECT_comment -->

```
DEFECT_fenced
```

| a | b |
|---|---|
| DEFECT11 | c |
"""

HTML = """<!DOCTYPE html>
<html><head><title>DEFECT_head</title><style>.DEFECT_css {}</style></head>
<body>
<h1>Headline &amp; DEFECT1</h1>
<p>First&nbsp;paragraph with <b>bold DEFECT2</b> and
   a <a href="DEFECT_href">link DEFECT3</a>.<br>After a break DEFECT4</p>
<script>var x = "DEFECT_script";</script>
<pre>DEFECT_pre</pre><p>Inline <code>DEFECT_code</code> DEFECT5 &#8220;DEFECT6&#8221;</p>
<!-- DEFECT_comment -->
<ul><li>Item DEFECT7</li></ul>
</body></html>
"""


@pytest.mark.parametrize(("name", "text", "expected"), [("a.md", MARKDOWN, 11), ("a.html", HTML, 7)])
def test_stored_text_at_each_span_is_the_flagged_text(name: str, text: str, expected: int) -> None:
    findings = lint_with_test_rules(text, name, ["test.marker"])
    flagged = [stored_text(text, f) for f in findings]
    assert flagged == [f"DEFECT{i}" for i in range(1, expected + 1)]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_give_the_same_positions(newline: str) -> None:
    text = MARKDOWN.replace("\n", newline)
    findings = lint_with_test_rules(text, "a.md", ["test.marker"])
    reference = lint_with_test_rules(MARKDOWN, "a.md", ["test.marker"])
    assert [(f["line"], f["column"], f["end_column"]) for f in findings] == [
        (f["line"], f["column"], f["end_column"]) for f in reference
    ]


def test_an_entity_maps_to_its_source_text() -> None:
    text = "<p>At the caf&eacute; on Monday.</p>\n"
    [finding] = lint_with_test_rules(text, "a.html", ["test.cafe"])
    assert stored_text(text, finding) == "caf&eacute;"
    assert html.unescape(stored_text(text, finding)) == "café"


def test_columns_count_code_points_not_bytes() -> None:
    text = "Ünïcödé “quoted” text 😀 then DEFECT1.\n"
    [finding] = lint_with_test_rules(text, "a.txt", ["test.marker"])
    assert finding["column"] == text.index("DEFECT1") + 1
    assert stored_text(text, finding) == "DEFECT1"


def test_a_fix_is_offered_only_where_the_source_is_verbatim() -> None:
    text = "<p>Some DEFECT1 and caf&eacute;</p>"
    findings = lint_with_test_rules(text, "a.html", ["test.marker"])
    assert findings[0]["fix"] == {"replacement": "FIXED", "safe": True}
