"""``--format concise``: one line per finding, ``path:line:col: severity [rule] message``."""

from __future__ import annotations

from typing import Any, TextIO


def line(f: dict[str, Any], unsafe_fixes: bool = False) -> str:
    """One finding; ``[*]`` when ``--fix`` would fix it (an unsafe fix only with ``--unsafe-fixes``)."""
    fix = f.get("fix")
    mark = " [*]" if fix and (fix["safe"] or unsafe_fixes) else ""
    return f"{f['path']}:{f['line']}:{f['column']}: {f['severity']} [{f['rule']}]{mark} {f['message']}"


def report(findings: list[dict[str, Any]], info: Any, out: TextIO) -> None:
    unsafe = getattr(info, "unsafe_fixes", False)
    for f in findings:
        out.write(line(f, unsafe) + "\n")
