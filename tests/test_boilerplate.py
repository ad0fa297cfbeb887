"""Boilerplate rules on whole articles: block findings, spans, unsafe fixes, precision."""

from __future__ import annotations

from functools import partial

from harness import lint as shared_lint
from harness import linter_for

from newslint.engine.loader import builtin_rules_dir, load_rules

RULES = load_rules(builtin_rules_dir() / "boilerplate")
LINTER = linter_for([r.id for r in RULES], RULES)

BODY = (
    "The talks between the two governments ended on Monday after three days in the capital, "
    "officials said, and both sides promised to meet again before the end of the year to settle "
    "the remaining questions of trade and security. The ministers did not take questions.\n\n"
    "Observers said the mood had been cordial but that little of substance had been agreed, and "
    "that the hard choices had been left for later, as they had been at the previous meetings in "
    "the spring. The next round is due in the northern city in May.\n\n"
    "The opposition said the government had given away too much and should have walked out when "
    "the question of the border was raised on the second day of the meetings.\n"
)
WIDGET = "Happy\nHappy\n0 %\nSad\nSad\n0 %\nSleppy\nSleppy\n0 %\n"


lint = partial(shared_lint, linter=LINTER)  # the findings of this file's linter on (text, path="a.txt")


def by_rule(findings: list[dict], rule: str) -> list[dict]:
    return [f for f in findings if f["rule"] == rule]


def test_widget_is_one_finding_from_first_to_last_line_with_an_unsafe_fix() -> None:
    text = "Talks End\n\n" + BODY + "\n" + WIDGET
    first = text.split("\n").index("Happy") + 1
    (widget,) = by_rule(lint(text), "boilerplate.widget")
    assert (widget["line"], widget["column"]) == (first, 1)
    assert (widget["end_line"], widget["end_column"]) == (first + 8, 4)
    fix = widget["fix"]  # the widget's block, whole lines
    assert (fix["replacement"], fix["safe"]) == ("", False)
    assert (fix["line"], fix["column"], fix["end_line"], fix["end_column"]) == (first, 1, first + 8, 4)


def test_clean_article_raises_nothing() -> None:
    assert lint("Talks End\n\n" + BODY + "\nHe declined to comment.\n") == []


def test_comment_form_and_next_article_teaser() -> None:
    text = (
        "Talks End\n\n" + BODY + "\nLeave a Reply\n\nNext Post\n\n"
        "Alumni Praise Management For A Stable Calendar\n\n"
        "The alumni association has commended the management for […]\n"
    )
    lines = text.split("\n")
    found = lint(text)
    assert by_rule(found, "boilerplate.comment-form")[0]["line"] == lines.index("Leave a Reply") + 1
    (teaser,) = by_rule(found, "boilerplate.next-article")
    assert teaser["line"] == lines.index("Alumni Praise Management For A Stable Calendar") + 1
    assert teaser["end_line"] == len(lines) - 1
    assert "Next Post" in teaser["message"]


def test_links_after_the_body_need_page_furniture_to_be_reported() -> None:
    links = "\nMan admits to taking pictures, police say\n\nFloods close roads across the north\n\nA storm is due\n"
    plain = lint("Talks End\n\n" + BODY + links)
    assert by_rule(plain, "boilerplate.outside-article") == []
    furnished = lint("Talks End\n\n" + BODY + links + "\n© 2024 The Daily Example\n")
    (outside,) = by_rule(furnished, "boilerplate.outside-article")
    assert outside["line"] == ("Talks End\n\n" + BODY).count("\n") + 2


def test_phrases_inside_prose_are_left_alone() -> None:
    text = (
        "The minister did not reply to a request for comment, and said he would subscribe now "
        "to whatever the committee decided about the next post in the cabinet.\n"
    )
    assert lint("Talks End\n\n" + text) == []


def test_html_findings_point_into_the_markup() -> None:
    html = (
        "<html><body>\n<h1>Talks End</h1>\n<p>The talks ended.</p>\n<div class=x>Leave a Reply</div>\n</body></html>\n"
    )
    (found,) = by_rule(lint(html, "a.html"), "boilerplate.comment-form")
    assert (found["line"], found["column"], found["end_column"]) == (4, 14, 27)


def test_an_invisible_separator_after_a_full_stop_still_ends_a_sentence() -> None:
    steps = "".join(f"Stir the pan for {n} minutes and add the noodles.\u2063\n\n" for n in range(2, 6))
    text = "Fried Noodles\n\n" + BODY + "\n" + steps + "Leave a Reply\n\nName\n\nEmail\n"
    outside = by_rule(lint(text), "boilerplate.outside-article")
    assert outside and all("Stir" not in f["message"] for f in outside)


def test_a_list_introduced_by_a_sentence_with_a_colon_is_the_articles_own() -> None:
    names = "Jane Smith, Director of Research at Acme\nJohn Brown, Head of Policy at Beta\n"
    names += "Ann Green, Chief Economist at Gamma\nTom White, Senior Fellow at Delta\n"
    introduced = "Talks End\n\n" + BODY + "\nRead the interviews with the other speakers at the summit:\n\n" + names
    assert by_rule(lint(introduced), "boilerplate.link-list") == []
    bare = "Talks End\n\n" + BODY + "\nMore\n\n" + names
    assert by_rule(lint(bare), "boilerplate.link-list")
    form = "Talks End\n\n" + BODY + "\nEnter your email address to get new recipe alerts:\n\n" + names
    assert by_rule(lint(form), "boilerplate.link-list")


def test_outside_article_leaves_out_a_list_the_article_introduces() -> None:
    items = "".join(f"Tuples save memory in case {n}\n\n" for n in range(4))
    text = (
        "Talks End\n\n"
        + BODY
        + "\nI will sum them up for you here:\n\n"
        + items
        + "Author: Jane Smith\n\nRss\n\n© 2020 Herald\n"
    )
    (outside,) = by_rule(lint(text), "boilerplate.outside-article")
    assert "Author: Jane Smith" in outside["message"]


def _page(closing: str) -> str:
    """An article page: the body and its closing lines in the article, then a sidebar of links."""
    paras = "".join(f"<p>{p}</p>\n" for p in BODY.split("\n\n")) + "".join(f"<p>{c}</p>\n" for c in closing)
    return (
        "<html><body>\n<main><article class='post'><div class='entry-content'>\n<h1>Talks End</h1>\n"
        + paras
        + "</div></article></main>\n<aside class='sidebar'>\n<h3>Most read</h3>\n"
        + "<ul><li><a href='/a'>Floods close roads across the north</a></li>\n"
        + "<li><a href='/b'>Council approves new budget</a></li></ul>\n</aside>\n"
        + "<footer><p>Copyright 2026 The Daily Paper</p></footer></body></html>\n"
    )


def test_the_articles_closing_lines_before_a_sidebar_are_left_out_of_the_run() -> None:
    closing = ["Referee: H Webb (S Yorkshire)", "Attendance: 31,000"]
    page = _page(closing)
    (outside,) = by_rule(lint(page, "a.html"), "boilerplate.outside-article")
    assert outside["line"] == page.split("\n").index("<h3>Most read</h3>") + 1
    assert "Most read" in outside["message"]


def test_a_closing_line_that_names_the_sites_furniture_stays_in_the_run() -> None:
    page = _page(["Referee: H Webb (S Yorkshire)", "Donate Now", "Join 6,707 other followers"])
    (outside,) = by_rule(lint(page, "a.html"), "boilerplate.outside-article")
    assert outside["line"] == page.split("\n").index("<p>Donate Now</p>") + 1
