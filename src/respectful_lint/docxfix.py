"""Fixing Word documents: new wording written into the runs of the document's XML parts.

The parts are read again with the reader's own walker (so paragraphs and offsets are the ones
findings were made from), noting where in the XML bytes each ``w:t`` element's text lies. Only
those elements change; every other byte of a part, and every other member of the archive,
stays as it was.

A fix keeps the characters it does not change in their own runs, with their own formatting,
and puts the new characters in the run where the change starts: the first run of the match,
or the run after the last character that stays ("**street**walkers" becomes
"**street**-based sex workers"). With ``track_changes`` the change is written as a Word
revision (``w:del`` and ``w:ins`` by "respectful-lint") that staff can accept or reject.
"""

from __future__ import annotations

import io
import re
import zipfile
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape

from .agreement import common_ends
from .edits import Edit, apply_edits, check_edits
from .errors import LintError
from .model import Finding
from .readers.docx import MAX_ELEMENTS, Paragraph, _parts, _PartWalker, read_paragraphs

AUTHOR = "respectful-lint"


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


class _Locator(_PartWalker):
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


def _locate(archive: zipfile.ZipFile, path: str) -> tuple[list[Paragraph], list[TextNode]]:
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


def _place(nodes: Sequence[TextNode], a: int, b: int, text: str) -> bool:
    """Record, on the text elements of one paragraph, the edit of characters ``a:b`` into
    ``text``. False when the characters are not all text (a tab, a line break, a field)."""
    if a == b:
        if not text:
            return True
        chosen = (
            next((n for n in nodes if n.start < a <= n.end), None)
            or next((n for n in nodes if n.start <= a < n.end), None)
            or next((n for n in nodes if n.start == a == n.end), None)  # an empty w:t
        )
        if chosen is None:
            return False
        chosen.ops.append((a - chosen.start, a - chosen.start, text))
        return True
    covered = a
    touched: list[TextNode] = []
    for node in nodes:
        if node.end <= a or node.start == node.end:
            continue
        if node.start > covered or node.start >= b:
            break
        touched.append(node)
        covered = max(covered, node.end)
        if covered >= b:
            break
    if not touched or touched[0].start > a or covered < b:
        return False
    for i, node in enumerate(touched):
        lo, hi = max(a, node.start), min(b, node.end)
        node.ops.append((lo - node.start, hi - node.start, text if i == 0 else ""))
    return True


@dataclass(slots=True)
class _Doc:
    paragraphs: list[Paragraph]
    nodes: list[TextNode]
    starts: list[int]  # document offset of each paragraph
    texts: list[str]
    full: str  # the document's text, as the reader makes it
    by_paragraph: dict[int, list[TextNode]]


def _doc(archive: zipfile.ZipFile, path: str) -> _Doc:
    paragraphs, nodes = _locate(archive, path)
    texts = [p.text() for p in paragraphs]
    starts: list[int] = []
    at = 0
    for t in texts:
        starts.append(at)
        at += len(t) + 1
    by_paragraph: dict[int, list[TextNode]] = {}
    for node in nodes:
        by_paragraph.setdefault(id(node.paragraph), []).append(node)
    return _Doc(paragraphs, nodes, starts, texts, "\n".join(texts), by_paragraph)


def _apply_finding(doc: _Doc, f: Finding, track: bool) -> bool:
    """Record a finding's edits on the text elements; False (and nothing recorded) if one of
    its edits cannot be made."""
    assert f.fix is not None
    if doc.full[f.start : f.end] != f.matched:
        return False
    return _apply_edits(doc, f.fix.edits, track)


def _apply_edits(doc: _Doc, edits: Sequence[Edit], track: bool) -> bool:
    """Record edits (document offsets) on the text elements; False (and nothing recorded)
    if one of them cannot be made."""
    planned: list[tuple[list[TextNode], int, int, str]] = []
    for s, e, new in edits:
        i = bisect_right(doc.starts, s) - 1
        base = doc.starts[i]
        ptext = doc.texts[i]
        if e - base > len(ptext):
            return False
        nodes = doc.by_paragraph.get(id(doc.paragraphs[i]), [])
        if track and any(n.run is None or n.run.in_revision for n in nodes):
            return False
        cuts = frozenset(n.start - (s - base) for n in nodes)
        k, j = common_ends(ptext[s - base : e - base], new, cuts)
        planned.append((nodes, s - base + k, e - base - j, new[k : len(new) - j]))
    saved = [(n, len(n.ops)) for nodes, *_ in planned for n in nodes]
    for nodes, a, b, text in planned:
        if not _place(nodes, a, b, text):
            for node, count in saved:
                del node.ops[count:]
            return False
    return True


