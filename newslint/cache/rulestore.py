"""Built-in rule files parsed once and kept in the cache folder (``rules/``), in ``marshal``'s format.

Importing PyYAML and parsing some 65 rule files is about a fifth of a one-article run; reading
the store is about a millisecond (``marshal`` reads it four times faster than ``json`` did). Each
entry keeps the file's text beside its parsed value, and a file is taken from the store only
when its text is exactly the stored one: an edited rule is parsed afresh and the store
rewritten. A missing, corrupt or unwritable store only costs time. The store holds nothing but
dicts, lists, strings, numbers, booleans and None.
"""

from __future__ import annotations

import contextlib
import marshal
import os
from pathlib import Path
from typing import Any

from newslint import __version__
from newslint.settings.yamlfile import Located

FORMAT = 2  # bump when the layout of the store changes


class Unstorable(ValueError):
    """A parsed value the store does not hold exactly (a date, bytes, a non-finite number)."""


def store_path(cache_dir: Path) -> Path:
    return Path(cache_dir) / "rules" / f"builtin-{FORMAT}-{__version__}-m{marshal.version}.marshal"


def encode(value: Any) -> Any:
    """``value`` in plain containers, each tagged, so that mappings come back as Located."""
    if isinstance(value, Located):
        return {"m": {k: encode(v) for k, v in value.items()}, "l": value.lines, "n": value.line}
    if isinstance(value, list):
        return {"a": [encode(v) for v in value]}
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float) and value == value and value not in (float("inf"), float("-inf")):
        return value
    raise Unstorable(type(value).__name__)


def decode(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    if "a" in value:
        return [decode(v) for v in value["a"]]
    out = Located({k: decode(v) for k, v in value["m"].items()})
    out.lines, out.line = value["l"], value["n"]
    return out


class RuleStore:
    """The stored parses of one folder's rule files, by file name relative to the folder."""

    def __init__(self, path: Path):
        self.path = path
        self.entries: dict[str, list[Any]] = {}  # name: [text, encoded value]
        self.changed = False
        with contextlib.suppress(OSError, ValueError, TypeError, EOFError):
            data = marshal.loads(path.read_bytes())
            if isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("files"), dict):
                self.entries = data["files"]

    def get(self, name: str, text: str) -> Any | None:
        """The parsed value of ``text``, or None when the store does not hold this exact text."""
        entry = self.entries.get(name)
        if not isinstance(entry, list) or len(entry) != 2 or entry[0] != text:
            return None
        try:
            return decode(entry[1])
        except (KeyError, TypeError, AttributeError):
            return None

    def put(self, name: str, text: str, value: Any) -> None:
        try:
            self.entries[name] = [text, encode(value)]
        except Unstorable:
            self.entries.pop(name, None)
        self.changed = True

    def keep_only(self, names: set[str]) -> None:
        """Drop the entries of files that are gone."""
        for name in set(self.entries) - names:
            del self.entries[name]
            self.changed = True

    def save(self) -> None:
        """Write the store atomically if it changed; a read-only or full disk only costs time."""
        if not self.changed:
            return
        import tempfile

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            marker = self.path.parent.parent / ".gitignore"
            if not marker.exists():
                marker.write_text("# created by newslint\n*\n", encoding="utf-8")
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps({"format": FORMAT, "files": self.entries}))
            os.replace(tmp, self.path)
            self.changed = False
        except (OSError, TypeError, ValueError):
            with contextlib.suppress(OSError):
                os.unlink(tmp)
