"""``capital_names``: a proper noun written in lower case.

Two sources of evidence: the article itself (``china`` where the article writes ``China`` in
running text) and names that are never lower case in news (CLDR countries, languages, days...).

A built-in check with settings, not a building block: its one built-in rule (below) is the
one to tune, under ``options:`` in the configuration; a rule file of your own of this kind is
seldom useful.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from itertools import compress
from typing import Any, TypeGuard, cast

from newslint.document.model import PROSE_KINDS, Document
from newslint.document.tokens import Token
from newslint.engine.findings import Finding, Fix
from newslint.engine.kind import Context, Option, OptionError
from newslint.engine.loader import Rule
from newslint.engine.support import capital_case, spelldata
from newslint.engine.support.capital_common import (
    DETERMINERS,
    HONORIFICS,
    NAME_LINKS,
    PARTICLES,
    POSSESSIVE_ENDS,
    SMALL_WORDS,
    Evidence,
    base,
    capitalized_words,
    free_positions,
    is_title,
    lower_counts,
    name_evidence,
    next_word,
    opens_of_name,
    previous_word,
    title_like,
)
from newslint.engine.support.capital_data import GROUPS, HOMOGRAPHS, known_names

EVIDENCE = (
    "capital.names",
    "capital.lower",
    "capital.name_uses",
    "capital.modifiers",
)  # document-wide views (see newslint.engine.evidence)
OPTIONS = {
    "article": Option(bool, default=True, help="flag words the article capitalizes in running text elsewhere"),
    "min-evidence": Option(int, default=2, help="capitalized occurrences in running text needed as evidence"),
    "min-uses": Option(int, default=3, help="or: capitalized uses anywhere (one in running text) needed"),
    "max-lowercase": Option(int, default=1, help="skip a word the article writes in lower case more often"),
    "rare-zipf": Option(
        float, default=4.0, help="below this word frequency (zipf), one capitalized use in running text is evidence"
    ),
    "name-ratio": Option(
        float,
        default=1.0,
        help="a word English writes capitalized this much more often (natural log ratio) needs one capitalized use",
    ),
    "strong-ratio": Option(
        float,
        default=1.5,
        help="above this ratio, a capitalized use anywhere (sentence start, headline) is evidence",
    ),
    "common-ratio": Option(
        float,
        default=-2.5,
        help="below this ratio, only a capitalized neighbour (a name's other words) is evidence",
    ),
    "data": Option(list, default=list(GROUPS), help=f"name lists to use: {', '.join(GROUPS)}"),
    "names": Option(list, default=[], help="more names that are never written in lower case"),
    "brands": Option(list, default=[], help="brands and organisations that are names in every use"),
}
HEADING_BLOCKS = frozenset({"headline", "heading"})
SKIP_BLOCKS = frozenset({"field", "table_cell"})
# A character glued before a word that makes it a handle, tag, path or file name.
GLUE = frozenset("@#/\\._=~")
FREQUENT_ZIPF = 4.5  # a frequent word: its case ratio in English says more than one article
LOWER_MARGIN = 1.5  # how much further below common-ratio a less frequent word must be
MONTHS = {"may": "May", "march": "March", "august": "August"}  # months that are also words
DATE_WORDS = frozenset("on by until till from since before after of to in".split())
RELATIVE = frozenset(("last", "next", "this"))
NATIONALITY_ENDS = ("an", "sh", "ese")  # adjectives of place and party: Welsh, Gazan, Republican
COMPASS = frozenset(
    "north south east west northern southern eastern western north-east north-west south-east south-west "
    "northeast northwest southeast southwest central upper lower".split()
)
HOME_NATIONS = frozenset(("england", "scotland", "wales", "britain", "ulster"))  # not CLDR countries
# Compass words that are part of a region's name (UK nations and English regions).
REGIONS = frozenset(
    tuple(name.split())
    for name in (
        "northern ireland",
        "north east",
        "north west",
        "south east",
        "south west",
        "east midlands",
        "west midlands",
        "east anglia",
        "west country",
    )
)
AREA_GROUPS = ("countries", "regions", "cities")
PLACE_GROUPS = ("countries", "regions", "demonyms", "languages", "cities")
# Pronouns after which a word is a verb, not a name: "they marvel at".
SUBJECTS = frozenset("we they you".split())
FUNCTION_ZIPF = 6.0  # words this frequent (when, new) start too many phrases to be names


def prepare(rule: Rule) -> tuple[str, ...]:
    data = rule.options["data"]
    unknown = [g for g in data if g not in GROUPS]
    if unknown:
        raise OptionError("data", f"unknown name list '{unknown[0]}' (choose from {', '.join(GROUPS)})")
    for key in ("names", "brands"):
        if not all(isinstance(n, str) and n.strip() for n in rule.options[key]):
            raise OptionError(key, "must be a list of non-empty strings")
    return tuple(data)


def _names(rule: Rule) -> tuple[dict[str, str], dict[str, list[tuple[str, ...]]]]:
    """The name table and, per first word, the names it starts (longest first)."""
    table = known_names(rule.compiled, _extra(rule))
    first: dict[str, list[tuple[str, ...]]] = {}
    for lower in table:
        words = tuple(lower.split())
        first.setdefault(words[0], []).append(words)
    for names in first.values():
        names.sort(key=len, reverse=True)
    return table, first


def _extra(rule: Rule) -> tuple[str, ...]:
    return (*rule.options["brands"], *rule.options["names"])


_prepared: dict[tuple[Any, ...], tuple[Any, ...]] = {}


def _match_name(doc: Document, i: int, first: dict[Any, Any]) -> list[Token] | None:
    """The lower-case tokens from ``i`` spelling a known name, or None."""
    for words in first.get(doc.tokens[i].text, ()):
        toks, j = [doc.tokens[i]], i
        for word in words[1:]:
            nxt = next_word(doc, j)
            if nxt is None or nxt.text != word:
                break
            toks.append(nxt)
            j += 1
        else:
            return toks
    return None


def _label(doc: Document, span: list[Token]) -> bool:
    """True when the name is its block's only text (``facebook`` under a share icon, a tag):
    a label set in lower case on purpose."""
    first, end = doc.block_tokens[span[0].block]
    words = [t for t in doc.tokens[first:end] if t.kind in ("word", "abbr", "number")]
    return len(words) == len(span)


def _lower_word(text: str) -> bool:
    """True for a token text ``_skipped`` may let through: lower case, three letters or more."""
    return text.islower() and len(text) >= 3


def _skipped(doc: Document, tok: Token, ctx: Context) -> bool:
    if tok.kind != "word" or not _lower_word(tok.text):
        return True
    if doc.blocks[tok.block].kind in SKIP_BLOCKS or tok.text in ctx.accept:
        return True
    if tok.start > 0 and doc.text[tok.start - 1] in GLUE:
        return True
    after = doc.text[tok.end : tok.end + 2]
    return len(after) == 2 and after[0] in GLUE and after[1].isalnum()


def _capitalize(found: str, form: str) -> str:
    return form + found[len(form) :] if found.lower().startswith(form.lower()) else form


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    key = rule.compiled, _extra(rule)
    if key not in _prepared:
        _prepared[key] = _names(rule)
    table, first = _prepared[key]
    o = rule.options
    evidence = name_evidence(doc)
    lowers = lower_counts(doc)
    words = _evidence_words(evidence, o).union(MONTHS) if o["article"] else frozenset(MONTHS)
    covered = 0  # the end of the last finding: a word inside it is not flagged again
    toks = doc.tokens
    for i in _candidates(doc, first, words, evidence, lowers, o):
        tok = toks[i]
        if _skipped(doc, tok, ctx):
            continue
        span = _match_name(doc, i, first)
        if span and _label(doc, span):
            continue
        if span:
            found = doc.text[span[0].start : span[-1].end]
            right = table.get(found.lower()) or table[" ".join(t.text for t in span)]
            message = rule.format_message(found, right=right, why="is a name")
            yield Finding(rule.id, span[0].start, span[-1].end, message, rule.severity, [right], Fix(right, False))
            continue
        written = _article_form(doc, i, evidence, lowers, o) or _month(doc, i, evidence)
        if written:
            right, form = written
            end, right, form = _whole_name(doc, i, evidence, right, form)
            if tok.start < covered:
                continue
            covered = end
            found = doc.text[tok.start : end]
            message = rule.format_message(found, right=right, why=f"is written '{form}' elsewhere in the article")
            yield Finding(rule.id, tok.start, end, message, rule.severity, [right], Fix(right, False))


def _candidates(
    doc: Document,
    first: Mapping[str, Any],
    words: frozenset[str],
    ev: Evidence,
    lowers: Counter[str],
    o: Mapping[str, Any],
) -> Iterator[int]:
    """Indexes of the tokens ``check`` may flag, in order: each distinct text is judged once
    (an article repeats most of its words), then each token by its neighbours where only a
    neighbour can make it a finding. The tokens left out are exactly ones no branch of the
    check flags, so leaving them out changes no finding, only the time taken."""
    texts = doc.token_texts
    hit, near = set(), set()  # near: texts flagged only beside a capital or a name link
    for text in set(texts):
        if not _lower_word(text):  # what _skipped passes
            continue
        if text in first or text in MONTHS:
            hit.add(text)
            continue
        word = base(text)
        if not (text in words or (text[-1] in POSSESSIVE_ENDS and word in words)) or not _word_may_differ(word, ev):
            continue
        hit.add(text)
        if lowers[word] > o["max-lowercase"] or len(word) < 3 or not _alone_may_flag(doc, word, ev, o):
            near.add(text)  # only _article_form's first branches, which look at the neighbours, flag it
    hits = compress(range(len(texts)), map(hit.__contains__, texts))  # a loop in C
    if not near:
        return hits
    last = len(texts) - 1
    return (i for i in hits if texts[i] not in near or _may_link(texts, i, last))


def _word_may_differ(word: str, ev: Evidence) -> bool:
    """False for a word ``_article_form`` never flags whatever its neighbours: a word that never
    carries a name, or one the article writes only with inner capitals."""
    if word in SMALL_WORDS or word in DETERMINERS or word in PARTICLES:
        return False
    return word not in ev.anywhere or not _camel_only(ev.anywhere[word])


def _alone_may_flag(doc: Document, word: str, ev: Evidence, o: Mapping[str, Any]) -> bool:
    """False when ``_article_form`` flags a word the article never capitalizes in running text
    only by its neighbours: it is not a word to capitalize on its own (``_strong``)."""
    return word in ev.anywhere or _strong(word, ev.total[word], _name_uses(doc)[2][word], o)


def _may_link(texts: list[str], i: int, last: int) -> bool:
    """True when a token beside token ``i`` is capitalized or a name link (``of``, ``for``): what
    ``_article_form``'s first branches need of the previous or next word."""
    before = texts[i - 1] if i else ""
    after = texts[i + 1] if i < last else ""
    return before[:1].isupper() or after[:1].isupper() or before in NAME_LINKS or after in NAME_LINKS


