"""Property tests over random and structured text, Markdown and HTML with every built-in rule.

Linting never raises nor reports an internal error; every span lies on a real line and column
of the stored file with its start not after its end; the same input gives the same findings;
line endings do not move findings; ``--fix`` settles and a second ``--fix`` changes nothing.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.api import builtin_rules, make_linter
from newslint.document.source import Source
from newslint.engine.findings import Place, Placed
from newslint.engine.lint import FileResult, Linter
from newslint.settings.config import Config

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)

WORDS = (
    "The minister said China china Mr. Smith U.S. on Tuesday that talks would resume Sleppy HostingRadio "
    "teh recieve colour color café naïve São Paulo 3.5% 3,000 10am £5 €20 — – - ... … ! ? , ; : "
    "“quoted” \"straight\" ‘single’ 'single' ( ) [ ] Leave a Reply Next Post Subscribe Share this "
    "Ã© â€™ &amp; &nbsp; www.example.com https://example.com/a?b=c user@example.org #hashtag @handle "
    "😀 👍🏽 e\u0301 \u200b \u00a0 \u202e שלום مرحبا 中文 ALLCAPS iPhone e-mail it's don’t 1990s"
).split(" ")

word = st.sampled_from(WORDS) | st.text(min_size=1, max_size=8)
sentence = st.lists(word, min_size=1, max_size=14).map(" ".join).map(lambda s: s + st_end(s))
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)


def st_end(s: str) -> str:
    return "" if s[-1:] in ".!?" else "."


@st.composite
def plain_articles(draw: st.DrawFn) -> str:
    """A headline and paragraphs, some repeated, some split over lines."""
    paras = draw(st.lists(paragraph, min_size=0, max_size=6))
    if paras and draw(st.booleans()):
        paras.append(draw(st.sampled_from(paras)))
    head = draw(st.lists(word, min_size=1, max_size=8).map(" ".join))
    sep = draw(st.sampled_from(["\n\n", "\n", "\n\n\n", "\n \n"]))
    return sep.join([head, *paras]) + draw(st.sampled_from(["", "\n", "\n\n"]))


MD_BLOCKS = [
    lambda t: f"# {t}",
    lambda t: f"## {t}",
    lambda t: f"- {t}\n- {t[::-1]}",
    lambda t: f"1. {t}\n2. more",
    lambda t: f"> {t}",
    lambda t: f"```\n{t}\n```",
    lambda t: f"| a | b |\n|---|---|\n| {t} | x |",
    lambda t: f"*{t}* and **{t[:5]}** with `code` and [a link]({t[:3]}) ![img](x.png)",
    lambda t: f"<div>{t}</div>",
    lambda t: f"{t}  \nhard break\\\nand escape \\* &amp; &#169;",
    lambda t: f"<!-- newslint-disable -->\n{t}\n<!-- newslint-enable -->",
    lambda t: f"    indented code {t}",
    lambda t: f"{t}\n===",
    lambda t: t,
]


@st.composite
def markdown_articles(draw: st.DrawFn) -> str:
    blocks = [draw(st.sampled_from(MD_BLOCKS))(draw(paragraph)) for _ in range(draw(st.integers(0, 6)))]
    if draw(st.booleans()):
        title = draw(paragraph).replace('"', "'")
        fm = draw(st.sampled_from([f'---\ntitle: "{title}"\ntags: [a, b]\n---', f"---\ntitle: {title}\n", "---\n..."]))
        blocks.insert(0, fm)
    return "\n\n".join(blocks) + "\n"


TAGS = ["p", "div", "h1", "h2", "li", "ul", "blockquote", "figcaption", "td", "span", "b", "a", "em", "script"]


@st.composite
def html_fragments(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        choice = draw(st.integers(0, 9 if depth < 4 else 3))
        if choice <= 3:
            parts.append(draw(paragraph).replace("<", "&lt;"))
        elif choice == 4:
            parts.append(draw(st.sampled_from(["<br>", "<br/>", "<hr>", "&amp;", "&#8217;", "&bogus;", "</p>", "<p"])))
        elif choice == 5:
            parts.append(f"<!-- {draw(paragraph)} -->")
        else:
            tag = draw(st.sampled_from(TAGS))
            attrs = draw(st.sampled_from(["", ' class="x"', " href='/a?b=1&c=2'", " data-x=<>"]))
            close = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", ""]))
            parts.append(f"<{tag}{attrs}>{draw(html_fragments(depth + 1))}{close}")
    return draw(st.sampled_from(["", "\n", " "])).join(parts)


html_articles = html_fragments().map(lambda body: f"<html><head><title>x</title></head><body>{body}</body></html>")
random_text = st.text(max_size=400)
ARTICLES = st.one_of(
    st.tuples(plain_articles(), st.just("a.txt")),
    st.tuples(markdown_articles(), st.just("a.md")),
    st.tuples(html_articles, st.just("a.html")),
    st.tuples(random_text, st.sampled_from(["a.txt", "a.md", "a.html"])),
)


@lru_cache(maxsize=1)
def every_rule_linter() -> Linter:
    """Every built-in rule, those off by default too; grammar needs a LanguageTool server."""
    ids = [r.id for r in builtin_rules() if r.category != "grammar"]
    return make_linter(Config(select=ids))


def lint(data: bytes, path: str) -> FileResult:
    return every_rule_linter().lint_bytes(path, data, Path(path))


def stored_lines(result: FileResult) -> list[str]:
    """The lines of the file as stored and decoded (line endings of every kind split lines)."""
    assert result.source is not None
    return result.source.raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def check_span(source: Source, lines: list[str], where: Place) -> None:
    """A span lies on real lines and columns of the stored file, start not after end, and its
    stored offsets are those of its lines and columns."""
    line, col, end_line, end_col = where.line, where.column, where.end_line, where.end_column
    assert 1 <= line <= len(lines) and 1 <= end_line <= len(lines), where
    assert 1 <= col <= len(lines[line - 1]) + 1, where
    assert 1 <= end_col <= len(lines[end_line - 1]) + 1, where
    assert (line, col) <= (end_line, end_col), where
    assert where.start == source.raw_offset(source.offset(line, col)), where
    assert where.end == source.raw_offset(source.offset(end_line, end_col)), where


def check_result(result: FileResult) -> None:
    """No internal error, and every span on a real line and column of the stored file."""
    assert not result.error, result.messages
    assert not [m for m in result.messages if "internal error" in m], result.messages
    if result.source is None:  # skipped (binary): said so, once
        assert len(result.messages) == 1, result.messages
        return
    lines = stored_lines(result)
    for f in result.findings:
        check_span(result.source, lines, f.place)
        if f.fix is not None and f.fix.place is not None:
            check_span(result.source, lines, f.fix.place)
        for rel in f.related:
            check_span(result.source, lines, rel.place)


def key(findings: list[Placed]) -> list[tuple]:
    return [(f.rule, *f.place.position().values(), f.message) for f in findings]


@FUZZ
@given(ARTICLES)
def test_structured_articles_lint_cleanly_with_valid_spans(article: tuple[str, str]) -> None:
    text, path = article
    data = text.encode("utf-8")
    result = lint(data, path)
    check_result(result)
    assert lint(data, path).findings == result.findings  # deterministic


BYTES = st.one_of(
    st.binary(max_size=300),
    st.tuples(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"]), st.binary()).map(
        b"".join
    ),
)
# Articles with bytes that are not UTF-8 (cp1252 letters, stray continuation and lead bytes) here and there.
MIXED = st.tuples(ARTICLES, st.lists(st.tuples(st.integers(0, 10_000), st.binary(min_size=1, max_size=3)), max_size=6))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(BYTES, st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_random_bytes_give_findings_or_a_message(data: bytes, path: str) -> None:
    result = lint(data, path)
    if result.source is None:
        assert len(result.messages) == 1 and "skipped" in result.messages[0]
    else:
        assert not result.error and not [m for m in result.messages if "internal error" in m]


def spoil(text: str, damage: list[tuple[int, bytes]]) -> bytes:
    """The article as UTF-8 with the given bytes inserted between its characters."""
    out, at = [], 0
    for pos, junk in sorted((min(pos, len(text)), junk) for pos, junk in damage):
        out += [text[at:pos].encode("utf-8"), junk.replace(b"\x00", b"\xe9")]
        at = pos
    return b"".join([*out, text[at:].encode("utf-8")])


@settings(max_examples=300, deadline=None, derandomize=True)
@given(BYTES)
def test_decoding_then_encoding_gives_back_the_same_bytes(data: bytes) -> None:
    from newslint.document.source import BinaryFileError, decode

    try:
        source = decode("a.txt", data)
    except BinaryFileError:
        return
    assert source.encode(source.raw) == data


@FUZZ
@given(MIXED)
def test_bytes_that_are_not_utf8_lint_and_fix_cleanly(mixed: tuple[tuple[str, str], list]) -> None:
    from newslint.engine.fixer import fix_bytes

    (text, path), damage = mixed
    data = spoil(text, damage)
    result = lint(data, path)
    check_result(result)
    json.dumps([f.record() for f in result.findings], ensure_ascii=False).encode("utf-8")  # printable as UTF-8
    outcome, _ = fix_bytes(data, lambda b: lint(b, path), unsafe=True)
    check_result(lint(outcome.fixed, path))


@FUZZ
@given(ARTICLES.filter(lambda a: "\r" not in a[0]))
def test_line_endings_do_not_move_findings(article: tuple[str, str]) -> None:
    text, path = article
    results = [lint(text.replace("\n", nl).encode("utf-8"), path) for nl in ("\n", "\r\n", "\r")]
    for result in results:
        assert not result.error, result.messages
    assert key(results[0].findings) == key(results[1].findings) == key(results[2].findings)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(ARTICLES, st.sampled_from(["\n", "\r\n"]))
def test_fix_settles_and_a_second_fix_changes_nothing(article: tuple[str, str], newline: str) -> None:
    from newslint.engine.fixer import fix_bytes, wanted

    text, path = article
    data = text.replace("\r", "").replace("\n", newline).encode("utf-8")
    outcome, final = fix_bytes(data, lambda b: lint(b, path))
    assert outcome.settled, outcome.messages
    relinted = lint(outcome.fixed, path)
    check_result(relinted)
    assert [f for f in relinted.findings if wanted(f, unsafe=False)] == []
    again, _ = fix_bytes(outcome.fixed, lambda b: lint(b, path))
    assert not again.changed
    if outcome.changed:
        assert outcome.fixed.count(b"\r\n") or newline == "\n" or b"\n" not in outcome.fixed
