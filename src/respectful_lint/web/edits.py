"""Everything the web checker needs from a fixer, behind four functions.

- :func:`replacement_edits`: the edits that put one of a finding's suggestions in its place;
- :func:`safe_fix_edits`: the edits of every safe fix among some findings;
- :func:`apply_to_text`: apply a batch of edits to a text;
- :func:`apply_to_docx`: apply batches of edits to an uploaded Word document, keeping its
  formatting.

An edit is ``(start, end, replacement)`` in code points of the text it applies to; a batch
is a list of edits that do not overlap, all in the coordinates of the text before the batch.
Batches apply one after the other. The rest of the web checker only calls these functions.
"""

from __future__ import annotations

import io
import re
import zipfile
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import LintError
from ..model import Finding
from ..readers.docx import _MAIN, _MC, _PARTS, _RUN_CHARS, _SKIP, _W, read_paragraphs
from ..wording import article_fits

Edit = tuple[int, int, str]
Batch = Sequence[Edit]

MAX_REPLACEMENT = 1000


def replacement_edits(text: str, finding: Finding, index: int = 0) -> list[Edit]:
    """The edits that replace a finding's words with its suggestion number ``index``.

    The first suggestion uses the finding's own fix when it has one. Otherwise the matched
    words are replaced, and an "a" or "an" just before them is changed to fit the new words.
    """
    suggestion = finding.suggestions[index]
    fix = finding.fix
    if index == 0 and fix is not None:
        return [tuple(e) for e in fix.edits]  # type: ignore[misc]
    edits: list[Edit] = [(finding.start, finding.end, suggestion)]
    before = text[max(0, finding.start - 8) : finding.start]
    if not article_fits(before, suggestion):
        article = _ARTICLE.search(before)
        if article is not None:
            start = finding.start - len(before) + article.start(1)
            old = article.group(1)
            new = "a" if old.lower() == "an" else "an"
            new = new.capitalize() if old[:1].isupper() else new
            edits.insert(0, (start, start + len(old), new))
    return edits


_ARTICLE = re.compile(r"(?<![\w'\u2019])(an?)[ \t\u00a0]+$", re.IGNORECASE)


def safe_fix_edits(findings: Iterable[Finding]) -> list[Edit]:
    """One batch with the edits of every safe fix; a fix overlapping an earlier one waits."""
    out: list[Edit] = []
    reach = -1
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        fix = finding.fix
        if fix is None or fix.applicability != "safe":
            continue
        edits = sorted(fix.edits)
        if edits[0][0] < reach or (edits[0][0] == reach and edits[0][0] == edits[0][1]):
            continue
        out.extend(edits)
        reach = edits[-1][1]
    return out


def check_batch(text_length: int, batch: Batch) -> list[Edit]:
    """The batch sorted by position; a usage error when an edit is out of range or overlaps."""
    ordered = sorted(batch, key=lambda e: (e[0], e[1]))
    reach = 0
    for start, end, replacement in ordered:
        if not 0 <= start <= end <= text_length:
            raise LintError(f"edit {start}-{end} is outside the draft")
        if start < reach:
            raise LintError(f"edit {start}-{end} overlaps another edit")
        if len(replacement) > MAX_REPLACEMENT:
            raise LintError(f"edit {start}-{end}: the replacement is too long")
        reach = end
    return ordered


def apply_to_text(text: str, batch: Batch) -> str:
    """The text with one batch of edits applied."""
    parts: list[str] = []
    at = 0
    for start, end, replacement in check_batch(len(text), batch):
        parts += [text[at:start], replacement]
        at = end
    parts.append(text[at:])
    return "".join(parts)


# --- Word documents --------------------------------------------------------------------------


@dataclass(slots=True)
class _Piece:
    """A w:t element (its text) or a one-character run element (tab, break) of a paragraph."""

    element: Any
    start: int
    end: int
    is_text: bool


def apply_to_docx(data: bytes, batches: Sequence[Batch], name: str = "draft.docx") -> bytes:
    """A copy of a Word document with batches of edits applied to its text.

    Offsets are those of the document's text as the .docx reader reads it (one line per
    paragraph, through the body, then headers, footers, footnotes, endnotes and comments).
    Replacement words take the formatting of the run where the old words start; every other
    part of the archive is copied byte for byte. The copy is read back and compared with the
    text the edits should give, so a document this cannot edit faithfully is refused.
    """
    original = [p.text() for p in read_paragraphs(data, name)]
    expected = "\n".join(original)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        trees = {part: _parse(archive.read(part)) for part in _part_names(archive)}
        paragraphs = _paragraphs(trees)
        if [_piece_text(p.pieces) for p in paragraphs] != original:
            raise LintError(f"{name}: cannot write a corrected copy of this document")
        for batch in batches:
            edits = check_batch(len(expected), batch)
            for start, end, replacement in edits:
                if "\n" in expected[start:end] or "\n" in replacement or "\r" in replacement:
                    raise LintError(f"edit {start}-{end} crosses a paragraph")
            for index in _apply_batch(paragraphs, edits):
                paragraphs[index].refresh()
            expected = apply_to_text(expected, edits)
        out = _write(archive, trees)
    if "\n".join(p.text() for p in read_paragraphs(out, name)) != expected:
        raise LintError(f"{name}: cannot write a corrected copy of this document")
    return out


