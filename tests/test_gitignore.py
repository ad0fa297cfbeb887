"""Folder walks leave out what the repository's .gitignore files ignore, as git does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newslint.run.cli import main

FILES = ["a.txt", "public/index.html", "x.draft.md", "keep.draft.md", "sub/local.txt", "sub/b.txt", "notes.md"]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git" / "info").mkdir(parents=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("notes.md\n")
    (tmp_path / ".gitignore").write_text("public/\n*.draft.md\n!keep.draft.md\n")
    for name in FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Headline\n\nAll fine.\n")
    (tmp_path / "sub" / ".gitignore").write_text("local.txt\n")
    return tmp_path


def shown(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        assert main(["--show-files", *args]) == 0
    finally:
        os.chdir(cwd)
    return capsys.readouterr().out.splitlines()


def test_ignored_files_and_folders_are_left_out(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert shown(repo, capsys, ".") == ["a.txt", "keep.draft.md", "sub/b.txt"]
    assert shown(repo / "sub", capsys, ".") == ["b.txt"]  # the root's .gitignore counts from below too


def test_the_flag_and_the_setting_turn_it_off(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    every = sorted(FILES)
    assert sorted(shown(repo, capsys, "--no-respect-gitignore", ".")) == every
    (repo / ".newslint.yaml").write_text("respect-gitignore: false\n")
    assert sorted(shown(repo, capsys, ".")) == every


def test_a_named_file_is_linted_even_when_ignored(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert shown(repo, capsys, "x.draft.md", "public") == ["x.draft.md", "public/index.html"]


def test_outside_a_repository_gitignore_files_do_not_count(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".git" / "info" / "exclude").unlink()
    (repo / ".git" / "info").rmdir()
    (repo / ".git").rmdir()
    assert sorted(shown(repo, capsys, ".")) == sorted(FILES)
