"""Plain text.

Paragraphs are grouped into segments of about 64 KB (a blank line between paragraphs becomes a
paragraph separator in the normalized view, so no phrase matches across it). A paragraph longer
than that is cut at a sentence end, or failing that at a space, so memory stays bounded even for
a 10 MB line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from ..model import Document, OffsetMap, Segment

SEGMENT_SIZE = 64 * 1024
_SENTENCE_CUT = re.compile(r"[.!?][\"')\]]*\s+|\n[ \t\r]*\n\s*")


class TextReader:
    name: ClassVar[str] = "text"
    extensions: ClassVar[tuple[str, ...]] = (".txt", ".text", ".rst")

    def read(self, text: str, path: str) -> Document:
        return Document(path=path, format=self.name, text=text, segments=segments(text))


def segments(text: str, base: int = 0, kind: str = "prose") -> Iterator[Segment]:
    """Cut text into segments of about ``SEGMENT_SIZE``, preferring paragraph and sentence ends."""
    start = 0
    n = len(text)
    while start < n:
        end = min(start + SEGMENT_SIZE, n)
        if end < n:
            end = _cut(text, start, end)
        if text[start:end].strip():
            yield Segment(text[start:end], OffsetMap.identity(end - start, base + start), kind)
        start = end


def _cut(text: str, start: int, end: int) -> int:
    """The best place to end a segment at or before ``end``."""
    para = text.rfind("\n\n", start, end)
    if para > start:
        return para + 2
    best = -1
    for m in _SENTENCE_CUT.finditer(text, max(start, end - 4096), end):
        best = m.end()
    if best > start:
        return best
    space = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
    return space + 1 if space > start else end