def _new_text(old: str, ops: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """The node's text as (kind, text) pieces: kept ``=``, deleted ``-`` and inserted ``+``."""
    out: list[tuple[str, str]] = []
    at = 0
    for s, e, text in sorted(ops, key=lambda o: (o[0], o[1])):
        if s > at:
            out.append(("=", old[at:s]))
        if e > s:
            out.append(("-", old[s:e]))
        if text:
            out.append(("+", text))
        at = max(at, e)
    if at < len(old):
        out.append(("=", old[at:]))
    return out


def _t(prefix: bytes, local: bytes, text: str) -> bytes:
    body = escape(text).encode("utf-8")
    return b'<%s%s xml:space="preserve">%s</%s%s>' % (prefix, local, body, prefix, local)


class _Revisions:
    def __init__(self, first_id: int) -> None:
        self.next_id = first_id
        self.date = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ").encode()

    def mark(self, prefix: bytes, kind: bytes, content: bytes) -> bytes:
        rid = str(self.next_id).encode()
        self.next_id += 1
        attrs = b'%sid="%s" %sauthor="%s" %sdate="%s"' % (
            prefix,
            rid,
            prefix,
            AUTHOR.encode(),
            prefix,
            self.date,
        )
        return b"<%s%s %s>%s</%s%s>" % (prefix, kind, attrs, content, prefix, kind)


def _element(node: TextNode, old: str, track: _Revisions | None) -> bytes:
    """The XML that replaces a changed ``w:t`` element."""
    pieces = _new_text(old, node.ops)
    p = node.prefix
    if track is None or node.run is None:
        return _t(p, b"t", "".join(text for kind, text in pieces if kind != "-"))
    run = node.run
    out: list[bytes] = []
    kept: list[str] = []
    opened = True  # inside the original run
    for kind, text in pieces:
        if kind == "=":
            if not opened:
                out.append(run.start_tag + run.props)
                opened = True
            kept.append(text)
            continue
        if opened:
            out.append(_t(p, b"t", "".join(kept)) + b"</%sr>" % p)
            kept = []
            opened = False
        inner = _t(p, b"delText" if kind == "-" else b"t", text)
        revision = b"<%sr>%s%s</%sr>" % (p, run.props, inner, p)
        out.append(track.mark(p, b"del" if kind == "-" else b"ins", revision))
    if not opened:
        out.append(run.start_tag + run.props)
    out.append(_t(p, b"t", "".join(kept)))
    return b"".join(out)


_IDS = re.compile(rb""":id\s*=\s*["'](-?\d+)["']""")


def _check_readable(data: bytes, path: str) -> None:
    """The reader's checks (size and element limits, encryption, damage): read every
    paragraph once and keep none."""
    for _ in read_paragraphs(data, path):
        pass


def apply_docx(
    data: bytes, findings: Sequence[Finding], *, track_changes: bool = False, path: str = "<docx>"
) -> tuple[bytes, int]:
    """The document with the fixes of ``findings`` (chosen, not overlapping) written in, and
    how many were applied."""
    _check_readable(data, path)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        doc = _doc(archive, path)
        applied = sum(1 for f in findings if _apply_finding(doc, f, track_changes))
        if not applied:
            return data, 0
        return _write(archive, path, doc, track_changes), applied


def apply_docx_edits(
    data: bytes, edits: Sequence[Edit], *, track_changes: bool = False, path: str = "<docx>"
) -> bytes:
    """The document with one batch of edits written in, in the offsets of its text as the
    reader reads it (one line a paragraph). An error, and nothing written, when an edit
    crosses a paragraph, falls where there is no text (a tab, a field), or, with
    ``track_changes``, lies in a paragraph that already holds a tracked insertion."""
    _check_readable(data, path)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        doc = _doc(archive, path)
        ordered = check_edits(len(doc.full), edits)
        for edit in ordered:
            if not _apply_edits(doc, [edit], track_changes):
                shown = doc.full[edit[0] : edit[1]].replace("\n", " ")
                raise LintError(
                    f"{path}: cannot write the change of '{shown}' at {edit[0]}: it crosses a "
                    "paragraph, a tab or a field, or meets another tracked change"
                )
        if not ordered:
            return data
        out = _write(archive, path, doc, track_changes)
    if paragraph_text(out, path) != apply_edits(doc.full, ordered) + "\n":
        raise LintError(f"{path}: cannot write a corrected copy of this document")
    return out


def _write(archive: zipfile.ZipFile, path: str, doc: _Doc, track_changes: bool) -> bytes:
    """The archive with the edits recorded on ``doc``'s text elements written in."""
    changed: dict[str, list[TextNode]] = {}
    for node in doc.nodes:
        if node.ops:
            changed.setdefault(node.part, []).append(node)
    track = None
    if track_changes:
        xml = [name for _, name in _parts(archive, path)]
        ids = [int(m) for name in xml for m in _IDS.findall(archive.read(name))]
        track = _Revisions(max(ids, default=0) + 1)
    parts: dict[str, bytes] = {}
    for name, nodes in changed.items():
        raw = archive.read(name)
        out: list[bytes] = []
        at = 0
        for node in sorted(nodes, key=lambda n: n.element[0]):
            old = "".join(node.paragraph.pieces[node.first_piece : node.last_piece])
            out += [raw[at : node.element[0]], _element(node, old, track)]
            at = node.element[1]
        out.append(raw[at:])
        parts[name] = b"".join(out)
    return _rezip(archive, parts)


def _rezip(archive: zipfile.ZipFile, parts: dict[str, bytes]) -> bytes:
    """The archive with ``parts`` replaced; every other member copied as it was."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for info in archive.infolist():
            copy = zipfile.ZipInfo(info.filename, info.date_time)
            copy.compress_type = info.compress_type
            copy.external_attr = info.external_attr
            copy.create_system = info.create_system
            content = parts.get(info.filename)
            out.writestr(copy, content if content is not None else archive.read(info))
    return buffer.getvalue()


def paragraph_text(data: bytes, path: str) -> str:
    """A document's text, one paragraph a line, as findings see it (for ``--diff``)."""
    return "\n".join(p.text() for p in read_paragraphs(data, path)) + "\n"
