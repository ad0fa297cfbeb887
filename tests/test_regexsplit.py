"""A pattern searched branch by branch finds the matches it finds whole, groups and all."""

import random
import zlib

import pytest
import regex
import yaml

from newslint import builtin_rules_dir
from newslint.engine import regexes
from newslint.engine.regexes import Deferred, find
from newslint.engine.regexsplit import top_branches

FLAGS = regex.V0 | regex.MULTILINE


@pytest.mark.parametrize(
    ("source", "branches"),
    [
        ("ab|cd", ("ab", "cd")),
        ("(?x) a b | [|] c # a|comment\n | d", ("(?x) a b ", "(?x) [|] c # a|comment\n ", "(?x) d")),
        (r"(a|b)c|\|d", ("(a|b)c", r"\|d")),
        ("[]|]x|y", ("[]|]x", "y")),
    ],
)
def test_top_branches(source: str, branches: tuple[str, ...]) -> None:
    assert top_branches(source) == branches


@pytest.mark.parametrize(
    "source",
    ["abc", "(a|b)", "a|b?", r"(a)|\1b", "a|(?i)b", "a|(?=b)", "foo{e<=1}|bar", "(a|b"],
)
def test_no_branches_when_one_cannot_stand_alone(source: str) -> None:
    assert top_branches(source) is None


def _same(pattern: Deferred, whole: regex.Pattern[str], text: str, start: int, end: int) -> None:
    got = [(m.span(), m.groupdict(), m.groups()) for m in find(pattern, text, start, end)]
    expected = [(m.span(), m.groupdict(), m.groups()) for m in whole.finditer(text, start, end)]
    assert got == expected, (whole.pattern, text, start, end)


PIECES = ["a", "b", "(?P<x>a)", r"\w", "[ab]", " ", "(?<=a)b", "b(?=a)", r"\b", "(?:a|b)", "$", "^", "(?<!b)a"]


@pytest.mark.parametrize("seed", range(80))
def test_random_alternations(seed: int) -> None:
    rng = random.Random(seed)
    branches = ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 3))) + "+" for _ in range(rng.randint(2, 4))]
    source = "|".join(branches)
    if top_branches(source) is None:
        return
    pattern = Deferred(source, "pattern")
    whole = regex.compile(source, FLAGS)
    for _ in range(40):
        text = "".join(rng.choice("ab x\n") for _ in range(rng.randint(0, 30)))
        start = rng.randint(0, len(text))
        _same(pattern, whole, text, start, rng.randint(start, len(text)))


def _split_patterns() -> list[tuple[str, bool, list[str]]]:
    """The built-in rules' patterns that have top-level branches, with their rules' examples."""
    out = []
    for path in sorted(builtin_rules_dir().rglob("*.yaml")):
        rule = yaml.safe_load(path.read_text(encoding="utf-8"))
        source = rule.get("pattern")
        if isinstance(source, str) and top_branches(source):
            examples = [e for v in rule.get("examples", {}).values() for e in v]
            out.append((source, bool(rule.get("ignore-case")), examples))
    return out


SPLIT = [pytest.param(*case, id=case[0][:30]) for case in _split_patterns()]
ALPHABET = "aAbz1 .,;:!?%$£—–-'\"“”‘’«»()[]\t\n\u00a0" + "e" * 8 + " " * 6


def test_some_built_in_patterns_have_branches() -> None:
    assert len(SPLIT) >= 2


@pytest.mark.parametrize(("source", "ignore_case", "examples"), SPLIT)
def test_built_in_patterns_find_the_same_matches(source: str, ignore_case: bool, examples: list[str]) -> None:
    pattern = Deferred(source, "pattern", ignore_case)
    whole = regex.compile(source, FLAGS | (regex.IGNORECASE if ignore_case else 0))
    rng = random.Random(zlib.crc32(source.encode()))
    texts = examples + ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 80))) for _ in range(400)]
    for text in texts:
        _same(pattern, whole, text, 0, len(text))
        _same(pattern, whole, text, len(text) // 3, len(text))


def test_only_the_branches_a_text_may_hold_are_searched(monkeypatch) -> None:
    pattern = Deferred(r"(?P<a>x )+y|(?P<b>--)z|(?P<c>qq)", "pattern")
    searched: list[str] = []
    real = regexes._next

    def spy(branch: Deferred, *args: object) -> object:
        searched.append(branch.source)
        return real(branch, *args)

    monkeypatch.setattr(regexes, "_next", spy)
    got = [(m.span(), m.group("a"), m.group("c")) for m in find(pattern, "x x y and qq x y", 0, 16)]
    assert got == [((0, 5), "x ", None), ((10, 12), None, "qq"), ((13, 16), "x ", None)]
    assert set(searched) == {r"(?P<a>x )+y", "(?P<c>qq)"}


def test_one_branch_left_is_searched_in_one_pass() -> None:
    pattern = Deferred(r"(?P<a>x )+y|(?P<b>--)z", "pattern")
    got = [(m.span(), m.group("a"), m.group("b")) for m in find(pattern, "x x y and x y", 0, 13)]
    assert got == [((0, 5), "x ", None), ((10, 13), "x ", None)]
