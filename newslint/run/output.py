"""``-o FILE``: the report file, checked and opened before any linting, renamed into place when
the report is complete, so that a failed run leaves no half-written file behind."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from newslint.cache.folder import WRITE_BITS


class OutputError(Exception):
    """The report file cannot be written: one line on stderr, exit status 2."""


class ReportFile:
    """A temporary file beside the report's path; :meth:`commit` renames it over the path."""

    def __init__(self, path: Path):
        self.path = path
        self.target = Path(os.path.realpath(path))  # a symlink is written through, not replaced
        problem = _problem(self.target)
        if problem:
            raise OutputError(f"cannot write the report to {path}: {problem}")
        self.mode = _mode(self.target)
        try:
            import tempfile  # here: only a run that writes needs it (with shutil, random, bz2, lzma)

            fd, self.tmp = tempfile.mkstemp(dir=self.target.parent, prefix=f".{self.target.name}.", suffix=".tmp")
        except OSError as exc:
            raise OutputError(f"cannot write the report to {path}: {exc.strerror or exc}") from None
        self.stream = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def commit(self) -> None:
        """Put the complete report in place."""
        try:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
            os.chmod(self.tmp, self.mode)
            os.replace(self.tmp, self.target)
        except OSError as exc:
            self.discard()
            raise OutputError(f"cannot write the report to {self.path}: {exc.strerror or exc}") from None

    def discard(self) -> None:
        """Remove the temporary file (nothing to do after :meth:`commit`)."""
        with contextlib.suppress(OSError):
            self.stream.close()
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)


def _problem(target: Path) -> str | None:
    """Why the report cannot go to ``target``, or None. Write bits are checked as well as access,
    since root may write where no write bit is set."""
    folder = target.parent
    if target.is_dir():
        return "it is a folder"
    if not folder.is_dir():
        return "no such folder" if not folder.exists() else f"{folder} is not a folder"
    if not _writable(folder, os.W_OK | os.X_OK):
        return "its folder is read-only"
    if target.exists() and not _writable(target, os.W_OK):
        return "the file is read-only"
    return None


def _writable(path: Path, access: int) -> bool:
    return bool(stat.S_IMODE(path.stat().st_mode) & WRITE_BITS) and os.access(path, access)


def _mode(target: Path) -> int:
    """The report's permissions: an existing file's own, else what the umask allows."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
