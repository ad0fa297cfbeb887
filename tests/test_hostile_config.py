"""Configuration and rule files are untrusted input: safe YAML, bounded size, depth and regex time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newslint.api import lint_bytes, make_linter, records
from newslint.engine.loader import load_rule_text, load_rules
from newslint.run.cli import main
from newslint.settings.config import Config, load_config
from newslint.settings.yamlfile import MAX_BYTES, ConfigError, load_yaml, parse_yaml

RULE = """\
id: house.thing
kind: pattern
severity: warning
message: "Avoid '{match}'."
description: A test rule.
pattern: 'thing'
examples:
  flag: ["A thing."]
  pass: ["Nothing here."]
"""

BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)


def _config_error(text: str, tmp_path: Path, name: str = ".newslint.yaml") -> ConfigError:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return info.value


def test_billion_laughs_is_refused_before_expansion(tmp_path: Path) -> None:
    err = _config_error(BILLION_LAUGHS, tmp_path)
    assert "aliases are not allowed" in str(err) and err.path.endswith(".newslint.yaml")


def test_billion_laughs_in_a_rule_file_is_refused() -> None:
    with pytest.raises(ConfigError, match="aliases"):
        load_rule_text(RULE + BILLION_LAUGHS.replace("a:", "zz:", 1))


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system ['touch PWNED']",
        "!!python/object/new:subprocess.Popen [['touch', 'PWNED']]",
        "!!python/name:os.system",
        "!!binary aGVsbG8=",
    ],
)
def test_python_tags_do_not_run_code(tag: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    err = _config_error(f"language: {tag}\n", tmp_path)
    assert err.line == 1
    assert not (tmp_path / "PWNED").exists()


def test_python_tag_on_a_mapping_builds_plain_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    data = parse_yaml("x: !!python/object/apply:os.system {args: ['touch PWNED']}\n", "c.yaml")
    assert data == {"x": {"args": ["touch PWNED"]}}
    assert not (tmp_path / "PWNED").exists()


def test_huge_yaml_is_refused_unread(tmp_path: Path) -> None:
    err = _config_error("ignore:\n" + "  - x\n" * (MAX_BYTES // 6 + 10), tmp_path)
    assert "larger than" in str(err)


@pytest.mark.parametrize("depth", [150, 5_000, 200_000])
def test_deeply_nested_yaml_is_refused_without_crashing(depth: int, tmp_path: Path) -> None:
    # 200,000 levels overflowed libyaml's C stack (a segfault) before the depth guard.
    err = _config_error("select: " + "[" * depth + "]" * depth + "\n", tmp_path)
    assert "nested deeper" in str(err)


def test_deep_block_nesting_is_refused(tmp_path: Path) -> None:
    err = _config_error("select:\n" + "- " * 400_000 + "x\n", tmp_path)
    assert "nested deeper" in str(err)


def test_many_nodes_are_refused(tmp_path: Path) -> None:
    err = _config_error("ignore: [" + ",".join(["a"] * 150_000) + "]\n", tmp_path)
    assert "YAML nodes" in str(err)


def test_config_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_bytes(b"select: [\xff\xfe]\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_yaml(path)


@pytest.mark.parametrize(
    "text", ["", "\x00\x01", "- just\n- a list\n", "'a string'\n", "{{{{", "key: [unclosed\n", "? [a]\n: b\n"]
)
def test_odd_config_files_give_a_config_error_or_nothing(text: str, tmp_path: Path) -> None:
    path = tmp_path / ".newslint.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        load_config(path)
    except ConfigError as exc:
        assert str(exc).startswith(str(path))


def test_cli_reports_a_yaml_bomb_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".newslint.yaml").write_text(BILLION_LAUGHS)
    (tmp_path / "a.txt").write_text("Headline\n\nA paragraph.\n")
    assert main([str(tmp_path / "a.txt")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "aliases are not allowed" in err[0] and "Traceback" not in err[0]


def test_catastrophic_regex_on_a_200k_line_stops_after_1_4s() -> None:
    slow = load_rule_text(RULE.replace("pattern: 'thing'", "pattern: '(a+)+$'").replace("A thing.", "aaa"))
    quick = load_rule_text(RULE.replace("house.thing", "house.quick"))
    linter = make_linter(Config(select=["house"]), [slow, quick])
    started = time.monotonic()
    result = lint_bytes(("a" * 200_000 + "! a thing.\n").encode(), "a.txt", linter)
    assert time.monotonic() - started < 30  # generous: the bound is about one second
    assert any("house.thing" in m and "took longer than" in m for m in result.messages)
    assert [f["rule"] for f in records(result)] == ["house.quick"] and not result.error


def test_catastrophic_regex_over_many_units_is_stopped_with_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    """400 units each just under the per-unit timeout: the rule's total budget stops the rule."""
    from newslint.engine import regexes

    monkeypatch.setattr(regexes, "RULE_BUDGET", 0.5)
    monkeypatch.setattr(regexes, "TIMEOUT", 0.3)
    slow = load_rule_text(RULE.replace("pattern: 'thing'", "pattern: '(a|aa)+$'"))
    linter = make_linter(Config(select=["house"]), [slow])
    text = "\n\n".join("a" * 26 + "!" for _ in range(400)) + "\n"
    result = lint_bytes(text.encode(), "a.txt", linter)
    assert any("took longer than" in m for m in result.messages)


def test_rule_folder_of_hostile_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bomb.yaml").write_text(RULE + BILLION_LAUGHS.replace("a:", "zz:", 1))
    with pytest.raises(ConfigError, match="aliases"):
        load_rules(tmp_path)


def test_no_kind_runs_code_from_a_rule_file() -> None:
    """There is no scripting kind: a rule naming one is refused at load time."""
    for kind in ("python", "script", "exec", "eval", "plugin", "../pattern", "os.system"):
        with pytest.raises(ConfigError, match="unknown kind"):
            load_rule_text(RULE.replace("kind: pattern", f"kind: '{kind}'"))