def _whole_name(doc: Document, i: int, ev: Evidence, right: str, form: str) -> tuple[int, str, str]:
    """Extend a finding over the next word when both are a name the article writes capitalized:
    ``hughes logistics`` where it writes ``Hughes Logistics`` (end offset, replacement, form)."""
    tok, nxt = doc.tokens[i], next_word(doc, i)
    if nxt is None or not nxt.text.islower() or tok.text != base(tok.text):
        return tok.end, right, form
    pair = ev.pairs.get((tok.text, base(nxt.text)))
    if pair is None or right != pair[0]:
        return tok.end, right, form
    tail = _capitalize(nxt.text, pair[1])
    return nxt.end, f"{right}{doc.text[tok.end : nxt.start]}{tail}", " ".join(pair)


def _month(doc: Document, i: int, ev: Evidence) -> tuple[str, str] | None:
    """``on may 25``, ``in march 2005``, ``in march last year``, ``agreed last may``: a month that
    is also a word, known by a date beside it (the last two only where the article writes the
    month capitalized elsewhere)."""
    tok = doc.tokens[i]
    month = MONTHS.get(tok.text)
    if month is None:
        return None
    prev, nxt = previous_word(doc, i), next_word(doc, i)
    if _date_after(doc, i) and prev is not None and prev.text.lower() in DATE_WORDS:
        return month, month
    if not ev.total[tok.text]:
        return None
    if prev is not None and prev.text.lower() in DATE_WORDS and nxt is not None and nxt.text in RELATIVE:
        later = next_word(doc, i + 1)
        return (month, month) if later is not None and later.text == "year" else None
    if prev is not None and prev.text in RELATIVE and prev.text != "this":
        before = previous_word(doc, i - 1)
        if before is None or before.text.lower() not in DETERMINERS and before.text.lower() != "at":
            return month, month
    return None


