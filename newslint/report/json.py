"""``--format json``: one JSON array of every finding, as the output contract describes."""

from __future__ import annotations

import json
from typing import TextIO

from newslint.engine.findings import Placed
from newslint.report import RunInfo


def report(findings: list[Placed], info: RunInfo, out: TextIO) -> None:
    json.dump([f.record() for f in findings], out, ensure_ascii=False, indent=2)
    out.write("\n")
