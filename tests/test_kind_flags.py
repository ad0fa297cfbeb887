"""``kind.flag``: a kind's optional flags, read from a module's namespace or any object's attributes."""

from __future__ import annotations

import types

from newslint.engine.kind import FLAGS, flag
from newslint.engine.kinds import KINDS, kind_module


def test_a_module_s_flags_are_its_attributes() -> None:
    for name in sorted(KINDS):
        kind = kind_module(name)
        assert [flag(kind, f) for f in FLAGS] == [bool(getattr(kind, f, False)) for f in FLAGS], name
    assert flag(kind_module("corpus_near"), "CORPUS") and not flag(kind_module("pattern"), "CORPUS")


def test_a_module_with_getattr_and_other_objects_are_asked() -> None:
    lazy = types.ModuleType("lazy_kind")
    lazy.__getattr__ = lambda name: name == "CORPUS"  # type: ignore[attr-defined]  # PEP 562
    assert flag(lazy, "CORPUS") and not flag(lazy, "SHARDED")  # type: ignore[arg-type]
    plain = types.ModuleType("plain_kind")
    plain.SHARDED = 1  # type: ignore[attr-defined]
    assert flag(plain, "SHARDED") and not flag(plain, "CORPUS")  # type: ignore[arg-type]
    assert flag(types.SimpleNamespace(WHOLE_DOCUMENT=True), "WHOLE_DOCUMENT")  # type: ignore[arg-type]
