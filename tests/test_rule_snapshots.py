"""Each rule's ``flag`` examples against its snapshot in ``tests/snapshots/<rule id>.yaml``.

A snapshot records, for every ``flag`` example of the rule, that rule's findings on it (line,
column, end line, end column, the matched text, message, suggestions, fix with its own span when
it has one) and the text left by ``--fix`` and by ``--fix --unsafe-fixes`` with that rule alone.
A changed span, message or fix fails here with a diff; when the change is meant, regenerate and
review the snapshot diff like code:

    NEWSLINT_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_rule_snapshots.py

The rules are the built-in ones and the test rules of ``tests/rules`` (the only rules of the
``substitution`` kind). Rules that need a LanguageTool server are skipped (``test_languagetool_examples.py`` runs them).
"""

from __future__ import annotations

import pytest
from harness import SNAPSHOTS, check_snapshot, snapshot_path, snapshot_rules, updating

from newslint.engine.loader import Rule

RULES = snapshot_rules()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_flag_examples_match_the_rule_snapshot(rule: Rule) -> None:
    check_snapshot(rule)


def test_every_snapshot_file_belongs_to_a_rule() -> None:
    known = {snapshot_path(rule) for rule in RULES}
    stale = sorted(p for p in SNAPSHOTS.glob("*.yaml") if p not in known)
    if updating():
        for path in stale:
            path.unlink()
        return
    assert not stale, f"snapshots of no rule (delete them): {[p.name for p in stale]}"
