"""The two seed articles: every `must` defect in expected.yaml is found, nothing flagged on clean text.

The scoring follows the rules written at the top of tests/fixtures/seeds/expected.yaml.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newslint.api import lint_bytes, records

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
EXPECTED = yaml.safe_load((SEEDS / "expected.yaml").read_text(encoding="utf-8"))


def _findings(name: str) -> tuple[list[str], list[dict]]:
    data = (SEEDS / name).read_bytes()
    return data.decode("utf-8").split("\n"), records(lint_bytes(data, name))


def _columns(line: str, text: str) -> list[tuple[int, int]]:
    """1-based (start, end) columns of every occurrence of ``text`` on ``line``."""
    out, i = [], line.find(text)
    while i >= 0:
        out.append((i + 1, i + 1 + len(text)))
        i = line.find(text, i + 1)
    return out


def _overlaps(f: dict, line: int, start: int, end: int) -> bool:
    return (f["line"], f["column"]) < (line, end) and (line, start) < (f["end_line"], f["end_column"])


def _last_line(f: dict) -> int:
    return f["end_line"] - 1 if f["end_column"] == 1 and f["end_line"] > f["line"] else f["end_line"]


def _found(defect: dict, lines: list[str], findings: list[dict]) -> bool:
    line = defect["line"]
    cands = [f for f in findings if f["category"] in defect["categories"]]
    if "text" not in defect:
        return any(f["line"] <= line <= _last_line(f) for f in cands)
    spans = _columns(lines[line - 1], defect["text"])
    hits = [f for f in cands if any(_overlaps(f, line, a, b) for a, b in spans)]
    if not all(any(_overlaps(f, line, a, b) for f in cands) for a, b in spans):
        return False
    return "suggestion" not in defect or any(defect["suggestion"] in f["suggestions"] for f in hits)


def _cases(level: str) -> list:
    return [
        pytest.param(name, d, id=f"{name[:3]}:{d['line']}:{d.get('text', '')}")
        for name, spec in EXPECTED.items()
        for d in spec["defects"]
        if d["level"] == level
    ]


@pytest.mark.parametrize(("name", "defect"), _cases("must"))
def test_must_defect_is_found(name: str, defect: dict) -> None:
    lines, findings = _findings(name)
    assert _found(defect, lines, findings), defect


@pytest.mark.parametrize("name", list(EXPECTED))
def test_clean_lines_and_names_are_left_alone(name: str) -> None:
    lines, findings = _findings(name)
    spec = EXPECTED[name]
    wrong = []
    for clean in spec.get("clean", []):
        allowed = set(clean.get("except", []))
        wrong += [f for f in findings if f["category"] not in allowed and clean["line"] in (f["line"], _last_line(f))]
    for keep in spec.get("not_flagged", []):
        for f in findings:
            if f["category"] not in keep["categories"]:
                continue
            if "text" in keep:
                spans = _columns(lines[keep["line"] - 1], keep["text"])
                hit = any(_overlaps(f, keep["line"], a, b) for a, b in spans)
            else:
                hit = f["line"] == keep["line"]
            wrong += [f] if hit else []
    assert not wrong, [(f["line"], f["rule"], f["message"]) for f in wrong]
