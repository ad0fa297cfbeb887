"""Deleting web leftovers and repeated paragraphs: whole blocks with their markup, no garbage left,
the file's final newline kept, every byte outside the deleted blocks unchanged."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from newslint.api import make_linter, records
from newslint.engine import fixer
from newslint.settings.config import Config

LINTER = make_linter(Config())
ONE = (
    "The talks between the two governments ended on Monday after three days in the capital, "
    "officials said, and both sides promised to meet again before the end of the year."
)
TWO = "Observers said the mood had been cordial but that little of substance had been agreed."
COOKIE = "We use cookies to improve your experience on our site."
TEASER = "Alumni Praise Management For A Stable Calendar"


def fix(text: str, name: str, unsafe: bool = True, newline: str = "\n") -> tuple[str, list[dict], list[dict]]:
    """The fixed text (line endings as stored), the findings before and after."""
    data = text.replace("\n", newline).encode("utf-8")

    def lint(b: bytes):
        return LINTER.lint_bytes(name, b, Path(name))

    first = lint(data)
    outcome, last = fixer.fix_bytes(data, lint, unsafe, first=first)
    return outcome.fixed.decode("utf-8"), records(first), records(last)


def new_findings(before: list[dict], after: list[dict]) -> set[tuple[str, str]]:
    """Findings after the fix that the input did not have (rule and message)."""
    return {(f["rule"], f["message"]) for f in after} - {(f["rule"], f["message"]) for f in before}


class _Empty(HTMLParser):
    """Collects the elements that hold neither text nor another element."""

    VOID = {"br", "hr", "img", "meta", "link", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[list] = []
        self.empty: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self.stack:
            self.stack[-1][1] = True
        if tag not in self.VOID:
            self.stack.append([tag, False])

    def handle_endtag(self, tag: str) -> None:
        if self.stack and self.stack[-1][0] == tag:
            name, full = self.stack.pop()
            if not full:
                self.empty.append(name)

    def handle_data(self, data: str) -> None:
        if data.strip() and self.stack:
            self.stack[-1][1] = True


def empty_elements(html: str) -> list[str]:
    parser = _Empty()
    parser.feed(html)
    return parser.empty


# --- defect 7: the whole block goes, not the matched phrase -----------------------------------


@pytest.mark.parametrize(
    ("name", "banner"),
    [
        ("a.txt", f"{COOKIE}\n"),
        ("a.md", f"- {COOKIE}\n"),
        ("a.md", f"**{COOKIE}**\n"),
        ("a.md", f"> {COOKIE}\n"),
    ],
)
def test_a_cookie_banner_paragraph_is_deleted_whole(name: str, banner: str) -> None:
    head = "# Talks End\n\n" if name.endswith(".md") else "Talks End\n\n"
    text = f"{head}{ONE}\n\n{banner}\n{TWO}\n"
    fixed, before, after = fix(text, name)
    assert fixed == f"{head}{ONE}\n\n{TWO}\n"
    assert not new_findings(before, after)


def test_a_banner_of_several_findings_loses_them_and_its_button_stays_reported() -> None:
    """Each finding deletes its own sentence; the button label left behind was not reported on
    the input, so --fix does not delete it in the same run (every edit lies inside a finding
    reported first), but the re-lint reports it, and a second --fix deletes the block."""
    banner = f"Privacy & Cookies: This site uses cookies. {COOKIE} Accept\n"
    text = f"Talks End\n\n{ONE}\n\n{banner}{TWO}\n"
    fixed, _, after = fix(text, "a.txt")
    assert fixed == f"Talks End\n\n{ONE}\n\nAccept\n{TWO}\n"
    assert [f["rule"] for f in after] == ["boilerplate.cookie-banner"]
    assert fix(fixed, "a.txt")[0] == f"Talks End\n\n{ONE}\n\n{TWO}\n"


def test_a_cookie_sentence_inside_article_text_goes_alone() -> None:
    text = f"Talks End\n\n{ONE} {COOKIE} {TWO}\n"
    fixed, _, _ = fix(text, "a.txt")
    assert fixed == f"Talks End\n\n{ONE} {TWO}\n"


HTML = "<html><body>\n<h1>Talks End</h1>\n<p>{one}</p>\n{leftover}\n<p>{two}</p>\n</body></html>\n"


@pytest.mark.parametrize(
    "leftover",
    [
        f"<p>{COOKIE}</p>",
        '<h3 id="reply-title">Leave a Reply</h3>',
        f'<div class="cookie-notice"><p>{COOKIE}</p></div>',
        f'<div class="banner">\n  <p><strong>{COOKIE}</strong></p>\n</div>',
        f"<ul><li>{COOKIE}</li></ul>",
        f"<p>{COOKIE}",  # the end tag left out
    ],
)
def test_html_leftovers_go_with_their_tags(leftover: str) -> None:
    text = HTML.format(one=ONE, two=TWO, leftover=leftover)
    fixed, before, after = fix(text, "a.html")
    assert fixed == HTML.format(one=ONE, two=TWO, leftover="").replace("\n\n", "\n")
    assert not empty_elements(fixed)
    assert not new_findings(before, after)


def test_a_list_item_goes_and_its_list_stays() -> None:
    leftover = f"<ul>\n<li>Floods close roads.</li>\n<li>{COOKIE}</li>\n</ul>"
    fixed, _, _ = fix(HTML.format(one=ONE, two=TWO, leftover=leftover), "a.html")
    assert "<ul>\n<li>Floods close roads.</li>\n</ul>" in fixed
    assert COOKIE not in fixed and not empty_elements(fixed)


@pytest.mark.parametrize(
    ("name", "teaser", "kept"),
    [
        ("a.txt", f"Next Post\n\n{TEASER}\n", ""),
        ("a.txt", f"Next Post\n{TEASER}\n", ""),
        ("a.txt", f"Next Post{TEASER}\n", ""),
        ("a.md", f"**Next Post**\n\n[{TEASER}](/alumni)\n", ""),
        ("a.html", f'<div class="nav"><p>Next Post</p><p><a href="/x">{TEASER}</a></p></div>\n', ""),
        ("a.html", f'<div class="nav"><span>Next Post</span><a href="/x">{TEASER}</a></div>\n', ""),
    ],
)
def test_a_teaser_title_goes_with_its_next_post_label(name: str, teaser: str, kept: str) -> None:
    if name.endswith(".html"):
        text = f"<html><body>\n<h1>Talks End</h1>\n<p>{ONE}</p>\n<p>{TWO}</p>\n{teaser}</body></html>\n"
        expected = f"<html><body>\n<h1>Talks End</h1>\n<p>{ONE}</p>\n<p>{TWO}</p>\n</body></html>\n"
    else:
        head = "# Talks End\n\n" if name.endswith(".md") else "Talks End\n\n"
        text, expected = f"{head}{ONE}\n\n{TWO}\n\n{teaser}", f"{head}{ONE}\n\n{TWO}\n"
    fixed, before, after = fix(text, name)
    assert fixed == expected
    assert "Next" not in fixed and "Alumni" not in fixed
    assert not empty_elements(fixed)
    assert not new_findings(before, after)


# --- defect 8: the file ends as it did ----------------------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("final", ["", "\n"])
@pytest.mark.parametrize("name", ["a.txt", "a.md"])
def test_deleting_the_last_paragraph_keeps_the_final_newline(newline: str, final: str, name: str) -> None:
    text = f"Talks End\n\n{ONE}\n\n{TWO}\n\n{COOKIE}{final}"
    fixed, _, _ = fix(text, name, newline=newline)
    assert fixed == f"Talks End\n\n{ONE}\n\n{TWO}{final}".replace("\n", newline)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("final", ["", "\n"])
def test_the_safe_repeat_deletion_keeps_the_final_newline(newline: str, final: str) -> None:
    text = f"Talks End\n\n{ONE}\n\n{TWO}\n\n{TWO}{final}"
    fixed, _, _ = fix(text, "a.txt", unsafe=False, newline=newline)
    assert fixed == f"Talks End\n\n{ONE}\n\n{TWO}{final}".replace("\n", newline)


def test_a_repeat_in_the_middle_leaves_no_doubled_blank_line() -> None:
    text = f"Talks End\n\n{ONE}\n\n{ONE}\n\n{TWO}\n"
    fixed, _, _ = fix(text, "a.txt", unsafe=False)
    assert fixed == f"Talks End\n\n{ONE}\n\n{TWO}\n"


def test_a_repeated_html_paragraph_goes_with_its_tags() -> None:
    text = HTML.format(one=ONE, two=TWO, leftover=f"<p>{ONE}</p>")
    fixed, _, _ = fix(text, "a.html", unsafe=False)
    assert fixed == HTML.format(one=ONE, two=TWO, leftover="").replace("\n\n", "\n")


def test_bytes_outside_the_deleted_block_are_unchanged() -> None:
    text = f"Talks End \r\n\r\n  {ONE}  \r\n\r\n{COOKIE}\r\n\r\n\t{TWO}\r\n\r\n\r\n"
    fixed, _, _ = fix(text, "a.txt")
    assert fixed == f"Talks End \r\n\r\n  {ONE}  \r\n\r\n\t{TWO}\r\n\r\n\r\n"
