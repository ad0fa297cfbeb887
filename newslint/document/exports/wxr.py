"""Posts of a WordPress export (WXR): each ``<item>``'s title, link, id and body.

The slice is read with a small tokenizer, never an XML parser: nothing is expanded but the five
predefined entities and character references, so an entity bomb or an external entity has no
way in (and the scan refuses files that declare entities). The body (``content:encoded``) is
HTML, usually in a CDATA section; Gutenberg's block comments in it are HTML comments, which the
HTML reader skips.
"""

from __future__ import annotations

import html
import re

from newslint.document.exports import Article, Problem, Read
from newslint.document.exports.compose import Piece, compose

TOKEN = re.compile(
    r"<!\[CDATA\[(?P<cdata>.*?)\]\]>"
    r"|<!--.*?-->"
    r"|<\?.*?\?>"
    r"|</(?P<close>[\w:.-]+)\s*>"
    r"|<(?P<open>[\w:.-]+)(?:\s[^>]*?)?(?P<empty>/?)>"
    r"|&(?P<ref>#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);"
    r"|[^<&]+|[<&]",
    re.DOTALL,
)
ITEM = re.compile(r"<item[\s>]")
FIELDS = ("title", "link", "guid", "wp:post_id", "wp:post_type", "content:encoded")
SKIPPED_TYPES = frozenset({"attachment", "nav_menu_item", "revision", "wp_navigation", "wp_global_styles"})


def read_wxr(text: str) -> Read:
    """Every post of a slice that has a body, in order."""
    out, pos = Read(), 0
    while (m := ITEM.search(text, pos)) is not None:
        fields, pos = _item(text, m.start())
        if fields is None:
            out.problems.append(Problem(m.start(), "the <item> is not closed"))
            break
        article = _article(fields, m.start())
        if article is not None:
            out.articles.append(article)
    return out


def _item(text: str, start: int) -> tuple[dict[str, list[Piece]] | None, int]:
    """The item's fields of interest (direct children only), and where the item ends."""
    fields: dict[str, list[Piece]] = {}
    depth, field = 0, None  # depth below <item>; the field being read
    for m in TOKEN.finditer(text, start):
        if m.group("open") is not None:
            if m.group("empty"):
                continue
            depth += 1
            if depth == 2 and m.group("open") in FIELDS and m.group("open") not in fields:
                field = m.group("open")
                fields[field] = []
        elif m.group("close") is not None:
            depth -= 1
            if depth == 1:
                field = None
            elif depth == 0:
                return fields, m.end()
        elif field is not None:
            fields[field].extend(_text(m))
    return None, len(text)


def _text(m: re.Match[str]) -> list[Piece]:
    """The text a token stands for: a CDATA section's content, a reference's character, or
    plain text (a comment or processing instruction stands for none)."""
    if m.group("cdata") is not None:
        return [(m.group("cdata"), m.start("cdata"), len(m.group("cdata")))] if m.group("cdata") else []
    if m.group("ref") is not None:
        return [(html.unescape(m.group()), m.start(), len(m.group()))]
    if m.group().startswith(("<!--", "<?")):
        return []
    return [(m.group(), m.start(), len(m.group()))]


def _article(fields: dict[str, list[Piece]], at: int) -> Article | None:
    """An article for a post with a body (attachments and menu items are not articles)."""
    body = fields.get("content:encoded")
    kind = _plain(fields.get("wp:post_type"))
    if not body or not "".join(t for t, _, _ in body).strip() or kind in SKIPPED_TYPES:
        return None
    ident = _plain(fields.get("wp:post_id")) or _plain(fields.get("guid")) or _plain(fields.get("link"))
    url = _plain(fields.get("link")) or None
    return compose("html", fields.get("title"), body, ident or None, url, at)


def _plain(pieces: list[Piece] | None) -> str:
    return "".join(t for t, _, _ in pieces).strip() if pieces else ""
