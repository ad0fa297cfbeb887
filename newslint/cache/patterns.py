"""Compiled built-in patterns kept in the cache folder (``rules/``), through `regex`'s own pickling.

Parsing the built-in rules' patterns is most of what `regex.compile` costs, about 50 ms a run;
a pickled `regex` pattern holds its compiled program, and loading all of them takes about 1 ms.
The unpickler may call nothing but `regex`'s own compile, and an entry is used only for exactly
the pattern text and flags it was stored for. A missing, corrupt or unwritable file only costs time.

Beside them it keeps values worked out from a pattern's text (the strings every match holds, see
:mod:`newslint.engine.regexneeds`): reading a pattern with the standard library's parser costs
about as much as compiling it. Such a value is a string, a tuple of strings or None.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import regex

try:  # the C unpickler alone: the pickle module around it costs a run about a millisecond more
    from _pickle import Unpickler, UnpicklingError
except ImportError:  # another Python than CPython
    from pickle import Unpickler, UnpicklingError

FORMAT = 1
MAX_ENTRIES = 2000  # past this, a save keeps only the patterns the run used
_ALLOWED = {("regex._regex", "compile"), ("_regex", "compile")}


def store_path(cache_dir: Path) -> Path:
    return Path(cache_dir) / "rules" / f"patterns-{FORMAT}-{regex.__version__}.pickle"


class _Unpickler(Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise UnpicklingError(f"{module}.{name} is not allowed here")
        return super().find_class(module, name)


class PatternStore:
    """Compiled patterns by (pattern text, flags), and values worked out from patterns' texts."""

    def __init__(self, path: Path):
        self.path = path
        self.entries: dict[tuple[str, int], Any] = {}
        self.used: set[tuple[str, int]] = set()
        self.derived: dict[tuple[str, str], Any] = {}  # (what, pattern text) -> value
        self.derived_used: set[tuple[str, str]] = set()
        self.changed = False
        with contextlib.suppress(Exception):  # any damage to the file is a miss
            data = _Unpickler(io.BytesIO(path.read_bytes())).load()
            if isinstance(data, dict) and data.get("format") == FORMAT:
                self.entries = {
                    (src, flags): p
                    for src, flags, p in data["entries"]
                    if isinstance(p, regex.Pattern) and p.pattern == src and p.flags & flags == flags
                }
                self.derived = {
                    (what, src): value
                    for what, src, value in data.get("derived", ())
                    if isinstance(what, str) and isinstance(src, str) and _plain(value)
                }

    def get(self, source: str, flags: int) -> Any | None:
        found = self.entries.get((source, flags))
        if found is not None:
            self.used.add((source, flags))
        return found

    def put(self, source: str, flags: int, pattern: Any) -> None:
        self.entries[(source, flags)] = pattern
        self.used.add((source, flags))
        self.changed = True

    def worked_out(self, what: str, source: str, work: Callable[[str], Any]) -> Any:
        """``work(source)``, stored as ``what`` of the pattern text ``source`` (worked out once)."""
        key = (what, source)
        self.derived_used.add(key)
        if key in self.derived:
            return self.derived[key]
        value = self.derived[key] = work(source)
        if _plain(value):
            self.changed = True
        else:
            del self.derived[key]
        return value

    def save(self) -> None:
        """Write the store atomically if the run compiled a pattern (or worked out a value) it lacked."""
        if not self.changed:
            return
        keys = self.used if len(self.entries) > MAX_ENTRIES else self.entries
        derived = self.derived_used if len(self.derived) > MAX_ENTRIES else self.derived
        data = {
            "format": FORMAT,
            "entries": [(src, flags, self.entries[src, flags]) for src, flags in keys],
            "derived": [(what, src, self.derived[what, src]) for what, src in derived if (what, src) in self.derived],
        }
        import pickle
        import tempfile

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
            self.changed = False
        except (OSError, pickle.PicklingError, TypeError):
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _plain(value: Any) -> bool:
    """Whether a worked-out value is one the store keeps: None, a string or a tuple of strings."""
    return (
        value is None or isinstance(value, str) or (isinstance(value, tuple) and all(isinstance(v, str) for v in value))
    )
