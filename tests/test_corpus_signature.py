"""The MinHash signature of ``corpus_near`` against a plain-Python reference of its definition."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from newslint.engine.kinds import corpus_near
from newslint.engine.kinds.corpus_near import MAX32, MERSENNE, _mod_mersenne, _permutations, signature


@pytest.mark.parametrize(
    "value",
    [0, 1, MERSENNE - 1, MERSENNE, MERSENNE + 1, 2 * MERSENNE, 2 * MERSENNE + 5, (1 << 64) - 1, (1 << 63) + 12345],
)
def test_mod_mersenne_is_the_remainder(value: int) -> None:
    got = _mod_mersenne(np.array([value], dtype=np.uint64))
    assert int(got[0]) == value % MERSENNE


def reference(shingles: set[bytes], perm: int) -> list[int]:
    """Each permutation's least value over the shingles' 32-bit SHA-1 prefixes, in Python ints."""
    a, b = _permutations(perm)
    prefixes = [int.from_bytes(hashlib.sha1(s).digest()[:4], "little") for s in shingles]
    return [min((int(a[i, 0]) * h + int(b[i, 0])) % MERSENNE & MAX32 for h in prefixes) for i in range(perm)]


def test_signature_matches_the_definition() -> None:
    shingles = {f"word{i} other{i % 7} third{i % 3}".encode() for i in range(300)}
    assert signature(shingles, 64).tolist() == reference(shingles, 64)


def test_signature_over_more_shingles_than_a_block(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus_near, "BLOCK", 16)
    shingles = {f"shingle {i}".encode() for i in range(100)}
    assert signature(shingles, 32).tolist() == reference(shingles, 32)
