"""Fixes under fuzzing, on articles built from real sentences with injected defects.

- After ``--fix`` (and, separately, ``--fix --unsafe-fixes``) every changed character lies inside
  the span of a finding reported on the input (markup and white space may go with it).
- A safe fix never changes the inside of a quotation.
- The re-lint reports no finding that the input did not have, but for a defect a fix revealed
  in text that no edit touched (a lower-case start once the leftover before it is deleted), or a
  repeat of another place that fixes made meet its copy.
- 10,000 generated documents per run go through every reader and the fixer without a crash.

``NEWSLINT_FUZZ_SCALE`` (default 1) scales the numbers of examples, for a quicker local run.
"""

from __future__ import annotations

import os
from collections import Counter
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from article_gen import damaged_articles
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_fuzz_properties import check_result
from test_fuzz_properties import lint as lint_every_rule

from newslint.api import make_linter
from newslint.document.model import Document
from newslint.document.quotes import Quotation, quote_spans
from newslint.document.readers import read_document
from newslint.engine.findings import Place, Placed
from newslint.engine.fixer import fix_bytes
from newslint.engine.lint import FileResult, Linter

SCALE = float(os.environ.get("NEWSLINT_FUZZ_SCALE", "1"))
Span = tuple[int, int]


def examples(n: int) -> int:
    return max(1, int(n * SCALE))


@lru_cache(maxsize=1)
def default_linter() -> Linter:
    """The rules a user's ``--fix`` runs: the built-in defaults."""
    return make_linter()


def lint(data: bytes, name: str) -> FileResult:
    return default_linter().lint_bytes(name, data, Path(name))


def document(result: FileResult) -> Document:
    assert result.source is not None
    return read_document(result.source, None)


def _raw_span(result: FileResult, where: Place) -> Span:
    """The stored span of a place, from its lines and columns (not its own offsets)."""
    source = result.source
    assert source is not None
    start = source.offset(where.line, where.column)
    end = source.offset(where.end_line, where.end_column)
    return source.raw_offset(start), source.raw_offset(end)


def reported_spans(result: FileResult) -> list[Span]:
    """Each finding's span and its fix's own span, as offsets of the stored text."""
    spans = []
    for f in result.findings:
        spans.append(_raw_span(result, f.place))
        if f.fix is not None and f.fix.place is not None:
            spans.append(_raw_span(result, f.fix.place))
    return spans


def wording(doc: Document) -> set[int]:
    """Raw offsets of the article's words and marks (not markup, not white space)."""
    out: set[int] = set()
    raw = doc.source.raw_offset
    for seg in doc.map.segments:
        prose = doc.text[seg.prose_start : seg.prose_start + seg.prose_len]
        if seg.verbatim:
            out.update(raw(seg.src_start + i) for i, ch in enumerate(prose) if not ch.isspace())
        elif prose.strip():
            out.update(raw(p) for p in range(seg.src_start, seg.src_start + seg.src_len))
    return out


def covered(region: Span, spans: list[Span], words: set[int]) -> bool:
    """The region touches a reported span and every word character in it lies inside one."""
    i1, i2 = region
    if not any(s <= i2 and i1 <= e for s, e in spans):
        return False
    return all(any(s <= p < e for s, e in spans) for p in range(i1, i2) if p in words)


def inside_quotation(region: Span, quotes: list[Span]) -> bool:
    """Whether the region lies between a quotation's marks (``quotes``: the inner spans)."""
    i1, i2 = region
    return any(a < i1 and i2 <= b for a, b in quotes)


def inner(doc: Document, q: Quotation) -> Span:
    """The raw offsets of a quotation's opening mark and of its closing mark (or its block's end)."""
    a, b = doc.source_offsets(q.start, q.end - 1 if q.closed else q.end)
    return doc.source.raw_offset(a), doc.source.raw_offset(b)


def check_fix(data: bytes, name: str, unsafe: bool) -> None:
    first = lint(data, name)
    outcome, final = fix_bytes(data, lambda b: lint(b, name), unsafe, first=first)
    edits = outcome.regions
    if not edits:
        return
    doc = document(first)
    spans, words = reported_spans(first), wording(doc)
    quotes = [inner(doc, q) for q in quote_spans(doc)]
    for edit in edits:
        assert covered(edit, spans, words), (edit, first.source.raw[edit[0] : edit[1]], first.findings)
        if not unsafe:
            assert not inside_quotation(edit, quotes), (edit, first.source.raw)
    for f in new_findings(first, final):  # only a defect a fix revealed, in text no edit touched
        if f.related:
            continue  # a repeat of another place: fixes that made two copies meet revealed it
        start, end = outcome.trail.origin(*_raw_span(final, f.place))
        assert not any(a < end and start < b for a, b in edits), (f, first.findings)


def new_findings(first: FileResult, final: FileResult) -> list[Placed]:
    """The findings of the fixed text beyond the count of their category in the input's (a near
    repeat that a fix made exact is the same defect under another rule of the category)."""
    left = Counter(f.category for f in first.findings)
    out = []
    for f in final.findings:
        if left[f.category] > 0:
            left[f.category] -= 1
        else:
            out.append(f)
    return out


FIXES = settings(
    max_examples=examples(1500),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FIXES
@given(damaged_articles())
def test_safe_fixes_change_only_reported_spans_and_no_quotation(article: tuple[bytes, str]) -> None:
    check_fix(*article, unsafe=False)


@FIXES
@given(damaged_articles())
def test_unsafe_fixes_change_only_reported_spans(article: tuple[bytes, str]) -> None:
    check_fix(*article, unsafe=True)


def _mutate(data: bytes, cuts: list[tuple[int, bytes]]) -> bytes:
    """Bytes with slices replaced by fragments (broken UTF-8, markup, stray marks)."""
    out = bytearray(data)
    for at, piece in cuts:
        pos = at % (len(out) + 1)
        out[pos : pos + len(piece) // 2] = piece
    return bytes(out)


FRAGMENTS = st.sampled_from(
    [b"\xe9", b"\xc3", b"\xe2\x80", b"\r", b"\x0c", b"<p>", b"</div>", b"&amp", b"---\n", b"# ", b"`", b"\xef\xbb\xbf"]
)
mutated = st.builds(
    lambda article, cuts: (_mutate(article[0], cuts), article[1]),
    damaged_articles(),
    st.lists(st.tuples(st.integers(0, 10_000), FRAGMENTS | st.binary(max_size=6)), max_size=4),
)
DOCUMENTS = st.one_of(
    damaged_articles(),
    mutated,
    st.tuples(st.text(max_size=300).map(str.encode), st.just("a.txt")),
)


@settings(
    max_examples=examples(10_000),
    deadline=timedelta(seconds=10),
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(DOCUMENTS, st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_every_reader_and_the_fixer_survive_generated_documents(document: tuple[bytes, str], fixed_as: str) -> None:
    """Every document through the three readers, and the fixer (unsafe fixes on) as one of them."""
    data, _ = document
    for name in ("a.txt", "a.md", "a.html"):
        check_result(lint_every_rule(data, name))
    outcome, final = fix_bytes(data, lambda b: lint_every_rule(b, fixed_as), unsafe=True)
    assert outcome.settled, outcome.messages
    check_result(final)
