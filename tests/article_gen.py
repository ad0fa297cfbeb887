"""Hypothesis strategies for fuzzing: articles built from real sentences with injected defects.

An article is a list of blocks (kind, text); defects are injected into the blocks, then the
article is rendered as plain text, Markdown or HTML with varied line endings.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from hypothesis import strategies as st

SENTENCES = [
    line
    for line in (Path(__file__).resolve().parent / "fixtures" / "sentences.txt").read_text("utf-8").splitlines()
    if line and not line.startswith("#")
]
HEADLINES = [
    "Council Approves New Budget",
    "Rates Held as Inflation Eases",
    "Storm Leaves Thousands Without Power",
    "Museum Visitor Numbers Beat Forecasts",
    "Talks in Geneva End Without a Deal",
]
LEFTOVERS = [
    "Leave a Reply",
    "Share this article",
    "Subscribe to our newsletter",
    "Read Time: 3 min",
    "We use cookies to improve your experience on our site.",
    "Rate this article: ★★★★☆",
    "© 2024 Example News. All rights reserved.",
    "Related Posts",
]
MOJIBAKE = {"’": "â€™", "“": "â€œ", "”": "â€\x9d", "é": "Ã©", "–": "â€“"}

Blocks = list[tuple[str, str]]  # (kind, text): kind is headline, paragraph or leftover
Injector = Callable[[st.DrawFn, Blocks], Blocks]

paragraph = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3).map(" ".join)


def _pick(draw: st.DrawFn, blocks: Blocks) -> int:
    """Index of a paragraph to damage."""
    return draw(st.sampled_from([i for i, (kind, _) in enumerate(blocks) if kind == "paragraph"]))


def _edit_word(draw: st.DrawFn, blocks: Blocks, change: Callable[[list[str], int], None]) -> Blocks:
    i = _pick(draw, blocks)
    words = blocks[i][1].split(" ")
    at = draw(st.integers(0, len(words) - 1))
    change(words, at)
    return blocks[:i] + [("paragraph", " ".join(words))] + blocks[i + 1 :]


def _replace(draw: st.DrawFn, blocks: Blocks, old: str, new: str) -> Blocks:
    i = _pick(draw, blocks)
    return blocks[:i] + [("paragraph", blocks[i][1].replace(old, new, 1))] + blocks[i + 1 :]


def doubled_word(draw: st.DrawFn, blocks: Blocks) -> Blocks:
    return _edit_word(draw, blocks, lambda w, at: w.insert(at, w[at]))


def glued_words(draw: st.DrawFn, blocks: Blocks) -> Blocks:
    def glue(words: list[str], at: int) -> None:
        if at + 1 < len(words):
            words[at : at + 2] = [words[at] + words[at + 1]]

    return _edit_word(draw, blocks, glue)


def lower_case(draw: st.DrawFn, blocks: Blocks) -> Blocks:
    return _edit_word(draw, blocks, lambda w, at: w.__setitem__(at, w[at].lower()))


def space_before(draw: st.DrawFn, blocks: Blocks) -> Blocks:
    mark = draw(st.sampled_from([",", "."]))
    return _replace(draw, blocks, mark, " " + mark)


def doubled_mark(draw: st.DrawFn, blocks: Blocks) -> Blocks:
    mark = draw(st.sampled_from([",", "."]))
    return _replace(draw, blocks, mark, mark * 2)


def double_space(draw: st.DrawFn, blocks: Blocks) -> Blocks:
    return _replace(draw, blocks, " ", "  ")


def unclosed_quote(draw: st.DrawFn, blocks: Blocks) -> Blocks:
    return _replace(draw, blocks, "”", "")


def mojibake(draw: st.DrawFn, blocks: Blocks) -> Blocks:
    good = draw(st.sampled_from(sorted(MOJIBAKE)))
    return _replace(draw, blocks, good, MOJIBAKE[good])


def entity(draw: st.DrawFn, blocks: Blocks) -> Blocks:
    return _replace(draw, blocks, " and ", " &amp; ")


def repeated(draw: st.DrawFn, blocks: Blocks) -> Blocks:
    i = _pick(draw, blocks)
    at = draw(st.integers(i + 1, len(blocks)))
    return blocks[:at] + [blocks[i]] + blocks[at:]


def near_repeat(draw: st.DrawFn, blocks: Blocks) -> Blocks:
    i = _pick(draw, blocks)
    text = blocks[i][1]
    first_capital = next((w for w in text.split(" ")[1:] if w[:1].isupper()), None)
    copy = text.replace(first_capital, first_capital.lower(), 1) if first_capital else text + " Indeed."
    return blocks + [("paragraph", copy)]


def leftover(draw: st.DrawFn, blocks: Blocks) -> Blocks:
    at = draw(st.integers(1, len(blocks)))
    extra = [("leftover", draw(st.sampled_from(LEFTOVERS)))]
    if draw(st.booleans()):
        extra = [("leftover", "Next Post"), ("leftover", draw(st.sampled_from(HEADLINES)))]
    return blocks[:at] + extra + blocks[at:]


def lone_mark(draw: st.DrawFn, blocks: Blocks) -> Blocks:
    at = draw(st.integers(1, len(blocks)))
    return blocks[:at] + [("paragraph", ".")] + blocks[at:]


INJECTORS: list[Injector] = [
    doubled_word,
    glued_words,
    lower_case,
    space_before,
    doubled_mark,
    double_space,
    unclosed_quote,
    mojibake,
    entity,
    repeated,
    near_repeat,
    leftover,
    lone_mark,
]


@st.composite
def damaged_blocks(draw: st.DrawFn) -> Blocks:
    """A headline and paragraphs of real sentences, with up to four defects injected."""
    blocks: Blocks = [("headline", draw(st.sampled_from(HEADLINES)))]
    blocks += [("paragraph", p) for p in draw(st.lists(paragraph, min_size=1, max_size=5))]
    for inject in draw(st.lists(st.sampled_from(INJECTORS), max_size=4)):
        blocks = inject(draw, blocks)
    return blocks


def as_text(blocks: Blocks) -> str:
    return "\n\n".join(text for _, text in blocks)


def as_markdown(blocks: Blocks) -> str:
    out = []
    for kind, text in blocks:
        if kind == "headline":
            out.append(f"# {text}")
        else:
            out.append(text.replace("*", "\\*").replace("_", "\\_"))
    return "\n\n".join(out)


def as_html(blocks: Blocks) -> str:
    tags = {"headline": "h1", "paragraph": "p", "leftover": "div"}
    body = "\n".join(f"<{tags[kind]}>{html.escape(text, quote=False)}</{tags[kind]}>" for kind, text in blocks)
    return f"<html><head><title>News</title></head><body>\n{body}\n</body></html>"


RENDER = {"a.txt": as_text, "a.md": as_markdown, "a.html": as_html}


@st.composite
def damaged_articles(draw: st.DrawFn) -> tuple[bytes, str]:
    """(stored bytes, file name) of a damaged article in one of the three formats."""
    name = draw(st.sampled_from(sorted(RENDER)))
    text = RENDER[name](draw(damaged_blocks()))
    text += draw(st.sampled_from(["", "\n", "\n\n"]))
    newline = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    return text.replace("\n", newline).encode("utf-8"), name
