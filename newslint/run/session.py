"""Configuration and rule sets of one run, found once per folder; the settings it shows."""

from __future__ import annotations

import argparse
import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newslint import builtin_rules_dir
from newslint.cache import folder as cachedir
from newslint.engine import regexes, selectors
from newslint.engine.lint import Linter, load_ruleset
from newslint.engine.loader import Rule, load_rules
from newslint.settings.config import Config, find_config_file, load_config
from newslint.settings.yamlfile import ConfigError


class UsageError(Exception):
    """Bad arguments: one line on stderr, exit status 2."""


class Session:
    """Configuration and rule sets of one run, found once per folder."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self._builtin: list[Rule] | None = None
        self.patterns: Any = None  # the compiled-pattern store, once the built-in rules are loaded
        regexes.use_store(None)
        if args.config is not None and not args.config.is_file():
            raise ConfigError(args.config, _not_a_config(args.config))
        self._found: dict[Path, Path | None] = {}
        self._configs: dict[Path | None, Config] = {}
        self._linters: dict[Path | None, Linter] = {}

    @property
    def builtin(self) -> list[Rule]:
        """The built-in rules, loaded on first use (a run answered from the cache never needs them).

        They come through the rule store and the compiled-pattern store of the cache folder even
        under ``--no-cache``, which turns off the result cache only: the stores hold no findings,
        and an entry is used only for the exact rule-file text or pattern text it was made from."""
        if self._builtin is None:
            from newslint.cache import patterns as patterncache
            from newslint.cache.rulestore import store_path

            folder = cachedir.folder()
            store = store_path(folder)
            self.patterns = patterncache.PatternStore(patterncache.store_path(folder))
            regexes.use_store(self.patterns)
            with _collector_off():
                self._builtin = load_rules(builtin_rules_dir(), store=store)
        return self._builtin

    def _config_path(self, folder: Path) -> Path | None:
        if self.args.config is not None:
            return self.args.config
        if folder not in self._found:
            real = folder.resolve()
            self._found[folder] = self._found[real] if real in self._found else find_config_file(real)
        return self._found[folder]

    def config_for(self, folder: Path) -> Config:
        path = self._config_path(folder)
        if path not in self._configs:
            cfg = load_config(path) if path else Config(root=Path.cwd())
            self._apply_cli(cfg)
            self._configs[path] = cfg
        return self._configs[path]

    def linters(self) -> list[Linter]:
        """A linter for every configuration met so far."""
        return [self._linter(path) for path in self._configs]

    def _linter(self, path: Path | None) -> Linter:
        if path not in self._linters:
            cfg = self._configs[path]
            builtin = self.builtin
            with _collector_off():
                linter = Linter(cfg, load_ruleset(cfg, builtin))
            self._check_selectors(linter)
            self._linters[path] = linter
        return self._linters[path]

    def _check_selectors(self, linter: Linter) -> None:
        """A selector that names no rule is an error (a typo would switch rules off in silence):
        the command line's first, then the configuration file's."""
        names = linter.rule_names
        a = self.args
        for flag, given in (("--select", a.select or []), ("--extend-select", a.extend_select), ("--ignore", a.ignore)):
            for bad in selectors.unknown(given, names):
                raise UsageError(f"{flag}: {selectors.problem(bad, names)}")
        selectors.check_config(linter.config, linter.rules, names)

    def linter_for(self, folder: Path) -> Linter:
        self.config_for(folder)
        return self._linter(self._config_path(folder))

    def _apply_cli(self, cfg: Config) -> None:
        a = self.args
        if a.select is not None:
            cfg.select = a.select
        cfg.extend_select = cfg.extend_select + a.extend_select
        cfg.ignore = cfg.ignore + a.ignore
        if a.fail_on:
            cfg.fail_on = a.fail_on
        if a.languagetool_url:
            cfg.languagetool = {**cfg.languagetool, "url": a.languagetool_url}
        if a.cache_dir is not None and "cache-dir" in cfg.languagetool:  # --cache-dir holds every cache
            cfg.languagetool = {k: v for k, v in cfg.languagetool.items() if k != "cache-dir"}


def _not_a_config(path: Path) -> str:
    """Why ``--config`` names no configuration file: missing, or a folder, pipe or device."""
    from newslint.settings.safefile import describe

    try:
        return f"not a regular file ({describe(path.stat().st_mode)})"
    except OSError:
        return "configuration file not found"


@contextlib.contextmanager
def _collector_off() -> Iterator[None]:
    """Loading rules makes many small objects and no garbage cycles: the cyclic collector
    would only slow it down (about 5% of a one-article run); afterwards the rules, which
    live as long as the process, are moved out of its way with ``gc.freeze``."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def settings_text(linter: Linter) -> str:
    """A configuration's file, its settings and the rules it runs, for ``--show-settings``."""
    cfg = linter.config
    rules = linter.active_rules(None)
    lines = [
        f"configuration: {cfg.path or 'none (the defaults)'}",
        f"select: {cfg.select if cfg.select is not None else 'default'}",
        f"extend-select: {cfg.extend_select}",
        f"ignore: {cfg.ignore}",
        f"per-file-ignores: {cfg.per_file_ignores}",
        f"exclude: {cfg.exclude}",
        f"fail-on: {cfg.fail_on}",
        f"language: {cfg.language}",
        f"rules ({len(rules)}):",
        *(f"  {r.id} ({r.severity})" for r in rules),
    ]
    return "\n".join(lines) + "\n"
