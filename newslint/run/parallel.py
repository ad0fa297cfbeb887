"""Running one function over many items in worker processes, results in the items' order."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS_PER_JOB = 4  # fewer items than this per worker: running in-process is faster

_STATE: Any = None  # what the worker function needs, inherited through fork


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def jobs_for(requested: int | None, items: int) -> int:
    """How many worker processes to use: 1 means in-process."""
    jobs = max(1, min(requested if requested and requested > 0 else default_jobs(), items // MIN_ITEMS_PER_JOB))
    if jobs == 1:
        return 1
    import multiprocessing

    return jobs if "fork" in multiprocessing.get_all_start_methods() else 1


def _init(state: Any) -> None:
    global _STATE
    _STATE = state


def _call(func: Callable[[Any, T], R], item: T) -> R:
    return func(_STATE, item)


def map_ordered(func: Callable[[Any, T], R], state: Any, items: Sequence[T], jobs: int) -> Iterator[R]:
    """``func(state, item)`` for each item, yielded in order; ``state`` reaches workers by fork."""
    if jobs <= 1:
        for item in items:
            yield func(state, item)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunk = max(1, min(16, len(items) // (jobs * 8)))
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init, initargs=(state,)) as pool:
            yield from pool.map(_call, [func] * len(items), items, chunksize=chunk)
    except BrokenProcessPool:
        raise WorkerDied(
            "a worker process ended abruptly (killed, or out of memory?); run again with --jobs 1"
        ) from None


class WorkerDied(RuntimeError):
    """A worker process was killed or crashed: its files have no result."""
