"""``--format html``: one self-contained HTML page (no external requests) with every linted
file's text, each finding marked in place, and a list of the findings linking to them."""

from __future__ import annotations

import html
from collections import defaultdict
from typing import TextIO

from newslint import __version__
from newslint.engine.findings import Placed
from newslint.report import RunInfo, failures

STYLE = """
body{font-family:system-ui,sans-serif;max-width:1200px;margin:0 auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;word-break:break-all}
pre{white-space:pre-wrap;word-wrap:break-word;border:1px solid #ccc;padding:.6rem;font:14px/1.5 monospace}
mark{background:none;border-bottom:3px solid}mark:focus,mark:target{outline:2px solid #1a1a1a}
.error{border-color:#b00020;background:#fde7ea}.warning{border-color:#b35c00;background:#fff1dc}
.info{border-color:#1d5fa8;background:#e6f0fb}mark{position:relative}
mark:focus::after{content:attr(title);position:absolute;left:0;top:100%;z-index:2;width:max-content;max-width:28rem;
white-space:normal;background:#222;color:#fff;padding:.25rem .5rem;font:13px/1.35 system-ui,sans-serif}li{margin-bottom:.3rem}code{font-size:.9em}
"""


def report(findings: list[Placed], info: RunInfo, out: TextIO) -> None:
    by_path: dict[str, list[Placed]] = defaultdict(list)
    for f in findings:
        by_path[f.path].append(f)
    total = len(findings)
    out.write('<!doctype html>\n<html lang="en"><head><meta charset="utf-8">')
    out.write('<meta name="viewport" content="width=device-width, initial-scale=1">')
    out.write(f"<title>newslint report</title><style>{STYLE}</style></head><body>\n")
    out.write(f"<h1>newslint {html.escape(__version__)}: {total} finding{'s' if total != 1 else ''}")
    out.write(f" in {len(by_path)} of {info.files} file{'s' if info.files != 1 else ''}</h1>\n")
    failed = failures(info)
    if failed:
        out.write(f"<p><strong>Run failed: {html.escape(failed)}.</strong></p>\n")
    for number, path in enumerate(sorted(by_path)):
        _file(out, number, path, by_path[path], info)
    out.write("</body></html>\n")


def _file(out: TextIO, number: int, path: str, findings: list[Placed], info: RunInfo) -> None:
    out.write(f"<section><h2>{html.escape(path)}</h2>\n<ol>\n")
    for i, f in enumerate(findings):
        where = f"{f.place.line}:{f.place.column}"
        out.write(
            f'<li><a href="#f{number}-{i}">{where}</a> <span class="{f.severity}">{f.severity}</span> '
            f"<code>{html.escape(f.rule)}</code> {html.escape(f.message, quote=False)}</li>\n"
        )
    out.write("</ol>\n")
    source = info.sources.get(path)
    if source is not None:
        out.write(f"<pre>{_marked(source.raw, findings, number)}</pre>\n")
    out.write("</section>\n")


def _marked(raw: str, findings: list[Placed], number: int) -> str:
    """The stored text, escaped, each finding's span in a ``<mark>`` (an overlapping one is listed only)."""
    parts: list[str] = []
    pos = 0
    order = sorted(range(len(findings)), key=lambda i: findings[i].place.start)
    for i in order:
        f = findings[i]
        if f.place.start < pos:
            continue
        label = html.escape(f"{f.severity} {f.rule}: {f.message}", quote=True)
        inner = html.escape(raw[f.place.start : f.place.end], quote=False) or "&nbsp;"
        parts.append(html.escape(raw[pos : f.place.start], quote=False))
        parts.append(f'<mark id="f{number}-{i}" class="{f.severity}" tabindex="0" title="{label}">{inner}</mark>')
        pos = max(pos, f.place.end)
    parts.append(html.escape(raw[pos:], quote=False))
    return "".join(parts).encode("utf-8", "backslashreplace").decode("utf-8")
