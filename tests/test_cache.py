"""The result cache: hits on unchanged files, misses on any change of file, name, config or rules."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newslint.cache.results import Cache, fingerprint, key
from newslint.run import jobs
from newslint.run.cli import main


@pytest.fixture
def project(rules_project: Path) -> Path:
    tmp_path = rules_project
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
    """The packs of results in the project's cache folder."""
    return sorted((project / "cache" / "results").glob("*.json"))


def stored(project: Path) -> list[str]:
    """The keys of every entry in the project's packs."""
    return sorted(k for p in entries(project) for k in json.loads(p.read_text(encoding="utf-8"))["entries"])


def test_second_run_is_answered_from_the_cache(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run(project, capsys, "a.txt")
    assert len(entries(project)) == 1 and (project / "cache" / ".gitignore").is_file()

    def no_lint(*args, **kwargs):
        raise AssertionError("linted although cached")

    monkeypatch.setattr("newslint.engine.lint.Linter.lint_bytes", no_lint)
    assert run(project, capsys, "a.txt") == first


def test_changes_miss_the_cache(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(project, capsys, "a.txt")
    (project / "a.txt").write_text("Headline\n\nA DEFECT2 here.\n")
    assert run(project, capsys, "a.txt")[0]["message"] == "Marker 'DEFECT2' found."
    (project / ".newslint.yaml").write_text("rules: [rules]\nselect: [test]\nseverity: {test.marker: error}\n")
    assert run(project, capsys, "a.txt")[0]["severity"] == "error"
    assert run(project, capsys, "--ignore", "test.marker", "a.txt") == []
    assert len(stored(project)) == 3  # the edited file's entry replaced its old one; two configurations more


def test_no_cache_reads_and_writes_no_results(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = run(project, capsys, "a.txt")
    [entry] = entries(project)
    entry.write_text(entry.read_text().replace("DEFECT1", "DEFECT9"))  # a cached answer that is not the file's
    assert run(project, capsys, "a.txt") != first
    assert run(project, capsys, "--no-cache", "a.txt") == first
    (project / "b.txt").write_text("Headline\n\nA DEFECT2 here.\n")
    run(project, capsys, "--no-cache", "b.txt")
    assert len(entries(project)) == 1


def test_corrupt_entry_is_a_miss(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = run(project, capsys, "a.txt")
    [entry] = entries(project)
    entry.write_text("{not json")
    assert run(project, capsys, "a.txt") == first


def test_key_depends_on_name_content_config_and_rule_files(project: Path) -> None:
    from newslint.settings.config import Config

    config = Config(root=project, select=["test"], rule_dirs=[project / "rules"])
    other = Config(root=project, select=["test"], rule_dirs=[project / "rules"], severity={"test.cafe": "error"})
    k = key(config, "a.txt", Path("a.txt"), b"x")
    assert k == key(config, "a.txt", Path("a.txt"), b"x")
    assert len({k, key(config, "b.txt", Path("b.txt"), b"x"), key(config, "a.txt", Path("a.txt"), b"y")}) == 3
    assert fingerprint(config) != fingerprint(other)
    rule = project / "rules" / "marker.yaml"
    rule.write_text(rule.read_text().replace("FIXED", "MENDED"))
    fresh = Config(root=project, select=["test"], rule_dirs=[project / "rules"])
    assert fingerprint(fresh) != fingerprint(config)


def test_environment_overrides_are_part_of_the_key(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint.settings.config import Config

    before = fingerprint(Config(root=project))
    monkeypatch.setenv("NEWSLINT_LANGUAGETOOL_URL", "http://localhost:8081")
    assert fingerprint(Config(root=project)) != before


def test_an_edited_rule_file_misses_the_cache(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, capsys, "a.txt")[0]["suggestions"] == ["FIXED"]
    rule = project / "rules" / "marker.yaml"
    rule.write_text(rule.read_text().replace("replacement: FIXED", "replacement: MENDED"))
    assert run(project, capsys, "a.txt")[0]["suggestions"] == ["MENDED"]


def test_failed_runs_are_not_cached(project: Path) -> None:
    from newslint.engine.lint import FileResult
    from newslint.settings.config import Config

    class Failing:
        config = Config(root=project)

        def decoded(self, label, data, path=None):
            return FileResult(label, error=True)

    out = jobs.lint_cached(Failing(), "a.txt", b"x", Path("a.txt"), Cache(project / "cache"))  # type: ignore[arg-type]
    assert out.result.error and not entries(project)


def test_a_run_of_hits_loads_no_rules(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run(project, capsys, "a.txt")

    def no_rules(*args, **kwargs):
        raise AssertionError("rules loaded although every file was cached")

    monkeypatch.setattr("newslint.run.session.load_rules", no_rules)
    monkeypatch.setattr("newslint.run.session.load_ruleset", no_rules)
    assert run(project, capsys, "a.txt") == first


def test_puts_are_written_by_flush_in_one_pack_and_leave_no_temporary_file(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "new")
    entry = {"findings": [{"rule": "x", "message": "é"}], "messages": []}
    for n in range(20):
        cache.put(f"{n:02d}" + "0" * 62, entry, "folder", "a.txt" if n == 0 else f"f{n}.txt")
    assert cache.get("00" + "0" * 62, "folder", "a.txt") == entry  # before the flush: from memory
    assert not (tmp_path / "new").exists()
    cache.flush()
    packs = list((tmp_path / "new" / "results").iterdir())
    assert 1 < len(packs) <= 16 and all(p.suffix == ".json" for p in packs)
    assert (tmp_path / "new" / ".gitignore").is_file()
    assert Cache(tmp_path / "new").get("00" + "0" * 62, "folder", "a.txt") == entry
    assert Cache(tmp_path / "new").get("00" + "0" * 62, "other folder", "a.txt") is None


def test_a_new_entry_of_a_file_replaces_its_old_one(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    old, new, other = "a" * 64, "b" * 64, "c" * 64
    cache.put(old, {"findings": [], "messages": ["old"]}, "g", "a.txt")
    cache.put(other, {"findings": [], "messages": ["other"]}, "g", "b.txt")
    cache.flush()
    cache.put(new, {"findings": [], "messages": ["new"]}, "g", "a.txt")
    cache.flush()
    fresh = Cache(tmp_path)
    assert fresh.get(old, "g", "a.txt") is None and fresh.get(new, "g", "a.txt") == {
        "findings": [],
        "messages": ["new"],
    }
    assert fresh.get(other, "g", "b.txt") is not None


def test_a_torn_pack_is_a_miss_and_is_replaced_and_what_json_cannot_hold_is_skipped(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    k = "cd" + "1" * 62
    cache.put(k, {"findings": [], "messages": []}, "g", "a.txt")
    cache.flush()
    [pack] = (tmp_path / "results").iterdir()
    pack.write_bytes(pack.read_bytes()[:-7])  # cut short, as by a crash or a full disk
    assert Cache(tmp_path).get(k, "g", "a.txt") is None
    pack.write_text('{"format": 3, "entries": [1, 2], "labels": {}}')  # garbled
    assert Cache(tmp_path).get(k, "g", "a.txt") is None
    cache = Cache(tmp_path)
    cache.put("cd" + "2" * 62, {"findings": [object()], "messages": []}, "g", "a.txt")
    cache.put(k, {"findings": [], "messages": ["m"]}, "g", "a.txt")
    cache.flush()
    assert Cache(tmp_path).get(k, "g", "a.txt") == {"findings": [], "messages": ["m"]}
    assert Cache(tmp_path).get("cd" + "2" * 62, "g", "a.txt") is None
    assert [p.name for p in (tmp_path / "results").iterdir()] == [pack.name]


def test_a_run_of_many_files_writes_one_pack_per_shard(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(40):
        (project / f"f{n}.txt").write_text(f"Headline {n}\n\nA DEFECT1 here.\n")
    created: list[str] = []
    real = Cache._write
    monkeypatch.setattr(Cache, "_write", lambda self, file, new: created.append(file) or real(self, file, new))
    first = run(project, capsys, ".")
    assert len(created) == len(set(created)) == len(entries(project)) <= 16
    assert len(stored(project)) == 41
    assert run(project, capsys, ".") == first and len(created) == len(entries(project))  # all hits: nothing written


def test_code_stamps_cover_every_file_but_bytecode_and_see_a_change(tmp_path: Path) -> None:
    from newslint.cache.results import _file_stamps

    (tmp_path / "kinds" / "__pycache__").mkdir(parents=True)
    (tmp_path / "kinds" / "a.py").write_text("x = 1\n")
    (tmp_path / "kinds" / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")
    (tmp_path / "words.txt").write_text("word\n")
    first = sorted(_file_stamps(str(tmp_path)))
    assert [Path(p).relative_to(tmp_path).as_posix() for p, _, _ in first] == ["kinds/a.py", "words.txt"]
    (tmp_path / "words.txt").write_text("word\nother\n")
    assert sorted(_file_stamps(str(tmp_path))) != first


def test_a_long_run_writes_its_packs_every_flush_at_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint.cache import results

    monkeypatch.setattr(results, "FLUSH_AT", 5)
    cache = Cache(tmp_path)
    for n in range(12):
        cache.put(f"{n:064x}", {"findings": [], "messages": [str(n)]}, "g", f"f{n}.txt")
    fresh = Cache(tmp_path)
    assert [fresh.get(f"{n:064x}", "g", f"f{n}.txt") is not None for n in range(12)] == [True] * 10 + [False] * 2
    cache.flush()
    assert Cache(tmp_path).get(f"{11:064x}", "g", "f11.txt") == {"findings": [], "messages": ["11"]}


def test_a_data_package_reinstalled_is_a_new_code_stamp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from newslint.cache.results import _package_stamp

    (tmp_path / "wordsdata").mkdir()
    entry = tmp_path / "wordsdata" / "__init__.py"
    entry.write_text("VERSION = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    first = _package_stamp("wordsdata")
    assert first[0] == str(entry)
    entry.write_text("VERSION = 2.0\n")  # what installing another version does to the package's files
    assert _package_stamp("wordsdata") != first
    assert _package_stamp("no_such_data_package_here") == ["no_such_data_package_here", None]


def test_a_file_read_by_its_job_is_keyed_as_the_bytes_given_would_be(project: Path) -> None:
    from newslint.api import make_linter

    linter = make_linter()
    path = project / "a.txt"
    path.write_text("Markets rally\n\nShares rose on on Monday.\n")
    given = jobs.lint_cached(linter, "a.txt", path.read_bytes(), path, Cache(project / "given"))
    read = jobs.lint_cached(linter, "a.txt", None, path, Cache(project / "read"))
    assert read.result.findings == given.result.findings and read.result.findings
    opts = jobs.Options(cache_dir=str(project / "read"))
    hit = jobs.lookup(linter.config, "a.txt", path, path.read_bytes(), opts)
    assert hit is not None and hit.cached and hit.result.findings == given.result.findings
    missing = jobs.lint_cached(linter, "gone.txt", None, project / "gone.txt", Cache(project / "read"))
    assert missing.result.skipped and missing.result.error


def test_a_file_read_by_its_job_is_not_held_as_bytes_while_it_is_linted(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from newslint.api import make_linter
    from newslint.engine.lint import Linter

    stored = b"Markets rally\n\nShares rose on on Monday.\n"
    (project / "a.txt").write_bytes(stored)
    holders: list[str] = []
    original = Linter.lint_source

    def noting(self, label, source, *args, **kwargs):  # type: ignore[no-untyped-def]
        frame = sys._getframe(1)
        while frame is not None:
            holders.extend(
                f"{frame.f_code.co_name}.{k}" for k, v in frame.f_locals.items() if v == stored and v is not stored
            )
            frame = frame.f_back
        return original(self, label, source, *args, **kwargs)

    monkeypatch.setattr(Linter, "lint_source", noting)
    out = jobs.process(make_linter(), "a.txt", project / "a.txt", None, jobs.Options(cache_dir=str(project / "c")))
    assert out.result.findings and holders == []


def test_a_missed_file_is_let_go_and_stored_under_the_bytes_its_job_linted(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from newslint.run import schedule

    given: list[object] = []
    original = schedule._work

    def edit_then_work(state, task):  # type: ignore[no-untyped-def]
        given.append(task[2])
        (project / "a.txt").write_text("Headline\n\nA DEFECT2 here.\n")  # edited after its lookup
        return original(state, task)

    monkeypatch.setattr(schedule, "_work", edit_then_work)
    assert run(project, capsys, "a.txt")[0]["message"] == "Marker 'DEFECT2' found."
    assert given == [None]  # the job read the file itself: the run held no bytes of it
    monkeypatch.setattr(schedule, "_work", original)
    linted: list[str] = []
    monkeypatch.setattr(schedule, "_work", lambda state, task: linted.append(task[0]) or original(state, task))
    assert run(project, capsys, "a.txt")[0]["message"] == "Marker 'DEFECT2' found." and linted == []  # a hit
    (project / "a.txt").write_text("Headline\n\nA DEFECT1 here.\n")
    assert run(project, capsys, "a.txt")[0]["message"] == "Marker 'DEFECT1' found." and linted == ["a.txt"]
