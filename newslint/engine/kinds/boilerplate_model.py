"""``boilerplate_model``: blocks a trained model takes for page furniture.

Each block's features (:mod:`newslint.engine.support.block_features`: length, sentence-likeness,
capitals and digits, place against the article's body, furniture around it, and in HTML the
elements it is in, the words their class, id and role name, whether the innermost of them that
says anything says furniture or content, and the share of it inside links) are weighed by a logistic model whose
weights the rule file carries (``weights``, written by ``newslint train-boilerplate``). A block
at or above ``threshold`` is reported, runs of them as one finding, unless another boilerplate
rule already reports it. Headlines are never reported, and (``needs-markup``) only blocks whose
markup says furniture too are: in a nav, aside or footer element, in one whose class or id
names furniture, a quarter or more links, outside the innermost element that holds the whole
body (a sidebar beside the article's element), or among blocks whose markup says furniture (but
not a block that the element holding the body's last paragraph holds too: the article's closing
lines before a sidebar). An article's own text, exported without such markup, stays quiet.

Findings keep the one rule id, whatever the furniture (so that one id selects or ignores them all);
the message names the kind (``{what}``: share buttons, comments, navigation...) when the markup
around the run's first block names one, else "page furniture". A block that a phrase rule's
finding overlaps is never the model's, so the phrase family's own id already reports it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from newslint.document.model import Block, Document
from newslint.engine.deletion import delete_blocks
from newslint.engine.findings import Finding
from newslint.engine.kind import Context, Option, OptionError
from newslint.engine.loader import Rule
from newslint.engine.support.block_features import NAMES, features
from newslint.engine.support.block_markup import FURNITURE_TAGS, furniture_kind, has_attributes

NEEDS_FINDINGS = True
WHOLE_DOCUMENT = True  # in a windowed document: a block's features weigh the whole page (its body run, repeats)
OPTIONS = {
    "weights": Option(dict, required=True, help="the model: a weight for each feature (newslint train-boilerplate)"),
    "threshold": Option(float, default=0.8, help="least probability of a reported block"),
    "formats": Option(list, default=["html"], help="formats judged (the model is trained on pages' HTML)"),
    "max-words": Option(
        int, default=60, help="longest block, in words, that may be reported (unless its own markup says furniture)"
    ),
    "needs-markup": Option(
        bool, default=True, help="report only blocks whose markup (or their neighbours') says furniture"
    ),
}
COLUMN = {name: i for i, name in enumerate(NAMES)}
FURNITURE_TAG, FURNITURE_CLASS, INNER_FURNITURE = (
    COLUMN["furniture_tag"],
    COLUMN["furniture_class"],
    COLUMN["inner_furniture"],
)
LINK_DENSITY, NEAR_FURNITURE, SITE_WORDS = COLUMN["link_density"], COLUMN["near_furniture"], COLUMN["site_words"]
OUTSIDE_BODY = COLUMN["outside_body"]
CONTENT_TAG, CONTENT_CLASS, BODY_SIBLING = COLUMN["content_tag"], COLUMN["content_class"], COLUMN["body_sibling"]


def evidence(row: Sequence[float]) -> bool:
    """Whether the markup says furniture: a nav, aside or footer element (or role), a class or
    id naming furniture, a block a quarter or more of whose text is links, a block outside the
    innermost element that holds the whole body, or one whose neighbours' markup (half of the
    two blocks on each side) says furniture, unless the element that holds the body's last
    block holds it too (the article's closing lines, which a sidebar follows)."""
    if row[FURNITURE_TAG] or row[FURNITURE_CLASS] or row[LINK_DENSITY] >= 0.25 or row[OUTSIDE_BODY]:
        return True
    return row[NEAR_FURNITURE] >= 0.5 and not row[BODY_SIBLING]


def reportable(block: Block, row: Sequence[float], max_words: int) -> bool:
    """Whether a block may be reported at all: not a headline, and at most ``max_words`` long
    unless the innermost element around it that says anything says furniture (a long author
    bio or comment policy in a box named so)."""
    return block.kind != "headline" and (bool(row[INNER_FURNITURE]) or len(block.text.split()) <= max_words)


def prepare(rule: Rule) -> tuple[float, ...]:
    weights = rule.options["weights"]
    missing = [n for n in NAMES if n not in weights]
    if missing:
        raise OptionError("weights", f"has no weight for {', '.join(missing)}")
    if not all(isinstance(weights[n], (int, float)) for n in NAMES):
        raise OptionError("weights", "must map each feature to a number")
    if not 0.0 < rule.options["threshold"] < 1.0:
        raise OptionError("threshold", "must be between 0 and 1")
    return tuple(float(weights[n]) for n in NAMES)


# How a message names the evidence that weighed most for a block (features with a reason).
REASONS = {
    "furniture_tag": "in a nav, aside, footer or form element",
    "furniture_class": "in an element whose tag, class or id names furniture",
    "inner_furniture": "in an element whose tag, class or id names furniture",
    "near_furniture": "among other page furniture",
    "link_density": "mostly links",
    "after_body": "after the article's body",
    "before_body": "before the article's body",
    "repeated": "repeated on the page",
    "separators": "separated by | or arrows",
    "title_share": "in title case",
    "short_run": "among other short blocks",
}


def may_have_evidence(doc: Document) -> bool:
    """Whether any block can have markup evidence: a link or a furniture element in the page, or
    a class, id or role attribute (an article exported as bare HTML has none: nothing to weigh)."""
    if any(e.tag == "a" or e.tag in FURNITURE_TAGS for e in doc.elements):
        return True
    return bool(has_attributes().search(doc.source.text))


def judge(weights: Sequence[float], doc: Document, needs_markup: bool, max_words: int | None = None) -> list[float]:
    """Each block's probability of being page furniture (0 without markup evidence, when needed,
    and 0 for a block not :func:`reportable` with ``max_words``, when given)."""
    out = []
    for block, row in zip(doc.blocks, features(doc), strict=True):
        if (max_words is not None and not reportable(block, row, max_words)) or (needs_markup and not evidence(row)):
            out.append(0.0)
            continue
        z = sum(w * x for w, x in zip(weights, row, strict=True))
        out.append(1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z)))))
    return out


