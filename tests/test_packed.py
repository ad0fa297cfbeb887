"""Prepared data memory-mapped from one file (``packed``), and the case table read through it."""

from __future__ import annotations

import os
import time
from array import array
from pathlib import Path

from newslint.engine.support import packed
from newslint.engine.support.capital_case import MappedTable, _pack
from newslint.engine.support.spelldata import Table

DATA = {"blob": b"abcdef", "empty": b"", "numbers": array("I", [1, 2, 3]).tobytes()}


def _builder(calls: list[int], data: dict[str, bytes] = DATA):
    def build() -> dict[str, bytes]:
        calls.append(1)
        return data

    return build


def test_round_trip_builds_once_then_maps(tmp_path: Path) -> None:
    path, calls = tmp_path / "demo-1-x.packed", []
    first = packed.mapped(path, _builder(calls), 1)
    second = packed.mapped(path, _builder(calls), 1)
    assert calls == [1]
    for got in (first, second):
        assert {name: bytes(view) for name, view in got.items()} == DATA
    assert list(second["numbers"].cast("I")) == [1, 2, 3]


def test_sections_start_aligned(tmp_path: Path) -> None:
    data = {"a": b"x", "b": b"yyy", "c": b"z" * 9}
    raw = packed.encode(data, 7)
    path = tmp_path / "demo-7-x.packed"
    path.write_bytes(raw)
    got = packed.read(path, 7)
    assert got is not None
    for name, view in got.items():
        offset = raw.index(data[name], len(packed.MAGIC))
        assert offset % packed.ALIGN == 0 and bytes(view) == data[name]


def test_other_version_is_rebuilt(tmp_path: Path) -> None:
    path, calls = tmp_path / "demo-1-x.packed", []
    packed.mapped(path, _builder(calls), 1)
    got = packed.mapped(path, _builder(calls, {"blob": b"new"}), 2)
    assert calls == [1, 1] and bytes(got["blob"]) == b"new"
    assert packed.read(path, 1) is None


def test_damaged_files_are_rebuilt(tmp_path: Path) -> None:
    good = packed.encode(DATA, 1)
    damaged = [b"", b"NLPACK1", b"junk" * 10, good[:40], good[: len(good) - 2], b"X" + good[1:]]
    for n, raw in enumerate(damaged):
        path, calls = tmp_path / f"demo-1-{n}.packed", []
        path.write_bytes(raw)
        assert packed.read(path, 1) is None, raw[:20]
        assert bytes(packed.mapped(path, _builder(calls), 1)["blob"]) == b"abcdef" and calls == [1]


def test_unwritable_folder_keeps_data_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    got = packed.mapped(blocker / "demo-1-x.packed", _builder([]), 1)
    assert bytes(got["blob"]) == b"abcdef"


def test_write_prunes_stale_files_of_its_kind_only(tmp_path: Path) -> None:
    old = time.time() - 400 * 86400
    stale = [tmp_path / "demo-1-old.packed", tmp_path / "demo-1-crash.packedab12.tmp"]
    kept = [tmp_path / "other-1-old.packed", tmp_path / "demo-1-old.marshal"]
    for path in stale + kept:
        path.write_bytes(b"x")
        os.utime(path, (old, old))
    packed.write(tmp_path / "demo-2-new.packed", DATA, 2)
    assert not any(p.exists() for p in stale) and all(p.exists() for p in kept)


def test_mapped_table_answers_like_table(tmp_path: Path) -> None:
    table = {"england": 28, "group": -34, "davos": 99, "zürich": 40}
    sections = packed.mapped(tmp_path / "case-1-x.packed", lambda: _pack(table), 1)
    mapped = MappedTable(sections)
    assert len(mapped) == len(table)
    assert dict(mapped.items()) == table
    for word in [*table, "absent", "", "Group"]:
        assert mapped.get(word) == table.get(word)
    values = array("b", table.values())
    blob, offsets, slots = Table.pack(list(table))
    plain = Table(blob, offsets, slots, values)
    assert [plain.index(w) for w in table] == [mapped.index(w) for w in table]
