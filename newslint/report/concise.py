"""``--format concise``: one line per finding, ``path:line:col: severity [rule] message``."""

from __future__ import annotations

from typing import Any, TextIO


def line(f: dict[str, Any]) -> str:
    mark = " [*]" if f.get("fix") else ""
    return f"{f['path']}:{f['line']}:{f['column']}: {f['severity']} [{f['rule']}]{mark} {f['message']}"


def report(findings: list[dict[str, Any]], info: Any, out: TextIO) -> None:
    for f in findings:
        out.write(line(f) + "\n")
