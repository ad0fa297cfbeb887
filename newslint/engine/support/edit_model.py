"""The noisy channel of spelling suggestions: how likely a writer is to type one string for another.

A misspelling is explained by the fewest single-letter edits that make it from the intended
word (``alignment``): a letter struck for another (``sub``), dropped (``drop``), a doubled letter
written once (``undouble``), a letter added (``add``), a letter doubled (``double``), or two
letters swapped (``swap``), or a doubling moved to the next letter (``moved``: sleepy, sleppy). Each edit's probability is its count in misspelling lists over the
number of chances to make it (how often the intended letter, or pair, occurs in the corrections),
smoothed towards the edit kind's overall rate; a substitution's letter is smoothed towards a
prior that favours keyboard neighbours, vowels for vowels and sound-alike letters. Edits at the
first letter are scaled by how much rarer they are there. The counts ship in ``edit_model.json``,
written by ``benchmarks/spelling_channel.py --write`` from the tuning half of the shared lists.
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

DATA = Path(__file__).with_name("edit_model.json")
KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
VOWELS = frozenset("aeiouy")
SOUND_ALIKE = frozenset(
    {"ck", "kc", "cs", "sc", "sz", "zs", "fv", "vf", "gj", "jg", "iy", "yi", "dt", "td", "mn", "nm"}
)
LETTERS = "abcdefghijklmnopqrstuvwxyz"
KINDS = ("sub", "drop", "undouble", "add", "double", "swap", "moved")
SMOOTHING = 8.0  # pseudo-counts pulling a letter's edit rate towards its kind's overall rate
PRIOR_WEIGHT = 4.0  # how much more likely a neighbour, vowel or sound-alike substitution is a priori
MAX_TRAIN_DISTANCE = 3  # pairs further apart teach the model nothing about single slips
NEIGHBOURS = {
    c: {
        row2[j]
        for row2_i, row2 in enumerate(KEYBOARD)
        if abs(row2_i - i) <= 1
        for j in range(len(row2))
        if abs(j - (k + (row2_i - i) * 0.5 if row2_i != i else k)) <= 1 and row2[j] != c
    }
    for i, row in enumerate(KEYBOARD)
    for k, c in enumerate(row)
}

Edit = tuple[str, str, int]  # kind, letters (intended then typed for ``sub``), position in the intended word


Cost = Callable[[Edit], float]
BAND = 3  # a path strays at most this far from the diagonal: more edits than that are never a slip
SCORE_BAND = 2  # suggestions are at most two edits away


def unit(edit: Edit) -> float:
    """Every edit costs the same: the fewest edits."""
    return 1.0


def alignment(word: str, typo: str, cost: Cost = unit, band: int = BAND) -> tuple[float, list[Edit]]:
    """The cheapest single-letter edits (an adjacent swap is one) that turn ``word`` into ``typo``,
    and their total cost; by default the fewest edits. Infinite, with no edits, when the letters
    must stray more than ``band`` from the diagonal."""
    n, m = len(word), len(typo)
    lo = _common(word, typo)  # letters both share at either end take no edit; one is kept for context
    hi = min(_common(word[::-1], typo[::-1]), min(n, m) - lo)
    inf = float("inf")
    total = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, Edit | None]]] = [[(0, 0, None)] * (m + 1) for _ in range(n + 1)]
    total[lo][lo] = 0.0
    end_i, end_j = n - hi, m - hi
    for i in range(lo, end_i + 1):
        row = total[i]
        for j in range(max(lo, i - band), min(end_j, i + band) + 1):
            here = row[j]
            if here == inf:
                continue
            for a, b, edit in _steps(word, typo, i, j, end_i, end_j):
                t = here + cost(edit) if edit else here
                if t < total[a][b]:
                    total[a][b], back[a][b] = t, (i, j, edit)
    if total[end_i][end_j] == inf:
        return inf, []
    out, i, j = [], end_i, end_j
    while (i, j) != (lo, lo):
        i, j, edit = back[i][j]
        if edit:
            out.append(edit)
    return total[end_i][end_j], out[::-1]


def cheapest(word: str, typo: str, cost: Cost = unit, band: int = BAND) -> float:
    """The total cost ``alignment`` finds, without tracing its edits back (all that a score
    needs): the same table filled in the same order, with ``_steps`` written out in place."""
    n, m = len(word), len(typo)
    lo = _common(word, typo)
    hi = min(_common(word[::-1], typo[::-1]), min(n, m) - lo)
    inf = float("inf")
    total = [[inf] * (m + 1) for _ in range(n + 1)]
    total[lo][lo] = 0.0
    end_i, end_j = n - hi, m - hi
    for i in range(lo, end_i + 1):
        row = total[i]
        down = total[i + 1] if i < end_i else row
        for j in range(max(lo, i - band), min(end_j, i + band) + 1):
            here = row[j]
            if here == inf:
                continue
            if i < end_i and j < end_j:
                t = here if word[i] == typo[j] else here + cost(_substitution(word, typo, i, j))
                if t < down[j + 1]:
                    down[j + 1] = t
                if i + 1 < end_i and j + 1 < end_j and _swapped(word, typo, i + 2, j + 2):
                    t = here + cost(("swap", word[i : i + 2], i))
                    if t < total[i + 2][j + 2]:
                        total[i + 2][j + 2] = t
            if i < end_i:
                x = word[i]
                t = here + cost(("undouble" if x in word[max(i - 1, 0) : i] + word[i + 1 : i + 2] else "drop", x, i))
                if t < down[j]:
                    down[j] = t
            if j < end_j:
                y = typo[j]
                t = here + cost(("double" if y in typo[max(j - 1, 0) : j] + typo[j + 1 : j + 2] else "add", y, i))
                if t < row[j + 1]:
                    row[j + 1] = t
    return total[end_i][end_j]


def _common(a: str, b: str) -> int:
    """How many letters ``a`` and ``b`` share at their start, less one (kept as context)."""
    k = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        k += 1
    return max(k - 1, 0)


def _steps(word: str, typo: str, i: int, j: int, n: int, m: int) -> list[tuple[int, int, Edit | None]]:
    """The moves from cell (i, j) of the alignment, within (n, m): the cell each reaches and its
    edit (None for a match)."""
    out: list[tuple[int, int, Edit | None]] = []
    if i < n and j < m:
        out.append((i + 1, j + 1, None if word[i] == typo[j] else _substitution(word, typo, i, j)))
        if i + 1 < n and j + 1 < m and _swapped(word, typo, i + 2, j + 2):
            out.append((i + 2, j + 2, ("swap", word[i : i + 2], i)))
    if i < n:
        x = word[i]
        out.append((i + 1, j, ("undouble" if x in word[max(i - 1, 0) : i] + word[i + 1 : i + 2] else "drop", x, i)))
    if j < m:
        y = typo[j]
        out.append((i, j + 1, ("double" if y in typo[max(j - 1, 0) : j] + typo[j + 1 : j + 2] else "add", y, i)))
    return out


def _substitution(word: str, typo: str, i: int, j: int) -> Edit:
    """A letter struck for another, or a doubling moved to the next letter (sleepy: sleppy)."""
    x, y = word[i], typo[j]
    after = word[i - 1 : i] == x and word[i + 1 : i + 2] == y == typo[j + 1 : j + 2]
    before = word[i + 1 : i + 2] == x and word[i - 1 : i] == y == typo[j - 1 : j]
    return ("moved", x, i) if after or before else ("sub", x + y, i)


def _swapped(word: str, typo: str, i: int, j: int) -> bool:
    return word[i - 1] == typo[j - 2] and word[i - 2] == typo[j - 1] and word[i - 1] != word[i - 2]


def count(pairs: Iterable[tuple[str, str]], cost: Cost = unit) -> dict[str, dict[str, int]]:
    """Edit counts and chances from (misspelling, correction) pairs, lower-cased: the model's data.

    Each pair is aligned by ``cost``: the fewest edits, or the likeliest under a model counted before."""
    tally: dict[str, Counter[str]] = {name: Counter() for name in (*KINDS, "chars", "pairs", "doubles", "totals")}
    for typo, word in pairs:
        typo, word = typo.lower(), word.lower()
        edits = alignment(word, typo, cost)[1]
        if not edits or len(edits) > MAX_TRAIN_DISTANCE:
            continue
        tally["totals"]["words"] += 1
        tally["chars"].update(word)
        tally["pairs"].update(word[k : k + 2] for k in range(len(word) - 1))
        tally["doubles"].update(word[k] for k in range(len(word) - 1) if word[k] == word[k + 1])
        for kind, letters, pos in edits:
            tally[kind][letters] += 1
            tally["totals"]["first" if pos == 0 else "later"] += 1
    return {name: dict(sorted(c.items())) for name, c in tally.items()}


class Channel:
    """log10 P(typo | word) from edit counts (see ``count``)."""

    def __init__(self, counts: Mapping[str, Mapping[str, int]], smoothing: float = SMOOTHING):
        self.counts = counts
        self.k = smoothing
        self.memo: dict[tuple[str, str, bool], float] = {}
        self.costs: dict[Edit, float] = {}  # see cost()
        chars, pairs, doubles = counts["chars"], counts["pairs"], counts["doubles"]
        n_chars = max(sum(chars.values()), 1)
        self.rate = {
            "sub": _total(counts["sub"]) / n_chars,
            "drop": _total(counts["drop"]) / n_chars,
            "undouble": _total(counts["undouble"]) / max(_total(doubles), 1),
            "add": _total(counts["add"]) / n_chars,
            "double": _total(counts["double"]) / n_chars,
            "swap": _total(counts["swap"]) / max(_total(pairs), 1),
            "moved": _total(counts["moved"]) / max(_total(doubles), 1),
        }
        totals = counts["totals"]
        words = max(totals.get("words", 0), 1)
        edits = totals.get("first", 0) + totals.get("later", 0)
        # Edits per first letter over edits per letter: below 1, writers rarely get the first letter wrong.
        self.first = ((totals.get("first", 0) + 1) / words) / ((edits + 1) / n_chars)
        self.subs: dict[str, int] = Counter()
        for letters, n in counts["sub"].items():
            self.subs[letters[0]] += n
        # The likeliest single edit: a bound on what a candidate more edits away can gain.
        self.ceiling = max((self.edit_log_p(kind, key, False) for kind in KINDS for key in counts[kind]), default=0.0)

    def log_p(self, word: str, typo: str) -> float:
        """log10 of the probability that a writer meaning ``word`` types ``typo`` (by its likeliest edits)."""
        return -cheapest(word, typo, self.cost, SCORE_BAND)

    def cost(self, edit: Edit) -> float:
        """-log10 of an edit's probability (remembered by edit: an alignment asks for thousands)."""
        found = self.costs.get(edit)
        if found is None:
            found = self.costs[edit] = -self.edit_log_p(edit[0], edit[1], edit[2] == 0)
        return found

    def edit_log_p(self, kind: str, letters: str, first: bool) -> float:
        key = (kind, letters, first)
        found = self.memo.get(key)
        if found is None:
            p = self._p(kind, letters) * (self.first if first else 1.0)
            found = self.memo[key] = math.log10(min(max(p, 1e-9), 1.0))
        return found

    def _p(self, kind: str, letters: str) -> float:
        c, k = self.counts, self.k
        n = c[kind].get(letters, 0)
        if kind == "sub":
            x, y = letters[0], letters[1]
            n_x = self.subs.get(x, 0)
            rate = (n_x + k * self.rate["sub"]) / (c["chars"].get(x, 0) + k)
            return rate * (n + k * _prior(x, y)) / (n_x + k)
        if kind == "add":
            return self.rate["add"] * (n + k / len(LETTERS)) / (_total(c["add"]) + k)
        chances = {
            "drop": c["chars"],
            "double": c["chars"],
            "undouble": c["doubles"],
            "swap": c["pairs"],
            "moved": c["doubles"],
        }
        return (n + k * self.rate[kind]) / (chances[kind].get(letters, 0) + k)


def _total(counts: Mapping[str, int]) -> int:
    return sum(counts.values())


def _prior(x: str, y: str) -> float:
    """The prior share of substitutions of ``x`` that write ``y``."""

    def weight(z: str) -> float:
        alike = z in NEIGHBOURS.get(x, ()) or (x in VOWELS and z in VOWELS) or x + z in SOUND_ALIKE
        return PRIOR_WEIGHT if alike else 1.0

    return weight(y) / _prior_total(x)


@functools.cache
def _prior_total(x: str) -> float:
    alike = (
        NEIGHBOURS.get(x, set())
        | (VOWELS if x in VOWELS else set())
        | {pair[1] for pair in SOUND_ALIKE if pair[0] == x}
    )
    return sum(PRIOR_WEIGHT if z in alike else 1.0 for z in LETTERS if z != x)


_CHANNEL: Channel | None = None


def channel() -> Channel:
    """The shipped channel, read on first use."""
    global _CHANNEL
    if _CHANNEL is None:
        _CHANNEL = Channel(json.loads(DATA.read_text(encoding="utf-8")))
    return _CHANNEL
