"""Rule files: one YAML file a rule, validated strictly and compiled once."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from newslint import builtin_rules_dir
from newslint.document.records import Record
from newslint.engine.kind import Kind, KindError, Option, OptionError, Options, options_class
from newslint.engine.kinds import kind_module
from newslint.engine.regexes import deferring
from newslint.settings.rulefolders import rule_files
from newslint.settings.types import SEVERITIES, check_type, type_name
from newslint.settings.yamlfile import ConfigError, line_of, load_yaml, parse_yaml, read_text

SCOPES = ("document", "block", "paragraph", "headline", "sentence")
CATEGORIES = (
    "duplicate",
    "punctuation",
    "spelling",
    "capitalization",
    "boilerplate",
    "grammar",
    "consistency",
    "encoding",
)
EXAMPLE_FORMATS = ("text", "markdown", "html")
RULE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[a-z0-9]+(?:[-.][a-z0-9]+)*$")

# The keys every rule file has, whatever its kind.
COMMON = {
    "id": Option(str, True, help="category.name, lower case with dashes (the category is the first part)"),
    "kind": Option(str, True, help="the kind that runs the rule (see `newslint kinds`)"),
    "severity": Option(str, True, help="error, warning or info"),
    "message": Option(str, True, help="the finding's message; {match} and the kind's named values are filled in"),
    "description": Option(str, True, help="why it matters and what to write instead (`newslint rule ID`)"),
    "examples": Option(dict, True, help="flag: texts the rule must flag; pass: texts it must leave alone"),
    "scope": Option((str, list), default="block", help="document, block, paragraph, headline or sentence"),
    "enabled": Option(bool, default=True, help="false: off unless selected by its id"),
    "link": Option(str, default="", help="a page explaining the rule further"),
}


class Rule(Record):
    __slots__ = (
        "id",
        "kind",
        "severity",
        "message",
        "description",
        "scope",
        "enabled",
        "link",
        "examples",
        "options",
        "path",
        "compiled",
        "example_lines",
    )
    id: str
    kind: str
    severity: str
    message: str
    description: str
    scope: tuple[str, ...]
    enabled: bool
    link: str
    examples: dict[str, list[Any]]
    options: Mapping[str, Any]  # an Options instance once loaded
    path: str
    compiled: Any
    example_lines: dict[str, list[int | None]]  # where each example is

    def __init__(
        self,
        id: str,
        kind: str,
        severity: str,
        message: str,
        description: str,
        scope: tuple[str, ...] = ("block",),
        enabled: bool = True,
        link: str = "",
        examples: dict[str, list[Any]] | None = None,
        options: Mapping[str, Any] | None = None,
        path: str = "",
        compiled: Any = None,
        example_lines: dict[str, list[int | None]] | None = None,
    ) -> None:
        self.id = id
        self.kind = kind
        self.severity = severity
        self.message = message
        self.description = description
        self.scope = scope
        self.enabled = enabled
        self.link = link
        self.examples = {} if examples is None else examples
        self.options = {} if options is None else options
        self.path = path
        self.compiled = compiled
        self.example_lines = {} if example_lines is None else example_lines

    @property
    def category(self) -> str:
        return self.id.split(".", 1)[0]

    def format_message(self, match: str = "", **values: Any) -> str:
        """The message with ``{match}`` and named values filled in; unknown names stay."""
        return _fill(self.message, {"match": match, **values})


def _fill(template: str, values: dict[str, Any]) -> str:
    def sub(m: re.Match[str]) -> str:
        value = values.get(m.group(1))
        return m.group(0) if value is None else str(value)

    return re.sub(r"\{([A-Za-z_][\w-]*)\}", sub, template)


def _error(path: str, data: Any, key: str, message: str) -> ConfigError:
    lines = getattr(data, "lines", {})
    return ConfigError(path, message, lines.get(key, getattr(data, "line", None)), key)


def _check_examples(path: str, data: Any) -> dict[str, list[Any]]:
    examples = data["examples"]
    unknown = set(examples) - {"flag", "pass"}
    if unknown:
        raise _error(path, examples, sorted(unknown)[0], "unknown key (examples take flag and pass)")
    for key in ("flag", "pass"):
        items = examples.get(key)
        if not isinstance(items, list) or not items:
            raise _error(
                path,
                examples if key in examples else data,
                key if key in examples else "examples",
                f"examples need a non-empty list under '{key}'",
            )
        for item in items:
            if isinstance(item, str):
                continue
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise _error(path, examples, key, "each example is a string or a mapping with 'text'")
            if (
                set(item) - {"text", "format", "encoding", "articles"}
                or item.get("format", "text") not in EXAMPLE_FORMATS
            ):
                raise _error(
                    path,
                    examples,
                    key,
                    "an example mapping takes text, format (text, markdown, html), encoding, articles",
                )
            more = item.get("articles", [])
            if not isinstance(more, list) or not all(isinstance(a, str) for a in more):
                raise _error(path, examples, key, "an example's 'articles' is a list of texts linted with it")
    return {"flag": list(examples["flag"]), "pass": list(examples["pass"])}


def _example_lines(data: Any) -> dict[str, list[int | None]]:
    """The line of each example (the line of its ``flag:`` or ``pass:`` key when not known)."""
    examples = data["examples"]
    out: dict[str, list[int | None]] = {}
    for key in ("flag", "pass"):
        items = examples[key]
        lines = getattr(items, "lines", None)
        out[key] = list(lines) if lines is not None else [line_of(examples, key)] * len(items)
    return out


def build_rule(data: Any, path: str) -> Rule:
    """Validate one parsed rule file and compile it."""
    if not isinstance(data, dict):
        raise ConfigError(path, "a rule file must be a YAML mapping")
    for key, opt in COMMON.items():
        if key not in data:
            if opt.required:
                raise ConfigError(path, "missing key", getattr(data, "line", None), key)
        elif not check_type(data[key], opt.type):
            raise _error(path, data, key, f"must be {type_name(opt.type)}")
    rule_id, kind = data["id"], data["kind"]
    if not RULE_ID.match(rule_id):
        raise _error(path, data, "id", f"'{rule_id}' is not of the form category.name (lower case, dashes)")
    if data["severity"] not in SEVERITIES:
        raise _error(path, data, "severity", f"must be one of {', '.join(SEVERITIES)}")
    scope = data.get("scope", "block")
    scope = (scope,) if isinstance(scope, str) else tuple(scope)
    if not scope or any(s not in SCOPES for s in scope):
        raise _error(path, data, "scope", f"must be one or more of {', '.join(SCOPES)}")
    try:
        module = kind_module(kind)
    except KindError as exc:
        raise _error(path, data, "kind", str(exc)) from None
    options = _kind_options(path, data, module)
    rule = Rule(
        id=rule_id,
        kind=kind,
        severity=data["severity"],
        message=data["message"],
        description=data["description"],
        scope=scope,
        enabled=data.get("enabled", True),
        link=data.get("link", ""),
        examples=_check_examples(path, data),
        options=options,
        path=path,
        example_lines=_example_lines(data),
    )
    compile_rule(rule, data)
    return rule


def _kind_options(path: str, data: Any, kind: Kind) -> Options:
    """The rule's kind-specific keys, validated by the kind's options class."""
    try:
        return options_class(kind).from_data({k: v for k, v in data.items() if k not in COMMON})
    except OptionError as exc:
        raise _error(path, data, exc.key, str(exc)) from None


def compile_rule(rule: Rule, data: Any = None) -> None:
    """Let the kind check and compile the rule's options."""
    module = kind_module(rule.kind)
    try:
        rule.compiled = module.prepare(rule)
    except OptionError as exc:
        raise _error(rule.path, data if data is not None else {}, exc.key, str(exc)) from None


