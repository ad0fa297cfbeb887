"""The kind contract: what a rule kind module defines and what it may know of a run.

A kind module defines:

- ``OPTIONS``: a mapping of its YAML keys to :class:`Option` (type, required, default);
- ``prepare(rule) -> object``: check and compile the options once, raising
  :class:`OptionError` for a bad value; the result is kept as ``rule.compiled``;
- ``check(rule, doc, ctx) -> Iterable[Finding] | Checked``: the findings of one document, or a
  :class:`~newslint.engine.findings.Checked` when the check also has warnings or could not run.

Optional: ``NEEDS_FINDINGS = True`` runs the kind's rules after all others, as
``check(rule, doc, ctx, findings)`` with the others' findings; ``NEEDS_SERVER = True`` marks a
kind whose examples need an outside service.

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


@dataclass(frozen=True)
class Context:
    """What a check may know of the run beyond the document: fixed for the run. A check reports
    through its return value, never by writing here (``cache`` only keeps per-process data)."""

    language: str = "en"  # en-US, en-GB or en
    accept: frozenset[str] = frozenset()
    reject: frozenset[str] = frozenset()
    settings: dict[str, Any] = field(default_factory=dict)  # per-kind shared settings
    cache: dict[str, Any] = field(default_factory=dict)  # shared, per-process data
