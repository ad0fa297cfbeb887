"""``newslint rules`` (the list) and ``newslint rule ID`` (one rule explained), over the built-in
rules and the configured rule folders; ``newslint kinds`` and ``newslint kind NAME`` (the kinds
and the keys a rule file of each may have)."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from newslint import builtin_rules_dir
from newslint.engine.kind import Kind, KindError, Option, option_definitions, summary
from newslint.engine.kinds import KINDS, kind_module
from newslint.engine.lint import load_ruleset
from newslint.engine.loader import COMMON, Rule, load_rules
from newslint.settings.config import Config, find_config_file, load_config, matches
from newslint.settings.types import type_name
from newslint.settings.yamlfile import ConfigError


def configuration(path: Path | None) -> Config:
    """The configuration a lint run from the current folder would use (or the file given)."""
    if path is not None:
        if not path.is_file():
            raise ConfigError(path, "configuration file not found")
        return load_config(path)
    found = find_config_file(Path.cwd().resolve())
    return load_config(found) if found else Config(root=Path.cwd())


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


def _parser(prog: str, names: str, nargs: str | int, config: bool = True) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog=f"newslint {prog}")
    if nargs != 0:
        ap.add_argument("names", nargs=nargs, metavar=names)
    ap.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    if config:
        ap.add_argument("--config", type=Path, help="configuration file (default: as a lint run finds it)")
    return ap


def explain_command(argv: list[str]) -> int:
    """``rules [PREFIX...]`` and ``rule ID``."""
    listing = argv[0] == "rules"
    args = _parser(argv[0], "PREFIX" if listing else "ID", "*" if listing else "?").parse_args(argv[1:])
    rules = sorted(load_ruleset(configuration(args.config), load_rules(builtin_rules_dir())), key=lambda r: r.id)
    if listing:
        chosen = [r for r in rules if not args.names or matches(r.id, args.names)]
        if args.format == "json":
            return _dump([_as_dict(r) for r in chosen])
        width = max((len(r.id) for r in chosen), default=10)
        for r in chosen:
            flag = "" if r.enabled else "  (off by default)"
            print(f"{r.id:<{width}}  {r.category:<14} {r.severity:<8} {r.message.splitlines()[0][:70]}{flag}")
        return 0
    if args.names is None:
        print("newslint: error: 'newslint rule' takes one rule id (see 'newslint rules')", file=sys.stderr)
        return 2
    found = [r for r in rules if r.id == args.names]
    if not found:
        print(f"newslint: error: no rule '{args.names}' (see 'newslint rules')", file=sys.stderr)
        return 2
    if args.format == "json":
        return _dump(_as_dict(found[0]))
    sys.stdout.write(explain(found[0]))
    return 0


def _dump(value: Any) -> int:
    json.dump(value, sys.stdout, indent=2)
    sys.stdout.write("\n")
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
        "path": r.path,
    }


def kinds_command(argv: list[str]) -> int:
    """``kinds`` (every kind, a line each) and ``kind NAME`` (one kind's keys)."""
    listing = argv[0] == "kinds"
    args = _parser(argv[0], "NAME", "?" if not listing else 0, config=False).parse_args(argv[1:])
    if listing:
        used = Counter(r.kind for r in load_rules(builtin_rules_dir()))
        kinds = {name: kind_module(name) for name in sorted(KINDS)}
        if args.format == "json":
            return _dump([{"kind": n, "summary": summary(k), "builtin_rules": used[n]} for n, k in kinds.items()])
        width = max(len(name) for name in kinds)
        for name, kind in kinds.items():
            count = f"{used[name]} rule{'s' if used[name] != 1 else ''}"
            print(f"{name:<{width}}  {count:<8}  {summary(kind)}")
        return 0
    if args.names is None or args.names not in KINDS:
        what = f"no kind '{args.names}'" if args.names else "'newslint kind' takes one kind name"
        print(f"newslint: error: {what} (see 'newslint kinds')", file=sys.stderr)
        return 2
    try:
        kind = kind_module(args.names)
    except KindError as exc:
        print(f"newslint: error: {exc}", file=sys.stderr)
        return 2
    builtin = [r for r in load_rules(builtin_rules_dir()) if r.kind == args.names]
    if args.format == "json":
        return _dump({**_kind_dict(args.names, kind), "builtin_rules": [r.id for r in builtin]})
    sys.stdout.write(describe_kind(args.names, kind, builtin))
    return 0


def describe_kind(name: str, kind: Kind, builtin: list[Rule]) -> str:
    """A kind's documentation: its docstring, the built-in rules of the kind, then every key a
    rule file of it may have."""
    doc = (kind.__doc__ or "").strip()
    lines = [f"# {name}", "", doc, "", "## Built-in rules of this kind", ""]
    lines += [f"    {r.id}  ({r.path})" for r in builtin] or ["    (none)"]
    lines += ["", f"## Keys of the kind {name}", ""]
    own = option_definitions(kind)
    lines += _keys(own) if own else ["    (none)", ""]
    lines += ["## Keys of every rule", ""] + _keys(list(COMMON.items()))
    return "\n".join(lines)


def _keys(options: list[tuple[str, Option]]) -> list[str]:
    lines = []
    for key, opt in options:
        when = "required" if opt.required else _default(opt.default)
        lines.append(f"{key}: {type_name(opt.type)}; {when}")
        lines += [f"    {opt.help}" if opt.help else "    (no description)", ""]
    return lines


def _default(value: Any) -> str:
    if value is None:
        return "optional"
    if isinstance(value, bool):
        return f"default: {str(value).lower()}"
    return f"default: {json.dumps(value, ensure_ascii=False)}"


def _kind_dict(name: str, kind: Kind) -> dict[str, Any]:
    def keys(options: list[tuple[str, Option]]) -> list[dict[str, Any]]:
        return [
            {"key": k, "type": type_name(o.type), "required": o.required, "default": o.default, "help": o.help}
            for k, o in options
        ]

    own = option_definitions(kind)
    return {
        "kind": name,
        "description": (kind.__doc__ or "").strip(),
        "keys": keys(own),
        "common": keys([*COMMON.items()]),
    }
