"""``--format json-lines``: one JSON object (an output-contract finding) per line."""

from __future__ import annotations

import json
from typing import Any, TextIO


def report(findings: list[dict[str, Any]], info: Any, out: TextIO) -> None:
    for f in findings:
        out.write(json.dumps(f, ensure_ascii=False) + "\n")
