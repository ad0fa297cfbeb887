"""The trained block model for boilerplate (``boilerplate.page-furniture``), measured on sites
it was not trained on.

Usage: .venv/bin/python benchmarks/boilerplate_model.py [--model linear|trees|crosses] [--threshold P] [--flagged 0.02] [--C 3] [--txt]

Each page of ../shared/corpora/boilerplate/trafilatura (its .html, or .txt with --txt) is read
into blocks with their features and labels (as ``newslint train-boilerplate`` reads them). Pages
are split into five folds by site (the host of the page's url); for each fold the model is trained
on the other folds and judges the fold's blocks, at the threshold that ``newslint
train-boilerplate`` would choose from the other folds alone (itself by folds by site, at most
``--flagged`` (2%) of their article blocks reported), or at ``--threshold``. A truth snippet is found when a finding of the
other built-in boilerplate rules, or a block the model flags, overlaps it; article text is
flagged wrongly likewise. As in the rule, headlines and blocks longer than its ``max-words`` are
never flagged (a long one is when its own markup says furniture); snippets found more than once in a page are left out (which one is meant is not
known). Printed for held-out folds only: the rules alone, the model alone, and both.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint.api import lint_bytes, make_linter, records  # noqa: E402
from newslint.document.readers import read_document  # noqa: E402
from newslint.document.source import decode  # noqa: E402
from newslint.engine.loader import load_rules  # noqa: E402
from newslint.run.train import Scorer, choose_threshold, fold_of, labelled, linear, snippet_spans  # noqa: E402
from newslint.settings.config import Config  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "boilerplate" / "trafilatura"
MODEL_RULE = "boilerplate.page-furniture"
SHOW = "--show" in sys.argv
MISSES = "--misses" in sys.argv
SPACES = re.compile(r"<[^>]*>")


def page(name: str, linter, suffix: str, max_words: int) -> dict:
    """A page's blocks (features, labels, stored spans), rule findings and snippets (stored spans)."""
    truth = json.loads((CORPUS / f"{name}.truth.json").read_text(encoding="utf-8"))
    path = CORPUS / f"{name}.{suffix}"
    data = path.read_bytes()
    doc = read_document(decode(path.name, data))
    source = doc.source
    found = [f for f in records(lint_bytes(data, path.name, linter)) if f["rule"] != MODEL_RULE]
    snippets = snippet_spans(doc, truth)
    seen = labelled(doc, truth, max_words, name)
    return {
        "site": seen.site,
        "labelled": seen,
        "rows": seen.rows,
        "labels": seen.labels,
        "spans": [doc.source_offsets(b.start, b.end) for b in doc.blocks],
        "judged": seen.judged,
        "rules": [
            (source.offset(f["line"], f["column"]), source.offset(f["end_line"], f["end_column"])) for f in found
        ],
        "snippets": [(k, *doc.source_offsets(a, b)) for k, a, b in snippets],
        "text": source.text,
    }


def add_extraction(name: str, p: dict) -> None:
    """One more feature per block: 1 when trafilatura's extracted main text does not hold it."""
    import trafilatura

    main_text = trafilatura.extract((CORPUS / f"{name}.html").read_text(encoding="utf-8", errors="replace")) or ""
    main_words = " ".join(main_text.split())
    for row, (a, b) in zip(p["rows"], p["spans"], strict=True):
        block = " ".join(SPACES.sub(" ", p["text"][a:b]).split())
        row.append(float(bool(block) and block not in main_words))


def score(pages: list[dict], flagged: list[list[bool]], model: bool, rules: bool) -> tuple[int, int, int, int]:
    found = total = wrong = mains = 0
    for p, flags in zip(pages, flagged, strict=True):
        spans = (list(p["rules"]) if rules else []) + (
            [s for s, f in zip(p["spans"], flags, strict=True) if f] if model else []
        )
        for kind, a, b in p["snippets"]:
            hit = any(x < b and a < y for x, y in spans)
            if SHOW and hit and kind == "main":
                print(f"WRONG {p['site']}: {p['text'][a:b][:100]!r}")
            if MISSES and model and not rules and not hit and kind == "boilerplate":
                print(f"MISSED {p['site']}: {' '.join(p['text'][a:b].split())[:150]!r}")
            if kind == "boilerplate":
                found, total = found + hit, total + 1
            else:
                wrong, mains = wrong + hit, mains + 1
    return found, total, wrong, mains


