"""Every `flag` example of every rule file must be flagged by that rule, every `pass` example not."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.api import lint_bytes, make_linter
from newslint.engine.examples import Example, examples_of, needs_server, problem
from newslint.engine.loader import Rule, builtin_rules_dir, load_rules
from newslint.settings.config import Config

TEST_RULES = Path(__file__).resolve().parent / "rules"
ALL_RULES = load_rules(builtin_rules_dir()) + load_rules(TEST_RULES)


def _cases() -> list:
    # a kind that needs a server is run against a local test server by that kind's own tests
    examples = [e for rule in ALL_RULES if not needs_server(rule) for e in examples_of(rule)]
    return [pytest.param(e, id=e.name) for e in examples]


@pytest.mark.parametrize("example", _cases())
def test_rule_example(example: Example) -> None:
    found = problem(example)
    assert found is None, f"{example.rule.path}:{example.line}: {found}: {example.text!r}"


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
