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
import zipfile
from collections.abc import Sequence

from ..edits import Edit, apply_edits, check_edits
from ..errors import LintError
from ..model import Finding
from ..readers.docx import read_paragraphs
from .place import doc_text, place_edits, place_finding
from .write import AUTHOR, write

__all__ = ["AUTHOR", "apply_docx", "apply_docx_edits", "paragraph_text"]


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
        doc = doc_text(archive, path)
        applied = sum(1 for f in findings if place_finding(doc, f, track_changes))
        if not applied:
            return data, 0
        return write(archive, path, doc, track_changes), applied


def apply_docx_edits(
    data: bytes, edits: Sequence[Edit], *, track_changes: bool = False, path: str = "<docx>"
) -> bytes:
    """The document with one batch of edits written in, in the offsets of its text as the
    reader reads it (one line a paragraph). An error, and nothing written, when an edit
    crosses a paragraph, falls where there is no text (a tab, a field), or, with
    ``track_changes``, lies in a paragraph that already holds a tracked insertion."""
    _check_readable(data, path)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        doc = doc_text(archive, path)
        ordered = check_edits(len(doc.full), edits)
        for edit in ordered:
            if not place_edits(doc, [edit], track_changes):
                shown = doc.full[edit[0] : edit[1]].replace("\n", " ")
                # where, as a person finds it: the paragraph's number and its first words
                number = doc.full.count("\n", 0, edit[0]) + 1
                start = doc.full.rfind("\n", 0, edit[0]) + 1
                end = doc.full.find("\n", edit[0])
                line = doc.full[start : end if end >= 0 else len(doc.full)]
                words = line if len(line) <= 60 else line[:60].rsplit(" ", 1)[0] + "\u2026"
                why = "it crosses a paragraph, a tab or a field" + (
                    ", or the paragraph holds another tracked change" if track_changes else ""
                )
                raise LintError(
                    f"{path}: cannot write the change of '{shown}' in paragraph {number} "
                    f"(\u201c{words}\u201d): {why}"
                )
        if not ordered:
            return data
        out = write(archive, path, doc, track_changes)
    if paragraph_text(out, path) != apply_edits(doc.full, ordered) + "\n":
        raise LintError(f"{path}: cannot write a corrected copy of this document")
    return out


def paragraph_text(data: bytes, path: str) -> str:
    """A document's text, one paragraph a line, as findings see it (for ``--diff``)."""
    return "\n".join(p.text() for p in read_paragraphs(data, path)) + "\n"
