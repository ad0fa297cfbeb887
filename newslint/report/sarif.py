"""``--format sarif``: a SARIF 2.1.0 log with rule metadata, locations, related places and fixes."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any, TextIO
from urllib.parse import quote

from newslint import __version__
from newslint.engine.findings import Place, Placed
from newslint.engine.loader import Rule
from newslint.report import RunInfo, failures

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def uri(path: str) -> str:
    """A URI reference for a reported path: relative paths stay relative (to %SRCROOT%)."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(PurePosixPath(*p.parts).as_posix() if p.parts else path)


def region(place: Place) -> dict[str, int]:
    return {
        "startLine": place.line,
        "startColumn": place.column,
        "endLine": place.end_line,
        "endColumn": place.end_column,
    }


def _descriptor(rule: Rule) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": rule.id,
        "name": "".join(w.capitalize() for w in rule.id.replace(".", "-").split("-")),
        "shortDescription": {"text": rule.description.strip().split("\n\n")[0].replace("\n", " ")},
        "fullDescription": {"text": rule.description.strip()},
        "messageStrings": {"default": {"text": rule.message}},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": bool(rule.enabled)},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }
    if rule.link:
        out["helpUri"] = rule.link
    return out


def _physical(path: str, place: Place) -> dict[str, Any]:
    return {"artifactLocation": {"uri": uri(path), "uriBaseId": "%SRCROOT%"}, "region": region(place)}


def _fix(f: Placed) -> dict[str, Any]:
    assert f.fix is not None
    replacement = f.fix.replacement
    text = "Delete the text" if not replacement else f"Replace with '{replacement}'"
    return {
        "description": {"text": text + ("" if f.fix.safe else " (unsafe: check the result)")},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": uri(f.path), "uriBaseId": "%SRCROOT%"},
                "replacements": [{"deletedRegion": region(f.fix_place), "insertedContent": {"text": replacement}}],
            }
        ],
    }


def result(f: Placed, index: dict[str, int]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "level": LEVELS.get(f.severity, "warning"),
        "message": {"text": f.message},
        "locations": [{"physicalLocation": _physical(f.path, f.place)}],
    }
    if f.rule in index:
        out["ruleIndex"] = index[f.rule]
    if f.related:
        out["relatedLocations"] = [
            {"id": i, "message": {"text": r.message}, "physicalLocation": _physical(f.path, r.place)}
            for i, r in enumerate(f.related)
        ]
    if f.suggestions:
        out["properties"] = {"suggestions": list(f.suggestions)}
    if f.fix is not None:
        out["fixes"] = [_fix(f)]
    return out


def log(findings: list[Placed], rules: list[Rule], succeeded: bool = True) -> dict[str, Any]:
    """The SARIF log of a run: one run, the rules that ran, one result per finding, and whether
    the run itself succeeded (a file not linted or not fixed makes it fail, exit status 2)."""
    ran: dict[str, Rule | None] = {r.id: r for r in rules}
    for f in findings:  # rules that raised findings are always described
        ran.setdefault(f.rule, None)
    ids = sorted(ran)
    index = {rid: i for i, rid in enumerate(ids)}
    descriptors = [_descriptor(rule) if (rule := ran[i]) is not None else {"id": i} for i in ids]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "newslint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
                "results": [result(f, index) for f in findings],
                "invocations": [{"executionSuccessful": succeeded}],
            }
        ],
    }


def report(findings: list[Placed], info: RunInfo, out: TextIO) -> None:
    json.dump(log(findings, info.rules, not failures(info)), out, ensure_ascii=False, indent=2)
    out.write("\n")
