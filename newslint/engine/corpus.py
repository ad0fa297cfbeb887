"""Cross-article findings: the fingerprints every article's lint left in its result, combined
once the run's articles are all linted (one pass over the fingerprints, linear in the run).

The kind of each cross-article rule (``CORPUS = True``) groups its fingerprints with
``matches(rule, keys) -> Iterable[list[int]]``: lists of indexes of ``keys`` that belong together
(the same paragraph, near copies of one story)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from newslint.engine.findings import Placed, PlacedRelated, Print
from newslint.engine.kind import flag
from newslint.engine.kinds import kind_module
from newslint.engine.lint import FileResult
from newslint.engine.loader import Rule

Article = tuple[str, str | None]  # (path, article id inside an export file, or None)
Member = tuple[FileResult, Print]


def articles(results: Iterable[FileResult]) -> set[Article]:
    """The articles of the run that were linted (a skipped file is none; an export file's
    result holds its articles)."""
    out: set[Article] = set()
    for r in results:
        if r.articles is not None:
            out.update((r.path, key) for key in r.articles)
        elif not r.skipped:
            out.add((r.path, None))
    return out


def warm(rules: Iterable[Rule]) -> None:
    """Import what the cross-article kinds need once, before worker processes fork."""
    for rule in rules:
        kind = kind_module(rule.kind)
        if flag(kind, "CORPUS") and hasattr(kind, "warm"):
            kind.warm()


Matcher = Callable[[Rule, list[str]], Iterable[list[int]]]


def local_matches(rule: Rule, keys: list[str]) -> Iterable[list[int]]:
    """The rule's kind's groups of fingerprints, computed in this process."""
    return kind_module(rule.kind).matches(rule, keys)  # type: ignore[no-any-return, attr-defined]


def combine(
    results: list[FileResult], rules_of: Callable[[], Mapping[str, Rule]], matcher: Matcher = local_matches
) -> None:
    """Add each cross-article rule's findings to the results of the files they are in; on only
    when more than one article was linted. ``rules_of`` gives the run's rules by id, asked for
    only when there are fingerprints to combine (a run of cache hits loads no rules otherwise);
    ``matcher`` groups a rule's fingerprints (here, or on a cluster)."""
    total = len(articles(results))
    if total < 2 or not any(r.prints for r in results):
        return
    rules = rules_of()
    by_rule: dict[str, list[Member]] = defaultdict(list)
    for result in results:
        for p in result.prints:
            by_rule[p.rule].append((result, p))
    touched: dict[int, FileResult] = {}
    for rule_id in sorted(by_rule):
        rule = rules.get(rule_id)
        if rule is None:
            continue
        members = by_rule[rule_id]
        for group in matcher(rule, [p.key for _, p in members]):
            found = [members[i] for i in group]
            if not _reported(rule, found, total):
                continue
            for result, p in found:
                result.findings.append(_finding(rule, result, p, found))
                touched[id(result)] = result
    for result in touched.values():
        result.findings.sort(key=lambda f: (f.place.line, f.place.column, f.rule, f.place.end_line, f.place.end_column))


def _count(members: list[Member]) -> int:
    return len({(r.path, p.article) for r, p in members})


def _reported(rule: Rule, members: list[Member], total: int) -> bool:
    count = _count(members)
    least, share = int(rule.options["min-articles"]), float(rule.options["min-share"])
    return count >= least and count >= share * total


def _finding(rule: Rule, result: FileResult, own: Print, members: list[Member]) -> Placed:
    """One copy's finding, naming up to ``max-related`` copies in other articles (in path order)."""
    path = result.path
    others = sorted(
        ((r, p) for r, p in members if (r.path, p.article) != (path, own.article)),
        key=lambda o: (o[0].path, o[1].place.start),
    )
    related = tuple(
        PlacedRelated(p.place, "the same text in another article", r.path, _article(r, p))
        for r, p in others[: rule.options["max-related"]]
    )
    message = rule.format_message(count=_count(members), others=_count(members) - 1)
    return Placed(path, rule.id, rule.severity, message, own.place, (), None, related, _article(result, own))


def _article(result: FileResult, p: Print) -> dict[str, Any] | None:
    """How findings name the article a fingerprint is in (None for a file that is one article)."""
    if result.articles is None or p.article is None:
        return None
    return dict(result.articles.get(p.article, {}))
