"""The result cache: hits on unchanged files, misses on any change of file, name, config or rules."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newslint import jobs
from newslint.cache import Cache, fingerprint
from newslint.cli import main

TESTS = Path(__file__).resolve().parent


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "rules").mkdir()
    for rule in (TESTS / "rules").glob("*.yaml"):
        (tmp_path / "rules" / rule.name).write_text(rule.read_text())
    (tmp_path / ".newslint.yaml").write_text("rules: [rules]\nselect: [test]\n")
    (tmp_path / "a.txt").write_text("Headline\n\nA DEFECT1 here.\n")
    return tmp_path


def run(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    cwd = os.getcwd()
    os.chdir(project)
    try:
        main(["--format", "json", "--jobs", "1", "--cache-dir", "cache", *args])
    finally:
        os.chdir(cwd)
    return json.loads(capsys.readouterr().out)


def entries(project: Path) -> list[Path]:
    return sorted((project / "cache").glob("*/*.json"))


def test_second_run_is_answered_from_the_cache(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run(project, capsys, "a.txt")
    assert len(entries(project)) == 1 and (project / "cache" / ".gitignore").is_file()

    def no_lint(*args, **kwargs):
        raise AssertionError("linted although cached")

    monkeypatch.setattr("newslint.lint.Linter.lint_bytes", no_lint)
    assert run(project, capsys, "a.txt") == first


def test_changes_miss_the_cache(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(project, capsys, "a.txt")
    (project / "a.txt").write_text("Headline\n\nA DEFECT2 here.\n")
    assert run(project, capsys, "a.txt")[0]["message"] == "Marker 'DEFECT2' found."
    (project / ".newslint.yaml").write_text("rules: [rules]\nselect: [test]\nseverity: {test.marker: error}\n")
    assert run(project, capsys, "a.txt")[0]["severity"] == "error"
    assert run(project, capsys, "--ignore", "test.marker", "a.txt") == []
    assert len(entries(project)) == 4


def test_no_cache_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(project, capsys, "--no-cache", "a.txt")
    assert not (project / "cache").exists()


def test_corrupt_entry_is_a_miss(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = run(project, capsys, "a.txt")
    [entry] = entries(project)
    entry.write_text("{not json")
    assert run(project, capsys, "a.txt") == first


def test_key_depends_on_name_content_and_rules(project: Path) -> None:
    from newslint.api import make_linter
    from newslint.config import Config
    from newslint.rules import load_rules

    rules = load_rules(project / "rules")
    linter = make_linter(Config(select=["test"]), rules)
    other = make_linter(Config(select=["test"], severity={"test.cafe": "error"}), rules)
    cache = Cache(project / "cache")
    key = cache.key(linter, "a.txt", Path("a.txt"), b"x")
    assert key == cache.key(linter, "a.txt", Path("a.txt"), b"x")
    assert len({key, cache.key(linter, "b.txt", Path("b.txt"), b"x"), cache.key(linter, "a.txt", None, b"y")}) == 3
    assert fingerprint(linter) != fingerprint(other)


def test_failed_runs_are_not_cached(project: Path) -> None:
    from newslint.lint import FileResult

    class Failing:
        config = type("C", (), {"fail_on": "warning"})()
        rules: list = []

        def active_rules(self, path):
            return []

        def lint_bytes(self, label, data, path=None):
            return FileResult(label, error=True)

    Failing._cache_fingerprint = "f"
    out = jobs.lint_cached(Failing(), "a.txt", b"x", Path("a.txt"), Cache(project / "cache"))  # type: ignore[arg-type]
    assert out.result.error and not entries(project)
