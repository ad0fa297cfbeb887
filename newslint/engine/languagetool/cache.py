"""LanguageTool results per piece text and settings: in memory, and on disk between runs.

One small JSON file per entry under ``<cache dir>/languagetool/<2 hex>/<key>.json``, written
atomically, so that parallel runs never read half a file. The key hashes the settings'
fingerprint and the text; an unreadable entry counts as missing.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from newslint.cache import folder as cachedir
from newslint.engine.languagetool.client import RawMatch


class ResultCache:
    """Matches (offsets relative to the piece) of each piece text already checked."""

    def __init__(self, fingerprint: str, folder: str | Path | None = None, enabled: bool = True):
        self.fingerprint = fingerprint
        self.folder = (Path(folder) if folder else cachedir.folder()) / "languagetool" if enabled else None
        self.memory: dict[str, list[RawMatch]] = {}

    def key(self, text: str) -> str:
        return hashlib.sha256(f"{self.fingerprint}\0{text}".encode()).hexdigest()

    def get(self, text: str) -> list[RawMatch] | None:
        key = self.key(text)
        if key in self.memory:
            return self.memory[key]
        found = self._read(key)
        if found is not None:
            self.memory[key] = found
        return found

    def put(self, text: str, matches: list[RawMatch]) -> None:
        key = self.key(text)
        self.memory[key] = matches
        self._write(key, matches)

    def _path(self, key: str) -> Path | None:
        return self.folder / key[:2] / f"{key}.json" if self.folder else None

    def _read(self, key: str) -> list[RawMatch] | None:
        path = self._path(key)
        if path is None:
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return [_match(item) for item in data]
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def _write(self, key: str, matches: list[RawMatch]) -> None:
        path = self._path(key)
        if path is None:
            return
        data = [
            {**{k: getattr(m, k) for k in RawMatch.__slots__}, "replacements": list(m.replacements)} for m in matches
        ]
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            import tempfile  # here: only a run that writes needs it (with shutil, random, bz2, lzma)

            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs requests


def _match(item: dict[str, Any]) -> RawMatch:
    values = {k: item[k] for k in RawMatch.__slots__}
    values["replacements"] = tuple(str(r) for r in values["replacements"])
    for k in ("start", "end"):
        if not isinstance(values[k], int):
            raise TypeError(k)
    return RawMatch(**values)
