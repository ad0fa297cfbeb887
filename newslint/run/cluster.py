"""``--executor dask``: the per-article work on the workers of a Dask distributed cluster, and
the cross-article step as a shuffle of fingerprints on the cluster.

Without ``--scheduler ADDRESS`` a local cluster of worker processes is started (``--jobs``
of them, default 2) on loopback. Each worker builds its own session from the run's arguments
once; the client reads each file's bytes and sends them with the work (so workers need no
access to the files, only to the configuration files and rule folders they name). Fingerprints
of a kind grouped by key alone (``SHARDED = True``, an exact paragraph) are shuffled to
``--jobs`` buckets by key and grouped there; those of other kinds (near copies, which LSH
compares across the run) are gathered by one aggregating task. Findings are the same as in a
local run: the groups are the same, and every finding is placed by the same code.
"""

from __future__ import annotations

import argparse
import copy
import logging
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from newslint.document.exports import Slice
from newslint.engine.kind import flag
from newslint.engine.kinds import kind_module
from newslint.engine.loader import Rule
from newslint.run import jobs
from newslint.run.discover import Task

BATCH = 16  # articles per task: enough to outweigh the scheduler's cost per task
IN_FLIGHT = 4  # batches per worker submitted ahead of the one awaited

_SESSIONS: dict[bytes, Any] = {}  # per worker process: the session of a run's arguments


def _session(args: argparse.Namespace) -> Any:
    """The worker's session for these arguments, built on first use."""
    import pickle

    from newslint.run.session import Session

    key = pickle.dumps(vars(args))
    if key not in _SESSIONS:
        _SESSIONS.clear()
        _SESSIONS[key] = Session(args)
    return _SESSIONS[key]


def _lint_batch(args: argparse.Namespace, opts: jobs.Options, tasks: list[Task]) -> list[jobs.Outcome]:
    """Lint a batch of articles on a worker."""
    from newslint.run.schedule import _work

    session = _session(args)
    return [_work((session, opts), task) for task in tasks]


def _match(rule: Rule, keys: list[str], where: list[int]) -> list[list[int]]:
    """A kind's groups of ``keys``, as indexes into the whole run's list (``where``)."""
    groups = kind_module(rule.kind).matches(rule, keys)  # type: ignore[attr-defined]
    return [[where[i] for i in g] for g in groups]


class Cluster:
    """A Dask client for one run: maps the files' work and groups the fingerprints."""

    def __init__(self, args: argparse.Namespace, scheduler: str | None, workers: int):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            from newslint.run.session import UsageError

            raise UsageError("--executor dask needs Dask distributed: pip install 'newslint[dask]'") from None
        self.args = copy.copy(args)  # the rule and pattern stores are written atomically: workers share them
        self.local = None
        if scheduler is None:
            self.local = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            self.client = Client(self.local)
        else:
            self.client = Client(scheduler)
        self.buckets = max(1, workers)

    def close(self) -> None:
        self.client.close()
        if self.local is not None:
            self.local.close()

    def map(self, opts: jobs.Options, tasks: Sequence[Task]) -> Iterator[jobs.Outcome]:
        """Every task's outcome, in order; the bytes of each file go with its task. At most
        ``IN_FLIGHT`` batches per worker are read and sent ahead: the client holds a bounded
        part of the archive, not all of it."""
        from collections import deque

        pending: deque[Any] = deque()
        ahead = IN_FLIGHT * self.buckets
        for first in range(0, len(tasks), BATCH):
            batch = [_with_bytes(t) for t in tasks[first : first + BATCH]]
            pending.append(self.client.submit(_lint_batch, self.args, opts, batch, pure=False))
            if len(pending) >= ahead:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()

    def matcher(self) -> Callable[[Rule, list[str]], Iterable[list[int]]]:
        """Groups of a rule's fingerprints, computed on the cluster."""
        return self._groups

    def _groups(self, rule: Rule, keys: list[str]) -> list[list[int]]:
        everything = list(range(len(keys)))
        if not flag(kind_module(rule.kind), "SHARDED"):
            return self.client.submit(_match, rule, keys, everything, pure=False).result()
        buckets: list[list[int]] = [[] for _ in range(self.buckets)]
        for i, key in enumerate(keys):
            buckets[zlib.crc32(key.encode("ascii", "replace")) % self.buckets].append(i)
        futures = [
            self.client.submit(_match, rule, [keys[i] for i in where], where, pure=False) for where in buckets if where
        ]
        groups = [g for f in futures for g in f.result()]
        return sorted(groups, key=lambda g: g[0])


def _with_bytes(task: Task) -> Task:
    """The task with its file's bytes (or the FileResult saying why it could not be read)."""
    label, path, data = task
    if isinstance(data, Slice) and path is not None:
        from newslint.engine.exports import slice_bytes

        return (label, path, data.replaced(data=slice_bytes(path, data)))
    if data is None and path is not None:
        got = jobs.read(label, path)
        if not isinstance(got, bytes):
            return task  # the worker reads it again and reports why it cannot
        return (label, path, got)
    return task
