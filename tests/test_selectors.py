"""A rule selector that names no rule is an error, never a silent no-op."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newslint.run.cli import main


def run(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    cwd = os.getcwd()
    os.chdir(project)
    try:
        code = main([*args, "--no-cache", "a.txt"])
    finally:
        os.chdir(cwd)
    return code, capsys.readouterr().err


@pytest.fixture
def project(rules_project: Path) -> Path:
    (rules_project / "a.txt").write_text("Headline\n\nA DEFECT1 here.\n")
    return rules_project


def configure(project: Path, text: str) -> None:
    (project / ".newslint.yaml").write_text("rules: [rules]\n" + text)


@pytest.mark.parametrize(
    ("config", "where", "expected"),
    [
        ("select: [test.markr]\n", ":2: select:", "no rule or category 'test.markr' (did you mean 'test.marker'?)"),
        ("select: [test]\nignore: [punctuaton]\n", ":3: ignore:", "(did you mean 'punctuation'?)"),
        ("select: [test]\nseverity:\n  tset: error\n", ":4: severity.tset:", "no rule or category 'tset'"),
        ("select: [test]\nper-file-ignores:\n  '*.txt': [test.mark]\n", ":4: per-file-ignores.*.txt:", "'test.mark'"),
        (
            "select: [test]\noptions:\n  test.markers: {safe: false}\n",
            ":4: options.test.markers:",
            "no rule 'test.markers'",
        ),
    ],
)
def test_a_selector_in_the_configuration_that_names_nothing_is_located(
    project: Path, capsys: pytest.CaptureFixture[str], config: str, where: str, expected: str
) -> None:
    configure(project, config)
    code, err = run(project, capsys)
    assert code == 2
    assert f".newslint.yaml{where} " in err and expected in err


@pytest.mark.parametrize("flag", ["--select", "--extend-select", "--ignore"])
def test_a_selector_on_the_command_line_that_names_nothing_is_a_usage_error(
    project: Path, capsys: pytest.CaptureFixture[str], flag: str
) -> None:
    code, err = run(project, capsys, flag, "test.markr")
    assert code == 2
    assert f"newslint: error: {flag}: no rule or category 'test.markr' (did you mean 'test.marker'?)" in err


def test_ids_categories_all_and_user_rules_are_accepted(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    configure(project, "select: [test.marker, test., ALL]\nignore: [spelling]\nseverity:\n  test: error\n")
    code, err = run(project, capsys, "--extend-select", "punctuation.space-before")
    assert code == 1 and err == ""


def test_a_languagetool_rule_id_points_to_disabled_rules(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(project, capsys, "--ignore", "grammar.en-a-vs-an")
    assert code == 2 and "languagetool: disabled-rules" in err


def test_an_inline_directive_naming_nothing_warns(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "a.txt").write_text(
        "Headline\n\n<!-- newslint-disable test.markr -->\n<!-- newslint-disable grammar.en-a-vs-an -->\nA DEFECT1.\n"
    )
    code, err = run(project, capsys)
    assert code == 1  # the finding stays, and the warning does not change the status
    assert err.splitlines() == [
        "newslint: a.txt:3: newslint-disable: no rule or category 'test.markr' (did you mean 'test.marker'?)"
    ]
