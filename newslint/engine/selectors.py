"""Every rule selector must name a rule or a category: a typo must not switch rules off in silence."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from newslint.engine.loader import Rule
from newslint.settings.config import Config
from newslint.settings.yamlfile import ConfigError


def known_names(rules: Iterable[Rule]) -> set[str]:
    """Rule ids and every dotted prefix of them (categories), plus ``ALL``."""
    names = {"ALL"}
    for rule in rules:
        parts = rule.id.split(".")
        names.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return names


def unknown(selectors: Iterable[str], names: set[str]) -> Iterator[str]:
    """The selectors that name nothing in ``names``."""
    return (s for s in selectors if s.rstrip(".") not in names)


def problem(selector: str, names: set[str], what: str = "rule or category") -> str:
    """The message for a selector that names nothing, with the closest name when one is close."""
    if selector.startswith("grammar.") and "grammar.languagetool" in names:
        return f"no {what} '{selector}': list LanguageTool's rule ids under languagetool: disabled-rules"
    close = difflib.get_close_matches(selector, sorted(names - {"ALL"}), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"no {what} '{selector}'{hint}"


def check_config(cfg: Config, rules: list[Rule], names: set[str]) -> None:
    """Raise ConfigError, naming the file, line and key, for a selector that names nothing
    (``names``: ``known_names(rules)``)."""
    ids = {r.id for r in rules}
    where = cfg.path or "configuration"
    lists = {"select": cfg.select or [], "extend-select": cfg.extend_select, "ignore": cfg.ignore}
    lists.update({f"per-file-ignores.{glob}": ids_ for glob, ids_ in cfg.per_file_ignores.items()})
    for key, selectors in lists.items():
        for bad in unknown(selectors, names):
            raise ConfigError(where, problem(bad, names), cfg._lines.get(key), key)
    for bad in unknown(cfg.severity, names):
        key = f"severity.{bad}"
        raise ConfigError(where, problem(bad, names), cfg._lines.get(key), key)
    for bad in (rule_id for rule_id in cfg.options if rule_id not in ids):
        key = f"options.{bad}"
        raise ConfigError(where, problem(bad, ids, "rule"), cfg._lines.get(key), key)
