"""Kinds as a typed contract, and the commands that show rules as data: ``kinds``, ``kind NAME``,
``rules``/``rule ID`` with configured rules, ``test-rules``."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from newslint.engine import kinds as registry
from newslint.engine.kind import KindError, Option, OptionError, option_definitions, options_class
from newslint.engine.kinds import kind_module
from newslint.engine.loader import builtin_rules_dir, load_rule_text, load_rules
from newslint.run.cli import main
from newslint.settings.yamlfile import ConfigError

GOOD = """id: house.avoid-utilize
kind: substitution
severity: warning
message: "Write '{right}' rather than '{match}'."
description: Plain words.
swap:
  utilize: use
examples:
  flag:
    - "We utilize the data."
  pass:
    - "We use the data."
"""
# The second flag example is not flagged (the rule swaps "utilize" only).
WRONG = GOOD.replace('    - "We utilize the data."\n', '    - "We utilize the data."\n    - "We employ the data."\n')
BROKEN = GOOD.replace("kind: substitution", "kind: no_such_kind")


@pytest.fixture
def house(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A newsroom's folder: a configuration naming its own rule folder with one good rule."""
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "utilize.yaml").write_text(GOOD)
    (tmp_path / ".newslint.yaml").write_text("rules: [house]\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_kinds_lists_every_kind_with_a_summary_and_its_builtin_rule_count(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kinds"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(registry.KINDS)
    pattern = next(line for line in lines if line.startswith("pattern "))
    count = sum(r.kind == "pattern" for r in load_rules(builtin_rules_dir()))
    assert count > 1 and pattern.split()[1:3] == [str(count), "rules"]
    assert "regular expression" in pattern


def test_kind_documents_every_key_with_its_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kind", "pattern"]) == 0
    out = capsys.readouterr().out
    for key, opt in kind_module("pattern").OPTIONS.items():
        assert f"\n{key}: " in out
        assert opt.help and opt.help in out
    assert "skip-quotes: true or false; default: false" in out
    assert "## Keys of every rule" in out and "\nseverity: a string; required" in out
    assert "\nexamples: a mapping; required" in out


def test_a_one_rule_kind_says_it_is_a_builtin_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kind", "duplicate_word"]) == 0
    out = capsys.readouterr().out
    assert "built-in check with settings" in out and "duplicate.word" in out


def test_kind_with_an_unknown_name_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kind", "capital_common"]) == 2
    assert "no kind 'capital_common'" in capsys.readouterr().err


def test_rules_and_rule_see_the_configured_rule_folders(house: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "house.avoid-utilize" in listing and "encoding.not-utf8" in listing
    assert main(["rule", "house.avoid-utilize"]) == 0
    doc = capsys.readouterr().out
    assert doc.startswith("# house.avoid-utilize") and "We utilize the data." in doc and "utilize.yaml" in doc


def test_rules_with_config_reads_that_file(
    house: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    assert main(["rule", "house.avoid-utilize"]) == 2
    assert main(["rule", "house.avoid-utilize", "--config", str(house / ".newslint.yaml")]) == 0


def test_test_rules_passes_on_a_good_rule_file(house: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test-rules", "house/utilize.yaml"]) == 0
    assert main(["test-rules"]) == 0  # the configured folders
    assert capsys.readouterr().out == ""


def test_test_rules_names_file_and_line_of_a_failing_example(house: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (house / "house" / "utilize.yaml").write_text(WRONG)
    assert main(["test-rules", "house"]) == 1
    out = capsys.readouterr().out.splitlines()
    line = WRONG.splitlines().index('    - "We employ the data."') + 1
    assert out == [
        f"{Path('house/utilize.yaml')}:{line}: house.avoid-utilize: flag example not flagged: We employ the data."
    ]


def test_test_rules_reports_a_flagged_pass_example(house: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (house / "house" / "utilize.yaml").write_text(GOOD.replace('"We use the data."', '"They utilize it."'))
    assert main(["test-rules"]) == 1
    assert "pass example flagged at 1:6" in capsys.readouterr().out


def test_test_rules_exits_2_on_a_broken_rule_file(house: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (house / "house" / "broken.yaml").write_text(BROKEN.replace("avoid-utilize", "broken"))
    assert main(["test-rules", "house"]) == 2
    err = capsys.readouterr().err
    assert "broken.yaml:2: kind: unknown kind 'no_such_kind'" in err


def test_an_unknown_kind_is_a_located_error() -> None:
    with pytest.raises(ConfigError, match=r"x\.yaml:2: kind: unknown kind 'no_such_kind'"):
        load_rule_text(BROKEN, "x.yaml")


def _fake_kind(monkeypatch: pytest.MonkeyPatch, **attrs: object) -> None:
    module = types.ModuleType("newslint.engine.kinds.fake", "``fake``: a kind for a test.")
    for name, value in attrs.items():
        setattr(module, name, value)
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(registry, "KINDS", registry.KINDS | {"fake"})
    monkeypatch.setattr(registry, "_MODULES", {})


@pytest.mark.parametrize(
    ("attrs", "problem"),
    [
        ({"prepare": lambda rule: None, "check": lambda rule, doc, ctx: []}, "no OPTIONS mapping"),
        ({"OPTIONS": {"x": 1}, "prepare": lambda rule: None, "check": lambda rule, doc, ctx: []}, "not an Option"),
        ({"OPTIONS": {}, "check": lambda rule, doc, ctx: []}, r"no function prepare\(\)"),
        ({"OPTIONS": {}, "prepare": lambda rule: None, "check": lambda rule: []}, r"no function check\(\)"),
        (
            {"OPTIONS": {}, "prepare": print, "check": print, "NEEDS_FINDINGS": "yes"},
            "NEEDS_FINDINGS must be True or False",
        ),
    ],
)
def test_a_kind_module_breaking_the_contract_is_a_located_error(
    monkeypatch: pytest.MonkeyPatch, attrs: dict, problem: str
) -> None:
    _fake_kind(monkeypatch, **attrs)
    with pytest.raises(KindError, match=problem):
        kind_module("fake")
    with pytest.raises(ConfigError, match=rf"x\.yaml:2: kind: kind 'fake'.*{problem}"):
        load_rule_text(GOOD.replace("kind: substitution", "kind: fake"), "x.yaml")


def test_a_kind_keeping_the_contract_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    opts = {"max-words": Option(int, default=3, help="h"), "keys": Option(list, default=[])}
    _fake_kind(monkeypatch, OPTIONS=opts, prepare=lambda rule: None, check=lambda rule, doc, ctx: [])
    rule = load_rule_text(GOOD.replace("kind: substitution", "kind: fake").replace("swap:\n  utilize: use\n", ""))
    assert rule.options.max_words == 3 and rule.options["max-words"] == 3 and rule.options.keys_ == []
    assert dict(rule.options) == {"max-words": 3, "keys": []}


def test_options_are_one_frozen_class_made_from_the_kind() -> None:
    kind = kind_module("boilerplate_phrase")
    cls = options_class(kind)
    assert cls is options_class(kind)
    assert [key for key, _ in option_definitions(kind)] == list(kind.OPTIONS)
    rule = load_rule_text(GOOD)
    assert rule.options.swap == {"utilize": "use"} and rule.options.skip_quotes is False
    with pytest.raises(AttributeError, match="cannot assign"):
        rule.options.skip_quotes = True  # type: ignore[misc]
    with pytest.raises(AttributeError):
        rule.options.not_an_option = 1  # type: ignore[attr-defined]
    same = type(rule.options).from_data(dict(rule.options))
    assert rule.options == same and rule.options != same.replaced({"safe": False})
    assert "skip_quotes=False" in repr(rule.options)


def test_options_defaults_are_fresh_copies_and_required_keys_are_required() -> None:
    opts = {"need": Option(str, True), "words": Option(list, default=["a"])}
    kind = types.ModuleType("newslint.engine.kinds.fake_defaults")
    kind.OPTIONS = opts  # type: ignore[attr-defined]
    cls = options_class(kind)  # type: ignore[arg-type]
    one, two = cls.from_data({"need": "x"}), cls.from_data({"need": "y"})
    assert one.words == ["a"] and one.words is not two.words and one.words is not opts["words"].default
    with pytest.raises(OptionError, match="missing key"):
        cls.from_data({})
    assert one.replaced({"words": ["b"]}).words == ["b"] and one.words == ["a"]


def test_a_bad_option_value_is_located_through_the_options_class() -> None:
    with pytest.raises(ConfigError, match=r"x\.yaml:6: swap: must be a mapping"):
        load_rule_text(GOOD.replace("swap:\n  utilize: use\n", "swap: [use]\n"), "x.yaml")
    with pytest.raises(ConfigError, match=r"x\.yaml:1: swap: missing key"):
        load_rule_text(GOOD.replace("swap:\n  utilize: use\n", ""), "x.yaml")


def test_configured_options_keep_the_options_class_and_survive_pickling() -> None:
    import pickle

    from newslint.engine.lint import configure
    from newslint.settings.config import Config

    rule = load_rule_text(GOOD)
    configured = configure([rule], Config(options={rule.id: {"skip-quotes": True}}))[0]
    assert type(configured.options) is type(rule.options) and configured.options.skip_quotes is True
    assert rule.options.skip_quotes is False
    assert pickle.loads(pickle.dumps(configured.options)) == configured.options


def test_a_kind_function_s_arity_is_read_as_inspect_reads_it() -> None:
    import functools
    import inspect

    from newslint.engine.kind import _takes

    def three(a, b, c): ...  # type: ignore[no-untyped-def]
    def defaults(a, b=1, c=2): ...  # type: ignore[no-untyped-def]
    def star(a, *rest): ...  # type: ignore[no-untyped-def]
    def keyword(a, b, c, *, k): ...  # type: ignore[no-untyped-def]
    def keyword_default(a, b, c, *, k=1): ...  # type: ignore[no-untyped-def]
    def only(a, b, /, c): ...  # type: ignore[no-untyped-def]

    def by_inspect(func: object, arity: int) -> bool:
        try:
            inspect.signature(func).bind(*range(arity))  # type: ignore[arg-type]
        except TypeError:
            return False
        return True

    funcs = [three, defaults, star, keyword, keyword_default, only, lambda *a: None, functools.partial(three, 1), len]
    for func in funcs:
        for arity in range(5):
            assert _takes(func, arity) == by_inspect(func, arity), (func, arity)
    assert not _takes(None, 1)
