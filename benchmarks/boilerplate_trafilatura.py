"""Boilerplate found and article text flagged wrongly on trafilatura's evaluation pages.

Usage: python benchmarks/boilerplate_trafilatura.py [--html [--substring]] [--verbose] [--rules DIR]

For each ``NAME.txt`` (or ``NAME.html`` with --html) under
../shared/corpora/boilerplate/trafilatura, lints the page with the boilerplate rules and scores
the hand-made truth: a ``boilerplate`` snippet is found when a finding overlaps it, a ``main``
snippet is wrongly flagged when one does (snippets in ``not_in_txt`` are skipped). For HTML the
page is stripped of tags, scripts and styles (each character keeping its offset in the file) and
a snippet counts when a finding overlaps one of its places in that text (case as written). ``--substring`` scores
HTML the older way: a snippet counts when its text holds a finding's text or the other way round
(so a flagged menu entry "Search" counted against any article sentence holding "search").
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint.api import lint_bytes, make_linter, records  # noqa: E402
from newslint.engine.loader import load_rules  # noqa: E402
from newslint.settings.config import Config  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "boilerplate" / "trafilatura"
TAG = re.compile(r"<[^>]*>")
MARKUP = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)
SPACE = re.compile(r"\s+")


def line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\r\n|\r|\n", text))
    return starts


def spans(text: str, findings: list[dict]) -> list[tuple[int, int, str]]:
    starts = line_starts(text)
    out = []
    for f in findings:
        a = starts[f["line"] - 1] + f["column"] - 1
        b = starts[f["end_line"] - 1] + f["end_column"] - 1
        out.append((a, b, f["rule"]))
    return out


def plain(markup: str) -> str:
    return SPACE.sub(" ", html.unescape(TAG.sub(" ", markup))).strip().lower()


def hit_txt(text: str, snippet: str, flagged: list[tuple[int, int, str]]) -> bool | None:
    at = text.find(snippet)
    if at < 0:
        return None
    return any(a < at + len(snippet) and at < b for a, b, _ in flagged)


def rules_at(text: str, snippet: str, flagged: list[tuple[int, int, str]]) -> list[str]:
    at = text.find(snippet)
    return sorted({r for a, b, r in flagged if a < at + len(snippet) and at < b})


def visible(markup: str) -> tuple[str, list[int]]:
    """The page's text, spaces collapsed, with each character's offset in the markup."""
    chars: list[str] = []
    where: list[int] = []
    pos = 0
    for m in [*MARKUP.finditer(markup), None]:
        end = m.start() if m else len(markup)
        raw = markup[pos:end]
        text = html.unescape(raw)
        for i, ch in enumerate(text):
            at = pos + (i if len(text) == len(raw) else i * len(raw) // max(len(text), 1))
            if ch.isspace():
                if chars and chars[-1] != " ":
                    chars.append(" ")
                    where.append(at)
            else:
                chars.append(ch)
                where.append(at)
        if m:
            if chars and chars[-1] != " ":
                chars.append(" ")
                where.append(m.start())
            pos = m.end()
    return "".join(chars), where


def hit_html_at(page: tuple[str, list[int]], snippet: str, flagged: list[tuple[int, int, str]]) -> list[str] | None:
    """Rules of the findings overlapping any place of the snippet on the page (None: not on it)."""
    text, where = page
    s = SPACE.sub(" ", snippet).strip()
    rules: set[str] = set()
    at = text.find(s)
    if at < 0:
        return None
    while at >= 0:
        a, b = where[at], where[at + len(s) - 1] + 1
        rules.update(r for x, y, r in flagged if x < b and a < y)
        at = text.find(s, at + 1)
    return sorted(rules)


def hit_html(snippet: str, flagged_text: list[str]) -> bool:
    s = SPACE.sub(" ", snippet).strip().lower()
    return any(s in t or (len(t) >= 6 and t in s) for t in flagged_text)


def score_page(name: str, linter, as_html: bool, verbose: bool, substring: bool = False) -> tuple[list[int], list[int]]:
    truth = json.loads((CORPUS / f"{name}.truth.json").read_text(encoding="utf-8"))
    skip = set(truth.get("not_in_txt", []))
    txt = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    path = CORPUS / f"{name}.{'html' if as_html else 'txt'}"
    data = path.read_bytes()
    stored = data.decode("utf-8", errors="replace")
    flagged = spans(stored, records(lint_bytes(data, path.name, linter)))
    flagged_text = [plain(stored[a:b]) for a, b, _ in flagged] if substring else []
    page = visible(stored) if as_html and not substring else None
    counts = {"boilerplate": [0, 0], "main": [0, 0]}
    for kind in counts:
        for snippet in truth.get(kind, []):
            if snippet in skip or txt.find(snippet) < 0:
                continue
            by_rules: list[str] = []
            if page is not None:
                found = hit_html_at(page, snippet, flagged)
                hit, by_rules = bool(found), found or []
            elif as_html:
                hit = hit_html(snippet, flagged_text)
            else:
                hit = hit_txt(stored, snippet, flagged)
                by_rules = rules_at(stored, snippet, flagged) if hit else []
            counts[kind][0] += bool(hit)
            counts[kind][1] += 1
            if verbose and bool(hit) != (kind == "boilerplate"):
                by = " by " + ",".join(by_rules) if by_rules else ""
                print(f"{'MISS ' if kind == 'boilerplate' else 'WRONG'} {name}: {snippet[:90]!r}{by}")
    return counts["boilerplate"], counts["main"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--html", action="store_true", help="lint the HTML pages instead of the text")
    ap.add_argument("--substring", action="store_true", help="with --html: the older text-in-text scoring")
    ap.add_argument("--verbose", action="store_true", help="print every miss and every wrong flag")
    ap.add_argument("--rules", default=str(ROOT / "rules" / "boilerplate"), help="folder of rules to run")
    args = ap.parse_args()
    rules = load_rules(Path(args.rules))
    linter = make_linter(Config(select=[r.id for r in rules]), rules)
    found = total = wrong = main_total = 0
    for truth in sorted(CORPUS.glob("*.truth.json")):
        name = truth.name[: -len(".truth.json")]
        (f, t), (w, m) = score_page(name, linter, args.html, args.verbose, args.substring)
        found, total, wrong, main_total = found + f, total + t, wrong + w, main_total + m
    what = ("html (substring)" if args.substring else "html") if args.html else "txt"
    print(
        f"{what}: boilerplate found {found}/{total} = {found / max(total, 1):.1%}; "
        f"article text flagged {wrong}/{main_total} = {wrong / max(main_total, 1):.1%}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
