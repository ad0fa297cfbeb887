"""Configuration: ``.newslint.yaml`` or ``[tool.newslint]`` in ``pyproject.toml``."""

from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import Any

from newslint.document.records import Record
from newslint.settings import languagetool as languagetool_settings
from newslint.settings.rulefolders import rule_files
from newslint.settings.safefile import Refused, confined, read_capped, trusted_roots
from newslint.settings.types import SEVERITIES, check_type, type_name
from newslint.settings.yamlfile import ConfigError, line_of, load_yaml, read_text

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml")
LANGUAGES = ("en", "en-US", "en-GB")
KEYS: dict[str, Any] = {
    "select": list,
    "extend-select": list,
    "ignore": list,
    "severity": dict,
    "rules": list,
    "vocabulary": dict,
    "per-file-ignores": dict,
    "exclude": list,
    "respect-gitignore": bool,
    "fail-on": str,
    "language": str,
    "options": dict,
    "languagetool": dict,
    "export": dict,
}
EXPORT_FIELDS = ("id", "title", "body", "url")
EXPORT_FORMATS = ("html", "markdown", "text")


def matches(rule_id: str, selectors: list[str] | tuple[str, ...]) -> bool:
    """True when a selector names the rule, its category or a dotted prefix of it (or ALL)."""
    for s in selectors:
        s = s.rstrip(".")
        if s == "ALL" or rule_id == s or rule_id.startswith(s + "."):
            return True
    return False


class Config(Record):
    __slots__ = (
        "path",
        "root",
        "select",
        "extend_select",
        "ignore",
        "severity",
        "rule_dirs",
        "accept",
        "reject",
        "per_file_ignores",
        "exclude",
        "respect_gitignore",
        "fail_on",
        "language",
        "options",
        "languagetool",
        "export",
        "_lines",
        "_cache_fingerprint",  # set by the result cache (newslint.cache.results)
    )
    path: Path | None
    root: Path
    select: list[str] | None
    extend_select: list[str]
    ignore: list[str]
    severity: dict[str, str]
    rule_dirs: list[Path]
    accept: list[str]
    reject: list[str]
    per_file_ignores: dict[str, list[str]]
    exclude: list[str]
    respect_gitignore: bool
    fail_on: str
    language: str
    options: dict[str, dict[str, Any]]
    languagetool: dict[str, Any]
    export: dict[str, Any]  # the fields of a JSON export's articles
    _lines: dict[str, int | None]  # "severity.x" -> line

    def __init__(
        self,
        path: Path | None = None,
        root: Path | None = None,
        select: list[str] | None = None,
        extend_select: list[str] | None = None,
        ignore: list[str] | None = None,
        severity: dict[str, str] | None = None,
        rule_dirs: list[Path] | None = None,
        accept: list[str] | None = None,
        reject: list[str] | None = None,
        per_file_ignores: dict[str, list[str]] | None = None,
        exclude: list[str] | None = None,
        respect_gitignore: bool = True,
        fail_on: str = "warning",
        language: str = "en",
        options: dict[str, dict[str, Any]] | None = None,
        languagetool: dict[str, Any] | None = None,
        export: dict[str, Any] | None = None,
        _lines: dict[str, int | None] | None = None,
    ) -> None:
        self.path = path
        self.root = Path.cwd() if root is None else root
        self.select = select
        self.extend_select = [] if extend_select is None else extend_select
        self.ignore = [] if ignore is None else ignore
        self.severity = {} if severity is None else severity
        self.rule_dirs = [] if rule_dirs is None else rule_dirs
        self.accept = [] if accept is None else accept
        self.reject = [] if reject is None else reject
        self.per_file_ignores = {} if per_file_ignores is None else per_file_ignores
        self.exclude = [] if exclude is None else exclude
        self.respect_gitignore = respect_gitignore
        self.fail_on = fail_on
        self.language = language
        self.options = {} if options is None else options
        self.languagetool = {} if languagetool is None else languagetool
        self.export = {} if export is None else export
        self._lines = {} if _lines is None else _lines

    def _names(self) -> tuple[str, ...]:
        """The fields compared and shown: not ``_lines`` (where each setting was read) nor what the
        result cache keeps here."""
        return type(self).__slots__[:-2]  # type: ignore[no-any-return]

    def selected(self, rule_id: str, enabled_by_default: bool = True) -> bool:
        """Whether a rule runs: the most specific of select and ignore wins, ignore on a tie.

        Selecting a category turns on its rules that are on by default; naming a rule's full
        id turns it on even when it is off by default.
        """
        chosen = (self.select or []) + self.extend_select
        on = _specificity(rule_id, chosen)
        off = _specificity(rule_id, self.ignore)
        if on < 0:
            return self.select is None and enabled_by_default and off < 0
        return (enabled_by_default or rule_id in chosen) and on > off

    def severity_of(self, rule_id: str, default: str) -> str:
        best = None
        for selector, level in self.severity.items():
            if matches(rule_id, [selector]) and (best is None or len(selector) > len(best[0])):
                best = (selector, level)
        return best[1] if best else default

    def ignored_for(self, path: Path) -> list[str]:
        """Rules the ``per-file-ignores`` globs switch off for ``path``."""
        if not self.per_file_ignores:
            return []
        rel = _relative(path, self.root)
        out: list[str] = []
        for pattern, rules in self.per_file_ignores.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(path.name, pattern):
                out.extend(rules)
        return out

    def excluded(self, path: Path) -> bool:
        if not self.exclude:
            return False
        rel = _relative(path, self.root)
        return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(path.name, p) for p in self.exclude)


