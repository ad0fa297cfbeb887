"""A cache of lint results keyed on the file's bytes, its name, the configuration and newslint's code.

Entries are kept in packs, JSON files under ``results/`` in the cache folder (``--cache-dir``,
else ``cachedir.folder()``): one for each folder of articles, configuration and first digit of
the key, as ruff keeps one file a package. Creating a file was most of what a miss cost (300 to
500 us an article, about 10% of a first run's time); a run now creates one a pack, written at
its end by the parent process (workers send their results back anyway; a huge run writes every
``FLUSH_AT`` entries too, merging with what it wrote before), and a run of one
article reads and writes one pack of a sixteenth of its folder. A pack is written to a temporary
file and renamed into place: a reader never meets half of one, and a garbled one reads as no
entries. A pack keeps one entry a file (its newest bytes), so it does not grow with edits.
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

FORMAT = 3  # bump when the layout of a pack or an entry changes
FLUSH_AT = 10_000  # entries held in memory before the packs are written (not only at the run's end)


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
    """Lint results by key, kept in packs: a missing, unreadable or corrupt pack or entry is a
    miss, never an error. ``put`` only remembers an entry; ``flush`` writes the packs it touched."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.hits = 0
        self.misses = 0
        self._read: dict[str, dict[str, Any]] = {}  # pack file -> its entries when first read
        self._pending: dict[str, dict[str, tuple[str, dict[str, Any]]]] = {}  # pack -> key -> (label, entry)
        self._groups: dict[str, str] = {}  # group -> the start of its packs' paths
        self._count = 0  # entries put since the last flush

    @classmethod
    def of(cls, folder: Path | str) -> Cache:
        """The process's one cache of ``folder``: lookups and stores of a run share its packs."""
        name = str(folder)
        found = _OPEN.get(name)
        if found is None:
            found = _OPEN[name] = cls(Path(folder))
        return found

    @classmethod
    def close(cls, folder: Path | str) -> None:
        """Flush the process's cache of ``folder`` and forget what it read (another run, or
        ``newslint clean``, may change the packs before this process looks again)."""
        found = _OPEN.pop(str(folder), None)
        if found is not None:
            found.flush()

    def _pack(self, group: str, label: str) -> str:
        """The pack of the file ``label`` in ``group``: the group's digest and one of sixteen
        shards by the label (never by the key: a file's new entry replaces its old one)."""
        prefix = self._groups.get(group)
        if prefix is None:
            g = _hasher()
            g.update(group.encode("utf-8", "surrogateescape"))
            prefix = self._groups[group] = f"{self.folder}{os.sep}results{os.sep}{g.hexdigest()[:30]}"
        s = _hasher()
        s.update(label.encode("utf-8", "surrogateescape"))
        return f"{prefix}{s.hexdigest()[0]}.json"

    def get(self, key: str, group: str = "", label: str = "") -> dict[str, Any] | None:
        """The entry of ``key``, the file ``label``'s in ``group`` (see ``put``), or None."""
        file = self._pack(group, label)
        pending = self._pending.get(file)
        stored = pending.get(key) if pending else None
        entry = stored[1] if stored else self._entries(file).get(key)
        if not isinstance(entry, dict):
            self.misses += 1
            return None
        self.hits += 1
        return entry

    def _entries(self, file: str) -> dict[str, Any]:
        """The entries of a pack as first read in this process (none when it is missing or garbled)."""
        found = self._read.get(file)
        if found is None:
            found = self._read[file] = _read_pack(file)[0]
        return found

    def put(self, key: str, entry: dict[str, Any], group: str = "", label: str = "") -> None:
        """Remember the entry of ``key`` for ``flush``: the file ``label``'s in ``group`` (its
        folder and configuration). A pack keeps one entry a label: the file's newest."""
        self._pending.setdefault(self._pack(group, label), {})[key] = (label, entry)
        self._count += 1
        if self._count >= FLUSH_AT:  # a huge export: bounded memory, a few rewrites of each pack
            self.flush()

    def flush(self) -> None:
        """Write every pack with entries put since the last flush: each merged with the pack as it
        is now on disk, written to a temporary file and renamed into place, so that a reader never
        meets half a pack. Two runs flushing one pack at once keep the entries of the last (the
        other's are misses next time, never wrong). A read-only or full disk only costs the cache."""
        pending, self._pending, self._count = self._pending, {}, 0
        for file, new in pending.items():
            with contextlib.suppress(OSError):
                self._write(file, new)

    def _write(self, file: str, new: dict[str, tuple[str, dict[str, Any]]]) -> None:
        entries, labels = _read_pack(file)
        replaced = {label for label, _ in new.values() if label}
        keep = [k for k in entries if labels.get(k) not in replaced and k not in new]
        pack = {
            "format": FORMAT,
            "entries": {**{k: entries[k] for k in keep}, **{k: e for k, (_, e) in new.items()}},
            "labels": {**{k: labels[k] for k in keep if k in labels}, **{k: lb for k, (lb, _) in new.items()}},
        }
        data = _encoded(pack)
        if data is None:
            return
        tmp = f"{file}.{os.getpid()}.tmp"
        try:
            fd = _create(tmp)
        except FileNotFoundError:
            os.makedirs(os.path.dirname(file), exist_ok=True)
            self._ignore_in_git()
            fd = _create(tmp)
        try:
            os.write(fd, data)
        except OSError:
            os.close(fd)
            os.unlink(tmp)
            raise
        os.close(fd)
        os.replace(tmp, file)
        self._read.pop(file, None)  # read again when asked: the pack as written

    def prune(self) -> int:
        """At most once a day, remove the packs no run has read for ``UNUSED_DAYS`` (of folders
        since gone, of an older version or configuration), entries of an older layout and
        temporary files a crash left behind; returns how many files went."""
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

    def _ignore_in_git(self) -> None:
        marker = self.folder / ".gitignore"
        if not marker.exists():
            marker.write_text(GITIGNORE, encoding="utf-8")


_OPEN: dict[str, Cache] = {}  # Cache.of's


def _read_pack(file: str) -> tuple[dict[str, Any], dict[str, str]]:
    """A pack's entries and their labels; none when it is missing, torn, garbled or of another
    layout. A read marks the pack used (see ``prune``)."""
    try:
        with open(file, "rb") as fh:
            raw = json.loads(fh.read())
            mtime = os.fstat(fh.fileno()).st_mtime
    except (OSError, ValueError):
        return {}, {}
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        return {}, {}
    entries, labels = raw.get("entries"), raw.get("labels")
    if not isinstance(entries, dict) or not isinstance(labels, dict):
        return {}, {}
    mark_used(file, mtime)
    return entries, labels


def _encoded(pack: dict[str, Any]) -> bytes | None:
    """The pack as UTF-8 JSON, leaving out any entry JSON cannot hold (None when nothing is left)."""
    try:
        return json.dumps(pack, ensure_ascii=False).encode("utf-8", "surrogatepass")
    except (TypeError, ValueError):
        pass
    entries = {}
    for k, e in pack["entries"].items():
        with contextlib.suppress(TypeError, ValueError):
            json.dumps(e, ensure_ascii=False).encode("utf-8", "surrogatepass")
            entries[k] = e
    if not entries:
        return None
    labels = {k: v for k, v in pack["labels"].items() if k in entries}
    return json.dumps({**pack, "entries": entries, "labels": labels}, ensure_ascii=False).encode(
        "utf-8", "surrogatepass"
    )


def _create(path: str) -> int:
    """Open a file for writing, emptied if it exists."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
