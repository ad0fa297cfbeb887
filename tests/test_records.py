"""Plain records (``newslint.document.records``): equality, repr, copies, frozen fields, pickling."""

from __future__ import annotations

import copy
import pickle

import pytest

from newslint.document.model import Element
from newslint.document.offsets import Segment
from newslint.engine.findings import Finding, Fix


def test_records_compare_by_fields_and_class() -> None:
    a = Finding("x.y", 1, 2, "m", fix=Fix("z"))
    assert a == Finding("x.y", 1, 2, "m", fix=Fix("z")) and a != Finding("x.y", 1, 3, "m", fix=Fix("z"))
    assert Fix("z") != ("z", True, None, None, False)
    assert repr(Fix("z", False)) == "Fix(replacement='z', safe=False, start=None, end=None, stored=False)"
    with pytest.raises(TypeError):
        hash(a)


def test_default_lists_are_fresh_for_each_record() -> None:
    one, two = Finding("x.y", 0, 1, "m"), Finding("x.y", 0, 1, "m")
    one.suggestions.append("s")
    assert two.suggestions == []


def test_replaced_copies_with_changes_and_leaves_the_original() -> None:
    a = Finding("x.y", 1, 2, "m", suggestions=["s"], fix=Fix("z"))
    b = a.replaced(fix=None)
    assert b.fix is None and a.fix == Fix("z") and b.suggestions == ["s"] and type(b) is Finding


def test_frozen_records_refuse_changes_hash_and_survive_copy_and_pickle() -> None:
    e = Element("p", 0, 3, 7, 11)
    with pytest.raises(AttributeError):
        e.tag = "div"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del e.tag  # type: ignore[misc]
    assert hash(e) == hash(Element("p", 0, 3, 7, 11)) and len({e, Element("p", 0, 3, 7, 11)}) == 1
    for clone in (copy.copy(e), copy.deepcopy(e), pickle.loads(pickle.dumps(e))):
        assert clone == e and clone is not e
    seg = Segment(0, 4, 10, 6)
    assert pickle.loads(pickle.dumps(seg)) == seg and not seg.verbatim


def test_plain_records_pickle() -> None:
    a = Finding("x.y", 1, 2, "m", suggestions=["s"], fix=Fix("z", start=0, end=1))
    assert pickle.loads(pickle.dumps(a)) == a