def trees(X: list[list[float]], y: list[int], c: float) -> Scorer:
    """Gradient-boosted trees (100 of depth 2): feature interactions, for comparison."""
    from sklearn.ensemble import GradientBoostingClassifier

    model = GradientBoostingClassifier(n_estimators=100, max_depth=2, random_state=0).fit(X, y)
    return lambda row: float(model.predict_proba([row])[0][1])


def crosses(X: list[list[float]], y: list[int], c: float) -> Scorer:
    """A logistic model over the features and their pairwise products (standardized), for comparison."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import PolynomialFeatures, StandardScaler

    model = make_pipeline(
        PolynomialFeatures(2, interaction_only=True, include_bias=False),
        StandardScaler(),
        LogisticRegression(C=0.01, max_iter=5000),
    ).fit(X, y)
    return lambda row: float(model.predict_proba([row])[0][1])


LEARNERS = {"linear": linear, "trees": trees, "crosses": crosses}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threshold", type=float, help="a fixed threshold (default: chosen in the training folds)")
    ap.add_argument("--flagged", type=float, default=0.02, help="train-boilerplate's --flagged")
    ap.add_argument("--C", type=float, default=3.0)  # train-boilerplate's
    ap.add_argument("--model", choices=sorted(LEARNERS), default="linear", help="the model measured (linear: shipped)")
    ap.add_argument("--txt", action="store_true", help="the pages' text renderings instead of their HTML")
    ap.add_argument("--show", action="store_true", help="print the article text flagged")
    ap.add_argument("--misses", action="store_true", help="print the snippets that the model alone misses")
    ap.add_argument(
        "--extractor", action="store_true", help="add trafilatura's main-text extraction as a feature (measuring it)"
    )
    args = ap.parse_args()
    rules = load_rules(ROOT / "rules" / "boilerplate")
    linter = make_linter(Config(select=[r.id for r in rules if r.id != MODEL_RULE]), rules)
    names = sorted(p.name[: -len(".truth.json")] for p in CORPUS.glob("*.truth.json"))
    max_words = next(r for r in rules if r.id == MODEL_RULE).options["max-words"]
    pages = [page(n, linter, "txt" if args.txt else "html", max_words) for n in names]
    if args.extractor:
        for name, p in zip(names, pages, strict=True):
            add_extraction(name, p)
    fold = [fold_of(p["site"]) for p in pages]
    flagged: list[list[bool]] = [[] for _ in pages]
    chosen = []
    for k in range(5):
        train = [p["labelled"] for p, f in zip(pages, fold, strict=True) if f != k]
        X = [r for t in train for r, y in zip(t.rows, t.labels, strict=True) if y is not None]
        y = [y for t in train for y in t.labels if y is not None]
        model = LEARNERS[args.model](X, y, args.C)
        threshold = args.threshold or choose_threshold(train, args.C, args.flagged, LEARNERS[args.model])
        chosen.append(threshold)
        for i, p in enumerate(pages):
            if fold[i] == k:
                flagged[i] = [ok and model(row) >= threshold for row, ok in zip(p["rows"], p["judged"], strict=True)]
    print(f"{len(pages)} pages, {len(set(p['site'] for p in pages))} sites, 5 folds by site; thresholds {chosen}")
    for what, model, with_rules in (("rules alone", False, True), ("model alone", True, False), ("both", True, True)):
        f, t, w, m = score(pages, flagged, model, with_rules)
        print(
            f"{what:>12}: boilerplate found {f}/{t} = {f / max(t, 1):.1%}; article text flagged {w}/{m} = {w / max(m, 1):.1%}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
