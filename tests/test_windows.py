"""A long document linted in windows of whole blocks: the same findings, at the same stored
places, as linting it whole, when no finding needs evidence from another window.

Small windows are forced through the environment (``NEWSLINT_WINDOW_ABOVE``,
``NEWSLINT_WINDOW_CHARS``) so that a short fixture spans several of them.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from newslint.api import make_linter
from newslint.document.readers import read_document
from newslint.document.source import Source
from newslint.engine import windows
from newslint.engine.lint import FileResult
from newslint.run.cli import main

PARAGRAPHS = [
    "The minister said on Tuesday that the the talks would resume next week.",
    "Markets rose sharply , as investors welcomed the news from Brussels.",
    "Officials in São Paulo declined to comment on the report (which was leaked.",
    "The company said its profits rose by five per cent in the third quarter.",
    "Farmers in the north have waited three months for the promised payments.",
    "Analysts expect the central bank to raise interest rates again soon.",
    "Rescue teams worked through the night to reach the stranded villagers.",
    "A spokesman for the railway said that that line would reopen on Friday.",
    "Teachers will strike on Monday unless the government improves its offer.",
    "The museum has returned a bronze head to the family of its owner , he said.",
    "Police said the road would stay closed (until the bridge was inspected.",
    "Voters in the capital queued for hours before the polls opened on Sunday.",
]
HEADLINE = "Talks resume after a long pause"
SMALL = "300"  # prose characters a window: the fixtures span several windows


def plain() -> str:
    return HEADLINE + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n"


def markdown() -> str:
    body = "\n\n".join(f"- {p}" if i % 4 == 3 else p for i, p in enumerate(PARAGRAPHS))
    return f"# {HEADLINE}\n\n{body}\n"


def page() -> str:
    body = "\n".join(f"<p>{html.escape(p, quote=False).replace('the ', 'the&nbsp;', 1)}</p>" for p in PARAGRAPHS)
    return f"<html><body><article><h1>{HEADLINE}</h1>\n{body}\n</article></body></html>\n"


def records(result: FileResult) -> list[str]:
    return [json.dumps(f.to_dict(), sort_keys=True) for f in result.findings]


def lint(monkeypatch: pytest.MonkeyPatch, name: str, text: str, window: str | None) -> FileResult:
    if window is None:
        monkeypatch.setenv(windows.ENV_ABOVE, str(1 << 40))
    else:
        monkeypatch.setenv(windows.ENV_ABOVE, "0")
        monkeypatch.setenv(windows.ENV_CHARS, window)
    return make_linter().lint_bytes(name, text.encode(), Path(name))


@pytest.mark.parametrize(("name", "make"), [("a.txt", plain), ("a.md", markdown), ("a.html", page)])
def test_windows_give_the_findings_and_spans_of_the_whole_document(
    monkeypatch: pytest.MonkeyPatch, name: str, make: object
) -> None:
    text = make()  # type: ignore[operator]
    whole = lint(monkeypatch, name, text, None)
    windowed = lint(monkeypatch, name, text, SMALL)
    assert records(windowed) == records(whole)
    lines = {f.place.line for f in whole.findings}
    assert len(whole.findings) >= 5 and max(lines) - min(lines) >= 8  # findings in several windows


def test_a_window_is_whole_blocks_and_the_windows_partition_the_prose() -> None:
    doc = read_document(Source("a.md", markdown()))
    assert "".join(w.doc.text for w in windows.windows(doc, int(SMALL))) == doc.text
    got = list(windows.windows(doc, int(SMALL), context=1))
    assert len(got) >= 3
    assert "".join(w.doc.text[w.own[0] : w.own[1]] for w in got) == doc.text
    for w in got:
        firsts = [b for b in doc.blocks[w.first : w.first + len(w.doc.blocks)]]
        assert [(b.start - w.base, b.end - w.base, b.text) for b in firsts] == [
            (b.start, b.end, b.text) for b in w.doc.blocks
        ]
        for b in w.doc.blocks:  # the window's map sends each block to the stored place the document's does
            assert w.doc.source_offsets(b.start, b.end) == doc.source_offsets(b.start + w.base, b.end + w.base)


def test_findings_at_the_edges_of_a_window_keep_their_stored_place(monkeypatch: pytest.MonkeyPatch) -> None:
    # every paragraph a window of its own: errors on a window's first and last characters
    paragraphs = [", the minister said on Tuesday.", "Markets rose sharply ,", "He said the the plan failed"]
    text = HEADLINE + "\n\n" + "\n\n".join(paragraphs) + "\n"
    whole = lint(monkeypatch, "a.txt", text, None)
    windowed = lint(monkeypatch, "a.txt", text, "1")
    assert records(windowed) == records(whole)
    places = {(f.rule, f.place.line, f.place.column, f.place.end_column) for f in windowed.findings}
    assert ("punctuation.leading-mark", 3, 1, 3) in places  # a window's first characters
    assert ("punctuation.space-before", 5, 21, 23) in places  # its last
    assert ("duplicate.word", 7, 9, 16) in places


def test_whole_document_kinds_run_once_and_never_read_tokens() -> None:
    doc = windows.whole(read_document(Source("a.txt", plain())))
    with pytest.raises(RuntimeError):
        doc.tokens  # noqa: B018


def test_house_style_is_counted_over_the_whole_document(monkeypatch: pytest.MonkeyPatch) -> None:
    # three "per cent" in the first windows, one "percent" in the last: the minority is found
    # only when the count spans the windows
    paragraphs = [f"Prices in region {n} rose by {n} per cent in March." for n in ("one", "two", "three")]
    text = HEADLINE + "\n\n" + "\n\n".join([*paragraphs, "Wages rose by four percent over the year."]) + "\n"
    whole = lint(monkeypatch, "a.txt", text, None)
    windowed = lint(monkeypatch, "a.txt", text, "60")
    assert records(windowed) == records(whole)


def test_fix_writes_a_windowed_file_as_it_writes_the_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fixed = {}
    for mode, window in (("whole", None), ("windowed", SMALL)):
        path = tmp_path / mode / "a.md"
        path.parent.mkdir()
        path.write_text(markdown(), encoding="utf-8")
        lint(monkeypatch, "a.md", "", window)  # sets the environment the run below sees
        main(["--fix", "--unsafe-fixes", "--no-cache", str(path)])
        fixed[mode] = path.read_text(encoding="utf-8")
    capsys.readouterr()
    assert fixed["windowed"] == fixed["whole"] != markdown()


def test_word_evidence_from_other_windows_is_weighed(monkeypatch: pytest.MonkeyPatch) -> None:
    # "China" is written in the first windows only; "china" in a later one is still held against it
    paragraphs = [
        "Exports to China rose sharply in March, the ministry said on Tuesday.",
        "Officials in China said the figures showed a strong recovery in demand.",
        "Analysts said the rise in exports to China would help local factories.",
        "Traders said the new contract had been signed on Monday morning.",
        "The agreement with china was welcomed by business groups in the region.",
        "Farmers said the deal would bring new buyers to the market.",
    ]
    text = HEADLINE + "\n\n" + "\n\n".join(paragraphs) + "\n"
    whole = lint(monkeypatch, "a.txt", text, None)
    windowed = lint(monkeypatch, "a.txt", text, "1")
    assert records(windowed) == records(whole)
    assert [(f.rule, f.place.line, f.place.column) for f in windowed.findings] == [
        ("capitalization.proper-noun", 11, 20)
    ]


def test_a_paragraph_repeated_in_another_window_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    text = plain() + "\n" + PARAGRAPHS[4] + "\n"
    whole = lint(monkeypatch, "a.txt", text, None)
    windowed = lint(monkeypatch, "a.txt", text, SMALL)
    assert records(windowed) == records(whole)
    assert "duplicate.paragraph" in {f.rule for f in windowed.findings}


def test_window_sizes_from_the_environment_ignore_what_is_not_a_number(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(windows.ENV_ABOVE, "lots")
    monkeypatch.setenv(windows.ENV_CHARS, "0")
    assert windows.sizes() == (windows.WINDOW_ABOVE, 1)


def test_the_whole_document_is_let_go_before_the_windows_are_linted(monkeypatch: pytest.MonkeyPatch) -> None:
    # its sentences (every sentence of a big file) and views must not be held through the windows
    import weakref

    made: list[weakref.ref[windows.WholeDocument]] = []
    alive: list[bool] = []
    whole, each = windows.whole, windows.windows

    def noting_whole(doc):  # type: ignore[no-untyped-def]
        full = whole(doc)
        full.sentences  # noqa: B018  (made and cached, as a whole-document kind makes them)
        made.append(weakref.ref(full))
        return full

    def noting_windows(doc, chars, context=0):  # type: ignore[no-untyped-def]
        for w in each(doc, chars, context):
            if context:
                alive.append(any(r() is not None for r in made))
            yield w

    monkeypatch.setattr(windows, "whole", noting_whole)
    monkeypatch.setattr(windows, "windows", noting_windows)
    result = lint(monkeypatch, "a.txt", plain(), SMALL)
    assert made and len(alive) >= 3 and not any(alive)
    assert result.findings


def test_the_whole_documents_packed_sentences_read_as_the_documents_sentences() -> None:
    doc = read_document(Source("a.md", markdown()))
    expected = doc.sentences
    packed = windows.whole(read_document(Source("a.md", markdown()))).sentences
    assert isinstance(packed, windows.PackedSentences) and len(packed) == len(expected) > len(PARAGRAPHS)
    assert list(packed) == expected
    assert [packed[i] for i in range(len(packed))] == expected and packed[-1] == expected[-1]
    assert packed[2:5] == expected[2:5] and packed[::-2] == expected[::-2]
    with pytest.raises(IndexError):
        packed[len(expected)]  # noqa: B018


def test_the_whole_pass_lets_go_of_its_views_but_those_placing_reads() -> None:
    from newslint.document.quotes import quote_spans
    from newslint.engine.lint import PLACING_VIEWS, _keep_for_placing

    doc = windows.whole(read_document(Source("a.txt", "Markets rally\n\n“Shares rose,” he said.\n\nBonds fell."), None))
    assert len(doc.sentences) == 3 and doc.block_index(20) == 1 and quote_spans(doc)
    doc.cache["some.view"] = [1, 2, 3]
    _keep_for_placing(doc)
    assert set(doc.cache) == {"block_starts", "quote_spans"} <= PLACING_VIEWS
    assert "sentences" not in doc.__dict__ and len(doc.sentences) == 3  # made again when read


def test_a_windowed_lint_gives_memory_back_after_each_pass_rule_and_window(monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint.engine import lint as lint_module

    calls: list[int] = []
    monkeypatch.setattr(lint_module, "give_back", lambda: calls.append(1))
    whole = [r for r in make_linter().selected if getattr(lint_module.kind_module(r.kind), "WHOLE_DOCUMENT", False)]
    windowed = lint(monkeypatch, "a.txt", plain(), SMALL)
    doc = read_document(Source("a.txt", plain()), None)
    count = sum(1 for _ in windows.windows(doc, int(SMALL), lint_module.CONTEXT_BLOCKS))
    # after the evidence pass, each whole-document rule, letting go of the views, and each window
    assert len(calls) == 1 + len(whole) + 1 + count > 3
    calls.clear()
    assert records(lint(monkeypatch, "a.txt", plain(), None)) == records(windowed) and not calls


def test_giving_memory_back_does_nothing_where_the_c_library_cannot(monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint.engine import allocator

    allocator._trim.cache_clear()
    monkeypatch.setattr(allocator.sys, "platform", "darwin")
    assert allocator._trim() is None
    allocator.give_back()  # no call, no error
    allocator._trim.cache_clear()
