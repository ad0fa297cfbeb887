"""YAML front matter of Markdown files: the prose fields are linted, the rest skipped."""

from __future__ import annotations

import re

from newslint.document.lazyre import lazy
from newslint.document.readers.blocks import BlockCollector, align
from newslint.document.source import INVALID_BYTES

PROSE_FIELDS = ("title", "subtitle", "description", "summary", "excerpt")
OPEN = lazy(r"---[ \t]*\n")
CLOSE = lazy(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
MAX_CHARS = 64 << 10  # larger front matter is not read for prose fields (the YAML parser is slow)


def split_front_matter(text: str) -> tuple[int, int] | None:
    """(start, end) of the YAML between the fences, or None when there is no closed block."""
    m = OPEN.match(text)
    if not m:
        return None
    close = CLOSE.search(text, m.end())
    if not close:
        return None
    return m.end(), close.start()


def read_front_matter(text: str, start: int, end: int, collector: BlockCollector) -> None:
    """Add the prose fields of the front matter at ``text[start:end]`` as blocks."""
    if end - start > MAX_CHARS:
        return
    import yaml  # here: only files with front matter need PyYAML (about 15 ms of start-up)

    # PyYAML refuses a byte that is not UTF-8 (a lone surrogate): it reads U+FFFD there instead.
    readable = INVALID_BYTES.sub(lambda m: "\ufffd" * len(m.group()), text[start:end])
    try:  # the pure-Python loader: deep nesting raises RecursionError rather than crashing
        root = yaml.compose(readable, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return
    if not isinstance(root, yaml.MappingNode):
        return
    for key, value in root.value:
        if (
            key.value not in PROSE_FIELDS
            or not isinstance(value, yaml.ScalarNode)
            or value.tag != "tag:yaml.org,2002:str"
        ):
            continue
        a, b = start + value.start_mark.index, start + value.end_mark.index
        prose = _restore(value.value, text[a:b]) if readable != text[start:end] else value.value
        if prose is None:
            continue
        prose_start = collector.open(a)
        if text[a:b] == prose:
            collector.prose.add(prose, a)
        else:
            align(collector.prose, prose, text, a, b)
        collector.close("headline" if key.value == "title" else "field", prose_start)


def _restore(value: str, stored: str) -> str | None:
    """The parsed ``value`` with each U+FFFD read in place of a byte that is not UTF-8 put
    back as that byte, or None when the two cannot be matched one for one."""
    bad = [ch for m in INVALID_BYTES.finditer(stored) for ch in m.group()]
    if not bad:
        return value
    if "\ufffd" in stored or value.count("\ufffd") != len(bad):
        return None
    restored = iter(bad)
    return "".join(next(restored) if ch == "\ufffd" else ch for ch in value)
