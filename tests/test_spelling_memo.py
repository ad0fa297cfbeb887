"""The spelling check's per-process memo: a word judged before gives the verdict a first judgement gives."""

from __future__ import annotations

from newslint.document.model import Document
from newslint.document.readers import read_document
from newslint.document.source import decode
from newslint.engine.findings import Finding
from newslint.engine.kind import Context
from newslint.engine.kinds import spelling
from newslint.engine.loader import builtin_rules_dir, load_rules
from newslint.engine.support import spell_words, spelldata

RULE = next(r for r in load_rules(builtin_rules_dir() / "spelling") if r.id == "spelling.typo")
TEXT = (
    "Firday news\n\n"
    "The minister will recieve the report on Firday, said Nikolai Patrushev in Washingon.\n\n"
    "The firm said the new zorbleflux is out and the colour is fine. It is go ing well.\n\n"
    "Recieve the report, the firm said, and the firm said so again.\n"
)


def document(text: str) -> Document:
    return read_document(decode("a.txt", text.encode("utf-8")), None)


def run(ctx: Context, text: str = TEXT) -> list[Finding]:
    return list(spelling.check(RULE, document(text), ctx))


def test_a_warm_memo_gives_the_findings_of_a_cold_one() -> None:
    cold = run(Context(cache={}))
    shared: dict = {}
    first, second = run(Context(cache=shared)), run(Context(cache=shared))
    flagged = {TEXT[f.start : f.end] for f in cold}
    assert {"recieve", "Recieve", "Washingon", "zorbleflux", "go ing"} <= flagged  # "go ing": split apart
    assert "report" not in flagged
    assert first == cold and second == cold


def test_a_word_judged_fine_before_is_still_flagged_when_rejected() -> None:
    shared: dict = {}
    assert not any(TEXT[f.start : f.end] == "firm" for f in run(Context(cache=shared)))
    rejected = run(Context(reject=frozenset({"firm"}), cache=shared))
    assert [f.start for f in rejected if TEXT[f.start : f.end] == "firm"] == [
        i for i in range(len(TEXT)) if TEXT.startswith("firm ", i)
    ]


def test_judged_fine_only_for_forms_the_judgement_clears() -> None:
    data = spelldata.load()
    memo: dict = {}
    for word, initial in [("report", False), ("Nikolai", False), ("recieve", False), ("zorbleflux", False)]:
        memo[word, initial] = spelling.judge_word(word, initial, "en", RULE.options, data)
    assert spelling.judged_fine(memo["report", False]) and spelling.judged_fine(memo["Nikolai", False])
    assert not spelling.judged_fine(memo["recieve", False])
    assert not spelling.judged_fine(memo["zorbleflux", False])  # the document may still clear it: judged again
    assert not spelling.judged_fine(None)  # not judged yet


def split_words_token_by_token(doc: Document, data: spelldata.SpellData) -> list[tuple[int, int, str, str]]:
    """``split_words`` as it was written first: every pair of tokens in a row looked at."""
    out, text, toks = [], doc.text, doc.tokens
    for a, b in zip(toks, toks[1:], strict=False):
        x, y = a.text, b.text
        halves = [len(w) >= 2 and w.isalpha() and w.islower() for w in (x, y)]
        if not all(halves) or a.kind != "word" or b.kind != "word":
            continue
        if b.start == a.end + 1 and text[a.end] == " " and (spelling.fragment(x, data) or spelling.fragment(y, data)):
            fixed = spelling.rejoined(x, y, data)
            if fixed:
                out.append((a.start, b.end, f"{x} {y}", fixed))
    return out


def test_split_words_looks_beside_fragments_only_and_finds_every_pair() -> None:
    data = spelldata.load()
    texts = [
        TEXT,
        "go ing home\n\nIt was fo rthe show, and we are go ing there. The go ing was good go ing",
        "ing go\n\nwe are  go ing, go\ning and Go ing; the fo rthe and the fo-rthe. go ing",
    ]
    for text in texts:
        doc = document(text)
        expected = split_words_token_by_token(doc, data)
        assert list(spelling.split_words(doc, data)) == expected
        assert list(spelling.split_words(document(text), data, {})) == expected
    assert len(split_words_token_by_token(document(texts[1]), data)) >= 4


def eager(word: str, verdict: spelling.Verdict) -> list[str]:
    """The suggestions judge_word made before they were put off until a word is reported."""
    assert verdict is not None
    fixes = verdict[1]
    if word[:1].isupper() and fixes:  # a capitalized slip: the word it slips from first
        return [fixes[0]] + [s for s in spell_words.suggestions(word) if s.lower() != fixes[0].lower()]
    return spell_words.suggestions(word)


PUT_OFF = ["zorbleflux", "Washingon", "Firday", "politicial", "consenus", "Neidl", "beloned", "Sleppy", "thinked"]


def test_put_off_suggestions_are_the_ones_made_at_once() -> None:
    data = spelldata.load()
    for word in PUT_OFF:
        verdict, depends = spelling.judge_word(word, word == "Sleppy", "en", RULE.options, data)
        assert verdict is not None and depends, word
        assert isinstance(verdict[1], spelling.Pending), word
        assert verdict[1].completed() == eager(word, verdict), word


def test_suggestions_are_made_only_for_a_reported_word() -> None:
    shared: dict = {}
    text = "The zorbleflux, a zorbleflux and the zorbleflux: she said the politicial mood was sour.\n"
    found = {text[f.start : f.end]: f for f in run(Context(cache=shared), text)}
    memo = next(v for k, v in shared.items() if k[0] == "spelling.words")
    assert "politicial" in found and "zorbleflux" not in found  # written three times: deliberate
    assert isinstance(memo["zorbleflux", False][0][1], spelling.Pending)  # cleared: no suggestions made
    reported = memo["politicial", False][0]
    assert not isinstance(reported[1], spelling.Pending)  # completed, and kept so
    assert reported[1] == spell_words.suggestions("politicial")
    assert found["politicial"].suggestions[0] == "political"
