"""Running the files' work: answers from the cache first, the rest in worker processes."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from newslint.document.exports import Slice
from newslint.engine.lint import FileResult
from newslint.run import jobs, parallel, progress
from newslint.run.discover import Task, articles_in, folder_of
from newslint.run.session import Session


def _work(state: tuple[Session, jobs.Options], task: Task) -> jobs.Outcome:
    session, opts = state
    label, path, data = task
    linter = session.linter_for(folder_of(session, task))
    if isinstance(data, Slice):
        assert path is not None
        return jobs.process_slice(linter, label, path, data, opts)
    if path is None:  # stdin
        return jobs.process(linter, label, Path(label), data, opts, stdin=True)
    return jobs.process(linter, label, path, data, opts)


def _from_cache(session: Session, task: Task, opts: jobs.Options) -> tuple[Task, jobs.Outcome | None]:
    """The task's outcome when the cache answers it, else the task to lint: a file's bytes are
    let go once looked up (a worker reads them again and keys what it lints), so a run holds no
    more than the files being linted, however many miss."""
    label, path, data = task
    if isinstance(data, Slice):
        assert path is not None
        from newslint.engine.exports import slice_bytes

        config = session.config_for(folder_of(session, task))
        return task, jobs.lookup(config, label, path, slice_bytes(path, data), opts, at=data)
    if data is None and path is not None:
        got = jobs.read(label, path)
        if isinstance(got, FileResult):
            return task, jobs.Outcome(got)
        found = jobs.lookup(session.config_for(folder_of(session, task)), label, path, got, opts)
        return task, found
    assert data is not None
    return task, jobs.lookup(session.config_for(folder_of(session, task)), label, path or Path(label), data, opts)


Mapper = Callable[[jobs.Options, Sequence[Task]], Iterator[jobs.Outcome]]


def run_tasks(
    session: Session,
    tasks: list[Task],
    opts: jobs.Options,
    requested: int | None,
    mapper: Mapper | None = None,
    each: Callable[[jobs.Outcome], None] | None = None,
) -> list[jobs.Outcome]:
    """Every task's outcome in order: cache hits first, then the rest, in worker processes when
    worth it (or by ``mapper``: a cluster's workers). ``each`` is called with every outcome as
    soon as it is known (cache hits first, then the rest in order)."""
    articles = articles_in(tasks)
    bar = progress.Progress(articles) if progress.wanted(articles) else progress.NoProgress()
    each = each or (lambda outcome: None)
    done: dict[int, jobs.Outcome] = {}
    pending: list[tuple[int, Task]] = []
    try:
        for i, task in enumerate(tasks):
            outcome = None
            if opts.cache_dir and not opts.fixing:
                task, outcome = _from_cache(session, task, opts)
            if outcome is None:
                pending.append((i, task))
            else:
                done[i] = outcome
                each(outcome)
                bar.step(articles_in([task]))
        if pending:
            session.linters()  # load the rules before forking: rule errors surface here, once
            if opts.corpus:
                from newslint.engine import corpus

                corpus.warm(r for linter in session.linters() for r in linter.selected)
            work = [t for _, t in pending if t[1] is not None]
            caching = bool(opts.cache_dir) and not opts.fixing
            worker = opts.replaced(cache_dir=None, keyed=True) if caching else opts  # results are stored here
            if mapper is not None:
                it = mapper(worker, work)
            else:
                it = parallel.map_ordered(_work, (session, worker), work, parallel.jobs_for(requested, len(work)))
            for i, task in pending:
                done[i] = next(it) if task[1] is not None else _work((session, worker), task)
                if caching:
                    _remember(session, task, done[i], opts)
                each(done[i])
                bar.step(articles_in([task]))
    finally:
        bar.close()
        if opts.cache_dir and not opts.fixing:
            from newslint.cache.results import Cache

            Cache.close(opts.cache_dir)  # one write a pack, not one a file
    return [done[i] for i in range(len(tasks))]


def _remember(session: Session, task: Task, outcome: jobs.Outcome, opts: jobs.Options) -> None:
    """Put a linted task's result in the run's cache (written once the run is done)."""
    label, path, data = task
    config = session.config_for(folder_of(session, task))
    if isinstance(data, Slice):
        assert path is not None
        from newslint.engine.exports import slice_bytes

        jobs.remember(config, label, path, slice_bytes(path, data), outcome.result, opts, at=data)
    elif data is not None:
        jobs.remember(config, label, path or Path(label), data, outcome.result, opts)
    elif path is not None:
        jobs.remember_keyed(label, path, outcome, opts)
