"""Cross-article rules on a synthetic archive: recall on injected repeats, none on the clean
originals, throughput with --jobs 1, --jobs 2 (and --executor dask when available).

Usage: .venv/bin/python benchmarks/corpus_archive.py [--half test|tune] [--seed N] [--runs jobs1,jobs2,dask]
       [--as folder|wxr|jsonl] [--copies N]
With ``--as wxr`` or ``--as jsonl`` the same archive is written as one export file (a WordPress
export, or JSON Lines), each article's paragraphs as HTML; a finding is then matched to its
article by the ``article`` id it names. ``--copies N`` repeats the archive N times for
throughput and memory alone, with the cross-article rules off (every copy is a duplicate of the
others: recall is not scored).
The archive is built in a temporary folder from one half of ../shared/corpora/clean (the
articles' file names split the halves): every original; site leftovers (footers, taglines,
newsletter boxes written here) each appended to 3-30 random articles; and near-duplicate
copies of 15% of the originals (about 5% of the words changed or dropped, a paragraph left
out, sometimes a new headline). A leftover counts as found when a corpus.repeated-paragraph
finding starts on its line; a near copy when corpus.near-duplicate flags both the copy and its
original. Anything else a corpus rule flags is listed as "not injected", to be read by hand:
the BBC set itself holds one story published twice (bbc_sport_328/329, the headline aside;
both in the test half) and a columnist's closing line in four tech articles (three in the test
half), which the rules find as they should.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from halves import half  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora" / "clean"
NEWSLINT = str(Path(sys.executable).with_name("newslint"))

LEFTOVERS = [
    "Follow us on Twitter and Facebook for the latest headlines.",
    "This story was provided by the Metro Wire Service. All rights reserved.",
    "Sign up for our morning newsletter and get the day's top stories in your inbox.",
    "Have a story tip? Email our newsroom or call us any time, day or night.",
    "Copyright 2019 Riverside Media Group. This material may not be published or redistributed.",
    "Read more: our full coverage of the election, with results from every district.",
    "The Daily Courier: independent local news since 1921.",
    "Support our journalism by becoming a subscriber today for just one dollar a week.",
    "Comments are closed on this article. Please read our community guidelines.",
    "Download our app for breaking news alerts on your phone.",
]
FILLERS = "report minister market quickly seven council later officials nearly week".split()


def originals(which: str) -> list[Path]:
    files = sorted(CORPORA.glob("*/*.txt"))
    return [p for p in files if half(p.name) == which]


def near_copy(text: str, rng: random.Random) -> str:
    """The same story edited a little: a paragraph left out, ~5% of words changed or dropped."""
    paras = text.strip().split("\n\n")
    if len(paras) > 3:
        del paras[rng.randrange(1, len(paras))]
    if rng.random() < 0.5:
        paras[0] = "Update: " + paras[0]
    out = []
    for p in paras:
        words = p.split(" ")
        for i in range(len(words)):
            r = rng.random()
            if r < 0.025:
                words[i] = rng.choice(FILLERS)
            elif r < 0.05:
                words[i] = ""
        out.append(" ".join(w for w in words if w))
    return "\n\n".join(out) + "\n"


def build(folder: Path, sources: list[Path], rng: random.Random) -> dict[str, object]:
    """Write the archive; what was injected where."""
    texts = {f"{p.parent.name}-{p.name}": p.read_text(encoding="utf-8") for p in sources}
    names = sorted(texts)
    repeats: list[tuple[str, int]] = []  # (file, line of the injected paragraph)
    added: dict[str, list[str]] = {n: [] for n in names}
    for leftover in LEFTOVERS:
        for n in rng.sample(names, rng.randint(3, min(30, len(names)))):
            added[n].append(leftover)
    pairs = []
    for n in rng.sample(names, max(1, len(names) * 15 // 100)):
        copy = "near-" + n
        texts[copy] = near_copy(texts[n], rng)
        added[copy] = []
        pairs.append((n, copy))
    bodies = {}
    for n, text in texts.items():
        body = text.rstrip("\n")
        for leftover in added[n]:
            body += "\n\n" + leftover
            repeats.append((n, body.count("\n") + 1, leftover))
        bodies[n] = body + "\n"
    return {"repeats": repeats, "pairs": pairs, "articles": len(texts), "bodies": bodies}


def write(folder: Path, bodies: dict[str, str], form: str, copies: int) -> Path:
    """The archive as files in ``folder``, or as one export file there; what to lint."""
    if form == "folder":
        for n, body in bodies.items():
            (folder / n).write_text(body, encoding="utf-8")
        return folder
    if form == "html":  # the same HTML as the export files' bodies, one file per article
        for n, body in bodies.items():
            title, _, rest = body.partition("\n")
            (folder / f"{n}.html").write_text(f"<h1>{html.escape(title)}</h1>\n{_html(rest)}\n", encoding="utf-8")
        return folder
    items = [(f"{n}#{c}" if copies > 1 else n, body) for c in range(copies) for n, body in bodies.items()]
    path = folder / f"archive.{'xml' if form == 'wxr' else 'jsonl'}"
    with open(path, "w", encoding="utf-8") as out:
        if form == "jsonl":
            for n, body in items:
                title, _, rest = body.partition("\n")
                out.write(json.dumps({"id": n, "title": title, "html": _html(rest)}) + "\n")
            return path
        out.write(WXR_HEAD)
        for n, body in items:
            title, _, rest = body.partition("\n")
            out.write(
                f"<item>\n<title>{html.escape(title)}</title>\n<wp:post_id>{html.escape(n)}</wp:post_id>\n"
                f"<content:encoded><![CDATA[{_html(rest)}]]></content:encoded>\n</item>\n"
            )
        out.write("</channel>\n</rss>\n")
    return path


WXR_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
    'content/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
)


def _html(text: str) -> str:
    """Paragraphs as HTML, one per line (WordPress's block editor writes them so)."""
    return "\n".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())


