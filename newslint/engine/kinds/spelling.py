"""``spelling``: words that are not words, with ranked suggestions; quiet on names.

A word is looked up, lower-cased, in wordfreq's English list (news, Wikipedia, books,
subtitles: the names that news prints are in it). Context decides the rest: a capitalized
word in mid-sentence is taken for a name unless it is a slip of a much commoner word or name
(a keyboard slip, one edit from a word the article writes elsewhere: Firday, Washingon, Glenn
Campbll), and the article does not write it the same way again; at the start of a sentence or
a line it is flagged when it is unknown to wordfreq, never capitalized mid-sentence in the
article and one edit away from a common word. Suggestions are ranked by a noisy channel
(``support/edit_model.py``). ALL-CAPS acronyms and words written in mixed case are left to
other rules. Curated misspellings (codespell's list) are flagged however common they are.

A built-in check with settings, not a building block: its one built-in rule (below) is the
one to tune, under ``options:`` in the configuration; a rule file of your own of this kind is
seldom useful.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import compress
from os.path import commonprefix
from typing import Any

from newslint.document.model import Document
from newslint.engine.findings import Finding, Fix
from newslint.engine.kind import Context, Option
from newslint.engine.loader import Rule
from newslint.engine.support import bigrams, capital_case, spelldata
from newslint.engine.support.spell_words import (
    NAME,
    Piece,
    candidates,
    counts,
    derived,
    forms,
    in_context,
    key_slips,
    match_case,
    mid_sentence_capitals,
    near_words,
    overregular,
    ranked,
    shape,
    slip_fix,
    splits,
    suggestions,
    too_long,
)

EVIDENCE = ("spell_counts", "spell_midcaps")  # document-wide views (see newslint.engine.evidence)
OPTIONS = {
    "min-zipf": Option(
        float, default=3.0, help="a word the lexicon lacks is taken as a word when wordfreq has it this common (zipf)"
    ),
    "noise-zipf": Option(
        float, default=1.0, help="a rarer word the lexicon lacks is a typo unless made of known words"
    ),
    "noise-margin": Option(
        float,
        default=2.0,
        help="a word between noise-zipf and min-zipf is a typo when one slip from a word this much more common",
    ),
    "capital-max-zipf": Option(float, default=1.1, help="a capitalized word wordfreq knows this well is a name"),
    "capital-min-length": Option(int, default=4, help="shorter capitalized words are taken for names"),
    "capital-min-zipf": Option(float, default=3.5, help="how common the word a capitalized typo slips from must be"),
    "capital-margin": Option(float, default=2.5, help="and how much more common than the typo itself (zipf)"),
    "initial-min-zipf": Option(
        float, default=3.0, help="how common a word one edit from an unknown capitalized word must be to flag it"
    ),
    "trust-count": Option(int, default=3, help="an unknown word written this many times is taken as deliberate"),
    "min-length": Option(int, default=3, help="shorter words are not checked"),
    "curated": Option(bool, default=True, help="flag codespell's curated misspellings"),
    "variants": Option(bool, default=True, help="with language en-US or en-GB, flag the other variety's spellings"),
    "max-suggestions": Option(int, default=5, help="most suggestions a finding offers"),
}


def prepare(rule: Rule) -> None:
    return None


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    data = spelldata.load()
    options = dict(rule.options)  # read for each word judged: a dict's lookups are the cheapest
    memo = _memo(ctx, options, data)
    taken: set[int] = set()
    halves = ctx.cache.setdefault(("spelling.halves", id(data)), {})
    if len(halves) >= MEMO_LIMIT:
        halves.clear()
    for start, end, text, fixed in split_words(doc, data, halves):
        if text in ctx.accept:
            continue
        taken.update((start, end))
        message = rule.format_message(text, word=text, reason="is a word split apart", hint=f"write '{fixed}'.")
        yield Finding(rule.id, start, end, message, rule.severity, [fixed], Fix(fixed, safe=False))
    reject = ctx.reject
    for form, pieces in forms(doc).items():  # in one document, a verdict depends on the form alone
        judged = memo.get(form)
        if not reject and judged is not None and judged[0] is None:  # judged_fine(judged), inlined
            continue  # most words: judged fine before (see judge), so no piece to make
        group: Sequence[Piece] = pieces
        if taken:  # rarely: words split apart, found above
            group = [p for p in pieces if p.start not in taken and p.end not in taken]
        if not group:
            continue
        verdict = judge(group[0], doc, ctx, options, data, memo)
        if verdict is None:
            continue
        word = group[0].text
        reason, found = verdict
        shown = f"{word[:MAX_SHOWN]}…" if too_long(word) else word
        for piece in group:
            fixes, best = ranked_fixes(piece, found, reason, doc, rule.options["max-suggestions"])
            hint = f"did you mean '{fixes[0]}'?" if fixes else "check the spelling."
            message = rule.format_message(shown, word=shown, reason=reason, hint=hint)
            fix = Fix(fixes[0], safe=False) if best else None
            yield Finding(rule.id, piece.start, piece.end, message, rule.severity, fixes, fix)


def judged_fine(found: tuple[Verdict, bool | str] | None) -> bool:
    """True when ``found``, a form's entry in ``_memo``, clears the word whatever the document:
    ``judge`` returns None for such a form unless the reject list names it."""
    return found is not None and found[0] is None


def split_words(
    doc: Document, data: spelldata.SpellData, halves: dict[str, int] | None = None
) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, text, fixed) of two lower-case words a space apart, one of them a fragment,
    that are one word split apart (go ing: going) or two words with the space misplaced
    (fo rthe: for the). ``halves`` remembers ``_half`` of token texts (per process: it
    depends on the text and ``data`` alone)."""
    text, toks = doc.text, doc.tokens
    if halves is None:
        halves = {}
    texts = doc.token_texts
    distinct = set(texts)
    for w in distinct.difference(halves):
        halves[w] = _half(w, data)
    # A pair is two tokens in a row, both possible halves, one a fragment: look beside fragments only.
    fragments = {w for w in distinct if halves[w] == 2}
    beside = {k for i in compress(range(len(texts)), map(fragments.__contains__, texts)) for k in (i, i + 1)}
    for i in sorted(beside):
        if not 0 < i < len(toks):
            continue
        a, b = toks[i - 1], toks[i]
        x, y = a.text, b.text
        end = a.start + len(x)  # a.end
        if not (halves[x] and halves[y] and a.kind == "word" and b.kind == "word"):
            continue
        if b.start == end + 1 and text[end] == " ":
            fixed = rejoined(x, y, data)
            if fixed:
                yield a.start, b.start + len(y), f"{x} {y}", fixed


