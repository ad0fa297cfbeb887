"""What a big document is held as: the offset map in integer arrays, the prose sharing the stored
text, blocks and lines reading their text from it, boilerplate keys found block by block (issue 20)."""

from __future__ import annotations

from newslint.document.model import Block
from newslint.document.offsets import OffsetMap, ProseBuilder, Segment
from newslint.document.readers import read_document
from newslint.document.readers.blocks import BlockCollector
from newslint.document.source import Source
from newslint.engine.kinds.boilerplate_phrase import _short_lines
from newslint.engine.support.boilerplate_lines import lines


def test_contiguous_verbatim_pieces_merge_and_replaced_ones_map_as_a_whole() -> None:
    prose = ProseBuilder()
    prose.add("Tom", 10)
    prose.add(" said", 13)  # follows on in the source: one segment
    prose.add("&", 18, 5)  # "&amp;" read as one character
    prose.add_gap("\n\n", 23)
    prose.add("Yes", 30)
    text, omap = prose.build()
    assert text == "Tom said&\n\nYes"
    assert omap.segments == [Segment(0, 8, 10, 8), Segment(8, 1, 18, 5), Segment(9, 2, 23, 0), Segment(11, 3, 30, 3)]
    assert [omap.to_source(i) for i in (0, 4, 8, 9, 10, 11, 13)] == [10, 14, 18, 23, 23, 30, 32]
    assert (omap.to_source(9, is_end=True), omap.to_source(14, is_end=True)) == (23, 33)
    assert omap.is_verbatim(0, 8) and omap.is_verbatim(11, 14)
    assert not omap.is_verbatim(7, 9) and not omap.is_verbatim(8, 9)


def test_a_map_built_from_records_gives_them_back() -> None:
    segments = [Segment(0, 5, 0, 5), Segment(5, 2, 9, 0), Segment(7, 4, 12, 6)]
    omap = OffsetMap(segments)
    assert omap.segments == segments
    assert OffsetMap([]).to_source(3) == 0 and OffsetMap().segments == []


def test_an_empty_block_is_dropped_with_its_separator_and_its_segments() -> None:
    blocks = BlockCollector()
    blocks.close("paragraph", blocks.open(0))  # nothing added: no block
    start = blocks.open(0)
    blocks.prose.add("One.", 0)
    blocks.close("paragraph", start)
    start = blocks.open(10)
    blocks.prose.add("   ", 10)
    assert blocks.close("paragraph", start) is None
    start = blocks.open(20)
    blocks.prose.add("Two.", 20)
    blocks.close("paragraph", start)
    text, omap = blocks.prose.build()
    for block in blocks.blocks:
        block.bind(text)  # as its document does
    assert text == "One.\n\nTwo." and [b.text for b in blocks.blocks] == ["One.", "Two."]
    assert omap.segments == [Segment(0, 4, 0, 4), Segment(4, 2, 20, 0), Segment(6, 4, 20, 4)]


def test_line_positions_of_stored_text_with_mixed_line_endings() -> None:
    source = Source("a.txt", "Head\r\n\r\nBody one.\rBody two.\n")
    assert list(source.line_starts) == [0, 5, 6, 16, 26]
    assert [source.position(i) for i in (0, 6, 16, 25)] == [(1, 1), (3, 1), (4, 1), (4, 10)]
    assert source.offset(4, 2) == 17 and source.raw_offset(16) == 18  # after two CRLFs and a CR


def test_plain_text_prose_is_the_stored_text_when_blocks_are_one_blank_line_apart() -> None:
    same = read_document(Source("a.txt", "Markets rally\n\nShares rose.\n\nBonds fell."), None)
    assert same.text is same.source.text
    assert same.map.to_source(16) == 16 and same.map.to_source(13) == 15  # a separator: the next block's start
    spaced = read_document(Source("b.txt", "Markets rally\n\n\n\nShares rose.\n"), None)
    assert spaced.text == "Markets rally\n\nShares rose." and spaced.text is not spaced.source.text
    assert spaced.map.to_source(15) == 17


