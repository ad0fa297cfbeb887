"""A cache of lint results keyed on the file's bytes, its name, the configuration and newslint's code.

Entries are small JSON files under ``results/`` in the cache folder (``--cache-dir``, else
``cachedir.folder()``), shared by parallel workers and runs. An entry is written in place, in one
``write``: a torn one (a crash, a reader meeting it half-written) is not valid JSON and reads as
a miss, and two runs writing one key write the same bytes. Creating one file is most of what a
miss costs, so nothing else is done per entry (no temporary file and rename, no ``pathlib``).
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from newslint import DATA_PACKAGES, __version__, builtin_rules_dir
from newslint.cache.folder import DAY, GITIGNORE, mark_used, stale
from newslint.settings.rulefolders import rule_files

FORMAT = 2  # bump when the layout of an entry changes


def _stamp(path: Path) -> list[Any]:
    try:
        st = path.stat()
    except OSError:
        return [str(path), None]
    return [str(path), st.st_size, st.st_mtime_ns]


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """Names, sizes and times of newslint's own files: a changed kind or word list is a new key."""
    package = Path(__file__).resolve().parents[1]
    data = [_package_stamp(name) for name in DATA_PACKAGES]
    return _digest([__version__, FORMAT, sorted(_file_stamps(str(package))), data])


def _package_stamp(name: str) -> list[Any]:
    """The stamp of an installed package's entry file: installing another version rewrites it, so
    an upgraded word list (wordfreq, symspellpy...) is a new key, not an old cached result."""
    from importlib.util import find_spec

    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        spec = None
    origin = spec.origin if spec is not None else None
    return _stamp(Path(origin)) if origin else [name, None]


def _file_stamps(folder: str) -> Iterator[list[Any]]:
    """[path, size, mtime_ns] of every file under ``folder``, ``__pycache__`` folders left out:
    one ``stat`` a file (pathlib's walk costs a few more each, about 10 ms a run)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    yield from _file_stamps(entry.path)
            elif entry.is_file():
                st = entry.stat()
                yield [entry.path, st.st_size, st.st_mtime_ns]


def _hasher() -> Any:
    """A BLAKE2b hash of 32 bytes. Taken from ``_blake2``, the module ``hashlib`` wraps, where
    there is one: importing ``hashlib`` loads OpenSSL, 3 to 7 ms of a one-article run."""
    try:
        from _blake2 import blake2b
    except ImportError:  # another Python than CPython
        from hashlib import blake2b
    return blake2b(digest_size=32)


def _digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=repr, ensure_ascii=False)
    h = _hasher()
    h.update(text.encode("utf-8"))
    return str(h.hexdigest())


def _rule_files(config: Any) -> list[Any]:
    folders = [builtin_rules_dir(), *config.rule_dirs]
    return [
        [_stamp(p) for p in rule_files(Path(f))] for f in folders
    ]  # the files load_rules reads, walked as boundedly


def fingerprint(config: Any) -> str:
    """What besides the file decides the findings: newslint's code, the rule files, the configuration
    (with the command line's selection applied), ``NEWSLINT_*`` variables. Needs no rule to be loaded."""
    cached: str | None = getattr(config, "_cache_fingerprint", None)
    if cached:
        return cached
    names = getattr(config, "__slots__", None) or vars(config)  # a Config record, or any object with the same fields
    fields = {k: getattr(config, k) for k in names if not k.startswith("_") and k not in ("path", "root")}
    where = [str(config.path), str(config.root)]
    env = sorted((k, v) for k, v in os.environ.items() if k.startswith("NEWSLINT_") and k != "NEWSLINT_CACHE_DIR")
    value = _digest([code_stamp(), _rule_files(config), fields, where, env])
    config._cache_fingerprint = value
    return value


def key(config: Any, label: str, path: Path | None, data: bytes) -> str:
    """The cache key of linting ``data`` reported as ``label`` under ``config``."""
    h = _hasher()
    for part in (fingerprint(config), label, str(path)):
        h.update(part.encode("utf-8", "surrogateescape") + b"\0")
    h.update(data)
    return str(h.hexdigest())


class Cache:
    """Lint results by key; a missing, unreadable or corrupt entry is a miss, never an error."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.hits = 0
        self.misses = 0

    def _name(self, key: str) -> str:
        return f"{self._results}{key[:2]}{os.sep}{key[2:]}.json"

    @property
    def _results(self) -> str:
        return f"{self.folder}{os.sep}results{os.sep}"

    def get(self, key: str) -> dict[str, Any] | None:
        file = self._name(key)
        try:
            with open(file, "rb") as fh:
                entry = json.loads(fh.read())
        except (OSError, ValueError):
            self.misses += 1
            return None
        if not isinstance(entry, dict) or entry.get("format") != FORMAT:
            self.misses += 1
            return None
        self.hits += 1
        with contextlib.suppress(OSError):
            mark_used(file, os.stat(file).st_mtime)
        return entry

    def prune(self) -> int:
        """At most once a day, remove the entries no run has read for ``UNUSED_DAYS`` (results of
        files since edited, of an older version or configuration) and temporary files a crash
        left behind; returns how many files went."""
        results = self.folder / "results"
        marker = results / ".pruned"
        now = time.time()
        try:
            if now - marker.stat().st_mtime < DAY:
                return 0
        except FileNotFoundError:
            pass
        except OSError:
            return 0
        removed = 0
        for root, _, files in os.walk(results):
            for name in files:
                path = os.path.join(root, name)
                with contextlib.suppress(OSError):
                    if name != marker.name and stale(os.stat(path).st_mtime, now, name.endswith(".tmp")):
                        os.unlink(path)
                        removed += 1
        with contextlib.suppress(OSError):
            marker.touch()
        return removed

    def put(self, key: str, entry: dict[str, Any]) -> None:
        """Store an entry; a read-only or full disk only costs the cache. The folder is made only
        when the first write into it fails (one system call fewer a file), and the text is
        encoded whole by json's C encoder and written with one call."""
        try:
            data = json.dumps({**entry, "format": FORMAT}, ensure_ascii=False).encode("utf-8", "surrogatepass")
        except (TypeError, ValueError):
            return
        file = self._name(key)
        try:
            fd = _create(file)
        except FileNotFoundError:
            try:
                os.makedirs(os.path.dirname(file), exist_ok=True)
                self._ignore_in_git()
                fd = _create(file)
            except OSError:
                return
        except OSError:
            return
        try:
            os.write(fd, data)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(file)
        finally:
            os.close(fd)

    def _ignore_in_git(self) -> None:
        marker = self.folder / ".gitignore"
        if not marker.exists():
            marker.write_text(GITIGNORE, encoding="utf-8")


def _create(path: str) -> int:
    """Open an entry's file for writing, emptied if it exists."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
