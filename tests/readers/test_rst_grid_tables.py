"""reStructuredText grid tables: each cell is read as docutils reads it, one text from its
first line to its last, apart from the cells beside it."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

from click.testing import CliRunner
from docutils.parsers.rst.tableparser import GridTableParser, TableMarkupError
from docutils.statemachine import StringList
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from respectful_lint import lint_text
from respectful_lint.cli import main
from respectful_lint.readers.rst_tables import grid_tables


def places(text: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.rule) for f in lint_text(text, kind="rst", path="doc.rst")]


SERVICES = (
    "Services\n"
    "========\n"
    "\n"
    "+-----------------+--------------------------+\n"
    "| Service         | Who it is for            |\n"
    "+=================+==========================+\n"
    "| Legal clinic    | Help for illegal         |\n"
    "|                 | aliens with paperwork.   |\n"
    "+-----------------+--------------------------+\n"
    "| Outreach to the | Open daily.              |\n"
    "| homeless        |                          |\n"
    "+-----------------+--------------------------+\n"
)


def test_a_phrase_runs_from_one_line_of_a_cell_to_the_next() -> None:
    # the cell beside it stands between the two words in the file, never on the page
    assert places(SERVICES) == [
        (7, 30, "immigration/illegal-alien"),
        (10, 15, "homelessness/the-homeless"),
    ]


def test_cells_that_span_rows_and_columns_are_read_whole() -> None:
    text = (
        "+------------+--------------+\n"
        "| Drop-in    | For all the  |\n"
        "| centre for +--------------+\n"
        "| drug       | homeless in  |\n"
        "| addicts    | town.        |\n"
        "+------------+--------------+\n"
        "| A clinic for illegal      |\n"
        "| aliens and their families |\n"
        "+---------------------------+\n"
    )
    # "For all the" and "homeless in town." are two cells: no phrase runs from one to the other
    assert places(text) == [(4, 3, "drug-use/addict"), (7, 16, "immigration/illegal-alien")]


def test_words_of_cells_side_by_side_are_not_one_phrase() -> None:
    text = (
        "+------------+----------------+\n"
        "| Open to the| homeless youth |\n"
        "+------------+----------------+\n"
    )
    # (a cell's text may touch its border)
    assert places(text) == []
    assert places(text.replace("| homeless youth |", "| homeless       |")) == []


def test_a_malformed_grid_table_is_read_as_text_line_by_line() -> None:
    # docutils reports the ragged border as an error and shows the lines as they are
    text = (
        "+--------------+\n"
        "| For illegal  |\n"
        "| aliens        |\n"
        "| for hookers  |\n"
        "+--------------+\n"
    )
    assert places(text) == [(4, 7, "sex-work/hooker")]


def test_a_grid_table_in_a_literal_block_is_code() -> None:
    text = "Example::\n\n    +---------+\n    | hookers |\n    +---------+\n"
    assert places(text) == []


def test_a_border_inside_a_paragraph_starts_no_table() -> None:
    text = "Text first\n+----------+\n| illegal  |\n| aliens   |\n+----------+\n"
    assert places(text) == []


def test_a_fix_that_would_run_over_a_cells_line_break_is_not_offered(tmp_path: Path) -> None:
    text = SERVICES.replace("Outreach to the |", "For all the     |")
    draft = tmp_path / "services.rst"
    draft.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["check", "--isolated", "--fix", "--unsafe-fixes", "--select", "homelessness", str(draft)],
    )
    assert result.exit_code == 1
    assert draft.read_text(encoding="utf-8") == text  # the border would have moved


def test_a_table_of_many_tiny_cells_stays_linear() -> None:
    # a hostile table: one cell per four characters
    row = 2000
    lines = ["+-" * row + "+", "|a" * row + "|", "|a" * row + "|"] * 100
    text = "\n".join([*lines, "+-" * row + "+"]) + "\n"
    start = time.process_time()
    tables = grid_tables(text)
    small = time.process_time() - start
    assert sum(1 for _ in tables[0].cells()) == 100 * row
    start = time.process_time()
    grid_tables(text * 4)
    assert time.process_time() - start < 8 * small + 0.5


# --- held against docutils' own grid table parser -----------------------------------------------

WORDS = ["the", "homeless", "drug", "users", "open", "daily", "é", "clinic"]


@st.composite
def grids(draw: st.DrawFn) -> list[str]:
    """A grid table with cells that may span rows and columns, its text wrapped into them."""
    rows, cols = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    widths = [draw(st.integers(3, 10)) for _ in range(cols)]
    heights = [draw(st.integers(1, 3)) for _ in range(rows)]
    cell = [[r * cols + c for c in range(cols)] for r in range(rows)]
    for _ in range(draw(st.integers(0, 3))):  # join a cell to the one right of it or below it
        r, c = draw(st.integers(0, rows - 1)), draw(st.integers(0, cols - 1))
        if draw(st.booleans()) and c + 1 < cols:
            cell[r][c + 1] = cell[r][c]
        elif r + 1 < rows:
            cell[r + 1][c] = cell[r][c]
    spans: dict[int, list[tuple[int, int]]] = {}
    for r in range(rows):
        for c in range(cols):
            spans.setdefault(cell[r][c], []).append((r, c))
    for places_ in spans.values():  # only rectangles
        height = len({r for r, _ in places_})
        width = len({c for _, c in places_})
        if height * width != len(places_):
            return ["+---+", "| a |", "+---+"]
    xs, ys = [0], [0]
    for w in widths:
        xs.append(xs[-1] + w + 1)
    for h in heights:
        ys.append(ys[-1] + h + 1)
    grid = [[" "] * (xs[-1] + 1) for _ in range(ys[-1] + 1)]
    head = draw(st.integers(-1, rows - 2)) if rows > 1 else -1
    for r in range(rows + 1):
        for c in range(cols):
            if r in (0, rows) or cell[r - 1][c] != cell[r][c]:
                for x in range(xs[c] + 1, xs[c + 1]):
                    grid[ys[r]][x] = "=" if r == head + 1 else "-"
    for r in range(rows):
        for c in range(cols + 1):
            if c in (0, cols) or cell[r][c - 1] != cell[r][c]:
                for y in range(ys[r] + 1, ys[r + 1]):
                    grid[y][xs[c]] = "|"
    for y in ys:
        for x in xs:
            near = [grid[y][x - 1] if x else " ", grid[y][x + 1] if x < xs[-1] else " "]
            near += [grid[y - 1][x] if y else " ", grid[y + 1][x] if y < ys[-1] else " "]
            if any(ch in "-=|" for ch in near):
                grid[y][x] = "+"
    for places_ in spans.values():
        (r0, c0), (r1, c1) = min(places_), max(places_)
        width = xs[c1 + 1] - xs[c0] - 1
        for y in range(ys[r0] + 1, ys[r1 + 1]):
            words = " " + " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=3)))
            for i, ch in enumerate(words[: width - 1]):
                grid[y][xs[c0] + 1 + i] = ch
    return ["".join(line) for line in grid]


def docutils_cells(lines: list[str]) -> list[str]:
    _, head, body = GridTableParser().parse(StringList(lines))
    return [" ".join(" ".join(c[3]).split()) for row in head + body for c in row if c is not None]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grids())
def test_cells_are_the_cells_docutils_reads(lines: list[str]) -> None:
    try:
        expected = docutils_cells(lines)
    except (TableMarkupError, AssertionError):
        # docutils refuses the table, or trips on its own check (a header rule that starts
        # under a cell spanning it): no table to compare with
        return
    text = "Intro.\n\n" + "\n".join(lines) + "\n\nAfter.\n"
    tables = grid_tables(text)
    if not any(a[:1] == b[:1] == "|" for a, b in itertools.pairwise(lines)):
        assert tables == []  # a line per row: read line by line, as it reads alike
        return
    (table,) = tables
    cells = [" ".join(" ".join(text[a:b] for a, b in c).split()) for c in table.cells()]
    assert sorted(cells) == sorted(expected)
