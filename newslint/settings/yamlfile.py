"""Reading untrusted YAML (rule files, configuration) safely, keeping each key's line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint.settings.safefile import Refused, read_capped

if TYPE_CHECKING:  # PyYAML is imported on first parse: a run on stored rules never needs it
    import yaml
    from yaml.constructor import SafeConstructor

MAX_BYTES = 1 << 20  # a rule or config file larger than this is refused
MAX_NODES = 100_000
MAX_DEPTH = 100  # nesting levels; rule and configuration files need a handful
_C_SAFE_DEPTH = 2_000  # libyaml composes recursively in C: deeper input could overflow the stack


class ConfigError(Exception):
    """A problem in a configuration or rule file, located by file, line and key."""

    def __init__(self, path: str | Path, message: str, line: int | None = None, key: str | None = None):
        self.path, self.line, self.key, self.detail = str(path), line, key, message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {key}: {message}" if key else f"{where}: {message}")


class Located(dict[str, Any]):
    """A mapping read from YAML that remembers the line of each key (``lines``)."""

    lines: dict[str, int]
    line: int


class LocatedList(list[Any]):
    """A sequence read from YAML that remembers the line of each item (``lines``)."""

    lines: list[int]


def _convert(node: yaml.Node, path: str, seen: set[int], constructor: SafeConstructor, depth: int = 0) -> Any:
    import yaml

    if depth > MAX_DEPTH:
        raise ConfigError(path, f"YAML nested deeper than {MAX_DEPTH} levels", node.start_mark.line + 1)
    if id(node) in seen:
        raise ConfigError(path, "YAML aliases are not allowed", node.start_mark.line + 1)
    seen.add(id(node))
    if len(seen) > MAX_NODES:
        raise ConfigError(path, f"more than {MAX_NODES} YAML nodes")
    if isinstance(node, yaml.MappingNode):
        out = Located()
        out.lines, out.line = {}, node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = _convert(key_node, path, seen, constructor, depth + 1)
            if not isinstance(key, str):
                raise ConfigError(path, "keys must be strings", key_node.start_mark.line + 1, str(key))
            if key in out:
                raise ConfigError(path, "duplicate key", key_node.start_mark.line + 1, key)
            out[key] = _convert(value_node, path, seen, constructor, depth + 1)
            out.lines[key] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        items = LocatedList(_convert(item, path, seen, constructor, depth + 1) for item in node.value)
        items.lines = [item.start_mark.line + 1 for item in node.value]
        return items
    return constructor.construct_object(node)


def parse_yaml(text: str, path: str | Path) -> Any:
    """Parse YAML text into plain values; mappings are :class:`Located`."""
    import yaml
    from yaml.constructor import SafeConstructor

    try:
        from yaml import CSafeLoader as _Loader
    except ImportError:  # pragma: no cover - PyYAML without libyaml
        from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        raise ConfigError(path, f"file larger than {MAX_BYTES // 1024} KiB")
    try:
        node = yaml.compose(text, Loader=_Loader if _depth_bound(text) < _C_SAFE_DEPTH else yaml.SafeLoader)
    except RecursionError:
        raise ConfigError(path, f"YAML nested deeper than {MAX_DEPTH} levels") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else None
        raise ConfigError(path, f"invalid YAML: {exc.problem or exc}", line) from None
    except yaml.YAMLError as exc:
        raise ConfigError(path, f"invalid YAML: {exc}") from None
    if node is None:
        return None
    try:
        return _convert(node, str(path), set(), SafeConstructor())
    except yaml.constructor.ConstructorError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise ConfigError(path, f"invalid YAML value: {exc.problem}", line) from None


def _depth_bound(text: str) -> int:
    """An upper bound on the nesting depth of YAML text: each flow collection opens with a
    bracket; a block level takes a column of indentation or a compact ``- ``, ``? ``, ``: ``
    (and a sequence may sit at its key's indentation)."""
    block = 0
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip(" "))
        block = max(block, 2 * indent + line.count("- ") + line.count("? ") + line.count(": "))
    return text.count("[") + text.count("{") + block + 2


def load_yaml(path: Path) -> Any:
    """Read and parse a YAML file, with errors that name the file."""
    return parse_yaml(read_text(path), path)


def read_text(path: Path) -> str:
    """A YAML file's text (UTF-8, at most MAX_BYTES), with errors that name the file."""
    try:
        data = read_capped(path, MAX_BYTES)  # never a pipe or a device, never more than the cap
    except Refused as exc:
        raise ConfigError(path, str(exc)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(path, "not UTF-8") from None
    return text


def line_of(mapping: Any, key: str) -> int | None:
    """The line of ``key`` in a mapping read by :func:`parse_yaml`, when known."""
    lines = getattr(mapping, "lines", None)
    return lines.get(key, getattr(mapping, "line", None)) if lines else None
