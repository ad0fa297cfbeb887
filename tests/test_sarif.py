"""--format sarif: valid against the official SARIF 2.1.0 schema (vendored), with rule metadata."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from newslint.run.cli import main

TESTS = Path(__file__).resolve().parent
SCHEMA = json.loads((TESTS / "fixtures" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def sarif(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        main(["--format", "sarif", "--no-cache", *args])
    finally:
        os.chdir(cwd)
    return json.loads(capsys.readouterr().out)


def validate(log: dict) -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(log)


def test_builtin_findings_are_valid_sarif(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = next((TESTS / "fixtures" / "seeds").glob("002_*.txt"))
    (tmp_path / "my article.txt").write_bytes(seed.read_bytes())
    log = sarif(tmp_path, capsys, "my article.txt")
    validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert "duplicate.paragraph" in ids and all(r["fullDescription"]["text"] for r in rules)
    results = run["results"]
    assert results and all(ids[r["ruleIndex"]] == r["ruleId"] for r in results)
    loc = results[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "my%20article.txt"
    assert any("fixes" in r for r in results) and any("relatedLocations" in r for r in results)


def test_sarif_region_is_the_finding_span(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "marker.yaml").write_text((TESTS / "rules" / "marker.yaml").read_text())
    (tmp_path / ".newslint.yaml").write_text("rules: [rules]\nselect: [test]\n")
    (tmp_path / "a.txt").write_text("Headline\r\n\r\nA DEFECT1 here.\r\n")
    log = sarif(tmp_path, capsys, "a.txt")
    validate(log)
    [result] = log["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 3, "endLine": 3, "endColumn": 10}
    assert result["level"] == "warning" and result["message"]["text"] == "Marker 'DEFECT1' found."
    change = result["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert change == {"deletedRegion": region, "insertedContent": {"text": "FIXED"}}


def test_empty_run_is_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Council approves budget\n\nThe council approved the budget on Tuesday.\n")
    log = sarif(tmp_path, capsys, "a.txt")
    validate(log)
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"]


def test_schema_rejects_a_broken_log() -> None:
    with pytest.raises(jsonschema.ValidationError):
        validate({"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "columnKind": "bytes"}]})


def test_a_run_that_could_not_lint_a_named_file_is_not_successful(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("Headline here\n\nSome text , here.\n", encoding="utf-8")
    ok = sarif(tmp_path, capsys, "a.txt")
    validate(ok)
    assert ok["runs"][0]["invocations"] == [{"executionSuccessful": True}]
    failed = sarif(tmp_path, capsys, "a.txt", "missing.txt")
    validate(failed)
    assert failed["runs"][0]["invocations"] == [{"executionSuccessful": False}]
    assert failed["runs"][0]["results"]  # the findings of a.txt are still there
