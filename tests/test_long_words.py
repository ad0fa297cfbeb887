"""Overlong "words" (URLs, base64, scraped junk) cost time and memory linear in their length.

Making typo candidates, glued-word cuts or derivations from a word costs the square of its
length: a 10,000-letter word took 5.4 GB. The bounds here are counts and traced memory, not time.
"""

from __future__ import annotations

import random
import tracemalloc

import pytest

from newslint.api import lint_bytes, make_linter, records
from newslint.engine.support import spell_words, spelldata
from newslint.settings.config import Config

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _word(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(LETTERS) for _ in range(n))


class Probe:
    """Records the longest word candidates were made from and the frequency lookups made."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.longest = 0
        self.lookups = 0
        edits1, freq = spell_words.edits1, spelldata.SpellData.freq

        def counted_edits1(word: str) -> set[str]:
            self.longest = max(self.longest, len(word))
            return edits1(word) if len(word) <= 100 else set()  # main's code would take GBs here

        def counted_freq(data: spelldata.SpellData, word: str) -> int:
            self.lookups += 1
            return freq(data, word)

        monkeypatch.setattr(spell_words, "edits1", counted_edits1)
        monkeypatch.setattr(spelldata.SpellData, "freq", counted_freq)


def _lint(text: str) -> tuple[list[dict], list[str], int]:
    """Findings, messages and traced peak bytes of linting ``text`` with every rule on."""
    linter = make_linter(Config(select=["ALL"]))
    lint_bytes(b"Headline\n\nA warm-up sentence.\n", "a.txt", linter)  # load data outside the trace
    spell_words._MEMO.clear()
    tracemalloc.start()
    try:
        result = lint_bytes(text.encode(), "a.txt", linter)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return records(result), result.messages, peak


def test_10000_letter_word_is_bounded_and_reported_once(monkeypatch: pytest.MonkeyPatch) -> None:
    probe = Probe(monkeypatch)
    word = "abcdefghij" * 1000
    findings, messages, peak = _lint(f"Photo Gallery\n\nScraped text {word} ends here.\n")
    assert probe.longest <= spell_words.MAX_LETTERS
    assert probe.lookups < 5_000  # main made over 500,000 (54 edits a letter)
    assert peak < 20 << 20  # main: 5.4 GB
    assert messages == []
    spelling = [f for f in findings if f["category"] == "spelling"]
    assert len(spelling) == 1, spelling
    typo = spelling[0]
    assert typo["rule"] == "spelling.typo" and (typo["line"], typo["column"]) == (3, 14)
    assert typo["end_column"] == 14 + len(word)
    assert typo["suggestions"] == [] and typo["fix"] is None
    assert "too long to be a word" in typo["message"] and len(typo["message"]) < 200


@pytest.mark.parametrize("shape", ["lower", "capitalized", "hyphenated", "apostrophe"])
def test_no_candidates_from_any_overlong_word(shape: str, monkeypatch: pytest.MonkeyPatch) -> None:
    probe = Probe(monkeypatch)
    word = _word(5_000)
    word = {
        "lower": word,
        "capitalized": word.capitalize(),
        "hyphenated": f"{word[:2500]}-{word[2500:]}",
        "apostrophe": f"{word[:2500]}'{word[2500:]}",
    }[shape]
    findings, messages, peak = _lint(f"Headline\n\n{word} ends the line.\n\nThen {word} again.\n")
    assert probe.longest <= spell_words.MAX_LETTERS and probe.lookups < 5_000
    assert peak < 20 << 20 and messages == []
    assert all(len(f["message"]) < 300 for f in findings)


def test_many_long_words_lookups_and_traced_memory_grow_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    probe = Probe(monkeypatch)
    costs = []
    for n in (10, 40):
        words = " ".join(f"then {_word(2_000, seed)} again" for seed in range(n))
        before = probe.lookups
        findings, messages, peak = _lint(f"Headline\n\n{words}.\n")
        costs.append((probe.lookups - before, peak))
        assert messages == [] and len([f for f in findings if f["rule"] == "spelling.typo"]) == n
    (lookups10, peak10), (lookups40, peak40) = costs
    assert lookups40 <= 4 * lookups10 + 100
    assert peak40 <= 4 * peak10 + (1 << 20)


def test_the_longest_listed_word_still_gets_suggestions() -> None:
    """Suggestions come from the lexicon (or common words): its longest plain word, with one
    letter too many, is still corrected."""
    data = spelldata.load()
    longest = max((w for w, _ in data.words.items() if w.isalpha() and data.listed(w)), key=len)
    word = longest + longest[-1:]
    assert len(word) <= spell_words.MAX_LETTERS
    assert spell_words.suggestions(word)[:1] == [longest]
