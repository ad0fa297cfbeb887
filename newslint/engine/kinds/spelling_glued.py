"""``spelling_glued``: two words run together (``HostingRadio``, ``thecompany``, ``ofthe``).

A word written once in camel case whose parts are common words while the whole is not one,
one part of which the article also writes on its own (``HostingRadio ... Hosting``) or is a
very common word, unless it starts with a capital and stands in a sentence, where it is a brand
(``like Movielink and CinemaNow``, ``with RemoteTalk``), the more so when no part after the
first opens a sentence (``CrimeThis article`` is a menu label glued to a headline); or a
lower-case non-word that cuts into a very common word ("the", "of", "their") and another word,
unless that common word makes compounds on its side (``writeback``, ``uplights``,
``backglass``); codespell's curated run-togethers (``ofthe->of the``) count too. Compounds of two
content words (``carmaking``) are left alone, as are identifiers in code (``from timeit import
timeit``, ``import mymodule``).

A built-in check with settings, not a building block: its one built-in rule (below) is the
one to tune, under ``options:`` in the configuration; a rule file of your own of this kind is
seldom useful.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from typing import Any

from newslint.document.lazyre import lazy
from newslint.document.model import Document
from newslint.engine.findings import Finding, Fix
from newslint.engine.kind import Context, Option
from newslint.engine.loader import Rule
from newslint.engine.support import bigrams, spelldata
from newslint.engine.support.code_text import code_at
from newslint.engine.support.spell_words import FUNCTION_ZIPF, candidates, counts, derived, forms, glued, shape

EVIDENCE = ("spell_counts",)  # document-wide views (see newslint.engine.evidence)
OPTIONS = {
    "part-min-zipf": Option(float, default=3.0, help="how common (zipf) each part of a camel-case word must be"),
    "whole-max-zipf": Option(float, default=1.0, help="a camel-case word at least this common is a known name"),
    "name-prefixes": Option(
        list,
        default=["Mc", "Mac", "De", "Di", "Le", "La", "Van", "Von", "O"],
        help="first parts of names written glued (McDonald, DeSantis): never split off",
    ),
    "compound-heads": Option(list, default=[], help="common words that begin real compounds (backglass, uplights)"),
    "compound-tails": Option(list, default=[], help="common words that end real compounds (writeback, trashcan)"),
    "glue-openers": Option(
        list, default=[], help="words that open a sentence and never end a brand (CrimeThis, AnalysisThe)"
    ),
}
MEMO_LIMIT = 200_000  # lower-case words remembered per process
# A lower-case split whose two words are not a pair English writes often (SymSpell's word pairs)
# is left to spelling.typo when the noisy channel scores a correction this well (log10):
# wetn is went (3.5), not "we tn"; bewere beware, not "be were". ofthe, thecompany stay split.
SLIP_SCORE = 1.5  # as spelling.typo's likely_slip: senour (senior 1.1) stays "sen our"
CAMEL = re.compile(r"[A-Z]?[a-z]+")
# Next to a name in code: "import timeit", ">>> timeit", "os.path"; "mymodule import", "f(", "x = 1".
CODE_BEFORE = lazy(r"(?:\bimport\s+|>>>\s*|[._])$")
CODE_AFTER = lazy(r"\s+import\b|[(._]\w|\s*=[^=]")


def prepare(rule: Rule) -> dict[str, frozenset[str]]:
    o = rule.options
    return {key: frozenset(w.lower() for w in o[key]) for key in ("compound-heads", "compound-tails", "glue-openers")}


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    data = spelldata.load()
    splits: dict[str, tuple[str, ...] | None] = {}
    memo = ctx.cache.setdefault(("spelling.glued.lower", rule.id, id(data)), {})  # per process: lower case only
    for (word, _), pieces in forms(doc).items():
        if word.islower():  # most words: the per-process memo decides, nothing else to look up
            split = memo.get(word, ())
            if split == ():  # not judged yet (lower_split gives a split or None, never ())
                if len(memo) >= MEMO_LIMIT:
                    memo.clear()
                split = memo[word] = lower_split(word, data, rule.compiled)
            if split and word in ctx.accept:
                split = None
        elif word in splits:
            split = splits[word]
        elif word in ctx.accept:
            split = splits[word] = None
        else:
            split = splits[word] = find_split(word, doc, data, rule)
        if split:
            joined = " ".join(split)
            message = rule.format_message(word, word=word, split=joined)
            for piece in pieces:
                if brand_in_a_sentence(doc, piece.start, word, split, rule.compiled["glue-openers"]):
                    continue  # "like Movielink and CinemaNow", "with RemoteTalk"
                if in_code(doc, piece.start, piece.end):
                    continue  # an identifier in code: "from timeit import timeit", "import mymodule"
                fix = Fix(joined, safe=False)
                yield Finding(rule.id, piece.start, piece.end, message, rule.severity, [joined], fix)


def find_split(word: str, doc: Document, data: spelldata.SpellData, rule: Rule) -> tuple[str, ...] | None:
    """The words ``word`` was glued from, or None; in one document it depends on the word alone."""
    if shape(word) == "mixed":
        split = camel_split(word, data, rule.options) if counts(doc)[word] == 1 else None
        if split and any(counts(doc)[p] or data.zipf(p.lower()) >= FUNCTION_ZIPF for p in split):
            return split  # a brand (RipGuard) unless a part stands alone elsewhere (HostingRadio ... Hosting)
        return None
    if not word.islower():
        return None
    return lower_split(word, data, rule.compiled)


def lower_split(word: str, data: spelldata.SpellData, c: Mapping[str, frozenset[str]]) -> tuple[str, ...] | None:
    """``find_split`` for a lower-case word, which depends on the word alone."""
    curated = curated_split(word, data)
    split = curated or (glued(word, data.zipf) if data.zipf(word) < 1.0 else None)
    if not split or derived(word, lambda w: data.zipf(w) >= 1.5):
        return None
    if curated:
        return split
    return None if compound(split, data, c) or slip_not_pair(word, split) else split


def slip_not_pair(word: str, split: tuple[str, ...]) -> bool:
    """True when the parts of ``split`` are no word pair the counts hold, and the noisy channel
    has a likely correction of ``word``: a typo (herlo: hello), not two words run together."""
    if len(split) != 2 or bigrams.load().pair_log_count(*split) is not None:
        return False
    ranked = candidates(word, True)
    return bool(ranked) and ranked[0][0] >= SLIP_SCORE


def compound(split: tuple[str, ...], data: spelldata.SpellData, c: Mapping[str, frozenset[str]]) -> bool:
    """True when each very common part of ``split`` is one that makes compounds on its side."""
    head, tail = split[0], split[-1]
    common = [
        (w, side) for w, side in ((head, "compound-heads"), (tail, "compound-tails")) if data.zipf(w) >= FUNCTION_ZIPF
    ]
    return all(w in c[side] for w, side in common)


def in_code(doc: Document, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is an identifier: in a block that reads as code, or
    next to an import, a prompt, an attribute dot or an assignment."""
    text = doc.text
    return (
        code_at(doc, start)
        or bool(CODE_BEFORE.search(text, max(0, start - 8), start))
        or bool(CODE_AFTER.match(text, end))
    )


