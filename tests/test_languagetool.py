"""Grammar through LanguageTool, against a stand-in server on 127.0.0.1 (no other network)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newslint.api import builtin_rules, lint_bytes, make_linter, records
from newslint.run.cli import main
from newslint.settings.config import Config, parse_config
from newslint.settings.languagetool import normalise_url, resolve
from newslint.settings.yamlfile import ConfigError

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "languagetool"))
from fake_server import FakeServer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GRAMMAR = "grammar.languagetool"


@pytest.fixture(scope="module")
def server():
    s = FakeServer().start()
    yield s
    s.stop()


@pytest.fixture
def lt(server, tmp_path, monkeypatch):
    """The stand-in server, reset, with a fresh cache folder and no URL in the environment."""
    monkeypatch.delenv("NEWSLINT_LANGUAGETOOL_URL", raising=False)
    server.mode, server.delay, server.max_length = "ok", 0.0, 0
    server.checks.clear()
    server.gets.clear()
    server.cache_dir = str(tmp_path / "cache")
    return server


def linter(server, select=(GRAMMAR,), **options):
    raw = {"url": server.url, "cache-dir": server.cache_dir, **options}
    return make_linter(Config(select=list(select), languagetool=raw))


def lint(text: str, path: str, lin) -> tuple[list[dict], list[str], bool]:
    result = lint_bytes(text.encode("utf-8"), path, lin)
    return records(result), result.messages, result.error


def at(findings: list[dict], rule: str) -> list[tuple[int, int, int, int]]:
    return [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in findings if f["rule"] == rule]


# --- settings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("localhost:8081", "http://localhost:8081/"),
        ("http://localhost:8081", "http://localhost:8081/"),
        ("http://h:8081/v2", "http://h:8081/"),
        ("http://h:8081/v2/", "http://h:8081/"),
        ("https://proxy.example/lt", "https://proxy.example/lt/"),
        ("https://proxy.example/lt/v2/check", "https://proxy.example/lt/"),
        ("  ", ""),
    ],
)
def test_server_url_is_normalised(given: str, expected: str) -> None:
    assert normalise_url(given) == expected


def test_url_precedence_cli_config_over_environment() -> None:
    env = {"NEWSLINT_LANGUAGETOOL_URL": "http://env:1"}
    assert resolve({}, env=env).url == "http://env:1/"
    assert resolve({"url": "http://file:2/lt"}, env=env).url == "http://file:2/lt/"
    assert resolve({}, env={}).active is False


def test_settings_defaults_follow_newslint_language() -> None:
    assert resolve({}, "en-GB", env={}).language == "en-GB"
    assert resolve({}, "en", env={}).language == "en-US"
    s = resolve({"disabled-categories": []}, env={})
    assert s.disabled_categories == () and resolve({}, env={}).disabled_categories == ("TYPOS",)
    assert resolve({"level": "picky"}, env={}).fingerprint() != resolve({}, env={}).fingerprint()


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ({"level": "strict"}, "languagetool.level"),
        ({"timeout": "5"}, "languagetool.timeout"),
        ({"timeout": 0}, "languagetool.timeout"),
        ({"url": "ftp://host"}, "languagetool.url"),
        ({"disabled-rules": "WHITESPACE_RULE"}, "languagetool.disabled-rules"),
        ({"language": "English"}, "languagetool.language"),
        ({"servr": "x"}, "languagetool.servr"),
    ],
)
def test_bad_settings_are_config_errors(raw: dict, key: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config({"languagetool": raw}, Path(".newslint.yaml"))
    assert info.value.key == key


# --- silent unless asked -----------------------------------------------------------------


def test_silent_and_not_imported_without_a_server(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The mayor ate a apple at the fair.\n", encoding="utf-8")
    code = (
        "import sys; from newslint.run.cli import main; rc = main(['--select', 'grammar', sys.argv[1]]);"
        "print(rc, 'language_tool_python' in sys.modules, 'requests' in sys.modules,"
        " 'newslint.engine.languagetool.client' in sys.modules)"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code, str(article)], capture_output=True, text=True, env=env, cwd=ROOT)
    assert out.stdout.split()[-4:] == ["0", "False", "False", "False"], out.stdout + out.stderr
    assert "LanguageTool" not in out.stderr


# --- findings and their spans --------------------------------------------------------------


def test_plain_text_finding_with_suggestion_and_unsafe_fix(lt) -> None:
    findings, messages, error = lint("Headline here\n\nThe mayor ate a apple.\n", "a.txt", linter(lt))
    assert not messages and not error
    (f,) = findings
    assert f["rule"] == "grammar.en-a-vs-an" and f["category"] == "grammar"
    assert (f["line"], f["column"], f["end_column"]) == (3, 15, 16)
    assert f["suggestions"] == ["an"] and f["fix"] == {"replacement": "an", "safe": False}
    assert "vowel" in f["message"]
    assert lt.checks[0]["language"] == "en-US" and lt.checks[0]["text"] == "The mayor ate a apple."


def test_markdown_span_points_into_the_markup(lt) -> None:
    text = "---\ntitle: Fair\n---\n\nThe **mayor** ate [a](http://x.test) apple.\n\n- He cheered the the team.\n"
    findings, _, _ = lint(text, "a.md", linter(lt))
    assert at(findings, "grammar.en-a-vs-an") == [(5, 20, 5, 21)]
    assert at(findings, "grammar.english-word-repeat-rule") == [(7, 14, 7, 21)]
    sent = lt.checks[0]["text"]
    assert "**" not in sent and "http" not in sent and "title" not in sent


def test_html_span_through_entities_and_tags(lt) -> None:
    text = "<html><body><h1>Fair</h1>\n<p>Caf&eacute; owners <i>ate</i> a apple.</p></body></html>\n"
    findings, _, _ = lint(text, "a.html", linter(lt))
    (f,) = findings
    line = text.splitlines()[f["line"] - 1]
    assert line[f["column"] - 1 : f["end_column"] - 1] == "a"
    assert line[f["column"] - 2 : f["column"] + 6] == " a apple"


def test_emoji_inside_and_before_a_match_keep_the_span_exact(lt) -> None:
    text = "Fans 😀 cheered 🎉 🎉 and left.\n"
    findings, _, _ = lint(text, "a.txt", linter(lt))
    (f,) = findings
    line = text.splitlines()[0]
    assert line[f["column"] - 1 : f["end_column"] - 1] == "🎉 🎉"


def test_ids_stay_in_grammar_and_speller_is_off_by_default(lt) -> None:
    text = "Sleppy Hollow said , the city 37 Second.\n"
    rules = {f["rule"] for f in lint(text, "a.txt", linter(lt))[0]}
    assert rules == {"grammar.comma-parenthesis-whitespace", "grammar.plural-after-number"}
    assert lt.checks[-1]["disabledCategories"] == "TYPOS"
    rules = {f["rule"] for f in lint(text, "a.txt", linter(lt, **{"disabled-categories": []}))[0]}
    assert "grammar.morfologik-rule-en-us" in rules


def test_configured_rules_and_level_reach_the_server(lt) -> None:
    lin = linter(lt, level="picky", **{"disabled-rules": ["EN_A_VS_AN"], "enabled-rules": ["ELLIPSIS"]})
    findings, _, _ = lint("The mayor ate a apple.\n", "a.txt", lin)
    assert findings == []
    form = lt.checks[0]
    assert form["level"] == "picky" and form["disabledRules"] == "EN_A_VS_AN" and form["enabledRules"] == "ELLIPSIS"


def test_match_reported_by_a_builtin_rule_is_dropped(lt) -> None:
    space_before = [r for r in builtin_rules() if r.id == "punctuation.space-before"]
    if not space_before:
        pytest.skip("no punctuation.space-before rule")
    lin = linter(lt, select=(GRAMMAR, "punctuation.space-before"))
    findings, _, _ = lint("The mayor said , the city ate a apple.\n", "a.txt", lin)
    rules = sorted(f["rule"] for f in findings)
    assert rules == ["grammar.en-a-vs-an", "punctuation.space-before"]


# --- requests, size limits and the cache ---------------------------------------------------


def _long_article(n: int = 12) -> str:
    paras = [f"Paragraph {i} says the council ate a apple at meeting number {i} of the year." for i in range(n)]
    return "Headline\n\n" + "\n\n".join(paras) + "\n"


def test_long_document_goes_in_several_requests_within_the_limit(lt) -> None:
    text = _long_article()
    findings, messages, _ = lint(text, "a.txt", linter(lt, **{"max-request-chars": 300}))
    assert not messages
    assert 3 <= len(lt.checks) <= 5
    assert all(len(c["text"]) <= 300 for c in lt.checks)
    lines = text.splitlines()
    assert len(findings) == 12
    for f in findings:
        assert lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] == "a"


def test_a_paragraph_longer_than_the_limit_is_cut_at_sentence_ends(lt) -> None:
    para = " ".join(f"Sentence {i} has a apple in it." for i in range(30))
    findings, _, _ = lint(f"Headline\n\n{para}\n", "a.txt", linter(lt, **{"max-request-chars": 200}))
    assert len(findings) == 30
    assert all(len(c["text"]) <= 200 and c["text"].endswith(".") for c in lt.checks)


def test_server_size_limit_refusal_is_followed(lt) -> None:
    lt.max_length = 250
    findings, messages, error = lint(_long_article(), "a.txt", linter(lt, **{"max-request-chars": 5000}))
    assert not messages and not error
    assert len(findings) == 12 and all(len(c["text"]) <= 250 for c in lt.checks)


def test_second_run_over_unchanged_text_sends_nothing(lt) -> None:
    text = _long_article(4)
    first, _, _ = lint(text, "a.txt", linter(lt))
    requests_made = len(lt.checks) + len(lt.gets)
    second, messages, _ = lint(text, "a.txt", linter(lt))  # a new linter: only the disk cache is shared
    assert second == first and not messages
    assert len(lt.checks) + len(lt.gets) == requests_made
    lint(text.replace("number 2 ", "number two "), "a.txt", linter(lt))
    assert len(lt.checks[-1]["text"]) < 100  # only the changed paragraph is sent again


def test_cache_depends_on_settings(lt) -> None:
    text = "The mayor ate a apple.\n"
    lint(text, "a.txt", linter(lt))
    lint(text, "a.txt", linter(lt, level="picky"))
    assert len(lt.checks) == 2


# --- failures ------------------------------------------------------------------------------


def _assert_one_warning(messages: list[str], url: str, *words: str) -> None:
    (message,) = [m for m in messages if "LanguageTool" in m]
    assert url in message and "exit status 2" in message
    for w in words:
        assert w in message


def test_slow_server_times_out_quickly(lt) -> None:
    lt.mode, lt.delay = "slow", 3.0
    t0 = time.monotonic()
    findings, messages, error = lint("The mayor ate a apple.\n", "a.txt", linter(lt, timeout=0.3))
    assert time.monotonic() - t0 < 2.0
    assert findings == [] and error
    _assert_one_warning(messages, lt.url, "timed out")


@pytest.mark.parametrize(
    ("mode", "word"),
    [
        ("error", "NullPointerException"),
        ("garbage", "502 Bad Gateway"),
        ("json-error", "unexpected reply"),
        ("no-offset", "unexpected reply"),
    ],
)
def test_failing_server_warns_and_fails_the_file(lt, mode: str, word: str) -> None:
    lt.mode = mode
    findings, messages, error = lint("The mayor ate a apple.\n", "a.txt", linter(lt))
    assert findings == [] and error
    _assert_one_warning(messages, lt.url, word)


def test_unreachable_server_one_warning_for_the_run_and_exit_2(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Headline\n\nThe mayor said , the city ate a apple.\n", encoding="utf-8")
    rc = main(["--format", "json", "--languagetool-url", "http://127.0.0.1:9/lt", str(tmp_path)])
    out, err = capsys.readouterr()
    assert rc == 2
    warnings = [line for line in err.splitlines() if "LanguageTool" in line]
    assert len(warnings) == 1 and "http://127.0.0.1:9/lt/" in warnings[0]
    assert any(f["rule"] == "punctuation.space-before" for f in json.loads(out)) or not any(
        r.id == "punctuation.space-before" for r in builtin_rules()
    )


def test_environment_variable_turns_it_on(lt, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("NEWSLINT_LANGUAGETOOL_URL", lt.url + "/v2/")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", lt.cache_dir)
    (tmp_path / "a.txt").write_text("Headline\n\nThe mayor ate a apple.\n", encoding="utf-8")
    rc = main(["--format", "json", "--select", "grammar", str(tmp_path / "a.txt")])
    out, _ = capsys.readouterr()
    assert rc == 1 and [f["rule"] for f in json.loads(out)] == ["grammar.en-a-vs-an"]


def test_missing_extra_is_reported_when_asked(lt, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "language_tool_python", None)  # import fails
    findings, messages, error = lint("The mayor ate a apple.\n", "a.txt", linter(lt))
    assert error and not lt.checks
    _assert_one_warning(messages, lt.url, "newslint[languagetool]")


def test_bad_local_install_path_is_reported_without_java_or_download(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("NEWSLINT_LANGUAGETOOL_URL", raising=False)
    lin = make_linter(Config(select=[GRAMMAR], languagetool={"local-path": str(tmp_path), "cache": False}))
    findings, messages, error = lint("The mayor ate a apple.\n", "a.txt", lin)
    assert error and findings == []
    _assert_one_warning(messages, str(tmp_path), "LanguageTool-<version>")


def test_a_sentence_longer_than_the_limit_is_cut_hard(lt) -> None:
    sentence = "The council ate a apple " + "and then some more " * 30 + "today."
    findings, messages, _ = lint(f"Headline\n\n{sentence}\n", "a.txt", linter(lt, **{"max-request-chars": 150}))
    assert not messages and len(findings) == 1
    assert all(len(c["text"]) <= 150 for c in lt.checks)
    assert "".join(c["text"] for c in lt.checks) == sentence
