"""BlockKeys: words numbered in order of first use, the same whether built whole or merged."""

from __future__ import annotations

import random

from newslint.engine.similarity import BlockKeys

WORDS = "the talks would resume markets rose on news minister said shares fell".split()


def _blocks(rng: random.Random, n: int) -> list[tuple[str, list[str]]]:
    return [(f"Block {i}.", [rng.choice(WORDS) for _ in range(rng.randrange(0, 9))]) for i in range(n)]


def _built(blocks: list[tuple[str, list[str]]]) -> BlockKeys:
    keys = BlockKeys()
    for text, words in blocks:
        keys.add(text, words)
    return keys


def _reference_ids(blocks: list[tuple[str, list[str]]]) -> list[list[int]]:
    numbers: dict[str, int] = {}
    return [[numbers.setdefault(w, len(numbers)) for w in words] for _, words in blocks]


def test_words_are_numbered_in_order_of_first_use() -> None:
    rng = random.Random(5)
    blocks = _blocks(rng, 40)
    keys = _built(blocks)
    assert [list(keys.ids_of(i)) for i in range(len(keys))] == _reference_ids(blocks)
    assert [keys.words_of(i) for i in range(len(keys))] == [words for _, words in blocks]


def test_keys_merged_window_by_window_equal_keys_built_whole() -> None:
    rng = random.Random(7)
    for _ in range(50):
        blocks = _blocks(rng, rng.randrange(1, 30))
        whole = _built(blocks)
        cuts = sorted(rng.sample(range(len(blocks) + 1), 2))
        merged = _built(blocks[: cuts[0]])
        for part in (blocks[cuts[0] : cuts[1]], blocks[cuts[1] :]):
            merged.extend(_built(part))
        assert list(merged.ids) == list(whole.ids) and list(merged.bounds) == list(whole.bounds)
        assert merged.words == whole.words and list(merged.texts) == list(whole.texts)
        assert merged.letters == whole.letters
        assert [merged.words_of(i) for i in range(len(merged))] == [w for _, w in blocks]
