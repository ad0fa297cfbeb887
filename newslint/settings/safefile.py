"""Files a configuration names are untrusted: regular files only, inside allowed folders, read capped.

A configuration in a repository you do not control could name ``/dev/zero`` (endless), a
named pipe (a read that never returns), ``/etc/shadow`` or ``~/.ssh/id_rsa`` as a word list.
Each file is checked with ``os.stat`` before it is opened, opened without blocking, checked
again, and read in chunks up to a cap, so a file that grows while it is read stays bounded and
Ctrl-C is honoured between chunks.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path

CHUNK = 1 << 16
ENV_TRUSTED = "NEWSLINT_TRUSTED_PATHS"  # more folders, os.pathsep-separated, a configuration may name files in
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


class Refused(Exception):
    """A file or folder not read; the message says why."""


def describe(mode: int) -> str:
    """What a file that is not a regular file is: a folder, a named pipe, a device..."""
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _check(st: os.stat_result, limit: int) -> None:
    if not stat.S_ISREG(st.st_mode):
        raise Refused(f"not a regular file ({describe(st.st_mode)})")
    if st.st_size > limit:
        raise Refused(f"larger than {size_name(limit)}")


def size_name(limit: int) -> str:
    return f"{limit >> 20} MiB" if limit >= 1 << 20 else f"{limit >> 10} KiB"


def read_capped(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; :class:`Refused` otherwise."""
    try:
        _check(os.stat(path), limit)  # never open a pipe or a device: opening a pipe blocks
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise Refused(f"cannot read: {exc.strerror or exc}") from None
    try:
        _check(os.fstat(fd), limit)  # the same file that was checked, not one put in its place
        chunks, size = [], 0
        while chunk := os.read(fd, CHUNK):
            size += len(chunk)
            if size > limit:  # it grew while read
                raise Refused(f"larger than {size_name(limit)}")
            chunks.append(chunk)
    except OSError as exc:
        raise Refused(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def trusted_roots(base: Path, env: Mapping[str, str] | None = None) -> list[Path]:
    """The folders a configuration in ``base`` may name files in: its own tree, and any the
    user lists in ``NEWSLINT_TRUSTED_PATHS`` (a configuration cannot vouch for itself)."""
    env = os.environ if env is None else env
    extra = [Path(p) for p in env.get(ENV_TRUSTED, "").split(os.pathsep) if p.strip()]
    return [Path(os.path.realpath(p)) for p in (base, *extra)]


def confined(path: Path, roots: Iterable[Path]) -> Path:
    """``path`` with symbolic links resolved, when that lies inside one of ``roots``; else Refused."""
    real = Path(os.path.realpath(path))
    if any(real == root or root in real.parents for root in roots):
        return real
    raise Refused(f"outside the configuration's folder (it is {real}; {ENV_TRUSTED} lists more folders)")
