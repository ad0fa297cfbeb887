"""Start-up: built-in patterns compile on first use, user patterns at load; light imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newslint.api import lint_text, make_linter
from newslint.config import Config
from newslint.regexes import Deferred, deferring
from newslint.rules import ConfigError, builtin_rules_dir, load_rules

RULE = """\
id: test.bad
kind: pattern
severity: warning
message: "m"
description: "d"
pattern: "{pattern}"
examples: {{flag: ["x"], pass: ["y"]}}
"""


def test_every_builtin_pattern_compiles_when_loaded_without_deferring() -> None:
    rules = load_rules(builtin_rules_dir(), defer=False)
    patterns = [
        (r.id, name, value)
        for r in rules
        if r.kind in ("pattern", "boilerplate_phrase")
        for name, value in vars(r.compiled).items()
        if isinstance(value, Deferred)
    ]
    assert len(patterns) > 40 and [(i, n) for i, n, p in patterns if not p.is_compiled] == []


def test_builtin_rules_leave_their_patterns_to_first_use() -> None:
    rules = {r.id: r for r in load_rules(builtin_rules_dir())}
    newsletter = rules["boilerplate.newsletter"].compiled
    assert not newsletter.phrases.is_compiled and not newsletter.lines.is_compiled


def test_a_user_rule_with_a_bad_pattern_fails_at_load_naming_file_line_and_key(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(RULE.format(pattern="(unclosed"), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_rules(tmp_path)
    assert err.value.key == "pattern" and err.value.line == 6 and err.value.path.endswith("bad.yaml")


def test_a_deferred_pattern_compiles_once_on_first_use_and_matches_alike() -> None:
    with deferring():
        pattern = Deferred(r"leave a (reply|comment)", "lines", ignore_case=True)
    assert not pattern.is_compiled
    assert pattern.fullmatch("Leave a Reply").group(1) == "Reply"
    first = pattern.compiled
    assert pattern.is_compiled and pattern.compiled is first


def test_deferred_builtin_rules_find_what_eager_ones_find() -> None:
    text = "Talks end\n\nThe talks ended on Monday.\n\nLeave a Reply\n\nSubscribe to our newsletter for more news."
    findings = []
    for defer in (True, False):
        rules = load_rules(builtin_rules_dir(), defer=defer)
        found = lint_text(text, "a.txt", make_linter(Config(select=["boilerplate", "punctuation"]), rules))
        findings.append([(f["rule"], f["line"], f["column"]) for f in found])
    assert findings[0] == findings[1] and findings[0]


@pytest.mark.parametrize("module", ["multiprocessing", "newslint.fixer", "newslint.cache"])
def test_a_one_file_run_without_cache_does_not_import(module: str, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Talks end\n\nThe talks ended on Monday.\n", encoding="utf-8")
    code = (
        "import sys; from newslint.cli import main; main(['--no-cache', '-q', sys.argv[1]]); "
        f"print({module!r} in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(article)], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("False")
