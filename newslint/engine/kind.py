"""The kind contract: what a rule kind module defines and what it may know of a run.

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

from dataclasses import dataclass, field
from typing import Any


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
