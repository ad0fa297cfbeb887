"""``newslint clean``, and the pruning of stale results and prepared data in the cache folder."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from newslint.cache.results import Cache
from newslint.engine.support import spelldata
from newslint.run.cli import main

MONTH = 31 * 86400


def lint_with_cache(project: Path, cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cwd = os.getcwd()
    os.chdir(project)
    try:
        assert main(["--jobs", "1", "--cache-dir", str(cache), "a.txt"]) == 1
    finally:
        os.chdir(cwd)
    capsys.readouterr()


@pytest.fixture
def project(rules_project: Path) -> Path:
    (rules_project / "a.txt").write_text("Headline\n\nA DEFECT1 here.\n")
    return rules_project


def test_clean_removes_a_cache_a_run_filled(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cache = tmp_path / "cache"
    lint_with_cache(project, cache, capsys)
    assert (cache / "results").is_dir() and (cache / "rules").is_dir()
    assert main(["clean", "--cache-dir", str(cache)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Removed ") and str(cache) in out
    assert not cache.exists()


def test_clean_leaves_what_newslint_did_not_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "project"
    (folder / "rules").mkdir(parents=True)
    (folder / "rules" / "house-style.yaml").write_text("id: house.style\n")
    (folder / "results" / "ab").mkdir(parents=True)
    (folder / "results" / "ab" / "cdef.json").write_text("{}")
    (folder / "results" / ("0123456789abcdef" * 2)[:31]).with_suffix(".json").write_text("{}")  # a pack
    (folder / "spelling-3-1a.2b-3c.4d.marshal").write_bytes(b"x" * 10)
    (folder / "case-3-1a.2b.packed").write_bytes(b"x" * 10)
    (folder / "notes-1-draft.txt").write_text("keep")
    (folder / ".gitignore").write_text("*.pyc\n")
    assert main(["clean", "--cache-dir", str(folder)]) == 0
    assert capsys.readouterr().out.startswith("Removed 4 files ")
    left = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
    assert left == [".gitignore", "notes-1-draft.txt", "rules", "rules/house-style.yaml"]


def test_clean_of_a_missing_folder_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "--cache-dir", str(tmp_path / "none")]) == 0
    assert "Nothing to remove" in capsys.readouterr().out


def _aged(path: Path, seconds: float) -> Path:
    path.write_bytes(b"old")
    past = time.time() - seconds
    os.utime(path, (past, past))
    return path


def test_writing_prepared_data_removes_copies_unread_for_a_month(tmp_path: Path) -> None:
    stale = _aged(tmp_path / "spelling-2-aa.bb-cc.dd.marshal", MONTH)
    recent = _aged(tmp_path / "spelling-3-ee.ff-00.11.marshal", 86400)  # another install's, in use
    other_kind = _aged(tmp_path / "spelling-index-3-aa.bb-cc.dd.marshal", MONTH)
    crashed = _aged(tmp_path / "spelling-3-12.34-56.78.marshalab_c.tmp", 2 * 86400)
    fresh = tmp_path / "spelling-3-99.99-99.99.marshal"
    spelldata._write(fresh, {"format": 3})
    assert fresh.exists() and recent.exists() and other_kind.exists()
    assert not stale.exists() and not crashed.exists()


def test_reading_prepared_data_marks_it_used(tmp_path: Path) -> None:
    path = tmp_path / "case-2-aa.bb.marshal"
    spelldata._write(path, {"format": 2, "x": 1})
    past = time.time() - MONTH
    os.utime(path, (past, past))
    assert spelldata._read(path, 2) == {"format": 2, "x": 1}
    assert time.time() - path.stat().st_mtime < 3600


def test_a_run_prunes_results_unread_for_a_month_once_a_day(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = tmp_path / "cache"
    (cache / "results" / "ab").mkdir(parents=True)
    stale = _aged(cache / "results" / "ab" / "c0ffee.json", MONTH)
    recent = _aged(cache / "results" / "ab" / "bead.json", 20 * 86400)
    crashed = _aged(cache / "results" / "ab" / "tmpx1.tmp", 2 * 86400)
    lint_with_cache(project, cache, capsys)
    assert not stale.exists() and not crashed.exists() and recent.exists()
    assert len(list((cache / "results").glob("*.json"))) == 1  # the run's own pack
    assert len(list((cache / "results").glob("*/*.json"))) == 1  # the recent entry of an older layout
    again = _aged(cache / "results" / "ab" / "dead.json", MONTH)
    lint_with_cache(project, cache, capsys)
    assert again.exists()  # pruned less than a day ago: not walked again
    assert Cache(cache).prune() == 0


def test_a_cache_hit_marks_the_pack_used(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.put("ab" + "0" * 62, {"findings": [], "messages": []}, "folder", "a.txt")
    cache.flush()
    file = next((tmp_path / "results").glob("*.json"))
    past = time.time() - MONTH
    os.utime(file, (past, past))
    assert Cache(tmp_path).get("ab" + "0" * 62, "folder", "a.txt") is not None
    assert time.time() - file.stat().st_mtime < 3600
    assert Cache(tmp_path).prune() == 0 and file.exists()
