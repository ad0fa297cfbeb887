"""Linting one file: decode, read, run the rules, place findings in the stored file."""

from __future__ import annotations

import bisect
import gc
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

from newslint import builtin_rules_dir
from newslint.document.model import Directive, Document
from newslint.document.offsets import OffsetMap, Segment
from newslint.document.quotes import rewrites_quotation
from newslint.document.readers import read_document
from newslint.document.records import Record
from newslint.document.source import BinaryFileError, Source, decode, show_bytes
from newslint.engine import damage, evidence, suppress, windows
from newslint.engine.allocator import give_back
from newslint.engine.findings import Checked, Finding, Fix, Place, Placed, PlacedFix, PlacedRelated, Print, Sharing
from newslint.engine.kind import Context, OptionError, flag, with_options
from newslint.engine.kinds import kind_module
from newslint.engine.loader import Rule, load_rules
from newslint.engine.regexes import RegexTimeout, end_budget, start_budget
from newslint.settings.config import Config, matches
from newslint.settings.types import check_type, type_name
from newslint.settings.yamlfile import ConfigError

# Larger files are skipped with a message (no article is this long); a long one is linted in
# windows (see windows.py), which keeps memory near one window's worth plus the text.
MAX_FILE_BYTES = 8 << 20
CONTEXT_BLOCKS = 1  # blocks a window holds on either side for context (see windows.py)


class FileResult(Record):
    __slots__ = ("path", "findings", "messages", "error", "fail_on", "source", "skipped", "prints", "articles")
    path: str
    findings: list[Placed]
    messages: list[str]  # for stderr
    error: bool  # the run failed for this file (exit status 2)
    fail_on: str  # lowest severity that fails the run
    source: Source | None
    skipped: bool  # not linted at all (binary, too large, not a regular file, unreadable)
    prints: list[Print]  # fingerprints for the cross-article rules
    # An export file's articles linted in this result, by their key (``Print.article``): how
    # findings name them (id, title, url, line). None: the file is one article.
    articles: dict[str, dict[str, object]] | None

    def __init__(
        self,
        path: str,
        findings: list[Placed] | None = None,
        messages: list[str] | None = None,
        error: bool = False,
        fail_on: str = "warning",
        source: Source | None = None,
        skipped: bool = False,
        prints: list[Print] | None = None,
        articles: dict[str, dict[str, object]] | None = None,
    ) -> None:
        self.path = path
        self.findings = [] if findings is None else findings
        self.messages = [] if messages is None else messages
        self.error = error
        self.fail_on = fail_on
        self.source = source
        self.skipped = skipped
        self.prints = [] if prints is None else prints
        self.articles = articles


def configure(rules: list[Rule], config: Config) -> list[Rule]:
    """Copies of the rules with the configuration's severities and options applied."""
    out = []
    for rule in rules:
        severity = config.severity_of(rule.id, rule.severity)
        options = config.options.get(rule.id)
        if severity == rule.severity and not options:
            out.append(rule)
            continue
        new = rule.replaced(severity=severity)
        if options:
            schema = kind_module(rule.kind).OPTIONS
            where = config.path or "configuration"
            for key, value in options.items():
                if key not in schema:
                    raise ConfigError(where, f"rule {rule.id} has no option '{key}'", None, f"options.{rule.id}.{key}")
                if not check_type(value, schema[key].type):
                    raise ConfigError(where, f"must be {type_name(schema[key].type)}", None, f"options.{rule.id}.{key}")
            new.options = with_options(rule.options, options)
            try:
                new.compiled = kind_module(rule.kind).prepare(new)
            except OptionError as exc:
                raise ConfigError(where, str(exc), None, f"options.{rule.id}.{exc.key}") from None
        out.append(new)
    return out


def load_ruleset(config: Config, builtin: list[Rule] | None = None) -> list[Rule]:
    """Built-in rules plus the configuration's rule folders, configured."""
    rules = list(builtin if builtin is not None else load_rules(builtin_rules_dir()))
    ids = {r.id for r in rules}
    for folder in config.rule_dirs:
        for rule in load_rules(folder):
            if rule.id in ids:
                raise ConfigError(rule.path, "rule id already defined by another rule", None, "id")
            ids.add(rule.id)
            rules.append(rule)
    return configure(rules, config)


