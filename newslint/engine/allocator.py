"""Giving the C allocator's free memory back to the system between the passes over a big file.

What a pass frees in objects over 512 bytes (block texts, arrays, the tables of lists and
dictionaries) goes back to the C allocator's heap, which keeps it resident: the next pass's
small objects are made in pymalloc's own arenas and cannot reuse it, so the resident size
grows by what each pass held at its peak. glibc's ``malloc_trim`` returns the free pages; on
other systems (or another C library) nothing is done.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cache


@cache
def _trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where there is none (imported only when first needed)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        return ctypes.CDLL(None).malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):  # no C library to open, or one without it (musl)
        return None


def give_back() -> None:
    """Return the free memory the C allocator holds to the system, where it can."""
    trim = _trim()
    if trim is not None:
        trim(0)
