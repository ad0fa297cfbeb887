"""A sound-alike key for spelling suggestions: words spelt as they sound share it with the word
meant (trubbel, trouble; hifin, hyphen; nuff, enough), when one edit or two is not enough to
reach it.

The key is a rough, metaphone-like code: letter groups that sound the same are written alike
(ph f, ck k, soft c s, tch ch, silent gh, kn, wr), doubled letters are written once, and vowels
are dropped but for one mark at the word's start. (Dropping an r before no vowel, as non-rhotic
speakers do, caught thort for thought but lost more than it caught on the tuning half: brid,
bird.) It favours recall: many words share a key, and the noisy
channel's word frequency and the words around a typo pick among them.

The words of the suggestion index (zipf 2.51 and up) are kept by their key in a :mod:`packed`
file beside the other prepared spelling data, mapped only when a suggestion is first needed.
"""

from __future__ import annotations

import re

from newslint.engine.support import packed, spelldata

FORMAT = 2  # bump when RULES or the prepared layout change

VOWELS = "aeiouy"
# Applied in order; each (pattern, replacement) rewrites the lower-case word.
RULES = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"[^a-z]", ""),
        (r"^(?:kn|gn|pn)", "n"),
        (r"^wr", "r"),
        (r"^ps", "s"),
        (r"^x", "s"),
        (r"^wh", "w"),
        (r"(.)\1+", r"\1"),  # doubled letters once
        (r"ough$", "of"),  # enough, tough: nuff, taff
        (r"augh|ough", "o"),  # thought, caught: thot, cot
        (r"igh", "i"),  # night, light
        (r"gh", ""),
        (r"tch", "ch"),
        (r"dg(?=[eiy])", "j"),
        (r"ph", "f"),
        (r"ck|q", "k"),
        (r"sch", "sk"),
        (r"ch", "C"),
        (r"sh|ti(?=[ao])|si(?=[ao])", "S"),
        (r"th", "0"),
        (r"c(?=[eiy])", "s"),
        (r"c", "k"),
        (r"x", "ks"),
        (r"z", "s"),
        (r"g(?=[eiy])", "j"),
        (r"v", "f"),
        (r"(?<=.)[wh](?![aeiouy])", ""),  # how, law; ahead keeps h
        (r"(?<=.)[aeiouy]", ""),  # vowels after the first letter
        (r"^[aeiouy]", "A"),
        (r"(.)\1+", r"\1"),
    )
)


def sound_key(word: str) -> str:
    """The sound-alike key of a lower-case word (empty for none)."""
    for pattern, replacement in RULES:
        word = pattern.sub(replacement, word)
    return word


class Sounds:
    """Indexed words by their sound-alike key."""

    __slots__ = ("table",)

    def __init__(self, table: spelldata.Table) -> None:
        self.table = table  # key -> the words that have it, space-separated

    def alikes(self, word: str) -> list[str]:
        """The indexed words whose key is the lower-case ``word``'s (it may be among them)."""
        key = sound_key(word)
        found = self.table.get(key) if key else None
        return found.split(" ") if found else []


_SOUNDS: Sounds | None = None


def sounds() -> Sounds:
    """The words by sound-alike key, prepared on first use and mapped after."""
    global _SOUNDS
    if _SOUNDS is None:
        raw = packed.mapped(spelldata.cache_path("spelling-sounds"), prepare, FORMAT)
        values = spelldata.Strings(raw["key_words"], raw["key_words_offsets"])
        _SOUNDS = Sounds(spelldata.Table.mapped(raw, "keys", values))
    return _SOUNDS


def prepare() -> dict[str, bytes]:
    """Sections of the suggestion index's words grouped by key (see ``spelldata.prepare_index``)."""
    index = spelldata.suggest_index()
    groups: dict[str, list[str]] = {}
    for n in range(len(index.words)):
        word = index.words.key(n).decode("utf-8")
        groups.setdefault(sound_key(word), []).append(word)
    groups.pop("", None)
    keys = sorted(groups)
    return {
        **spelldata.Table.pack_sections("keys", keys),
        **spelldata.Strings.pack("key_words", [" ".join(groups[k]) for k in keys]),
    }