def context_for(config: Config) -> Context:
    return Context(
        language=config.language,
        accept=frozenset(config.accept),
        reject=frozenset(config.reject),
        settings={"languagetool": config.languagetool},
    )


def place(doc: Document, f: Finding, path: str, sharing: Sharing | None = None) -> Placed:
    """A rule's finding placed in the stored file, printable: a byte that is not UTF-8 (a lone
    surrogate) in its message or suggestions is shown as ``\\xe9``; a fix that would write one is dropped.
    With ``sharing``, its texts and related places are those of the file's earlier findings when equal."""
    shared = Sharing() if sharing is None else sharing
    text, where = shared.text, _document_of(doc, f)
    own, fix = _place(where, f.start, f.end), _placed_fix(where, f)
    if fix is not None and fix.place == own:
        fix.place = own  # one object for two equal places (a big file has many whole-block fixes)
    return Placed(
        path,
        f.rule,
        f.severity,
        text(show_bytes(f.message)),
        own,
        tuple(text(show_bytes(s)) for s in f.suggestions),
        fix,
        shared.related(
            tuple(
                PlacedRelated(shared.place(_place(where, r.start, r.end)), text(show_bytes(r.message)))
                for r in f.related
            )
        ),
    )


def _place(doc: Document, start: int, end: int) -> Place:
    """The stored span of a span of the document's prose."""
    a, b = doc.source_offsets(start, end)
    source = doc.source
    return Place(source.raw_offset(a), source.raw_offset(b), *source.position(a), *source.position(b))


def _placed_fix(doc: Document, f: Finding) -> PlacedFix | None:
    """The finding's fix when it may touch the stored file and writes nothing unprintable."""
    fix = f.fix
    if fix is None:
        return None
    start = f.start if fix.start is None else fix.start
    end = f.end if fix.end is None else fix.end
    where = _stored_view(doc) if fix.stored else doc
    if not _fixable(where, start, end, fix.replacement) or show_bytes(fix.replacement) != fix.replacement:
        return None
    # a stored fix deletes whole blocks (a quotation in them goes whole)
    safe = fix.safe if fix.stored else _safe(doc, fix, start, end)
    own = _place(where, start, end) if fix.stored or (start, end) != (f.start, f.end) else None
    return PlacedFix(fix.replacement, safe, own)


def _safe(doc: Document, fix: Fix, start: int, end: int) -> bool:
    """Whether a fix may be applied by ``--fix``: the rule says so, and it leaves what a source
    said alone (nothing between quotation marks changes), whatever rule made it."""
    return fix.safe and not rewrites_quotation(doc, start, end, fix.replacement)


def _fixable(doc: Document, start: int, end: int, replacement: str) -> bool:
    """An edit may touch the stored file only where the prose is a verbatim copy of it,
    or when it deletes whole blocks."""
    if doc.is_verbatim(start, end):
        return True
    if replacement:
        return False
    bounds = doc.cache.get("lint.block_bounds")
    if bounds is None:  # computed once per document: a 20,000-paragraph export has many fixes
        bounds = doc.cache["lint.block_bounds"] = {b.start for b in doc.blocks} | {b.end for b in doc.blocks}
    return start in bounds and end in bounds


