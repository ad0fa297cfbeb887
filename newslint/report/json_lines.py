"""``--format json-lines``: one JSON object (an output-contract finding) per line."""

from __future__ import annotations

import json
from typing import TextIO

from newslint.engine.findings import Placed
from newslint.report import RunInfo


def report(findings: list[Placed], info: RunInfo, out: TextIO) -> None:
    for f in findings:
        write_finding(f, out)


def write_finding(f: Placed, out: TextIO) -> None:
    out.write(json.dumps(f.record(), ensure_ascii=False) + "\n")
