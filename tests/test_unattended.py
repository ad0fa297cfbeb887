"""Safe to run unattended: a file not written, a file not linted, a report not written or a
cache that cannot be written is never reported as a clean run."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.cache import folder as cachedir
from newslint.engine import fixer
from newslint.engine.kinds import kind_module
from newslint.engine.languagetool.cache import ResultCache
from newslint.engine.lint import MAX_FILE_BYTES, Linter
from newslint.run.cli import main

FORMATS = ["text", "concise", "json", "json-lines", "github", "gitlab", "sarif", "html"]
MARKER = "Marker 'DEFECT1' found."
CLEAN = "No problems found"


@pytest.fixture
def project(rules_project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test rules' project as the working folder, with one article that has a fixable defect."""
    (rules_project / "bad.txt").write_text("Headline\n\nA DEFECT1 here.\n")
    (rules_project / "good.txt").write_text("Headline\n\nAll fine here.\n")
    monkeypatch.chdir(rules_project)
    return rules_project


def newslint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of one in-process run without the cache."""
    code = main([*args, "--no-cache", "--jobs", "1"])
    out = capsys.readouterr()
    return code, out.out, out.err


def subprocess_run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


# --fix: a read-only file, a write that fails


@pytest.mark.parametrize("fmt", FORMATS)
def test_read_only_file_is_not_fixed_and_its_findings_are_reported(
    project: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    article = project / "bad.txt"
    article.chmod(0o444)  # root could still write it: the mode bits are what counts
    before = article.read_bytes()
    code, out, err = newslint(capsys, "--fix", "--format", fmt, "bad.txt")
    assert article.read_bytes() == before and stat.S_IMODE(article.stat().st_mode) == 0o444
    assert code == 2 and "bad.txt: not fixed: read-only" in err
    assert MARKER in out and CLEAN not in out
    if fmt == "text":
        assert "1 file could not be fixed" in out and "Fixed" not in out


def test_failed_write_reports_the_findings_of_the_file_as_it_is(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(fixer.os, "replace", denied)
    before = (project / "bad.txt").read_bytes()
    code, out, err = newslint(capsys, "--fix", "--format", "json", "bad.txt", "good.txt")
    assert code == 2 and "bad.txt: not fixed: Permission denied" in err
    assert MARKER in out and (project / "bad.txt").read_bytes() == before
    code, out, _ = newslint(capsys, "--fix", "bad.txt", "good.txt")
    assert code == 2 and CLEAN not in out
    assert "Found 1 problem (1 warning) in 2 files; 1 file could not be fixed." in out


# Files named on the command line that cannot be linted


def _binary(folder: Path) -> str:
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02")
    return "binary.txt"


def _too_large(folder: Path) -> str:
    with (folder / "large.txt").open("wb") as fh:  # sparse: never read
        fh.truncate(MAX_FILE_BYTES + 1)
    return "large.txt"


def _fifo(folder: Path) -> str:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    os.mkfifo(folder / "pipe.txt")
    return "pipe.txt"


def _missing(folder: Path) -> str:
    return "missing.txt"


def _broken_link(folder: Path) -> str:
    (folder / "link.txt").symlink_to(folder / "nowhere.txt")
    return "link.txt"


@pytest.mark.parametrize("make", [_binary, _too_large, _fifo, _missing, _broken_link])
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_named_file_that_cannot_be_linted_fails_the_run(
    project: Path, capsys: pytest.CaptureFixture[str], make, fmt: str
) -> None:
    name = make(project)
    code, out, err = newslint(capsys, "--format", fmt, name, "good.txt")
    assert code == 2 and f"error: {name}" in err
    assert CLEAN not in out
    if fmt == "text":
        assert out == "Run failed: 1 file could not be linted; nothing found in the other 1 file.\n"


def test_missing_file_alone_does_not_say_no_problems(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = newslint(capsys, "missing.txt")
    assert (code, out) == (2, "Run failed: 1 file could not be linted.\n")
    assert err == "newslint: error: missing.txt: no such file or folder\n"


def test_broken_symlink_in_a_folder_is_a_warning(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "site").mkdir()
    (project / "site" / "ok.txt").write_text("Headline\n\nAll fine here.\n")
    (project / "site" / "gone.md").symlink_to(project / "site" / "deleted.md")
    (project / "site" / "notes.bin").write_bytes(b"\x00")  # not an article: not even looked at
    code, out, err = newslint(capsys, "site")
    assert code == 0 and out == "No problems found in 1 file.\n"
    assert err == "newslint: warning: site/gone.md: cannot read: broken symbolic link\n"


def test_rule_that_fails_internally_fails_the_run_in_the_summary(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> list:
        raise RuntimeError("boom")

    monkeypatch.setattr(kind_module("substitution"), "check", broken)
    code, out, err = newslint(capsys, "good.txt")
    assert code == 2 and "internal error in rule test.demo-substitution: RuntimeError: boom" in err
    assert out == "Run failed: 1 file could not be linted.\n"
    code, out, _ = newslint(capsys, "--statistics", "bad.txt")
    assert code == 2 and out.endswith("1 finding from 1 rule; 1 file could not be linted.\n")


# -o FILE


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ("no/such/dir/r.json", "no such folder"),
        ("rules", "it is a folder"),
        ("locked/r.json", "its folder is read-only"),
        ("kept.json", "the file is read-only"),
    ],
)
def test_report_to_a_bad_path_fails_before_any_linting(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, target: str, problem: str
) -> None:
    (project / "locked").mkdir(mode=0o555)
    (project / "kept.json").write_text("[]\n")
    (project / "kept.json").chmod(0o444)

    def no_linting(*args: object, **kwargs: object) -> None:
        raise AssertionError("linted before the report file was checked")

    monkeypatch.setattr(Linter, "lint_bytes", no_linting)
    code, out, err = newslint(capsys, "-o", target, "bad.txt")
    assert (code, out) == (2, "")
    assert err == f"newslint: error: cannot write the report to {target}: {problem}\n"
    assert list((project / "locked").iterdir()) == [] and (project / "kept.json").read_text() == "[]\n"


def test_report_to_a_bad_path_is_one_line_without_a_traceback(project: Path) -> None:
    done = subprocess_run(["-o", "no/such/dir/r.json", "."], project)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == "newslint: error: cannot write the report to no/such/dir/r.json: no such folder\n"


def test_report_is_written_whole_or_not_at_all(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "out").mkdir()
    (project / "out" / "r.json").write_text("old\n")
    assert newslint(capsys, "-o", "out/r.json", "--format", "json", "bad.txt")[0] == 1
    assert MARKER in (project / "out" / "r.json").read_text()
    (project / "out" / "r.json").write_text("old\n")

    def half(findings: list, info: object, out) -> None:
        out.write("[\n")
        raise KeyboardInterrupt

    monkeypatch.setattr("newslint.run.cli.reporter", lambda name: half)
    assert newslint(capsys, "-o", "out/r.json", "bad.txt")[0] == 130
    assert [p.name for p in (project / "out").iterdir()] == ["r.json"]
    assert (project / "out" / "r.json").read_text() == "old\n"


# The cache folder


def _isolated(tmp_path: Path) -> dict[str, str]:
    """Every default cache place (and the temporary folder) pointed into ``tmp_path``."""
    env = {name: str(tmp_path / name.lower()) for name in ("NEWSLINT_CACHE_DIR", "XDG_CACHE_HOME", "HOME", "TMPDIR")}
    for folder in env.values():
        Path(folder).mkdir()
    return env


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_cache_dir_holds_everything_and_clean_empties_it(tmp_path: Path) -> None:
    env = _isolated(tmp_path)
    (tmp_path / "a.txt").write_text(
        "Talks in london\n\nThe minister met officials in paris. He sayd the talks went well.\n"
    )
    done = subprocess_run(["--cache-dir", "D", "a.txt"], tmp_path, env)
    assert done.returncode == 1 and done.stderr == ""
    names = _files(tmp_path / "D")
    for prefix in ("spelling-", "case-", "cldr-names-", "results/", "rules/builtin-", "rules/patterns-"):
        assert any(n.startswith(prefix) for n in names), (prefix, names)
    for folder in env.values():  # nothing in the default cache, under HOME or in the temporary folder
        assert _files(Path(folder)) == [], folder
    clean = subprocess_run(["clean", "--cache-dir", "D"], tmp_path, env)
    assert clean.returncode == 0 and not (tmp_path / "D").exists()


def test_languagetool_results_go_to_the_runs_cache_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with cachedir.using(tmp_path / "D", print):
        assert ResultCache("fingerprint").folder == tmp_path / "D" / "languagetool"
    assert capsys.readouterr().out == ""


def test_read_only_cache_gives_one_warning_and_a_working_cache(rules_project: Path, tmp_path: Path) -> None:
    env = _isolated(tmp_path)
    for i in range(12):  # enough files for worker processes
        (rules_project / f"a{i}.txt").write_text(f"Headline\n\nArticle {i} is fine.\n")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    for _ in range(2):
        done = subprocess_run(["--cache-dir", str(locked), "--jobs", "2", "."], rules_project, env)
        assert done.returncode == 0 and done.stdout == "No problems found in 12 files.\n"
        spare = Path(env["TMPDIR"]) / f"newslint-cache-{os.getuid()}"
        assert done.stderr == f"newslint: warning: cache folder {locked} is read-only; caching in {spare} instead\n"
    assert list(locked.iterdir()) == []
    packs = [spare / n for n in _files(spare) if n.startswith("results/") and n.endswith(".json")]
    assert sum(len(json.loads(p.read_text(encoding="utf-8"))["entries"]) for p in packs) == 12
