"""The shared test harness: lint text in tests, and the per-rule snapshots.

``lint``/``found`` build a linter from a selection, a rule list and per-rule options; the
snapshot helpers record every ``flag`` example of a built-in rule with that rule's exact
findings and fixes in ``tests/snapshots/<rule id>.yaml`` (see ``test_rule_snapshots.py``).
"""

from __future__ import annotations

import difflib
import os
import random
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from newslint.api import builtin_rules, lint_bytes, make_linter, records
from newslint.document.source import Source, decode
from newslint.engine import corpus
from newslint.engine.fixer import fix_bytes
from newslint.engine.kinds import kind_module
from newslint.engine.lint import FileResult, Linter
from newslint.engine.loader import Rule, load_rules
from newslint.settings.config import Config

TESTS = Path(__file__).resolve().parent
SNAPSHOTS = TESTS / "snapshots"
TEST_RULES = TESTS / "rules"
UPDATE_ENV = "NEWSLINT_UPDATE_SNAPSHOTS"
EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html"}

Options = dict[str, dict[str, Any]]


def mutated(word: str, rng: random.Random, edits: int, ops: str = "disx", letters: str = "abcdehst") -> str:
    """``word`` with ``edits`` random slips chosen from ``ops``: d a letter dropped, i one of
    ``letters`` added, s a letter struck for one of them, x two letters swapped, k one doubled."""
    for _ in range(edits):
        i = rng.randrange(len(word) + 1)
        op = rng.choice(ops)
        if op == "d" and i < len(word):
            word = word[:i] + word[i + 1 :]
        elif op == "k" and i < len(word):
            word = word[:i] + word[i] + word[i:]
        elif op == "i":
            word = word[:i] + rng.choice(letters) + word[i:]
        elif op == "s" and i < len(word):
            word = word[:i] + rng.choice(letters) + word[i + 1 :]
        elif op == "x" and i + 1 < len(word):
            word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word


# --- linting in tests --------------------------------------------------------------------------


def linter_for(
    select: Sequence[str] | None = None,
    rules: Sequence[Rule] | None = None,
    options: Options | None = None,
    **settings: Any,
) -> Linter:
    """A linter over ``rules`` (default: the built-in ones) running ``select`` (default: the
    rules on by default), with per-rule ``options`` as a configuration file gives them and
    other :class:`Config` fields (``language``, ``accept``, ...) as ``settings``."""
    selected = list(select) if select is not None else None
    config = Config(select=selected, options=dict(options or {}), **settings)
    return make_linter(config, list(rules) if rules is not None else None)


@cache
def test_rules() -> tuple[Rule, ...]:
    """The test rules of ``tests/rules`` (ids ``test.*``)."""
    return tuple(load_rules(TEST_RULES))


def lint_result(data: str | bytes, path: str = "a.txt", linter: Linter | None = None) -> FileResult:
    """The whole result of linting ``data`` (text is stored as UTF-8) as the file ``path``."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return lint_bytes(raw, path, linter or linter_for())


def lint(
    data: str | bytes,
    path: str = "a.txt",
    *,
    select: Sequence[str] | None = None,
    rules: Sequence[Rule] | None = None,
    options: Options | None = None,
    linter: Linter | None = None,
    **settings: Any,
) -> list[dict[str, Any]]:
    """The findings (output-contract records) for ``data`` stored at ``path``.

    Pass a ready ``linter`` to reuse one, or ``select``/``rules``/``options``/``settings`` to build one.
    """
    return records(lint_result(data, path, linter or linter_for(select, rules, options, **settings)))


def found(
    data: str | bytes,
    rule: str,
    path: str = "a.txt",
    *,
    rules: Sequence[Rule] | None = None,
    options: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """The findings of the one rule ``rule`` alone (selected by its id, with its ``options``)."""
    linter = linter_for([rule], rules, {rule: options} if options else None)
    return [f for f in lint(data, path, linter=linter) if f["rule"] == rule]


def lint_with_test_rules(data: str | bytes, path: str, select: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """The findings of the test rules alone (all of them, or those ``select`` names)."""
    return lint(data, path, select=list(select or ["test"]), rules=test_rules())


def spans(findings: Sequence[dict[str, Any]]) -> list[tuple[int, int, int, int]]:
    """(line, column, end line, end column) of each finding."""
    return [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in findings]


def stored_text(data: str, f: dict[str, Any]) -> str:
    """The text of the stored file at a finding's span (lines split as the contract says)."""
    source = Source("a.txt", data)
    return source.text[source.offset(f["line"], f["column"]) : source.offset(f["end_line"], f["end_column"])]


# --- snapshots ---------------------------------------------------------------------------------


def snapshot_rules() -> list[Rule]:
    """The built-in rules and the test rules of ``tests/rules`` that run without a server
    (LanguageTool's are tested against a stand-in)."""
    rules = [*builtin_rules(), *test_rules()]
    return [r for r in rules if not getattr(kind_module(r.kind), "NEEDS_SERVER", False)]


