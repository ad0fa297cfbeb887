"""Every `flag` example of every rule file must be flagged by that rule, every `pass` example not."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import example_input, lint_result, linter_for

from newslint.api import lint_bytes, make_linter
from newslint.engine.kinds import kind_module
from newslint.engine.loader import Rule, builtin_rules_dir, load_rules
from newslint.settings.config import Config

TEST_RULES = Path(__file__).resolve().parent / "rules"
ALL_RULES = load_rules(builtin_rules_dir()) + load_rules(TEST_RULES)


def _cases() -> list:
    cases = []
    for rule in ALL_RULES:
        if getattr(kind_module(rule.kind), "NEEDS_SERVER", False):
            continue  # run against a local test server by that kind's own tests
        for expect in ("flag", "pass"):
            for n, example in enumerate(rule.examples[expect]):
                cases.append(pytest.param(rule, expect, example, id=f"{rule.id}-{expect}-{n}"))
    return cases


def _findings(rule: Rule, example: str | dict) -> list[dict]:
    data, path = example_input(example)
    result = lint_result(data, path, linter_for([rule.id], [rule]))
    assert not result.error, result.messages
    return [f for f in result.findings if f["rule"] == rule.id]


@pytest.mark.parametrize(("rule", "expect", "example"), _cases())
def test_rule_example(rule: Rule, expect: str, example: str | dict) -> None:
    found = _findings(rule, example)
    if expect == "flag":
        assert found, f"{rule.path}: expected a finding on {example!r}"
    else:
        assert not found, f"{rule.path}: unexpected {[(f['line'], f['column'], f['message']) for f in found]}"


def test_every_builtin_rule_has_both_kinds_of_example() -> None:
    for rule in load_rules(builtin_rules_dir()):
        assert rule.examples["flag"] and rule.examples["pass"], rule.path


PLAIN = ["", "Word", "Headline\n\nOne plain sentence without any marks at all.\n", "# T\n\n- a\n- b\n"]


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_rule_runs_on_plain_documents_without_error(rule: Rule) -> None:
    linter = make_linter(Config(select=[rule.id]), [rule])
    for text in PLAIN:
        for name in ("a.txt", "a.md", "a.html"):
            result = lint_bytes(text.encode(), name, linter)
            assert not result.error, result.messages
