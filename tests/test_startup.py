"""Start-up: built-in patterns compile on first use, user patterns at load; light imports."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.api import lint_text, make_linter
from newslint.engine.loader import ConfigError, builtin_rules_dir, load_rules
from newslint.engine.regexes import Deferred, deferring
from newslint.settings.config import Config

RULE = """\
id: test.bad
kind: pattern
severity: warning
message: "m"
description: "d"
pattern: "{pattern}"
examples: {{flag: ["x"], pass: ["y"]}}
"""


def test_every_builtin_pattern_compiles_when_loaded_without_deferring() -> None:
    rules = load_rules(builtin_rules_dir(), defer=False)
    patterns = [
        (r.id, name, value)
        for r in rules
        if r.kind in ("pattern", "boilerplate_phrase")
        for name, value in ((n, getattr(r.compiled, n)) for n in r.compiled.__slots__)
        if isinstance(value, Deferred)
    ]
    assert len(patterns) > 40 and [(i, n) for i, n, p in patterns if not p.is_compiled] == []


def test_builtin_rules_leave_their_patterns_to_first_use() -> None:
    rules = {r.id: r for r in load_rules(builtin_rules_dir())}
    newsletter = rules["boilerplate.newsletter"].compiled
    assert not newsletter.phrases.is_compiled and not newsletter.lines.is_compiled


def test_a_user_rule_with_a_bad_pattern_fails_at_load_naming_file_line_and_key(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(RULE.format(pattern="(unclosed"), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_rules(tmp_path)
    assert err.value.key == "pattern" and err.value.line == 6 and err.value.path.endswith("bad.yaml")


def test_a_deferred_pattern_compiles_once_on_first_use_and_matches_alike() -> None:
    with deferring():
        pattern = Deferred(r"leave a (reply|comment)", "lines", ignore_case=True)
    assert not pattern.is_compiled
    assert pattern.fullmatch("Leave a Reply").group(1) == "Reply"
    first = pattern.compiled
    assert pattern.is_compiled and pattern.compiled is first


def test_deferred_builtin_rules_find_what_eager_ones_find() -> None:
    text = "Talks end\n\nThe talks ended on Monday.\n\nLeave a Reply\n\nSubscribe to our newsletter for more news."
    findings = []
    for defer in (True, False):
        rules = load_rules(builtin_rules_dir(), defer=defer)
        found = lint_text(text, "a.txt", make_linter(Config(select=["boilerplate", "punctuation"]), rules))
        findings.append([(f["rule"], f["line"], f["column"]) for f in found])
    assert findings[0] == findings[1] and findings[0]


@pytest.mark.parametrize(
    "module", ["multiprocessing", "newslint.engine.fixer", "newslint.cache.results", "dataclasses", "inspect", "shutil"]
)
def test_a_one_file_run_without_cache_does_not_import(module: str, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Talks end\n\nThe talks ended on Monday.\n", encoding="utf-8")
    code = (
        "import sys; from newslint.run.cli import main; main(['--no-cache', '-q', sys.argv[1]]); "
        f"print({module!r} in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(article)], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("False")


@pytest.mark.parametrize("module", ["hashlib", "base64", "yaml", "pickle", "copy", "html"])
def test_a_one_file_run_with_the_cache_does_not_import(module: str, tmp_path: Path) -> None:
    """A result-cache miss (a new article, the rules from the stores) imports none of these:
    OpenSSL's hashes, what only runs over many articles fingerprint with, the YAML parser, the
    pickle module around the C unpickler, copy, and the HTML entity table (a text article)."""
    article = tmp_path / "a.txt"
    article.write_text("Talks end\n\nThe talks ended on Monday.\n", encoding="utf-8")
    code = (
        "import sys; from newslint.run.cli import main; "
        "main(['-q', '--cache-dir', sys.argv[2], sys.argv[1]]); "
        f"print({module!r} in sys.modules)"
    )
    cache = str(tmp_path / "cache")
    for _ in range(2):  # the first run fills the rule store (and parses YAML), the second is a miss
        shutil.rmtree(tmp_path / "cache" / "results", ignore_errors=True)
        out = subprocess.run([sys.executable, "-c", code, str(article), cache], capture_output=True, text=True)
    assert out.stdout.strip().endswith("False")


def _rules_folder(tmp_path: Path, pattern: str = "sleppy") -> Path:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "one.yaml").write_text(RULE.format(pattern=pattern), encoding="utf-8")
    return folder


def test_stored_rule_files_load_as_parsed_and_need_no_yaml(tmp_path: Path) -> None:
    folder, store = _rules_folder(tmp_path), tmp_path / "cache" / "rules" / "store.marshal"
    first = load_rules(folder, store=store)
    assert store.is_file() and (tmp_path / "cache" / ".gitignore").is_file()
    code = (
        "import sys; from pathlib import Path; from newslint.engine.loader import load_rules; "
        "r = load_rules(Path(sys.argv[1]), store=Path(sys.argv[2])); "
        "print(r[0].options['pattern'], 'yaml' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(folder), str(store)], capture_output=True, text=True)
    assert out.stdout.split() == ["sleppy", "False"]
    second = load_rules(folder, store=store)
    assert [(r.id, r.options, r.examples, r.severity) for r in first] == [
        (r.id, r.options, r.examples, r.severity) for r in second
    ]


def test_an_edited_rule_file_is_parsed_afresh_and_errors_keep_their_line(tmp_path: Path) -> None:
    folder, store = _rules_folder(tmp_path), tmp_path / "store.marshal"
    load_rules(folder, store=store)
    _rules_folder(tmp_path, pattern="sleepy")
    assert load_rules(folder, store=store)[0].options["pattern"] == "sleepy"
    _rules_folder(tmp_path, pattern="(unclosed")
    with pytest.raises(ConfigError) as err:
        load_rules(folder, store=store)
    assert err.value.key == "pattern" and err.value.line == 6


def test_a_corrupt_store_is_ignored_and_rewritten(tmp_path: Path) -> None:
    folder, store = _rules_folder(tmp_path), tmp_path / "store.marshal"
    store.write_text('{"files": {"one.yaml": ["x", {"m": 1}]}, "format": 1', encoding="utf-8")
    assert load_rules(folder, store=store)[0].options["pattern"] == "sleppy"
    good = store.read_bytes()
    assert b"sleppy" in good
    import marshal

    from newslint.cache.rulestore import RuleStore

    for damaged in (good[: len(good) // 2], b"\xff" + good[1:], marshal.dumps({"format": 1, "files": {}})):
        store.write_bytes(damaged)  # cut short, garbled, or of another layout
        assert RuleStore(store).entries == {}
        assert load_rules(folder, store=store)[0].options["pattern"] == "sleppy"
    assert store.read_bytes() == good


def test_values_json_cannot_hold_exactly_are_not_stored() -> None:
    from newslint.cache.rulestore import Unstorable, decode, encode
    from newslint.settings.yamlfile import parse_yaml

    data = parse_yaml("a: [1, 1.5, true, null, x]\nb: {c: d}\n", "t.yaml")
    back = decode(encode(data))
    assert back == data and back.lines == data.lines and back["b"].lines == data["b"].lines
    assert [type(v) for v in back["a"]] == [int, float, bool, type(None), str]
    with pytest.raises(Unstorable):
        encode(parse_yaml("when: 2024-01-02\n", "t.yaml"))


def test_no_cache_writes_no_results_but_keeps_the_rule_and_pattern_stores(tmp_path: Path) -> None:
    """``--no-cache`` turns off the result cache only: nothing the findings are read from is
    kept, while the stores of parsed rule files and compiled patterns (and the prepared word
    data) are read and filled as on any run."""
    from newslint.run.cli import main

    article = tmp_path / "a.txt"
    article.write_text("Talks end\n\nThe talks ended on Monday.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    main(["--no-cache", "-q", "--cache-dir", str(cache), str(article)])
    assert not (cache / "results").exists()
    assert list((cache / "rules").glob("builtin-*.marshal")) and list((cache / "rules").glob("patterns-*.pickle"))
    main(["-q", "--cache-dir", str(cache), str(article)])
    assert (cache / "results").is_dir()


def test_no_cache_takes_the_builtin_rules_from_the_store_without_yaml(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Talks end\n\nThe talks ended on Monday.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    code = (
        "import sys; from newslint.run.cli import main; "
        "main(['--no-cache', '-q', '--cache-dir', sys.argv[2], sys.argv[1]]); print('yaml' in sys.modules)"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code, str(article), str(cache)], capture_output=True, text=True)
        for _ in "ab"
    ]
    assert [r.stdout.strip().splitlines()[-1] for r in runs] == ["True", "False"]


def _count_compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import regex

    seen: list[str] = []
    real = regex.compile

    def counting(pattern, *args, **kwargs):
        seen.append(pattern)
        return real(pattern, *args, **kwargs)

    monkeypatch.setattr(regex, "compile", counting)
    return seen


def test_a_second_run_takes_the_builtin_patterns_from_the_store(tmp_path: Path, monkeypatch) -> None:
    from newslint.run.cli import main

    article = tmp_path / "a.txt"
    article.write_text("Talks end\n\nThe talks ended on Monday.\n\nLeave a Reply\n", encoding="utf-8")
    cache, out = tmp_path / "cache", tmp_path / "out.json"
    args = ["--no-cache", "--format", "json", "-o", str(out), str(article)]
    main(args)
    expected = out.read_text(encoding="utf-8")
    args = ["--cache-dir", str(cache), *args[1:]]
    main(args)
    assert list((cache / "rules").glob("patterns-*.pickle"))
    compiled = _count_compiles(monkeypatch)
    for _ in range(2):
        shutil.rmtree(cache / "results", ignore_errors=True)  # a new article: a result-cache miss
        main(args)
        assert out.read_text(encoding="utf-8") == expected
    assert compiled == []


def test_a_second_run_takes_what_was_worked_out_from_patterns_from_the_store(tmp_path: Path, monkeypatch) -> None:
    from newslint.engine import regexes
    from newslint.engine.kinds import boilerplate_phrase
    from newslint.run.cli import main

    article = tmp_path / "a.txt"
    article.write_text("Talks end\n\nThe talks ended on Monday.\n\nLeave a Reply 50 %\n", encoding="utf-8")
    out = tmp_path / "out.json"
    args = ["--cache-dir", str(tmp_path / "cache"), "--format", "json", "-o", str(out), str(article)]
    monkeypatch.setattr(regexes, "_needs", {})
    main(args)
    expected = out.read_text(encoding="utf-8")

    def parsed(*args: object) -> None:
        raise AssertionError("a pattern was parsed again")

    monkeypatch.setattr(boilerplate_phrase, "needed_literals", parsed)
    monkeypatch.setattr(regexes, "needed_chars", parsed)
    monkeypatch.setattr(regexes, "_needs", {})
    shutil.rmtree(tmp_path / "cache" / "results")
    main(args)
    assert out.read_text(encoding="utf-8") == expected


def test_the_pattern_store_keeps_only_plain_worked_out_values(tmp_path: Path) -> None:
    import pickle

    from newslint.cache.patterns import FORMAT, PatternStore

    path = tmp_path / "p.pickle"
    derived = [("n", "a", ("x", "y")), ("n", "b", None), ("n", "c", "z"), ("n", "d", ["x"]), ("n", "e", (1,))]
    path.write_bytes(pickle.dumps({"format": FORMAT, "entries": [], "derived": derived}))
    store = PatternStore(path)
    assert store.derived == {("n", "a"): ("x", "y"), ("n", "b"): None, ("n", "c"): "z"}
    assert store.worked_out("n", "a", lambda s: "other") == ("x", "y") and not store.changed
    assert store.worked_out("n", "f", lambda s: [s]) == ["f"] and ("n", "f") not in store.derived
    assert store.worked_out("n", "g", lambda s: s * 2) == "gg" and store.changed
    store.save()
    assert PatternStore(path).derived[("n", "g")] == "gg"


def test_the_pattern_store_loads_nothing_but_regex_patterns(tmp_path: Path) -> None:
    import pickle

    from newslint.cache.patterns import FORMAT, PatternStore

    path = tmp_path / "p.pickle"
    path.write_bytes(pickle.dumps({"format": FORMAT, "entries": [("x", 0, print)]}))
    assert PatternStore(path).entries == {}
    path.write_bytes(b"\x80\x05garbage")
    assert PatternStore(path).entries == {}
    import regex

    good = regex.compile("a+", regex.I)
    path.write_bytes(pickle.dumps({"format": FORMAT, "entries": [("a+", int(regex.I), good), ("b", 0, good)]}))
    entries = PatternStore(path).entries
    assert list(entries) == [("a+", int(regex.I))] and entries["a+", int(regex.I)].fullmatch("AA")


def test_a_deferred_pattern_survives_copy_and_pickle_before_its_first_use() -> None:
    import copy
    import pickle

    with deferring():
        pattern = Deferred(r"ab+", "pattern", ignore_case=True)
    for clone in (copy.deepcopy(pattern), pickle.loads(pickle.dumps(pattern))):
        assert clone.fullmatch("ABB") is not None
    assert not pattern.is_compiled


def test_a_deferred_pattern_is_not_compiled_for_a_text_it_cannot_match() -> None:
    from newslint.engine.regexes import find

    with deferring():
        pattern = Deferred(r"(?<=\d) +%", "pattern")
    assert list(find(pattern, "No percent sign here.")) == [] and not pattern.is_compiled
    assert [m.group() for m in find(pattern, "Up 5 % on the year.")] == [" %"] and pattern.is_compiled
