"""Which files a run lints: named files, article files under named folders, standard input."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from newslint.document.exports import Slice
from newslint.run.gitignore import GitIgnore
from newslint.run.session import Session

# Found under folders: articles, and export files (an .xml file only when it is a WordPress
# export; a .json array only when named).
EXTENSIONS = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".xml", ".jsonl", ".ndjson"})
SNIFFED = frozenset({".xml", ".json", ".jsonl", ".ndjson"})
MIN_SLICE_BYTES = 16 << 10


SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv"})


def iter_files(paths: list[str], errors: list[str], ignore: GitIgnore | None = None) -> Iterator[Path]:
    """Named files as they are, and files with a known extension under named folders (but for
    what ``ignore``, the repository's .gitignore files, leaves out)."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                if ignore is not None:
                    dirs[:] = [d for d in dirs if not ignore.ignored(os.path.join(root, d), is_dir=True)]
                for file in sorted(files):
                    if Path(file).suffix.lower() not in EXTENSIONS:
                        continue
                    if ignore is None or not ignore.ignored(os.path.join(root, file)):
                        yield Path(root) / file
        elif path.exists() or path.is_symlink():
            yield path
        else:
            errors.append(f"{name}: no such file or folder")


# label, path, data: the bytes (stdin, or read for the cache), or a slice of an export file
Task = tuple[str, "Path | None", "bytes | Slice | None"]


def collect(session: Session, args: argparse.Namespace, errors: list[str], named: set[str] | None = None) -> list[Task]:
    """The files to lint, in order: named files, files found under folders, stdin. ``named``
    receives the labels of the files named on the command line (stdin included)."""
    tasks: list[Task] = []
    named = set() if named is None else named
    gitignore = None
    for name in args.paths or ["."]:
        if name == "-":
            label = args.stdin_filename or "-"
            tasks.append((label, None, sys.stdin.buffer.read()))
            named.add(label)
            continue
        ignore = None
        if Path(name).is_dir() and not args.no_respect_gitignore and session.config_for(Path(name)).respect_gitignore:
            gitignore = gitignore or GitIgnore()
            # a folder named on purpose is linted whole, even when .gitignore leaves it out
            ignore = None if gitignore.ignored(name, is_dir=True) else gitignore
        folder = Path(name).is_dir()
        for path in iter_files([name], errors, ignore):
            if session.config_for(path.parent).excluded(path) and name != str(path):
                continue
            kind = export_kind(path)
            if kind is not None:
                tasks.extend((str(path), path, s) for s in _slices(path, kind, errors))
            elif not folder or path.suffix.lower() not in SNIFFED:
                tasks.append((str(path), path, None))
            if not folder:
                named.add(str(path))
    return tasks


def export_kind(path: Path) -> str | None:
    """The kind of export file a path holds (wxr, jsonl or json), else None."""
    from newslint.document import exports

    if path.suffix.lower() not in SNIFFED or not path.is_file():
        return None
    try:
        with open(path, "rb") as fh:
            return exports.sniff(str(path), fh.read(4096))
    except OSError:
        return None


def _slices(path: Path, kind: str, errors: list[str]) -> list[Slice]:
    """An export file's slices of whole articles (none, and an error, when it cannot be read)."""
    from newslint.document.exports.scan import Refused, scan

    try:
        with open(path, "rb") as fh:
            return list(scan(fh, kind, slice_size(os.fstat(fh.fileno()).st_size)))
    except Refused as exc:
        errors.append(f"{path}: not read: {exc}")
    except OSError as exc:
        errors.append(f"{path}: cannot read: {exc.strerror or exc}")
    return []


def slice_size(file_size: int) -> int:
    """Bytes of articles per slice: enough slices for the workers to share a small export
    (64 of them), never more than ``SLICE_BYTES`` each."""
    from newslint.document.exports.scan import SLICE_BYTES

    return max(MIN_SLICE_BYTES, min(SLICE_BYTES, file_size // 64))


def articles_in(tasks: list[Task]) -> int:
    """How many articles the tasks hold (an export's slice holds many)."""
    return sum(data.articles if isinstance(data, Slice) else 1 for _, _, data in tasks)


def folder_of(session: Session, task: Task) -> Path:
    label, path, _ = task
    if path is not None:
        return path.parent
    return Path(label).parent if session.args.stdin_filename else Path.cwd()
