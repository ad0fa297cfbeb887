"""Configuration files: discovery, validation with located errors, selection."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.settings.config import Config, find_config_file, load_config
from newslint.settings.yamlfile import ConfigError


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_found_from_the_file_folder_upward(tmp_path: Path) -> None:
    cfg = _write(tmp_path / ".newslint.yaml", "fail-on: error\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config_file(deep) == cfg
    assert load_config(cfg).fail_on == "error"


def test_pyproject_tool_section(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.newslint]\nignore = ["spelling"]\n')
    found = find_config_file(tmp_path)
    assert found == tmp_path / "pyproject.toml"
    assert load_config(found).ignore == ["spelling"]


@pytest.mark.parametrize(
    ("text", "line", "key"),
    [
        ("select: [punctuation]\nignor: [x]\n", 2, "ignor"),
        ("fail-on: loud\n", 1, "fail-on"),
        ("language: fr\n", 1, "language"),
        ("select: punctuation\n", 1, "select"),
        ("severity:\n  spelling: loud\n", 2, "severity.spelling"),
        ("vocabulary:\n  accept: [a]\n  rejekt: [b]\n", 3, "vocabulary.rejekt"),
        ("per-file-ignores:\n  '*.md': spelling\n", 2, "per-file-ignores.*.md"),
    ],
)
def test_errors_name_file_line_and_key(tmp_path: Path, text: str, line: int, key: str) -> None:
    cfg = _write(tmp_path / ".newslint.yaml", text)
    with pytest.raises(ConfigError) as info:
        load_config(cfg)
    assert (info.value.path, info.value.line, info.value.key) == (str(cfg), line, key)


def test_vocabulary_from_a_file(tmp_path: Path) -> None:
    _write(tmp_path / "words.txt", "# names\nPatrushev\n\niPhone\n")
    cfg = load_config(_write(tmp_path / ".newslint.yaml", "vocabulary:\n  accept: words.txt\n"))
    assert cfg.accept == ["Patrushev", "iPhone"]


def test_missing_vocabulary_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="vocabulary.accept"):
        load_config(_write(tmp_path / ".newslint.yaml", "vocabulary:\n  accept: nope.txt\n"))


@pytest.mark.parametrize(
    ("select", "extend", "ignore", "rule", "default_on", "expected"),
    [
        (None, [], [], "punctuation.space-before", True, True),
        (None, [], [], "punctuation.off-rule", False, False),
        (None, ["punctuation.off-rule"], [], "punctuation.off-rule", False, True),
        (["punctuation"], [], [], "spelling.typo", True, False),
        (["punctuation"], [], [], "punctuation.off-rule", False, False),
        (["punctuation.off-rule"], [], [], "punctuation.off-rule", False, True),
        (None, [], ["punctuation"], "punctuation.space-before", True, False),
        (["punctuation.space-before"], [], ["punctuation"], "punctuation.space-before", True, True),
        (["punctuation"], [], ["punctuation.space-before"], "punctuation.space-before", True, False),
        (["ALL"], [], ["spelling"], "spelling.typo", True, False),
        (["ALL"], [], [], "duplicate.word", True, True),
    ],
)
def test_selection_most_specific_wins(select, extend, ignore, rule, default_on, expected) -> None:
    cfg = Config(select=select, extend_select=extend, ignore=ignore)
    assert cfg.selected(rule, default_on) is expected


def test_severity_override_most_specific(tmp_path: Path) -> None:
    cfg = Config(severity={"punctuation": "info", "punctuation.space-before": "error"})
    assert cfg.severity_of("punctuation.space-before", "warning") == "error"
    assert cfg.severity_of("punctuation.other", "warning") == "info"
    assert cfg.severity_of("spelling.typo", "warning") == "warning"


def test_per_file_ignores(tmp_path: Path) -> None:
    cfg = load_config(_write(tmp_path / ".newslint.yaml", "per-file-ignores:\n  'archive/*.md': [duplicate]\n"))
    assert cfg.ignored_for(tmp_path / "archive" / "old.md") == ["duplicate"]
    assert cfg.ignored_for(tmp_path / "new.md") == []


def test_pyproject_without_section_is_passed_over(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config_file(tmp_path) != tmp_path / "pyproject.toml"
