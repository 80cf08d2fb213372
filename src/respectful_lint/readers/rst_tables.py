"""Keeping a reStructuredText table valid when words in its cells change.

A grid table's cells are boxed by borders that must stay in their columns, and a simple
table's text must stay inside its column (only the last column may run on). A fix that makes a
cell's words longer or shorter takes the difference from the blanks of the same cell (or gives
it back to them), so every border and every later column stays where it was. Where the cell
has no room, or a line holds characters whose width is not one column, no fix is offered.

Tables are found only when a fix is asked for (see :attr:`.Document.widen`), by a search of
the whole text done once per document.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from itertools import pairwise

from ..edits import Edit

# The longest line looked at around a fix: a title or a table line is short, and a bound keeps
# the work of many fixes on one long line linear (no fix is offered in a longer table line).
LONGEST_LINE = 4096

# a grid table's border ("+-----+----+", "+=====+"), and a simple table's border with at least
# two columns ("=====  ====="); a simple table of one column has only its last column, which
# may run on
_GRID_BORDER = re.compile(r"^([ \t]*)\+[-=]+(?:\+[-=]+)*\+[ \t]*\r?$", re.MULTILINE)
_SIMPLE_BORDER = re.compile(r"^([ \t]*)=+(?:[ \t]+=+)+[ \t]*\r?$", re.MULTILINE)


class Tables:
    """The grid and simple tables of a text, found on first use."""

    __slots__ = ("_found", "_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._found: list[tuple[int, int, str, list[tuple[int, int]]]] | None = None
        self._starts: list[int] = []

    def _tables(self) -> list[tuple[int, int, str, list[tuple[int, int]]]]:
        """(start, end, kind, columns) of each table, in order: ``columns`` are the (start,
        end) columns of each cell from the top border, relative to the line's start."""
        if self._found is None:
            found = [*_grid_tables(self._text), *_simple_tables(self._text)]
            found.sort()
            self._found = found
            self._starts = [t[0] for t in found]
        return self._found

    def edits(self, edits: Sequence[Edit]) -> list[Edit] | None:
        """The edits that keep each table ``edits`` reach valid, or None when one cannot be
        kept valid (no fix should then be offered)."""
        tables = self._tables()
        if not tables:
            return []
        text = self._text
        # growth of each cell an edit reaches: (line start, table index, column) -> columns
        cells: dict[tuple[int, int, int], int] = {}
        for start, end, new in edits:
            i = bisect_right(self._starts, start) - 1
            if i < 0 or tables[i][1] <= start:
                continue  # not in a table
            line = line_around(text, start, end)
            if line is None:
                return None
            line_start, line_end = line
            if not _narrow(text[line_start:line_end]) or not _narrow(new):
                return None
            column = _column_of(tables[i][3], start - line_start)
            if column is None:
                return None
            key = (line_start, i, column)
            cells[key] = cells.get(key, 0) + len(new) - (end - start)
        out: list[Edit] = []
        for (line_start, i, column), growth in sorted(cells.items()):
            if growth == 0:
                continue
            _, _, kind, columns = tables[i]
            row = text[line_start : line_start + LONGEST_LINE].split("\n", 1)[0].rstrip("\r")
            made = (
                _grid_cell(row, line_start, columns, column, growth)
                if kind == "grid"
                else _simple_cell(row, line_start, columns, column, growth)
            )
            if made is None:
                return None
            out.extend(made)
        return out


def _grid_cell(
    line: str, line_start: int, columns: list[tuple[int, int]], column: int, growth: int
) -> list[Edit] | None:
    """The edit that keeps a grid table cell's right border in place: blanks taken from (or
    given back to) the end of the cell's line, one blank kept before the border."""
    border = next((end for _, end in columns[column:] if line[end : end + 1] == "|"), None)
    if border is None:
        return None
    blanks = len(line[:border]) - len(line[:border].rstrip(" "))
    if growth > 0:
        if blanks < growth + 1:
            return None
        return [(line_start + border - growth, line_start + border, "")]
    return [(line_start + border, line_start + border, " " * -growth)]


