"""``spelling_glued``: two words run together (``HostingRadio``, ``thecompany``, ``ofthe``).

A word written once in camel case whose parts are common words while the whole is not one,
and one part of which the article also writes on its own (``HostingRadio ... Hosting``), or a
lower-case non-word that cuts into a very common word ("the", "of", "their") and another word;
codespell's curated run-togethers (``ofthe->of the``) count too. Compounds of two content words
(``carmaking``) are left alone.

A built-in check with settings, not a building block: its one built-in rule (below) is the
one to tune, under ``options:`` in the configuration; a rule file of your own of this kind is
seldom useful.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from newslint.document.model import Document
from newslint.engine.findings import Finding, Fix
from newslint.engine.kind import Context, Option
from newslint.engine.loader import Rule
from newslint.engine.support import spelldata
from newslint.engine.support.spell_words import FUNCTION_ZIPF, counts, derived, forms, glued, shape

OPTIONS = {
    "part-min-zipf": Option(float, default=3.0, help="how common (zipf) each part of a camel-case word must be"),
    "whole-max-zipf": Option(float, default=1.0, help="a camel-case word at least this common is a known name"),
    "name-prefixes": Option(
        list,
        default=["Mc", "Mac", "De", "Di", "Le", "La", "Van", "Von", "O"],
        help="first parts of names written glued (McDonald, DeSantis): never split off",
    ),
}
MEMO_LIMIT = 200_000  # lower-case words remembered per process
CAMEL = re.compile(r"[A-Z]?[a-z]+")


def prepare(rule: Rule) -> None:
    return None


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    data = spelldata.load()
    splits: dict[str, tuple[str, ...] | None] = {}
    memo = ctx.cache.setdefault(("spelling.glued.lower", id(data)), {})  # per process: lower case only
    for (word, _), pieces in forms(doc).items():
        if word in splits:
            split = splits[word]
        elif word in ctx.accept:
            split = splits[word] = None
        elif word.islower():
            if word not in memo:
                if len(memo) >= MEMO_LIMIT:
                    memo.clear()
                memo[word] = lower_split(word, data)
            split = splits[word] = memo[word]
        else:
            split = splits[word] = find_split(word, doc, data, rule.options)
        if split:
            joined = " ".join(split)
            message = rule.format_message(word, word=word, split=joined)
            for piece in pieces:
                fix = Fix(joined, safe=False)
                yield Finding(rule.id, piece.start, piece.end, message, rule.severity, [joined], fix)


def find_split(word: str, doc: Document, data: spelldata.SpellData, o: Mapping[str, Any]) -> tuple[str, ...] | None:
    """The words ``word`` was glued from, or None; in one document it depends on the word alone."""
    if shape(word) == "mixed":
        split = camel_split(word, data, o) if counts(doc)[word] == 1 else None
        if split and any(counts(doc)[p] or data.zipf(p.lower()) >= FUNCTION_ZIPF for p in split):
            return split  # a brand (RipGuard) unless a part stands alone elsewhere (HostingRadio ... Hosting)
        return None
    if not word.islower():
        return None
    return lower_split(word, data)


def lower_split(word: str, data: spelldata.SpellData) -> tuple[str, ...] | None:
    """``find_split`` for a lower-case word, which depends on the word alone."""
    split = curated_split(word, data) or (glued(word, data.zipf) if data.zipf(word) < 1.0 else None)
    if split and derived(word, lambda w: data.zipf(w) >= 1.5):
        return None
    return split


def camel_split(word: str, data: spelldata.SpellData, o: Mapping[str, Any]) -> tuple[str, ...] | None:
    parts = CAMEL.findall(word)
    if "".join(parts) != word or not 2 <= len(parts) <= 3 or parts[0] in o["name-prefixes"]:
        return None
    if data.zipf(word.lower()) >= o["whole-max-zipf"]:
        return None
    if all(len(p) >= 3 and data.zipf(p.lower()) >= o["part-min-zipf"] for p in parts):
        return tuple(parts)
    return None


def curated_split(word: str, data: spelldata.SpellData) -> tuple[str, ...] | None:
    for fix in data.corrections(word):
        if " " in fix and fix.replace(" ", "") == word:
            return tuple(fix.split(" "))
    return None
