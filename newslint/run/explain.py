"""``newslint rules`` (the list) and ``newslint rule ID`` (one rule explained)."""

from __future__ import annotations

import json
import sys

from newslint.engine.loader import Rule, builtin_rules_dir, load_rules
from newslint.settings.config import matches


def _example_text(example: object) -> str:
    return example["text"] if isinstance(example, dict) else str(example)


def explain(rule: Rule) -> str:
    """A rule's documentation, in the sections ruff's ``rule`` command prints."""
    lines = [f"# {rule.id}", "", f"Kind: {rule.kind}. Severity: {rule.severity}. Scope: {', '.join(rule.scope)}."]
    if not rule.enabled:
        lines.append("Off by default: turn it on with `--extend-select " + rule.id + "`.")
    lines += [
        "",
        "## What it does",
        "",
        rule.message,
        "",
        "## Why and what to write instead",
        "",
        rule.description.strip(),
    ]
    lines += ["", "## Flagged", ""] + [f"    {_example_text(e)}" for e in rule.examples["flag"]]
    lines += ["", "## Left alone", ""] + [f"    {_example_text(e)}" for e in rule.examples["pass"]]
    if rule.link:
        lines += ["", f"See: {rule.link}"]
    lines += ["", f"Defined in {rule.path}"]
    return "\n".join(lines) + "\n"


def explain_command(argv: list[str]) -> int:
    rules = load_rules(builtin_rules_dir())
    as_json = "--format=json" in argv or ("--format" in argv and "json" in argv)
    names = [a for a in argv[1:] if not a.startswith("--") and a not in ("json", "text")]
    if argv[0] == "rules":
        chosen = [r for r in rules if not names or matches(r.id, names)]
        if as_json:
            json.dump([_as_dict(r) for r in chosen], sys.stdout, indent=2)
            sys.stdout.write("\n")
            return 0
        width = max((len(r.id) for r in chosen), default=10)
        for r in chosen:
            flag = "" if r.enabled else "  (off by default)"
            print(f"{r.id:<{width}}  {r.category:<14} {r.severity:<8} {r.message.splitlines()[0][:70]}{flag}")
        return 0
    if len(names) != 1:
        print("newslint: error: 'newslint rule' takes one rule id (see 'newslint rules')", file=sys.stderr)
        return 2
    found = [r for r in rules if r.id == names[0]]
    if not found:
        print(f"newslint: error: no rule '{names[0]}' (see 'newslint rules')", file=sys.stderr)
        return 2
    if as_json:
        json.dump(_as_dict(found[0]), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(explain(found[0]))
    return 0


def _as_dict(r: Rule) -> dict:
    return {
        "id": r.id,
        "category": r.category,
        "kind": r.kind,
        "severity": r.severity,
        "enabled": r.enabled,
        "message": r.message,
        "description": r.description,
        "examples": r.examples,
    }
