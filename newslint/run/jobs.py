"""The work the command line does on one file: lint it (through the cache) or fix it."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from newslint.document.exports import Slice
from newslint.document.records import Record
from newslint.document.source import BinaryFileError, decode
from newslint.engine.findings import Placed, Print
from newslint.engine.lint import FileResult, Linter, read_file
from newslint.settings.config import Config

if TYPE_CHECKING:
    from newslint.cache.results import Cache


class Options(Record):
    __slots__ = ("fix", "diff", "unsafe", "keep_source", "cache_dir", "corpus", "keyed")
    fix: bool  # write fixed files
    diff: bool  # show what fixing would change, write nothing
    unsafe: bool  # apply unsafe fixes too
    keep_source: bool  # return the decoded source (the text reporter shows lines)
    cache_dir: str | None  # None: no cache
    corpus: bool  # more than one article: fingerprint each for the cross-article rules
    keyed: bool  # return the cache key of the bytes linted (a worker whose results the run stores)

    def __init__(
        self,
        fix: bool = False,
        diff: bool = False,
        unsafe: bool = False,
        keep_source: bool = False,
        cache_dir: str | None = None,
        corpus: bool = False,
        keyed: bool = False,
    ) -> None:
        self.fix = fix
        self.diff = diff
        self.unsafe = unsafe
        self.keep_source = keep_source
        self.cache_dir = cache_dir
        self.corpus = corpus
        self.keyed = keyed

    @property
    def fixing(self) -> bool:
        return self.fix or self.diff


class Outcome(Record):
    """One file's result, and what fixing did to it."""

    __slots__ = ("result", "applied", "diff", "fixed_text", "cached", "messages", "unwritten", "key")
    result: FileResult
    applied: int  # fixes made (or, with --diff, that would be made)
    diff: str
    fixed_text: str | None  # stdin under --fix: the fixed text, for stdout
    cached: bool
    messages: list[str]
    unwritten: bool  # --fix had fixes for the file but could not write them
    key: tuple[str, str] | None  # the cache key of the bytes linted, when asked for (Options.keyed)

    def __init__(
        self,
        result: FileResult,
        applied: int = 0,
        diff: str = "",
        fixed_text: str | None = None,
        cached: bool = False,
        messages: list[str] | None = None,
        unwritten: bool = False,
        key: tuple[str, str] | None = None,
    ) -> None:
        self.result = result
        self.applied = applied
        self.diff = diff
        self.fixed_text = fixed_text
        self.cached = cached
        self.messages = [] if messages is None else messages
        self.unwritten = unwritten
        self.key = key


def read(label: str, path: Path) -> bytes | FileResult:
    """The file's bytes, or a FileResult saying why it was not read (pipes and devices are
    not read: they could block or stream forever)."""
    return read_file(label, path)


def lookup(
    config: Config, label: str, path: Path | None, data: bytes, opts: Options, at: Slice | None = None
) -> Outcome | None:
    """The cached outcome of linting these bytes under this configuration (as the slice ``at``
    of an export file, when given), or None."""
    if not opts.cache_dir or opts.fixing:
        return None
    from newslint.cache.results import Cache
    from newslint.cache.results import key as cache_key

    keyed = _keyed(label, at)
    entry = Cache.of(opts.cache_dir).get(cache_key(config, keyed, path, data), _group(config, path, label), keyed)
    if entry is None:
        return None
    try:
        findings = [Placed.from_dict(f) for f in entry["findings"]]
        messages = [str(m) for m in entry["messages"]]
        stored = entry["prints"]
        if stored is None and opts.corpus:
            return None  # linted in a run of one article: no fingerprints were made
        prints = [Print.from_dict(p) for p in stored or ()]
        articles = None if at is None else {str(k): dict(v) for k, v in entry["articles"].items()}
    except (KeyError, TypeError, ValueError, AttributeError):  # an entry of another layout: linted afresh
        return None
    result = FileResult(label, findings, messages, False, config.fail_on, prints=prints, articles=articles)
    if at is not None:
        return Outcome(result, cached=True)
    if opts.keep_source:
        with contextlib.suppress(BinaryFileError):
            result.source = decode(str(path or label), data)
    return Outcome(result, cached=True)


def lint_cached(
    linter: Linter,
    label: str,
    data: bytes | None,
    path: Path | None,
    cache: Cache | None,
    corpus: bool = False,
    keyed: bool = False,
) -> Outcome:
    """Lint a file's bytes (``None``: read from ``path`` here) and store the result in the cache,
    written at once (failed runs and skipped files are not stored); with ``corpus``, fingerprints
    too (None in the entry when they were not made). A run of many files stores through
    ``remember`` and writes once at its end; with ``keyed`` the outcome carries the bytes' key for
    it. The bytes are keyed and decoded first, then let go: given none, the file is held once, as
    text, through the lint (a big file is not held twice)."""
    if data is None:
        assert path is not None
        got = read(label, path)
        if isinstance(got, FileResult):
            return Outcome(got)
        data, got = got, b""
    key = _key(linter.config, label, path, data) if cache is not None or keyed else None
    source = linter.decoded(label, data, path)
    del data
    result = source if isinstance(source, FileResult) else linter.lint_decoded(label, source, path, corpus=corpus)
    if cache is not None:
        assert key is not None
        _store(cache, key, label, path, result, corpus)
        cache.flush()
    return Outcome(result, key=key if keyed else None)