def snapshot_path(rule: Rule) -> Path:
    return SNAPSHOTS / f"{rule.id}.yaml"


def _example(example: str | dict[str, Any]) -> dict[str, Any]:
    return {"text": example} if isinstance(example, str) else dict(example)


def example_input(example: str | dict[str, Any]) -> tuple[bytes, str]:
    """The stored bytes of a rule file's example and a file name whose extension gives its format."""
    ex = _example(example)
    return ex["text"].encode(ex.get("encoding", "utf-8")), f"example.{EXTENSIONS[ex.get('format', 'text')]}"


def _record(source: Source, f: dict[str, Any]) -> dict[str, Any]:
    """A finding as the snapshot shows it: span, matched text, message, suggestions, fix."""
    start, end = source.offset(f["line"], f["column"]), source.offset(f["end_line"], f["end_column"])
    out: dict[str, Any] = {key: f[key] for key in ("line", "column", "end_line", "end_column")}
    out["match"] = source.text[start:end]
    out["message"] = f["message"]
    out["suggestions"] = list(f["suggestions"])
    out["fix"] = dict(f["fix"]) if f["fix"] is not None else None
    if f["related"]:
        out["related"] = [dict(r) for r in f["related"]]
    return out


def _fixed(data: bytes, path: str, linter: Linter, first: FileResult, unsafe: bool) -> str:
    """The stored text after ``--fix`` (or ``--fix --unsafe-fixes``) with only this linter's rules."""
    outcome, _ = fix_bytes(data, lambda b: linter.lint_bytes(path, b, Path(path)), unsafe, first=first)
    return decode(path, outcome.fixed).raw


def example_snapshot(rule: Rule, example: str | dict[str, Any]) -> dict[str, Any]:
    """One ``flag`` example with the rule's findings on it and the text its fixes leave."""
    ex = _example(example)
    fmt, encoding = ex.get("format", "text"), ex.get("encoding", "utf-8")
    data, path = example_input(ex)
    linter = linter_for([rule.id], [rule])
    result = linter.lint_bytes(path, data, Path(path), corpus=bool(ex.get("articles")))
    assert result.source is not None, result.messages
    out: dict[str, Any] = {"text": ex["text"]}
    if fmt != "text":
        out["format"] = fmt
    if encoding != "utf-8":
        out["encoding"] = encoding
    if ex.get("articles"):  # a run of several articles: the first one's cross-article findings
        out["articles"] = list(ex["articles"])
        names = [f"example{i}{Path(path).suffix}" for i in range(1, len(ex["articles"]) + 1)]
        others = [
            linter.lint_bytes(name, a.encode(encoding), Path(name), corpus=True)
            for name, a in zip(names, ex["articles"], strict=True)
        ]
        corpus.combine([result, *others], lambda: {r.id: r for r in linter.rules})
    out["findings"] = [_record(result.source, f) for f in records(result) if f["rule"] == rule.id]
    if result.messages or result.error:
        out["messages"] = list(result.messages)
        out["error"] = result.error
    out["fixed"] = _fixed(data, path, linter, result, unsafe=False)
    out["fixed_unsafe"] = _fixed(data, path, linter, result, unsafe=True)
    return out


def rule_snapshot(rule: Rule) -> dict[str, Any]:
    """The snapshot of one rule: every ``flag`` example, in the rule file's order."""
    return {"rule": rule.id, "examples": [example_snapshot(rule, ex) for ex in rule.examples["flag"]]}


class _Dumper(yaml.SafeDumper):
    """Block style, multi-line strings as literal blocks where YAML can keep them exact."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(snapshot: dict[str, Any]) -> str:
    """A snapshot as YAML: keys in the order written, Unicode kept, long lines not folded."""
    return yaml.dump(snapshot, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000)


def updating() -> bool:
    """Whether this run rewrites the snapshots instead of checking them."""
    return os.environ.get(UPDATE_ENV, "") not in ("", "0")


def check_snapshot(rule: Rule) -> None:
    """Fail with a diff when the rule's snapshot file is missing or differs (rewrite it when updating)."""
    path = snapshot_path(rule)
    actual = rule_snapshot(rule)
    if updating():
        SNAPSHOTS.mkdir(exist_ok=True)
        text = dump(actual)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        return
    hint = f"regenerate with {UPDATE_ENV}=1 python -m pytest tests/test_rule_snapshots.py and review the diff"
    if not path.exists():
        raise AssertionError(f"no snapshot {path.relative_to(TESTS.parent)}; {hint}")
    stored = path.read_text(encoding="utf-8")
    if yaml.safe_load(stored) != actual:
        diff = difflib.unified_diff(
            stored.splitlines(keepends=True), dump(actual).splitlines(keepends=True), "stored", "now"
        )
        raise AssertionError(f"snapshot {path.name} differs; {hint}\n" + "".join(diff))
