"""The kinds of rule: one module each, listed in ``KINDS`` (the registry).

A rule file names its kind; only a name in the registry is a kind (helper modules live in
``newslint.engine.support``). The contract a kind module keeps is :class:`newslint.engine.kind.Kind`,
checked once, when the module is first asked for.
"""

from __future__ import annotations

import importlib

from newslint.engine.kind import Kind, KindError, check_kind

KINDS = frozenset(
    {
        "balance",
        "block_match",
        "boilerplate_links",
        "boilerplate_model",
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
        "corpus_near",
        "corpus_paragraph",
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


def kind_module(name: str) -> Kind:
    """The module of a kind, checked against the contract; KindError for an unknown kind or a
    module that breaks the contract (or cannot be imported)."""
    if name not in KINDS:
        raise KindError(f"unknown kind '{name}'")
    found = _MODULES.get(name)
    if found is None:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except Exception as exc:  # a broken kind module is reported as such, not as a traceback
            raise KindError(f"kind '{name}' cannot be imported: {type(exc).__name__}: {exc}") from exc
        found = _MODULES[name] = check_kind(module, name)
    return found


_MODULES: dict[str, Kind] = {}  # kind name -> its imported, checked module