class Linter:
    """Runs a configured rule set over files."""

    def __init__(self, config: Config, rules: list[Rule]):
        self.config = config
        self.rules = rules
        self.context = context_for(config)
        self.selected = [r for r in rules if config.selected(r.id, r.enabled)]

    def active_rules(self, path: Path | None) -> list[Rule]:
        ignored = self.config.ignored_for(path) if path is not None else []
        if not ignored:
            return self.selected
        return [r for r in self.selected if not matches(r.id, ignored)]

    def lint_bytes(
        self, label: str, data: bytes, path: Path | None = None, fmt: str | None = None, corpus: bool = False
    ) -> FileResult:
        """Lint one file's bytes; with ``corpus``, also fingerprint it for the cross-article rules
        (a run of more than one article: see :mod:`newslint.engine.corpus`)."""
        got = self.decoded(label, data, path)
        return got if isinstance(got, FileResult) else self.lint_decoded(label, got, path, fmt, corpus)

    def decoded(self, label: str, data: bytes, path: Path | None = None) -> Source | FileResult:
        """The file's decoded text, or the result of a file not linted (too large, or binary).
        A caller that lets the bytes go now holds the file once, as text, through the lint."""
        if len(data) > MAX_FILE_BYTES:
            return skip(label, f"larger than {MAX_FILE_BYTES >> 20} MiB")
        try:
            return decode(str(path or label), data)
        except BinaryFileError as exc:
            result = FileResult(label, fail_on=self.config.fail_on, skipped=True)
            result.messages.append(f"{label}: skipped: {exc}")
            return result

    def lint_decoded(
        self, label: str, source: Source, path: Path | None = None, fmt: str | None = None, corpus: bool = False
    ) -> FileResult:
        """Lint a file's decoded text (see :meth:`decoded`), the cyclic collector paused."""
        with collector_paused():
            return self.lint_source(label, source, path, fmt, corpus)

    def lint_source(
        self, label: str, source: Source, path: Path | None = None, fmt: str | None = None, corpus: bool = False
    ) -> FileResult:
        """Lint decoded text (a file's, or an article's of an export file)."""
        result = FileResult(label, fail_on=self.config.fail_on, source=source)
        doc = read_document(source, fmt)
        sharing = Sharing()  # one string for a message many findings repeat, one place for a related span
        rules = self.active_rules(path or Path(label))
        above, chars = windows.sizes()
        if len(doc.text) > above:
            placed = self._lint_windows(label, doc, rules, result, chars, corpus, sharing)
        else:
            findings = self.check(doc, rules, result)
            if corpus:
                result.prints = _fingerprints(doc, rules, result)
            placed = [place(doc, f, label, sharing) for f in findings]
        kept = suppress.apply(placed, doc.directives, len(source.line_starts))
        if doc.directives:
            result.messages.extend(self._unknown_in_directives(label, doc.directives))
        result.findings = _distinct(kept)
        return result

    def _lint_windows(
        self,
        label: str,
        doc: Document,
        rules: list[Rule],
        result: FileResult,
        chars: int,
        corpus: bool,
        sharing: Sharing,
    ) -> list[Placed]:
        """The placed findings of a document too long for one pass (see :mod:`.windows`): the
        kinds that declare ``WHOLE_DOCUMENT`` run once over all of it, the others window by
        window; a window's ``NEEDS_FINDINGS`` rules are also given the whole-document findings
        inside it."""
        shared = _evidence(doc, rules, chars, result)
        give_back()  # each pass's peak is given back after it, and the whole pass's after each rule
        spread = [r for r in rules if flag(kind_module(r.kind), "WHOLE_DOCUMENT")]
        full = windows.whole(doc)
        full.cache.update(shared)
        rest = [r for r in rules if not flag(kind_module(r.kind), "WHOLE_DOCUMENT")]
        found = self.check(full, spread, result, settle=give_back)
        # the whole pass's views (its sentences, the short lines lowered, the evidence only it
        # reads) go before its findings are placed, not after: placing makes an object or
        # three per finding, and a big file's duplicate paragraphs make a hundred thousand
        shared = {key: shared[key] for key in evidence.needed(rest) if key in shared}
        _keep_for_placing(full)
        give_back()
        # kept for the windows' NEEDS_FINDINGS rules only (a big dump may have many findings),
        # as they are given: without fix or related spans
        placed, found = _placed_and_bare(full, found, label, _wants(rest), sharing)
        del full
        starts = [f.start for f in found]
        for w in windows.windows(doc, chars, CONTEXT_BLOCKS):
            w.doc.cache.update(shared)
            end = w.base + len(w.doc.text)
            inside = found[bisect.bisect_left(starts, w.base) : bisect.bisect_right(starts, end)]
            given = [f.replaced(start=f.start - w.base, end=f.end - w.base) for f in inside if f.end <= end]
            got = self.check(w.doc, rest, result, given)
            placed += [place(w.doc, f, label, sharing) for f in got if w.owns(f.start, f.stored)]
            if corpus:
                result.prints += _fingerprints(w.doc, rest, result, w.owns)
            del w, got
            give_back()
        return placed

    @cached_property
    def rule_names(self) -> set[str]:
        """Every rule id and category this linter knows."""
        from newslint.engine.selectors import known_names

        return known_names(self.rules)

    def _unknown_in_directives(self, label: str, directives: list[Directive]) -> list[str]:
        """A warning for each rule id in an inline directive that names no rule (LanguageTool's
        ``grammar.*`` ids are not known in advance)."""
        from newslint.engine import selectors

        names = self.rule_names
        out = []
        for d in directives:
            for bad in selectors.unknown((r for r in d.rules if not r.startswith("grammar.")), names):
                out.append(f"{label}:{d.line}: newslint-{d.action}: {selectors.problem(bad, names)}")
        return out

    def check(
        self,
        doc: Document,
        rules: list[Rule],
        result: FileResult,
        given: Sequence[Finding] = (),
        settle: Callable[[], None] | None = None,
    ) -> list[Finding]:
        """The findings of the rules on one document; warnings and failures go to ``result``.

        The rules of a kind that declares ``NEEDS_FINDINGS`` run after the others and are given
        the others' findings, and ``given`` (findings of other rules on this document).
        ``settle``, when given, is called after each rule."""
        damaged = _damaged(doc, result)
        later = [_needs_findings(r) for r in rules]
        findings: list[Finding] = []
        for rule, wait in zip(rules, later, strict=True):
            if not wait:
                findings += self._run(rule, doc, damaged, result)
                if settle is not None:
                    settle()
        others = (*given, *findings)
        for rule, wait in zip(rules, later, strict=True):
            if wait:
                findings += self._run(rule, doc, damaged, result, others)
                if settle is not None:
                    settle()
        return findings

    def _run(
        self,
        rule: Rule,
        doc: Document,
        damaged: list[damage.Span],
        result: FileResult,
        others: tuple[Finding, ...] | None = None,
    ) -> list[Finding]:
        """One rule's findings (those found before it failed, if it fails); its warnings and
        failure go to ``result``."""
        kind = kind_module(rule.kind)
        out: list[Finding] = []
        budget = start_budget(len(doc.text))
        try:
            args = (rule, doc, self.context) if others is None else (rule, doc, self.context, others)
            got = kind.check(*args)
            if isinstance(got, Checked):
                result.messages.extend(f"{result.path}: {w}" for w in got.warnings)
                result.error = result.error or got.incomplete
                got = got.findings
            if damaged and rule.kind not in damage.OWNER_KINDS:
                got = damage.respect(got, damaged)
            out.extend(got)
        except RegexTimeout as exc:
            result.messages.append(f"{result.path}: rule {rule.id} ({rule.path}): {exc}; rule skipped for this file")
        except Exception as exc:  # a faulty rule must not stop the others
            result.messages.append(f"{result.path}: internal error in rule {rule.id}: {type(exc).__name__}: {exc}")
            result.error = True
            if os.environ.get("NEWSLINT_DEBUG"):
                raise
        finally:
            end_budget(budget)
        return out