def _part_names(archive: zipfile.ZipFile) -> list[str]:
    names = set(archive.namelist())
    chosen = [_MAIN]
    for _, pattern in _PARTS:
        found = []
        for member in names:
            m = pattern.fullmatch(member)
            if m:
                number = m.group(1) if m.groups() else ""
                found.append((int(number) if number else 0, member))
        chosen.extend(member for _, member in sorted(found))
    return chosen


def _parse(xml: bytes) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(xml, parser)


def _local(tag: Any) -> tuple[bool, str]:
    """(is WordprocessingML, local name); markup-compatibility names get an ``mc:`` prefix."""
    if not isinstance(tag, str):
        return False, ""
    ns, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    if ns in _W:
        return True, local
    if ns == _MC:
        return False, "mc:" + local
    return False, local


@dataclass(slots=True)
class _Para:
    """A w:p element the .docx reader reads, with its pieces."""

    element: Any
    in_run: bool
    pieces: list[_Piece]

    def refresh(self) -> None:
        """Find the pieces again, after an edit (nested paragraphs keep theirs)."""
        self.pieces = []
        _walk(self.element, [], [self.pieces], self.in_run)


def _paragraphs(trees: dict[str, Any]) -> list[_Para]:
    """Every paragraph the .docx reader reads, in its order."""
    out: list[_Para] = []
    for tree in trees.values():
        _walk(tree, out, [], in_run=False)
    return out


def _walk(element: Any, out: list[_Para], open_: list[list[_Piece]], in_run: bool) -> None:
    for child in element:
        word, local = _local(child.tag)
        if local == "mc:Fallback" or (word and local in _SKIP) or _separator(word, local, child):
            continue
        if not word:
            _walk(child, out, open_, in_run)
        elif local == "p":
            pieces: list[_Piece] = []
            out.append(_Para(child, in_run, pieces))
            _walk(child, out, [*open_, pieces], in_run)
        elif local == "t":
            if open_:
                text = child.text or ""
                _add(open_[-1], child, len(text), is_text=True)
        elif local == "r":
            _walk(child, out, open_, in_run=True)
        elif in_run and open_ and local in _RUN_CHARS:
            _add(open_[-1], child, 1, is_text=False)
        else:
            _walk(child, out, open_, in_run)


def _separator(word: bool, local: str, element: Any) -> bool:
    if not word or local not in ("footnote", "endnote"):
        return False
    return any(
        k.endswith("}type") and v in ("separator", "continuationSeparator")
        for k, v in element.attrib.items()
    )


def _add(pieces: list[_Piece], element: Any, length: int, *, is_text: bool) -> None:
    start = pieces[-1].end if pieces else 0
    pieces.append(_Piece(element, start, start + length, is_text))


def _piece_text(pieces: list[_Piece]) -> str:
    out = "".join(
        (p.element.text or "") if p.is_text else _RUN_CHARS[_local(p.element.tag)[1]]
        for p in pieces
    )
    return out.replace("\r", " ").replace("\n", " ")


def _apply_batch(paragraphs: list[_Para], edits: list[Edit]) -> set[int]:
    """Apply edits (sorted, in document offsets); the indices of the paragraphs changed."""
    starts: list[int] = []
    base = 0
    for para in paragraphs:
        starts.append(base)
        base += (para.pieces[-1].end if para.pieces else 0) + 1
    touched: set[int] = set()
    for start, end, replacement in reversed(edits):
        index = bisect_right(starts, start) - 1
        _edit_paragraph(
            paragraphs[index].pieces, start - starts[index], end - starts[index], replacement
        )
        touched.add(index)
    return touched


def _edit_paragraph(pieces: list[_Piece], start: int, end: int, replacement: str) -> None:
    texts = [p for p in pieces if p.is_text]
    anchor = next((p for p in texts if p.start <= start < p.end), None)
    if anchor is None:
        anchor = next((p for p in texts if start <= p.end and p.start <= end), None)
    if anchor is None:
        raise LintError("an edit falls where the document has no text to change")
    for piece in pieces:
        if piece is anchor:
            text = piece.element.text or ""
            lo = max(0, start - piece.start)
            hi = max(lo, min(len(text), end - piece.start))
            _set_text(piece.element, text[:lo] + replacement + text[hi:])
        elif piece.start < end and piece.end > start:
            if piece.is_text:
                text = piece.element.text or ""
                lo = max(0, start - piece.start)
                hi = min(len(text), end - piece.start)
                _set_text(piece.element, text[:lo] + text[hi:])
            else:
                piece.element.getparent().remove(piece.element)


def _set_text(element: Any, text: str) -> None:
    element.text = text
    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _write(archive: zipfile.ZipFile, trees: dict[str, Any]) -> bytes:
    from lxml import etree

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for info in archive.infolist():
            if info.filename in trees:
                xml = etree.tostring(
                    trees[info.filename], xml_declaration=True, encoding="UTF-8", standalone=True
                )
                out.writestr(info, xml, compress_type=info.compress_type)
            else:
                out.writestr(info, archive.read(info), compress_type=info.compress_type)
    return buf.getvalue()