def _half(w: str, data: spelldata.SpellData) -> int:
    """0 when the token text ``w`` cannot be half of a split word, 2 when it is a ``fragment``, else 1."""
    if not (len(w) >= 2 and w.isalpha() and w.islower()):
        return 0
    return 2 if fragment(w, data) else 1


def fragment(w: str, data: spelldata.SpellData) -> bool:
    """True when ``w`` looks like a piece of a word: unlisted, and short and not very common, or unknown."""
    return not data.listed(w) and ((len(w) <= FRAGMENT_LETTERS and data.zipf(w) < 4.0) or data.zipf(w) < 1.0)


def rejoined(x: str, y: str, data: spelldata.SpellData) -> str | None:
    """The words ``x`` and ``y`` make when the space between them moves or goes."""

    def word(w: str) -> bool:
        return data.listed(w) and data.zipf(w) >= COMMON_ZIPF

    joined = x + y
    if too_long(joined):
        return None
    if word(joined):
        return joined
    if not any(len(w) <= FRAGMENT_LETTERS and fragment(w, data) for w in (x, y)):
        return None  # the space moves only off a short fragment (fo rthe), not a long non-word
    for i in range(1, len(joined)):
        a, b = joined[:i], joined[i:]
        if i != len(x) and word(a) and word(b) and min(data.zipf(a), data.zipf(b)) >= MOVED_ZIPF:
            return f"{a} {b}" if moved_beats_typo(x, y, a, b, data) else None
    return None