def _fingerprints(
    doc: Document, rules: list[Rule], result: FileResult, keep: Callable[[int], bool] | None = None
) -> list[Print]:
    """The document's fingerprints for the cross-article rules, placed in the stored file (with
    ``keep``, those starting where it says: a window's own prose)."""
    out: list[Print] = []
    for rule in rules:
        kind = kind_module(rule.kind)
        if not flag(kind, "CORPUS"):
            continue
        try:
            for key, start, end in kind.fingerprints(rule, doc):  # type: ignore[attr-defined]
                if keep is None or keep(start):
                    out.append(Print(rule.id, key, _place(doc, start, end)))
        except Exception as exc:  # a faulty rule must not stop the others
            result.messages.append(f"{result.path}: internal error in rule {rule.id}: {type(exc).__name__}: {exc}")
            result.error = True
    return out


def _evidence(doc: Document, rules: list[Rule], chars: int, result: FileResult) -> dict[str, object]:
    """The whole document's evidence the rules' kinds read (see :mod:`.evidence`), gathered
    window by window; none (each window its own) if gathering fails."""
    keys = evidence.needed(rules)
    if not keys:
        return {}
    try:
        return evidence.gather(doc, ((w.doc, w.base, w.first) for w in windows.windows(doc, chars)), keys)
    except Exception as exc:  # the rules still run, on each window's own evidence
        result.messages.append(f"{result.path}: internal error gathering evidence: {type(exc).__name__}: {exc}")
        result.error = True
        if os.environ.get("NEWSLINT_DEBUG"):
            raise
        return {}