def _specificity(rule_id: str, selectors: list[str]) -> int:
    """How closely the best matching selector names the rule: -1 none, 0 ALL, 1 category..."""
    best = -1
    for s in selectors:
        if matches(rule_id, [s]):
            best = max(best, 0 if s == "ALL" else s.rstrip(".").count(".") + 1)
    return best


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # not under root, or a symlink loop
        return path.as_posix()


MAX_WORD_LIST_BYTES = 10 << 20


def _words(value: Any, roots: list[Path], where: Path, key: str, data: Any) -> list[str]:
    """A vocabulary list: inline words, or a file of one word a line inside the trusted folders."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    if isinstance(value, str):
        try:
            file = confined(where.parent / value, roots)
            text = read_capped(file, MAX_WORD_LIST_BYTES).decode("utf-8")
        except (Refused, UnicodeDecodeError) as exc:
            reason = "not UTF-8" if isinstance(exc, UnicodeDecodeError) else exc
            raise ConfigError(where, f"word list {value}: {reason}", line_of(data, key), f"vocabulary.{key}") from None
        return [w.strip() for w in text.splitlines() if w.strip() and not w.lstrip().startswith("#")]
    raise ConfigError(where, "must be a list of words or a file name", line_of(data, key), f"vocabulary.{key}")


def _rule_dirs(data: Any, roots: list[Path], where: Path) -> list[Path]:
    """The ``rules:`` folders, each inside the trusted folders and walked within the bounds."""
    folders = []
    for name in data.get("rules", []):
        folder = where.parent / name
        try:
            confined(folder, roots)
            for file in rule_files(folder):
                confined(file, roots)  # a linked rule file may point anywhere
        except (Refused, ConfigError) as exc:
            reason = exc.detail if isinstance(exc, ConfigError) else exc
            raise ConfigError(where, f"rules folder {name}: {reason}", line_of(data, "rules"), "rules") from None
        folders.append(folder)
    return folders


def parse_config(data: Any, path: Path) -> Config:
    """Validate a configuration mapping read from ``path``."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(path, "configuration must be a mapping")
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(path, "unknown key", line_of(data, key), key)
        if not check_type(value, KEYS[key]):
            raise ConfigError(path, f"must be {type_name(KEYS[key])}", line_of(data, key), key)
    base = path.parent
    cfg = Config(path=path, root=base)
    for key in ("select", "extend-select", "ignore", "exclude", "rules"):
        if key in data and not all(isinstance(v, str) for v in data[key]):
            raise ConfigError(path, "must be a list of strings", line_of(data, key), key)
    cfg.select = data.get("select")
    cfg.extend_select = data.get("extend-select", [])
    cfg.ignore = data.get("ignore", [])
    cfg.exclude = data.get("exclude", [])
    cfg.respect_gitignore = data.get("respect-gitignore", True)
    roots = trusted_roots(base)
    cfg.rule_dirs = _rule_dirs(data, roots, path)
    for rule, level in data.get("severity", {}).items():
        if level not in SEVERITIES:
            raise ConfigError(
                path, f"must be one of {', '.join(SEVERITIES)}", line_of(data["severity"], rule), f"severity.{rule}"
            )
    cfg.severity = dict(data.get("severity", {}))
    vocab = data.get("vocabulary", {})
    for key in vocab:
        if key not in ("accept", "reject"):
            raise ConfigError(path, "unknown key (accept or reject)", line_of(vocab, key), f"vocabulary.{key}")
    cfg.accept = _words(vocab.get("accept", []), roots, path, "accept", vocab)
    cfg.reject = _words(vocab.get("reject", []), roots, path, "reject", vocab)
    for glob, rules in data.get("per-file-ignores", {}).items():
        if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
            raise ConfigError(
                path, "must be a list of rule ids", line_of(data["per-file-ignores"], glob), f"per-file-ignores.{glob}"
            )
    cfg.per_file_ignores = dict(data.get("per-file-ignores", {}))
    cfg.fail_on = data.get("fail-on", "warning")
    if cfg.fail_on not in SEVERITIES:
        raise ConfigError(path, f"must be one of {', '.join(SEVERITIES)}", line_of(data, "fail-on"), "fail-on")
    cfg.language = data.get("language", "en")
    if cfg.language not in LANGUAGES:
        raise ConfigError(path, f"must be one of {', '.join(LANGUAGES)}", line_of(data, "language"), "language")
    for rule, opts in data.get("options", {}).items():
        if not isinstance(opts, dict):
            raise ConfigError(
                path, "must be a mapping of option to value", line_of(data["options"], rule), f"options.{rule}"
            )
    cfg.options = {k: dict(v) for k, v in data.get("options", {}).items()}
    cfg.languagetool = languagetool_settings.validate(data.get("languagetool", {}), path)
    cfg.export = _export(data.get("export", {}), path)
    cfg._lines = {key: line_of(data, key) for key in data}
    for section in ("severity", "per-file-ignores", "options"):
        sub = data.get(section) or {}
        cfg._lines.update({f"{section}.{key}": line_of(sub, key) for key in sub})
    return cfg


