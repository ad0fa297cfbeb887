"""``--statistics``: how many findings each rule raised, and how many of them ``--fix`` can fix."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, TextIO

from newslint.engine.findings import Placed
from newslint.report import RunInfo, failures

TOP_ARTICLES = 20


def counts(findings: list[Placed]) -> list[dict[str, Any]]:
    """One row per rule, most findings first: rule, severity, count, fixable (safe fixes)."""
    total: Counter[str] = Counter()
    fixable: Counter[str] = Counter()
    severity: dict[str, str] = {}
    for f in findings:
        total[f.rule] += 1
        fixable[f.rule] += f.fix is not None and f.fix.safe
        severity[f.rule] = f.severity
    rows = sorted(total, key=lambda r: (-total[r], r))
    return [{"rule": r, "severity": severity[r], "count": total[r], "fixable": fixable[r]} for r in rows]


def by_article(findings: list[Placed], top: int = TOP_ARTICLES) -> list[tuple[int, str]]:
    """The articles with the most findings, most first: (count, name); a file is one article,
    an export file's articles are named by their line, id and title."""
    total: Counter[tuple[str, int]] = Counter()
    names: dict[tuple[str, int], str] = {}
    for f in findings:
        article = f.article or {}
        key = (f.path, int(article.get("line", 0)))
        total[key] += 1
        if key not in names:
            names[key] = _article_name(f.path, article)
    return [(total[k], names[k]) for k in sorted(total, key=lambda k: (-total[k], k))[:top]]


def _article_name(path: str, article: dict[str, Any]) -> str:
    if not article:
        return path
    extra = " ".join(x for x in (f"id {article['id']}" if "id" in article else "", article.get("title", "")) if x)
    return f"{path}:{article['line']}" + (f"  {extra}" if extra else "")


def report(findings: list[Placed], info: RunInfo, out: TextIO) -> None:
    rows = counts(findings)
    width = max((len(str(r["count"])) for r in rows), default=1)
    for r in rows:
        mark = f"  ({r['fixable']} fixable)" if r["fixable"] else ""
        out.write(f"{r['count']:>{width}}  {r['rule']}  {r['severity']}{mark}\n")
    articles = by_article(findings)
    if len(articles) > 1:
        out.write(f"\nArticles with the most findings (up to {TOP_ARTICLES}):\n")
        for count, name in articles:
            out.write(f"{count:>{width}}  {name}\n")
    if not info.quiet:
        failed = failures(info)
        out.write(
            f"{len(findings)} finding{'s' if len(findings) != 1 else ''} from {len(rows)} rule{'s' if len(rows) != 1 else ''}"
            + (f"; {failed}.\n" if failed else ".\n")
        )


def report_json(findings: list[Placed], info: RunInfo, out: TextIO) -> None:
    json.dump(counts(findings), out, indent=2)
    out.write("\n")
