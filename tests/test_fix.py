"""--fix, --unsafe-fixes and --diff: edits in the stored file, kept encodings, atomic writes, fixed points."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.api import make_linter
from newslint.engine import fixer
from newslint.engine.findings import Place, Placed, PlacedFix
from newslint.engine.loader import load_rules
from newslint.engine.trail import merged, within
from newslint.run.cli import main
from newslint.settings.config import Config

RULES = {
    "marker.yaml": r"""
id: fixtest.marker
kind: pattern
severity: warning
message: "Marker '{match}'."
description: Flags DEFECT words; the fix writes FIXED.
pattern: '\bDEFECT\w*'
replacement: FIXED
examples: {flag: ["A DEFECT here."], pass: ["No defect."]}
""",
    "space-comma.yaml": r"""
id: fixtest.space-comma
kind: pattern
severity: warning
message: "Space before a comma."
description: Deletes the space before a comma.
pattern: ' +(?=,)'
replacement: ''
examples: {flag: ["A , b."], pass: ["A, b."]}
""",
    "double-a.yaml": r"""
id: fixtest.double-a
kind: pattern
severity: warning
message: "Doubled a."
description: One pass halves a run of a's; the fixer must repeat until none is left.
pattern: 'aa'
replacement: a
examples: {flag: ["Baa."], pass: ["Ba."]}
""",
    "curly.yaml": r"""
