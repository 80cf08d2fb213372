"""Line and column of any offset, however findings ask for them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from respectful_lint.model import ChunkedText, Document, line_starts

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