def moved_beats_typo(x: str, y: str, a: str, b: str, data: spelldata.SpellData) -> bool:
    """True when ``a b``, the words ``x y`` make with the space moved, is a pair written very
    often (MOVED_PAIR_LOG), and at least as often as any pair a fragment's first suggestions
    make with the other word (fo rthe: for the; not thre was: threw as, but there was; not hert
    its: her tits). Otherwise the fragment is left to the typo check."""
    pairs = bigrams.load()
    moved = pairs.pair_log_count(a, b)
    if moved is None or moved < MOVED_PAIR_LOG:
        return False
    rivals = [pairs.pair_log_count(c, y) for c in _first_fixes(x, data)]
    rivals += [pairs.pair_log_count(x, c) for c in _first_fixes(y, data)]
    return all(r is None or moved >= r for r in rivals)


def _first_fixes(w: str, data: spelldata.SpellData) -> list[str]:
    """The first suggestions for a fragment of a split (none for a listed word)."""
    return [] if data.listed(w) or too_long(w) else [c for _, c in ranked(w, True)[:MOVED_RIVALS]]


Verdict = tuple[str, list[str]] | None
# Option keys a word's verdict depends on, apart from the document.
WORD_OPTIONS = (
    "min-zipf", "noise-zipf", "noise-margin", "capital-max-zipf", "capital-min-length", "capital-min-zipf", "capital-margin",
    "initial-min-zipf", "min-length", "curated", "variants",
)  # fmt: skip
OVERREGULAR_ZIPF = 2.0  # a listed stem with -ed or -es the lexicon lacks is a typo when rarer (hurted)
FRAGMENT_LETTERS = 4  # see fragment()
MOVED_ZIPF = 4.0  # the two words a moved space makes are this common (for the; not hae nit for haen it)
MOVED_RIVALS = 3  # the suggestions for a fragment whose pairs a moved space must outdo
# log10 of how often (Google Books) the pair a moved space makes is written at least: for the
# 8.8, of the 9.4, is not 8.4; the moved spaces the misspelling lists make, her tits 5.6, no pair.
MOVED_PAIR_LOG = 6.5
PARADIGM_ZIPF = 4.0  # see paradigm()
# A capitalized slip of a rarer word or name (Saab, Tottenham), or one made of known words
# (Waales: waal es), is a typo only when the article writes the word it slips from elsewhere.
ECHO_MIN_ZIPF = 3.0
ECHO_NAME = 300
# A word made of known words is still a typo when one edit from a word this common (zipf):
# morther (mort her) is mother, stumach (stu mach) stomach; bribers (bribes 3.3) stays a word.
CLEAR_NEAR_ZIPF = 3.6
# ... or when the noisy channel's best correction scores this (log10; diallers: dealers 1.1)
# and is this common (zipf; courters: courtiers 2.7).
SLIP_SCORE = 1.5
SLIP_ZIPF = 3.0  # flatterring: flattering 3.5, differcult: difficult
# Each part of a compound the lexicon lacks is at least this common (ear hooks 3.65, car making):
# dinasour (dina sour 3.1) and telphoned (tel phoned 3.3) are no compounds.
COMPOUND_PART_ZIPF = 3.5
STEM_ZIPF = 2.5  # see unlisted_stem()
# ... unless the noisy channel's best correction scores this (log10): tinking is thinking (4.4),
# rached reached (4.1); brining (bringing 3.8) and binging (3.6) stay words.
SURE_SLIP_SCORE = 4.0
PLURAL_MARGIN = 1.0  # see plural()
# A noise word whose best correction the noisy channel scores this (log10) and that is this much
# more common (zipf) is a typo too (wav: wave scores 3.8 but is only 1.9 more common).
NOISE_SCORE = 2.5
NOISE_GAP = 2.5
COMMON_ZIPF = 3.0  # a word the lexicon lacks is a stem for prefixes and suffixes when this common
MEMO_LIMIT = 200_000  # words remembered per process (a big export has fewer distinct forms)
CLEAR_LEAD = 1.5  # how far (log10) the first suggestion must lead the second to be offered as a fix
MAX_SHOWN = 20  # letters of an overlong word quoted in the message
# log P(Word) - log P(word) from which a word before a capitalized unknown one is a given name
# (robert 3.6, jerome 3.1, tony 2.5), while british 2.3, united 2.0 and the -2.4 are not.
GIVEN_NAME_RATIO = 2.5
# ... and from which the word a slip in a name slips from is itself a name (campbell 3.1, roger
# 2.4), not a word that names borrow (knight 0.3, since -2.0: Robert Sinche).
NAME_FIX_RATIO = 2.0
NAME_SLIP_ZIPF = 4.0  # how common a word a keyboard slip inside a name slips from must be


