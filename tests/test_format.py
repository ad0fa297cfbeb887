"""Output formats: concise, json-lines, github annotations, --statistics and --output-file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newslint.engine.findings import Place, Placed
from newslint.report.github import annotation
from newslint.run.cli import main


@pytest.fixture
def project(rules_project: Path) -> Path:
    tmp_path = rules_project
    (tmp_path / "bad.txt").write_text("Headline\n\nA DEFECT1 here, DEFECT2 there.\n\nIt is alright.\n")
    (tmp_path / "good.md").write_text("# Headline\n\nAll fine here.\n")
    return tmp_path


def newslint(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    cwd = os.getcwd()
    os.chdir(project)
    try:
        code = main([*args, "--no-cache"])
    finally:
        os.chdir(cwd)
    return code, capsys.readouterr().out


def test_concise_is_one_line_per_finding(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = newslint(project, capsys, "--format", "concise", "bad.txt", "good.md")
    assert code == 1
    assert out.splitlines() == [
        "bad.txt:3:3: warning [test.marker] [*] Marker 'DEFECT1' found.",
        "bad.txt:3:17: warning [test.marker] [*] Marker 'DEFECT2' found.",
        "bad.txt:5:7: info [test.demo-substitution] [*] Write 'all right' rather than 'alright'.",
    ]


def test_concise_marks_only_what_fix_would_apply(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = project / ".newslint.yaml"
    config.write_text(config.read_text() + "options:\n  test.marker: {safe: false}\n")
    _, out = newslint(project, capsys, "--format", "concise", "bad.txt")
    assert out.splitlines()[0] == "bad.txt:3:3: warning [test.marker] Marker 'DEFECT1' found."
    assert out.splitlines()[2].startswith("bad.txt:5:7: info [test.demo-substitution] [*] ")
    _, out = newslint(project, capsys, "--format", "concise", "--unsafe-fixes", "bad.txt")
    assert out.splitlines()[0] == "bad.txt:3:3: warning [test.marker] [*] Marker 'DEFECT1' found."


def test_json_lines_match_json(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, lines = newslint(project, capsys, "--format", "json-lines", "bad.txt")
    _, whole = newslint(project, capsys, "--format", "json", "bad.txt")
    assert [json.loads(line) for line in lines.splitlines()] == json.loads(whole)


def test_github_annotations(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = newslint(project, capsys, "--format", "github", "bad.txt")
    first = out.splitlines()[0]
    assert first == (
        "::warning file=bad.txt,line=3,col=3,endLine=3,endColumn=10,title=newslint test.marker::"
        "Marker 'DEFECT1' found. (suggestion: FIXED)"
    )
    assert out.splitlines()[2].startswith("::notice ")


def test_github_escapes_properties_and_data() -> None:
    f = Placed("a,b:c.txt", "x.y", "error", "50% done\nnext", Place(1, 2, 1, 2, 1, 3))
    assert annotation(f) == (
        "::error file=a%2Cb%3Ac.txt,line=1,col=2,endLine=1,endColumn=3,title=newslint x.y::50%25 done%0Anext"
    )


def test_statistics_counts_per_rule(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = newslint(project, capsys, "--statistics", "bad.txt")
    assert code == 1
    assert out.splitlines() == [
        "2  test.marker  warning  (2 fixable)",
        "1  test.demo-substitution  info  (1 fixable)",
        "3 findings from 2 rules.",
    ]
    _, out = newslint(project, capsys, "--statistics", "--format", "json", "bad.txt")
    assert json.loads(out)[0] == {"rule": "test.marker", "severity": "warning", "count": 2, "fixable": 2}


def test_output_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = newslint(project, capsys, "--format", "json", "--output-file", "report.json", "bad.txt")
    assert code == 1 and out == ""
    assert len(json.loads((project / "report.json").read_text(encoding="utf-8"))) == 3


def test_text_summary_counts_fixable(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = newslint(project, capsys, "bad.txt")
    assert out.splitlines()[-2:] == ["Found 3 problems (2 warnings, 1 info) in 1 file.", "[*] 3 fixable with --fix."]


def test_gitlab_code_quality_report(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "twice.txt").write_text("Headline\n\nA DEFECT1 here and DEFECT1 there.\n")
    _, out = newslint(project, capsys, "--format", "gitlab", "bad.txt", "twice.txt")
    issues = json.loads(out)
    first = issues[0]
    assert set(first) == {"description", "check_name", "fingerprint", "severity", "location"}
    assert first["check_name"] == "test.marker" and first["severity"] == "minor"
    assert first["location"] == {"path": "bad.txt", "lines": {"begin": 3, "end": 3}}
    assert first["description"] == "Marker 'DEFECT1' found. [test.marker]"
    assert [i["severity"] for i in issues if i["check_name"] == "test.demo-substitution"] == ["info"]
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints)  # the same message twice in a file: two issues
    (project / "twice.txt").write_text("Headline\n\nA new first line.\n\nA DEFECT1 here and DEFECT1 there.\n")
    _, moved = newslint(project, capsys, "--format", "gitlab", "bad.txt", "twice.txt")
    assert [i["fingerprint"] for i in json.loads(moved)] == fingerprints  # lines moved, same issues


def test_json_report_writes_what_json_dump_writes_one_record_at_a_time() -> None:
    import io

    from newslint.api import lint_bytes
    from newslint.report import json as json_report

    text = (
        "Markets rally\n\nShares rose sharply on Monday.\n\nShares rose sharply on Monday.\n\nIt’s a  “test” -- here\n"
    )
    found = lint_bytes(text.encode("utf-8"), "a.txt").findings
    assert any(f.fix is not None and f.related for f in found)
    for findings in (found, found[:1], []):
        out = io.StringIO()
        json_report.report(findings, None, out)  # type: ignore[arg-type]
        expected = json.dumps([f.record() for f in findings], ensure_ascii=False, indent=2) + "\n"
        assert out.getvalue() == expected
