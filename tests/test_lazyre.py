"""Standard-library patterns compiled on first use behave as compiled ones."""

from __future__ import annotations

import re

from newslint.document.lazyre import lazy


def test_a_lazy_pattern_compiles_on_first_use_only_and_answers_as_re_does() -> None:
    source, text = r"(?P<word>[a-z]+)(\d)?", "ab1 Cd xy2"
    pattern, eager = lazy(source, re.IGNORECASE), re.compile(source, re.IGNORECASE)
    assert not pattern.is_compiled and pattern.pattern == source
    assert pattern.search(text, 1).span() == eager.search(text, 1).span()  # type: ignore[union-attr]
    first = pattern.compiled
    assert pattern.is_compiled and pattern.compiled is first
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert pattern.findall(text) == eager.findall(text)
    assert pattern.match(text, 4, 6)[0] == "Cd"  # type: ignore[index]
    assert pattern.fullmatch("xy2") is not None and pattern.fullmatch("xy2 ") is None
    assert pattern.sub(lambda m: m["word"].upper(), text, 2) == eager.sub(lambda m: m["word"].upper(), text, 2)
    assert pattern.split(text) == eager.split(text)


def test_a_lazy_pattern_that_is_never_used_is_never_compiled(monkeypatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("compiled")

    monkeypatch.setattr(re, "compile", refuse)
    pattern = lazy(r"never+")
    assert pattern.pattern == "never+" and not pattern.is_compiled
