"""``balance``: quotation marks and brackets that do not pair up within a paragraph.

Works on the punctuation tokens of each block, so marks inside words (apostrophes), URLs and
e-mail addresses are never seen. A quotation left open at the end of a paragraph is accepted
when the next paragraph opens with the same mark (the news convention for quotations that
run over several paragraphs); a bracket left open may be closed in the next paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document.model import Block, Document
from newslint.document.records import FrozenRecord
from newslint.document.tokens import Token
from newslint.engine.findings import Finding
from newslint.engine.kind import Context, Option, OptionError
from newslint.engine.loader import Rule

OPTIONS = {
    "marks": Option(list, default=["curly", "straight", "single", "brackets"], help="which pairs to check"),
    "kinds": Option(
        list,
        default=["headline", "heading", "paragraph", "list_item", "quote", "caption", "table_cell"],
        help="block kinds to look at",
    ),
}
MARK_SETS = ("curly", "straight", "single", "brackets")
CONTINUING = frozenset({"paragraph", "quote", "list_item"})
BRACKETS = {"(": ")", "[": "]"}
CLOSING = {")": "(", "]": "["}
EMOTICON_EYES = frozenset(":;=8")


class Problem(FrozenRecord):
    __slots__ = ("start", "end", "what")
    start: int
    end: int
    what: str  # human description

    def __init__(self, start: int, end: int, what: str) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "what", what)


def prepare(rule: Rule) -> tuple[frozenset[str], frozenset[str]]:
    marks = rule.options["marks"]
    if not all(m in MARK_SETS for m in marks):
        raise OptionError("marks", f"must list some of {', '.join(MARK_SETS)}")
    return frozenset(marks), frozenset(rule.options["kinds"])


def _opens_with(doc: Document, block: Block, mark: str) -> bool:
    return block.kind in CONTINUING and block.text.lstrip()[:1] == mark


def _next_block(doc: Document, block: Block) -> Block | None:
    return doc.blocks[block.index + 1] if block.index + 1 < len(doc.blocks) else None


def _after_sentence(doc: Document, tok: Token) -> bool:
    """True when ``tok`` follows a sentence end and a space: a quotation running on (``. “Next``)."""
    before = doc.text[max(0, tok.start - 4) : tok.start].rstrip(" \t\u00a0")
    return len(before) < len(doc.text[max(0, tok.start - 4) : tok.start]) and before[-1:] in ".!?:"


def _curly(doc: Document, block: Block, puncts: list[Token], nxt: Block | None) -> Iterator[Problem]:
    """Curly double quotes: “ (or „) opens, ” closes, no nesting of the same mark.

    A ” that stands where a quotation opens (after a space, before a word) while none is open
    is a wrong-way mark: reported once, and then read as the opening mark it stands for.
    """
    open_at: Token | None = None
    for tok in puncts:
        if tok.text == "“" and open_at is not None and open_at.text == "„":
            open_at = None  # „German“ quotes close with “
        elif tok.text in "“„":
            if open_at is not None and not _after_sentence(doc, tok):
                yield Problem(open_at.start, open_at.end, "opening quotation mark never closed")
            open_at = tok
        elif tok.text == "”":
            if open_at is None and _opens_quote(doc, tok) and doc.text[tok.end : tok.end + 1].isalnum():
                yield Problem(tok.start, tok.end, "closing quotation mark ” used to open a quotation: write “")
                open_at = tok
                continue
            if open_at is None:
                yield Problem(tok.start, tok.end, "closing quotation mark without an opening one")
            open_at = None
    if open_at is not None and not (nxt is not None and _opens_with(doc, nxt, "“")):
        yield Problem(open_at.start, open_at.end, "opening quotation mark never closed in this paragraph")


def _straight(doc: Document, block: Block, toks: list[Token], nxt: Block | None) -> Iterator[Problem]:
    """An odd number of straight double quotes, none of which may be an inch mark (after a number).

    Quotes pair up in order; one that opens after a sentence end while a quotation is open
    continues it (``said: "One. "Two."``).
    """
    indexes = [i for i, t in enumerate(toks) if t.text == '"']
    if len(indexes) % 2 == 0 or any(_after_number(toks, i) for i in indexes):
        return
    open_at: Token | None = None
    for i in indexes:
        tok = toks[i]
        continues = _opens_quote(doc, tok) and _after_sentence(doc, tok)
        open_at = tok if open_at is None or continues else None
    if open_at is None or (nxt is not None and _opens_with(doc, nxt, '"') and _opens_quote(doc, open_at)):
        return
    yield Problem(open_at.start, open_at.end, "straight quotation mark without its pair in this paragraph")


def _mixed_pairs(doc: Document, puncts: list[Token], nxt: Block | None) -> bool:
    """True when the paragraph mixes curly and straight double quotes and they pair up together.

    ``“text"`` or ``"text”`` is then one quotation set in two styles, which
    consistency.quote-style reports; it is not an unbalanced quotation.
    """
    marks = [t for t in puncts if t.text in '“”"']
    if not any(t.text == '"' for t in marks) or all(t.text == '"' for t in marks):
        return False
    open_at: Token | None = None
    for tok in marks:
        if tok.text == "“" or (tok.text == '"' and open_at is None):
            if open_at is not None and not _after_sentence(doc, tok):
                return False
            open_at = tok
        elif open_at is None:
            return False
        else:
            open_at = None
    return open_at is None or (nxt is not None and (_opens_with(doc, nxt, "“") or _opens_with(doc, nxt, '"')))


def _after_number(toks: list[Token], i: int) -> bool:
    return i > 0 and toks[i - 1].kind == "number" and toks[i - 1].end == toks[i].start


def _opens_quote(doc: Document, tok: Token) -> bool:
    before = doc.text[tok.start - 1 : tok.start] if tok.start else ""
    after = doc.text[tok.end : tok.end + 1]
    return (not before or before.isspace() or before in "([—–-") and after.strip() != ""


def _single(doc: Document, block: Block, puncts: list[Token], nxt: Block | None) -> Iterator[Problem]:
    """‘ must be followed, within the paragraph, by a ’ that can close it (not before a letter)."""
    open_at: Token | None = None
    for tok in puncts:
        if tok.text == "‘" and open_at is None:
            open_at = tok
        elif tok.text == "’" and open_at is not None:
            after = doc.text[tok.end : tok.end + 1]
            if not after.isalnum():
                open_at = None
    if open_at is not None and not (nxt is not None and _opens_with(doc, nxt, "‘")):
        yield Problem(open_at.start, open_at.end, "opening single quotation mark never closed in this paragraph")


def _is_enumerator_or_smiley(doc: Document, toks: list[Token], i: int) -> bool:
    """``a)``, ``1a)``, ``iv)`` at the start of a line or after a space, and ``:)``, ``:(``, ``;-)``."""
    tok = toks[i]
    before = doc.text[max(0, tok.start - 2) : tok.start]
    if before[-1:] in EMOTICON_EYES or (before[-1:] == "-" and before[:1] in EMOTICON_EYES):
        return True
    if tok.text != ")" or i == 0:
        return False
    prev = toks[i - 1]
    edge = doc.text[prev.start - 1 : prev.start] if prev.start else "\n"
    return prev.end == tok.start and len(prev.text) <= 3 and prev.text.isalnum() and edge in " \n\t"


def _brackets(doc: Document, toks: list[Token], carried: list[Token]) -> tuple[list[Problem], list[Token]]:
    """Problems of one block, and the brackets left open at its end."""
    problems: list[Problem] = []
    stack: list[Token] = list(carried)
    for i, tok in enumerate(toks):
        if tok.kind != "punct":
            continue
        if tok.text in BRACKETS:
            if not _is_enumerator_or_smiley(doc, toks, i):
                stack.append(tok)
        elif tok.text in CLOSING:
            if not stack and _is_enumerator_or_smiley(doc, toks, i):
                continue
            if stack and stack[-1].text == CLOSING[tok.text]:
                stack.pop()
            elif stack:
                opener = stack.pop()
                problems.append(Problem(opener.start, tok.end, f"'{opener.text}' closed by '{tok.text}'"))
            else:
                problems.append(Problem(tok.start, tok.end, f"'{tok.text}' without an opening '{CLOSING[tok.text]}'"))
    carried_ids = {id(t) for t in carried}
    for tok in stack:
        if id(tok) in carried_ids:
            problems.append(Problem(tok.start, tok.end, f"'{tok.text}' never closed"))
    return problems, [t for t in stack if id(t) not in carried_ids]


def _marks_finder(marks: frozenset[str]) -> re.Pattern[str]:
    """A regex finding any character one of the checks looks at (a block without any has no
    problem of its own)."""
    chars = "".join(sorted(set().union(*(MARK_CHARS[m] for m in marks))))
    found = _FINDERS.get(chars)
    if found is None:
        found = _FINDERS[chars] = re.compile(f"[{re.escape(chars)}]")
    return found


MARK_CHARS = {"curly": "“„”", "straight": '"', "single": "‘", "brackets": "()[]"}
_FINDERS: dict[str, re.Pattern[str]] = {}


def check(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    marks, kinds = rule.compiled
    finder = _marks_finder(marks) if marks else None
    carried: list[Token] = []
    for block in doc.blocks:
        if block.kind not in kinds:
            continue
        if not carried and finder is not None and not finder.search(doc.text, block.start, block.end):
            continue  # no mark to pair, none carried over: nothing to find
        toks = doc.tokens_of(block)
        puncts = [t for t in toks if t.kind == "punct"]
        nxt = _next_block(doc, block)
        problems: list[Problem] = []
        mixed = {"curly", "straight"} <= marks and _mixed_pairs(doc, puncts, nxt)
        if "curly" in marks and not mixed:
            problems.extend(_curly(doc, block, puncts, nxt))
        if "straight" in marks and not mixed:
            problems.extend(_straight(doc, block, toks, nxt))
        if "single" in marks:
            problems.extend(_single(doc, block, puncts, nxt))
        if "brackets" in marks:
            found, left = _brackets(doc, toks, carried)
            problems.extend(found)
            carried = left if block.kind in CONTINUING else []
            if nxt is None or nxt.kind not in CONTINUING:
                problems.extend(Problem(t.start, t.end, f"'{t.text}' never closed") for t in carried)
                carried = []
        for p in sorted(problems, key=lambda p: p.start):
            yield Finding(
                rule.id, p.start, p.end, rule.format_message(doc.text[p.start : p.end], what=p.what), rule.severity
            )
