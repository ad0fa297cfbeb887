"""``corpus_near``: near-duplicate articles in one run (the same story published twice).

Each article long enough to judge gets a MinHash signature of its word shingles (runs of
``shingle`` words, lower-cased) and their number while it is linted; once every article of the
run is linted, locality-sensitive hashing (datasketch's ``MinHashLSH``) finds the candidate
pairs whose Jaccard similarity may be ``candidate-threshold`` or more, and each candidate pair
is kept when the share of the shorter article's shingles found in the longer one (estimated
from the signatures and the counts) is at least ``threshold``: a copy that lost a paragraph is
still a copy. Near copies are grouped (a story published three times is one group) and every
copy is reported, naming the others. Each article costs one signature, one LSH insert and one
query; the candidate pairs checked grow with the square of the run at a rate set by
``candidate-threshold`` (see docs/scale.md), small below about 100,000 articles.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Iterator
from typing import Any

from newslint.document.model import Document
from newslint.engine.findings import Finding
from newslint.engine.kind import Context, Option, OptionError
from newslint.engine.loader import Rule

CORPUS = True  # fingerprints per article, findings after the whole run

OPTIONS = {
    "shingle": Option(int, default=3, help="words per shingle"),
    "num-perm": Option(int, default=128, help="MinHash permutations (signature length)"),
    "threshold": Option(float, default=0.6, help="the lowest share of the shorter article's shingles in the other"),
    "candidate-threshold": Option(float, default=0.2, help="the Jaccard similarity LSH looks for candidates at"),
    "min-words": Option(int, default=50, help="articles with fewer words are not fingerprinted"),
    "min-articles": Option(int, default=2, help="the fewest near copies reported"),
    "min-share": Option(float, default=0.0, help="the smallest share (0 to 1) of the run's articles they must be"),
    "max-related": Option(int, default=5, help="how many of the other copies a finding names"),
}

SEED = 1  # one fixed seed and scheme: signatures made by any process, on any machine, compare
SCHEME = "affine32"


def prepare(rule: Rule) -> None:
    o = rule.options
    for key in ("threshold", "candidate-threshold"):
        if not 0.0 < float(o[key]) < 1.0:
            raise OptionError(key, "must be between 0 and 1")
    if not 16 <= int(o["num-perm"]) <= 1024:
        raise OptionError("num-perm", "must be from 16 to 1024")
    if int(o["shingle"]) < 1:
        raise OptionError("shingle", "must be 1 or more")


def check(rule: Rule, doc: Document, ctx: Context) -> list[Finding]:
    """Nothing within one article: the findings come from :func:`fingerprints` across articles."""
    return []


def fingerprints(rule: Rule, doc: Document) -> Iterator[tuple[str, int, int]]:
    """One (key, start, end) for the whole article: the key is the number of its shingles and
    its MinHash signature as base64 of 32-bit values (``count:base64``); the span runs from its
    first block to its last."""
    words = [t.text.lower().replace("\u2019", "'") for t in doc.words]
    if len(words) < rule.options["min-words"] or not doc.blocks:
        return
    n = rule.options["shingle"]
    shingles = {" ".join(words[i : i + n]).encode("utf-8", "surrogatepass") for i in range(len(words) - n + 1)}
    sig = _minhash(rule.options["num-perm"])
    sig.update_batch(sorted(shingles))
    values = sig.hashvalues.astype("<u4").tobytes()  # MinHash values are below 2**32
    yield f"{len(shingles)}:{base64.b64encode(values).decode('ascii')}", doc.blocks[0].start, doc.blocks[-1].end


def matches(rule: Rule, keys: list[str]) -> Iterable[list[int]]:
    """Groups of near copies: LSH candidates of which the shorter's shingles are, by the
    signatures' estimate, at least ``threshold`` in the other; joined into groups."""
    from datasketch import MinHashLSH

    perm = rule.options["num-perm"]
    lsh = MinHashLSH(threshold=float(rule.options["candidate-threshold"]), num_perm=perm)
    parsed = [_parse(k, perm) for k in keys]
    parent = list(range(len(keys)))
    for i, (count, values) in enumerate(parsed):
        if values is None:
            continue  # a signature of other settings (an old cache entry): not comparable
        m = _minhash(perm, values)
        for j in lsh.query(m):
            if _contained(count, values, *parsed[j]) >= rule.options["threshold"]:
                _join(parent, i, j)
        lsh.insert(i, m)
    groups: dict[int, list[int]] = {}
    for i in range(len(keys)):
        groups.setdefault(_root(parent, i), []).append(i)
    return (g for g in groups.values() if len(g) > 1)


def _parse(key: str, perm: int) -> tuple[int, Any]:
    """The shingle count and signature of a key (None for a signature of another length)."""
    import numpy as np

    count, _, text = key.partition(":")
    values = np.frombuffer(base64.b64decode(text), dtype="<u4").astype(np.uint32)
    return int(count), values if len(values) == perm else None


def _contained(count: int, values: Any, other_count: int, other: Any) -> float:
    """The estimated share of the smaller set's shingles that are in the larger one."""
    jaccard = float((values == other).mean())
    common = jaccard * (count + other_count) / (1.0 + jaccard)
    return common / max(1, min(count, other_count))


def warm() -> None:
    """Import datasketch (about a second: it loads scipy) once, before worker processes fork."""
    import datasketch  # noqa: F401


_PERMUTATIONS: dict[int, Any] = {}  # per process: made once per signature length (they cost 0.4 ms)


def _minhash(perm: int, values: Any = None) -> Any:
    """A MinHash of this length, empty or with these values, on the shared permutations."""
    from datasketch import MinHash

    if perm not in _PERMUTATIONS:
        _PERMUTATIONS[perm] = MinHash(num_perm=perm, seed=SEED, scheme=SCHEME).permutations
    return MinHash(num_perm=perm, seed=SEED, hashvalues=values, permutations=_PERMUTATIONS[perm], scheme=SCHEME)


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _join(parent: list[int], i: int, j: int) -> None:
    a, b = _root(parent, i), _root(parent, j)
    if a != b:
        parent[max(a, b)] = min(a, b)
