"""Linting a slice of an export file: each article on its own, every finding placed in the
export file as stored (through the article's map, then the slice's lines) and naming its article."""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from typing import Any

from newslint.document.exports import Article, Fields, Read, Slice
from newslint.document.exports.jsonfile import read_json, read_jsonl
from newslint.document.exports.wxr import read_wxr
from newslint.document.source import Source
from newslint.engine.findings import Place, Placed, PlacedRelated
from newslint.engine.lint import MAX_FILE_BYTES, FileResult, Linter, collector_paused
from newslint.settings.config import Config

NOT_FIXED = "export files are linted, not fixed (a fix would have to be written back into the export's markup)"


def fields_of(config: Config) -> Fields:
    """The JSON fields to read, from the configuration's ``export`` section."""
    given = config.export
    names = {k: (v,) if isinstance(v, str) else tuple(v) for k, v in given.items() if k != "format"}
    return Fields(**names, format=given.get("format"))


def read_slice(sl: Slice, text: str, fields: Fields) -> Read:
    if sl.kind == "wxr":
        return read_wxr(text)
    return read_jsonl(text, fields) if sl.kind == "jsonl" else read_json(text, fields)


def slice_bytes(path: Path, sl: Slice) -> bytes:
    """The slice's bytes: carried with it, or read from the file."""
    if sl.data is not None:
        return sl.data
    with open(path, "rb") as fh:
        fh.seek(sl.start)
        return fh.read(sl.end - sl.start)


def lint_slice(linter: Linter, label: str, path: Path, sl: Slice, corpus: bool = False) -> FileResult:
    """The findings of every article of the slice; an article that cannot be read is skipped
    with its line (and fails the run), and the others are linted."""
    result = FileResult(label, fail_on=linter.config.fail_on, articles={})
    text = slice_bytes(path, sl).decode("utf-8", "surrogateescape")
    where = Lines(text, sl)
    fields = fields_of(linter.config)
    got = read_slice(sl, text, fields)
    if got.bodiless:
        names = ", ".join(fields.body)
        result.messages.append(f"{label}: {got.bodiless} record(s) with no body field ({names}) were not linted")
    for problem in got.problems:
        line, column = where.position(problem.at)
        result.messages.append(f"{label}:{line}:{column}: article skipped: {problem.reason}")
        result.error = True
    with collector_paused():
        for article in got.articles:
            _lint_article(linter, label, path, article, where, result, corpus)
    return result


def _lint_article(
    linter: Linter, label: str, path: Path, article: Article, where: Lines, result: FileResult, corpus: bool
) -> None:
    key = str(where.offset(article.at))  # unique in the file: where the article's record starts
    info: dict[str, Any] = {**article.info(), "line": where.position(article.at)[0]}
    assert result.articles is not None
    result.articles[key] = info
    if len(article.text) > MAX_FILE_BYTES:
        result.messages.append(f"{label}:{info['line']}: article skipped: larger than {MAX_FILE_BYTES >> 20} MiB")
        return
    got = linter.lint_source(label, Source(label, article.text), path, article.format, corpus)
    move = Mover(article, where)
    result.findings += [move.finding(f, info) for f in got.findings]
    result.prints += [p.replaced(place=move.place(p.place), article=key) for p in got.prints]
    result.messages += got.messages
    result.error = result.error or got.error


class Lines:
    """Stored lines of a slice: where an offset of its text is in the export file."""

    def __init__(self, text: str, sl: Slice) -> None:
        self.slice = sl
        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def offset(self, at: int) -> int:
        return self.slice.offset + at

    def position(self, at: int) -> tuple[int, int]:
        """1-based line and column in the file of offset ``at`` of the slice's text."""
        i = bisect.bisect_right(self.starts, at) - 1
        column = at - self.starts[i] + (self.slice.column if i == 0 else 1)
        return self.slice.line + i, column


class Mover:
    """Moves an article's findings from its own text to the export file."""

    def __init__(self, article: Article, where: Lines) -> None:
        self.map, self.where = article.map, where

    def place(self, p: Place) -> Place:
        a, b = self.map.to_source(p.start), self.map.to_source(p.end, p.end > p.start)
        return Place(self.where.offset(a), self.where.offset(b), *self.where.position(a), *self.where.position(b))

    def finding(self, f: Placed, info: dict[str, Any]) -> Placed:
        related = tuple(PlacedRelated(self.place(r.place), r.message, r.path, r.article) for r in f.related)
        return f.replaced(place=self.place(f.place), fix=None, related=related, article=info)
