"""``--format html``: one self-contained page with the text, the findings marked in place."""

from __future__ import annotations

import re
from pathlib import Path

from newslint.run.cli import main


def test_html_report_marks_findings_and_escapes_the_text(tmp_path: Path) -> None:
    a = tmp_path / "a.html"
    a.write_text("<p>The council met , and <b>voted</b>.</p>\n<script>alert(1)</script>\n", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("Nothing wrong here.\n", encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["check", "--no-cache", "--format", "html", "-o", str(out), str(a), str(b)]) == 1
    page = out.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    marks = re.findall(r'<mark id="(f\d+-\d+)" class="(\w+)"[^>]*>(.*?)</mark>', page)
    assert ("f0-0", "warning", " ,") in marks
    assert 'href="#f0-0"' in page
    assert "src=" not in page and "http" not in page.split("</title>", 1)[1]
    assert "b.txt" not in page  # a file with no findings is counted, not shown
    assert "in 1 of 2 files" in page
