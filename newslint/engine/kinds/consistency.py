"""``consistency``: one article mixing two styles of the same thing; the minority is flagged.

Each style is a list of forms (a regex, an optional replacement template turning it into the
house style, and whether that fix is safe). Every form's matches are counted over the article;
when more than one style occurs, the style with the highest (weighted) count is the house
style and each occurrence of another style is a finding pointing at the first house example.
Forms may name a ``group`` (double quotes, apostrophes): the house style is decided over all
groups, but only a group that itself mixes styles is flagged.
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import regex

from newslint.document.model import Document
from newslint.document.records import FrozenRecord
from newslint.engine.findings import Finding, Fix, Related
from newslint.engine.kind import Context, Option, OptionError
from newslint.engine.loader import Rule
from newslint.engine.regexes import compile_pattern, find
from newslint.engine.scopes import crosses_blocks, runs

WHOLE_DOCUMENT = True  # in a windowed document: the house style is counted over the whole document
OPTIONS = {
    "styles": Option(dict, required=True, help="style name -> list of forms ({pattern, replacement, safe})"),
    "prefer": Option(str, help="style that wins when counts are close"),
    "prefer-weight": Option(float, default=1.0, help="factor applied to the preferred style's count"),
    "house-by-group": Option(bool, default=False, help="decide the house style within each group"),
    "max-minority": Option(
        float, default=1.0, help="flag nothing when the other styles make up more than this share of a group"
    ),
    "kinds": Option(
        list,
        default=["headline", "heading", "paragraph", "list_item", "quote", "caption", "table_cell"],
        help="block kinds to look at",
    ),
    "skip-blocks": Option(str, help="regex: blocks where it matches are left out (embedded posts quoted verbatim)"),
}


class Form(FrozenRecord):
    __slots__ = ("pattern", "replacement", "safe", "group")
    pattern: regex.Pattern[str]
    replacement: str | None
    safe: bool
    group: str  # forms of one group are compared with each other

    def __init__(self, pattern: regex.Pattern[str], replacement: str | None, safe: bool, group: str) -> None:
        object.__setattr__(self, "pattern", pattern)
        object.__setattr__(self, "replacement", replacement)
        object.__setattr__(self, "safe", safe)
        object.__setattr__(self, "group", group)


class Hit(FrozenRecord):
    __slots__ = ("style", "form", "match")
    style: str
    form: Form
    match: regex.Match[str]

    def __init__(self, style: str, form: Form, match: regex.Match[str]) -> None:
        object.__setattr__(self, "style", style)
        object.__setattr__(self, "form", form)
        object.__setattr__(self, "match", match)


def _form(entry: object, key: str) -> Form:
    if isinstance(entry, str):
        entry = {"pattern": entry}
    if not isinstance(entry, dict) or not isinstance(entry.get("pattern"), str):
        raise OptionError(key, "each form is a regex or a mapping with 'pattern'")
    if set(entry) - {"pattern", "replacement", "safe", "group"}:
        raise OptionError(key, "a form takes pattern, replacement, safe and group")
    replacement = entry.get("replacement")
    if replacement is not None and not isinstance(replacement, str):
        raise OptionError(key, "replacement must be a string")
    group = str(entry.get("group", ""))
    return Form(compile_pattern(entry["pattern"], key), replacement, bool(entry.get("safe", True)), group)


class Compiled(FrozenRecord):
    __slots__ = ("styles", "skip")
    styles: dict[str, list[Form]]
    skip: regex.Pattern[str] | None

    def __init__(self, styles: dict[str, list[Form]], skip: regex.Pattern[str] | None) -> None:
        object.__setattr__(self, "styles", styles)
        object.__setattr__(self, "skip", skip)


def prepare(rule: Rule) -> Compiled:
    styles = rule.options["styles"]
    if len(styles) < 2:
        raise OptionError("styles", "name at least two styles")
    compiled = {}
    for name, forms in styles.items():
        forms = forms if isinstance(forms, list) else [forms]
        if not forms:
            raise OptionError("styles", f"style '{name}' has no forms")
        compiled[str(name)] = [_form(f, "styles") for f in forms]
    prefer = rule.options["prefer"]
    if prefer is not None and prefer not in compiled:
        raise OptionError("prefer", f"'{prefer}' is not one of the styles")
    skip = rule.options["skip-blocks"]
    return Compiled(compiled, compile_pattern(skip, "skip-blocks") if skip else None)


def _searched(rule: Rule, doc: Document) -> list[tuple[int, int]]:
    """The runs of consecutive blocks looked at (one regex pass per run)."""
    kinds = set(rule.options["kinds"])
    skip = rule.compiled.skip
    return runs(b for b in doc.blocks if b.kind in kinds and (skip is None or not skip.search(b.text, timeout=1.0)))


def _forms_found(doc: Document, forms: list[Form], searched: list[tuple[int, int]]) -> Iterator[tuple[Form, Any]]:
    """Each form's matches that count (not empty, inside one block), form by form."""
    for form in forms:
        for start, end in searched:
            for m in find(form.pattern, doc.text, start, end):
                if m.end() > m.start() and not crosses_blocks(doc, m.start(), m.end()):
                    yield form, m


