"""Plain text: each paragraph (text between blank lines) is one segment."""

from __future__ import annotations

import re
from typing import ClassVar

from ..model import Document, OffsetMap, Segment

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*|\r[ \t\f\v]*\r\s*")


class TextReader:
    name: ClassVar[str] = "text"
    extensions: ClassVar[tuple[str, ...]] = (".txt", ".text", ".rst")

    def read(self, text: str, path: str) -> Document:
        return Document(path=path, format=self.name, text=text, segments=list(paragraphs(text)))


def paragraphs(text: str, base: int = 0, kind: str = "prose") -> list[Segment]:
    """Split text at blank lines into segments mapped back to ``base``-relative offsets."""
    out: list[Segment] = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if m.start() > start:
            out.append(_segment(text, start, m.start(), base, kind))
        start = m.end()
    if start < len(text) and text[start:].strip():
        out.append(_segment(text, start, len(text), base, kind))
    return out


def _segment(text: str, start: int, end: int, base: int, kind: str) -> Segment:
    return Segment(text[start:end], OffsetMap.identity(end - start, base + start), kind)