def remember(
    config: Config,
    label: str,
    path: Path | None,
    data: bytes,
    result: FileResult,
    opts: Options,
    at: Slice | None = None,
) -> None:
    """Put a result linted elsewhere (a worker) in the run's cache, written by its ``flush``."""
    if opts.cache_dir and not opts.fixing:
        from newslint.cache.results import Cache

        _store(Cache.of(opts.cache_dir), _key(config, label, path, data, at), label, path, result, opts.corpus, at)


def remember_keyed(label: str, path: Path, outcome: Outcome, opts: Options) -> None:
    """Put a result a worker linted and keyed (``Options.keyed``: it read the file itself) in
    the run's cache, under the key of the bytes it linted."""
    if opts.cache_dir and not opts.fixing and outcome.key is not None:
        from newslint.cache.results import Cache

        _store(Cache.of(opts.cache_dir), outcome.key, label, path, outcome.result, opts.corpus)


def _key(config: Config, label: str, path: Path | None, data: bytes, at: Slice | None = None) -> tuple[str, str]:
    """The bytes' cache key and the pack group they are stored in."""
    from newslint.cache.results import key as cache_key

    return cache_key(config, _keyed(label, at), path, data), _group(config, path, label)


def _store(
    cache: Cache | None,
    key: tuple[str, str],
    label: str,
    path: Path | None,
    result: FileResult,
    corpus: bool,
    at: Slice | None = None,
) -> None:
    if cache is None or result.error or result.skipped:
        return
    entry = {
        "findings": [f.to_dict() for f in result.findings],
        "messages": result.messages,
        "prints": [p.to_dict() for p in result.prints] if corpus else None,
        "articles": result.articles,
    }
    cache.put(key[0], entry, key[1], _keyed(label, at))


def _group(config: Config, path: Path | None, label: str) -> str:
    """Which results share a pack in the cache: those of one folder under one configuration."""
    from newslint.cache.results import fingerprint

    return f"{fingerprint(config)}\0{os.path.dirname(str(path or label))}"


def _keyed(label: str, at: Slice | None) -> str:
    """What names the bytes in the cache key: the file, and for a slice of an export file the
    place it starts at (the same articles elsewhere in the file are placed elsewhere)."""
    return label if at is None else f"{label}@{at.kind}:{at.start}:{at.line}:{at.column}:{at.offset}"


def process(
    linter: Linter, label: str, path: Path | None, data: bytes | None, opts: Options, stdin: bool = False
) -> Outcome:
    """Lint or fix one file: ``data`` is its bytes when already read (always for stdin)."""
    if opts.fixing:
        if data is None:
            assert path is not None
            got = read(label, path)
            if isinstance(got, FileResult):
                return Outcome(got)
            data = got
        out = _fix(linter, label, path, data, opts, stdin)
    else:
        cache = None
        if opts.cache_dir:
            from newslint.cache.results import Cache  # hashlib and json: not needed under --no-cache

            cache = Cache.of(opts.cache_dir)
        out = lint_cached(linter, label, data, path, cache, opts.corpus, opts.keyed)  # reads the file when data is None
    if not opts.keep_source:
        out.result.source = None
    return out


def process_slice(linter: Linter, label: str, path: Path, sl: Slice, opts: Options) -> Outcome:
    """Lint the articles of a slice of an export file (never fixed: said once per file)."""
    from newslint.engine.exports import NOT_FIXED, lint_slice, slice_bytes

    data = slice_bytes(path, sl)
    result = lint_slice(linter, label, path, sl.replaced(data=data), opts.corpus)
    if opts.cache_dir and not opts.fixing:
        from newslint.cache.results import Cache

        cache = Cache.of(opts.cache_dir)
        _store(cache, _key(linter.config, label, path, data, sl), label, path, result, opts.corpus, sl)
        cache.flush()
    out = Outcome(result)
    if opts.fixing and sl.first:
        out.messages.append(f"{label}: not fixed: {NOT_FIXED}")
    return out


def _fix(linter: Linter, label: str, path: Path | None, data: bytes, opts: Options, stdin: bool) -> Outcome:
    from newslint.engine import fixer

    first = linter.lint_bytes(label, data, path)
    outcome, result = fixer.fix_bytes(data, lambda b: linter.lint_bytes(label, b, path), opts.unsafe, first=first)
    out = Outcome(result, applied=outcome.applied)
    out.messages.extend(f"{label}: {m}" for m in outcome.messages)
    if not outcome.changed:
        if stdin and not opts.diff:
            out.fixed_text = data.decode(first.source.encoding if first.source else "utf-8", "surrogateescape")
        return out
    if opts.diff:
        assert first.source is not None and result.source is not None
        out.diff = fixer.unified_diff(label, first.source, result.source)
    elif not stdin and path is not None:
        try:
            fixer.write_atomic(path, outcome.fixed, expected=data)
        except OSError as exc:
            return _not_written(out, first, f"{label}: not fixed: {exc.strerror or exc}")
    else:
        out.fixed_text = outcome.fixed.decode(result.source.encoding if result.source else "utf-8", "surrogateescape")
    return out


def _not_written(out: Outcome, first: FileResult, message: str) -> Outcome:
    """A fix that could not be written: the run fails, and the findings reported are those of
    the file as it still is (``first``), not of the fixed bytes that were never stored."""
    first.error = True
    return Outcome(first, messages=[*out.messages, message], unwritten=True)
