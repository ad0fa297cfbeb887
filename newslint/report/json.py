"""``--format json``: one JSON array of every finding, as the output contract describes."""

from __future__ import annotations

import json
from typing import Any, TextIO


def report(findings: list[dict[str, Any]], info: Any, out: TextIO) -> None:
    json.dump(findings, out, ensure_ascii=False, indent=2)
    out.write("\n")