def load_rule_file(path: Path) -> Rule:
    return build_rule(load_yaml(path), str(path))


def load_rule_text(text: str, path: str = "<rule>") -> Rule:
    return build_rule(parse_yaml(text, path), path)


def load_rules(folder: Path, defer: bool | None = None, store: Path | None = None) -> list[Rule]:
    """Every rule file under ``folder`` (see :func:`rule_files`), sorted by id; ids must be unique.

    ``defer``: leave the rules' patterns to compile on first use (:class:`regexes.Deferred`);
    by default only the built-in rules do, as the test suite compiles all of them
    (``defer=False``), while a user's pattern is checked here, before anything is linted.
    ``store``: a file of parsed rule files (:mod:`newslint.cache.rulestore`) to read and refresh.
    """
    if defer is None:
        defer = folder.resolve() == builtin_rules_dir()
    files = rule_files(folder)
    parsed = _Parsed(folder, store)
    rules: dict[str, Rule] = {}
    with deferring(defer):
        for path in files:
            data = parsed.load(path)
            if data is NOT_A_RULE:
                continue
            rule = build_rule(data, str(path))
            if rule.id in rules:
                raise ConfigError(path, f"duplicate rule id (also in {rules[rule.id].path})", None, "id")
            rules[rule.id] = rule
    parsed.save()
    return sorted(rules.values(), key=lambda r: r.id)


# A YAML file with neither a top-level ``id:`` nor ``kind:`` is some other tool's file
# (docker-compose.yml, mkdocs.yml), not a rule: it is passed over.
_RULE_SHAPE = re.compile(r"^(?:id|kind)[ \t]*:", re.MULTILINE)
NOT_A_RULE: Any = object()


class _Parsed:
    """Rule files parsed, through the store when there is one."""

    def __init__(self, folder: Path, store: Path | None):
        self.folder = folder
        self.names: set[str] = set()
        self.store = None
        if store is not None:
            from newslint.cache.rulestore import RuleStore

            self.store = RuleStore(store)

    def load(self, path: Path) -> Any:
        """The parsed rule file, or NOT_A_RULE for a YAML file shaped as something else."""
        text = read_text(path)
        if not _RULE_SHAPE.search(text):
            return NOT_A_RULE
        if self.store is None:
            return parse_yaml(text, path)
        name = path.relative_to(self.folder).as_posix()
        self.names.add(name)
        data = self.store.get(name, text)
        if data is None:
            data = parse_yaml(text, path)
            self.store.put(name, text, data)
        return data

    def save(self) -> None:
        if self.store is not None:
            self.store.keep_only(self.names)
            self.store.save()