def _mixed(rule: Rule, doc: Document, searched: list[tuple[int, int]]) -> bool:
    """Whether two styles or more occur at all: else there is no minority, and the hits of the
    one style (every quotation mark of an article) need not be gathered."""
    found = 0
    for forms in rule.compiled.styles.values():
        if next(_forms_found(doc, forms, searched), None) is not None:
            found += 1
            if found == 2:
                return True
    return False


class Hits:
    """Every occurrence of every style, at most one per start offset (the first form wins), in
    order of start: three arrays of numbers (start, end, form), not a match object each (a big
    article has a quotation mark every few words). :meth:`hit` makes one's match again."""

    __slots__ = ("forms", "starts", "ends", "codes", "runs")

    def __init__(self, forms: list[tuple[str, Form]], runs: list[tuple[int, int]]) -> None:
        self.forms = forms  # (style, form) by code, in the order the styles and forms are given
        self.starts, self.ends, self.codes = array("q"), array("q"), array("q")
        self.runs = runs

    def style(self, i: int) -> str:
        return self.forms[self.codes[i]][0]

    def group(self, i: int) -> str:
        return self.forms[self.codes[i]][1].group

    def hit(self, doc: Document, i: int) -> Hit:
        """The i-th occurrence with its match, found again from its start in its run of blocks:
        the same match (a search tries each start in turn, with the same bounds); else, which
        should not happen, found by searching its whole run again."""
        style, form = self.forms[self.codes[i]]
        start = self.starts[i]
        lo, hi = self.runs[bisect_right(self.runs, (start, _AFTER)) - 1]
        m = next(find(form.pattern, doc.text, start, hi), None)
        if m is None or m.start() != start or m.end() != self.ends[i]:
            m = next(m for m in find(form.pattern, doc.text, lo, hi) if m.start() == start)
        return Hit(style, form, m)


_AFTER = 1 << 62  # sorts after every offset: (offset, _AFTER) finds the run starting at or before it


def _found(doc: Document, code: int, form: Form, searched: list[tuple[int, int]]) -> Iterator[tuple[int, int, int]]:
    """(start, form's code, end) of the form's matches that count, in order of start."""
    for _form, m in _forms_found(doc, [form], searched):
        yield m.start(), code, m.end()


def _hits(rule: Rule, doc: Document, searched: list[tuple[int, int]]) -> Hits:
    """Every occurrence of every style, at most one per start offset (first form wins): each
    form's matches come in order of start, merged (the lower code first at an equal start)."""
    forms = [(style, form) for style, fs in rule.compiled.styles.items() for form in fs]
    hits = Hits(forms, searched)
    streams = [_found(doc, code, form, searched) for code, (_style, form) in enumerate(forms)]
    last = -1
    for start, code, end in heapq.merge(*streams):
        if start != last:
            hits.starts.append(start)
            hits.ends.append(end)
            hits.codes.append(code)
            last = start
    return hits