id: fixtest.curly
kind: pattern
severity: info
message: "Arrow written as '->'."
description: An unsafe fix that writes an arrow, a character cp1252 cannot store.
pattern: '->'
replacement: "→"
safe: false
examples: {flag: ["a -> b."], pass: ["a b."]}
""",
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    rules = tmp_path / "rules"
    rules.mkdir()
    for name, text in RULES.items():
        (rules / name).write_text(text.lstrip(), encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("rules: [rules]\nselect: [fixtest]\n", encoding="utf-8")
    return tmp_path


def newslint(project: Path, *args: str) -> int:
    cwd = os.getcwd()
    os.chdir(project)
    try:
        return main([*args, "--no-cache", "--jobs", "1"])
    finally:
        os.chdir(cwd)


def test_fix_keeps_crlf_and_bom_and_mode(project: Path) -> None:
    article = project / "a.txt"
    article.write_bytes(b"\xef\xbb\xbfHeadline\r\n\r\nA DEFECT1 , and DEFECT2 here.\r\nSecond line.\r\n")
    article.chmod(0o640)
    assert newslint(project, "--fix", "a.txt") == 0
    assert article.read_bytes() == b"\xef\xbb\xbfHeadline\r\n\r\nA FIXED, and FIXED here.\r\nSecond line.\r\n"
    assert stat.S_IMODE(article.stat().st_mode) == 0o640
    assert [p.name for p in project.iterdir() if p.name.startswith(".a.txt")] == []


def test_fix_keeps_cr_line_endings(project: Path) -> None:
    article = project / "a.txt"
    article.write_bytes(b"Headline\r\rA DEFECT , here.\rEnd.\r")
    newslint(project, "--fix", "a.txt")
    assert article.read_bytes() == b"Headline\r\rA FIXED, here.\rEnd.\r"


def test_bytes_that_are_not_utf8_are_written_back_unchanged(project: Path) -> None:
    article = project / "a.txt"
    original = "Headline\n\nThe caf\u00e9 DEFECT , \u201cquoted\u201d -> on.\n".encode("cp1252")
    article.write_bytes(original)
    assert newslint(project, "--fix", "--unsafe-fixes", "a.txt") == 0
    fixed = article.read_bytes()  # never re-encoded: the cp1252 bytes stay, the arrow is UTF-8
    expected = original.replace(b"DEFECT ,", b"FIXED,").replace(b"->", "\u2192".encode())
    assert fixed == expected


def test_safe_only_without_unsafe_fixes(project: Path) -> None:
    article = project / "a.txt"
    article.write_text("Headline\n\nFrom a -> b with DEFECT.\n", encoding="utf-8")
    newslint(project, "--fix", "a.txt")
    assert article.read_text(encoding="utf-8") == "Headline\n\nFrom a -> b with FIXED.\n"
    newslint(project, "--fix", "--unsafe-fixes", "a.txt")
    assert article.read_text(encoding="utf-8") == "Headline\n\nFrom a \u2192 b with FIXED.\n"


def test_fix_repeats_until_nothing_changes(project: Path) -> None:
    article = project / "a.txt"
    article.write_text("Headline\n\nBaaaaaaaa.\n", encoding="utf-8")  # four pairs reported, eight a's
    assert newslint(project, "--fix", "a.txt") == 0
    assert article.read_text(encoding="utf-8") == "Headline\n\nBa.\n"


def test_diff_writes_nothing_and_exits_1(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = project / "a.txt"
    article.write_text("Headline\n\nA DEFECT here.\n", encoding="utf-8")
    before = article.read_bytes()
    assert newslint(project, "--diff", "a.txt") == 1
    out = capsys.readouterr().out
    assert "-A DEFECT here.\n+A FIXED here.\n" in out and out.startswith("--- a/a.txt\n+++ b/a.txt\n")
    assert article.read_bytes() == before
    assert newslint(project, "--diff", str(article)) == 1
    assert capsys.readouterr().out.startswith(f"--- a{article}\n+++ b{article}\n")
    article.write_text("Headline\n\nAll fine.\n", encoding="utf-8")
    assert newslint(project, "--diff", "a.txt") == 0


def test_a_failed_write_leaves_the_original(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = project / "a.txt"
    article.write_text("Headline\n\nA DEFECT here.\n", encoding="utf-8")
    before = article.read_bytes()

    def broken(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fixer.os, "replace", broken)
    assert newslint(project, "--fix", "a.txt") == 2
    assert article.read_bytes() == before
    assert sorted(p.name for p in project.iterdir()) == [".newslint.yaml", "a.txt", "rules"]


def test_a_symlink_is_fixed_through(project: Path) -> None:
    target = project / "real.txt"
    target.write_text("Headline\n\nA DEFECT here.\n", encoding="utf-8")
    (project / "link.txt").symlink_to(target)
    newslint(project, "--fix", "link.txt")
    assert (project / "link.txt").is_symlink()
    assert target.read_text(encoding="utf-8") == "Headline\n\nA FIXED here.\n"


def test_stdin_fix_prints_the_fixed_text(project: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "newslint", "--fix", "--no-cache", "--stdin-filename", "x.txt", "-"],
        cwd=project, input="Headline\n\nA DEFECT , here.\n", capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert out.stdout == "Headline\n\nA FIXED, here.\n" and out.returncode == 0


def test_whole_paragraph_deletion_takes_its_blank_line() -> None:
    raw = "Title\r\n\r\nSame.\r\n\r\nSame.\r\n\r\nEnd.\r\n"
    start = raw.index("Same.", 10)
    a, b = fixer._whole_lines(raw, start, start + len("Same."))
    assert raw[:a] + raw[b:] == "Title\r\n\r\nSame.\r\n\r\nEnd.\r\n"
    assert fixer._whole_lines(raw, start + 1, start + 3) == (start + 1, start + 3)  # part of a line: unchanged


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    edits = [fixer.Edit(0, 5, "x"), fixer.Edit(3, 8, "y"), fixer.Edit(8, 8, "z"), fixer.Edit(8, 8, "w")]
    source = fixer.Source("a.txt", "0123456789")
    chosen = fixer.choose(source, [_finding(e) for e in edits], unsafe=False)
    assert [(e.start, e.end) for e in chosen] == [(0, 5), (8, 8)]
    assert fixer.apply(source.raw, chosen) in ("x567w89", "x567z89")


def _finding(e: fixer.Edit) -> Placed:
    place = Place(e.start, e.end, 1, e.start + 1, 1, e.end + 1)
    return Placed("a.txt", "test.edit", "warning", "An edit.", place, fix=PlacedFix(e.replacement, True))


# --- fixed point -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fix_linter(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("fix_rules")
    for name, text in RULES.items():
        (folder / name).write_text(text.lstrip(), encoding="utf-8")
    return make_linter(Config(select=["fixtest"]), load_rules(folder))


@pytest.fixture(scope="module")
def builtin_linter():
    return make_linter(Config())


def _edits_inside_reported_spans(linter, data: bytes, unsafe: bool) -> None:
    """The fix settles, and each edit of every pass lies inside what the first lint reported."""

    def lint(b: bytes):
        return linter.lint_bytes("a.txt", b, Path("a.txt"))

    first = lint(data)
    outcome, _ = fixer.fix_bytes(data, lint, unsafe, first=first)
    assert outcome.settled
    allowed = merged(fixer.reported_spans(first.findings))
    raw = first.source.raw
    for start, end in outcome.regions:  # a deleted block takes the blank lines around it
        # two neighbouring deleted blocks make one region, the blank lines between them included
        for at in range(start, end):
            assert raw[at : at + 1].isspace() or within((at, at + 1), allowed), (start, end, allowed)


TEXT = st.lists(
    st.sampled_from(["DEFECT", "a", "aa", " ", " ,", ",", "->", "\n", "\r\n", "\n\n", "Word", ".", "\u201c", "é"]),
    max_size=40,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.booleans())
def test_fix_changes_only_what_was_reported_with_test_rules(fix_linter, text: str, unsafe: bool) -> None:
    _edits_inside_reported_spans(fix_linter, text.encode("utf-8"), unsafe)


BUILTIN_TEXT = st.lists(
    st.sampled_from(
        [
            "The",
            "the",
            "council",
            "met",
            "Council",
            " ",
            "  ",
            " ,",
            ",",
            ".",
            " .",
            "!",
            "\n\n",
            "\n",
            "\u201c",
            "\u201d",
            '"',
            "(",
            ")",
            "said",
            "Paris",
            "paris",
            "%",
            " %",
            "5",
            "Subscribe",
            "It was a fine day.",
        ]
    ),  # fmt: skip
    max_size=30,
).map(lambda parts: "Headline words\n\n" + "".join(parts) + "\n")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BUILTIN_TEXT, st.booleans())
def test_fix_changes_only_what_was_reported_with_builtin_rules(builtin_linter, text: str, unsafe: bool) -> None:
    _edits_inside_reported_spans(builtin_linter, text.encode("utf-8"), unsafe)
