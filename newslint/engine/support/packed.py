"""Prepared data as named byte sections in one file, memory-mapped instead of unmarshalled.

A ``marshal`` file must be read and copied whole before the first lookup (a 7 MB table costs
about 14 ms a run); a mapped file costs a header read, and the pages a run touches are read
on demand and shared between processes. Layout: ``MAGIC``, the header's length (4 bytes, little
endian), a JSON header ``{"format": N, "sections": {name: [offset, length]}}``, then the
sections, each starting at a multiple of 8. A file with another format, a bad header or a
section past its end is rebuilt; one that cannot be written is simply not kept.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

from newslint.cache.folder import mark_used, stale
from newslint.document.lazyre import lazy

MAGIC = b"NLPACK1\0"
ALIGN = 8

Sections = dict[str, memoryview]


def mapped(path: Path, build: Callable[[], dict[str, bytes]], version: int) -> Sections:
    """The sections stored at ``path`` for this ``version``; else ``build()``'s, written there first."""
    found = read(path, version)
    if found is None:
        sections = build()
        write(path, sections, version)
        found = read(path, version)
        if found is None:  # the cache folder is not writable: keep the built data in memory
            found = {name: memoryview(data) for name, data in sections.items()}
    return found


def read(path: Path, version: int) -> Sections | None:
    """The sections of a valid file at ``path`` holding ``version``, or None."""
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            size, mtime = st.st_size, st.st_mtime
            if size < len(MAGIC) + 4:
                return None
            view = memoryview(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ))
    except (OSError, ValueError):
        return None
    sections = _sections(view, version)
    if sections is not None:
        mark_used(path, mtime)
    return sections


def _sections(view: memoryview, version: int) -> Sections | None:
    start = len(MAGIC) + 4
    if bytes(view[: len(MAGIC)]) != MAGIC:
        return None
    length = int.from_bytes(view[len(MAGIC) : start], "little")
    try:
        header = json.loads(bytes(view[start : start + length]))
        if header.get("format") != version:
            return None
        spans = {str(name): (int(at), int(n)) for name, (at, n) in header["sections"].items()}
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    if any(at < start + length or n < 0 or at + n > len(view) for at, n in spans.values()):
        return None
    return {name: view[at : at + n] for name, (at, n) in spans.items()}


def encode(sections: dict[str, bytes], version: int) -> bytes:
    """The file holding ``sections`` for ``version``."""
    spans: dict[str, list[int]] = {}
    for _ in range(2):  # the header's length moves the sections; twice settles it
        header = json.dumps({"format": version, "sections": spans}).encode("ascii")
        at = _aligned(len(MAGIC) + 4 + len(header) + 64)
        spans = {}
        for name, data in sections.items():
            spans[name] = [at, len(data)]
            at = _aligned(at + len(data))
    header = json.dumps({"format": version, "sections": spans}).encode("ascii")
    out = bytearray(MAGIC + len(header).to_bytes(4, "little") + header)
    for name, data in sections.items():
        out += bytes(spans[name][0] - len(out))
        out += data
    return bytes(out)


def _aligned(at: int) -> int:
    return -(-at // ALIGN) * ALIGN


def write(path: Path, sections: dict[str, bytes], version: int) -> None:
    """Write atomically; a cache that cannot be written is simply not kept."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # here: only a run that writes needs it (with shutil, random, bz2, lzma)

        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(encode(sections, version))
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return
    prune(path)


_KIND = lazy(r"(.+?)-\d+-")  # case-3-....packed -> case


def prune(path: Path) -> None:
    """Remove the files of ``path``'s kind that older versions or other data files left, once
    no run has read them for a while, and temporary files a crash left a day ago."""
    kind = _KIND.match(path.name)
    if kind is None:
        return
    same = re.compile(re.escape(kind[1]) + r"-\d+-.*\.packed(\w*\.tmp)?")
    now = time.time()
    with contextlib.suppress(OSError):
        for other in path.parent.iterdir():
            found = same.fullmatch(other.name)
            if other != path and found is not None and stale(other.stat().st_mtime, now, bool(found[1])):
                other.unlink()