def _date_after(doc: Document, i: int) -> bool:
    """True when token ``i`` is followed by a space and a day (1-31) or a year (19xx, 20xx)."""
    after = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else None
    if after is None or after.kind != "number" or doc.text[doc.tokens[i].end : after.start] != " ":
        return False
    text = after.text
    return text.isdigit() and (1 <= int(text) <= 31 or len(text) == 4 and text[:2] in ("19", "20"))


def _evidence_words(ev: Evidence, o: Mapping[str, Any]) -> frozenset[str]:
    """Every lower-cased word the article's evidence could hold a lower-case word against."""
    strong = [w for w in ev.total if w not in ev.anywhere and _strong(w, 1, 1, o)]
    return frozenset(ev.anywhere).union(*ev.pairs, strong)


def _name_uses(doc: Document) -> tuple[frozenset[str], frozenset[str], Counter[str]]:
    """Words the article writes capitalized in running text as the first word of a name
    (``Mark Hughes``, after a lower-case word), right after ``the`` (``the Lions``), and how
    often it writes each word capitalized in prose, sentence starts included."""
    cached = doc.cache.get("capital.name_uses")
    if cached is None:
        _capital_uses(doc)
        cached = doc.cache["capital.name_uses"]
    return cast("tuple[frozenset[str], frozenset[str], Counter[str]]", cached)