def _export(section: dict[str, Any], path: Path) -> dict[str, Any]:
    """The ``export`` section: which field of a JSON article is its id, title, body and url
    (a name, or a list of names tried in order), and the body's ``format``."""
    for key, value in section.items():
        where = f"export.{key}"
        if key == "format":
            if value not in EXPORT_FORMATS:
                raise ConfigError(path, f"must be one of {', '.join(EXPORT_FORMATS)}", line_of(section, key), where)
        elif key not in EXPORT_FIELDS:
            raise ConfigError(path, f"unknown key ({', '.join(EXPORT_FIELDS)} or format)", line_of(section, key), where)
        elif not (
            isinstance(value, str) or (isinstance(value, list) and value and all(isinstance(v, str) for v in value))
        ):
            raise ConfigError(path, "must be a field name or a list of field names", line_of(section, key), where)
    return dict(section)


def load_config(path: Path) -> Config:
    """Read a configuration file (YAML, or a pyproject.toml's ``[tool.newslint]``)."""
    if path.name == "pyproject.toml":
        import tomllib  # with datetime, about 11 ms of start-up: only for pyproject.toml

        try:
            data = tomllib.loads(read_text(path))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(path, f"invalid TOML: {exc}") from None
        return parse_config(data.get("tool", {}).get("newslint", {}), path)
    return parse_config(load_yaml(path), path)


def _has_tool_section(pyproject: Path) -> bool:
    try:
        return "[tool.newslint" in read_text(pyproject)
    except ConfigError:  # unreadable, too large, not UTF-8: not a configuration
        return False


def find_config_file(start: Path) -> Path | None:
    """The nearest configuration file from ``start`` (a folder) upward."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_section(pyproject):
            return pyproject
    return None
