"""The fixed halves of the shared data: tune on one, report on the other.

Every benchmark splits with `half(key)` so that the halves never move between runs or scripts.
The key names the unit that must not straddle the halves: a clean article's file name, a web
page's site, a misspelling pair's correction.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")
HALVES = ("tune", "test")


def half(key: str) -> str:
    """Return "tune" or "test" for this key, the same on every run."""
    return HALVES[zlib.crc32(key.encode("utf-8")) % 2]


def split(items: Iterable[T], key: Callable[[T], str]) -> dict[str, list[T]]:
    """Split items into the tuning and held-out halves by their key."""
    out: dict[str, list[T]] = {name: [] for name in HALVES}
    for item in items:
        out[half(key(item))].append(item)
    return out
