"""reStructuredText tables: the cells of a grid table, and keeping a table valid when words
in its cells change.

A grid table's cells are found as docutils finds them (see :func:`grid_tables`), so the reader
can read each cell's lines as one text.

A grid table's cells are boxed by borders that must stay in their columns, and a simple
table's text must stay inside its column (only the last column may run on). A fix that makes a
cell's words longer or shorter takes the difference from the blanks of the same cell (or gives
it back to them), so every border and every later column stays where it was. Where the cell
has no room, or a line holds characters whose width is not one column, no fix is offered.

For fixes, tables are found only when one is asked for (see :attr:`.Document.widen`), by a
search of the whole text done once per document.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import accumulate, pairwise

from msgspec import Struct

from ..edits import Edit
from ..lazyre import lazy_compile

# The longest line looked at around a fix: a title or a table line is short, and a bound keeps
# the work of many fixes on one long line linear (no fix is offered in a longer table line).
LONGEST_LINE = 4096

# a grid table's border ("+-----+----+", "+=====+"), and a simple table's border with at least
# two columns ("=====  ====="); a simple table of one column has only its last column, which
# may run on
_GRID_BORDER = lazy_compile(r"^([ \t]*)\+[-=]+(?:\+[-=]+)*\+[ \t]*\r?$", re.MULTILINE)
_SIMPLE_BORDER = lazy_compile(r"^([ \t]*)=+(?:[ \t]+=+)+[ \t]*\r?$", re.MULTILINE)


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
    found = {"+-": text.find("+-"), "+=": text.find("+=")}
    pos = 0
    while (m := _next_grid_border(text, pos, found)) is not None:
        indent = m.group(1)
        border = m.group().rstrip("\r \t")[len(indent) :]
        # the cells' columns, between the "+" of the top border
        plus = [i for i, ch in enumerate(border) if ch == "+"]
        columns = [(len(indent) + a + 1, len(indent) + b) for a, b in pairwise(plus)]
        end = _table_lines(indent).match(text, m.end()).end()  # type: ignore[union-attr]
        if text[end - 1] == "\r":
            end -= 1
        out.append((m.start(), end, "grid", columns))
        pos = end + 1
    return out


@lru_cache(maxsize=64)
def _table_lines(indent: str) -> re.Pattern[str]:
    """The lines after a grid table's border at ``indent``: those that start with "+" or "|"
    there."""
    return re.compile(rf"(?:\n{re.escape(indent)}[+|][^\n]*)*")


def _next_grid_border(text: str, pos: int, found: dict[str, int]) -> re.Match[str] | None:
    """The first grid table border (see :data:`_GRID_BORDER`) at or after ``pos``: the lines
    that start with "+-" or "+=" after blanks are found by a search for those characters.
    ``found`` keeps where each was last found (-1: nowhere after), so no stretch of the text
    is searched twice."""
    while True:
        for mark, at in found.items():
            if 0 <= at < pos:
                found[mark] = text.find(mark, pos)
        here = [at for at in found.values() if at >= 0]
        if not here:
            return None
        at = min(here)
        line = text.rfind("\n", 0, at) + 1
        if not text[line:at].strip(" \t"):
            m = _GRID_BORDER.match(text, line)
            if m is not None:
                return m
        pos = text.find("\n", at) + 1 or len(text)


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
    nl = text.find("\n", min(max(start, line_start), high), high)
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


class GridTable(Struct, frozen=True):
    """A grid table as docutils reads it: where it starts and ends in the text, and its
    cells in reading order (by row, then column): see :meth:`cells`."""

    start: int
    end: int
    indent: int
    lines: list[int]  # where each of its lines starts in the text
    corners: array[int]  # each cell's top, left, bottom and right, as lines and columns

    def cells(self) -> Iterator[list[tuple[int, int]]]:
        """Each cell, as the (start, end) in the text of its text on each of its lines,
        borders left out (made one at a time: a table may have many)."""
        corners, lines, at = self.corners, self.lines, self.indent
        for i in range(0, len(corners), 4):
            top, left, bottom, right = corners[i : i + 4]
            yield [
                (lines[row] + at + left + 1, lines[row] + at + right)
                for row in range(top + 1, bottom)
            ]


def grid_tables(text: str) -> list[GridTable]:
    """The grid tables of ``text`` whose cells docutils would find and whose cells may hold
    more than one line, in order. A table docutils would call malformed (ragged lines, a cell
    not closed, wide characters or tabs, which change columns) is left out, as is one whose
    cells take more than :data:`_SCAN_STEPS` steps per character to find, and one of a line
    per row, which reads alike line by line."""
    out = []
    for start, end, _, _ in _grid_tables(text):
        if start and text[text.rfind("\n", 0, start - 1) + 1 : start].strip():
            continue  # a table starts a block: this border is a paragraph's line
        region = text[start:end]
        if not _WRAPPED.search(region):
            continue  # no cell holds two lines: read line by line, each line's cells alike
        indent = len(region) - len(region.lstrip(" \t"))
        raw = region.split("\n")
        starts = list(accumulate((len(line) + 1 for line in raw), initial=start))
        lines = [line[indent:].rstrip("\r \t") for line in raw]
        if not _BOTTOM.match(lines[-1]):  # docutils ends the table at its last border
            last = next((i for i in range(len(lines) - 2, 1, -1) if _BOTTOM.match(lines[i])), 0)
            if not last:
                continue
            del lines[last + 1 :]
            end = starts[last] + len(raw[last])
        if (
            len(set(map(len, lines))) != 1
            or not all(line.endswith(("+", "|")) for line in lines)
            or not (region.isascii() or all(map(_narrow, lines)))
        ):
            continue
        heads = [i for i, line in enumerate(lines) if line[:2] == "+=" and _HEAD_BODY.match(line)]
        if len(heads) > 1 or (heads and heads[0] in (0, len(lines) - 1)):
            continue
        for i in heads:  # a border like the others ("=" elsewhere is text)
            lines[i] = lines[i].replace("=", "-")
        cells = _Grid(lines).cells()
        if cells is None:
            continue
        out.append(GridTable(start, end, indent, starts, cells))
    return out


# two lines of cells in a row: a cell's text may run from one to the other
_WRAPPED = lazy_compile(r"\n[ \t]*\|[^\n]*\n[ \t]*\|")
# a grid table's bottom border, and the border between its head and its body
_BOTTOM = lazy_compile(r"\+-[-+]+-\+$")
_HEAD_BODY = lazy_compile(r"\+=[=+]+=\+$")

# the steps a table's cells may take to find, per character of the table: a table docutils
# reads takes about two (each border is walked from both of its sides); a bound keeps a
# hostile table's work linear
_SCAN_STEPS = 8


class _Grid:
    """docutils' grid table parser (``docutils.parsers.rst.tableparser.GridTableParser``),
    finding where the cells are: from each corner, right along the cell's top border to a
    corner from which its right border runs down, then left along its bottom border and up its
    left one. Borders are searched a run at a time, in the lines and in the columns (each
    column that borders run down is made once, as a string)."""

    __slots__ = ("bottom", "columns", "done", "lines", "right", "steps")

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.bottom = len(lines) - 1
        self.right = len(lines[0]) - 1
        # per column, the last line of the cells found so far above their bottom border
        self.done = [-1] * len(lines[0])
        self.columns: dict[int, str] = {}
        self.steps = _SCAN_STEPS * len(lines) * len(lines[0])

    def cells(self) -> array[int] | None:
        """The top, left, bottom and right of each cell, in reading order (the corners are
        taken in order); None when the table is malformed or too costly to read."""
        if self.bottom < 1 or self.right < 1:
            return None
        corners = [(0, 0)]
        out = array("l")
        done = self.done
        while corners:
            top, left = heapq.heappop(corners)
            if top == self.bottom or left == self.right or top <= done[left]:
                continue
            found = self._scan(top, left)
            if found is None:
                if self.steps < 0:
                    return None
                continue
            bottom, right = found
            if done[left:right].count(top - 1) != right - left:
                return None  # the cell overlaps one found before
            done[left:right] = [bottom - 1] * (right - left)
            out.extend((top, left, bottom, right))
            heapq.heappush(corners, (top, right))
            heapq.heappush(corners, (bottom, left))
        if done[:-1].count(self.bottom - 1) != len(done) - 1:
            return None  # not every part of the table is in a cell
        return out

    def _column(self, x: int) -> str:
        column = self.columns.get(x)
        if column is None:
            self.steps -= len(self.lines)
            column = self.columns[x] = "".join([line[x] for line in self.lines])
        return column

    def _scan(self, top: int, left: int) -> tuple[int, int] | None:
        """The bottom and right of the cell whose top left corner is at ``top, left``."""
        line = self.lines[top]
        if line[left] != "+":
            return None
        pos = left + 1
        while self.steps >= 0:
            right = line.find("+", pos)
            if right < 0 or line[pos:right].strip("-"):
                return None  # the top border ends
            self.steps -= right - pos + 1
            bottom = self._down(top, left, right)
            if bottom is not None:
                return bottom, right
            pos = right + 1
        return None

    def _down(self, top: int, left: int, right: int) -> int | None:
        column = self._column(right)
        pos = top + 1
        while self.steps >= 0:
            bottom = column.find("+", pos)
            if bottom < 0 or column[pos:bottom].strip("|"):
                return None  # the right border ends
            self.steps -= bottom - pos + 1 + right - left
            line = self.lines[bottom]
            if (
                line[left] == "+"
                and not line[left + 1 : right].strip("-+")
                and not self._column(left)[top + 1 : bottom].strip("+|")
            ):
                return bottom
            pos = bottom + 1
        return None
