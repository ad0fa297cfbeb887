"""``newslint test-rules [PATH...]``: run rule files' own examples, for a newsroom's CI.

Each ``flag`` example must be flagged by its rule and each ``pass`` example must not. A folder
means every rule file under it; no PATH means the configured rule folders. One line per failing
example, ``FILE:LINE: RULE: what went wrong: TEXT``; exit status 1 when an example fails, 2 when
a rule file is broken (or there is nothing to test), else 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newslint.engine.examples import examples_of, linter_for, needs_server, problem
from newslint.engine.loader import Rule, load_rule_file, load_rules
from newslint.run.explain import configuration
from newslint.settings.yamlfile import ConfigError


def rules_at(paths: list[Path]) -> list[Rule]:
    """The rules of the named files and folders (ConfigError for a broken or missing one)."""
    rules: list[Rule] = []
    for path in paths:
        if path.is_dir():
            rules += load_rules(path)
        elif path.is_file():
            rules.append(load_rule_file(path))
        else:
            raise ConfigError(path, "no such rule file or folder")
    return rules


def rule_tests_command(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="newslint test-rules", description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="rule files or folders (default: configured)")
    ap.add_argument("--config", type=Path, help="configuration file (default: as a lint run finds it)")
    ap.add_argument("-q", "--quiet", action="store_true", help="print failures only, no summary")
    args = ap.parse_args(argv)
    paths = args.paths or configuration(args.config).rule_dirs
    if not paths:
        print("newslint: error: no rule files: name them, or list rule folders under 'rules:'", file=sys.stderr)
        return 2
    rules = rules_at(paths)
    failed = tried = skipped = 0
    for rule in rules:
        if needs_server(rule):
            skipped += 1
            continue
        linter = linter_for(rule)
        for example in examples_of(rule):
            tried += 1
            found = problem(example, linter)
            if found is not None:
                failed += 1
                where = f"{rule.path}:{example.line}" if example.line else rule.path
                print(f"{where}: {rule.id}: {found}: {_short(example.text)}")
    if not args.quiet:
        note = f", {skipped} rule(s) skipped (they need a server)" if skipped else ""
        print(f"newslint: {failed} of {tried} examples of {len(rules)} rule(s) failed{note}", file=sys.stderr)
    return 1 if failed else 0


def _short(text: str, width: int = 60) -> str:
    """The example on one line, cut to ``width`` characters."""
    flat = repr(text)[1:-1]
    return flat if len(flat) <= width else flat[: width - 1] + "…"