def _placed_and_bare(
    doc: Document, found: list[Finding], label: str, bare: bool, sharing: Sharing
) -> tuple[list[Placed], list[Finding]]:
    """The findings placed, and with ``bare`` the bare copies (see :func:`_bare`) of those not
    about the stored bytes, by start. The list is emptied as it goes: each finding (its fix and
    related spans) is let go once placed, not held beside all the placed ones."""
    placed: list[Placed] = []
    kept: list[Finding] = []
    found.reverse()
    while found:
        f = found.pop()
        placed.append(place(doc, f, label, sharing))
        if bare and not f.stored:
            kept.append(_bare(f))
    kept.sort(key=lambda f: f.start)
    return placed, kept


# What placing a finding reads of its document's views (see :func:`place`), all else let go
PLACING_VIEWS = frozenset({"block_starts", "quote_spans", "lint.block_bounds", "lint.stored_view"})


def _keep_for_placing(doc: Document) -> None:
    """Let go of the document's views but those placing its findings reads (a view let go that
    is read again is made again)."""
    for key in [k for k in doc.cache if k not in PLACING_VIEWS]:
        del doc.cache[key]
    doc.__dict__.clear()  # its cached properties: sentences, tokens, words


def _bare(f: Finding) -> Finding:
    """The finding without its fix and related spans, as a window's rules are given it."""
    return f.replaced(fix=None, related=[])


def _wants(rules: list[Rule]) -> bool:
    """Whether any of the rules is given the others' findings."""
    return any(_needs_findings(r) for r in rules)


def _needs_findings(rule: Rule) -> bool:
    """Whether the rule's kind declares that its check needs the other rules' findings."""
    return flag(kind_module(rule.kind), "NEEDS_FINDINGS")


def _distinct(findings: list[Placed]) -> list[Placed]:
    """One finding per rule and span (the first), by line, column, rule, then end."""
    by_key: dict[tuple[int, int, str, int, int], Placed] = {}
    for f in findings:
        p = f.place
        by_key.setdefault((p.line, p.column, f.rule, p.end_line, p.end_column), f)
    return [by_key[k] for k in sorted(by_key)]


def _damaged(doc: Document, result: FileResult) -> list[damage.Span]:
    """The document's damaged spans, which only their owner rules may report."""
    try:
        return damage.spans(doc)
    except Exception as exc:  # the other rules still run, unguarded
        result.messages.append(f"{result.path}: internal error finding broken characters: {type(exc).__name__}: {exc}")
        result.error = True
        if os.environ.get("NEWSLINT_DEBUG"):
            raise
        return []


def _document_of(doc: Document, f: Finding) -> Document:
    """The document whose offsets the finding uses: a finding about the stored bytes is placed
    in a view of the stored text that maps every offset to itself."""
    return _stored_view(doc) if f.stored else doc


def _stored_view(doc: Document) -> Document:
    """A view of the stored text that maps every offset to itself (cached on the document)."""
    view = doc.cache.get("lint.stored_view")
    if view is None:
        size = len(doc.source.text)
        identity = OffsetMap([Segment(0, size, 0, size)])
        view = doc.cache["lint.stored_view"] = Document(doc.source, doc.format, doc.source.text, [], identity)
    return view


def skip(label: str, reason: str) -> FileResult:
    """The result of a file that is not linted at all, saying why."""
    return FileResult(label, messages=[f"{label}: skipped: {reason}"], skipped=True)


def read_file(label: str, path: Path) -> bytes | FileResult:
    """A regular file's bytes, or a FileResult saying why it was not read (too large, a
    device or pipe that could stream forever, unreadable)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return skip(label, "not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            return skip(label, f"larger than {MAX_FILE_BYTES >> 20} MiB")
        return path.read_bytes()
    except OSError as exc:
        broken = isinstance(exc, FileNotFoundError) and path.is_symlink()
        reason = "broken symbolic link" if broken else exc.strerror or exc
        return FileResult(label, messages=[f"{label}: cannot read: {reason}"], error=True, skipped=True)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while one file is linted: a large export makes
    millions of small objects (tokens) and repeated full collections would double the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
