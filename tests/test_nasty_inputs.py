"""Nasty files, generated here: each gives findings or one clear message, never a traceback.

The time and memory bounds in the docstrings are measured by ``benchmarks/nasty_inputs.py``;
the tests here assert no timing, only what their names say.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest
from test_fuzz_properties import check_result, lint

from newslint.engine.lint import MAX_FILE_BYTES
from newslint.run.cli import main

SENTENCES = [
    "The minister said on Tuesday that talks with China would resume.",
    "Markets rose sharply as investors welcomed the news.",
    "Officials in São Paulo declined to comment on the report.",
]


def run_cli(capsys: pytest.CaptureFixture[str], *paths: Path | str) -> tuple[int, list[dict], list[str]]:
    code = main(["--format", "json", "--no-cache", *map(str, paths)])
    cap = capsys.readouterr()
    errors = [line for line in cap.err.splitlines() if line.strip()]
    assert not [e for e in errors if "Traceback" in e or "internal error" in e], errors
    return code, json.loads(cap.out or "[]"), errors


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("binary.txt", random.Random(1).randbytes(4096) + b"\x00", "binary"),
        ("nul.txt", b"Headline\n\nA paragraph.\x00\x00 More text.\n", "NUL"),
        ("utf32.html", "\ufeff<p>A paragraph.</p>".encode("utf-32"), "UTF-32"),
        ("utf16odd.txt", "\ufeffHeadline\n".encode("utf-16-le") + b"x", "invalid UTF-16-LE"),
    ],
)
def test_undecodable_file_is_skipped_with_one_message(
    name: str, data: bytes, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, findings, errors = run_cli(capsys, write(tmp_path, name, data))
    assert (code, findings) == (2, [])  # named, so the run fails: it was never linted
    assert len(errors) == 1 and "skipped" in errors[0] and said in errors[0], errors


@pytest.mark.parametrize(
    ("name", "data", "found"),
    [
        ("utf16.txt", "\ufeffHeadline\n\nA paragraph , here.\n".encode("utf-16-le"), [(3, 12, 14)]),
        ("utf16be.md", "\ufeffHeadline\n\nA paragraph , here.\n".encode("utf-16-be"), [(3, 12, 14)]),
        ("bad.txt", b"Headline\n\nValid text.\n\nMiddle \xff\xfe\x81 bytes.\n", [(5, 8, 11)]),
    ],
)
def test_utf16_and_invalid_utf8_are_linted(
    name: str, data: bytes, found: list, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, findings, errors = run_cli(capsys, write(tmp_path, name, data))
    assert (code, errors) == (1, [])
    assert [(f["line"], f["column"], f["end_column"]) for f in findings] == found


@pytest.mark.parametrize("data", [b"", b"   \n\t\n \r\n  ", b"\xef\xbb\xbf", b"\n" * 10_000, b"\r" * 1000])
@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.html"])
def test_empty_and_blank_files_are_quiet(
    data: bytes, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(capsys, write(tmp_path, name, data)) == (0, [], [])


def test_file_over_the_limit_is_skipped_unread_with_one_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Measured by the benchmark: under 1 s."""
    path = tmp_path / "big.txt"
    read: list[Path] = []
    read_bytes = Path.read_bytes

    def counted(self: Path) -> bytes:
        read.append(self)
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", counted)
    with path.open("wb") as f:  # sparse: the size is what counts, it is never read
        f.truncate(MAX_FILE_BYTES + 1)
    code, findings, errors = run_cli(capsys, path)
    assert (code, findings) == (2, []) and len(errors) == 1
    assert f"larger than {MAX_FILE_BYTES >> 20} MiB" in errors[0]
    assert path not in read


def test_oversized_bytes_through_the_api_are_skipped() -> None:
    result = lint(b"a" * (MAX_FILE_BYTES + 1), "a.txt")
    assert result.findings == [] and "larger than" in result.messages[0]


