"""The needed-character pre-check: right where it applies, absent where unsure, same matches."""

import pytest
import regex

from newslint.engine.regexes import find
from newslint.engine.regexneeds import needed_chars, needed_literals

FLAGS = int(regex.V0 | regex.MULTILINE)


@pytest.mark.parametrize(
    ("source", "need"),
    [
        (r"(?<=\d)[ \u00a0]+%", "%"),
        ("[“”]", "“”"),
        (r"—|(?<=\S) – (?=\S)", "–—"),
        (r"(?: --(?= \S)|--(?=\w))", "-"),
        (r"(?<=x)y", "y"),
        (r"\p{Lu}x", "x"),  # a property is one character of a class: no need of its own
        (r"(?<=\p{Latin})[\u200c\u200d](?=\p{Latin})", "\u200c\u200d"),
    ],
)
def test_needed_characters(source: str, need: str) -> None:
    assert needed_chars(source, FLAGS) == need


@pytest.mark.parametrize(
    "source",
    [r"(?i)abc", r"(?i:a)b", r"foo{e<=1}", r"[[:alpha:]]", r"\p{Lu}", r"a*", r"\w+", r"[^%]", r"a|\d", r"."],
)
def test_no_precheck_when_unsure_or_unbounded(source: str) -> None:
    assert needed_chars(source, FLAGS) is None


def test_ignore_case_flag_gives_no_precheck() -> None:
    assert needed_chars("abc", FLAGS | regex.IGNORECASE) is None


@pytest.mark.parametrize(
    "source",
    [r"(?<=\d)[ \u00a0]+%", r"—|(?<=\S) – (?=\S)", r"(?<=a)b+", r"b(?=\n)", r"[\x00-\x08\u2013-\u2020]", r"[k-z]"],
)
def test_find_gives_the_same_matches_as_finditer(source: str) -> None:
    pattern = regex.compile(source, FLAGS)
    text = "ab 5 % and 6% — x – y\nab\n\nbb\nno match here\n"
    for start, end in [(0, len(text)), (2, 9), (10, 20), (len(text) - 14, len(text)), (23, 26)]:
        got = [m.span() for m in find(pattern, text, start, end)]
        assert got == [m.span() for m in pattern.finditer(text, start, end)]


def test_wide_sets_are_checked_against_the_text_not_searched() -> None:
    assert len(needed_chars(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]", FLAGS)) == 62
    pattern = regex.compile(r"[\x00-\x08\x80-\x9f]", FLAGS)
    assert list(find(pattern, "clean text only")) == []
    assert [m.span() for m in find(pattern, "one \x85 here", 0, 8)] == [(4, 5)]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("as an amazon associate", ("as an amazon associate",)),
        (r"\d+ comments?", (" comment",)),
        (r"(?<=\d )reply$", ("reply",)),
        (r"^[a-z]+(?=\n(?:read|min))", ("min", "read")),
        (r"[\p{Lu}]+ by\b", (" by",)),
        ("free shoutcast|stream", ("free shoutcast", "stream")),
        ("x(?:foo){e<=1}", None),  # regex's fuzzy matching: not read
        (r"\d{4,}", None),
        ("café", ("caf",)),  # a letter outside ASCII ends the string
    ],
)
def test_needed_literals(pattern: str, expected: tuple[str, ...] | None) -> None:
    assert needed_literals(pattern) == expected
