"""Articles of JSON Lines (one object per line) and of JSON arrays (one object per element).

Each object's top-level fields are found with their places; a string field's value is decoded
piece by piece (runs of plain characters verbatim, each escape as a whole), so every character
of an article maps back to the export file as stored.
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from newslint.document.exports import Article, Fields, Problem, Read
from newslint.document.exports.compose import Piece, compose

WHITESPACE = re.compile(r"[ \t\n\r]*")
SEPARATOR = re.compile(r"[ \t\n\r,]*")
STRING_PART = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\[\"\\/bfnrt]|[^\\]+"
)
ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
FORMATS = {"markdown": "markdown", "md": "markdown", "text": "text", "plaintext": "text", "plain": "text"}
_DECODER = json.JSONDecoder()

Member = tuple[Any, int, int]  # a field's value and the stored span of its JSON text


class NotAnArticle(ValueError):
    """A JSON value that is not an object, or not valid JSON."""


class NoBody(ValueError):
    """A JSON object with none of the body fields: not an article, skipped without complaint."""


def read_jsonl(text: str, fields: Fields) -> Read:
    """Every non-blank line of a JSON Lines slice as an article."""
    out, lines = Read(), _line_starts(text)
    for number, start in enumerate(lines):
        end = lines[number + 1] if number + 1 < len(lines) else len(text)
        at = WHITESPACE.match(text, start, end)
        assert at is not None
        if at.end() >= end or not text[at.end() : end].strip():
            continue
        _one(out, text, at.end(), fields, end)
    return out


def read_json(text: str, fields: Fields) -> Read:
    """Every element of a JSON array's slice (objects, separated by commas) as an article."""
    out, pos = Read(), 0
    while pos < len(text):
        m = SEPARATOR.match(text, pos)
        assert m is not None
        pos = m.end()
        if pos >= len(text) or text[pos] == "]":
            break
        pos = _one(out, text, pos, fields, None)
    return out


def _one(out: Read, text: str, pos: int, fields: Fields, line_end: int | None) -> int:
    """Read the object at ``pos`` into ``out`` (or a problem); where reading may go on.
    ``line_end``: the end of its line in JSON Lines (None in an array)."""
    try:
        members, end = _object(text, pos)
        if line_end is not None and end > line_end:
            raise NotAnArticle("the object does not end on its line")
        if line_end is not None and text[end:line_end].strip():
            raise NotAnArticle("text after the object")
        out.articles.append(_article(text, members, fields, pos))
        return end
    except NoBody:
        out.bodiless += 1
        return end
    except NotAnArticle as exc:
        out.problems.append(Problem(pos, str(exc)))
    except json.JSONDecodeError as exc:
        out.problems.append(Problem(exc.pos, f"not valid JSON: {exc.msg.removesuffix(' at')}"))
    except (ValueError, IndexError):
        out.problems.append(Problem(pos, "not valid JSON: the object is not complete"))
    return _skip(text, pos, line_end)


def _skip(text: str, pos: int, line_end: int | None) -> int:
    """Past a broken value: to the end of its line (JSON Lines) or of the value."""
    if line_end is not None:
        return line_end
    try:
        return int(_DECODER.raw_decode(text, pos)[1])
    except ValueError:
        return len(text)


def _object(text: str, pos: int) -> tuple[dict[str, Member], int]:
    """The top-level members of the object at ``pos``, and where the object ends."""
    if text[pos] != "{":
        raise NotAnArticle("not a JSON object")
    members: dict[str, Member] = {}
    pos = _space(text, pos + 1)
    if text[pos] == "}":
        return members, pos + 1
    while True:
        if text[pos] != '"':
            raise json.JSONDecodeError("a field name is expected", text, pos)
        key, pos = scanstring(text, pos + 1)
        pos = _space(text, pos)
        if text[pos] != ":":
            raise json.JSONDecodeError("':' is expected", text, pos)
        start = _space(text, pos + 1)
        value, end = _DECODER.raw_decode(text, start)
        members.setdefault(key, (value, start, end))
        pos = _space(text, end)
        if text[pos] == "}":
            return members, pos + 1
        if text[pos] != ",":
            raise json.JSONDecodeError("',' or '}' is expected", text, pos)
        pos = _space(text, pos + 1)


def _space(text: str, pos: int) -> int:
    return WHITESPACE.match(text, pos).end()  # type: ignore[union-attr]


def _article(text: str, members: dict[str, Member], fields: Fields, at: int) -> Article:
    body_key = _first(members, fields.body, str)
    if body_key is None:
        raise NoBody
    title_key = _first(members, fields.title, str)
    fmt = fields.format or FORMATS.get(body_key.lower(), "html")
    body = pieces(text, *members[body_key][1:])
    title = pieces(text, *members[title_key][1:]) if title_key else None
    return compose(fmt, title, body, _scalar(members, fields.id), _scalar(members, fields.url), at)


def _first(members: dict[str, Member], names: tuple[str, ...], kind: type) -> str | None:
    return next((n for n in names if n in members and isinstance(members[n][0], kind)), None)


def _scalar(members: dict[str, Member], names: tuple[str, ...]) -> str | None:
    """The first of the named fields holding a string or a number, as text."""
    for name in names:
        if name in members:
            value = members[name][0]
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                return str(value)
    return None


def pieces(text: str, start: int, end: int) -> list[Piece]:
    """A JSON string literal's value (``text[start:end]``, quotes included), piece by piece."""
    out: list[Piece] = []
    for m in STRING_PART.finditer(text, start + 1, end - 1):
        part = m.group()
        if part[0] != "\\":
            out.append((part, m.start(), len(part)))
        elif part[1] == "u":
            out.append((json.loads(f'"{part}"'), m.start(), len(part)))
        else:
            out.append((ESCAPES[part[1]], m.start(), 2))
    return out


def _line_starts(text: str) -> list[int]:
    """Offsets where each stored line of ``text`` starts (``\\n``, ``\\r\\n``, ``\\r``)."""
    return [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
