"""Blocks that read as program code, which punctuation rules leave alone."""

from __future__ import annotations

import pytest
from harness import lint

from newslint.engine.support.code_text import CODE_SIGNS, MIN_SIGNS


def signs(text: str) -> int:
    return len(CODE_SIGNS.findall(text))


@pytest.mark.parametrize(
    "text",
    [
        "cls.browser = webdriver.PhantomJS() super().setUpClass()",
        "FROM python:3.7 COPY . /tmp/myapp RUN pip install /tmp/myapp CMD flask run exampleapp:app",
        "client.connect((target_host,target_port)) if x == 1: return y",
    ],
)
def test_code_listings_have_enough_signs(text: str) -> None:
    assert signs(text) >= MIN_SIGNS


@pytest.mark.parametrize(
    "text",
    [
        "The f() call failed, officials said, and the vote was put off until Monday.",
        "Prices rose,wages did not, and the class of 2020 will return home.",
    ],
)
def test_prose_with_an_aside_is_not_code(text: str) -> None:
    assert signs(text) < MIN_SIGNS


def test_missing_space_is_found_in_prose_but_not_in_code() -> None:
    prose = "Title\n\nPrices rose,wages did not.\n"
    code = "Title\n\nclient.connect((target_host,target_port)) data = client.recv(4096) print(data)\n"
    assert [f["rule"] for f in lint(prose, select=["punctuation.missing-space-after"])] == [
        "punctuation.missing-space-after"
    ]
    assert lint(code, select=["punctuation.missing-space-after"]) == []