def _simple_cell(
    line: str, line_start: int, columns: list[tuple[int, int]], column: int, growth: int
) -> list[Edit] | None:
    """The edit that keeps a simple table's later columns in place: the cell's text must end
    inside its column (the last column may run on)."""
    if column == len(columns) - 1:
        return []
    col_end = columns[column][1]
    next_start = columns[column + 1][0]
    text_end = len(line[:next_start].rstrip(" \t"))
    if growth > 0:
        if text_end + growth > col_end or line[text_end : text_end + growth].strip(" "):
            return None
        return [(line_start + text_end, line_start + text_end + growth, "")]
    return [(line_start + text_end, line_start + text_end, " " * -growth)]


def _column_of(columns: list[tuple[int, int]], at: int) -> int | None:
    """The cell column holding character ``at`` of a line."""
    for i, (start, end) in enumerate(columns):
        if start <= at < end:
            return i
    if columns and at >= columns[-1][0]:
        return len(columns) - 1  # a simple table's last column runs on
    return None


def _grid_tables(text: str) -> list[tuple[int, int, str, list[tuple[int, int]]]]:
    """Grid tables: a border, then lines of the same indent that start with "+" or "|"."""
    out = []
    pos = 0
    while (m := _GRID_BORDER.search(text, pos)) is not None:
        indent = m.group(1)
        border = m.group().rstrip("\r \t")[len(indent) :]
        # the cells' columns, between the "+" of the top border
        plus = [i for i, ch in enumerate(border) if ch == "+"]
        columns = [(len(indent) + a + 1, len(indent) + b) for a, b in pairwise(plus)]
        end = m.end()
        while end < len(text):
            nxt = end + 1
            line_end = _line_end(text, nxt)
            line = text[nxt:line_end]
            if not line.startswith(indent) or line[len(indent) : len(indent) + 1] not in "+|":
                break
            end = line_end
        out.append((m.start(), end, "grid", columns))
        pos = max(end, m.end()) + 1
    return out


def _simple_tables(text: str) -> list[tuple[int, int, str, list[tuple[int, int]]]]:
    """Simple tables: from a border to the border a blank line (or the end) follows."""
    out = []
    top: tuple[int, list[tuple[int, int]]] | None = None
    for m in _SIMPLE_BORDER.finditer(text):
        line = m.group().rstrip("\r")
        if top is None:
            columns = [(c.start(), c.end()) for c in re.finditer(r"=+", line)]
            top = (m.start(), columns)
            continue
        after = text[m.end() + 1 : _line_end(text, m.end() + 1)] if m.end() < len(text) else ""
        if not after.strip():
            out.append((top[0], m.end(), "simple", top[1]))
            top = None
    return out


def line_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The start and end (before its line break) of the line holding ``text[start:end]``;
    None when the span runs over a line break or the line is longer than
    :data:`LONGEST_LINE`."""
    low = max(0, start - LONGEST_LINE)
    nl = text.rfind("\n", low, start)
    if nl < 0 and low > 0:
        return None
    line_start = nl + 1
    high = min(len(text), line_start + LONGEST_LINE)
    nl = text.find("\n", min(max(end, line_start), high), high)
    if nl < 0:
        if high < len(text):
            return None
        nl = len(text)
    if end > nl:
        return None
    return line_start, nl - 1 if nl > line_start and text[nl - 1] == "\r" else nl


def _line_end(text: str, line_start: int) -> int:
    """Where the line starting at ``line_start`` ends, before its line break."""
    nl = text.find("\n", line_start)
    end = len(text) if nl < 0 else nl
    return end - 1 if end > line_start and text[end - 1] == "\r" else end


def _char_width(ch: str) -> int:
    """Columns a character takes, as docutils counts them: a combining one none, a wide or
    full-width East Asian one two."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def docutils_width(text: str) -> int:
    """Columns ``text`` takes, as docutils counts them (see :func:`_char_width`)."""
    return len(text) if text.isascii() else sum(map(_char_width, text))


def _narrow(text: str) -> bool:
    """Whether every character of ``text`` takes one column (no wide, combining or tab)."""
    if "\t" in text:
        return False
    return text.isascii() or all(_char_width(ch) == 1 for ch in text)
