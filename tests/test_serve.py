"""``newslint serve``: the HTTP API's answers, errors and limits (in-process, no sockets)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from starlette.testclient import TestClient  # noqa: E402

from newslint import api  # noqa: E402
from newslint.run.checking import Checker, format_of, server_config  # noqa: E402
from newslint.run.serve import Limits, create_app  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "examples" / "defects" / "article.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    return Checker(server_config(None, tmp_path_factory.mktemp("served")))


def client(checker: Checker, **kw: object) -> TestClient:
    token = kw.pop("token", None)
    cors = kw.pop("cors", ())
    return TestClient(create_app(checker, Limits(**kw), token, cors))  # type: ignore[arg-type]


def test_check_answers_the_json_contract_and_the_fixed_text(checker: Checker) -> None:
    r = client(checker).post("/v1/check", json={"text": ARTICLE, "format": "md"})
    assert r.status_code == 200
    body = r.json()
    expected = [dict(f, path="article.md") for f in api.lint_text(ARTICLE, "article.md")]
    assert body["findings"] == expected
    assert body["fixes_applied"] > 0 and body["fixed_text"] != ARTICLE
    again = client(checker).post("/v1/check", json={"text": body["fixed_text"], "format": "md"}).json()
    assert not any(f["fix"] and f["fix"]["safe"] for f in again["findings"])


def test_spans_are_code_point_offsets_of_each_finding(checker: Checker) -> None:
    text = "🙂 The council met , and voted."
    body = client(checker).post("/v1/check", json={"text": text, "format": "txt"}).json()
    found = {f["rule"]: s for f, s in zip(body["findings"], body["spans"], strict=True)}
    span = found["punctuation.space-before"]
    assert text[span["start"] : span["end"]] == " ,"


def test_unsafe_fixes_only_on_request(checker: Checker) -> None:
    text = "The commitee met on Monday."
    c = client(checker)
    safe = c.post("/v1/check", json={"text": text}).json()["fixed_text"]
    unsafe = c.post("/v1/check", json={"text": text, "unsafe_fixes": True}).json()["fixed_text"]
    assert safe == text and "committee" in unsafe


def test_select_and_ignore_narrow_the_rules(checker: Checker) -> None:
    c = client(checker)
    only = c.post("/v1/check", json={"text": ARTICLE, "format": "md", "select": ["spelling"]}).json()["findings"]
    assert only and {f["category"] for f in only} == {"spelling"}
    rest = c.post("/v1/check", json={"text": ARTICLE, "format": "md", "ignore": ["spelling"]}).json()["findings"]
    assert rest and "spelling" not in {f["category"] for f in rest}


@pytest.mark.parametrize(
    ("payload", "status", "words"),
    [
        (b"{not json", 422, "not valid JSON"),
        (json.dumps({"text": 5}).encode(), 422, "text"),
        (json.dumps({"format": "md"}).encode(), 422, "text"),
        (json.dumps({"text": "x", "format": "docx"}).encode(), 422, "format"),
        (json.dumps({"text": "x", "filename": "../../etc/passwd"}).encode(), 422, "extension"),
        (json.dumps({"text": "x", "select": ["no.such-rule"]}).encode(), 422, "no.such-rule"),
        (json.dumps({"text": "x", "rules_dir": "/etc"}).encode(), 422, "rules_dir"),
        (json.dumps({"text": "x", "ignore": "spelling"}).encode(), 422, "ignore"),
        (b'{"text": "a\\ud800 b"}', 422, "lone surrogate"),
        (b'{"text": "a \\u0000 b"}', 422, "text: "),
        (b'\xff\xfe{"text": 1}', 400, "parsing the body"),
    ],
)
def test_bad_requests_get_a_clear_json_error(checker: Checker, payload: bytes, status: int, words: str) -> None:
    r = client(checker).post("/v1/check", content=payload, headers={"content-type": "application/json"})
    assert r.status_code == status
    assert words in r.json()["error"]["message"]


def test_filename_gives_only_the_format(checker: Checker, tmp_path: Path) -> None:
    assert format_of(None, "../../etc/passwd.html") == "html"
    assert format_of(None, "C:\\x\\story.MD") == "md"
    r = client(checker).post("/v1/check", json={"text": "<p>A , b.</p>", "filename": str(tmp_path / "none.html")})
    assert r.status_code == 200 and r.json()["findings"][0]["path"] == "article.html"


def test_body_over_the_limit_is_refused(checker: Checker) -> None:
    c = client(checker, body=1000)
    r = c.post("/v1/check", json={"text": "x" * 2000})
    assert r.status_code == 413 and "1000 bytes" in r.json()["error"]["message"]
    chunks = (b'{"text": "' + b"x" * 600, b"x" * 600 + b'"}')
    r = c.post("/v1/check", content=iter(chunks), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_a_full_server_answers_429(checker: Checker) -> None:
    limits = Limits(concurrent=1)
    assert limits.admit()
    r = TestClient(create_app(checker, limits)).post("/v1/check", json={"text": "x"})
    assert r.status_code == 429


def test_bearer_token(checker: Checker) -> None:
    c = client(checker, token="sesame")
    assert c.post("/v1/check", json={"text": "x"}).status_code == 401
    assert c.get("/v1/rules", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert c.post("/v1/check", json={"text": "x"}, headers={"Authorization": "Bearer sesame"}).status_code == 200
    assert c.get("/healthz").json()["status"] == "ok"


def test_cors_is_off_unless_configured(checker: Checker) -> None:
    origin = {"Origin": "https://cms.example"}
    assert "access-control-allow-origin" not in client(checker).get("/v1/rules", headers=origin).headers
    on = client(checker, cors=["https://cms.example"]).get("/v1/rules", headers=origin)
    assert on.headers["access-control-allow-origin"] == "https://cms.example"


def test_rules_and_openapi(checker: Checker) -> None:
    c = client(checker)
    rules = c.get("/v1/rules").json()
    assert {r["id"] for r in rules} == {r.id for r in checker.rules}
    assert all("path" not in r for r in rules)
    one = rules[0]["id"]
    assert c.get(f"/v1/rules/{one}").json()["id"] == one
    assert c.get("/v1/rules/no.such").status_code == 404
    paths = c.get("/openapi.json").json()["paths"]
    assert {"/v1/check", "/v1/rules", "/v1/rules/{rule_id}", "/healthz"} <= set(paths)


def test_page_and_assets_are_served_with_no_external_requests(checker: Checker) -> None:
    c = client(checker)
    page = c.get("/").text
    for name in ("app.js", "app.css"):
        assert f"/assets/{name}" in page
        text = c.get(f"/assets/{name}").text
        assert "http://" not in text and "https://" not in text
    assert "http://" not in page and "https://" not in page
    assert c.get("/assets/serve.py").status_code == 404


def test_a_slow_client_gets_408(checker: Checker) -> None:
    """A body that does not arrive within the time limit is answered 408, not waited for."""
    import asyncio

    app = create_app(checker, Limits(seconds=0.2))
    sent: list[dict] = []

    async def receive() -> dict:
        await asyncio.sleep(5)
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/v1/check", "headers": [], "query_string": b""}
    asyncio.run(asyncio.wait_for(app(scope, receive, send), 3))
    assert sent[0]["status"] == 408
    assert b"not received" in sent[1]["body"]


def test_a_check_over_the_time_limit_gets_408(checker: Checker, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    slow = Checker.__new__(Checker)
    slow.__dict__.update(checker.__dict__)
    monkeypatch.setattr(slow, "check", lambda *a: time.sleep(1.0))
    r = client(slow, seconds=0.2).post("/v1/check", json={"text": "x"})
    assert r.status_code == 408 and "longer than 0.2 s" in r.json()["error"]["message"]


def test_serve_without_the_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import sys

    from newslint.run.cli import main

    monkeypatch.setitem(sys.modules, "newslint.run.serve", None)
    assert main(["serve"]) == 2
    assert "pip install 'newslint[serve]'" in capsys.readouterr().err
