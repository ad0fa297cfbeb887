"""The ``boilerplate_phrase`` kind: whole short lines, phrases gated by keys worked out from them, option checks."""

from __future__ import annotations

import random

import pytest
from harness import found

from newslint.document.readers import read_document
from newslint.document.source import Source
from newslint.engine.kinds import boilerplate_phrase
from newslint.engine.loader import ConfigError, build_rule
from newslint.engine.support import boilerplate_lines
from newslint.engine.support.boilerplate_lines import holding_keys

BASE = {
    "id": "test.furniture",
    "kind": "boilerplate_phrase",
    "severity": "warning",
    "message": "'{match}'",
    "description": "Page furniture.",
    "examples": {"flag": ["x"], "pass": ["y"]},
}


def rule(**options):
    return build_rule({**BASE, **options}, "test.yaml")


def lint(text: str, **options) -> list[dict]:
    r = rule(**options)
    return found(text, r.id, rules=[r])


def texts(text: str, findings: list[dict]) -> list[str]:
    lines = text.split("\n")
    return [lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] for f in findings]


def test_a_line_is_reported_only_when_the_pattern_matches_it_whole() -> None:
    text = "Talks end.\n\n  Leave a Reply  \n\nHe did not leave a reply on Monday."
    found = lint(text, lines=["leave a reply"])
    assert texts(text, found) == ["Leave a Reply"]
    fix = found[0]["fix"]  # the whole block: its line, the spaces around the words included
    assert (fix["replacement"], fix["safe"]) == ("", False)
    assert (fix["line"], fix["column"], fix["end_line"], fix["end_column"]) == (3, 1, 3, 18)


def test_lines_longer_than_max_chars_are_not_tried() -> None:
    text = "Talks end.\n\nSubscribe now to read every story we publish."
    assert lint(text, lines=["subscribe now.*"])
    assert not lint(text, lines=["subscribe now.*"], **{"max-chars": 20})


def test_phrases_are_found_inside_blocks() -> None:
    text = "Talks end.\n\nNote: Your email address will not be published. Thanks."
    found = lint(text, phrases=["your email address will not be published"])
    assert texts(text, found) == ["Your email address will not be published"]


def test_the_keys_are_worked_out_from_the_phrases() -> None:
    r = rule(phrases=["(?:accept|reject) (?:all )?cookies", "(?:view|show) comments", r"©[ \t]*\d{4}"])
    assert set(r.compiled.keys) == {"©", " comments", "cookies"}


def test_a_phrase_with_no_key_to_work_out_has_every_block_searched() -> None:
    phrases = ["we use cookies", r"\d{4,}"]
    assert rule(phrases=phrases).compiled.keys is None
    text = "Talks end.\n\nCall 2024"
    assert texts(text, lint(text, phrases=phrases)) == ["2024"]


def test_hand_kept_keys_are_accepted_and_have_no_effect() -> None:
    text = "Talks end.\n\nYour email address will not be published."
    found = lint(text, phrases=["your email address will not be published"], keys=["akismet"])
    assert texts(text, found) == ["Your email address will not be published"]


def test_a_builtin_phrase_whose_words_no_hand_kept_key_held_is_found() -> None:
    # image-credit's hand-kept keys were ". by ", ". photo by "...: a credit after "!" was never searched.
    text = "The talks ended on Monday.\n\nThe storm hit the coast hard on Monday! By JOHN SMITH"
    credits = found(text, "boilerplate.image-credit")
    assert texts(text, credits) == ["The storm hit the coast hard on Monday! By JOHN SMITH"]


def test_keys_are_matched_against_lower_case_text_with_offsets_kept() -> None:
    # "İ" lower-cases to two characters: the offsets must still point at the phrase.
    text = "İstanbul talks end.\n\nWE USE COOKIES on this site."
    found = lint(text, phrases=["we use cookies"])
    assert texts(text, found) == ["WE USE COOKIES"]


def test_exceptions_keep_a_matched_line() -> None:
    text = "Talks end.\n\nPrint\n\nShare"
    found = lint(text, lines=["print|share"], exceptions=["print"])
    assert texts(text, found) == ["Share"]


@pytest.mark.parametrize(
    ("options", "key"),
    [
        ({}, "lines"),
        ({"phrases": ["x"], "keys": [{"a": 1}]}, "keys"),
        ({"phrases": [""]}, "phrases"),
        ({"lines": ["("]}, "lines"),
        ({"lines": ["x"], "max-chars": 0}, "max-chars"),
    ],
)
def test_bad_options_are_refused(options: dict, key: str) -> None:
    with pytest.raises(ConfigError, match=key):
        rule(**options)


def test_block_words_reports_the_whole_short_block_holding_a_phrase() -> None:
    text = "Talks end.\n\nMissing out? Enter your email below to receive our news. No spam."
    whole = lint(text, phrases=["enter your email below"], **{"block-words": 20})
    assert texts(text, whole) == ["Missing out? Enter your email below to receive our news. No spam."]
    part = lint(text, phrases=["enter your email below"], **{"block-words": 5})
    assert texts(text, part) == ["Enter your email below"]


def test_phrases_read_cyrillic_look_alike_letters_as_latin() -> None:
    text = "Talks end.\n\nАdvеrtіѕе wіth us today and reach the island."
    found = lint(text, phrases=["advertise with us"])
    assert texts(text, found) == ["Аdvеrtіѕе wіth us"]
    assert lint("Talks end.\n\nРеклама на сайте.", phrases=["advertise"]) == []


