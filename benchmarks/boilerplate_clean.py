"""What the boilerplate and encoding rules raise on clean news, per 1,000 words.

Usage: .venv/bin/python benchmarks/boilerplate_clean.py [--category boilerplate] [--html | --page] [CORPUS...]
Reads ../shared/corpora/clean/{bbc,zyte} by default; prints every finding with its text,
then the count per rule and the rate per 1,000 words. ``--html`` lints each article as a CMS
would export it as HTML: an ``h1`` for a bbc headline, a ``p`` for each paragraph. ``--page``
puts that inside a web page (a menu, a sidebar of links, a footer, classes on the elements), as a
scraper would save it: only findings on the article's own lines are printed and counted (the
page model is meant to report the rest). ``--bare-page`` is that page with no markup that names
the article (plain ``div`` elements instead of ``main``, ``article`` and "entry-content").
"""

from __future__ import annotations

import argparse
import collections
import html
import time
from pathlib import Path

from newslint.api import lint_bytes, make_linter, records
from newslint.engine.loader import load_rules
from newslint.settings.config import Config

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora" / "clean"


def as_html(text: str, headline: bool) -> str:
    """The article as a CMS exports its body: one paragraph per line."""
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    out = [f"<h1>{html.escape(paras.pop(0))}</h1>"] if headline and paras else []
    out += [f"<p>{html.escape(p)}</p>" for p in paras]
    return "<html><body>\n" + "\n".join(out) + "\n</body></html>\n"


PAGE_TOP = (
    "<html><head><title>{title} | The Daily Paper</title></head><body class='single has-sidebar'>\n"
    "<header class='site-header'><nav class='main-menu'><ul><li><a href='/'>Home</a></li>"
    "<li><a href='/news'>News</a></li><li><a href='/sport'>Sport</a></li></ul></nav></header>\n"
    "<main id='main'><article class='post type-post entry'><div class='entry-content'>\n"
)
PAGE_END = (
    "\n</div></article></main>\n<aside class='sidebar'><h3>Most read</h3><ul><li><a href='/a'>Floods close"
    " roads across the north</a></li><li><a href='/b'>Council approves new budget</a></li></ul></aside>\n"
    "<footer class='site-footer'><p>Copyright 2026 The Daily Paper</p></footer></body></html>\n"
)


ARTICLE = (
    "<main id='main'><article class='post type-post entry'><div class='entry-content'>",
    "</div></article></main>",
)
BARE = ("<div id='wrap'><div class='col-8'><div>", "</div></div></div>")


def as_page(text: str, headline: bool, bare: bool = False) -> tuple[str, int, int]:
    """The article inside a web page (``bare``: in plain ``div`` elements), and the first and
    last line of the article's own text."""
    body = as_html(text, headline).removeprefix("<html><body>\n").removesuffix("\n</body></html>\n")
    title = html.escape(text.strip().split("\n", 1)[0][:80])
    top, end = PAGE_TOP.format(title=title), PAGE_END
    if bare:
        top, end = top.replace(ARTICLE[0], BARE[0]), end.replace(ARTICLE[1], BARE[1])
    first = top.count("\n") + 1
    return top + body + end, first, first + body.count("\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpora", nargs="*", default=[str(CORPORA / "bbc"), str(CORPORA / "zyte")])
    parser.add_argument("--category", default="boilerplate", help="rules/<category> to run")
    parser.add_argument("--html", action="store_true", help="lint each article as HTML")
    parser.add_argument("--page", action="store_true", help="lint each article inside a web page")
    parser.add_argument("--bare-page", action="store_true", help="--page with no markup naming the article")
    args = parser.parse_args()
    rules = load_rules(ROOT / "rules" / args.category)
    linter = make_linter(Config(select=[r.id for r in rules]), rules)
    files = [p for folder in args.corpora for p in sorted(Path(folder).glob("*.txt"))]
    per_rule: collections.Counter = collections.Counter()
    words = 0
    began = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        name = str(path)
        first, last = 1, 10**9
        if args.page or args.bare_page:
            page, first, last = as_page(data.decode("utf-8"), path.parent.name == "bbc", args.bare_page)
            data, name = page.encode("utf-8"), f"{path}.html"
        elif args.html:
            data, name = as_html(data.decode("utf-8"), path.parent.name == "bbc").encode("utf-8"), f"{path}.html"
        lines = data.decode("utf-8", "replace").splitlines()
        words += sum(len(line.split()) for line in lines[first - 1 : last])
        for f in records(lint_bytes(data, name, linter)):
            if not first <= f["line"] <= last:
                continue
            per_rule[f["rule"]] += 1
            text = lines[f["line"] - 1]
            end = f["end_column"] if f["end_line"] == f["line"] else len(text) + 1
            print(f"{path.name}:{f['line']}:{f['column']} [{f['rule']}] {text[f['column'] - 1 : end - 1][:100]!r}")
    elapsed = time.perf_counter() - began
    total = sum(per_rule.values())
    print(
        f"{len(files)} files, {words} words in {elapsed:.1f}s; findings: {total} = {total * 1000 / max(words, 1):.3f} per 1,000 words"
    )
    for rule, n in per_rule.most_common():
        print(f"  {rule}: {n}")


if __name__ == "__main__":
    main()