def judge(
    piece: Piece,
    doc: Document,
    ctx: Context,
    o: Mapping[str, Any],
    data: spelldata.SpellData,
    memo: dict[Any, Any] | None = None,
) -> Verdict:
    """(reason, suggestions) when the piece is misspelt, else None; ``memo`` is ``_memo``'s."""
    word = piece.text
    if word in ctx.accept:
        return None
    if word in ctx.reject or (word.lower() in ctx.reject and shape(word) != "mixed"):
        return "is on the reject list", suggestions(word)
    if memo is None:
        memo = _memo(ctx, o, data)
    key = (word, piece.initial)
    found = memo.get(key)
    if found is None:
        if len(memo) >= MEMO_LIMIT:
            memo.clear()
        found = memo[key] = judge_word(word, piece.initial, ctx.language, o, data)
    verdict, depends = found
    if depends and not flagged(piece, verdict, depends, doc, o, data):
        return None
    if verdict is not None and isinstance(verdict[1], Pending):  # reported: its suggestions are made now
        verdict = (verdict[0], verdict[1].completed())
        memo[key] = (verdict, depends)
    return verdict


def flagged(
    piece: Piece, verdict: Verdict, depends: bool | str, doc: Document, o: Mapping[str, Any], data: spelldata.SpellData
) -> bool:
    """Whether the document leaves a verdict that depends on it (``judge_word``'s second value) standing."""
    word = piece.text
    if depends == "capital":  # a name the article writes the same way again is deliberate
        return not (counts(doc)[word] >= 2 or part_of_a_name(piece, verdict, doc, data))
    if depends == "echo":  # a weaker slip: flagged only when the article writes the word it slips from
        return counts(doc)[word] < 2 and echoed(verdict, doc)
    # The article itself may vouch for the word: written often, or capitalized mid-sentence.
    if counts(doc)[word] >= o["trust-count"]:
        return False
    return not (shape(word) == "capitalized" and word in mid_sentence_capitals(doc))


class Pending(list[str]):
    """Suggestions not made yet: ranking them costs more than judging the word, and the document
    often clears a word it depends on (a name written twice). Holds the first suggestions known
    so far (a capitalized slip's word, else none); ``completed`` adds the ranked ones."""

    __slots__ = ("word", "skip")

    def __init__(self, word: str, first: list[str], skip: str | None = None) -> None:
        super().__init__(first)
        self.word = word
        self.skip = skip  # a ranked suggestion that is this in lower case is left out

    def completed(self) -> list[str]:
        """The suggestions ``judge_word`` made before they were put off: the first ones, then
        the ranked ones."""
        return list(self) + [s for s in suggestions(self.word) if s.lower() != self.skip]


def echoed(verdict: Verdict, doc: Document) -> bool:
    """True when the article writes the first suggestion elsewhere (Waales beside Wales, Boaed
    beside board)."""
    fixes = verdict[1] if verdict else []
    return bool(fixes) and (counts(doc)[fixes[0]] >= 1 or counts(doc)[fixes[0].lower()] >= 1)


def part_of_a_name(piece: Piece, verdict: Verdict, doc: Document, data: spelldata.SpellData) -> bool:
    """True when a capitalized slip stands in a longer name, unless the article writes the word
    it slips from as a name elsewhere (Tony Blari beside Blair)."""
    fixes = verdict[1] if verdict else []
    if fixes and fixes[0] in mid_sentence_capitals(doc):
        return False
    if fixes and slip_of_a_name(piece.text, fixes[0]):
        return False
    if fixes and data.zipf(fixes[0].lower()) >= NAME_SLIP_ZIPF and fixes[0].lower() in key_slips(piece.text.lower()):
        return False  # Philip Knnight, Xinhua Nwes: a keyboard slip of a common word
    return in_name(piece, doc, data)


