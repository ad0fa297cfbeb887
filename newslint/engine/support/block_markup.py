"""What the markup around each block of an HTML page says, as numbers for the block model: the
elements it lies in (nav, aside, footer; article, main), the words their class, id and role
name (share, related, comment; content, story), which of those verdicts the innermost element
with one gives, form controls, and the shares of the block's text inside links and inside
emphasis (``em``, ``i``, ``b``, ``strong``: a promotion or a note set off from the article).

Class and id values are read as words ("related-posts", "shareBar" -> related, posts, share,
bar). Class names that only modify a layout or name a taxonomy ("has-sidebar", "no-share",
"tag-politics", "category-news") say nothing, and nor do the html and body elements, whose
classes describe the whole page."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache, lru_cache

from newslint.document.model import Document, Element
from newslint.engine.support.block_parents import block_spans

FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "header", "form", "menu", "dialog", "button", "select"})
CONTENT_TAGS = frozenset({"article", "main"})
CONTROL_TAGS = frozenset({"button", "input", "label", "select", "textarea", "form"})
FURNITURE_ROLES = frozenset(
    "navigation complementary contentinfo banner dialog alertdialog menu menubar search toolbar".split()
)
FURNITURE_WORDS = frozenset(
    "share shares sharing social related comment comments newsletter subscribe subscription promo widget "
    "sidebar footer nav navbar navigation menu breadcrumb breadcrumbs byline author bio tags cookie cookies "
    "banner popup modal signup login advert ad ads advertisement sponsor sponsored recommend recommended "
    "trending popular more meta caption credit credits toolbar disclaimer copyright masthead teaser "
    "follow donate paywall outbrain taboola cta rail".split()
)
CONTENT_WORDS = frozenset("article content body entry story post text prose main articlebody".split())
MODIFIERS = frozenset("has no is with enable disable tag category format status type js single layout page".split())
SKIPPED = frozenset({"html", "body"})
# Kinds of furniture, by the words (and tags and roles) of the markup that name them.
KINDS = {
    "share buttons": "share shares sharing social follow",
    "links to other stories": "related recommend recommended trending popular more teaser outbrain taboola",
    "a newsletter sign-up": "newsletter subscribe subscription signup",
    "comments": "comment comments",
    "navigation": "nav navbar navigation breadcrumb breadcrumbs menu menubar",
    "the site's footer": "footer copyright contentinfo",
    "advertising": "ad ads advert advertisement sponsor sponsored promo",
    "an author box": "author byline bio",
    "a cookie notice": "cookie cookies",
    "a caption or credit": "caption credit credits",
    "tags": "tags",
}
KIND_OF = {word: kind for kind, words in KINDS.items() for word in words.split()}
EMPHASIS_TAGS = frozenset({"em", "i", "b", "strong"})
MARKUP_NAMES = (
    "furniture_tag",
    "furniture_class",
    "content_tag",
    "content_class",
    "inner_furniture",
    "control",
    "link_density",
    "emphasis",
)
Verdict = tuple[bool, bool, bool, bool]  # furniture tag or role, furniture words, content tag, content words


@cache
def has_attributes() -> re.Pattern[str]:
    """A class, id or role attribute anywhere in a page."""
    return re.compile(r"<[a-z][^>]*?\s(?:class|id|role)\s*=", re.IGNORECASE)


@cache
def _attributes() -> re.Pattern[str]:
    return re.compile(r"""\b(class|id|role|itemprop)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)


@lru_cache(maxsize=4096)
def name_words(value: str) -> tuple[str, ...]:
    """The words of a class or id value, class name by class name, modifiers left out (cached:
    a page repeats its class values)."""
    out: list[str] = []
    for name in value.split():
        parts = _word().findall(_camel().sub(_spaced, name).lower())
        if parts and parts[0] not in MODIFIERS:
            out.extend(parts)
    return tuple(out)


@cache
def _word() -> re.Pattern[str]:
    return re.compile(r"[a-z]+")


def _spaced(m: re.Match[str]) -> str:
    return f"{m.group(1)} {m.group(2)}"


@cache
def _camel() -> re.Pattern[str]:
    return re.compile(r"([a-z])([A-Z])")


def _named(text: str, element: Element) -> tuple[tuple[str, ...], str]:
    """The words of an element's class and id values, and its role ("" for none)."""
    if element.tag in SKIPPED or "=" not in text[element.start : element.inner_start]:
        return (), ""
    return _opening_words(text[element.start : element.inner_start])


@lru_cache(maxsize=4096)
def _opening_words(opening: str) -> tuple[tuple[str, ...], str]:
    """The class and id words and the role of one opening tag (cached: a page repeats its tags)."""
    words: list[str] = []
    role = ""
    for m in _attributes().finditer(opening):
        key, value = m.group(1).lower(), m.group(2) or m.group(3) or m.group(4) or ""
        if key == "role":
            role = value.strip().lower()
        else:
            words += name_words(value)
    return tuple(words), role


