"""Plain text.

Paragraphs are grouped into segments of about 64 KB (a blank line between paragraphs becomes a
paragraph mark in the normalized view, so no phrase or pattern matches across it). A paragraph
longer than that is cut at a sentence end, or failing that at a space, so memory stays bounded
even for a 10 MB line.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ..model import ChunkedText, Document, OffsetMap, Segment
from ..sentences import SEGMENT_SIZE as SEGMENT_SIZE
from ..sentences import cut_at


class TextReader:
    name: ClassVar[str] = "text"
    extensions: ClassVar[tuple[str, ...]] = (".txt", ".text")
    # Very large files may be handed over in chunks (see ChunkedText), never as one string.
    chunked: ClassVar[bool] = True

    def read(self, text: str | ChunkedText, path: str) -> Document:
        return Document(path=path, format=self.name, text=text, segments=segments(text))


def segments(text: str | ChunkedText, base: int = 0, kind: str = "prose") -> Iterator[Segment]:
    """Cut text into segments of about ``SEGMENT_SIZE``, preferring paragraph and sentence ends."""
    start = 0
    n = len(text)
    while start < n:
        piece = text[start : min(start + SEGMENT_SIZE, n)]
        if start + len(piece) < n:
            piece = piece[: cut_at(piece)]
        if piece.strip():
            yield Segment(piece, OffsetMap.identity(len(piece), base + start), kind)
        start += len(piece)