def slip_of_a_name(word: str, fix: str) -> bool:
    """True when ``fix``, the word a capitalized slip inside a name slips from, is itself a name
    and keeps the slip's last letter (Glenn Campbll, David Davvis): names vary at their ends
    (Ahmad, Olumide Ahmado), typing slips fall anywhere."""
    return fix[-1:] == word[-1:] and (capital_case.ratio(fix.lower()) or 0.0) >= NAME_FIX_RATIO


def in_name(piece: Piece, doc: Document, data: spelldata.SpellData) -> bool:
    """True when the word next to ``piece`` (a space apart) is a rare capitalized word the
    lexicon lacks, or the word before it one English nearly always capitalizes (a given name:
    Robert, Jerome): the piece is part of a longer name (Nisan Ahmado, Jerome Thion), not a slip
    of a common word."""
    tokens, text = doc.tokens, doc.text
    i = bisect_right(tokens, piece.start, key=lambda t: t.start) - 1
    for j in (i - 1, i + 1):
        if not 0 <= j < len(tokens):
            continue
        tok = tokens[j]
        gap = text[tok.end : tokens[i].start] if j < i else text[tokens[i].end : tok.start]
        if tok.kind == "word" and gap == " " and shape(tok.text) == "capitalized":
            lower = tok.text.lower()
            if not data.listed(lower) and data.zipf(lower) < COMMON_ZIPF:
                return True
            if j < i and (capital_case.ratio(lower) or 0.0) >= GIVEN_NAME_RATIO:
                return True
    return False


def _memo(
    ctx: Context, o: Mapping[str, Any], data: spelldata.SpellData
) -> dict[tuple[str, bool], tuple[Verdict, bool | str]]:
    """The per-process verdicts of words for these options, language and word lists."""
    key = ("spelling.words", ctx.language, id(data), tuple(o[k] for k in WORD_OPTIONS))
    memo = ctx.cache.get(key)
    if memo is None:
        memo = ctx.cache[key] = {}
    return memo


def judge_word(
    word: str, initial: bool, language: str, o: Mapping[str, Any], data: spelldata.SpellData
) -> tuple[Verdict, bool | str]:
    """The part of a word's verdict the document has no say in, and whether the document may
    still clear the word (when it is written often enough, or capitalized mid-sentence; for a
    capitalized typo, ``"capital"``: when the article writes it the same way again)."""
    kind = shape(word)
    if len(word) < o["min-length"] or kind in ("upper", "mixed"):
        return None, False
    lower = word.lower().replace("’", "'")
    if o["curated"]:
        fixes = data.corrections(word) or (
            data.corrections(lower) if lower != word and (kind == "lower" or initial) else []
        )
        single = [match_case(f, word) for f in fixes if " " not in f]
        if fixes and fixes[0].replace(" ", "") == lower:
            return None, False  # alot, ofthe: spelling.glued-words' finding (not undersand: understand first)
        if single:
            return ("is a common misspelling", single), False
    if o["variants"] and (variant := other_variety(lower, language, data)):
        return (f"is not {language} spelling", [match_case(variant, word)]), False
    if data.listed(lower) or data.zipf(lower) >= o["min-zipf"]:
        return None, False
    if "'" in lower and all(data.listed(p) or data.zipf(p) >= o["min-zipf"] for p in lower.split("'") if p):
        return None, False
    if kind == "capitalized":
        return judge_capitalized(word, lower, initial, o, data)
    if too_long(word):
        return ("is too long to be a word", []), True
    zipf = data.zipf(lower)
    if zipf < OVERREGULAR_ZIPF and overregular(lower, paradigm(data)):
        return ("is not a known word", Pending(word, [])), True  # thinked, hurted
    if zipf >= o["noise-zipf"]:
        # Known to the web only: a word unless it is a slip of a far more common word (ofrer).
        fix = slip_fix(lower, zipf + o["noise-margin"]) or channel_fix(lower, zipf)
        if fix is None or plural(lower, fix, data) or (unlisted_stem(lower, data) and not sure_slip(lower)):
            return None, False
        return ("is not a known word", Pending(word, [])), True
    if cleared(lower, data) and not near_words(lower, CLEAR_NEAR_ZIPF) and not likely_slip(lower, data):
        return None, False  # outjumped, carmaking; "ofthe" is spelling.glued-words' finding
    return ("is not a known word", Pending(word, [])), True


