"""Encoding rules: repaired mojibake, bytes that are not UTF-8, entities, invisible and control characters."""

from __future__ import annotations

import codecs
import io
import json
import stat
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest
from harness import lint as shared_lint
from harness import linter_for

from newslint.api import lint_bytes, lint_text, make_linter, records
from newslint.engine.loader import builtin_rules_dir, load_rules
from newslint.run.cli import main
from newslint.settings.config import Config

RULES = load_rules(builtin_rules_dir() / "encoding")
LINTER = linter_for([r.id for r in RULES] + ["encoding.nbsp"], RULES)


lint = partial(shared_lint, linter=LINTER)  # the findings of this file's linter on (text, path="a.txt")


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
    found = records(lint_bytes("The café reopened.\n".encode("cp1252"), "a.txt", LINTER))
    assert [f["rule"] for f in found] == ["encoding.not-utf8"]


def test_ftfy_is_imported_only_when_checking() -> None:
    code = "import sys, newslint.engine.kinds.mojibake; print('ftfy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


# --- one owner per damaged span, invalid bytes, UTF-16 ------------------------------------------

DEFAULT = make_linter(Config())


def fix(data: bytes, unsafe: bool, path: str = "a.txt") -> bytes:
    from newslint.engine import fixer

    outcome, _ = fixer.fix_bytes(data, lambda b: DEFAULT.lint_bytes(path, b, Path(path)), unsafe)
    return outcome.fixed


def test_mojibake_owns_its_span_against_spelling_and_controls(tmp_path: Path, capsys) -> None:
    data = "Headline about words\n\nThe word is firstâ€\x9d today.\n".encode()
    found = records(lint_bytes(data, "a.txt", DEFAULT))
    assert [f["rule"] for f in found] == ["encoding.mojibake"]
    assert found[0]["suggestions"] == ["first”"]
    (tmp_path / "a.txt").write_bytes(data)
    assert main(["--diff", "--unsafe-fixes", "--no-cache", "--jobs", "1", str(tmp_path / "a.txt")]) == 1
    out = capsys.readouterr().out
    assert "+The word is first” today." in out
    assert fix(data, unsafe=True) == "Headline about words\n\nThe word is first” today.\n".encode()


def test_safe_fix_does_not_edit_inside_mojibake() -> None:
    data = "Headline about dashes\n\nIt is a â€“ test of the dash.\n".encode()
    found = records(lint_bytes(data, "a.txt", DEFAULT))
    assert [f["rule"] for f in found] == ["encoding.mojibake"]
    assert fix(data, unsafe=False) == data  # not 'a â€“test'
    assert b"It is a \xe2\x80\x93 test" in fix(data, unsafe=True)


def test_truncated_closing_quote_is_mojibake() -> None:
    (f,) = lint("He said â€œhelloâ€ to them.\n")
    assert (f["rule"], f["column"], f["end_column"]) == ("encoding.mojibake", 9, 19)
    assert f["suggestions"] == ["“hello”"] and f["fix"] == {"replacement": "“hello”", "safe": False}
    (end,) = lint("The word is firstâ€ today.\n")
    assert end["suggestions"] == ["first”"]
    (inside,) = lint("A wellâ€known fact.\n")
    assert inside["suggestions"] == ["well‐known", "well-known"] and not inside["fix"]["safe"]
    (replaced,) = lint("He said â€œhelloâ€\ufffd again.\n")
    assert replaced["suggestions"] == ["“hello”"]


def test_truncated_repair_is_never_safe_even_when_the_rule_is() -> None:
    linter = make_linter(Config(select=["encoding.mojibake"], options={"encoding.mojibake": {"safe": True}}), RULES)
    (sure,) = lint_text("The cafÃ© reopened.\n", "a.txt", linter)
    (guess,) = lint_text("The word is firstâ€ today.\n", "a.txt", linter)
    assert sure["fix"]["safe"] and not guess["fix"]["safe"]


def _one_bad_byte() -> bytes:
    """UTF-8 with one cp1252 byte (the é of José): the other é, ü and © are UTF-8."""
    good = "Café owners meet in Zürich\n\nThe café reopened on Monday, said Jos@ Ramos in Málaga.\n"
    return good.encode().replace(b"@", b"\xe9")


def test_one_invalid_byte_is_flagged_alone() -> None:
    found = records(lint_bytes(_one_bad_byte(), "a.txt", DEFAULT))
    assert [f["rule"] for f in found] == ["encoding.not-utf8"]
    (f,) = found
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (3, 38, 3, 39)
    assert f["suggestions"] == ["é"] and f["fix"] == {"replacement": "é", "safe": False}
    assert "\\xe9" in f["message"]


def test_one_invalid_byte_is_the_only_byte_fixed() -> None:
    data = _one_bad_byte()
    assert fix(data, unsafe=False) == data
    assert fix(data, unsafe=True) == data.replace(b"Jos\xe9", "José".encode())