def test_line_regexes_wait_for_a_short_line_holding_one_of_their_strings() -> None:
    from newslint.api import lint_text, make_linter
    from newslint.engine.loader import builtin_rules_dir, load_rules
    from newslint.settings.config import Config

    rules = load_rules(builtin_rules_dir() / "boilerplate", defer=True)
    rule = next(r for r in rules if r.id == "boilerplate.read-time")
    assert rule.compiled.line_keys and all(k == k.lower() for k in rule.compiled.line_keys)
    linter = make_linter(Config(select=["boilerplate.read-time"]), rules)
    plain = "Talks end\n\nThe talks ended on Monday after a long night.\n"
    assert lint_text(plain, "a.txt", linter) == [] and not rule.compiled.lines.is_compiled
    found_lines = lint_text("Talks end\n\n4 min read\n\nThe talks ended on Monday.\n", "a.txt", linter)
    assert [f["line"] for f in found_lines] == [3] and rule.compiled.lines.is_compiled


def test_phrase_blocks_are_found_whatever_the_case_look_alikes_and_dotted_capitals() -> None:
    cyrillic = "Sign up for our nеwslеttеr today."  # the e's are Cyrillic
    for text in ("SIGN UP FOR OUR NEWSLETTER today.", cyrillic, "İstanbul news. Sign Up for our Newsletter."):
        got = lint(f"Markets rally\n\n{text}\n\nShares rose.", phrases=["sign up for our newsletter"])
        assert [f["line"] for f in got] == [3], text


def test_a_key_across_two_blocks_finds_neither() -> None:
    doc = read_document(Source("a.txt", "Markets rally\n\nPlease sign up for our\n\nnewsletter now."), None)
    assert boilerplate_phrase._blocks_with_keys(doc, ("sign up for our newsletter",)) == []
    assert boilerplate_phrase._blocks_with_keys(doc, ("newsletter", "rally")) == [0, 2]


def test_spans_holding_keys_are_those_a_test_of_each_span_finds() -> None:
    rng = random.Random(5)
    for _ in range(300):
        text = "".join(rng.choice("ab \n") for _ in range(rng.randint(0, 60)))
        cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, 2 * rng.randint(0, 5))))
        starts, ends = cuts[0::2], cuts[1::2]
        starts = starts[: len(ends)]
        keys = tuple({"".join(rng.choice("ab ") for _ in range(rng.randint(1, 3))) for _ in range(3)})
        expected = [i for i, (s, e) in enumerate(zip(starts, ends, strict=True)) if any(k in text[s:e] for k in keys)]
        assert holding_keys(text, starts, ends, keys) == expected, (text, starts, ends, keys)


def test_blocks_with_keys_are_the_same_when_the_document_is_too_long_to_lower_whole(monkeypatch) -> None:
    text = "Markets rally\n\nPlease SIGN UP for our\n\nnewsletter now. Sign up for our newsletter.\n\nShares rose."
    doc = read_document(Source("a.txt", text), None)
    keys = ("newsletter", "rally", "sign up for our newsletter", "up for", "rose.")
    whole = boilerplate_phrase._blocks_with_keys(doc, keys)
    monkeypatch.setattr(boilerplate_lines, "MAX_LOWERED", 10)
    doc = read_document(Source("a.txt", text), None)
    assert boilerplate_phrase._blocks_with_keys(doc, keys) == whole == [0, 1, 2, 3]


@pytest.mark.parametrize("batch", [1, 7, 40, 1 << 16])
def test_a_long_documents_blocks_lowered_in_batches_hold_the_keys_each_block_holds(monkeypatch, batch) -> None:
    """Each batch of blocks is lowered at once: a key across two blocks of one batch, or a
    dotted capital İ anywhere, finds no block a test of each block alone would not."""
    monkeypatch.setattr(boilerplate_lines, "MAX_LOWERED", 10)
    monkeypatch.setattr(boilerplate_phrase, "BATCH_CHARS", batch)
    rng = random.Random(batch)
    for _ in range(200):
        words = [rng.choice(["Sign", "up", "UP", "for our", "newsletter", "İt", "rally", "x"]) for _ in range(30)]
        text = "".join(w + rng.choice([" ", " ", "\n\n", "\n"]) for w in words)
        doc = read_document(Source("a.txt", text), None)
        keys = tuple(rng.sample(["sign up", "up for our", "newsletter", "rally x", "r\n\nr", "p\nf", "up"], 2))
        full = boilerplate_phrase._lowering(doc)
        expected = [
            i for i, b in enumerate(doc.blocks) if boilerplate_phrase._holds(doc.text, b.start, b.end, full, keys)
        ]
        assert boilerplate_phrase._blocks_with_keys(doc, keys) == expected, (text, keys)


def test_line_keys_are_looked_for_in_each_short_line_alone() -> None:
    text = "Markets rally\n\nShare this\nstory now.\n\nShare This Story\n\n" + "Long line. " * 20 + "share this story"
    doc = read_document(Source("a.txt", text), None)
    lines, low, starts, ends = boilerplate_phrase._short_lines(doc, 160)
    assert [line.text for line in lines] == ["Markets rally", "Share this", "story now.", "Share This Story"]
    assert [lines[i].text for i in holding_keys(low, starts, ends, ("this story",))] == ["Share This Story"]
