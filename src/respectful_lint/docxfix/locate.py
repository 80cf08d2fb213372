"""Where the text of a Word document sits in its XML: each ``w:t`` element's bytes, the run it
belongs to (start tag and formatting, as written) and the characters of its paragraph it holds.

The parts are read with the reader's own walker, so paragraphs and offsets are the ones
findings were made from.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from ..readers.docx import MAX_ELEMENTS, _parts
from ..readers.docx_walk import Paragraph, PartWalker


@dataclass(slots=True)
class Run:
    start_tag: bytes  # the run's start tag as written (<w:r w:rsidR="...">)
    props: bytes = b""  # its w:rPr element as written, or nothing
    in_revision: bool = False  # already inside a w:ins (a revision cannot hold another)


@dataclass(slots=True)
class TextNode:
    """One ``w:t`` element: where its text sits in its paragraph and in its part's bytes."""

    part: str
    paragraph: Paragraph
    first_piece: int
    last_piece: int = 0
    element: tuple[int, int] = (0, 0)  # bytes of the whole element
    prefix: bytes = b"w:"
    run: Run | None = None
    start: int = 0  # offset in the paragraph's text
    end: int = 0
    ops: list[tuple[int, int, str]] = field(default_factory=list)  # local (start, end, text)


def _tag_end(data: bytes, at: int) -> int:
    """The offset just after the ``>`` that ends the tag starting at ``at``."""
    quote = 0
    for i in range(at, len(data)):
        c = data[i]
        if quote:
            if c == quote:
                quote = 0
        elif c in (0x22, 0x27):
            quote = c
        elif c == 0x3E:
            return i + 1
    return len(data)


_PROPS_CHANGE = re.compile(rb"<([\w.-]+:|)rPrChange\b[^>]*?(?:/>|>.*?</\1rPrChange>)", re.DOTALL)


class _Locator(PartWalker):
    """The reader's walker, also noting the byte positions of runs and text elements."""

    def __init__(self, kind: str, name: str, budget: list[int], data: bytes) -> None:
        super().__init__(kind, budget)
        self.name = name
        self.data = data
        self.index = 0  # the byte offset of the event being handled
        self.parser: Any = None
        self.nodes: list[TextNode] = []
        self.runs: list[Run] = []
        self.node: TextNode | None = None
        self.props_at = -1
        self.props_depth = 0
        self.revisions = 0

    def on_start(self, raw: str, attrs: dict[str, str]) -> None:
        self.index = self.parser.CurrentByteIndex
        self.start(raw, attrs)

    def on_end(self, raw: str) -> None:
        self.index = self.parser.CurrentByteIndex
        self.end(raw)

    def start(self, raw: str, attrs: dict[str, str]) -> None:
        skipped = self.skip
        super().start(raw, attrs)
        word, local = self._name(raw)
        if skipped or self.skip or not word:
            return
        if local == "ins":
            self.revisions += 1
        elif local == "r":
            end = _tag_end(self.data, self.index)
            self.runs.append(Run(self.data[self.index : end], in_revision=self.revisions > 0))
        elif local == "rPr" and self.runs and self.node is None:
            self.props_depth += 1
            if self.props_depth == 1:  # not the old properties inside a w:rPrChange
                self.props_at = self.index
        elif local == "t" and self.open:
            tag_end = _tag_end(self.data, self.index)
            name = self.data[self.index + 1 : tag_end].split()[0].rstrip(b"/>")
            prefix = name[: name.rfind(b":") + 1]
            para = self.open[-1]
            node = TextNode(self.name, para, len(para.pieces), prefix=prefix)
            node.run = self.runs[-1] if self.runs else None
            if self.data[tag_end - 2 : tag_end] == b"/>":
                node.element = (self.index, tag_end)
                node.last_piece = node.first_piece
                self.nodes.append(node)
            else:
                node.element = (self.index, 0)
                self.node = node

    def end(self, raw: str) -> None:
        skipped = self.skip
        super().end(raw)
        word, local = self._name(raw)
        if skipped or not word:
            return
        if local == "ins":
            self.revisions -= 1
        elif local == "r" and self.runs:
            self.runs.pop()
        elif local == "rPr" and self.props_depth > 0:
            self.props_depth -= 1
            if self.props_depth or self.props_at < 0 or not self.runs:
                return
            at = self.props_at
            tag_end = _tag_end(self.data, at)
            stop = tag_end if self.data[tag_end - 2 : tag_end] == b"/>" else None
            if stop is None:
                stop = _tag_end(self.data, self.index)
            # a tracked formatting change has its own revision id: copies must not repeat it
            self.runs[-1].props = _PROPS_CHANGE.sub(b"", self.data[at:stop])
            self.props_at = -1
        elif local == "t" and self.node is not None:
            node = self.node
            node.element = (node.element[0], _tag_end(self.data, self.index))
            node.last_piece = len(node.paragraph.pieces)
            self.nodes.append(node)
            self.node = None


def locate(archive: zipfile.ZipFile, path: str) -> tuple[list[Paragraph], list[TextNode]]:
    """The paragraphs of every part, in the reader's order, and their text elements."""
    from xml.parsers import expat

    paragraphs: list[Paragraph] = []
    nodes: list[TextNode] = []
    budget = [MAX_ELEMENTS]  # elements left, over all parts, as the reader counts them
    for kind, name in _parts(archive, path):
        data = archive.read(name)
        walker = _Locator(kind, name, budget, data)
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        walker.parser = parser
        parser.StartElementHandler = walker.on_start
        parser.EndElementHandler = walker.on_end
        parser.CharacterDataHandler = walker.chars
        parser.Parse(data, True)
        paragraphs.extend(walker.out)  # every paragraph: none were taken while parsing
        if _utf8(data):  # edits are written as UTF-8: a part in another encoding is left alone
            nodes.extend(walker.nodes)
    offsets: dict[int, list[int]] = {}
    for node in nodes:
        pieces = node.paragraph.pieces
        starts = offsets.get(id(node.paragraph))
        if starts is None:
            starts = [0]
            for piece in pieces:
                starts.append(starts[-1] + len(piece))
            offsets[id(node.paragraph)] = starts
        node.start, node.end = starts[node.first_piece], starts[node.last_piece]
    return paragraphs, nodes


_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)""")


def _utf8(data: bytes) -> bool:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    m = _ENCODING.match(data[:200].removeprefix(b"\xef\xbb\xbf"))
    return m is None or m.group(1).lower().replace(b"_", b"-") in (b"utf-8", b"utf8")


# --- edits ------------------------------------------------------------------------------------
