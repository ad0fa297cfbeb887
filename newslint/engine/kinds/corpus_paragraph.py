"""``corpus_paragraph``: the same paragraph in many articles of one run (a site leftover).

A syndication footer, a site tagline, "Follow us on Twitter" or a newsletter box is pasted
into article after article; inside any one article it looks like prose. This kind fingerprints
each paragraph of every article while the article is linted (no second read of any file) and,
once every article of the run is linted, reports a paragraph found in at least ``min-articles``
articles and in at least ``min-share`` of the run's articles. One article alone is never
flagged: the check is on only when a run lints more than one article.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from newslint.document.model import Document
from newslint.engine.findings import Finding
from newslint.engine.kind import Context, Option
from newslint.engine.loader import Rule
from newslint.engine.similarity import has_letter, normal_text

CORPUS = True  # fingerprints per article, findings after the whole run
SHARDED = True  # only equal keys group: a cluster may group them in shards by key

OPTIONS = {
    "min-words": Option(int, default=4, help="paragraphs with fewer words are not fingerprinted"),
    "min-articles": Option(int, default=3, help="the fewest articles a paragraph must be in to be reported"),
    "min-share": Option(float, default=0.0, help="the smallest share (0 to 1) of the run's articles it must be in"),
    "max-related": Option(int, default=5, help="how many of the other articles a finding names"),
}

PROSE_KINDS = ("paragraph", "list_item", "quote", "caption")


def prepare(rule: Rule) -> None:
    return None


def check(rule: Rule, doc: Document, ctx: Context) -> list[Finding]:
    """Nothing within one article: the findings come from :func:`fingerprints` across articles."""
    return []


def fingerprints(rule: Rule, doc: Document) -> Iterator[tuple[str, int, int]]:
    """(key, start, end) for each paragraph long enough to count: the key is a short hash of
    its text with white space, quote styles, case and final punctuation normalised."""
    from hashlib import blake2b  # here: a run of one article never fingerprints (OpenSSL loads in ms)

    least = rule.options["min-words"]
    for block in doc.blocks:
        if block.kind not in PROSE_KINDS:
            continue
        text = normal_text(doc.text[block.start : block.end])
        if len(text.split()) < least or not has_letter(text):
            continue
        yield blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest(), block.start, block.end


def matches(rule: Rule, keys: list[str]) -> Iterable[list[int]]:
    """The fingerprints of the same paragraph, grouped (in order of first appearance)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        groups[key].append(i)
    return (g for g in groups.values() if len(g) > 1)
