"""Where newslint keeps its cache: results, rule stores and prepared data, in one folder."""

from __future__ import annotations

import os
from pathlib import Path


def default_dir() -> Path:
    """``$NEWSLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/newslint``, else ``~/.cache/newslint``."""
    env = os.environ.get("NEWSLINT_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"
