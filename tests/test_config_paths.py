"""Files and folders a configuration names cannot hurt the machine: devices, pipes, huge files,
files outside the project and rule folders that would walk the file system are refused fast."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_hostile_config import RULE

from newslint.engine.lint import load_ruleset
from newslint.settings import rulefolders as rules
from newslint.settings.config import MAX_WORD_LIST_BYTES, load_config
from newslint.settings.safefile import ENV_TRUSTED
from newslint.settings.yamlfile import ConfigError


def run_cli(project: Path, config: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """newslint in a fresh process on a small article under ``config``, killed after 60 s."""
    (project / ".newslint.yaml").write_text(config, encoding="utf-8")
    (project / "a.txt").write_text("Headline\n\nA paragraph about a thing.\n", encoding="utf-8")
    environ = {**os.environ, **(env or {})}
    cmd = [sys.executable, "-m", "newslint", "--no-cache", "a.txt"]
    return subprocess.run(cmd, cwd=project, capture_output=True, text=True, timeout=60, env=environ)


def assert_one_line_error(proc: subprocess.CompletedProcess[str], *said: str) -> None:
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2 and len(lines) == 1, proc.stderr
    assert ".newslint.yaml:2:" in lines[0] and "Traceback" not in lines[0]
    for text in said:
        assert text in lines[0], lines[0]


def _config_error(project: Path, config: str) -> ConfigError:
    path = project / ".newslint.yaml"
    path.write_text(config, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return info.value


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_as_a_word_list_is_refused(tmp_path: Path) -> None:
    proc = run_cli(tmp_path, "select: [ALL]\nvocabulary: {accept: /dev/zero}\n")
    assert_one_line_error(proc, "vocabulary.accept", "/dev/zero", "outside the configuration's folder")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused_unread_even_in_a_trusted_folder(tmp_path: Path) -> None:
    proc = run_cli(tmp_path, "select: [ALL]\nvocabulary: {accept: /dev/zero}\n", {ENV_TRUSTED: "/dev"})
    assert_one_line_error(proc, "vocabulary.accept", "not a regular file (a character device)")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_as_a_word_list_is_refused_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "words.txt")  # opening it for reading would block for ever
    proc = run_cli(tmp_path, "select: [ALL]\nvocabulary: {reject: words.txt}\n")
    assert_one_line_error(proc, "vocabulary.reject", "words.txt", "named pipe")


@pytest.mark.parametrize("name", ["/etc/passwd", "../outside.txt", "link.txt"])
def test_word_list_outside_the_project_is_refused(name: str, tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "outside.txt").write_text("secret\n")
    (project / "link.txt").symlink_to(tmp_path / "outside.txt")  # a link inside pointing out
    err = _config_error(project, f"vocabulary:\n  accept: {name}\n")
    assert (err.line, err.key) == (2, "vocabulary.accept") and "outside the configuration's folder" in str(err)
    assert "secret" not in str(err)


def test_word_list_in_a_trusted_folder_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared, project = tmp_path / "shared", tmp_path / "project"
    shared.mkdir(), project.mkdir()
    (shared / "words.txt").write_text("Patrushev\n")
    monkeypatch.setenv(ENV_TRUSTED, str(shared))
    path = project / ".newslint.yaml"
    path.write_text("vocabulary:\n  accept: ../shared/words.txt\n")
    assert load_config(path).accept == ["Patrushev"]


def test_word_list_over_the_size_cap_is_refused_unread(tmp_path: Path) -> None:
    with (tmp_path / "words.txt").open("wb") as f:  # sparse: the size is what counts
        f.truncate(MAX_WORD_LIST_BYTES + 1)
    err = _config_error(tmp_path, "vocabulary:\n  accept: words.txt\n")
    assert err.line == 2 and "larger than 10 MiB" in str(err)


def test_folder_as_a_word_list_is_refused(tmp_path: Path) -> None:
    (tmp_path / "words").mkdir()
    err = _config_error(tmp_path, "vocabulary:\n  reject: words\n")
    assert err.key == "vocabulary.reject" and "a folder" in str(err)


def test_root_as_a_rules_folder_is_refused_as_outside_the_configuration(tmp_path: Path) -> None:
    proc = run_cli(tmp_path, "select: [ALL]\nrules: [/]\n")
    assert_one_line_error(proc, "rules", "outside the configuration's folder")


def test_root_as_a_trusted_rules_folder_is_not_walked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules, "MAX_ENTRIES", 500)
    monkeypatch.setenv(ENV_TRUSTED, "/")
    err = _config_error(tmp_path, "select: [ALL]\nrules: [/]\n")
    assert (err.line, err.key) == (2, "rules") and "more than 500 files and folders" in str(err)


def test_parent_folders_as_rules_are_refused(tmp_path: Path) -> None:
    project = tmp_path / "a" / "b"
    project.mkdir(parents=True)
    err = _config_error(project, "select: [ALL]\nrules: [../..]\n")
    assert (err.line, err.key) == (2, "rules") and "outside" in str(err)


def test_rules_folder_holding_configuration_files_loads_only_rules(tmp_path: Path) -> None:
    house = tmp_path / "house"
    (house / ".hidden").mkdir(parents=True)
    (house / "thing.yaml").write_text(RULE)
    (house / ".hidden" / "copy.yaml").write_text(RULE)  # would be a duplicate id if read
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n")
    (tmp_path / "docker-compose.yml").write_text("services:\n  web: {image: nginx}\n")
    (tmp_path / "pyproject.toml").write_text("[tool.newslint]\nselect = ['ALL']\n")
    config = load_config(_write_config(tmp_path, "select: [house]\nrules: [.]\n"))  # holds .newslint.yaml
    assert [r.id for r in load_ruleset(config, builtin=[])] == ["house.thing"]


def _write_config(folder: Path, text: str) -> Path:
    path = folder / ".newslint.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_rules_folder_with_too_many_files_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules, "MAX_RULE_FILES", 20)
    for i in range(21):
        (tmp_path / "house").mkdir(exist_ok=True)
        (tmp_path / "house" / f"r{i}.yaml").write_text(RULE.replace("house.thing", f"house.r{i}"))
    err = _config_error(tmp_path, "select: [ALL]\nrules: [house]\n")
    assert err.key == "rules" and "more than 20 rule files" in str(err)


def test_rules_folder_nested_too_deep_is_refused(tmp_path: Path) -> None:
    deep = tmp_path / "house" / Path(*["d"] * (rules.MAX_RULE_DEPTH + 1))
    deep.mkdir(parents=True)
    err = _config_error(tmp_path, "select: [ALL]\nrules: [house]\n")
    assert err.key == "rules" and "nested more than" in str(err)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_rule_file_linked_to_a_device_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "zero.yaml").symlink_to("/dev/zero")
    monkeypatch.setenv(ENV_TRUSTED, "/dev")
    config = load_config(_write_config(tmp_path, "select: [ALL]\nrules: [house]\n"))
    with pytest.raises(ConfigError, match="not a regular file"):
        load_ruleset(config, builtin=[])


def test_a_configuration_cannot_make_newslint_run_a_program_it_ships(tmp_path: Path, monkeypatch) -> None:
    """``languagetool: local-path`` runs Java on the folder's code: a repository cannot name one."""
    monkeypatch.delenv(ENV_TRUSTED, raising=False)
    (tmp_path / "LanguageTool-6.4").mkdir()
    path = _write_config(tmp_path, "languagetool:\n  local-path: LanguageTool-6.4\n")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert "languagetool.local-path" in str(err.value) and ENV_TRUSTED in str(err.value)
    assert ":2:" in str(err.value)


