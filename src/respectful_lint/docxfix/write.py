"""Writing placed edits into a Word document's XML parts: changed ``w:t`` elements replaced,
as plain text or as tracked revisions, and the archive rebuilt with every other byte as it
was."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from xml.sax.saxutils import escape

from ..readers.docx import _parts
from .locate import TextNode
from .place import DocText

AUTHOR = "respectful-lint"


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


def write(archive: zipfile.ZipFile, path: str, doc: DocText, track_changes: bool) -> bytes:
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
