"""Rule folders named by a configuration: walked boundedly, other tools' files left out."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from newslint.settings.yamlfile import ConfigError

MAX_RULE_FILES = 1_000  # rule files in one folder tree
MAX_ENTRIES = 10_000  # files and folders looked at in one folder tree
MAX_RULE_DEPTH = 8  # levels of folders under a rules folder
RULE_SUFFIXES = (".yaml", ".yml")


def rule_files(folder: Path) -> list[Path]:
    """The ``*.yaml`` and ``*.yml`` files under ``folder``, sorted; hidden files and folders
    (``.newslint.yaml``, ``.pre-commit-config.yaml``, ``.git``) and linked folders are left out.

    The walk is bounded: more than MAX_RULE_FILES rule files, MAX_ENTRIES entries or
    MAX_RULE_DEPTH levels is an error, so naming ``/`` cannot walk the file system.
    """
    try:
        if not stat.S_ISDIR(os.stat(folder).st_mode):
            raise ConfigError(folder, "not a folder (a rules folder must be one)")
    except OSError:
        raise ConfigError(folder, "not found") from None
    found: list[Path] = []
    seen = 0
    stack = [(folder, 0)]
    while stack:
        current, depth = stack.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    seen += 1
                    if seen > MAX_ENTRIES:
                        raise ConfigError(folder, f"more than {MAX_ENTRIES:,} files and folders: not a rules folder")
                    if entry.name.startswith("."):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        if depth >= MAX_RULE_DEPTH:
                            raise ConfigError(folder, f"folders nested more than {MAX_RULE_DEPTH} deep")
                        stack.append((Path(entry.path), depth + 1))
                    elif entry.name.endswith(RULE_SUFFIXES):
                        found.append(Path(entry.path))
                        if len(found) > MAX_RULE_FILES:
                            raise ConfigError(folder, f"more than {MAX_RULE_FILES:,} rule files")
        except OSError as exc:
            raise ConfigError(current, f"cannot read folder: {exc.strerror or exc}") from None
    return sorted(found)
