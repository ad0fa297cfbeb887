"""``--format gitlab``: a GitLab Code Quality report (a subset of Code Climate's issue format)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any, TextIO

from newslint.engine.findings import Placed
from newslint.report import RunInfo

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def issue(f: Placed, occurrence: int) -> dict[str, Any]:
    """One finding as a Code Quality issue. The fingerprint leaves the line out, so that an edit
    above a finding does not make it new in a merge request; ``occurrence`` tells repeats apart."""
    path = f.path.removeprefix("./")
    key = "\0".join([path, f.rule, f.message, str(occurrence)])
    return {
        "description": f"{f.message} [{f.rule}]",
        "check_name": f.rule,
        "fingerprint": hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32],
        "severity": SEVERITY.get(f.severity, "minor"),
        "location": {"path": path, "lines": {"begin": f.place.line, "end": f.place.end_line}},
    }


def report(findings: list[Placed], info: RunInfo, out: TextIO) -> None:
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for f in findings:
        seen[f.path, f.rule, f.message] += 1
        issues.append(issue(f, seen[f.path, f.rule, f.message]))
    json.dump(issues, out, indent=2, ensure_ascii=False)
    out.write("\n")
