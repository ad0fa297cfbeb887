"""``--format json``: one JSON array of every finding, as the output contract describes."""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any, TextIO

from newslint.engine.findings import Placed
from newslint.report import RunInfo


def report(findings: list[Placed], info: RunInfo, out: TextIO) -> None:
    """The array as ``json.dump(records, indent=2)`` writes it, one finding's record made and
    written at a time (a big file's records all at once would be larger than its findings)."""
    if not findings:
        out.write("[]\n")
        return
    for i, f in enumerate(findings):
        out.write(",\n  " if i else "[\n  ")
        out.write(indented(f.record(), "  "))
    out.write("\n]\n")


def indented(value: Any, pad: str = "") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` with every line after the first
    indented by ``pad`` more, the same characters: with ``indent`` set, ``json`` encodes in
    Python a piece at a time, and a record is a few dicts, lists and scalars to lay out here."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        if not all(type(k) is str for k in value):
            return _dumped(value, pad)
        inner = pad + "  "
        items = [f"{inner}{encode_basestring(k)}: {_scalar(v) or indented(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        inner = pad + "  "
        return "[\n" + ",\n".join(inner + (_scalar(v) or indented(v, inner)) for v in value) + f"\n{pad}]"
    if type(value) is str:
        return encode_basestring(value)
    if value is None or type(value) is bool:
        return "null" if value is None else "true" if value else "false"
    if type(value) is int:
        return int.__repr__(value)
    return _dumped(value, pad)


def _scalar(value: Any) -> str:
    """A string or an int encoded (most of a record), else "" (not one, or not yet)."""
    kind = type(value)
    return encode_basestring(value) if kind is str else int.__repr__(value) if kind is int else ""


def _dumped(value: Any, pad: str) -> str:
    """``json``'s own layout of ``value`` (a float, a dict with keys that are not strings...)."""
    # a JSON string holds no raw line break, so every one starts a line to indent
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)
