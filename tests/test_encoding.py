"""Encoding rules: repaired mojibake, entities, invisible and control characters."""

from __future__ import annotations

import subprocess
import sys

from newslint.api import lint_bytes, lint_text, make_linter
from newslint.config import Config
from newslint.rules import builtin_rules_dir, load_rules

RULES = load_rules(builtin_rules_dir() / "encoding")
LINTER = make_linter(Config(select=[r.id for r in RULES] + ["encoding.nbsp"]), RULES)


def lint(text: str, path: str = "a.txt") -> list[dict]:
    return lint_text(text, path, LINTER)


def test_mojibake_is_repaired_without_uncurling_quotes() -> None:
    (f,) = lint("Russiaâ€™s minister visited the cafÃ©.\n")[:1]
    assert f["rule"] == "encoding.mojibake"
    assert f["suggestions"] == ["Russia’s"]
    assert f["fix"]["safe"] is False
    cafe = [x for x in lint("The cafÃ© reopened.\n") if x["rule"] == "encoding.mojibake"]
    assert cafe[0]["suggestions"] == ["café"]


def test_real_accents_and_curly_quotes_pass() -> None:
    assert lint("“Ángel Di María’s goal,” said the café owner, “was naïve.”\n") == []


def test_entity_suggests_the_character() -> None:
    found = {f["suggestions"][0] for f in lint("Tom &amp; Jerry&#8217;s&nbsp;show.\n")}
    assert found == {"&", "’", " "}


def test_entities_in_markdown_are_markup_not_defects() -> None:
    assert [f for f in lint("Tom &amp; Jerry.\n", "a.md") if f["rule"] == "encoding.html-entity"] == []


def test_zero_width_space_flagged_but_emoji_joiner_kept() -> None:
    assert [f["rule"] for f in lint("Bei\u200bjing.\n")] == ["encoding.zero-width"]
    assert lint("The family 👩\u200d👧 smiled.\n") == []


def test_c1_control_from_cp1252_is_an_error() -> None:
    (f,) = lint("Russia\u0092s minister.\n")
    assert (f["rule"], f["severity"], f["column"]) == ("encoding.control-character", "error", 7)


def test_cp1252_file_is_not_mojibake() -> None:
    found = lint_bytes("The café reopened.\n".encode("cp1252"), "a.txt", LINTER).findings
    assert [f["rule"] for f in found] == ["encoding.not-utf8"]


def test_ftfy_is_imported_only_when_checking() -> None:
    code = "import sys, newslint.kinds.mojibake; print('ftfy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
