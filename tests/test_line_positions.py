"""Line and column of any offset, however findings ask for them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from respectful_lint.model import ChunkedText, Document, line_starts
from respectful_lint.model.document import LineIndex

texts = st.lists(st.sampled_from(["ab", "\n", "\r\n", "\r", " ", "\U0001f600", "é"]), max_size=40)


def expected(text: str, offset: int) -> tuple[int, int]:
    starts = list(line_starts(text))
    line = max(i for i, s in enumerate(starts) if s <= offset)
    return line + 1, offset - starts[line] + 1


@given(texts.map("".join), st.lists(st.integers(0, 200), max_size=8), st.booleans())
def test_positions_and_line_text_agree_with_a_full_line_index(
    text: str, offsets: list[int], chunked: bool
) -> None:
    source: str | ChunkedText = ChunkedText([text[:5], text[5:]]) if chunked else text
    if chunked and text[4:6] == "\r\n":
        return  # ChunkedText chunks never end in "\r"
    doc = Document(path="x", format="text", text=source)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for offset in [o % (len(text) + 1) for o in offsets]:
        line, column = doc.position(offset)
        assert (line, column) == expected(text, offset)
        assert doc.line_text(line) == lines[line - 1]


@given(texts.map("".join), st.integers(1, 7), st.lists(st.integers(0, 80), max_size=4))
def test_a_long_text_indexed_by_blocks_gives_the_same_positions_and_lines(
    text: str, block: int, cuts: list[int]
) -> None:
    """Long texts list their line starts block by block; blocks are made tiny here so that
    line breaks of every kind fall on and around block edges. A text in chunks (as a large
    file is read) is indexed the same, its blocks within its chunks."""
    edges = sorted({c for c in cuts if 0 < c < len(text) and text[c - 1] != "\r"})
    chunks = [text[a:b] for a, b in zip([0, *edges], [*edges, len(text)], strict=True)]
    source: str | ChunkedText = ChunkedText(chunks) if edges else text
    original, LineIndex.BLOCK = LineIndex.BLOCK, block
    try:
        index = LineIndex(source)
    finally:
        LineIndex.BLOCK = original
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for offset in range(len(text) + 1):
        line, column = index.position(offset)
        assert (line, column) == expected(text, offset)
        start, end = index.line_span(line)
        assert text[start:end].rstrip("\r\n") == lines[line - 1]


def test_a_long_document_reports_lines_through_a_block_index() -> None:
    text = "one line\n" * 100_000 + "last line"
    doc = Document(path="x", format="text", text=text)
    assert doc.position(len(text) - 4) == (100_001, 6)
    assert doc.line_text(100_001) == "last line"
    assert doc.line_text(50_000) == "one line"
    assert isinstance(doc._line_starts, LineIndex)