def test_a_program_folder_the_user_trusts_is_accepted(tmp_path: Path, monkeypatch) -> None:
    tools = tmp_path / "tools"
    (tools / "LanguageTool-6.4").mkdir(parents=True)
    monkeypatch.setenv(ENV_TRUSTED, str(tools))
    project = tmp_path / "project"
    project.mkdir()
    config = load_config(_write_config(project, f"languagetool:\n  local-path: {tools / 'LanguageTool-6.4'}\n"))
    assert config.languagetool["local-path"] == str(tools / "LanguageTool-6.4")


def test_config_option_naming_a_device_says_what_it_is(capsys) -> None:
    from newslint.run.cli import main

    assert main(["--config", "/dev/zero", "a.txt"]) == 2
    assert "/dev/zero: not a regular file (a character device)" in capsys.readouterr().err


def test_a_configuration_cannot_make_newslint_write_outside_its_folder(tmp_path: Path, monkeypatch) -> None:
    """``languagetool: cache-dir`` is where newslint writes: confined like the files it reads."""
    monkeypatch.delenv(ENV_TRUSTED, raising=False)
    project = tmp_path / "project"
    project.mkdir()
    with pytest.raises(ConfigError) as err:
        load_config(_write_config(project, "languagetool:\n  cache-dir: ../elsewhere\n"))
    assert "languagetool.cache-dir" in str(err.value) and ":2:" in str(err.value)
    inside = load_config(_write_config(project, "languagetool:\n  cache-dir: .lt-cache\n"))
    assert inside.languagetool["cache-dir"] == str(project.resolve() / ".lt-cache")
