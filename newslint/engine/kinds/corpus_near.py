"""``corpus_near``: near-duplicate articles in one run (the same story published twice).

Each article long enough to judge gets a MinHash signature of its word shingles (runs of
``shingle`` words, lower-cased) and their number while it is linted: each shingle's 32-bit SHA-1
prefix through ``num-perm`` fixed affine permutations modulo the Mersenne prime 2**61 - 1, the
least value of each kept (numpy, in blocks of shingles). Once every article of the run is
linted, the candidate pairs are those whose signatures agree on at least ``candidate-threshold``
of their values: compared pair by pair in a run of up to ``EXACT_UP_TO`` signatures, found by
locality-sensitive hashing (datasketch's ``MinHashLSH``) in a larger one. A candidate pair is kept
when the share of the shorter article's shingles found in the longer one (estimated from the
signatures and the counts) is at least ``threshold``: a copy that lost a paragraph is still a
copy. Near copies are grouped (a story published three times is one group) and every copy is
reported, naming the others. datasketch (which loads scipy: half a second) is imported only for
a run of more than ``EXACT_UP_TO`` articles, so a pre-commit run of a few files does not pay for
it. In a large run the candidate pairs checked grow with the square of the run at a rate set by
``candidate-threshold`` (see docs/scale.md), small below about 100,000 articles.
"""

from __future__ import annotations

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

SEED = 1  # one fixed seed: signatures made by any process, on any machine, compare
MERSENNE = (1 << 61) - 1
MAX32 = (1 << 32) - 1
BLOCK = 4096  # shingles hashed through the permutations at a time (bounds the temporary array)
EXACT_UP_TO = 2000  # signatures compared pair by pair; more go through LSH


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
    values = signature(shingles, rule.options["num-perm"]).astype("<u4").tobytes()
    import base64  # here, as hashlib: a run of one article never fingerprints

    yield f"{len(shingles)}:{base64.b64encode(values).decode('ascii')}", doc.blocks[0].start, doc.blocks[-1].end


def signature(shingles: Iterable[bytes], perm: int) -> Any:
    """The MinHash signature of a set of shingles: ``perm`` values below 2**32."""
    import hashlib

    import numpy as np

    a, b = _permutations(perm)
    sha1 = hashlib.sha1
    digests = b"".join([sha1(s).digest() for s in shingles])  # 20 bytes each, read as five 32-bit words
    hashes = np.frombuffer(digests, dtype="<u4").reshape(-1, 5)[:, 0].astype(np.uint64)  # the first: the prefix
    out = np.full(perm, MAX32, dtype=np.uint64)
    for at in range(0, len(hashes), BLOCK):
        block = _mod_mersenne(a * hashes[at : at + BLOCK] + b) & np.uint64(MAX32)
        np.minimum(out, block.min(axis=1), out=out)
    return out.astype(np.uint32)


def _mod_mersenne(x: Any) -> Any:
    """``x % MERSENNE`` of an array of values below 2**64, without a division: as 2**61 is 1
    modulo 2**61 - 1, x is congruent to its low 61 bits plus the 3 above them, a sum below
    MERSENNE + 8, so one subtraction finishes it (three times faster than numpy's ``%``)."""
    import numpy as np

    prime = np.uint64(MERSENNE)
    out = x & prime
    out += x >> np.uint64(61)
    out[out >= prime] -= prime
    return out


_PERMUTATIONS: dict[int, tuple[Any, Any]] = {}  # per process: made once per signature length


def _permutations(perm: int) -> tuple[Any, Any]:
    """The fixed permutations (a, b) as columns; a * h + b stays below 2**64 for h < 2**32."""
    import numpy as np

    if perm not in _PERMUTATIONS:
        rng = np.random.RandomState(SEED)
        a = rng.randint(1, MAX32, size=perm, dtype=np.uint64)
        b = rng.randint(0, MAX32, size=perm, dtype=np.uint64)
        _PERMUTATIONS[perm] = (a[:, None], b[:, None])
    return _PERMUTATIONS[perm]


def matches(rule: Rule, keys: list[str]) -> Iterable[list[int]]:
    """Groups of near copies: candidate pairs of which the shorter's shingles are, by the
    signatures' estimate, at least ``threshold`` in the other; joined into groups."""
    perm = rule.options["num-perm"]
    parsed = [_parse(k, perm) for k in keys]
    usable = [i for i, (_, values) in enumerate(parsed) if values is not None]  # others: old settings
    cut = float(rule.options["candidate-threshold"])
    found = _exact_pairs(parsed, usable, cut) if len(usable) <= EXACT_UP_TO else _lsh_pairs(parsed, usable, cut, perm)
    parent = list(range(len(keys)))
    for i, j in found:
        if _contained(*parsed[i], *parsed[j]) >= rule.options["threshold"]:
            _join(parent, i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(keys)):
        groups.setdefault(_root(parent, i), []).append(i)
    return (g for g in groups.values() if len(g) > 1)


def _exact_pairs(parsed: list[tuple[int, Any]], usable: list[int], cut: float) -> Iterator[tuple[int, int]]:
    """Every pair whose signatures agree on at least ``cut`` of their values."""
    import numpy as np

    if len(usable) < 2:
        return
    sigs = np.stack([parsed[i][1] for i in usable])
    for x in range(len(usable) - 1):
        agree = (sigs[x + 1 :] == sigs[x]).mean(axis=1)
        for y in np.nonzero(agree >= cut)[0]:
            yield usable[x], usable[x + 1 + int(y)]


def _lsh_pairs(parsed: list[tuple[int, Any]], usable: list[int], cut: float, perm: int) -> Iterator[tuple[int, int]]:
    """Candidate pairs from datasketch's LSH index, each article queried before it is inserted."""
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=cut, num_perm=perm)
    for i in usable:
        m = MinHash(num_perm=perm, hashvalues=parsed[i][1].astype(np.uint64), scheme="legacy")
        for j in lsh.query(m):
            yield j, i
        lsh.insert(i, m)


def _parse(key: str, perm: int) -> tuple[int, Any]:
    """The shingle count and signature of a key (None for a signature of another length)."""
    import base64

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
    """Import numpy (for the signatures) once, before worker processes fork."""
    import numpy  # noqa: F401


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _join(parent: list[int], i: int, j: int) -> None:
    a, b = _root(parent, i), _root(parent, j)
    if a != b:
        parent[max(a, b)] = min(a, b)
