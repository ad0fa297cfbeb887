"""``newslint train-boilerplate FOLDER``: retrain the boilerplate model from labelled pages.

A labelled page is ``NAME.html`` beside ``NAME.truth.json``, which lists snippets of the page's
text: ``main`` (article text) and ``boilerplate`` (what is not); ``not_in_txt`` snippets, and
those found more than once in the page, are skipped. Each block of a page that holds snippets of one label only is a training example. The
model, a logistic regression (scikit-learn, needed for training only), is written into the
rule file as its ``weights`` (the file's last key), for linting without any training library.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from newslint import builtin_rules_dir
from newslint.document.model import Document
from newslint.document.readers import read_document
from newslint.document.source import decode
from newslint.engine.support.block_features import NAMES, features

RULE = "boilerplate/page-furniture.yaml"
SPACE = re.compile(r"\s+")


def snippet_spans(doc: Document, truth: dict[str, Any]) -> list[tuple[str, int, int]]:
    """(label, start, end) in the document's prose of each truth snippet found there once (one
    found more than once, such as a headline repeated in a list of links, could be any of them)."""
    skip = set(truth.get("not_in_txt", []))
    out = []
    for label in ("boilerplate", "main"):
        for snippet in truth.get(label, []):
            text = SPACE.sub(" ", snippet).strip()
            at = doc.text.find(text) if text and snippet not in skip else -1
            if at >= 0 and doc.text.find(text, at + 1) < 0:
                out.append((label, at, at + len(text)))
    return out


def labels(doc: Document, spans: list[tuple[str, int, int]]) -> list[int | None]:
    """1 for a block holding only boilerplate snippets, 0 for main text only, else None."""
    out: list[int | None] = []
    for block in doc.blocks:
        kinds = {k for k, a, b in spans if a < block.end and block.start < b}
        out.append(1 if kinds == {"boilerplate"} else 0 if kinds == {"main"} else None)
    return out


def read_page(html_path: Path) -> tuple[Document, dict[str, Any]]:
    truth_path = html_path.with_name(html_path.name[: -len(".html")] + ".truth.json")
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    return read_document(decode(str(html_path), html_path.read_bytes())), truth


def examples(pages: list[tuple[Document, dict[str, Any]]]) -> tuple[list[list[float]], list[int]]:
    X: list[list[float]] = []
    y: list[int] = []
    for doc, truth in pages:
        for row, label in zip(features(doc), labels(doc, snippet_spans(doc, truth)), strict=True):
            if label is not None:
                X.append(row)
                y.append(label)
    return X, y


def fit(X: list[list[float]], y: list[int], c: float = 3.0) -> dict[str, float]:
    """A weight per feature (the bias is a feature: no separate intercept)."""
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    model = LogisticRegression(C=c, fit_intercept=False, max_iter=5000).fit(X, y)
    names = NAMES + [f"extra{i}" for i in range(len(X[0]) - len(NAMES))] if X else NAMES
    return {name: round(float(w), 4) for name, w in zip(names, model.coef_[0], strict=True)}


def write_weights(rule_file: Path, weights: dict[str, float]) -> None:
    """Replace the rule file's ``weights`` section (its last key) with these weights."""
    text = rule_file.read_text(encoding="utf-8")
    head = text.split("\nweights:", 1)[0].rstrip("\n")
    body = "".join(f"  {name}: {value}\n" for name, value in weights.items())
    rule_file.write_text(f"{head}\nweights:\n{body}", encoding="utf-8")


def train_command(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="newslint train-boilerplate", description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, help="labelled pages: NAME.html and NAME.truth.json")
    ap.add_argument("--rule", type=Path, default=builtin_rules_dir() / RULE, help="rule file to write the weights to")
    ap.add_argument("-C", type=float, default=3.0, help="inverse regularization strength (3: best on sites held out)")
    args = ap.parse_args(argv)
    try:
        import sklearn  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        print("newslint: error: training needs scikit-learn: pip install scikit-learn", file=sys.stderr)
        return 2
    pages = [read_page(p) for p in sorted(args.folder.glob("*.html")) if _has_truth(p)]
    X, y = examples(pages)
    if len(set(y)) < 2:
        print(f"newslint: error: {args.folder}: no pages with both kinds of labelled blocks", file=sys.stderr)
        return 2
    weights = fit(X, y, args.C)
    write_weights(args.rule, weights)
    print(f"{args.rule}: weights from {len(pages)} pages, {len(y)} labelled blocks ({sum(y)} boilerplate)")
    return 0


def _has_truth(html_path: Path) -> bool:
    return html_path.with_name(html_path.name[: -len(".html")] + ".truth.json").is_file()