def reasons(weights: Sequence[float], row: Sequence[float]) -> str:
    """The two reasons (``REASONS``) that weighed most for a block, or ""."""
    parts = [w * x for w, x in zip(weights, row, strict=True)]
    ranked = sorted((-part, NAMES[i]) for i, part in enumerate(parts) if part > 0 and NAMES[i] in REASONS)
    return ", ".join(list(dict.fromkeys(REASONS[name] for _, name in ranked))[:2])


def check(rule: Rule, doc: Document, ctx: Context, others: Sequence[Finding]) -> Iterator[Finding]:
    o = rule.options
    if doc.format not in o["formats"] or not doc.blocks or (o["needs-markup"] and not may_have_evidence(doc)):
        return
    taken = [(f.start, f.end) for f in others if f.category == "boilerplate" and not f.stored]
    runs: list[list[tuple[int, float]]] = [[]]
    judged = judge(rule.compiled, doc, o["needs-markup"], o["max-words"])
    for i, (block, p) in enumerate(zip(doc.blocks, judged, strict=True)):
        if p >= o["threshold"] and not any(a < block.end and block.start < b for a, b in taken):
            runs[-1].append((i, p))
        elif runs[-1]:
            runs.append([])
    for run in runs:
        if run:
            yield _finding(rule, doc, run)


def _finding(rule: Rule, doc: Document, run: list[tuple[int, float]]) -> Finding:
    first, last = doc.blocks[run[0][0]], doc.blocks[run[-1][0]]
    text = first.text.strip().split("\n", 1)[0][:60]
    share, top = max((p, i) for i, p in run)
    why = reasons(rule.compiled, features(doc)[top])
    what = furniture_kind(doc, run[0][0]) or "page furniture"
    message = rule.format_message(
        text, blocks=len(run), what=what, probability=f"{share:.0%}", why=why or "its wording"
    )
    fix = delete_blocks(doc, first, last, safe=False)
    return Finding(rule.id, first.start, last.end, message, rule.severity, [], fix)