def _capital_uses(doc: Document) -> None:
    """Cache :func:`_name_uses` and :func:`_modifiers` (each unless cached already), found in one
    pass over the capitalized words, each one's next word looked at once."""
    toks, blocks, free, text = doc.tokens, doc.blocks, free_positions(doc), doc.text
    leads, after_the = set(), set()
    prose: Counter[str] = Counter()
    modifiers = []
    last = len(toks) - 1
    for i in capitalized_words(doc):
        word = toks[i].text
        nxt = toks[i + 1] if i < last else None
        # _title_word(next_word(doc, i)), inlined (a hot loop)
        before_name = (
            nxt is not None
            and nxt.kind == "word"
            and nxt.block == toks[i].block
            and (after := nxt.text)[:1].isupper()
            and not after.isupper()
            and after.lower() not in SMALL_WORDS
            and not text[toks[i].start + len(word) : nxt.start].strip()
        )
        if not before_name:
            modifiers.append(word.lower())
        block = blocks[toks[i].block]
        if block.kind not in PROSE_KINDS or title_like(doc, block):
            continue
        prose[base(word).lower()] += 1
        if free[i]:
            continue
        prev = previous_word(doc, i)
        if prev is not None and prev.text == "the" and not before_name and not opens_of_name(doc, i):
            after_the.add(base(word).lower())
        if not _capital_word(prev) and word == base(word) and before_name:
            leads.add(word.lower())
    doc.cache.setdefault("capital.name_uses", (frozenset(leads), frozenset(after_the), prose))
    doc.cache.setdefault("capital.modifiers", Counter(modifiers))


