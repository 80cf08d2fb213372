"""Plain text.

Paragraphs are grouped into segments of about 64 KB (a blank line between paragraphs becomes a
paragraph mark in the normalized view, so no phrase or pattern matches across it). A paragraph
longer than that is cut at a sentence end, or failing that at a space, so memory stays bounded
even for a 10 MB line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from ..model import ChunkedText, Document, OffsetMap, Segment

SEGMENT_SIZE = 64 * 1024
_SENTENCE_CUT = re.compile(r"[.!?][\"')\]]*\s+|\n[ \t\r]*\n\s*")


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
            piece = piece[: _cut(piece)]
        if piece.strip():
            yield Segment(piece, OffsetMap.identity(len(piece), base + start), kind)
        start += len(piece)


def _cut(piece: str) -> int:
    """The best place to end a segment within ``piece``: after a paragraph, sentence or space."""
    para = piece.rfind("\n\n")
    if para > 0:
        return para + 2
    best = -1
    for m in _SENTENCE_CUT.finditer(piece, max(0, len(piece) - 4096)):
        best = m.end()
    if best > 0:
        return best
    space = max(piece.rfind(" "), piece.rfind("\n"))
    return space + 1 if space > 0 else len(piece)
