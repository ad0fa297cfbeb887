"""Placed findings: typed from the rules to the output, through the cache and the fixer; kinds that
need the other rules' findings say so, and the others neither see them nor write shared state."""

from __future__ import annotations

import json
import pickle
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace

import pytest

from newslint.api import builtin_rules, lint_bytes, make_linter
from newslint.cache.results import Cache
from newslint.cache.results import key as cache_key
from newslint.document.model import Document
from newslint.document.source import decode
from newslint.engine import fixer, lint
from newslint.engine.findings import Checked, Finding, Place, Placed, PlacedFix, PlacedRelated
from newslint.engine.kind import Context
from newslint.engine.loader import Rule
from newslint.run import jobs
from newslint.settings.config import Config

PARAGRAPH = "The café 😀 owners said the council would meet again next week to discuss the plans for the square."
# CRLF line endings, and characters of two and four UTF-8 bytes before every finding.
ARTICLE = f"Headline café\r\n\r\n{PARAGRAPH}\r\n\r\nThe 😀 mayor met the the council , today.\r\n\r\n{PARAGRAPH}\r\n\r\nEnd.\r\n"


def placed_example() -> Placed:
    """A finding with suggestions, a fix with its own span and a related place."""
    return Placed(
        "a.txt",
        "duplicate.paragraph",
        "warning",
        "Paragraph repeats the one at line 3: delete this copy.",
        Place(153, 251, 7, 1, 7, 99),
        ("x", "y"),
        PlacedFix("", True, Place(153, 255, 7, 1, 9, 1)),
        (PlacedRelated(Place(17, 115, 3, 1, 3, 99), "first copy (line 3)"),),
    )


# --- the cache ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "placed",
    [
        placed_example(),
        placed_example().replaced(fix=PlacedFix("y", False)),
        placed_example().replaced(fix=None, related=(), suggestions=()),
    ],
)
def test_a_placed_finding_round_trips_through_the_cache_form(placed: Placed) -> None:
    stored = json.loads(json.dumps(placed.to_dict()))  # as the cache writes and reads it
    assert Placed.from_dict(stored) == placed


def test_a_placed_finding_differs_when_any_stored_offset_differs() -> None:
    placed = placed_example()
    moved = placed.replaced(fix=PlacedFix("", True, placed.fix_place.replaced(end=254)))
    assert Placed.from_dict(moved.to_dict()) != placed


def test_every_finding_of_a_lint_comes_back_from_the_cache_unchanged(tmp_path: Path) -> None:
    linter = make_linter()
    data = ARTICLE.encode("utf-8")
    fresh = jobs.lint_cached(linter, "a.txt", data, Path("a.txt"), Cache(tmp_path))
    assert {f.rule for f in fresh.result.findings} >= {"duplicate.paragraph", "duplicate.word"}
    again = jobs.lookup(linter.config, "a.txt", Path("a.txt"), data, jobs.Options(cache_dir=str(tmp_path)))
    assert again is not None and again.cached
    assert again.result.findings == fresh.result.findings


def test_a_cache_entry_of_another_layout_is_a_miss(tmp_path: Path) -> None:
    linter = make_linter()
    data = ARTICLE.encode("utf-8")
    key = cache_key(linter.config, "a.txt", Path("a.txt"), data)
    old = placed_example().record()  # an entry that holds output records, without stored offsets
    Cache(tmp_path).put(key, {"findings": [old], "messages": []})
    assert jobs.lookup(linter.config, "a.txt", Path("a.txt"), data, jobs.Options(cache_dir=str(tmp_path))) is None


def test_the_output_record_is_the_contract_without_stored_offsets() -> None:
    record = placed_example().record()
    assert list(record) == [
        "path", "rule", "category", "severity", "message", "line", "column", "end_line", "end_column",
        "suggestions", "fix", "related",
    ]  # fmt: skip
    assert record["fix"] == {"replacement": "", "safe": True, "line": 7, "column": 1, "end_line": 9, "end_column": 1}
    assert record["related"] == [
        {"line": 3, "column": 1, "end_line": 3, "end_column": 99, "message": "first copy (line 3)"}
    ]
    assert placed_example().replaced(fix=PlacedFix("z", False)).record()["fix"] == {"replacement": "z", "safe": False}


# --- stored offsets ----------------------------------------------------------------------------


def test_placed_offsets_index_the_stored_text_after_multibyte_characters_and_crlf() -> None:
    result = lint_bytes(ARTICLE.encode("utf-8"), "a.txt")
    raw = result.source.raw
    by_rule = {f.rule: f for f in result.findings}
    word, paragraph = by_rule["duplicate.word"], by_rule["duplicate.paragraph"]
    assert raw[word.place.start : word.place.end] == "the the"
    assert raw[paragraph.place.start : paragraph.place.end] == PARAGRAPH
    assert (
        raw[paragraph.fix_place.start : paragraph.fix_place.end] == PARAGRAPH
    )  # the copy; the fixer takes the blank line around it
    (first,) = paragraph.related
    assert raw[first.place.start : first.place.end] == PARAGRAPH


