"""The ``boilerplate_teaser`` kind: teasers after a marker and before a "Read more" link."""

from __future__ import annotations

from harness import found

from newslint.engine.loader import build_rule

BASE = {
    "id": "test.teaser",
    "kind": "boilerplate_teaser",
    "severity": "warning",
    "message": "'{match}' ({marker})",
    "description": "Another article.",
    "endings": [r"\[…\]"],
    "examples": {"flag": ["x"], "pass": ["y"]},
}
BODY = "Talks End\n\nThe talks ended on Monday, officials said.\n\n"


def lint(text: str, **options) -> list[tuple[int, int]]:
    r = build_rule({**BASE, **options}, "test.yaml")
    return [(f["line"], f["end_line"]) for f in found(text, r.id, rules=[r])]


def test_repeated_teasers_after_a_marker_make_one_finding() -> None:
    text = BODY + "Related\n\nA Bridge Opens\n\nIt took four years […]\n\nFloods Close Roads\n\nRain fell […]\n"
    assert lint(text, markers=["related"], **{"max-teasers": 5}) == [(7, 13)]
    assert lint(text, markers=["related"]) == [(7, 9)]


def test_a_sentence_case_headline_counts_only_with_headline_words() -> None:
    text = BODY + "Related Coverage\n\nFactbox: key winners at the awards\n\nThe prize went to the cast.\n"
    assert lint(text, markers=["related coverage"]) == []
    assert lint(text, markers=["related coverage"], **{"headline-words": 20}) == [(7, 7)]


def test_title_excerpt_and_read_more_make_a_teaser_without_marker() -> None:
    teaser = "A new bridge opens in May\n\nThe bridge took four years to build.\n\nRead more\n"
    assert lint(BODY + teaser, more=["read more"], **{"headline-words": 20}) == [(5, 9)]


def test_the_last_paragraph_before_a_read_more_box_is_not_a_teaser() -> None:
    text = BODY + "Both sides will meet again in May.\n\nRead more\n\nFloods close roads across the north\n"
    assert lint(text, more=["read more"], **{"headline-words": 20}) == []


def test_read_more_with_a_colon_is_a_label_not_a_link() -> None:
    text = BODY + "A new bridge opens in May\n\nThe bridge took four years to build.\n\nRead more:\n\nThe Herald\n"
    assert lint(text, more=["read more"], **{"headline-words": 20}) == []


def test_prose_words_takes_a_short_paragraph_after_the_marker_past_labels() -> None:
    bio = "About the author\n\nLinkedIn\n\nJane Smith has covered diplomacy since 2010.\n\nShe lives in Vienna.\n"
    assert lint(BODY + bio, markers=["about the author"], **{"prose-words": 50}) == [(7, 9)]
    assert lint(BODY + bio, markers=["about the author"], **{"prose-words": 3}) == [(7, 7)]
    assert lint(BODY + bio, markers=["about the author"]) == [(7, 7)]


def test_a_user_rule_with_a_bad_regex_fails_at_load_and_a_builtin_one_compiles_on_first_use() -> None:
    import pytest

    from newslint.engine.loader import builtin_rules_dir, load_rules
    from newslint.engine.regexes import deferring
    from newslint.settings.yamlfile import ConfigError

    with pytest.raises(ConfigError) as err:
        build_rule({**BASE, "markers": ["(unclosed"]}, "test.yaml")
    assert err.value.key == "markers"
    with deferring():
        r = build_rule({**BASE, "markers": ["next post"]}, "test.yaml")
    marker, ending, more = r.compiled
    assert more is None and not marker.is_compiled and not ending.is_compiled
    assert lint(BODY + "Next Post\n\nFloods Close Roads\n\nThe rain began on Sunday […]", markers=["next post"])
    teasers = [r for r in load_rules(builtin_rules_dir()) if r.kind in ("boilerplate_teaser", "boilerplate_outside")]
    assert len(teasers) == 3
    assert not any(
        p.is_compiled for r in teasers for p in (r.compiled if isinstance(r.compiled, tuple) else [r.compiled]) if p
    )