def likely_slip(lower: str, data: spelldata.SpellData) -> bool:
    """True when the noisy channel's best correction of ``lower`` is a common word it scores well
    enough to outweigh ``lower`` being made of known words (statmeant: statement, transfred:
    transferred; not courters: courtiers, diallers: dealers)."""
    ranked = candidates(lower, True)
    return bool(ranked) and ranked[0][0] >= SLIP_SCORE and data.zipf(ranked[0][1]) >= SLIP_ZIPF


def regular_form(lower: str, data: spelldata.SpellData) -> bool:
    """True when ``lower`` is a listed word with -s or -ers (spectrums, bribers): endings that
    over-regularizing does not produce, and whose removal is no slip (-ing is left out: runing)."""
    for suffix, adds in (("s", ("",)), ("ers", ("", "e"))):
        stem = lower[: -len(suffix)]
        ok = lower.endswith(suffix) and not stem.endswith("y") and len(stem) >= 3
        if ok and any(data.listed(stem + add) for add in adds):
            return True
    return False


def channel_fix(lower: str, zipf: float) -> str | None:
    """The noisy channel's best correction of a noise word when it scores well and is far more
    common (probally: probably, croud: crowd, oving: moving), else None."""
    ranked = candidates(lower, True)
    if not ranked or ranked[0][0] < NOISE_SCORE:
        return None
    best = ranked[0][1]
    return best if spelldata.load().zipf(best) >= zipf + NOISE_GAP else None


def plural(lower: str, fix: str, data: spelldata.SpellData) -> bool:
    """True when ``lower`` is the plural of a listed word, unless ``fix``, the word it slips
    from, is another word far more common than that one (lones: lines, not lone; spectrums:
    spectrum)."""
    stem = lower[:-1]
    if not (lower.endswith("s") and not lower.endswith("ys") and data.listed(stem)):
        return False
    same = len(commonprefix([stem, fix])) >= max(4, len(stem) - 1)  # engagers: engages, one stem
    return same or data.zipf(fix) < data.zipf(stem) + PLURAL_MARGIN


def unlisted_stem(lower: str, data: spelldata.SpellData) -> bool:
    """True when ``lower`` is a stem the lexicon lacks but wordfreq knows, with -ing or -ed: the
    lexicon lacks its forms too (balking: balk, not a slip of baking)."""
    for suffix in ("ing", "ed"):
        stem = lower[: -len(suffix)]
        if lower.endswith(suffix) and len(stem) >= 4 and not data.listed(stem) and data.zipf(stem) >= STEM_ZIPF:
            return True
    return False


def sure_slip(lower: str) -> bool:
    """True when the noisy channel scores its best correction of ``lower`` so well that a stem
    wordfreq knows does not make ``lower`` a word (tinking: tink, but thinking)."""
    ranked = candidates(lower, True)
    return bool(ranked) and ranked[0][0] >= SURE_SLIP_SCORE


def paradigm(data: spelldata.SpellData) -> Callable[[str], bool]:
    """Stems whose regular forms the lexicon would list if they existed: frequent listed words
    (think, hurt, good). A rare stem's forms may just be missing (remortgaged, backbenches)."""
    return lambda w: data.listed(w) and data.zipf(w) >= PARADIGM_ZIPF


def cleared(lower: str, data: spelldata.SpellData, compounds: bool = True) -> bool:
    """A word made of known words: a prefix or suffix (not an inflection the lexicon lacks), or
    (with ``compounds``) two listed words (carmaking)."""

    def known(w: str) -> bool:
        return data.listed(w) or data.zipf(w) >= COMMON_ZIPF

    if derived(lower, known, full=paradigm(data)):
        return True
    return compounds and any(
        data.listed(a) and data.listed(b) and min(len(a), len(b)) >= 3
        for a, b in splits(lower, data.zipf, COMPOUND_PART_ZIPF)
    )