def _article_form(
    doc: Document, i: int, ev: Evidence, lowers: Counter[str], o: Mapping[str, Any]
) -> tuple[str, str] | None:
    """(replacement, the article's spelling) when the article capitalizes this word elsewhere."""
    tok = doc.tokens[i]
    word = base(tok.text)
    if word in SMALL_WORDS or word in DETERMINERS or word in PARTICLES or not o["article"]:
        return None
    if doc.blocks[tok.block].kind in HEADING_BLOCKS:
        return None
    prev, nxt = previous_word(doc, i), next_word(doc, i)
    if word in COMPASS and _compass(word, nxt):
        return None
    if word in ev.anywhere and _camel_only(ev.anywhere[word]):
        return None
    linked = _linked(doc, i, prev, nxt, ev)
    if linked:
        return linked
    if prev is not None and prev.text[:1].isupper():
        pair = ev.pairs.get((base(prev.text).lower(), word))
        if pair and prev.text == pair[0] and lowers[word] <= o["max-lowercase"] and _head_of_name(prev, word, ev, o):
            return _capitalize(tok.text, pair[1]), " ".join(pair)
        if prev.text.rstrip(".") in HONORIFICS and word in ev.anywhere:
            form = ev.anywhere[word].most_common(1)[0][0]
            return _capitalize(tok.text, form), form
    if nxt is not None and nxt.text[:1].isupper() and tok.text == word:
        pair = ev.pairs.get((word, base(nxt.text).lower()))
        if pair and base(nxt.text) == pair[1] and not _mostly_lower(word, o["common-ratio"]):  # upper Yangtze
            return pair[0], " ".join(pair)
    if lowers[word] > o["max-lowercase"] or len(word) < 3 or _prefix(doc, tok):
        return None
    if word not in ev.anywhere:
        if _strong(word, ev.total[word], _name_uses(doc)[2][word], o):
            return _capitalize(tok.text, word[:1].upper() + word[1:]), word[:1].upper() + word[1:]
        return None
    found = _name_part(doc, i, prev, nxt, ev, o) or _after_name_part(doc, i, prev, ev, o)
    if found:
        return found
    if _usually_lower(word, o):
        return None
    forms = ev.alone.get(word)
    article = prev.text.lower() if prev is not None else ""
    if article in SUBJECTS or _capital_word(prev) and not _head_of_name(prev, word, ev, o):
        return None
    determiner = article in DETERMINERS or article in SUBJECTS
    if determiner and article == "the" and word in _name_uses(doc)[1]:
        determiner = False  # the article writes "the Lions" too
    if forms and not determiner and (sum(forms.values()) >= o["min-evidence"] or ev.total[word] >= o["min-uses"]):
        return _most_common(tok.text, forms)
    if _usually_capitalized(word, o["name-ratio"]):
        return _most_common(tok.text, ev.anywhere[word])
    return _rare_form(tok.text, prev, nxt, ev, o)


def _name_itself(word: str, o: Mapping[str, Any]) -> bool:
    """True for a word that is a name on its own rather than a common noun a longer name uses
    (``Hutton Inquiry``, ``European Parliament``, ``Macworld Expo``): English writes it
    capitalized far more often than not, or it is very rare and not mostly lower case."""
    found = capital_case.ratio(word)
    if found is not None and found >= o["strong-ratio"]:
        return True
    rare = spelldata.load().zipf(word) < o["rare-zipf"] - 1
    return rare and (found is None or found > o["common-ratio"] + LOWER_MARGIN)


def _compass(word: str, nxt: Token | None) -> bool:
    """True for ``south London``, ``south west London``, ``western North Carolina``: a compass word
    before a place that is a name on its own (or another compass word) describes a part of it;
    ``north America``, a name of its own, is found by the name lists."""
    if nxt is None:
        return True
    place = base(nxt.text).lower()
    if (word, place) in REGIONS:  # Northern Ireland, the South East: names of their own
        return False
    if place in COMPASS:
        return True
    return place in HOME_NATIONS or place in known_names(AREA_GROUPS)  # not "south African"