def verdict(text: str, element: Element) -> Verdict:
    """What one element's tag and opening tag's attributes say about what it holds."""
    return _judged(element.tag, *_named(text, element))[0]


@lru_cache(maxsize=4096)
def _judged(tag: str, words: tuple[str, ...], role: str) -> tuple[Verdict, str | None]:
    """An element's verdict, and the kind of furniture (``KINDS``) it names, if it names one."""
    furniture = any(w in FURNITURE_WORDS for w in words)
    content = not furniture and any(w in CONTENT_WORDS for w in words)
    kind = next((KIND_OF[w] for w in (*reversed(words), role, tag) if w in KIND_OF), None)
    return (tag in FURNITURE_TAGS or role in FURNITURE_ROLES, furniture, tag in CONTENT_TAGS, content), kind


def furniture_kind(doc: Document, index: int) -> str | None:
    """The kind of furniture (``KINDS``) the innermost element around block ``index`` that
    names one names by its tag, role, class or id (found by :func:`markup`'s sweep)."""
    if not doc.elements:
        return None
    markup(doc)
    kinds: list[str | None] = doc.cache["block_kinds"]
    return kinds[index]


def markup(doc: Document) -> list[list[float]]:
    """One row of ``MARKUP_NAMES`` per block of an HTML document: one sweep over the elements
    (computed once a document, with each block's furniture kind, and shared)."""
    rows: list[list[float]] | None = doc.cache.get("block_markup")
    if rows is None:
        rows, doc.cache["block_kinds"] = _sweep(doc)
        doc.cache["block_markup"] = rows
    return rows


def _sweep(doc: Document) -> tuple[list[list[float]], list[str | None]]:
    """Markup rows and furniture kinds of the blocks; an element's opening tag is read only
    once a block lies in it (most elements, in a page's head or inline, hold none)."""
    text, elements = doc.source.text, doc.elements
    links = [e for e in elements if e.tag == "a"]
    stressed = [e for e in elements if e.tag in EMPHASIS_TAGS]
    controls = [e.start for e in elements if e.tag in CONTROL_TAGS]
    out, kinds = [], []
    stack: list[Element] = []  # ancestors
    judged: list[tuple[Verdict, str | None]] = []  # theirs, read for the first len(judged)
    nxt = li = si = 0
    for block, (a, b) in zip(doc.blocks, block_spans(doc), strict=True):
        kept = len(stack)  # how many ancestors of the last block are still ancestors
        while nxt < len(elements) and elements[nxt].start <= a:
            e = elements[nxt]
            while stack and stack[-1].end <= e.start:
                stack.pop()
            kept = min(kept, len(stack))
            stack.append(e)
            nxt += 1
        while stack and stack[-1].end <= a:
            stack.pop()
        del judged[min(kept, len(stack)) :]
        while len(judged) < len(stack):
            e = stack[len(judged)]
            judged.append(_judged(e.tag, *_named(text, e)))
        li, linked = _covered(links, li, a, b)
        si, emphasis = _covered(stressed, si, a, b)
        at = bisect_left(controls, a)
        control = (at < len(controls) and controls[at] < b) or any(e.tag in CONTROL_TAGS for e in stack)
        size = max(1, block.end - block.start)
        out.append(_row([v for v, _ in judged], control, min(1.0, linked / size), min(1.0, emphasis / size)))
        kinds.append(next((kind for _, kind in reversed(judged) if kind), None))
    return out, kinds


def _covered(spans: Sequence[Element], i: int, a: int, b: int) -> tuple[int, int]:
    """The first of ``spans`` (elements in order of start, from ``i``) that may reach past stored
    offset ``a``, and how many characters of ``a`` to ``b`` their contents cover. (Only the
    elements after the first one that ends before ``a`` are looked at again: an element
    closed early seldom holds the next block.)"""
    while i < len(spans) and spans[i].end <= a:
        i += 1
    covered, k = 0, i
    while k < len(spans) and spans[k].start < b:
        covered += max(0, min(b, spans[k].inner_end) - max(a, spans[k].inner_start))
        k += 1
    return i, covered


def _row(verdicts: Sequence[Verdict], control: bool, link_density: float, emphasis: float) -> list[float]:
    tag = words = content_tag = content_words = False
    inner = (False, False, False, False)
    for v in verdicts:
        tag, words, content_tag, content_words = tag or v[0], words or v[1], content_tag or v[2], content_words or v[3]
        if v[0] or v[1] or v[2] or v[3]:
            inner = v
    return [
        float(tag),
        float(words),
        float(content_tag),
        float(content_words),
        float(inner[0] or inner[1]),
        float(control),
        link_density,
        emphasis,
    ]
