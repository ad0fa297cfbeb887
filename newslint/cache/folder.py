"""Where newslint keeps its cache (results, rule stores, compiled patterns, prepared data and
LanguageTool results, in one folder), and when a file in it is stale: a read marks a file used
(its time, to a day), and a file no run has read for ``UNUSED_DAYS`` may go.

A run picks its folder once (:func:`using`); everything that caches asks :func:`folder`.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

DAY = 86400
UNUSED_DAYS = 30
GITIGNORE = "# created by newslint\n*\n"  # written beside the results, so git never picks them up
WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH  # none set: read-only, even for root

_active: Path | None = None  # the folder this run chose; forked workers inherit it


def default_dir() -> Path:
    """``$NEWSLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/newslint``, else ``~/.cache/newslint``."""
    env = os.environ.get("NEWSLINT_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"


def mark_used(path: Path | str, mtime: float) -> None:
    """Record a read of ``path`` (last changed at ``mtime``) in its time, at most once a day."""
    if time.time() - mtime > DAY:
        with contextlib.suppress(OSError):
            os.utime(path)


def stale(mtime: float, now: float, temporary: bool = False) -> bool:
    """True for a file no run has read for ``UNUSED_DAYS``, or a temporary one a crash left a day ago."""
    return now - mtime > (DAY if temporary else UNUSED_DAYS * DAY)


def folder() -> Path:
    """The cache folder in use: the one this run chose (:func:`using`), else :func:`default_dir`."""
    return _active or default_dir()


@contextlib.contextmanager
def using(requested: Path | None, warn: Callable[[str], None]) -> Iterator[Path]:
    """Make ``requested`` (else the default folder) the cache folder while the block runs. One
    that cannot be written is replaced by a private folder in the temporary directory, with one
    warning: without it the prepared data (seconds to build) would be rebuilt on every run."""
    global _active
    previous = _active
    chosen = requested or default_dir()
    problem = unwritable(chosen)
    if problem:
        spare = _spare()
        where = f"caching in {spare} instead" if spare else "nothing is cached (each run is slower)"
        warn(f"warning: cache folder {chosen} {problem}; {where}")
        chosen = spare or chosen
    _active = chosen
    try:
        yield chosen
    finally:
        _active = previous


def unwritable(path: Path) -> str | None:
    """Why newslint could not write in the folder ``path``, or None when it could (a missing
    folder: when it could be created). Nothing is created. A folder without write bits counts
    as read-only even for root, who could write it."""
    existing = path
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir():
        return "is not a folder" if existing == path else "cannot be created (a parent is not a folder)"
    writable = stat.S_IMODE(existing.stat().st_mode) & WRITE_BITS and os.access(existing, os.W_OK | os.X_OK)
    if writable:
        return None
    return "is read-only" if existing == path else f"cannot be created ({existing} is read-only)"


def _spare() -> Path | None:
    """A cache folder of this user's own in the temporary directory, kept between runs so that
    prepared data is built once; None when there is none to have."""
    import tempfile

    uid = os.getuid() if hasattr(os, "getuid") else 0
    path = Path(tempfile.gettempdir()) / f"newslint-cache-{uid}"
    try:
        path.mkdir(mode=0o700, exist_ok=True)
        info = path.lstat()
    except OSError:
        return None
    # someone else's folder (or a symlink planted there) is not ours to fill
    mine = stat.S_ISDIR(info.st_mode) and (not hasattr(os, "getuid") or info.st_uid == uid)
    return path if mine and unwritable(path) is None else None
