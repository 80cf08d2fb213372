"""Word documents (.docx), read straight from their WordprocessingML parts.

A .docx file is a zip archive of XML parts. The body (with its tables, nested tables and text
boxes), the headers and footers, the footnotes and endnotes and the comments are read with the
standard library's ``zipfile`` and its expat XML parser, streaming, without building a tree.
Deleted tracked changes, moved-from text, field codes and the fallback copies of text boxes
(which Word writes twice) are skipped. A phrase split across runs with different formatting
is one phrase; where the formatting changes is kept (``Document.styled``), and a fix across
such a change is unsafe, as one across markup is in Markdown or HTML.

Every paragraph is one line of the document's text, so a finding's line is its paragraph
number (counted through the body first, then headers, footers, footnotes, endnotes and
comments), its column the character in the paragraph, and its
:class:`~respectful_lint.model.Location` names the part and the paragraph's number in it.

The archive's directory is checked before anything is inflated: more than ``MAX_MEMBERS``
members or more than ``MAX_UNCOMPRESSED`` bytes in all is refused as a likely zip bomb. Parts
are inflated and parsed 64 KB at a time, and each paragraph is handed on as soon as it (and
any paragraph nested in it) ends, so memory does not grow with the number of paragraphs;
more than ``MAX_ELEMENTS`` XML elements in all is refused, since tiny elements compress so well
that a small file can hold millions of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import accumulate
from typing import TYPE_CHECKING, ClassVar

from msgspec.structs import replace

from ..errors import LintError
from ..model import Document, Location, OffsetMap, Segment
from .docx_walk import Paragraph, PartWalker, Refused, TooManyElements
from .text import SEGMENT_SIZE
from .text import segments as text_segments

if TYPE_CHECKING:
    import zipfile

MAX_MEMBERS = 10_000
MAX_UNCOMPRESSED = 1 << 30  # 1 GiB over all members, as the zip directory declares
MAX_XML = 256 << 20  # the XML parts that are read, together
MAX_ELEMENTS = 2_000_000  # XML elements in the parts that are read, together
MAX_TOKEN = 4 << 20  # bytes of one XML token (a comment, an attribute, a run of text)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old .doc files
_PARTS = (
    ("header", re.compile(r"word/header(\d*)\.xml")),
    ("footer", re.compile(r"word/footer(\d*)\.xml")),
    ("footnote", re.compile(r"word/footnotes\.xml")),
    ("endnote", re.compile(r"word/endnotes\.xml")),
    ("comment", re.compile(r"word/comments\.xml")),
)
_MAIN = "word/document.xml"


class DocxReader:
    name: ClassVar[str] = "docx"
    extensions: ClassVar[tuple[str, ...]] = (".docx",)
    binary: ClassVar[bool] = True

    def read(self, text: str, path: str) -> Document:
        del text
        raise LintError(f"{path}: a Word document is read from its bytes, not from text")

    def read_bytes(self, data: bytes, path: str) -> Document:
        texts: list[str] = []
        segments: list[Segment] = []
        offset = 0
        anchored: list[tuple[Paragraph, str, int]] = []  # paragraphs with comment marks
        styled: list[int] = []  # where formatting changes inside a paragraph
        for para in read_paragraphs(data, path):
            ptext = para.text()
            texts.append(ptext)
            styled.extend(offset + at for at in para.breaks)
            if para.marks or para.comment is not None:
                anchored.append((para, ptext, offset))
            if ptext.strip():
                location = Location(para.part, para.number, None, *para.place)
                kind = "heading" if para.heading else "cell" if para.part == "table" else "prose"
                if len(ptext) <= SEGMENT_SIZE:
                    offsets = OffsetMap.identity(len(ptext), offset)
                    segments.append(Segment(ptext, offsets, kind, location=location))
                else:
                    segments.extend(
                        replace(s, location=location) for s in text_segments(ptext, offset, kind)
                    )
            offset += len(ptext) + 1
        text = "\n".join(texts)
        document = Document(
            path=path, format=self.name, text=text, segments=segments, styled=styled
        )
        document.comments = _comment_anchors(anchored)
        return document


def _comment_anchors(anchored: list[tuple[Paragraph, str, int]]) -> list[tuple[int, int, str]]:
    """(start, end, comment text) of each Word comment, from the marks of its range.
    ``anchored`` holds each paragraph with marks or comment text, its text and its offset."""
    begin: dict[str, int] = {}
    end: dict[str, int] = {}
    notes: dict[str, list[str]] = {}
    for para, ptext, start in anchored:
        if para.marks:
            sizes = [0, *accumulate(len(p) for p in para.pieces)]
        for kind, ident, piece in para.marks:
            at = start + (len(ptext) if piece < 0 else min(sizes[piece], len(ptext)))
            (begin if kind == "start" else end).setdefault(ident, at)
        if para.comment is not None:
            notes.setdefault(para.comment, []).append(ptext)
    return [
        (begin[i], max(end[i], begin[i]), "\n".join(notes[i]))
        for i in sorted(begin, key=begin.__getitem__)
        if i in end and i in notes
    ]


def unreadable(data: bytes, path: str) -> str:
    """Why ``data``, which is no zip archive, cannot be read as a Word document."""
    if data.startswith(_OLE_MAGIC):
        return (
            f"{path}: cannot read: an encrypted (password-protected) Word document or an old "
            ".doc file; save it as a .docx without a password"
        )
    return f"{path}: cannot read: not a Word document (not a zip archive)"


def read_paragraphs(data: bytes, path: str) -> Iterator[Paragraph]:
    """Every paragraph of every part that people read, in reading order, one by one."""
    import io
    import struct
    import zipfile
    import zlib

    if data.startswith(_OLE_MAGIC):
        raise LintError(unreadable(data, path))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise LintError(unreadable(data, path)) from None
    with archive:
        parts = _parts(archive, path)
        budget = [MAX_ELEMENTS]  # elements left, over all parts
        for kind, name in parts:
            try:
                yield from _parse_part(archive, name, kind, budget, path)
            except (
                zipfile.BadZipFile,
                zlib.error,
                EOFError,
                OSError,
                NotImplementedError,
                ValueError,  # a damaged local header: "negative seek value"
                struct.error,
            ) as e:
                raise LintError(f"{path}: cannot read {name}: damaged archive ({e})") from None


def _parts(archive: zipfile.ZipFile, path: str) -> list[tuple[str, str]]:
    """(kind, member name) of the parts to read, after checking the archive's directory."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise LintError(
            f"{path}: refused: {len(infos)} archive members (limit {MAX_MEMBERS}); "
            "this does not look like a Word document"
        )
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise LintError(
            f"{path}: refused: {total / 2**20:.0f} MB when uncompressed "
            f"(limit {MAX_UNCOMPRESSED // 2**20} MB); this looks like a zip bomb"
        )
    names = {i.filename: i for i in infos}
    if _MAIN not in names:
        raise LintError(f"{path}: cannot read: not a Word document (no {_MAIN})")
    chosen = [("body", _MAIN)]
    for kind, pattern in _PARTS:
        found = []
        for name in names:
            m = pattern.fullmatch(name)
            if m:
                number = m.group(1) if m.groups() else ""
                found.append((int(number) if number else 0, name))
        chosen.extend((kind, name) for _, name in sorted(found))
    if any(names[name].flag_bits & 0x1 for _, name in chosen):
        raise LintError(f"{path}: cannot read: the archive is encrypted")
    xml_size = sum(names[name].file_size for _, name in chosen)
    if xml_size > MAX_XML:
        raise LintError(
            f"{path}: refused: {xml_size / 2**20:.0f} MB of document XML "
            f"(limit {MAX_XML // 2**20} MB)"
        )
    return chosen


