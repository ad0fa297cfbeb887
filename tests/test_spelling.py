"""The spelling kinds: typos with suggestions, quiet on names; the prepared-data cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from harness import lint

from newslint.engine.loader import builtin_rules_dir, load_rules
from newslint.engine.support import spelldata
from newslint.engine.support.spell_words import key_slips

RULES = [r for r in load_rules(builtin_rules_dir() / "spelling")]


def findings(text: str, language: str = "en", accept=(), reject=()) -> list[dict]:
    return lint(text, select=["spelling"], rules=RULES, language=language, accept=list(accept), reject=list(reject))


def flagged(text: str, **kw) -> dict[str, list[str]]:
    out = {}
    for f in findings(text, **kw):
        line = text.splitlines()[f["line"] - 1]
        out[line[f["column"] - 1 : f["end_column"] - 1]] = f["suggestions"]
    return out


def test_sleppy_in_a_widget_suggests_sleepy_first() -> None:
    found = flagged("Headline here\n\nHappy\nSleppy\nAngry\n")
    assert found["Sleppy"][0] == "Sleepy"


def test_names_acronyms_and_uk_spellings_pass() -> None:
    text = (
        "Nikolai Patrushev met Guo Shengkun in Nanping.\n\nPatrushev is close to Putin.\n\n"
        "Mr Oriola Kabir of ASUU told Al Jazeera the programme was organised and emphasised.\n"
    )
    assert flagged(text) == {}


def test_typo_gets_ranked_suggestions_and_an_unsafe_fix() -> None:
    f = next(f for f in findings("The minister will recieve the report.\n") if f["rule"] == "spelling.typo")
    assert f["suggestions"][0] == "receive"
    assert f["fix"] == {"replacement": "receive", "safe": False}


def test_numbers_urls_handles_and_domains_pass() -> None:
    text = "It cost £600m, 1.13bn or 76% on 5G; see www.kpakpandofm.com, @kpakpandofm and #kpakpandofm.\n"
    assert flagged(text) == {}


def test_lowercase_unknown_word_is_flagged_without_suggestion() -> None:
    assert "kpakpandofm" in flagged("Headline here\n\nkpakpandofm\n\nThe story ran on Monday.\n")


def test_accept_is_case_aware_and_reject_always_flags() -> None:
    text = "The new zorbleflux is out, said the firm.\n"
    assert "zorbleflux" in flagged(text)
    assert flagged(text, accept=["zorbleflux"]) == {}
    assert "zorbleflux" in flagged(text, accept=["Zorbleflux"])
    assert "firm" in flagged(text, reject=["firm"])


def test_language_picks_a_spelling_variety() -> None:
    text = "They criticise the colour of the programme.\n"
    assert flagged(text) == {}
    us = flagged(text, language="en-US")
    assert us["colour"] == ["color"] and "criticise" in us
    assert flagged("They criticize the color.\n", language="en-GB")["color"] == ["colour"]


def test_derived_words_and_compounds_pass() -> None:
    assert flagged("The runner outjumped the field in the carmaking town.\n") == {}


@pytest.mark.parametrize(("word", "fix"), [("morther", "mother"), ("stumach", "stomach"), ("marrid", "married")])
def test_a_compound_of_short_words_one_edit_from_a_common_word_is_a_typo(word: str, fix: str) -> None:
    found = flagged(f"Headline here\n\nThey said the {word} was fine in the end.\n")
    assert found[word][0] == fix


def test_cache_is_written_atomically_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(spelldata, "_DATA", None)
    data = spelldata.load()
    files = os.listdir(tmp_path)
    assert len(files) == 1 and files[0].endswith(".packed")  # no temporary file left behind
    assert data.zipf("sleepy") > 3 and data.zipf("sleppy") == 0
    assert data.corrections("teh") == ["the"]
    monkeypatch.setattr(spelldata, "_DATA", None)
    monkeypatch.setattr(spelldata, "prepare", lambda: pytest.fail("cache not used"))
    assert spelldata.load().zipf("sleepy") == data.zipf("sleepy")


def test_corrupt_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(spelldata, "_DATA", None)
    spelldata.cache_path().write_bytes(b"not marshal")
    assert spelldata.load().zipf("the") > 7


@pytest.mark.parametrize(
    ("text", "typo", "fix"),
    [
        ("Preorders open on Firday, the firm said.", "Firday", "Friday"),
        ("Deliveries begin on Wendesday and end soon.", "Wendesday", "Wednesday"),
        ("The vote is in Washingon this week.", "Washingon", "Washington"),
        ("Critics said the rating was Sleppy at best.", "Sleppy", "Sleepy"),
        ("Canada won over Iraly on Sunday.", "Iraly", "Italy"),  # ira + ly, but a keyboard slip of Italy
        ("The price in England and Waales fell.", "Waales", "Wales"),
    ],
)
def test_capitalized_slip_of_a_common_word_is_flagged(text: str, typo: str, fix: str) -> None:
    found = flagged("Headline here\n\n" + text + "\n")
    assert found[typo][0] == fix


def test_capitalized_slip_written_twice_or_inside_a_longer_name_passes() -> None:
    assert flagged("Headline here\n\nWashingon said no. Then Washingon said yes.\n") == {}
    assert "Ahmado" not in flagged("Headline here\n\nThe reporter Olumide Ahmado said it was done.\n")


def test_surname_after_a_given_name_passes_unless_the_article_spells_it_otherwise() -> None:
    text = "Headline here\n\nThe euro is weak, said Robert Sinche, and Jerome Thion agreed.\n"
    assert flagged(text) == {}
    text = "Headline here\n\nTony Blair spoke first. Later Tony Blari spoke again.\n"
    assert flagged(text)["Blari"][0] == "Blair"
    assert flagged("Headline here\n\nThey met in New Washingon this week.\n")["Washingon"][0] == "Washington"


@pytest.mark.parametrize(
    ("text", "typo", "fix"),
    [
        ("Sweden's Saaab bid. Saab won.", "Saaab", "Saab"),  # a rarer name (zipf 3.1)
        ("The agency Reuteers said so. Reuters agreed.", "Reuteers", "Reuters"),  # made of known words
        ("Tottenham won. The Toytenham striker said so.", "Toytenham", "Tottenham"),  # a name unlisted
        ("The Chancellor of the Exchewuer spoke. So the exchequer paid.", "Exchewuer", "Exchequer"),  # lower case
    ],
)
def test_a_weaker_capitalized_slip_is_flagged_when_the_article_writes_the_word(text: str, typo: str, fix: str) -> None:
    assert flagged(f"Headline here\n\n{text}\n")[typo][0] == fix
    alone = text.split(". ")[0] if ". " in text else text.split(", and")[0]
    assert typo not in flagged(f"Headline here\n\n{alone}.\n")


def test_a_slip_of_a_name_inside_a_name_is_flagged() -> None:
    found = flagged("Headline here\n\nThe analyst Glenn Campbll said so, and David Davvis agreed.\n")
    assert found["Campbll"][0] == "Campbell" and found["Davvis"][0] == "Davis"


@pytest.mark.parametrize(
    "word",
    [
        "dinasour",
        "telphoned",
        "dramaticly",
        "lones",
        "tets",
        "statmeant",
        "transfred",
        "probally",
        "croud",
        "paralised",
    ],
)
def test_rare_parts_ic_with_ly_and_plurals_of_slips_make_no_word(word: str) -> None:
    assert word in flagged(f"Headline here\n\nThey said the {word} was fine in the end.\n")


def test_a_curated_misspelling_whose_first_fix_is_one_word_is_a_typo_not_glued_words() -> None:
    line = "He did not undersand it, abot alot of it."
    found = findings(f"Headline here\n\n{line}\n")
    rules = {line[f["column"] - 1 : f["end_column"] - 1]: f["rule"] for f in found}
    assert rules == {"undersand": "spelling.typo", "abot": "spelling.typo", "alot": "spelling.glued-words"}


def test_a_keyboard_slip_of_a_common_word_inside_a_name_is_flagged() -> None:
    found = flagged("Headline here\n\nPhilip Knnight told the Xinhua Nwes Agency so.\n")
    assert found["Knnight"][0] == "Knight" and found["Nwes"][0] == "News"


def test_key_slips_are_not_the_ways_names_differ() -> None:
    assert {"knight", "news", "american"} <= set(key_slips("knnight")) | set(key_slips("nwes")) | set(
        key_slips("americna")
    )
    assert not {"neil", "thin", "ahmad", "hanson"} & (
        set(key_slips("neidl")) | set(key_slips("thion")) | set(key_slips("ahmado")) | set(key_slips("hansen"))
    )


def test_rare_names_stay_quiet() -> None:
    text = "Headline here\n\nNikolai Patrushev met Kpakpando in Nanping with Bashar al-Assad and McCall.\n"
    assert flagged(text) == {}


@pytest.mark.parametrize("word", ["ofrer", "forsed", "directer", "thinked", "hurted", "becomed", "qualifys"])
def test_web_noise_and_over_regularized_forms_are_flagged(word: str) -> None:
    assert word in flagged(f"Headline here\n\nThey said he {word} it in the end.\n")


@pytest.mark.parametrize(
    "word",
    [
        "spectrums",
        "engagers",
        "bribers",
        "diallers",
        "courters",
        "balking",
        "freakery",
        "amputators",
        "commoditising",
        "relocations",
        "pre-empted",
        "remortgaged",
        "telecentre",
    ],
)
def test_regular_forms_of_known_words_pass(word: str) -> None:
    assert flagged(f"Headline here\n\nThey said the {word} were fine in the end.\n") == {}


def test_lexicon_flag_comes_from_the_curated_list() -> None:
    data = spelldata.load()
    assert data.listed("government") and data.listed("thinking")
    assert not data.listed("thinked") and not data.listed("goverment")
    assert data.freq("government") == round(100 * data.zipf("government")) > 0


def test_a_typo_on_two_lines_of_a_widget_is_still_flagged() -> None:
    assert "Sleppy" in flagged("Headline here\n\nHappy\nSleppy\nSleppy\nAngry\n")


def test_split_words_are_joined_or_the_space_moved() -> None:
    found = findings("Headline here\n\nIt was fo rthe show, and we are go ing there.\n")
    fixes = {f["suggestions"][0] for f in found}
    assert fixes == {"for the", "going"}
    assert all(f["fix"] and not f["fix"]["safe"] for f in found)


def test_a_space_moves_only_to_make_two_common_words() -> None:
    found = findings("Headline here\n\nThey said he haen it in the end.\n")
    assert [f["suggestions"][0] for f in found] == ["happen"]  # not "hae nit"


def test_two_words_with_a_common_fragment_pass() -> None:
    assert flagged("Headline here\n\nIt is a de facto ban on 10 per cent of it.\n") == {}


def test_a_slip_made_of_known_words_is_flagged_when_its_correction_is_moderately_common() -> None:
    found = flagged("Headline here\n\nShe liked the flatterring review.\n")
    assert found["flatterring"][0] == "flattering"  # flatter + ring; flattering is zipf 3.5


def test_a_stem_wordfreq_knows_does_not_clear_a_sure_slip() -> None:
    found = flagged("Headline here\n\nShe was tinking about it, and traders rached a deal.\n")
    assert found["tinking"][0] == "thinking" and found["rached"][0] == "reached"


def test_forms_of_rarer_stems_and_compounds_of_rare_corrections_stay_words() -> None:
    text = "Headline here\n\nThe chef was brining the turkey, and the courters and diallers stayed.\n"
    assert flagged(text) == {}


def test_a_space_moves_only_to_make_a_pair_commoner_than_the_fragments_correction() -> None:
    found = findings("Headline here\n\nAnd thre was no reply. The dog hert its paw.\n")
    assert [f["suggestions"][0] for f in found] == ["there", "heart"]  # not "threw as", "her tits"
    assert [f["column"] for f in found] == [5, 32]
