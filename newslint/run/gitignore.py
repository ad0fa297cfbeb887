"""Which files a repository's ``.gitignore`` files leave out of a folder walk (a site generator's
``public/`` or ``_site/`` is generated HTML, not articles).

The ``.gitignore`` of every folder from the repository root (the nearest folder holding ``.git``)
down to the file count, as in git, the innermost decision winning; ``.git/info/exclude`` counts
as the root's. Outside a repository nothing is ignored.
"""

from __future__ import annotations

import os
from typing import Any


class GitIgnore:
    """The ignore files met so far, each read once."""

    def __init__(self) -> None:
        self._specs: dict[str, Any] = {}  # folder -> GitIgnoreSpec, or None without patterns
        self._roots: dict[str, str | None] = {}  # folder -> its repository root, or None

    def ignored(self, path: str, is_dir: bool = False) -> bool:
        """True when git would ignore ``path`` (a file, or a folder with ``is_dir``)."""
        path = os.path.abspath(path)
        folder = os.path.dirname(path)
        root = self._root(folder)
        if root is None:
            return False
        decision = False
        for base in _chain(root, folder):
            spec = self._spec(base, base == root)
            if spec is None:
                continue
            rel = os.path.relpath(path, base).replace(os.sep, "/") + ("/" if is_dir else "")
            include = spec.check_file(rel).include
            if include is not None:
                decision = include
        return decision

    def _root(self, folder: str) -> str | None:
        if folder not in self._roots:
            parent = os.path.dirname(folder)
            if os.path.exists(os.path.join(folder, ".git")):
                self._roots[folder] = folder
            else:
                self._roots[folder] = None if parent == folder else self._root(parent)
        return self._roots[folder]

    def _spec(self, folder: str, is_root: bool) -> Any:
        if folder not in self._specs:
            lines = _lines(os.path.join(folder, ".gitignore"))
            if is_root:
                lines = _lines(os.path.join(folder, ".git", "info", "exclude")) + lines
            if lines:
                import pathspec

                self._specs[folder] = pathspec.GitIgnoreSpec.from_lines(lines)
            else:
                self._specs[folder] = None
        return self._specs[folder]


def _chain(root: str, folder: str) -> list[str]:
    """The folders from ``root`` down to ``folder``, both included."""
    chain = [folder]
    while chain[-1] != root:
        chain.append(os.path.dirname(chain[-1]))
    return chain[::-1]


def _lines(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.read().splitlines()
    except OSError:
        return []