def judge_capitalized(
    word: str, lower: str, initial: bool, o: Mapping[str, Any], data: spelldata.SpellData
) -> tuple[Verdict, bool | str]:
    """A capitalized word the lexicon lacks: a typo when one slip from a much more common word
    (Firday, Washingon), else a name; at a sentence start also an unknown word near a common one."""
    zipf = data.zipf(lower)
    # At a sentence or line start (a widget's "Sleppy" on two lines) the article vouches for a
    # word only when it writes it often, as for lower-case words.
    if initial and zipf == 0 and near_words(lower, o["initial-min-zipf"]) and not cleared(lower, data):
        return ("is not a known word", Pending(word, [])), True
    if len(lower) >= o["capital-min-length"] and zipf < o["capital-max-zipf"] and not too_long(word):
        fix = slip_fix(lower, max(ECHO_MIN_ZIPF, zipf + o["capital-margin"]), names=ECHO_NAME)
        if fix is None:
            return None, False
        found = Pending(word, [match_case(fix, word)], skip=fix)
        strong = data.listed(fix) or data.freq(fix) >= NAME
        key_slip = data.zipf(fix) >= NAME_SLIP_ZIPF and fix in key_slips(lower)  # Iraly, Sattes
        strong = strong and data.zipf(fix) >= o["capital-min-zipf"]
        strong = strong and (key_slip or not cleared(lower, data, compounds=False))
        return ("is not a known word", found), "capital" if strong else "echo"
    return None, False


def other_variety(lower: str, language: str, data: spelldata.SpellData) -> str | None:
    """The spelling ``language`` expects instead of ``lower`` (en-US: color; en-GB: colour)."""
    if language == "en-US":
        return data.gb_to_us.get(lower)
    if language == "en-GB" and not lower.endswith(("ize", "izes", "ized", "izing", "ization", "izations")):
        return data.us_to_gb.get(lower)
    return None


def ranked_fixes(piece: Piece, fixes: list[str], reason: str, doc: Document, limit: int) -> tuple[list[str], bool]:
    """The suggestions for one piece, best first (the noisy channel's, re-ranked by the words
    either side), and whether the first is clearly best: the only one, or far ahead."""
    word = piece.text
    found = ranked(word.lower(), word.islower())
    named = shape(word) != "lower" and not piece.initial  # Iraly: the word pairs know no names
    if not named and reason == "is not a known word" and fixes and found and fixes[0].lower() == found[0][1]:
        found = in_context(found, *neighbours(piece, doc))
        fixes = [match_case(c, word) for _, c in found[:limit]]
    elif not named and reason == "is a common misspelling" and len(fixes) > 1:  # codespell's, in context's order
        found = in_context(found, *neighbours(piece, doc))
        place = {c: i for i, (_, c) in enumerate(found)}
        fixes = sorted(fixes, key=lambda f: place.get(f.lower(), len(place)))
    fixes = fixes[:limit]
    if len(fixes) <= 1:
        return fixes, bool(fixes)
    return fixes, len(found) >= 2 and found[0][1] == fixes[0].lower() and found[0][0] - found[1][0] >= CLEAR_LEAD


def neighbours(piece: Piece, doc: Document) -> tuple[str | None, str | None]:
    """The lower-case words a space before and after a piece that is a whole word token, or None
    for a side without one (punctuation, a line break, the text's end)."""
    tokens, text = doc.tokens, doc.text
    i = bisect_right(tokens, piece.start, key=lambda t: t.start) - 1
    if i < 0 or tokens[i].start != piece.start or tokens[i].end != piece.end:
        return None, None
    found: list[str | None] = []
    for j in (i - 1, i + 1):
        tok = tokens[j] if 0 <= j < len(tokens) else None
        gap = "" if tok is None else text[tok.end : piece.start] if j < i else text[piece.end : tok.start]
        ok = tok is not None and tok.kind == "word" and gap == " " and tok.text.isalpha()
        found.append(tok.text.lower() if ok and tok else None)
    return found[0], found[1]
