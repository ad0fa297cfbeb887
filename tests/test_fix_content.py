"""Safe fixes never change what an article says: repeats deleted only when they are copies as
stored, and nothing inside a quotation edited without --unsafe-fixes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newslint.api import lint_text, make_linter
from newslint.document.quotes import inside_quotes, quote_spans
from newslint.document.readers import read_document
from newslint.document.source import decode
from newslint.run.cli import main
from newslint.settings.config import Config

LINTER = make_linter(Config())

HEAD = "Rates Held"
WRONG = "Analysts said the Bank of england would cut rates."
RIGHT = "Analysts said the Bank of England would cut rates."
QUOTED = 'She said: "Syrians have waited for for more than a decade."'


def article(fmt: str, *paragraphs: str) -> str:
    """An article in ``fmt`` (txt, md, html) with the headline and ``paragraphs``."""
    if fmt == "md":
        return f"# {HEAD}\n\n" + "".join(f"{p}\n\n" for p in paragraphs).rstrip("\n") + "\n"
    if fmt == "html":
        body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
        return f"<html><body>\n<h1>{HEAD}</h1>\n{body}</body></html>\n"
    return f"{HEAD}\n\n" + "\n\n".join(paragraphs) + "\n"


def newslint(folder: Path, *args: str) -> int:
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        return main([*args, "--no-cache", "--jobs", "1"])
    finally:
        os.chdir(cwd)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def only(findings: list[dict], rule: str) -> dict:
    [found] = [f for f in findings if f["rule"] == rule]
    return found


# --- a repeated paragraph is deleted safely only when it is a copy as stored ------------------


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_fix_keeps_both_copies_that_differ_in_case(tmp_path: Path, fmt: str) -> None:
    path = write(tmp_path, f"c.{fmt}", article(fmt, WRONG, RIGHT))
    before = path.read_text(encoding="utf-8")
    newslint(tmp_path, "--fix", path.name)
    assert path.read_text(encoding="utf-8") == before  # neither copy deleted
    found = only(lint_text(before, path.name, LINTER), "duplicate.paragraph")
    assert found["fix"]["safe"] is False
    assert "differs from it ('England' here, 'england' there)" in found["message"]
    assert found["related"][0]["line"] == 3


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_fix_deletes_a_copy_that_is_the_same_as_stored(tmp_path: Path, fmt: str) -> None:
    spaced = RIGHT.replace("the Bank", "the  Bank")  # white space may differ
    path = write(tmp_path, f"c.{fmt}", article(fmt, RIGHT, spaced, "The end of the story."))
    assert newslint(tmp_path, "--fix", path.name) == 0
    assert path.read_text(encoding="utf-8") == article(fmt, RIGHT, "The end of the story.")


URGENT = "He said it was “urgent” today."
BANKS = RIGHT.replace("Bank of", "Bank's chief of")


@pytest.mark.parametrize(
    ("first", "later", "shown"),
    [
        (RIGHT, RIGHT.rstrip("."), "'rates' here, 'rates.' there"),
        (BANKS, BANKS.replace("'", "’"), "'Bank’s' here, 'Bank's' there"),
        (URGENT, URGENT.replace("“", '"').replace("”", '"'), "'\"urgent\"' here, '“urgent”' there"),
    ],
)
def test_copies_differing_in_punctuation_or_quote_style_are_not_a_safe_fix(first: str, later: str, shown: str) -> None:
    found = only(lint_text(article("txt", first, later), "a.txt", LINTER), "duplicate.paragraph")
    assert found["fix"]["safe"] is False and shown in found["message"]


def test_a_third_copy_the_same_as_the_second_is_deleted_safely(tmp_path: Path) -> None:
    path = write(tmp_path, "c.txt", article("txt", WRONG, RIGHT, RIGHT, "The end of the story."))
    newslint(tmp_path, "--fix", "c.txt")
    assert path.read_text(encoding="utf-8") == article("txt", WRONG, RIGHT, "The end of the story.")


def test_html_copies_with_other_markup_or_neighbours_are_not_a_safe_fix() -> None:
    linked = RIGHT.replace("Bank of England", '<a href="https://boe.example">Bank of England</a>')
    found = only(lint_text(article("html", RIGHT, linked), "a.html", LINTER), "duplicate.paragraph")
    assert found["fix"]["safe"] is False and "<a href" in found["message"]
    entity = RIGHT.replace("rates", "r&#97;tes")  # the same characters as stored, once decoded
    assert only(lint_text(article("html", RIGHT, entity), "a.html", LINTER), "duplicate.paragraph")["fix"]["safe"]
    # The copy is deleted as a whole element, so the next heading keeps its tags: safe.
    html = f"<html><body>\n<h1>{HEAD}</h1>\n<p>{RIGHT}</p>\n<p>{RIGHT}</p>\n<h2>Outlook</h2>\n<p>End.</p>\n</body></html>\n"
    assert only(lint_text(html, "a.html", LINTER), "duplicate.paragraph")["fix"]["safe"] is True


def test_repeated_line_differing_in_case_is_shown_and_not_a_safe_fix() -> None:
    text = "The story ends here.\n\nHow do you feel?\nHappy today\nhappy today\n"
    found = only(lint_text(text, "a.txt", LINTER), "duplicate.line")
    assert found["fix"]["safe"] is False and "'happy' here, 'Happy' there" in found["message"]
    same = only(lint_text(text.replace("happy", "Happy"), "a.txt", LINTER), "duplicate.line")
    assert same["fix"]["safe"] is True and same["message"].endswith("delete this copy.")


def test_doubled_word_in_another_form_is_not_a_safe_fix() -> None:
    start = only(lint_text("The story.\n\nThe the talks ended.\n", "a.txt", LINTER), "duplicate.word")
    assert start["fix"]["safe"] is True  # the sentence's capital is kept
    caps = only(lint_text("The story.\n\nTHE the talks ended.\n", "a.txt", LINTER), "duplicate.word")
    assert caps["fix"]["safe"] is False


# --- nothing inside a quotation gets a safe fix ------------------------------------------------


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_fix_leaves_a_quotation_alone_unless_unsafe_fixes(tmp_path: Path, fmt: str) -> None:
    path = write(tmp_path, f"q.{fmt}", article(fmt, QUOTED))
    before = path.read_text(encoding="utf-8")
    found = only(lint_text(before, path.name, LINTER), "duplicate.word")
    assert found["fix"] == {"replacement": "for", "safe": False}
    assert newslint(tmp_path, "--fix", path.name) == 1
    assert path.read_text(encoding="utf-8") == before
    assert newslint(tmp_path, "--fix", "--unsafe-fixes", path.name) == 0
    assert path.read_text(encoding="utf-8") == before.replace("for for", "for")


@pytest.mark.parametrize(
    "text",
    [
        "He said “they waited for for years” and left.",
        "‘The officials’ plan is for for Monday,’ he said.",  # an apostrophe does not end it
        "“We waited for for years.",  # a quotation that runs on into the next paragraph
        "He said “it was urgent , very”.",  # a stray space between the marks is theirs too
    ],
)
def test_safe_fixes_inside_quotation_marks_become_unsafe(text: str) -> None:
    findings = [f for f in lint_text(article("txt", text), "a.txt", LINTER) if f["fix"]]
    assert findings and all(f["fix"]["safe"] is False for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        "He said “they waited for years” and and left.",
        "‘Yes,’ he said, and and left.",
        "He said it was “urgent”.. Then he left.",  # a mark after the quotation
        "He is 6'2\" tall and and fast.",  # an inch mark opens no quotation
    ],
)
def test_safe_fixes_outside_quotations_stay_safe(text: str) -> None:
    findings = [f for f in lint_text(article("txt", text), "a.txt", LINTER) if f["fix"]]
    assert findings and all(f["fix"]["safe"] is True for f in findings)


def test_setting_only_the_quotation_marks_in_house_style_stays_safe(tmp_path: Path) -> None:
    curly = "Xi promised “strong support” for “core interests”.\n\nHe said “yes” and “no”."
    path = write(tmp_path, "a.txt", article("txt", curly, 'He said "they waited for years" today.'))
    assert only(lint_text(path.read_text(encoding="utf-8"), "a.txt", LINTER), "consistency.quote-style")["fix"]["safe"]
    newslint(tmp_path, "--fix", "a.txt")
    assert path.read_text(encoding="utf-8") == article("txt", curly, "He said “they waited for years” today.")


def test_deleting_a_repeated_paragraph_with_its_quotation_stays_safe(tmp_path: Path) -> None:
    para = "“We will not back down,” the minister said on Monday evening in Brussels."
    path = write(tmp_path, "a.txt", article("txt", para, para, "The end of the story."))
    newslint(tmp_path, "--fix", "a.txt")
    assert path.read_text(encoding="utf-8") == article("txt", para, "The end of the story.")


def test_quote_spans_tell_single_quotation_marks_from_apostrophes() -> None:
    text = "Head\n\n‘The officials’ plan is bad,’ he said in the ‘90s. Rock ’n’ roll’s fine, it’s said.\n"
    doc = read_document(decode("a.txt", text.encode("utf-8")), None)
    [q] = quote_spans(doc)
    assert doc.text[q.start : q.end] == "‘The officials’ plan is bad,’" and q.closed
    assert not inside_quotes(doc, doc.text.index("he said"))
