"""Rule files are loaded strictly; errors name the file, the line and the key."""

from __future__ import annotations

import textwrap

import pytest

from newslint.api import lint_bytes, make_linter, records
from newslint.engine.loader import load_rule_text, load_rules
from newslint.settings.config import Config
from newslint.settings.yamlfile import ConfigError

GOOD = """\
id: house.thing
kind: pattern
severity: warning
message: "Found {match}."
description: A rule.
pattern: 'thing'
examples:
  flag: ["a thing"]
  pass: ["nothing here"]
"""


def _error(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        load_rule_text(textwrap.dedent(text), "rules/house/thing.yaml")
    return info.value


def test_a_good_rule_loads() -> None:
    rule = load_rule_text(GOOD)
    assert rule.id == "house.thing" and rule.category == "house" and rule.scope == ("block",)


@pytest.mark.parametrize(
    ("change", "line", "key"),
    [
        (("severity: warning", "severity: loud"), 3, "severity"),
        (("pattern: 'thing'", "pattern: 'th(ing'"), 6, "pattern"),
        (("pattern: 'thing'", "pattern: 'thing'\npatern: 'x'"), 7, "patern"),
        (("kind: pattern", "kind: nosuchkind"), 2, "kind"),
        (("id: house.thing", "id: House Thing"), 1, "id"),
        (('message: "Found {match}."', "message: [1, 2]"), 4, "message"),
        (('  pass: ["nothing here"]', "  pass: []"), 9, "pass"),
    ],
)
def test_errors_name_file_line_and_key(change: tuple[str, str], line: int, key: str) -> None:
    err = _error(GOOD.replace(*change))
    assert err.path == "rules/house/thing.yaml"
    assert (err.line, err.key) == (line, key)
    assert str(err).startswith(f"rules/house/thing.yaml:{line}: {key}: ")


def test_missing_key_is_named() -> None:
    err = _error(GOOD.replace('message: "Found {match}."\n', ""))
    assert err.key == "message" and "missing" in err.detail


def test_broken_yaml_names_the_line() -> None:
    err = _error(GOOD.replace("kind: pattern", "kind: [pattern"))
    assert err.line is not None and "invalid YAML" in str(err)


def test_yaml_aliases_are_refused() -> None:
    bomb = GOOD + 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: [*b,*b]\n'
    assert "aliases" in str(_error(bomb))


def test_duplicate_ids_in_a_folder_are_refused(tmp_path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD)
    (tmp_path / "b.yaml").write_text(GOOD)
    with pytest.raises(ConfigError, match="duplicate rule id"):
        load_rules(tmp_path)


def test_catastrophic_regex_is_stopped_and_reported_while_other_rules_run() -> None:
    slow = load_rule_text(GOOD.replace("pattern: 'thing'", "pattern: '(a+)+$'").replace("a thing", "aaa!"))
    quick = load_rule_text(GOOD.replace("house.thing", "house.quick"))
    linter = make_linter(Config(select=["house"]), [slow, quick])
    result = lint_bytes(("a" * 5000 + "! a thing.").encode(), "a.txt", linter)
    assert any("house.thing" in m and "longer than" in m for m in result.messages)
    assert [f["rule"] for f in records(result)] == ["house.quick"]
