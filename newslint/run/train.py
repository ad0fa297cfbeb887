"""``newslint train-boilerplate FOLDER``: retrain the boilerplate model from labelled pages.

A labelled page is ``NAME.html`` beside ``NAME.truth.json``, which lists snippets of the page's
text: ``main`` (article text) and ``boilerplate`` (what is not); ``not_in_txt`` snippets, and
those found more than once in the page, are skipped. Each block of a page that holds snippets of
one label only is a training example. The model, a logistic regression (scikit-learn, needed for
training only), is written into the rule file as its ``weights`` (the file's last key), for
linting without any training library. Its ``threshold`` is chosen on sites held out: the pages
are split into five folds by site (the host of the truth's ``url``), each fold is judged by a
model trained on the others, and the threshold is the lowest at which at most ``--flagged`` of
the article's labelled blocks (2%) would be reported.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlparse

from newslint import builtin_rules_dir
from newslint.document.model import Document
from newslint.document.readers import read_document
from newslint.document.source import decode
from newslint.engine.kinds.boilerplate_model import evidence, reportable
from newslint.engine.support.block_features import NAMES, features
from newslint.settings.yamlfile import load_yaml

RULE = "boilerplate/page-furniture.yaml"
SPACE = re.compile(r"\s+")
FOLDS = 5
LOWEST = 0.3  # the threshold is searched from 0.99 down to this


class Labelled(NamedTuple):
    """One page's blocks as a model sees them: features, labels (1, 0 or None), which blocks the
    rule may report (:func:`reportable`, with markup :func:`evidence`), and the page's site."""

    rows: list[list[float]]
    labels: list[int | None]
    judged: list[bool]
    site: str


def labelled(doc: Document, truth: dict[str, Any], max_words: int, name: str = "") -> Labelled:
    rows = features(doc)
    judged = [reportable(b, r, max_words) and evidence(r) for b, r in zip(doc.blocks, rows, strict=True)]
    site = urlparse(truth.get("url", "")).netloc.lower().removeprefix("www.") or name
    return Labelled(rows, labels(doc, snippet_spans(doc, truth)), judged, site)


def fold_of(site: str, folds: int = FOLDS) -> int:
    """The fold of a site: pages of one site are always in one fold."""
    return zlib.crc32(site.encode()) % folds


def probability(weights: Sequence[float], row: Sequence[float]) -> float:
    z = sum(w * x for w, x in zip(weights, row, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


Scorer = Callable[[Sequence[float]], float]  # a block's probability of being boilerplate


def linear(X: list[list[float]], y: list[int], c: float = 3.0) -> Scorer:
    """The shipped model, as a scorer: :func:`fit`'s weights in :func:`probability`."""
    weights = list(fit(X, y, c).values())
    return lambda row: probability(weights, row)


def choose_threshold(
    pages: Sequence[Labelled], c: float = 3.0, flagged: float = 0.02, learner: Callable[..., Scorer] = linear
) -> float:
    """The lowest threshold (0.99 down to ``LOWEST``) at which at most ``flagged`` of the pages'
    article blocks are reported when each site fold is judged by a model (``learner(X, y, c)``)
    trained on the others (0.99 when no fold can be trained)."""
    scores: list[tuple[float, int]] = []  # held-out probability of each labelled block reported
    mains = 0
    for k in range(FOLDS):
        X, y = examples([p for p in pages if fold_of(p.site) != k])
        held = [p for p in pages if fold_of(p.site) == k]
        mains += sum(label == 0 for p in held for label in p.labels)
        if len(set(y)) < 2 or not held:
            continue
        model = learner(X, y, c)
        for p in held:
            for row, label, judged in zip(p.rows, p.labels, p.judged, strict=True):
                if label is not None and judged:
                    scores.append((model(row), label))
    best = 0.99
    for step in range(99, round(LOWEST * 100) - 1, -1):
        t = step / 100
        if sum(label == 0 and p >= t for p, label in scores) > flagged * mains:
            break
        best = t
    return best


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


def examples(pages: Sequence[Labelled]) -> tuple[list[list[float]], list[int]]:
    """The labelled blocks of the pages: features and labels."""
    X: list[list[float]] = []
    y: list[int] = []
    for page in pages:
        for row, label in zip(page.rows, page.labels, strict=True):
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


def write_weights(rule_file: Path, weights: dict[str, float], threshold: float | None = None) -> None:
    """Replace the rule file's ``weights`` section (its last key) with these weights, and its
    ``threshold`` line with this threshold, when given."""
    text = rule_file.read_text(encoding="utf-8")
    head = text.split("\nweights:", 1)[0].rstrip("\n")
    if threshold is not None:
        head = re.sub(r"(?m)^threshold:.*$", f"threshold: {threshold}", head)
    body = "".join(f"  {name}: {value}\n" for name, value in weights.items())
    rule_file.write_text(f"{head}\nweights:\n{body}", encoding="utf-8")


def train_command(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="newslint train-boilerplate", description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, help="labelled pages: NAME.html and NAME.truth.json")
    ap.add_argument("--rule", type=Path, default=builtin_rules_dir() / RULE, help="rule file to write the weights to")
    ap.add_argument("-C", type=float, default=3.0, help="inverse regularization strength (3: best on sites held out)")
    ap.add_argument(
        "--flagged",
        type=float,
        default=0.02,
        help="most article blocks reported on sites held out (sets the threshold)",
    )
    args = ap.parse_args(argv)
    try:
        import sklearn  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        print("newslint: error: training needs scikit-learn: pip install scikit-learn", file=sys.stderr)
        return 2
    max_words = int(load_yaml(args.rule).get("max-words", 60))
    pages = [labelled(*read_page(p), max_words, p.name) for p in sorted(args.folder.glob("*.html")) if _has_truth(p)]
    X, y = examples(pages)
    if len(set(y)) < 2:
        print(f"newslint: error: {args.folder}: no pages with both kinds of labelled blocks", file=sys.stderr)
        return 2
    weights = fit(X, y, args.C)
    threshold = choose_threshold(pages, args.C, args.flagged)
    write_weights(args.rule, weights, threshold)
    print(
        f"{args.rule}: weights from {len(pages)} pages, {len(y)} labelled blocks ({sum(y)} boilerplate);"
        f" threshold {threshold} ({len({p.site for p in pages})} sites in {FOLDS} folds)"
    )
    return 0


def _has_truth(html_path: Path) -> bool:
    return html_path.with_name(html_path.name[: -len(".html")] + ".truth.json").is_file()
