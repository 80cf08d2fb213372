"""Batches of edits of a text: checked, applied and composed.

An edit is ``(start, end, replacement)`` in code points of the text it applies to; a batch is
a list of edits that do not overlap, all in the offsets of the text before the batch. The fixer
(:mod:`respectful_lint.fixer`, :mod:`respectful_lint.docxfix`) writes them into sources and
Word documents.
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import LintError

Edit = tuple[int, int, str]
"""An edit of a source: start and end (code points) and the text written there."""


def check_edits(length: int, edits: Iterable[Edit]) -> list[Edit]:
    """A batch sorted by position; an error when an edit lies outside a source of ``length``
    code points or overlaps another."""
    ordered = sorted(edits, key=lambda e: (e[0], e[1]))
    reach = 0
    for start, end, _ in ordered:
        if not 0 <= start <= end <= length:
            raise LintError(f"edit {start}-{end} is outside the text")
        if start < reach:
            raise LintError(f"edit {start}-{end} overlaps another edit")
        reach = end
    return ordered


def apply_edits(source: str, edits: Iterable[Edit]) -> str:
    """``source`` with one batch of edits (not overlapping, in its offsets) written as given."""
    pieces: list[str] = []
    at = 0
    for start, end, new in check_edits(len(source), edits):
        pieces += [source[at:start], new]
        at = end
    pieces.append(source[at:])
    return "".join(pieces)


def compose_edits(source: str, batches: Iterable[Iterable[Edit]]) -> list[Edit]:
    """One batch, in the offsets of ``source``, that makes the same text as ``batches``
    applied one after the other (each in the offsets of the text the ones before it made).

    Edits of a later batch that touch words an earlier one wrote merge with it, so every
    change is one edit against the original (as a Word revision shows it).
    """
    text = source
    total: list[Edit] = []
    for batch in batches:
        second = check_edits(len(text), batch)
        total = _compose(total, text, second)
        text = apply_edits(text, second)
    return total


def _compose(first: list[Edit], middle: str, second: list[Edit]) -> list[Edit]:
    """``first`` (original to ``middle``) followed by ``second`` (on ``middle``) as one batch."""
    items: list[tuple[int, int, bool, Edit]] = []  # span in ``middle``, from ``second``, edit
    growth = 0
    for s, e, new in first:
        items.append((s + growth, s + growth + len(new), False, (s, e, new)))
        growth += len(new) - (e - s)
    items += [(s, e, True, (s, e, new)) for s, e, new in second]
    items.sort(key=lambda item: (item[0], item[1]))
    out: list[Edit] = []
    shift = 0  # growth of the edits of ``first`` before the current place
    i = 0
    while i < len(items):
        lo, hi = items[i][0], items[i][1]
        group = [items[i]]
        i += 1
        while i < len(items) and items[i][0] <= hi:
            hi = max(hi, items[i][1])
            group.append(items[i])
            i += 1
        grown = sum(len(e[2]) - (e[1] - e[0]) for _, _, later, e in group if not later)
        local = [(e[0] - lo, e[1] - lo, e[2]) for _, _, later, e in group if later]
        out.append((lo - shift, hi - shift - grown, apply_edits(middle[lo:hi], local)))
        shift += grown
    return out


__all__ = ["Edit", "apply_edits", "check_edits", "compose_edits"]
