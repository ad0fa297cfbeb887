"""Where newslint keeps its cache (results, rule stores and prepared data, in one folder), and
when a file in it is stale: a read marks a file used (its time, to a day), and a file no run has
read for ``UNUSED_DAYS`` may go."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

DAY = 86400
UNUSED_DAYS = 30
GITIGNORE = "# created by newslint\n*\n"  # written beside the results, so git never picks them up


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
