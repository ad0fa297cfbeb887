"""``newslint clean``: remove what newslint keeps in its cache folder.

Only newslint's own entries are removed (lint results, the rule and pattern stores, the
LanguageTool results, the prepared spelling, case and name data), so that a cache folder given
by mistake (``--cache-dir .``) loses nothing else. The folder itself goes when it is left empty.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import sys
from pathlib import Path

from newslint.cache.folder import GITIGNORE, default_dir

# newslint's folders, each with the names of what it holds: two hex digits (then entries), or store files.
HEX_SHARDS = re.compile(r"[0-9a-f]{2}(?:/[0-9a-f]+\.json|/\w+\.tmp)?")
PACKS = r"[0-9a-f]{31}\.json(?:\.\d+\.tmp)?"  # the result cache's packs and their temporary files
FOLDERS = {
    "results": re.compile(rf"\.pruned|{PACKS}|{HEX_SHARDS.pattern}"),
    "languagetool": HEX_SHARDS,
    "rules": re.compile(r"(?:builtin-\d+-[\w.+-]+\.(?:json|marshal)|patterns-\d+-[\w.+-]+\.pickle|\w+\.tmp)"),
}
# Prepared data files (kind-version-stamps.marshal or .packed) and temporary files a crash left behind.
PREPARED = re.compile(r"[a-z][a-z-]*-\d+-[^/]*\.(?:marshal|packed)(?:\w*\.tmp)?")


def clean_command(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="newslint clean", description=__doc__.splitlines()[0])
    ap.add_argument("--cache-dir", type=Path, metavar="DIR", help="cache folder (default: ~/.cache/newslint)")
    args = ap.parse_args(argv)
    folder = args.cache_dir or default_dir()
    if not folder.is_dir():
        print(f"Nothing to remove: {folder} does not exist.")
        return 0
    files, size = remove(folder)
    print(f"Removed {files} file{'s' if files != 1 else ''} ({size / 1e6:.1f} MB) from {folder}.")
    return 0


def entries(folder: Path) -> list[Path]:
    """newslint's entries in ``folder``."""
    found = []
    for path in sorted(folder.iterdir()):
        name = path.name
        if path.is_symlink():
            continue
        folder_ours = path.is_dir() and name in FOLDERS and _only(path, FOLDERS[name])
        file_ours = path.is_file() and (PREPARED.fullmatch(name) or (name == ".gitignore" and _ours(path)))
        if folder_ours or file_ours:
            found.append(path)
    return found


def remove(folder: Path) -> tuple[int, int]:
    """Remove newslint's entries from ``folder``: (files removed, their bytes)."""
    files = size = 0
    for path in entries(folder):
        count, nbytes = _measure(path)
        try:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        except OSError as exc:
            print(f"newslint: could not remove {path}: {exc.strerror}", file=sys.stderr)
            continue
        files, size = files + count, size + nbytes
    with contextlib.suppress(OSError):
        folder.rmdir()  # only when nothing else is left in it
    return files, size


def _only(folder: Path, names: re.Pattern[str]) -> bool:
    """True when every path in ``folder`` (relative, with /) has one of the names newslint writes."""
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            if not names.fullmatch(Path(root, name).relative_to(folder).as_posix()):
                return False
    return True


def _measure(path: Path) -> tuple[int, int]:
    if not path.is_dir():
        return 1, path.stat().st_size
    files = size = 0
    for root, _, names in os.walk(path):
        for name in names:
            try:
                size += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                continue
            files += 1
    return files, size


def _ours(path: Path) -> bool:
    try:
        return path.read_text(encoding="utf-8") == GITIGNORE
    except (OSError, UnicodeDecodeError):
        return False
