"""The CLDR names behind capitalization are read from babel once, then from the cache folder."""

from pathlib import Path

import pytest

from newslint.engine.support import capital_data


def test_names_come_from_the_cache_after_the_first_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(capital_data, "_DATA", None)
    first = capital_data._groups()
    assert "Kenya" in first["countries"] and "Monday" in first["days"]
    assert list(tmp_path.glob("cldr-names-*.marshal"))

    def no_babel() -> dict:
        raise AssertionError("babel read again")

    monkeypatch.setattr(capital_data, "_DATA", None)
    monkeypatch.setattr(capital_data, "_read_cldr", no_babel)
    assert capital_data._groups() == first


def test_a_corrupt_cache_file_is_read_again_from_babel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(capital_data, "_DATA", None)
    expected = capital_data._groups()
    for path in tmp_path.glob("cldr-names-*.marshal"):
        path.write_bytes(b"\x00garbage")
    monkeypatch.setattr(capital_data, "_DATA", None)
    assert capital_data._groups() == expected