@pytest.mark.slow
def test_single_5mb_line_lints_without_error_and_with_spans_on_real_lines() -> None:
    """Measured by the benchmark: under 240 s and 1 GB."""
    rng = random.Random(5)
    line = " ".join(rng.choice(SENTENCES) for _ in range(5_000_000 // 55))[:5_000_000]
    data = ("Headline\n\n" + line + "\n").encode()
    check_result(lint(data, "a.txt"))


@pytest.mark.slow
def test_200000_tiny_paragraphs_lint_without_error_and_with_spans_on_real_lines() -> None:
    """Measured by the benchmark: under 240 s and 1 GB."""
    data = "\n\n".join(f"Item {i} ends." for i in range(200_000)).encode()
    check_result(lint(data, "a.txt"))


@pytest.mark.parametrize("closed", [True, False], ids=["closed", "unclosed"])
def test_10000_deep_nested_html_lints_without_error_and_with_spans_on_real_lines(closed: bool) -> None:
    """Measured by the benchmark: under 10 s."""
    body = "<div><span>" * 10_000 + " ".join(SENTENCES) + ("</span></div>" * 10_000 if closed else "")
    data = body.encode()
    result = lint(data, "a.html")
    check_result(result)


def test_unclosed_html_comment_hides_the_rest_as_browsers_do() -> None:
    data = b"<p>The minister spoke.</p><!-- old: <p>Sleppy teh teh recieve</p>" + b" x" * 5000
    result = lint(data, "a.html")
    check_result(result)
    assert result.findings == []


@pytest.mark.parametrize("tail", ["<p class='x", "<![CDATA[ teh teh", "<?php echo 1", "</p", "<!DOCTYPE"])
def test_markup_left_open_at_the_end_is_not_prose(tail: str) -> None:
    data = f"<p>The minister spoke.</p>{tail}".encode()
    result = lint(data, "a.html")
    check_result(result)
    assert result.findings == []


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: Hello world\n\nBody paragraph one.\n\nBody paragraph two.\n",
        "---\n" + "[" * 100_000 + "\n---\n\nBody text here.\n",
        "---\ntitle: Hi\ntags:\n" + "".join(f"  - tag {i}\n" for i in range(20_000)) + "---\n\nBody text.\n",
        "---\ntitle: &a [*a]\n---\n\nBody.\n",
        "---\ntitle: !!python/object/apply:os.system ['false']\n---\n\nBody.\n",
    ],
    ids=["never-closes", "deep", "huge", "alias", "python-tag"],
)
def test_hostile_front_matter_is_read_or_skipped(text: str) -> None:
    data = text.encode()
    check_result(lint(data, "a.md"))


def test_directory_symlink_loop_gives_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "self").symlink_to(folder, target_is_directory=True)
    (folder / "x.txt").write_text("Headline\n\nThe minister spoke.\n")
    code, findings, errors = run_cli(capsys, tmp_path / "a", folder)
    assert code == 2 and len(errors) == 1 and "cannot read" in errors[0] and "symbolic links" in errors[0]


def test_file_without_read_permission_gives_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "secret.txt", b"Headline\n\nThe minister spoke.\n")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the read fail as it would for a user
        read = Path.read_bytes

        def denied(self: Path) -> bytes:
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return read(self)

        monkeypatch.setattr(Path, "read_bytes", denied)
    code, findings, errors = run_cli(capsys, path)
    assert code == 2 and findings == [] and errors == [f"newslint: error: {path}: cannot read: Permission denied"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_is_not_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # reading it would block for ever
    code, findings, errors = run_cli(capsys, fifo)
    assert (code, findings) == (2, []) and len(errors) == 1 and "not a regular file" in errors[0]


def test_device_is_not_read(capsys: pytest.CaptureFixture[str]) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    code, findings, errors = run_cli(capsys, "/dev/zero")  # would stream for ever
    assert (code, findings) == (2, []) and "not a regular file" in errors[0]


def test_control_characters_and_odd_line_breaks_in_text() -> None:
    text = "Headline\x0b\x0c\n\nA para\u2028graph\u2029with \x85 breaks.\r\rAnother\r\n\x1b[31mred\x1b[0m.\n"
    data = text.encode()
    check_result(lint(data, "a.txt"))
