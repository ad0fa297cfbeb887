"""``languagetool``: grammar findings from a LanguageTool server the user runs.

Silent unless a server is configured (``languagetool: url`` in the config file,
``--languagetool-url`` or ``NEWSLINT_LANGUAGETOOL_URL``) or a local install is named
(``languagetool: local-path``). Each match becomes a finding ``grammar.<rule id>``.
A server that cannot be used gives one warning for the run, and every file it could not
check counts as failed (``Checked.incomplete``: exit status 2), never as clean.

A built-in check with settings, not a building block: its one built-in rule (below) is the
one to tune, under ``options:`` in the configuration; a rule file of your own of this kind is
seldom useful.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from newslint.document.lazyre import lazy
from newslint.document.model import PROSE_KINDS, Document
from newslint.document.records import Record
from newslint.engine.findings import Checked, Finding
from newslint.engine.kind import Context, Option, OptionError
from newslint.engine.loader import Rule

if TYPE_CHECKING:
    from newslint.engine.languagetool.cache import ResultCache
    from newslint.engine.languagetool.client import Client
    from newslint.settings.languagetool import Settings


OPTIONS = {
    "blocks": Option(list, default=sorted(PROSE_KINDS), help="kinds of block whose text is sent to the server"),
}
NEEDS_FINDINGS = True  # is given the other rules' findings, to drop matches they already report
NEEDS_SERVER = True  # its examples run against a test server (tests/test_languagetool_examples.py)
BLOCK_KINDS = frozenset({"headline", "heading", "paragraph", "list_item", "quote", "caption", "table_cell", "field"})
_LIMIT = lazy(r"limit of ([\d,.\s]+?) characters", re.IGNORECASE)


def prepare(rule: Rule) -> frozenset[str]:
    kinds = rule.options["blocks"]
    bad = [k for k in kinds if k not in BLOCK_KINDS]
    if bad or not kinds:
        raise OptionError("blocks", f"must be a non-empty list of block kinds ({', '.join(sorted(BLOCK_KINDS))})")
    return frozenset(kinds)


class _State(Record):
    """What one run knows of its server: settings, results so far, and whether it failed."""

    __slots__ = ("settings", "cache", "client", "failure", "warned", "sent")
    settings: Settings
    cache: ResultCache
    client: Client | None
    failure: str | None
    warned: bool
    sent: list[int]  # UTF-16 size of each request made (for tests)

    def __init__(
        self,
        settings: Settings,
        cache: ResultCache,
        client: Client | None = None,
        failure: str | None = None,
        warned: bool = False,
        sent: list[int] | None = None,
    ) -> None:
        self.settings = settings
        self.cache = cache
        self.client = client
        self.failure = failure
        self.warned = warned
        self.sent = [] if sent is None else sent


def _state(ctx: Context) -> _State | str | None:
    """The run's server state (kept in the per-process cache); None when no server is set up,
    a warning when the settings cannot be used."""
    from newslint.settings.languagetool import resolve

    raw = ctx.settings.get("languagetool") or {}
    key = "languagetool:" + json.dumps([raw, ctx.language], sort_keys=True, default=str)
    if key not in ctx.cache:
        try:
            settings = resolve(raw, ctx.language)
        except ValueError as exc:  # a bad URL from the environment or the command line
            return f"LanguageTool: {exc}; grammar not checked"
        ctx.cache[key] = None
        if settings.active:  # the client and its result cache only for a run that uses a server
            from newslint.engine.languagetool.cache import ResultCache

            cache = ResultCache(settings.fingerprint(), settings.cache_dir or None, settings.cache)
            ctx.cache[key] = _State(settings, cache)
    return cast("_State | str | None", ctx.cache[key])


def check(rule: Rule, doc: Document, ctx: Context, others: Sequence[Finding]) -> Checked:
    """The server's matches in the document, but for those another rule already reports."""
    state = _state(ctx)
    if isinstance(state, str):
        return Checked(warnings=[state], incomplete=True)
    if state is None:
        return Checked()
    from newslint.engine.languagetool.batches import pieces
    from newslint.engine.languagetool.mapping import drop_reported, to_finding

    items = pieces(doc, rule.compiled, state.settings.max_request_chars)
    found = {p.text: state.cache.get(p.text) for p in items}
    missing = [p for p in items if found[p.text] is None]
    warnings = _fetch(state, missing) if missing else []
    out = []
    for p in items:
        for m in state.cache.get(p.text) or []:
            f = to_finding(rule, p, m)
            if f is not None:
                out.append(f)
    return Checked(drop_reported(out, others), warnings, state.failure is not None and bool(missing))


def _fetch(state: _State, items: list[Any]) -> list[str]:
    """Ask the server about pieces not in the cache; on failure, a warning the first time."""
    from newslint.engine.languagetool.client import Client, Unavailable

    try:
        if state.failure is None:
            if state.client is None:
                state.client = Client(state.settings)
            _send(state, items, state.settings.max_request_chars)
    except Unavailable as exc:
        state.failure = str(exc)
    if state.failure is None or state.warned:
        return []
    state.warned = True
    return [
        f"LanguageTool at {state.settings.where} cannot be used: {state.failure}; grammar not checked (exit status 2)"
    ]


def _send(state: _State, items: list[Any], limit: int) -> None:
    from newslint.engine.languagetool.batches import requests
    from newslint.engine.languagetool.client import Rejected, Unavailable

    client = state.client
    assert client is not None  # made by _fetch before any request
    for req in requests(items, limit):
        try:
            matches = client.check(req.text)
        except Rejected as exc:
            smaller = _server_limit(str(exc))
            if smaller is None or smaller >= limit or len(req.pieces) == 1:
                raise Unavailable(str(exc)) from None
            _send(state, req.pieces, smaller)
            continue
        state.sent.append(len(req.text))
        _store(state, req, matches)


def _store(state: _State, req: Any, matches: list[Any]) -> None:
    per_piece: list[list[Any]] = [[] for _ in req.pieces]
    for m in matches:
        i = req.locate(m.start)
        base, size = req.starts[i], len(req.pieces[i].text)
        start, end = m.start - base, min(m.end - base, size)
        if start < size:  # not in the blank line between two pieces
            per_piece[i].append(type(m)(**{**_fields(m), "start": start, "end": end}))
    for piece, ms in zip(req.pieces, per_piece, strict=True):
        state.cache.put(piece.text, ms)


def _fields(m: Any) -> dict[Any, Any]:
    return {k: getattr(m, k) for k in m.__slots__}


def _server_limit(message: str) -> int | None:
    """The size limit a server states when it refuses a long text, with some room to spare."""
    m = _LIMIT.search(message)
    if not m:
        return None
    digits = re.sub(r"\D", "", m.group(1))
    return max(100, int(digits) - 50) if digits else None
