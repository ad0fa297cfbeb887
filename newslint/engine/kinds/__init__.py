"""The kinds of rule: one module each, listed in ``KINDS`` (the registry).

A rule file names its kind; only a name in the registry is a kind (helper modules live in
``newslint.engine.support``). The contract a kind module keeps is in ``newslint.engine.kind``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

KINDS = frozenset(
    {
        "balance",
        "block_match",
        "boilerplate_links",
        "boilerplate_outside",
        "boilerplate_phrase",
        "boilerplate_teaser",
        "boilerplate_widget",
        "capital_caps",
        "capital_compound",
        "capital_headline",
        "capital_names",
        "capital_start",
        "consistency",
        "decoding",
        "duplicate_headline",
        "duplicate_line",
        "duplicate_paragraph",
        "duplicate_word",
        "entity",
        "languagetool",
        "mojibake",
        "pattern",
        "spelling",
        "spelling_apostrophe",
        "spelling_glued",
        "spelling_variant",
        "substitution",
        "terminal",
    }
)


def kind_module(name: str) -> ModuleType | None:
    """The module of a kind, or None when no kind has that name."""
    if name not in KINDS:
        return None
    found = _MODULES.get(name)
    if found is None:
        found = _MODULES[name] = importlib.import_module(f"{__name__}.{name}")
    return found


_MODULES: dict[str, ModuleType] = {}  # kind name -> its imported module
