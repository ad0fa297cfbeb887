"""What the markup around each block of an HTML page says, as numbers for the block model: the
elements it lies in (nav, aside, footer; article, main), the words their class, id and role
name (share, related, comment; content, story), which of those verdicts the innermost element
with one gives, form controls, and the share of the block's text inside links.

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
    "follow donate paywall outbrain taboola".split()
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
MARKUP_NAMES = (
    "furniture_tag",
    "furniture_class",
    "content_tag",
    "content_class",
    "inner_furniture",
    "control",
    "link_density",
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
        parts = _word().findall(_camel().sub(r"\1 \2", name).lower())
        if parts and parts[0] not in MODIFIERS:
            out.extend(parts)
    return tuple(out)


@cache
def _word() -> re.Pattern[str]:
    return re.compile(r"[a-z]+")


@cache
def _camel() -> re.Pattern[str]:
    return re.compile(r"([a-z])([A-Z])")


def _named(text: str, element: Element) -> tuple[list[str], str]:
    """The words of an element's class and id values, and its role ("" for none)."""
    words: list[str] = []
    role = ""
    if element.tag not in SKIPPED and "=" in text[element.start : element.inner_start]:
        for m in _attributes().finditer(text, element.start, element.inner_start):
            key, value = m.group(1).lower(), m.group(2) or m.group(3) or m.group(4) or ""
            if key == "role":
                role = value.strip().lower()
            else:
                words += name_words(value)
    return words, role


def verdict(text: str, element: Element) -> Verdict:
    """What one element's tag and opening tag's attributes say about what it holds."""
    words, role = _named(text, element)
    furniture = any(w in FURNITURE_WORDS for w in words)
    content = not furniture and any(w in CONTENT_WORDS for w in words)
    return (element.tag in FURNITURE_TAGS or role in FURNITURE_ROLES, furniture, element.tag in CONTENT_TAGS, content)


def furniture_kind(doc: Document, start: int) -> str | None:
    """The kind of furniture (``KINDS``) the innermost element around prose offset ``start``
    names by its tag, role, class or id, if one does."""
    text, at = doc.source.text, doc.source_offsets(start, start)[0]
    ancestors = [e for e in doc.elements if e.start <= at < e.end]
    for element in reversed(ancestors):
        words, role = _named(text, element)
        for word in (*reversed(words), role, element.tag):
            if word in KIND_OF:
                return KIND_OF[word]
    return None


def markup(doc: Document) -> list[list[float]]:
    """One row of ``MARKUP_NAMES`` per block of an HTML document: one sweep over the elements."""
    text, elements = doc.source.text, doc.elements
    links = [e for e in elements if e.tag == "a"]
    controls = [e.start for e in elements if e.tag in CONTROL_TAGS]
    out = []
    stack: list[tuple[int, str, Verdict]] = []  # ancestors: end, tag, verdict
    nxt = li = 0
    for block in doc.blocks:
        a, b = doc.source_offsets(block.start, block.end)
        while nxt < len(elements) and elements[nxt].start <= a:
            e = elements[nxt]
            while stack and stack[-1][0] <= e.start:
                stack.pop()
            stack.append((e.end, e.tag, verdict(text, e)))
            nxt += 1
        while stack and stack[-1][0] <= a:
            stack.pop()
        while li < len(links) and links[li].end <= a:
            li += 1
        linked, k = 0, li
        while k < len(links) and links[k].start < b:
            linked += max(0, min(b, links[k].inner_end) - max(a, links[k].inner_start))
            k += 1
        at = bisect_left(controls, a)
        control = (at < len(controls) and controls[at] < b) or any(tag in CONTROL_TAGS for _, tag, _ in stack)
        out.append(_row([v for _, _, v in stack], control, min(1.0, linked / max(1, block.end - block.start))))
    return out


def _row(verdicts: Sequence[Verdict], control: bool, link_density: float) -> list[float]:
    inner = next((v for v in reversed(verdicts) if any(v)), (False, False, False, False))
    return [
        float(any(v[0] for v in verdicts)),
        float(any(v[1] for v in verdicts)),
        float(any(v[2] for v in verdicts)),
        float(any(v[3] for v in verdicts)),
        float(inner[0] or inner[1]),
        float(control),
        link_density,
    ]