def _parse_part(
    archive: zipfile.ZipFile, name: str, kind: str, budget: list[int], path: str
) -> Iterator[Paragraph]:
    from xml.parsers import expat

    walker = PartWalker(kind, budget)
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler = walker.start
    parser.EndElementHandler = walker.end
    parser.CharacterDataHandler = walker.chars

    def refuse(*args: object) -> None:
        raise Refused("a document type declaration")

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        with archive.open(name) as fh:
            gap = 0  # bytes since the last ">": the length of the token being read
            while chunk := fh.read(1 << 16):
                first = chunk.find(b">")
                gap += len(chunk) if first == -1 else first
                if gap > MAX_TOKEN:
                    # expat buffers a token whole and scans it again with each chunk fed, so
                    # one long comment or attribute takes time that grows as its square
                    raise Refused(f"an XML token longer than {MAX_TOKEN / 2**20:.3g} MB")
                if first != -1:
                    gap = len(chunk) - chunk.rfind(b">") - 1
                parser.Parse(chunk, False)
                yield from walker.take()
        parser.Parse(b"", True)
        yield from walker.take()
        yield from walker.out  # paragraphs left open by a truncated part
    except expat.ExpatError as exc:
        raise LintError(
            f"{path}: cannot read {name}: invalid XML at line {exc.lineno}, "
            f"column {exc.offset + 1}: {expat.ErrorString(exc.code)}"
        ) from None
    except TooManyElements:
        raise LintError(
            f"{path}: refused {name}: more than {MAX_ELEMENTS:,} XML elements; this looks like a "
            "decompression bomb"
        ) from None
    except Refused as exc:
        raise LintError(f"{path}: refused {name}: {exc}") from None
