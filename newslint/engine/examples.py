"""A rule file's own examples, run: each ``flag`` example must be flagged by its rule, each
``pass`` example must not. The test suite runs the built-in rules' examples with this, and
``newslint test-rules`` a newsroom's own."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newslint.engine.findings import Placed
from newslint.engine.kind import flag
from newslint.engine.kinds import kind_module
from newslint.engine.lint import Linter, load_ruleset
from newslint.engine.loader import Rule
from newslint.settings.config import Config

EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html"}


@dataclass(frozen=True)
class Example:
    """One example of a rule: ``expect`` is "flag" or "pass"; ``value`` a string or a mapping
    with ``text`` (and ``format``, ``encoding``), as the rule file gives it."""

    rule: Rule
    expect: str
    index: int
    value: str | dict[str, Any]

    @property
    def text(self) -> str:
        return self.value["text"] if isinstance(self.value, dict) else self.value

    @property
    def line(self) -> int | None:
        """The line of the example in the rule file, when known."""
        lines = self.rule.example_lines.get(self.expect, [])
        return lines[self.index] if self.index < len(lines) else None

    @property
    def name(self) -> str:
        return f"{self.rule.id}-{self.expect}-{self.index}"


def needs_server(rule: Rule) -> bool:
    """Whether the rule's examples need an outside service (its kind's ``NEEDS_SERVER``)."""
    return flag(kind_module(rule.kind), "NEEDS_SERVER")


def examples_of(rule: Rule) -> Iterator[Example]:
    for expect in ("flag", "pass"):
        for index, value in enumerate(rule.examples.get(expect, [])):
            yield Example(rule, expect, index, value)


def linter_for(rule: Rule) -> Linter:
    """A linter that runs this one rule, whether or not it is on by default."""
    config = Config(select=[rule.id])
    return Linter(config, load_ruleset(config, [rule]))


def findings_of(example: Example, linter: Linter | None = None) -> tuple[list[Placed], list[str]]:
    """The rule's findings on the example, and the messages of a run that failed (else none)."""
    value = example.value if isinstance(example.value, dict) else {"text": example.value}
    linter = linter or linter_for(example.rule)
    extension = EXTENSIONS[value.get("format", "text")]
    results = []
    for i, text in enumerate([value["text"], *value.get("articles", [])]):
        name = f"example{i or ''}.{extension}"
        data = text.encode(value.get("encoding", "utf-8"))
        result = linter.lint_bytes(name, data, Path(name), corpus="articles" in value)
        if result.error:
            return [], result.messages or ["the rule failed on this example"]
        results.append(result)
    if len(results) > 1:  # a run of several articles: the cross-article rules' findings too
        from newslint.engine import corpus

        corpus.combine(results, lambda: {r.id: r for r in linter.rules})
    return [f for r in results for f in r.findings if f.rule == example.rule.id], []


def problem(example: Example, linter: Linter | None = None) -> str | None:
    """What is wrong with the example's outcome, or None when the rule does what it says."""
    found, errors = findings_of(example, linter)
    if errors:
        return "the rule failed: " + "; ".join(errors)
    if example.expect == "flag" and not found:
        return "flag example not flagged"
    if example.expect == "pass" and found:
        where = ", ".join(f"{f.place.line}:{f.place.column} {f.message!r}" for f in found)
        return f"pass example flagged at {where}"
    return None