def lint(target: Path, how: str, corpus: bool = True) -> tuple[list[dict[str, object]], float, int]:
    """Findings, seconds, peak RSS (KiB) of the largest process of one run."""
    extra = {"jobs1": ["--jobs", "1"], "jobs2": ["--jobs", "2"], "dask": ["--executor", "dask", "--jobs", "2"]}[how]
    extra += [] if corpus else ["--ignore", "corpus"]
    cmd = [NEWSLINT, "check", "--no-cache", "--format", "json", "--exit-zero", *extra, str(target)]
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, env={**os.environ, "NO_COLOR": "1"})
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return json.loads(out.stdout), seconds, peak


def _name(f: dict[str, Any]) -> str:
    """The article a finding is in: its file, or its id inside the export file."""
    article = f.get("article")
    return str(article["id"]) if isinstance(article, dict) else Path(str(f["path"])).name.removesuffix(".html")


def _copy(f: dict[str, Any], form: str, texts: dict[str, list[str]]) -> object:
    """Which injected copy a finding is on: its line in a file, its text in an export."""
    if form == "folder":
        return f["line"]
    if form == "html":
        lines = Path(str(f["path"])).read_text(encoding="utf-8").splitlines()
        return html.unescape(lines[int(f["line"]) - 1][int(f["column"]) - 1 : int(f["end_column"]) - 1])
    lines = texts[str(f["path"])]
    return html.unescape(lines[int(f["line"]) - 1][int(f["column"]) - 1 : int(f["end_column"]) - 1])


def score(findings: list[dict[str, Any]], truth: dict[str, Any], form: str) -> dict[str, object]:
    texts = {} if form in ("folder", "html") else {str(f["path"]): [] for f in findings}
    for path in texts:
        texts[path] = Path(path).read_text(encoding="utf-8").splitlines()
    corpus = [f for f in findings if f["rule"] == "corpus.repeated-paragraph"]
    rep = {(_name(f), _copy(f, form, texts)) for f in corpus}
    near = {_name(f) for f in findings if f["rule"] == "corpus.near-duplicate"}
    repeats = [(n, line if form == "folder" else text) for n, line, text in truth["repeats"]]
    pairs = truth["pairs"]
    in_pairs = {n for pair in pairs for n in pair}
    return {
        "exact repeats found": f"{sum(1 for r in repeats if r in rep)}/{len(repeats)}",
        "near copies found": f"{sum(1 for a, b in pairs if a in near and b in near)}/{len(pairs)}",
        "repeated-paragraph not injected": sorted(rep - set(repeats), key=str),
        "near-duplicate not injected": sorted(near - in_pairs),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--half", default="test", choices=["tune", "test"])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", default="jobs1,jobs2")
    ap.add_argument("--as", dest="form", default="folder", choices=["folder", "html", "wxr", "jsonl"])
    ap.add_argument("--copies", type=int, default=1)
    args = ap.parse_args()
    sources = originals(args.half)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        truth = build(folder, sources, random.Random(args.seed))
        copies = args.copies if args.form in ("wxr", "jsonl") else 1
        target = write(folder, truth["bodies"], args.form, copies)
        size = sum(p.stat().st_size for p in folder.iterdir())
        n = int(truth["articles"]) * copies
        print(f"archive ({args.form}): {n} articles ({len(sources)} originals, half {args.half}), {size / 1e6:.2f} MB")
        for how in args.runs.split(","):
            findings, seconds, peak = lint(target, how, corpus=copies == 1)
            print(
                f"{how}: {seconds:.2f} s, {n / seconds:.1f} articles/s, {size / 1e6 / seconds:.2f} MB/s,"
                f" peak RSS {peak / 1024:.0f} MiB"
            )
            if copies == 1:
                for key, value in score(findings, truth, args.form).items():
                    print(f"  {key}: {value}")


if __name__ == "__main__":
    main()