def _house(rule: Rule, counts: dict[str, int]) -> str | None:
    """The style with the highest weighted count, or None on a tie."""
    prefer, weight = rule.options["prefer"], rule.options["prefer-weight"]
    scores = {s: n * (weight if s == prefer else 1.0) for s, n in counts.items()}
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked:
        return None
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _counts(hits: Hits, members: Iterable[int]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for i in members:
        style = hits.style(i)
        counts[style] = counts.get(style, 0) + 1
    return counts


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    searched = _searched(rule, doc)
    if not _mixed(rule, doc, searched):
        return
    hits = _hits(rule, doc, searched)
    groups: dict[str, array[int]] = {}
    for i in range(len(hits.starts)):
        groups.setdefault(hits.group(i), array("q")).append(i)
    overall = _house(rule, _counts(hits, range(len(hits.starts))))
    flagged: list[tuple[int, str, int]] = []  # (minority hit, house style, an example of it)
    for members in groups.values():
        counts = _counts(hits, members)
        if len(counts) < 2:
            continue
        house = (_house(rule, counts) if rule.options["house-by-group"] else None) or overall
        if house is None:
            continue
        if 1 - counts.get(house, 0) / len(members) > rule.options["max-minority"]:
            # No clear house style: flag only paragraphs that mix both styles themselves.
            members = _in_mixed_blocks(doc, hits, members, house)
        example = next((i for i in members if hits.style(i) == house), None)
        if example is not None:
            flagged.extend((i, house, example) for i in members if hits.style(i) != house)
    flagged.sort(key=lambda f: hits.starts[f[0]])
    made: dict[int, Hit] = {}  # the matches of the hits flagged and their examples, made again

    def hit(i: int) -> Hit:
        found = made.get(i)
        if found is None:
            found = made[i] = hits.hit(doc, i)
        return found

    yield from _minority(rule, doc, [(hit(i), house, hit(e)) for i, house, e in flagged])


def _in_mixed_blocks(doc: Document, hits: Hits, members: Sequence[int], house: str) -> array[int]:
    by_block: dict[int, list[int]] = {}
    for i in members:
        by_block.setdefault(doc.block_index(hits.starts[i]), []).append(i)
    mixed = [b for b in by_block.values() if any(hits.style(i) == house for i in b)]
    return array("q", (i for b in mixed for i in b))


def _minority(rule: Rule, doc: Document, flagged: list[tuple[Hit, str, Hit]]) -> Iterator[Finding]:
    """One finding per paragraph, spanning its marks of other styles (of every group), with one fix."""
    by_block: dict[int, list[tuple[Hit, str, Hit]]] = {}
    for item in flagged:
        by_block.setdefault(doc.block_index(item[0].match.start()), []).append(item)
    for items in by_block.values():
        block_hits = [hit for hit, _, _ in items]
        first, house, example = items[0]
        start, end = block_hits[0].match.start(), block_hits[-1].match.end()
        replacement = _replacement(doc.text, start, end, block_hits)
        fix = Fix(replacement, all(h.form.safe for h in block_hits)) if replacement is not None else None
        suggestion = first.match.expand(first.form.replacement) if first.form.replacement is not None else ""
        message = rule.format_message(
            first.match.group(), style=first.style, house=house, count=len(block_hits), suggestion=suggestion
        )
        related = [Related(example.match.start(), example.match.end(), f"the article's usual style: {house}")]
        yield Finding(rule.id, start, end, message, rule.severity, [replacement] if replacement else [], fix, related)


def _replacement(text: str, start: int, end: int, hits: list[Hit]) -> str | None:
    """``text[start:end]`` with every hit replaced, or None when a form has no replacement."""
    out, at = [], start
    for hit in hits:
        if hit.form.replacement is None:
            return None
        out.append(text[at : hit.match.start()])
        out.append(hit.match.expand(hit.form.replacement))
        at = hit.match.end()
    out.append(text[at:end])
    return "".join(out)
