from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def rules_project(tmp_path: Path) -> Path:
    """A folder whose ``.newslint.yaml`` runs only the test rules of tests/rules."""
    (tmp_path / "rules").mkdir()
    for rule in (Path(__file__).resolve().parent / "rules").glob("*.yaml"):
        (tmp_path / "rules" / rule.name).write_text(rule.read_text())
    (tmp_path / ".newslint.yaml").write_text("rules: [rules]\nselect: [test]\n")
    return tmp_path
