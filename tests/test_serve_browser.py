"""The web page and the HTML report in a real browser: Debian's chromium, headless, driven by
Playwright, against a ``newslint serve`` started here on a free loopback port. Without chromium
these tests skip, except in CI (``CI=true``), where a missing browser fails."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "defects" / "article.md"


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is missing (.ci/run installs Debian's chromium)")
    pytest.skip("chromium is not installed")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    path = _chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, headless=True, args=["--no-sandbox"])
        yield b
        b.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    cmd = [sys.executable, "-m", "newslint", "serve", "--port", str(port)]
    proc = subprocess.Popen(cmd, cwd=tmp_path_factory.mktemp("serve"))
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(url + "/healthz", timeout=1)
                break
            except OSError:
                assert proc.poll() is None, "newslint serve exited"
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


def test_paste_check_and_fix_in_the_page(browser, server: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + "/")
    text = ARTICLE.read_text(encoding="utf-8")
    page.fill("#article", text)
    page.click("#check")
    page.wait_for_selector("#view mark")
    marks = page.locator("#view mark")
    assert marks.count() >= 5
    first = marks.first
    assert first.get_attribute("title").startswith("punctuation.space-before")
    assert "warning" in first.get_attribute("class")
    assert page.locator("#findings li").count() >= marks.count()
    page.locator("#findings li button.goto").nth(3).click()
    assert page.evaluate("document.activeElement.tagName") == "MARK"
    shown = page.evaluate("getComputedStyle(document.activeElement, '::after').content")
    assert page.evaluate("document.activeElement.title") in shown  # the message shows on keyboard focus
    before = page.locator("#findings li").count()
    page.locator("#findings li button.apply").first.click()
    page.wait_for_function(f"document.querySelectorAll('#findings li').length < {before}")
    assert page.input_value("#article") != text
    page.click("#fix-all")
    page.wait_for_function("document.getElementById('fix-all').disabled")
    assert "commitee" in page.input_value("#article")  # a spelling fix is unsafe: not applied
    assert all(u.startswith(server) for u in requests)
    page.close()


def test_html_report_screenshot(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "report.html"
    cmd = [sys.executable, "-m", "newslint", "check", "--no-cache", "--format", "html", "-o", str(out), str(ARTICLE)]
    assert subprocess.run(cmd, cwd=ROOT, check=False).returncode == 1
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(out.as_uri())
    mark = page.locator("mark").first
    box = mark.bounding_box()
    assert box is not None and box["width"] > 0
    shot = page.screenshot(full_page=True)
    assert shot[:8] == b"\x89PNG\r\n\x1a\n"
    clip = page.screenshot(clip={"x": box["x"], "y": box["y"], "width": box["width"], "height": box["height"]})
    plain = page.screenshot(clip={"x": 0, "y": 0, "width": box["width"], "height": box["height"]})
    assert clip != plain  # the marked span is drawn differently from the page's background
    assert requests == [out.as_uri()]
    page.close()
