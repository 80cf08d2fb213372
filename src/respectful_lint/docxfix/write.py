"""Writing placed edits into a Word document's XML parts: changed ``w:t`` elements replaced,
as plain text or as tracked revisions, and the archive rebuilt with every other byte as it
was."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from typing import Any
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
        if track is None:
            parts[name] = mirror_fallbacks(raw, parts[name])
    return _rezip(archive, parts)


# --- a text box's copy for older programs -----------------------------------------------------

# Word writes a text box twice, in an mc:AlternateContent: the box programs since Word 2010
# show (mc:Choice), and a copy for older ones (mc:Fallback), each with its paragraphs in a
# w:txbxContent. The reader reads the first; a fix must reach the second too, or the old
# words stay in the file for any program that reads it.
_TAG = re.compile(rb"<(/?)(mc:AlternateContent|mc:Choice|mc:Fallback|w:txbxContent)\b[^>]*?(/?)>")
_TEXT = re.compile(rb"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|</w:p>")


def _boxes(data: bytes) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """For each AlternateContent block that nests no other, in order, the spans of the
    w:txbxContent of its mc:Choice and of its mc:Fallback; blocks without both are left out,
    and a part whose elements do not nest as expected gives none. One pass over the tags."""
    out: list[tuple[tuple[int, int], tuple[int, int]]] = []
    # the open elements: name, start, and for a block [nests another, box, copy]
    stack: list[tuple[bytes, int, list[Any]]] = []
    branch: bytes | None = None  # the mc:Choice or mc:Fallback the tags are in
    for m in _TAG.finditer(data):
        closing, name, empty = m.group(1), m.group(2), m.group(3)
        if empty:
            continue
        if not closing:
            if name == b"mc:AlternateContent":
                outer = next((f for n, _, f in reversed(stack) if n == name), None)
                if outer is not None:
                    outer[0] = True  # (the nearest block: each marks its own in turn)
            elif name in (b"mc:Choice", b"mc:Fallback"):
                branch = name
            stack.append((name, m.start(), [False, None, None]))
            continue
        if not stack or stack[-1][0] != name:
            return []  # not as expected: leave every copy as it is
        _, begin, frame = stack.pop()
        if name == b"w:txbxContent" and branch is not None:
            block = next((f for n, _, f in reversed(stack) if n == b"mc:AlternateContent"), None)
            slot = 1 if branch == b"mc:Choice" else 2
            if block is not None and block[slot] is None:
                block[slot] = (begin, m.end())
        elif name in (b"mc:Choice", b"mc:Fallback"):
            branch = None
        elif name == b"mc:AlternateContent" and not frame[0] and frame[1] and frame[2]:
            out.append((frame[1], frame[2]))
    return out if not stack else []


def _words(xml: bytes) -> list[bytes]:
    """A text box's text, paragraph by paragraph."""
    paragraphs: list[bytes] = [b""]
    for m in _TEXT.finditer(xml):
        if m.group(1) is None:
            paragraphs.append(b"")
        else:
            paragraphs[-1] += m.group(1)
    return paragraphs


def mirror_fallbacks(old: bytes, new: bytes) -> bytes:
    """``new`` (a part with fixes written in) with each text box's copy for older programs
    made the same as the box it copies, where the fixes changed the box and the copy held
    the same text as the box before them (a copy that differs is left as it is)."""
    if b"mc:Fallback" not in new:
        return new
    before, after = _boxes(old), _boxes(new)
    if len(before) != len(after):
        return new
    out: list[bytes] = []
    at = 0
    for (old_box, old_copy), (box, copy) in zip(before, after, strict=True):
        unchanged = new[box[0] : box[1]] == old[old_box[0] : old_box[1]]
        if unchanged or _words(old[old_box[0] : old_box[1]]) != _words(
            old[old_copy[0] : old_copy[1]]
        ):
            continue
        out += [new[at : copy[0]], new[box[0] : box[1]]]
        at = copy[1]
    out.append(new[at:])
    return b"".join(out)


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