def _linked(doc: Document, i: int, prev: Token | None, nxt: Token | None, ev: Evidence) -> tuple[str, str] | None:
    """``House of lords``, ``the ministry of Commerce``: one word of an ``X of Y`` name in lower
    case where the article writes the whole name capitalized."""
    word = doc.tokens[i].text
    if prev is not None and prev.text in NAME_LINKS:
        head = previous_word(doc, i - 1)
        found = head is not None and _title_word(head) and ev.links.get((base(head.text).lower(), prev.text, word))
        if found:
            return _capitalize(word, found[1]), f"{found[0]} {prev.text} {found[1]}"
    if nxt is not None and nxt.text in NAME_LINKS:
        tail = next_word(doc, i + 1)
        found = tail is not None and _title_word(tail) and ev.links.get((word, nxt.text, base(tail.text).lower()))
        if found:
            return _capitalize(word, found[0]), f"{found[0]} {nxt.text} {found[1]}"
    return None


def _head_of_name(prev: Token, word: str, ev: Evidence, o: Mapping[str, Any]) -> bool:
    """True when ``Wall street`` (the article writes ``Wall Street``) is that name: ``word`` is a
    name itself, or the word before it is one only inside names. After a name the article also
    writes on its own (``Hutton``, ``European``, ``Labour``), a common noun (``inquiry``,
    ``parliament``, ``party``) is a description in lower case by house style."""
    if word in HOMOGRAPHS:  # Fresno chile, a Jersey jersey: an everyday word after a name
        return False
    if _name_itself(word, o) or sum(ev.alone.get(word, {}).values()) >= o["min-evidence"]:
        return True  # the article writes the word as a name on its own too (Microsoft Windows)
    before = base(prev.text).lower()
    alone = ev.alone.get(before)
    if alone is not None and sum(alone.values()) > 1:  # this use is one
        return False
    return not _place(before)  # All England club, European commission


def _place(word: str) -> bool:
    """True for a place or a nationality (``England``, ``European``, ``French``): a name that
    describes the common noun after it rather than starting a name with it."""
    if word in HOME_NATIONS or word.endswith(NATIONALITY_ENDS):
        return True
    return word in known_names(PLACE_GROUPS)


def _camel_only(forms: Counter[str]) -> bool:
    """True when the article writes the word only with inner capitals (``AppleInsider``): a
    lower-case copy is a handle or a code, not a slip."""
    return all(any(c.isupper() for c in form[1:]) for form in forms)


def _mostly_lower(word: str, least: float) -> bool:
    """True when English writes ``word`` capitalized less often than ``least`` says (``install``
    in ``Install Windows``, ``editor`` in ``to the Editor``): a verb or a common noun."""
    found = capital_case.ratio(word)
    return found is not None and found <= least


def _usually_lower(word: str, o: Mapping[str, Any]) -> bool:
    """True for a word English writes in lower case far more often than its sentence starts
    explain (``time``, ``budget``): a capitalized use standing alone is then a title. A less
    frequent word (``intimidating``) must be further below ``common-ratio``."""
    found = capital_case.ratio(word)
    if found is None or found > o["common-ratio"]:
        return False
    return found <= o["common-ratio"] - LOWER_MARGIN or spelldata.load().zipf(word) >= FREQUENT_ZIPF


def _strong(word: str, uses: int, prose_uses: int, o: Mapping[str, Any]) -> bool:
    """A word the article needs to capitalize only at sentence starts or in a headline (``uses``
    times, ``prose_uses`` of them in prose paragraphs): one English writes capitalized far more
    often than not, or one unknown to English capitalized in prose (not only in headings)."""
    if uses >= 1 and _usually_capitalized(word, o["strong-ratio"]):
        return True
    return prose_uses >= 1 and word.isalpha() and spelldata.load().freq(word) == 0


def _usually_capitalized(word: str, least: float) -> bool:
    """True when English at large writes ``word`` capitalized far more often than not (``england``)."""
    found = capital_case.ratio(word)
    return found is not None and found >= least


