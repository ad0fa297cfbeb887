"""The needed-strings pre-check: right where it applies, absent where unsure, never skipping a match."""

import random
import zlib
from typing import Any

import pytest
import regex
import yaml

from newslint import builtin_rules_dir
from newslint.engine.regexes import find
from newslint.engine.regexfactors import needed_strings

FLAGS = int(regex.V0 | regex.MULTILINE)


@pytest.mark.parametrize(
    ("source", "need"),
    [
        (r"(?<=\d)[ \u00a0]+%", (" %", "\xa0%")),
        (r"(?<=\w)[ \t]+(?P<mark>[,;])", ("\t,", "\t;", " ,", " ;")),
        (r"[ \u00a0]{2,}(?=\w)", ("  ", " \xa0", "\xa0 ", "\xa0\xa0")),
        (r"(?:foo|bar)\d", ("bar", "foo")),
        (r"x(?=y)z", ("xz",)),  # looking ahead consumes nothing: x and z lie side by side
        (r"a x?b", ("a ",)),  # an optional part parts the two sides
        (r"\p{Lu}ab", ("ab",)),  # a property: one character of a class
        (r"\w+(?:--|~~)\w", ("--", "~~")),
        (r"(?<=[.!?])[”\"’»]\.(?!\.)", ('".', "».", "’.", "”.")),
    ],
)
def test_needed_strings(source: str, need: tuple[str, ...]) -> None:
    assert needed_strings(source, FLAGS) == need


@pytest.mark.parametrize(
    "source",
    [
        r"(?i)ab",  # without regard to case
        r"(?i:ab)c",
        r"foo{e<=1}",  # regex's fuzzy matching
        r"\p{Lu}",
        r"%",  # one character: regexneeds' business
        r"a|bc",  # one branch needs one character only
        r"\w+ \w+",
        r"(?P<m>a)b|(?P<m>c)d",  # a name used twice: the standard parser refuses it
        r"(a)\1",
        "[" + "".join(chr(c) for c in range(0x41, 0x41 + 30)) + "]x",  # too many strings
    ],
)
def test_no_strings_when_unsure_or_weak(source: str) -> None:
    assert needed_strings(source, FLAGS) is None


def _texts(options: Any) -> list[str]:
    """Every string in a rule's options (patterns among them)."""
    if isinstance(options, str):
        return [options]
    if isinstance(options, dict):
        return [s for v in options.values() for s in _texts(v)]
    if isinstance(options, list):
        return [s for v in options for s in _texts(v)]
    return []


def _built_in_patterns() -> list[tuple[regex.Pattern[str], list[str]]]:
    """The built-in rules' patterns (every string of their files but a few) whose needed strings
    hold a mark or a space (random text can match those), each with its rule's examples."""
    out = []
    for path in sorted(builtin_rules_dir().rglob("*.yaml")):
        rule = yaml.safe_load(path.read_text(encoding="utf-8"))
        flags = FLAGS | (regex.IGNORECASE if rule.get("ignore-case") else 0)
        examples = _texts(rule.get("examples", {}))
        for source in _texts({k: v for k, v in rule.items() if k not in NOT_PATTERNS}):
            try:
                pattern = regex.compile(source, flags)
            except regex.error:
                continue
            need = needed_strings(source, flags)
            if need and any(not c.isalpha() for s in need for c in s):
                out.append((pattern, examples))
    return out


NOT_PATTERNS = ("id", "kind", "severity", "message", "description", "examples", "scope")
PATTERNS = [pytest.param(p, e, id=p.pattern[:40]) for p, e in _built_in_patterns()]
ALPHABET = "aAbz1 .,;:!?%$£—–-'\"“”‘’«»()[]\t\n\u00a0" + "e" * 8 + " " * 6


def _random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 120))) for _ in range(count)]


def test_the_built_in_rules_have_patterns_with_needed_strings() -> None:
    assert len(PATTERNS) >= 5


@pytest.mark.parametrize(("pattern", "examples"), PATTERNS)
def test_every_match_holds_a_needed_string(pattern: regex.Pattern[str], examples: list[str]) -> None:
    need = needed_strings(pattern.pattern, pattern.flags)
    assert need is not None
    texts = examples + _random_texts(zlib.crc32(pattern.pattern.encode()), 400)
    texts += [m for t in texts for m in (t.replace("e", "  "), t.replace(" ", "\u00a0 "))]
    for text in texts:
        for m in pattern.finditer(text):
            if m.end() > m.start():
                assert any(s in m.group() for s in need), (pattern.pattern, m.group())


@pytest.mark.parametrize(("pattern", "examples"), PATTERNS)
def test_find_gives_the_same_matches_as_finditer(pattern: regex.Pattern[str], examples: list[str]) -> None:
    for text in examples + _random_texts(7, 300) + ["He said , no .  Then  $ 5 -- and 5 %.", "x\u00a0% y ; z"]:
        for start, end in [(0, len(text)), (len(text) // 3, len(text)), (2, max(2, len(text) - 5))]:
            got = [m.span() for m in find(pattern, text, start, end)]
            assert got == [m.span() for m in pattern.finditer(text, start, end)]
