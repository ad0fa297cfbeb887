"""Rule kinds: one module each, found by name.

A kind module defines:

- ``OPTIONS``: a mapping of its YAML keys to :class:`Option` (type, required, default);
- ``prepare(rule) -> object``: check and compile the options once, raising
  :class:`OptionError` for a bad value; the result is kept as ``rule.compiled``;
- ``check(rule, doc, ctx) -> Iterable[Finding]``: the findings of one document.

Optional: ``RUNS_LAST = True`` runs the kind's rules after all others, with their findings in
``ctx.findings``; ``NEEDS_SERVER = True`` marks a kind whose examples need an outside service.

A kind knows nothing of files, configuration files or output.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

_KIND_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class OptionError(ValueError):
    """A kind-specific key with a bad value; ``key`` names it."""

    def __init__(self, key: str, message: str):
        self.key = key
        super().__init__(message)


@dataclass(frozen=True)
class Option:
    type: Any  # str, bool, int, float, list, dict, or a tuple of them
    required: bool = False
    default: Any = None
    help: str = ""


@dataclass
class Context:
    """What a check may know of the run beyond the document."""

    language: str = "en"  # en-US, en-GB or en
    accept: frozenset[str] = frozenset()
    reject: frozenset[str] = frozenset()
    settings: dict[str, Any] = field(default_factory=dict)  # per-kind shared settings
    cache: dict[str, Any] = field(default_factory=dict)  # shared, per-process data
    warnings: list[str] = field(default_factory=list)
    # A check that could not run (its service was unavailable) sets this: the file counts as failed.
    incomplete: bool = False
    # For kinds with ``RUNS_LAST = True``: the findings of the rules that ran before them.
    findings: list[Any] = field(default_factory=list)


def kind_module(name: str) -> ModuleType | None:
    """The module of a kind, or None when there is no such kind."""
    found = _MODULES.get(name)
    if found is not None:
        return found
    if not _KIND_NAME.match(name or ""):
        return None
    try:
        found = _MODULES[name] = importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"{__name__}.{name}":
            return None
        raise
    return found


_MODULES: dict[str, ModuleType] = {}  # kind name -> its imported module


def check_type(value: Any, expected: Any) -> bool:
    """True when ``value`` has the expected type (lists of str are checked item by item)."""
    types = expected if isinstance(expected, tuple) else (expected,)
    for t in types:
        if t is float and isinstance(value, (int, float)) and not isinstance(value, bool):
            return True
        if t is int and isinstance(value, bool):
            continue
        if t is list and isinstance(value, list):
            return all(isinstance(v, (str, dict)) for v in value)
        if t is dict and isinstance(value, dict):
            return True
        if isinstance(t, type) and t not in (list, dict) and isinstance(value, t):
            return True
    return False


def type_name(expected: Any) -> str:
    types = expected if isinstance(expected, tuple) else (expected,)
    names = {str: "a string", bool: "true or false", int: "a whole number", float: "a number"}
    names |= {list: "a list", dict: "a mapping"}
    return " or ".join(names.get(t, getattr(t, "__name__", str(t))) for t in types)