def _name_part(
    doc: Document, i: int, prev: Token | None, nxt: Token | None, ev: Evidence, o: Mapping[str, Any]
) -> tuple[str, str] | None:
    """``mark Wright`` where the article writes ``Mark Hughes``: a word the article writes as the
    first word of a name, here before a capitalized word."""
    word = base(doc.tokens[i].text)
    if _capital_word(prev) or not _title_word(nxt) or word != doc.tokens[i].text:
        return None
    if word in _name_uses(doc)[0] and spelldata.load().zipf(word) < FUNCTION_ZIPF:
        return _most_common(doc.tokens[i].text, ev.anywhere[word])
    return None


def _after_name_part(
    doc: Document, i: int, prev: Token | None, ev: Evidence, o: Mapping[str, Any]
) -> tuple[str, str] | None:
    """``Liggett group`` where the article writes ``Altria Group`` and never writes ``Liggett``
    without a capitalized word after it: the lower-case word ends a name. Not after ``a Bafta``,
    a common noun phrase."""
    word = base(doc.tokens[i].text)
    if not _title_word(prev) or prev.text != base(prev.text) or free_positions(doc)[i - 1]:
        return None
    if prev.text.endswith(NATIONALITY_ENDS):  # Welsh castle, Republican governor
        return None
    if word not in _heads(doc, ev) or _modifiers(doc)[prev.text.lower()] > 1:  # this use is one
        return None
    if not _name_itself(word, o):  # Hutton inquiry, European parliament: a common noun after a name
        return None
    before = previous_word(doc, i - 1)
    if before is not None and before.text in ("a", "an"):
        return None
    return _most_common(doc.tokens[i].text, ev.anywhere[word])


def _heads(doc: Document, ev: Evidence) -> frozenset[str]:
    """Words the article capitalizes right after a capitalized word in running text (``Group``)."""
    cached = doc.cache.get("capital.heads")
    if cached is None:
        cached = doc.cache["capital.heads"] = frozenset(b for _, b in ev.pairs)
    return cached


def _modifiers(doc: Document) -> Counter[str]:
    """How often the article writes each title-case word with no capitalized word after it."""
    cached = doc.cache.get("capital.modifiers")
    if cached is None:
        _capital_uses(doc)
        cached = doc.cache["capital.modifiers"]
    return cast("Counter[str]", cached)


def _rare_form(
    found: str, prev: Token | None, nxt: Token | None, ev: Evidence, o: Mapping[str, Any]
) -> tuple[str, str] | None:
    """A word rare in English (low zipf) needs less evidence: one capitalized use in running text
    (standing alone when this one stands alone), or, rarer still, any capitalized use: the zipf
    data is case-folded, so a frequent word (``budget``) may be a common noun here."""
    word = base(found)
    zipf = spelldata.load().zipf(word)
    if zipf >= o["rare-zipf"]:
        return None
    after_name = _capital_word(prev) and _head_of_name(prev, word, ev, o)  # Land registry, not Macworld expo
    beside = after_name or (_capital_word(nxt) and _name_itself(word, o))
    determiner = prev is not None and prev.text.lower() in DETERMINERS
    if beside or (word in ev.alone and not determiner):
        return _most_common(found, ev.anywhere[word])
    if zipf < o["rare-zipf"] - 1 and (word in ev.alone or _name_itself(word, o)):
        return _most_common(found, ev.anywhere[word])
    return None


def _prefix(doc: Document, tok: Token) -> bool:
    """``neo–payday``: a word glued to a dash and another word is a prefix, not a name."""
    after = doc.text[tok.end : tok.end + 2]
    return len(after) == 2 and after[0] in "-–‐" and after[1].isalpha()


def _title_word(tok: Token | None) -> TypeGuard[Token]:
    return _capital_word(tok) and is_title(tok.text)


def _capital_word(tok: Token | None) -> TypeGuard[Token]:
    return tok is not None and tok.kind == "word" and tok.text[:1].isupper() and tok.text.lower() not in SMALL_WORDS


def _most_common(found: str, forms: Counter[str]) -> tuple[str, str]:
    form = forms.most_common(1)[0][0]
    return _capitalize(found, form), form
