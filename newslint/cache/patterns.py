"""Compiled built-in patterns kept in the cache folder (``rules/``), through `regex`'s own pickling.

Parsing the built-in rules' patterns is most of what `regex.compile` costs, about 50 ms a run;
a pickled `regex` pattern holds its compiled program, and loading all of them takes about 1 ms.
The unpickler may call nothing but `regex`'s own compile, and an entry is used only for exactly
the pattern text and flags it was stored for. A missing, corrupt or unwritable file only costs time.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
from pathlib import Path
from typing import Any

import regex

FORMAT = 1
MAX_ENTRIES = 2000  # past this, a save keeps only the patterns the run used
_ALLOWED = {("regex._regex", "compile"), ("_regex", "compile")}


def store_path(cache_dir: Path) -> Path:
    return Path(cache_dir) / "rules" / f"patterns-{FORMAT}-{regex.__version__}.pickle"


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed here")
        return super().find_class(module, name)


class PatternStore:
    """Compiled patterns by (pattern text, flags)."""

    def __init__(self, path: Path):
        self.path = path
        self.entries: dict[tuple[str, int], Any] = {}
        self.used: set[tuple[str, int]] = set()
        self.changed = False
        with contextlib.suppress(Exception):  # any damage to the file is a miss
            data = _Unpickler(io.BytesIO(path.read_bytes())).load()
            if isinstance(data, dict) and data.get("format") == FORMAT:
                self.entries = {
                    (src, flags): p
                    for src, flags, p in data["entries"]
                    if isinstance(p, regex.Pattern) and p.pattern == src and p.flags & flags == flags
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

    def save(self) -> None:
        """Write the store atomically if the run compiled a pattern it lacked."""
        if not self.changed:
            return
        keys = self.used if len(self.entries) > MAX_ENTRIES else self.entries
        data = {"format": FORMAT, "entries": [(src, flags, self.entries[src, flags]) for src, flags in keys]}
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
