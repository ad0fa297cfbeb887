"""``--format json``: one JSON array of every finding, as the output contract describes."""

from __future__ import annotations

import json
from typing import TextIO

from newslint.engine.findings import Placed
from newslint.report import RunInfo


def report(findings: list[Placed], info: RunInfo, out: TextIO) -> None:
    """The array as ``json.dump(records, indent=2)`` writes it, one finding's record made and
    written at a time (a big file's records all at once would be larger than its findings)."""
    if not findings:
        out.write("[]\n")
        return
    for i, f in enumerate(findings):
        out.write(",\n  " if i else "[\n  ")
        # a JSON string holds no raw line break, so every one starts a line to indent
        out.write(json.dumps(f.record(), ensure_ascii=False, indent=2).replace("\n", "\n  "))
    out.write("\n]\n")