def brand_in_a_sentence(doc: Document, start: int, word: str, split: tuple[str, ...], openers: frozenset[str]) -> bool:
    """Whether a capitalized camel-case word stands in a sentence as a brand would: a lower-case
    word beside it, and no part after the first that opens a sentence (a menu label glued to a
    headline, "CrimeThis article", is not a brand)."""
    if not word[:1].isupper() or shape(word) != "mixed":
        return False
    return in_running_text(doc, start) and not any(p.lower() in openers for p in split[1:])


def in_running_text(doc: Document, start: int) -> bool:
    """True when a lower-case word of the same sentence stands right before or after ``start``."""
    toks = doc.tokens
    i = bisect_left(toks, start, key=lambda t: t.start)
    if i >= len(toks) or toks[i].start != start:
        return False
    near = [toks[j] for j in (i - 1, i + 1) if 0 <= j < len(toks) and toks[j].sentence == toks[i].sentence]
    return any(t.kind == "word" and t.text[:1].islower() for t in near)


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
    """codespell's run-together fix of ``word`` when it is the first it offers (alot: a lot);
    when it comes later (abot: about, a bot) ``word`` is spelling.typo's misspelling."""
    fixes = data.corrections(word)
    if fixes and " " in fixes[0] and fixes[0].replace(" ", "") == word:
        return tuple(fixes[0].split(" "))
    return None
