"""Decoding stored bytes: UTF-8 with or without BOM byte run by byte run, UTF-16 with BOM, binary files."""

from __future__ import annotations

import pytest
from harness import lint_with_test_rules

from newslint.api import records
from newslint.document.source import BinaryFileError, decode


def test_utf8_bom_is_not_a_column() -> None:
    src = decode("a.txt", b"\xef\xbb\xbfAbc DEFECT1\n")
    assert src.bom and src.encoding == "utf-8"
    assert src.position(src.text.index("DEFECT1")) == (1, 5)


def test_crlf_and_cr_each_end_one_line() -> None:
    src = decode("a.txt", b"one\r\ntwo\rthree\nfour")
    assert src.text == "one\ntwo\nthree\nfour"
    assert src.position(src.text.index("four")) == (4, 1)
    assert src.raw_offset(src.text.index("four")) == src.raw.index("four")


def test_newline_style_is_the_commonest() -> None:
    assert decode("a", b"a\r\nb\r\nc\n").newline == "\r\n"
    assert decode("a", b"no newline").newline == "\n"


def test_cp1252_bytes_are_flagged_one_run_at_a_time() -> None:
    data = "The caf\u00e9 \u201cquote\u201d DEFECT1.\n".encode("cp1252")
    src = decode("a.txt", data)
    assert src.encoding == "utf-8" and src.text == "The caf\udce9 \udc93quote\udc94 DEFECT1.\n"
    assert src.encode(src.raw) == data
    from newslint.api import lint_bytes

    findings = [f for f in records(lint_bytes(data, "a.txt")) if f["rule"] == "encoding.not-utf8"]
    assert [(f["column"], f["end_column"], f["suggestions"]) for f in findings] == [
        (8, 9, ["é"]),
        (10, 11, ["“"]),
        (16, 17, ["”"]),
    ]


def test_utf16_with_bom_is_decoded_and_round_trips() -> None:
    for encoding, bom in (("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")):
        data = bom + "Caf\u00e9 \U0001f600 DEFECT1\r\nline two\r\n".encode(encoding)
        src = decode("a.txt", data)
        assert (src.encoding, src.bom, src.newline) == (encoding, True, "\r\n")
        assert src.position(src.text.index("DEFECT1")) == (1, 8)
        assert src.encode(src.raw) == data


@pytest.mark.parametrize(
    "data",
    [b"\x00\x01binary", b"\xff\xfe\x00\x00u\x00\x00\x00", b"ok\x00", b"\xff\xfeu\x00t", b"\xff\xfeu\x00\x00\x00"],
    ids=["nul", "utf32", "nul-at-end", "odd-utf16", "nul-in-utf16"],
)
def test_binary_and_utf32_are_refused(data: bytes) -> None:
    with pytest.raises(BinaryFileError):
        decode("a.bin", data)


def test_binary_file_is_skipped_with_a_message() -> None:
    from newslint.api import lint_bytes

    result = lint_bytes(b"\x00\x00\x00", "a.txt")
    assert result.findings == [] and not result.error
    assert result.messages and "binary" in result.messages[0]


@pytest.mark.parametrize("text", ["", "   \n\n \t\n", "\n"])
def test_empty_and_blank_files_give_no_findings(text: str) -> None:
    for name in ("a.txt", "a.md", "a.html"):
        assert lint_with_test_rules(text, name) == []
