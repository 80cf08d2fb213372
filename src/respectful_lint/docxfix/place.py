"""Edits placed on text elements: each change of the document's text (in the offsets findings
use) becomes edits of the ``w:t`` elements that hold those characters, keeping the characters
it does not change in their own runs."""

from __future__ import annotations

import zipfile
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ..agreement import common_ends
from ..edits import Edit
from ..model import Finding
from ..readers.docx_walk import Paragraph
from .locate import TextNode, locate


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
class DocText:
    """A document's paragraphs and text elements, with its text as the reader makes it."""

    paragraphs: list[Paragraph]
    nodes: list[TextNode]
    starts: list[int]  # document offset of each paragraph
    texts: list[str]
    full: str  # the document's text, as the reader makes it
    by_paragraph: dict[int, list[TextNode]]


def doc_text(archive: zipfile.ZipFile, path: str) -> DocText:
    paragraphs, nodes = locate(archive, path)
    texts = [p.text() for p in paragraphs]
    starts: list[int] = []
    at = 0
    for t in texts:
        starts.append(at)
        at += len(t) + 1
    by_paragraph: dict[int, list[TextNode]] = {}
    for node in nodes:
        by_paragraph.setdefault(id(node.paragraph), []).append(node)
    return DocText(paragraphs, nodes, starts, texts, "\n".join(texts), by_paragraph)


def place_finding(doc: DocText, f: Finding, track: bool) -> bool:
    """Record a finding's edits on the text elements; False (and nothing recorded) if one of
    its edits cannot be made."""
    assert f.fix is not None
    if doc.full[f.start : f.end] != f.matched:
        return False
    return place_edits(doc, f.fix.edits, track)


def place_edits(doc: DocText, edits: Sequence[Edit], track: bool) -> bool:
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
