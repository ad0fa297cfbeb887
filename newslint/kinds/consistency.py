"""``consistency``: one article mixing two styles of the same thing; the minority is flagged.

Each style is a list of forms (a regex, an optional replacement template turning it into the
house style, and whether that fix is safe). Every form's matches are counted over the article;
when more than one style occurs, the style with the highest (weighted) count is the house
style and each occurrence of another style is a finding pointing at the first house example.
Forms may name a ``group`` (double quotes, apostrophes): the house style is decided over all
groups, but only a group that itself mixes styles is flagged.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..document import Document
from ..findings import Finding, Fix, Related
from ..regexes import compile_pattern, find
from ..rules import Rule
from . import Context, Option, OptionError

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
}


@dataclass(frozen=True)
class Form:
    pattern: regex.Pattern
    replacement: str | None
    safe: bool
    group: str  # forms of one group are compared with each other


@dataclass(frozen=True)
class Hit:
    style: str
    form: Form
    match: regex.Match


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


def prepare(rule: Rule) -> dict[str, list[Form]]:
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
    return compiled


def _hits(rule: Rule, doc: Document) -> list[Hit]:
    """Every occurrence of every style, at most one per start offset (first form wins)."""
    kinds = set(rule.options["kinds"])
    seen: dict[int, Hit] = {}
    for block in doc.blocks:
        if block.kind not in kinds:
            continue
        for style, forms in rule.compiled.items():
            for form in forms:
                for m in find(form.pattern, doc.text, block.start, block.end):
                    if m.end() > m.start():
                        seen.setdefault(m.start(), Hit(style, form, m))
    return [seen[k] for k in sorted(seen)]


def _house(rule: Rule, counts: dict[str, int]) -> str | None:
    """The style with the highest weighted count, or None on a tie."""
    prefer, weight = rule.options["prefer"], rule.options["prefer-weight"]
    scores = {s: n * (weight if s == prefer else 1.0) for s, n in counts.items()}
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _counts(hits: list[Hit]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for hit in hits:
        counts[hit.style] = counts.get(hit.style, 0) + 1
    return counts


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    hits = _hits(rule, doc)
    groups: dict[str, list[Hit]] = {}
    for hit in hits:
        groups.setdefault(hit.form.group, []).append(hit)
    overall = _house(rule, _counts(hits))
    for members in groups.values():
        counts = _counts(members)
        if len(counts) < 2:
            continue
        house = (_house(rule, counts) if rule.options["house-by-group"] else None) or overall
        if house is not None and 1 - counts.get(house, 0) / len(members) <= rule.options["max-minority"]:
            yield from _minority(rule, members, house, counts)


def _minority(rule: Rule, hits: list[Hit], house: str, counts: dict[str, int]) -> Iterator[Finding]:
    example = next(h for h in hits if h.style == house)
    related = [Related(example.match.start(), example.match.end(), f"the article's usual style: {house}")]
    for hit in hits:
        if hit.style == house:
            continue
        m, form = hit.match, hit.form
        suggestion = m.expand(form.replacement) if form.replacement is not None else None
        fix = Fix(suggestion, form.safe) if suggestion is not None else None
        message = rule.format_message(
            m.group(), style=hit.style, house=house, count=counts[house], suggestion=suggestion or ""
        )
        yield Finding(
            rule.id, m.start(), m.end(), message, rule.severity, [suggestion] if suggestion else [], fix, list(related)
        )