def test_plain_text_prose_shares_the_stored_text_exactly_when_equal_to_it() -> None:
    shapes = [
        "Markets rally\n\nShares rose.",
        "Markets rally\n\nShares rose.\n",
        "\n\nMarkets rally\n\nShares rose.",
        "Markets rally\n\n\nShares rose.",
        "Markets rally\n \nShares rose.",
        "Markets rally\nOn two lines\n\n- a list entry\n\nShares rose.",
        "Markets rally\n<!-- newslint-disable -->\nShares rose.",
        "",
    ]
    for raw in shapes:
        doc = read_document(Source("a.txt", raw), None)
        joined = "\n\n".join(b.text for b in doc.blocks)
        assert doc.text == joined
        assert (doc.text is doc.source.text) == (joined == raw), raw


def test_a_one_line_block_is_its_own_line_and_other_lines_are_trimmed() -> None:
    doc = read_document(Source("a.txt", "Markets rally\n\nShares rose.\n\n  Share this  \nRead more\n"), None)
    got = lines(doc)
    assert [line.text for line in got] == ["Markets rally", "Shares rose.", "Share this", "Read more"]
    assert got[1].text == doc.blocks[1].text and all(line.prose is doc.text for line in got)
    assert [(line.start, line.end) for line in got[2:]] == [(31, 41), (44, 53)]


def test_only_lines_short_enough_for_the_line_regexes_are_held_lower_cased() -> None:
    doc = read_document(Source("a.txt", "Markets Rally\n\nShares ROSE sharply on Monday.\n\nADVERTISEMENT\n"), None)
    kept, low, starts, ends = _short_lines(doc, 15)
    assert [line.text for line in kept] == ["Markets Rally", "ADVERTISEMENT"]
    assert low == "markets rally\nadvertisement"
    assert [low[a:b] for a, b in zip(starts, ends, strict=True)] == ["markets rally", "advertisement"]
    assert "shares rose sharply on monday." in _short_lines(doc, 100)[1]


def test_a_block_reads_its_text_from_its_documents_prose_in_every_format() -> None:
    pages = {
        "a.txt": "Markets rally\n\nShares rose.\r\n\r\nBonds fell.\n",
        "a.md": "# Markets rally\n\nShares *rose*.\n\n- Bonds fell.\n",
        "a.html": "<h1>Markets rally</h1><p>Shares <b>rose</b>.</p><p>Bonds &amp; gilts fell.</p>",
    }
    for name, page in pages.items():
        doc = read_document(Source(name, page), None)
        assert [b.text for b in doc.blocks] == [doc.text[b.start : b.end] for b in doc.blocks]
        assert all(b._prose is doc.text and b._text is None for b in doc.blocks), name
    assert Block("paragraph", 0, 4, 0, "Text").text == "Text"  # a block in no document keeps its own


def test_a_prose_builder_that_keeps_no_pieces_keeps_their_length_and_map() -> None:
    kept, bare = ProseBuilder(), ProseBuilder(keep=False)
    for prose in (kept, bare):
        prose.add("Tom", 10)
        prose.add(" said", 13)
        prose.add_gap("\n\n", 23)
        prose.add("&", 23, 5)
    assert bare.parts == [] and kept.parts == ["Tom", " said", "\n\n", "&"]
    assert bare.length == kept.length == 11 and bare.map.segments == kept.map.segments


def test_plain_text_blocks_made_without_pieces_are_those_made_with_them() -> None:
    from newslint.document.readers.text import _collect, _runs_are_text, _scan

    shapes = {
        "Markets rally\n\nShares rose.\n\n- a list entry\n\nBonds fell.": True,
        "Markets rally\nOn two lines\n\nShares rose.": True,
        "Markets rally\n\nShares rose.\n": False,
        "\nMarkets rally\n\nShares rose.": False,
        "Markets rally\n\n\nShares rose.": False,
        "": True,
        "\n\n": False,
    }
    for raw, stored in shapes.items():
        source = Source("a.txt", raw)
        runs, _ = _scan(source)
        assert _runs_are_text(raw, runs) == stored, raw
        kept, bare = _collect(source, runs, keep=True), _collect(source, runs, keep=False)
        assert bare.prose.parts == [] and _fields(bare.blocks) == _fields(kept.blocks)
        assert bare.prose.map.segments == kept.prose.map.segments and bare.prose.length == kept.prose.length
        doc = read_document(source, None)
        assert _fields(doc.blocks) == _fields(kept.blocks) and (doc.text is raw) == stored, raw


def _fields(blocks: list[Block]) -> list[tuple[object, ...]]:
    """What a block is but its text (a block is bound to its document's prose when read)."""
    return [(b.kind, b.start, b.end, b.index, b.src) for b in blocks]