def test_column_after_an_invalid_byte_counts_it_as_one() -> None:
    linter = make_linter(Config(select=["punctuation.space-before", "encoding.not-utf8"]))
    found = records(lint_bytes(b"Headline here\n\nJos\xe9\xe8 said , hello.\n", "a.txt", linter))
    assert [(f["rule"], f["column"], f["end_column"]) for f in found] == [
        ("encoding.not-utf8", 4, 6),
        ("punctuation.space-before", 11, 13),
    ]


def test_invalid_bytes_in_markup_are_flagged_where_they_lie() -> None:
    data = b'<html><body><p title="caf\xe9">The caf\xc3\xa9 opened.</p></body></html>\n'
    (f,) = records(lint_bytes(data, "a.html", LINTER))
    assert (f["rule"], f["column"], f["end_column"]) == ("encoding.not-utf8", 26, 27)
    data = b"# The caf\xc3\xa9\n\n```\nx = 'caf\xe9'\n```\n"
    (f,) = records(lint_bytes(data, "a.md", LINTER))
    assert (f["rule"], f["line"], f["column"]) == ("encoding.not-utf8", 4, 9)


def test_a_cp1252_file_lints_with_a_capped_report() -> None:
    data = ("Headline\n\n" + "The café reopened. " * 150 + "\n").encode("cp1252")
    found = records(lint_bytes(data, "a.txt", DEFAULT))
    assert [f["rule"] for f in found] == ["encoding.not-utf8"] * 101
    assert found[-1]["message"].startswith("50 more runs") and found[-1]["fix"] is None


def test_invalid_bytes_print_safely_in_every_format(tmp_path: Path, capsysbinary) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(b"Caf\xe9 \xa9 2024 all rights reserved\n\nThe caf\xe9 , reopened \x81.\n")
    for fmt in ("text", "concise", "json", "json-lines", "github", "gitlab", "sarif"):
        main(["--format", fmt, "--no-cache", "--jobs", "1", str(article)])
        out = capsysbinary.readouterr().out
        out.decode("utf-8")  # valid UTF-8
        if fmt == "json":
            assert any(f["rule"] == "encoding.not-utf8" for f in json.loads(out))


def test_text_excerpt_shows_an_invalid_byte_as_one_column() -> None:
    from newslint.report import RunInfo
    from newslint.report.text import report

    data = b"Headline here\n\nJos\xe9 said , hello.\n"
    result = DEFAULT.lint_bytes("a.txt", data, Path("a.txt"))
    out = io.StringIO()
    report(result.findings, RunInfo(1, {"a.txt": result.source}, False, True, True), out)
    assert "3 | Jos\ufffd said , hello." in out.getvalue()
    assert "  |          ^^" in out.getvalue()


def test_stdin_fix_keeps_invalid_bytes(tmp_path: Path) -> None:
    data = b"Headline here\n\nJos\xe9 said , hello.\n"
    out = subprocess.run(
        [sys.executable, "-m", "newslint", "--fix", "--no-cache", "--stdin-filename", "x.txt", "-"],
        cwd=tmp_path, input=data, capture_output=True, timeout=60,
    )  # fmt: skip
    assert out.stdout == b"Headline here\n\nJos\xe9 said, hello.\n", out.stderr


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_linted_and_fixed_in_place(tmp_path: Path, encoding: str) -> None:
    bom = codecs.BOM_UTF16_LE if encoding == "utf-16-le" else codecs.BOM_UTF16_BE
    text = "Council meets \U0001f600 today\r\n\r\nThe café 😀 said , hello.\r\n"
    article = tmp_path / "a.txt"
    article.write_bytes(bom + text.encode(encoding))
    article.chmod(0o640)
    found = records(lint_bytes(article.read_bytes(), "a.txt", DEFAULT))
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [("punctuation.space-before", 3, 16)]
    assert main(["--fix", "--no-cache", "--jobs", "1", str(article)]) == 0
    assert article.read_bytes() == bom + text.replace(" ,", ",").encode(encoding)
    assert stat.S_IMODE(article.stat().st_mode) == 0o640


def test_front_matter_with_an_invalid_byte_is_still_linted() -> None:
    linter = make_linter(Config(select=["punctuation.space-before", "encoding.not-utf8"]))
    for title in (b'"Caf\xe9 owners meet , today"', b"Caf\xe9 owners meet , today"):
        data = b"---\ntitle: " + title + b"\nauthor: Jos\xe9\n---\n\nThe caf\xc3\xa9 opened.\n"
        found = records(lint_bytes(data, "a.md", linter))
        shift = title.startswith(b'"')
        assert [(f["rule"], f["line"], f["column"]) for f in found] == [
            ("encoding.not-utf8", 2, 11 + shift),
            ("punctuation.space-before", 2, 24 + shift),
            ("encoding.not-utf8", 3, 12),
        ]