def test_the_fixer_edits_at_the_stored_offsets_not_the_line_and_column() -> None:
    source = decode("a.txt", "Café 😀 said , hi.\r\nNext , line.\r\n".encode())
    start = source.raw.index("Next ,") + len("Next")
    # Line and column deliberately name the first line's " ,": only the offsets are to be used.
    placed = Placed("a.txt", "x.y", "warning", "m", Place(start, start + 2, 1, 12, 1, 14), (), PlacedFix(",", True))
    assert fixer.edit_of(source, placed) == fixer.Edit(start, start + 2, ",")
    assert fixer.reported_spans([placed]) == [(start, start + 2)]


def test_fixing_a_crlf_file_after_multibyte_characters() -> None:
    data = ARTICLE.encode("utf-8")
    linter = make_linter()
    outcome, final = fixer.fix_bytes(data, lambda b: linter.lint_bytes("a.txt", b, Path("a.txt")))
    fixed = f"Headline café\r\n\r\n{PARAGRAPH}\r\n\r\nThe 😀 mayor met the council, today.\r\n\r\nEnd.\r\n"
    assert outcome.fixed.decode("utf-8") == fixed
    assert [f.rule for f in final.findings] == []


# --- what a kind sees and reports --------------------------------------------------------------


def _spy_kinds(monkeypatch: pytest.MonkeyPatch, calls: dict[str, list]) -> None:
    """Two made-up kinds beside the real ones: one that needs the others' findings, one that does not."""

    def needs(rule: Rule, doc: Document, ctx: Context, findings: Sequence[Finding]) -> list[Finding]:
        calls["needs"].append([f.rule for f in findings])
        return []

    def plain(rule: Rule, doc: Document, ctx: Context) -> Checked:
        calls["plain"].append(ctx)
        return Checked([Finding("spy.plain", 0, 3, "plain")], ["a warning"], incomplete=True)

    fakes = {
        "spy_needs": SimpleNamespace(NEEDS_FINDINGS=True, check=needs),
        "spy_plain": SimpleNamespace(check=plain),
    }
    real = lint.kind_module
    monkeypatch.setattr(lint, "kind_module", lambda name: fakes.get(name) or real(name))


def test_a_kind_that_needs_findings_gets_the_others_and_runs_last(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: dict[str, list] = {"needs": [], "plain": []}
    _spy_kinds(monkeypatch, calls)
    word = next(r for r in builtin_rules() if r.id == "duplicate.word")
    needs = word.replaced(id="spy.needs", kind="spy_needs")
    plain = word.replaced(id="spy.plain", kind="spy_plain")
    linter = make_linter(Config(select=["spy", "duplicate.word"]), [needs, plain, word])
    result = linter.lint_bytes("a.txt", b"Headline\n\nThe mayor met the the council.\n", Path("a.txt"))
    assert calls["needs"] == [["spy.plain", "duplicate.word"]]  # listed first, run after the others
    (ctx,) = calls["plain"]
    assert not hasattr(ctx, "findings") and not hasattr(ctx, "warnings")
    assert sorted(f.rule for f in result.findings) == ["duplicate.word", "spy.plain"]
    assert result.messages == ["a.txt: a warning"] and result.error  # reported through Checked


def test_the_context_is_fixed_for_the_run() -> None:
    ctx = Context()
    with pytest.raises(AttributeError):
        ctx.language = "en-GB"  # type: ignore[misc]
    assert not any(hasattr(ctx, name) for name in ("warnings", "incomplete", "findings"))


def test_a_packed_place_reads_back_its_numbers_compares_copies_and_pickles() -> None:
    big = 1 << 40
    place = Place(7, big, 300, 2, 70000, 1)
    assert (place.start, place.end, place.line, place.column, place.end_line, place.end_column) == (
        7,
        big,
        300,
        2,
        70000,
        1,
    )
    assert place == Place(7, big, 300, 2, 70000, 1) and place != Place(7, big, 300, 2, 70000, 2)
    assert place.replaced(line=5).line == 5 and place.replaced(line=5).end == big
    assert pickle.loads(pickle.dumps(place)) == place
    assert Place.from_dict(place.to_dict()) == place
    assert place.position() == {"line": 300, "column": 2, "end_line": 70000, "end_column": 1}
    assert "end_line=70000" in repr(place)


def test_a_files_findings_share_their_repeated_messages_and_related_places() -> None:
    # three copies of a paragraph: both later copies name the first; a big file has many such
    text = "Markets rally\n\n" + "\n\n".join([PARAGRAPH, "Shares rose on Monday.", PARAGRAPH, PARAGRAPH]) + "\n"
    found = [f for f in lint_bytes(text.encode(), "a.txt").findings if f.rule == "duplicate.paragraph"]
    assert len(found) == 2 and found[0].place != found[1].place
    first, second = (f.related[0] for f in found)
    assert first.place == second.place and first.place is second.place
    assert first.message == second.message and first.message is second.message
    assert found[0].related is found[1].related
    assert found[0].message == found[1].message and found[0].message is found[1].message
