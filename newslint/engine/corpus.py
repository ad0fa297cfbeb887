"""Cross-article findings: the fingerprints every article's lint left in its result, combined
once the run's articles are all linted (one pass over the fingerprints, linear in the run)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from newslint.engine.findings import Placed, PlacedRelated, Print
from newslint.engine.lint import FileResult
from newslint.engine.loader import Rule

Article = tuple[str, str | None]  # (path, article id inside an export file, or None)


def articles(results: Iterable[FileResult]) -> set[Article]:
    """The articles of the run that were linted (a skipped file is none)."""
    return {(r.path, None) for r in results if not r.skipped}


def combine(results: list[FileResult], rules_of: Callable[[], Mapping[str, Rule]]) -> None:
    """Add each cross-article rule's findings to the results of the files they are in; on only
    when more than one article was linted. ``rules_of`` gives the run's rules by id, asked for
    only when there are fingerprints to combine (a run of cache hits loads no rules otherwise)."""
    total = len(articles(results))
    if total < 2 or not any(r.prints for r in results):
        return
    rules = rules_of()
    groups: dict[tuple[str, str], list[tuple[FileResult, Print]]] = defaultdict(list)
    for result in results:
        for p in result.prints:
            groups[(p.rule, p.key)].append((result, p))
    touched: set[int] = set()
    for (rule_id, _), members in groups.items():
        rule = rules.get(rule_id)
        if rule is None or not _reported(rule, members, total):
            continue
        for result, p in members:
            result.findings.append(_finding(rule, p, result.path, members))
            touched.add(id(result))
    for result in results:
        if id(result) in touched:
            result.findings.sort(key=lambda f: (f.place.line, f.place.column, f.rule, f.place.end_line))


def _reported(rule: Rule, members: list[tuple[FileResult, Print]], total: int) -> bool:
    count = len({(r.path, p.article) for r, p in members})
    least, share = int(rule.options["min-articles"]), float(rule.options["min-share"])
    return count >= least and count >= share * total


def _finding(rule: Rule, own: Print, path: str, members: list[tuple[FileResult, Print]]) -> Placed:
    """One copy's finding, naming up to ``max-related`` copies in other articles."""
    count = len({(r.path, p.article) for r, p in members})
    others = [(r.path, p) for r, p in members if (r.path, p.article) != (path, own.article)]
    related = tuple(
        PlacedRelated(p.place, "the same paragraph in another article", other, p.article)
        for other, p in others[: rule.options["max-related"]]
    )
    message = rule.format_message(count=count)
    return Placed(path, rule.id, rule.severity, message, own.place, (), None, related)
