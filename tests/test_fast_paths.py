"""The rules' fast paths give what their plain loops give (issue 20: per-MB CPU of the rules).

Each fast path is checked against a straightforward reference written here, on real articles
(the seed fixtures) and on text built to reach the branches the fast path skips.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import pytest
from harness import found
from hypothesis import given
from hypothesis import strategies as st

from newslint.document import quotes
from newslint.document.model import Document
from newslint.document.quotes import quote_spans, rewrites_quotation
from newslint.document.readers import read_document
from newslint.document.source import Source
from newslint.engine.kinds import capital_names
from newslint.engine.support.capital_common import base, free_positions
from newslint.report.json import indented

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SENTENCES = (FIXTURES / "sentences.txt").read_text("utf-8")
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
# Lower-case names beside capitals, name links, numbers, line breaks and marks.
NAMES = (
    "Talks in Geneva ended.\nthe house of Lords met in geneva on may 5; Mark Hughes and mark Wright\n"
    "spoke. (Hughes logistics) said: house of lords members met Hughes Logistics staff in london.\n"
    "Visitors to London 2 london 3. — hughes went to geneva, then Geneva again.\n\n"
    "Mr geneva and the Geneva office, - london; Wall street and Wall Street, wall Street.\n"
    "A wall, a wall: the House of Lords sat. The house of Lords rose.\n"
)
TEXTS = [SENTENCES, NAMES, *(p.read_text("utf-8") for p in SEEDS)]


def document(text: str) -> Document:
    return read_document(Source("a.txt", text), None)


def test_free_positions_after_a_line_break_inside_a_block() -> None:
    doc = document("Talks ended\nlate in the day.")
    assert [t.text for t, f in zip(doc.tokens, free_positions(doc), strict=True) if f] == ["Talks", "late"]


def every_hit(doc: Document, first: Any, words: frozenset[str], *_: Any) -> Iterator[int]:
    """The tokens ``capital_names.check`` looked at before it judged each text once."""
    for i, text in enumerate(doc.token_texts):
        if text in first or text in words or (text[-1] in "s'’" and base(text) in words):
            yield i


@pytest.mark.parametrize("text", TEXTS)
def test_proper_noun_candidates_leave_out_only_tokens_never_flagged(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = found(text, "capitalization.proper-noun")
    monkeypatch.setattr(capital_names, "_candidates", every_hit)
    assert found(text, "capitalization.proper-noun") == fast


def test_proper_noun_words_flagged_by_their_neighbours_alone() -> None:
    """``geneva`` and ``wall`` are written in lower case more often than ``max-lowercase`` allows:
    only a neighbour (``Mr``, ``Street``, ``of Lords``) makes them findings, and it still does."""
    hits = {(f["line"], f["column"], f["suggestions"][0]) for f in found(NAMES, "capitalization.proper-noun")}
    assert {(6, 4, "Geneva"), (6, 73, "Wall"), (7, 45, "House")} <= hits


def reference_rewrites(doc: Document, start: int, end: int, replacement: str) -> bool:
    """``rewrites_quotation`` with difflib's opcodes for every edit."""
    spans = quote_spans(doc)
    old = doc.text[start:end]
    changes = SequenceMatcher(None, old, replacement, autojunk=False).get_opcodes()
    return any(
        quotes._rewrites(spans, start + a, start + b, replacement[c:d]) for op, a, b, c, d in changes if op != "equal"
    )


# One-for-one swaps a fix makes: marks made curly, an apostrophe, a letter, a dash.
SWAPS = {'"': "“”", "'": "’‘", "e": "a", "t": "T", "-": "–", " ": "\u00a0"}


def test_a_one_for_one_edit_rewrites_a_quotation_as_difflib_says() -> None:
    rng = random.Random(20)
    lines = [line for line in SENTENCES.splitlines() if line and not line.startswith("#")]
    seen = set()
    for _ in range(400):
        words = " ".join(rng.sample(lines, 3)).split(" ")
        for _ in range(rng.randrange(1, 4)):  # quotations around a few words, some with apostrophes
            k = rng.randrange(len(words))
            words[k] = f'"{words[k]}' if rng.random() < 0.5 else f"{words[k]}'s\""
        text = " ".join(words)
        doc = document(text)
        start, end = sorted(rng.sample(range(len(text) + 1), 2))
        chars = list(text[start:end])
        for k in rng.sample(range(len(chars)), min(len(chars), rng.randrange(1, 6))):
            chars[k] = rng.choice(SWAPS.get(chars[k], "x"))
        new = "".join(chars)
        expected = reference_rewrites(doc, start, end, new)
        assert rewrites_quotation(doc, start, end, new) == expected, (text[start:end], new)
        seen.add(expected)
    assert seen == {True, False}


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
        | st.dictionaries(st.integers() | st.booleans(), inner, max_size=2)
    ),
    max_leaves=12,
)


@given(JSON_VALUES, st.sampled_from(["", "  ", "\t"]))
def test_json_records_laid_out_as_json_dumps_does(value: Any, pad: str) -> None:
    assert indented(value, pad) == json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)


def test_repeated_words_are_found_whatever_the_case_and_apostrophes() -> None:
    """The neighbours compared are the tokens equal once folded: a curly and a straight
    apostrophe, and a dotted capital whose lower case is longer, are still compared."""
    text = (
        "The council said the the plan would go ahead.\n\nOfficials don’t don't agree, and THE the vote"
        " was close.\n\nShe walked to İstanbul i̇stanbul yesterday, and and left. Was was it?"
    )
    got = [(f["line"], f["column"], f["message"]) for f in found(text, "duplicate.word")]
    assert got == [
        (1, 18, "Word repeated: 'the the'."),
        (3, 11, "Word repeated: 'don’t don't'."),
        (5, 45, "Word repeated: 'and and'."),
        (5, 59, "Word repeated: 'Was was'."),
    ]
