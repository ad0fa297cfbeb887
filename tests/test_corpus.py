"""Cross-article rules: a paragraph repeated across the articles of a run, near-duplicate
articles; fingerprints made in the per-file lint, kept in the cache, combined after the run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newslint.run.cli import main

FOOTER = "Follow us on Twitter for the latest news from the city."
WORDS = (
    "council budget storm river school mayor vote road bridge park market fire police court team "
    "coach museum library tax rail airport hospital union farm harbour election festival theatre"
).split()


def _story(seed: int, length: int = 80) -> str:
    """An article of distinct wording for each seed (no shared runs of three words)."""
    words = [WORDS[(seed * 7 + i * (seed % 5 + 2)) % len(WORDS)] + str(seed * 1000 + i) for i in range(length)]
    return f"Headline number {seed}\n\n" + " ".join(words) + ".\n"


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, Any]]]:
    code = main(["check", "--format", "json", "--select", "corpus", *args])
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    site = tmp_path / "site"
    site.mkdir()
    for i in range(6):
        footer = f"\n{FOOTER}\n" if i < 4 else ""
        (site / f"{i}.txt").write_text(_story(i + 1) + footer, encoding="utf-8")
    return site


def test_a_paragraph_in_many_articles_is_reported_in_each_naming_the_others(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, found = _run(["--no-cache", str(folder)], capsys)
    repeats = [f for f in found if f["rule"] == "corpus.repeated-paragraph"]
    assert code == 1 and sorted(Path(f["path"]).name for f in repeats) == ["0.txt", "1.txt", "2.txt", "3.txt"]
    for f in repeats:
        text = Path(f["path"]).read_text(encoding="utf-8").splitlines()[f["line"] - 1]
        assert text[f["column"] - 1 : f["end_column"] - 1] == FOOTER
        others = {r["path"] for r in f["related"]}
        assert len(others) == 3 and f["path"] not in others
        assert all(r["line"] == f["line"] for r in f["related"])


def test_fewer_articles_than_the_threshold_are_not_reported(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("2.txt", "3.txt"):
        (folder / name).write_text(_story(20 + int(name[0])), encoding="utf-8")
    assert _run(["--no-cache", str(folder)], capsys) == (0, [])


def test_one_article_alone_is_never_reported(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["--no-cache", str(folder / "0.txt")], capsys) == (0, [])


def test_cached_results_keep_their_fingerprints(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _run([str(folder / "0.txt")], capsys)  # cached without fingerprints: a miss in a run of many
    first = _run([str(folder)], capsys)
    again = _run([str(folder)], capsys)
    assert first == again and len(first[1]) == 4


def test_worker_processes_find_the_same(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(6, 12):
        (folder / f"{i}.txt").write_text(_story(i + 1) + f"\n{FOOTER}\n", encoding="utf-8")
    serial = _run(["--no-cache", "--jobs", "1", str(folder)], capsys)
    assert serial == _run(["--no-cache", "--jobs", "2", str(folder)], capsys) and len(serial[1]) == 10


def test_near_duplicate_articles_are_grouped(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (folder / "4.txt").read_text(encoding="utf-8")
    words = text.split(" ")
    words[30] = "changed"  # the same story, edited a little
    (folder / "copy.txt").write_text(" ".join(words), encoding="utf-8")
    (folder / "copy2.txt").write_text(text.replace("Headline", "Updated headline"), encoding="utf-8")
    code, found = _run(["--no-cache", str(folder)], capsys)
    near = [f for f in found if f["rule"] == "corpus.near-duplicate"]
    assert sorted(Path(f["path"]).name for f in near) == ["4.txt", "copy.txt", "copy2.txt"]
    assert all(len(f["related"]) == 2 and "2 other" in f["message"] for f in near)


def test_ignored_for_a_file_the_rule_makes_no_fingerprint_there(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / ".newslint.yaml").write_text("per-file-ignores:\n  '0.txt': [corpus]\n", encoding="utf-8")
    _, found = _run(["--no-cache", str(folder)], capsys)
    assert sorted(Path(f["path"]).name for f in found) == ["1.txt", "2.txt", "3.txt"]


def test_a_local_dask_cluster_finds_the_same(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("distributed")
    text = (folder / "4.txt").read_text(encoding="utf-8")
    (folder / "copy.txt").write_text(text.replace("Headline", "New headline"), encoding="utf-8")
    local = _run(["--no-cache", "--jobs", "1", str(folder)], capsys)
    dask = _run(["--no-cache", "--executor", "dask", "--jobs", "2", str(folder)], capsys)
    assert dask == local and {f["rule"] for f in local[1]} == {"corpus.repeated-paragraph", "corpus.near-duplicate"}


def test_scheduler_without_dask_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--scheduler", "tcp://127.0.0.1:1", str(folder)]) == 2
    assert "--scheduler needs --executor dask" in capsys.readouterr().err


def test_near_copies_found_through_lsh_as_pair_by_pair(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above ``EXACT_UP_TO`` signatures the candidates come from datasketch's LSH index: the
    same copies are found."""
    pytest.importorskip("datasketch")
    from newslint.engine.kinds import corpus_near

    text = (folder / "4.txt").read_text(encoding="utf-8")
    (folder / "copy.txt").write_text(text.replace("Headline", "New headline"), encoding="utf-8")
    exact = _run(["--no-cache", "--jobs", "1", "--select", "corpus.near-duplicate", str(folder)], capsys)
    monkeypatch.setattr(corpus_near, "EXACT_UP_TO", 1)
    lsh = _run(["--no-cache", "--jobs", "1", "--select", "corpus.near-duplicate", str(folder)], capsys)
    assert lsh == exact and sorted(Path(f["path"]).name for f in exact[1]) == ["4.txt", "copy.txt"]
