"""The fixer's trail maps spans of the fixed text back to the input, through several passes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.engine.fixer import Edit, apply
from newslint.engine.trail import Trail, merged, within


@st.composite
def passes(draw: st.DrawFn) -> tuple[str, list[list[Edit]]]:
    """A text and up to four passes of sorted, non-overlapping edits, each on the text before it."""
    text = draw(st.text(alphabet="abc", min_size=0, max_size=30))
    current, out = text, []
    for _ in range(draw(st.integers(1, 4))):
        cuts = sorted(draw(st.lists(st.integers(0, len(current)), max_size=6)))
        edits = [
            Edit(a, b, draw(st.text(alphabet="XY", max_size=3))) for a, b in zip(cuts[::2], cuts[1::2], strict=False)
        ]
        edits = [e for e in edits if e.start < e.end or e.replacement]
        out.append(edits)
        current = apply(current, edits)
    return text, out


def origins(text: str, all_passes: list[list[Edit]]) -> list[int | None]:
    """Brute force: for each character of the final text, its input offset (None when inserted)."""
    marks: list[int | None] = list(range(len(text)))
    for edits in all_passes:
        out, pos = [], 0
        for e in edits:
            out += marks[pos : e.start] + [None] * len(e.replacement)
            pos = e.end
        marks = out + marks[pos:]
    return marks


@settings(max_examples=500, deadline=None, derandomize=True)
@given(passes())
def test_characters_kept_from_the_input_map_back_to_where_they_were(case: tuple[str, list[list[Edit]]]) -> None:
    text, all_passes = case
    trail = Trail()
    for edits in all_passes:
        trail.add(edits)
    for pos, was in enumerate(origins(text, all_passes)):
        if was is not None:
            assert trail.origin(pos, pos + 1) == (was, was + 1)


def test_a_span_inside_a_replacement_maps_to_the_whole_replaced_input() -> None:
    trail = Trail()
    trail.add([Edit(2, 5, "Z")])  # "abcdefg" -> "abZfg"
    trail.add([Edit(0, 1, "")])  # -> "bZfg"
    assert trail.origin(1, 2) == (2, 5)
    assert trail.regions == [(2, 5), (0, 1)]


def test_touching_spans_merge_and_within_needs_one_merged_span_to_hold_the_whole_span() -> None:
    allowed = merged([(3, 5), (0, 2), (2, 3), (8, 9)])
    assert allowed == [(0, 5), (8, 9)]
    assert within((1, 4), allowed) and within((8, 9), allowed)
    assert not within((4, 6), allowed) and not within((7, 8), allowed)
