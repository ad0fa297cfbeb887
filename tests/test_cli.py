"""The command line: exit statuses, formats, stdin, errors as one line, rule docs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.run.cli import main

CONFIG = "rules: [rules]\nselect: [test]\n"


@pytest.fixture
def project(rules_project: Path) -> Path:
    """A folder with a config that runs the test rules only."""
    tmp_path = rules_project
    (tmp_path / "bad.txt").write_text("Headline\n\nA DEFECT1 here.\n")
    (tmp_path / "good.md").write_text("# Headline\n\nAll fine here.\n")
    return tmp_path


def run(args: list[str], cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args], cwd=cwd, input=stdin, capture_output=True, text=True, timeout=60
    )


def test_findings_exit_1_and_clean_exit_0(project: Path) -> None:
    bad = run(["bad.txt"], project)
    assert bad.returncode == 1
    assert "bad.txt:3:3: warning [test.marker] Marker 'DEFECT1' found." in bad.stdout
    assert run(["good.md"], project).returncode == 0


def test_fail_on_error_lets_warnings_pass(project: Path) -> None:
    assert run(["--fail-on", "error", "bad.txt"], project).returncode == 0


def test_folder_is_searched_by_extension(project: Path) -> None:
    (project / "notes.yaml").write_text("DEFECT9: x\n")
    out = run(["--format", "json", "."], project)
    paths = {f["path"] for f in json.loads(out.stdout)}
    assert paths == {"bad.txt"}


def test_json_follows_the_contract(project: Path) -> None:
    out = run(["--format", "json", "bad.txt", "good.md"], project)
    [finding] = json.loads(out.stdout)
    assert set(finding) == {
        "path", "rule", "category", "severity", "message", "line", "column",
        "end_line", "end_column", "suggestions", "fix", "related",
    }  # fmt: skip
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (3, 3, 3, 10)
    assert finding["category"] == "test" and finding["fix"] == {"replacement": "FIXED", "safe": True}


def test_stdin_with_a_filename(project: Path) -> None:
    out = run(
        ["--format", "json", "--stdin-filename", "x.md", "-"], project, stdin="# T\n\nSome `DEFECT0` and DEFECT2.\n"
    )
    findings = json.loads(out.stdout)
    assert [(f["path"], f["column"]) for f in findings] == [("x.md", 20)]


@pytest.mark.parametrize(
    "args",
    [["--format", "xml", "bad.txt"], ["--no-such-flag"], ["missing.txt"], ["--config", "nope.yaml", "bad.txt"]],
)
def test_bad_usage_exits_2_with_one_line(project: Path, args: list[str]) -> None:
    out = run(args, project)
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr


def test_invalid_config_exits_2_naming_line_and_key(project: Path) -> None:
    (project / ".newslint.yaml").write_text(CONFIG + "fail-on: never\n")
    out = run(["bad.txt"], project)
    assert out.returncode == 2
    assert (
        out.stderr.strip()
        == f"newslint: error: {project / '.newslint.yaml'}:3: fail-on: must be one of info, warning, error"
    )


def test_select_and_ignore_on_the_command_line(project: Path) -> None:
    assert run(["--ignore", "test.marker", "bad.txt"], project).returncode == 0
    assert run(["--select", "test.cafe", "bad.txt"], project).returncode == 0


def test_inline_suppression_in_text_files(project: Path) -> None:
    (project / "s.txt").write_text(
        "Headline\n\n<!-- newslint-disable-next-line test.marker -->\nA DEFECT1.\n\nA DEFECT2.\n\n"
        "<!-- newslint-disable -->\nA DEFECT3.\n<!-- newslint-enable -->\n\nA DEFECT4.\n"
    )
    findings = json.loads(run(["--format", "json", "s.txt"], project).stdout)
    assert [f["message"] for f in findings] == ["Marker 'DEFECT2' found.", "Marker 'DEFECT4' found."]


def test_inline_suppression_in_markdown_and_html(project: Path) -> None:
    (project / "s.md").write_text(
        "# T\n\n<!-- newslint-disable test -->\n\nA DEFECT1.\n\n<!-- newslint-enable test -->\n\nA DEFECT2.\n"
    )
    (project / "s.html").write_text(
        "<p>A DEFECT1.</p><!-- newslint-disable-next-line test.marker -->\n<p>A DEFECT2.</p>"
    )
    findings = json.loads(run(["--format", "json", "s.md", "s.html"], project).stdout)
    assert [(f["path"], f["message"]) for f in findings] == [
        ("s.html", "Marker 'DEFECT1' found."),
        ("s.md", "Marker 'DEFECT2' found."),
    ]


def test_rules_and_rule_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "encoding.not-utf8" in listing
    assert main(["rule", "encoding.not-utf8"]) == 0
    doc = capsys.readouterr().out
    assert doc.startswith("# encoding.not-utf8") and "## Flagged" in doc
    assert main(["rule", "no.such-rule"]) == 2


def test_binary_file_in_a_folder_is_skipped_with_a_warning(project: Path) -> None:
    (project / "sub").mkdir()
    (project / "sub" / "b.txt").write_bytes(b"\x00\x01\x02")
    (project / "sub" / "good.txt").write_text("Headline\n\nAll fine here.\n")
    out = run(["sub"], project)
    assert out.returncode == 0 and "warning: sub/b.txt: skipped: binary" in out.stderr
    assert "No problems found in 1 file." in out.stdout


def test_exit_zero_keeps_findings_but_not_failures(project: Path) -> None:
    result = run(["--exit-zero", "bad.txt"], project)
    assert result.returncode == 0 and "DEFECT1" in result.stdout
    assert run(["--exit-zero", "missing.txt"], project).returncode == 2


def test_show_files_lists_what_would_be_linted(project: Path) -> None:
    (project / ".newslint.yaml").write_text(CONFIG + "exclude: ['good.*']\n")
    (project / "notes.csv").write_text("a,b\n")
    result = run(["--show-files", "."], project)
    assert result.returncode == 0 and result.stdout.splitlines() == ["bad.txt"]


def test_show_settings_names_the_configuration_and_its_rules(project: Path) -> None:
    result = run(["--show-settings", "--ignore", "test.cafe", "bad.txt"], project)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"configuration: {project / '.newslint.yaml'}"
    assert "select: ['test']" in lines and "ignore: ['test.cafe']" in lines
    rules = [line for line in lines[lines.index("rules (2):") + 1 :] if line]
    assert rules == ["  test.demo-substitution (info)", "  test.marker (warning)"]


def test_check_is_the_lint_command_and_a_folder_named_rules_needs_no_dot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newslint.run.cli import main

    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "a.txt").write_text("Headline here\n\nSome text , here.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "--format", "json", "rules"]) == 1
    checked = capsys.readouterr().out
    assert '"punctuation.space-before"' in checked
    assert main(["--no-cache", "--format", "json", "rules/a.txt"]) == 1  # without 'check' too
    assert capsys.readouterr().out == checked
