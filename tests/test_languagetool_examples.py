"""The grammar rules' `examples`, and the seeds' grammar lines, run against a LanguageTool server.

The examples run against the stand-in server always, and against a real server when
``NEWSLINT_LANGUAGETOOL_URL`` names one (``pytest -m languagetool``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from newslint.api import lint_bytes, make_linter, records
from newslint.engine.kinds import kind_module
from newslint.engine.loader import Rule, builtin_rules_dir, load_rules
from newslint.settings.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "languagetool"))
from fake_server import FakeServer  # noqa: E402

EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html"}
REAL_URL = os.environ.get("NEWSLINT_LANGUAGETOOL_URL", "")
needs_real_server = pytest.mark.skipif(not REAL_URL, reason="NEWSLINT_LANGUAGETOOL_URL names no server")
RULES = [r for r in load_rules(builtin_rules_dir()) if getattr(kind_module(r.kind), "NEEDS_SERVER", False)]
CASES = [
    pytest.param(rule, expect, example, id=f"{rule.id}-{expect}-{n}")
    for rule in RULES
    for expect in ("flag", "pass")
    for n, example in enumerate(rule.examples[expect])
]


@pytest.fixture(scope="module")
def fake_url():
    server = FakeServer().start()
    yield server.url
    server.stop()


def findings(rule: Rule, example: str | dict, url: str) -> tuple[list[dict], list[str]]:
    example = {"text": example} if isinstance(example, str) else example
    path = f"example.{EXTENSIONS[example.get('format', 'text')]}"
    linter = make_linter(Config(select=[rule.id], languagetool={"url": url, "cache": False}), [rule])
    result = lint_bytes(example["text"].encode(example.get("encoding", "utf-8")), path, linter)
    return [f for f in records(result) if f["category"] == rule.category], result.messages


def check_example(rule: Rule, expect: str, example: str | dict, url: str) -> None:
    found, messages = findings(rule, example, url)
    assert not messages, messages
    if expect == "flag":
        assert found, f"{rule.path}: expected a finding on {example!r}"
    else:
        assert not found, f"{rule.path}: unexpected {[(f['rule'], f['column'], f['message']) for f in found]}"


def test_there_is_a_grammar_rule() -> None:
    assert [r.id for r in RULES] == ["grammar.languagetool"]


@pytest.mark.parametrize(("rule", "expect", "example"), CASES)
def test_example_against_the_stand_in_server(fake_url: str, rule: Rule, expect: str, example: str | dict) -> None:
    check_example(rule, expect, example, fake_url)


@pytest.mark.languagetool
@needs_real_server
@pytest.mark.parametrize(("rule", "expect", "example"), CASES)
def test_example_against_a_real_server(rule: Rule, expect: str, example: str | dict) -> None:
    check_example(rule, expect, example, REAL_URL)


# Two lines of the seed article 000 (tests do not read ../shared), with the text each grammar
# defect covers: the seeds' expected.yaml lists both as `should` for the `grammar` category.
SEED_LINES = [
    ("Read Time:1 Minute, 37 Second", "37 Second"),
    (
        "Osun State University Alumni Association on has commended management of the institution "
        "for stable academic calendar in spite of the ongoing strike.",
        "Association on has",
    ),
]


@pytest.mark.languagetool
@needs_real_server
def test_seed_grammar_lines_against_a_real_server() -> None:
    rule = RULES[0]
    hits = []
    for line, defect in SEED_LINES:
        text = f"Seed article\n\n{line}\n"
        found, messages = findings(rule, text, REAL_URL)
        assert not messages, messages
        a = line.index(defect) + 1
        b = a + len(defect)
        hits += [f for f in found if f["line"] == 3 and f["column"] < b and f["end_column"] > a]
        for f in found:  # every span lies on the line sent
            assert f["line"] == 3 and 1 <= f["column"] < f["end_column"] <= len(line) + 1
    assert hits, "a real LanguageTool flagged neither seed grammar defect"
