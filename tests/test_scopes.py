"""Scopes: a block-scoped pattern never matches across two blocks, a document-scoped one may.

``scopes.matches_in`` runs one regex pass over each run of consecutive blocks and drops the
matches that cross from one block into the next; these tests fail when that filter goes.
"""

from __future__ import annotations

import pytest
from harness import found, spans

from newslint.engine.loader import Rule, build_rule

ACROSS = "Talks End\n\nHe said\n\nNext came the vote."  # a headline, then two paragraphs
WITHIN = "Talks End\n\nHe said Next came the vote."


def said_next(scope: str) -> Rule:
    """A pattern rule whose match, ``said`` then white space then ``Next``, may span a blank line."""
    data = {
        "id": "test.said-next",
        "kind": "pattern",
        "severity": "warning",
        "message": "'{match}'",
        "description": "Matches across white space.",
        "scope": scope,
        "pattern": r"said\s+Next",
        "examples": {"flag": ["x"], "pass": ["y"]},
    }
    return build_rule(data, "test.yaml")


@pytest.mark.parametrize("scope", ["block", "paragraph"])
def test_a_block_scoped_match_lies_inside_one_block(scope: str) -> None:
    rule = said_next(scope)
    assert spans(found(WITHIN, rule.id, rules=[rule])) == [(3, 4, 3, 13)]
    assert found(ACROSS, rule.id, rules=[rule]) == []


def test_a_match_crossing_from_a_markdown_heading_into_a_paragraph_is_dropped() -> None:
    rule = said_next("block")
    assert found("# He said\n\nNext came the vote.\n", rule.id, "a.md", rules=[rule]) == []


def test_a_document_scoped_match_may_cross_blocks() -> None:
    rule = said_next("document")
    assert spans(found(ACROSS, rule.id, rules=[rule])) == [(3, 4, 5, 5)]
