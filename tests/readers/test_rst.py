"""reStructuredText: prose is checked as in a plain-text file; code (literal and doctest blocks,
code directives, inline literals, code roles) and comments are not."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from respectful_lint import lint_text
from respectful_lint.cli import main
from respectful_lint.readers import reader_for_path
from respectful_lint.readers.rst import RstReader, code_blocks


def places(text: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.rule) for f in lint_text(text, kind="rst", path="doc.rst")]


def lines_of(text: str) -> list[int]:
    return [line for line, _, _ in places(text)]


def test_a_literal_block_after_a_double_colon_is_code() -> None:
    text = (
        "The outreach team keeps a script for new volunteers::\n"
        "\n"
        "    volunteers = ['the addict', 'a hooker']\n"
        "    print(volunteers)\n"
        "\n"
        "Volunteers drove the hookers home.\n"
    )
    assert lines_of(text) == [6]


def test_the_minimized_and_partly_minimized_markers_open_a_literal_block() -> None:
    for marker in ("::", "Example: ::", "Example::   "):
        text = f"{marker}\n\n   A hooker walked in.\n\nA hooker.\n"
        assert lines_of(text) == [5], marker


def test_a_literal_block_ends_where_the_indentation_comes_back() -> None:
    text = (
        "Run this::\n"
        "\n"
        "    addict = load()\n"
        "\n"
        "      hooker = 2\n"
        "\n"
        "  The block quote after it calls someone an addict.\n"
        "\n"
        "Back at the margin, a hooker.\n"
    )
    assert lines_of(text) == [9]  # the indented lines all belong to the block
    text = "Run this::\n\n    addict = load()\n\nBack at the margin, a hooker.\n"
    assert lines_of(text) == [5]


def test_a_double_colon_inside_a_paragraph_opens_nothing() -> None:
    text = "See the C++ name std::\nmap for a hooker.\n\n    An addict, quoted.\n"
    assert lines_of(text) == [2, 4]


def test_a_paragraph_without_an_indented_block_after_it_keeps_its_neighbours() -> None:
    text = "Listen to the sex workers you serve::\n\nA hooker is a person.\n"
    assert lines_of(text) == [3]


def test_a_list_items_literal_block_is_indented_past_its_text() -> None:
    text = (
        "* Keep this query::\n"
        "\n"
        "    SELECT * FROM hooker;\n"
        "\n"
        "  The item goes on and names a hooker.\n"
        "* The next item names an addict.\n"
    )
    assert lines_of(text) == [5, 6]


def test_a_double_colon_without_a_block_indented_past_it_keeps_its_own_lines() -> None:
    # the next block is at the item's (or the quote's) own indent, a paragraph to docutils;
    # the lines ending in "::" were left out as if they were the code
    text = (
        "1. Ask the addicts to run::\n"
        "\n"
        "   The item goes on and names a hooker.\n"
        "\n"
        "   A quote that names a junkie::\n"
        "\n"
        "   And an addict.\n"
    )
    assert lines_of(text) == [1, 3, 5, 7]


def test_a_line_block_ending_in_a_double_colon_opens_no_literal_block() -> None:
    # docutils keeps the "::" of a line block as text, and reads the indented block after it
    # as a block quote
    text = "| The first line,\n| and the last::\n\n   A quote that names a hooker.\n"
    assert lines_of(text) == [4]


def test_a_doctest_block_is_code_up_to_the_blank_line() -> None:
    text = (
        "The sorting guide:\n"
        "\n"
        "    >>> names = ['dave', 'john', 'jane']\n"
        "    >>> sorted(names)\n"
        "    ['dave', 'jane', 'john']\n"
        "\n"
        "Clients, not johns.\n"
    )
    assert lines_of(text) == [7]


def test_a_prompt_inside_a_paragraph_opens_no_doctest_block() -> None:
    text = "The prompt\n>>> x\nis where the addict types.\n"
    assert code_blocks(text) == []
    assert lines_of(text) == [3]


def test_code_directives_and_their_options_are_code() -> None:
    text = (
        ".. note::\n"
        "\n"
        "   The note is prose: an addict is a person.\n"
        "\n"
        "   .. code-block:: python\n"
        "      :caption: hooker.py\n"
        "\n"
        "      hooker = 'addict'\n"
        "\n"
        "   More of the note, and a hooker.\n"
        "\n"
        ".. literalinclude:: hooker.py\n"
        "   :lines: 1-3\n"
        "\n"
        ".. doctest::\n"
        "\n"
        "   >>> 'john'\n"
        "\n"
        "A john is a client.\n"
    )
    assert lines_of(text) == [3, 10, 19]


def test_directive_options_are_read_only_where_the_page_shows_them() -> None:
    text = (
        ".. figure:: img/hookers\n"  # a path
        "   :alt: Two hookers at the drop-in\n"  # shown (to a screen reader)
        "   :target: hookers_\n"  # a reference name
        "   :name: hookers\n"  # a label
        "   :class:\n"
        "      hookers wide\n"  # a value going on
        "\n"
        "   The hookers' caption.\n"
        "\n"
        ".. sidebar:: Hookers today\n"  # a title, shown
        "   :subtitle: For hookers\n"
        "\n"
        ".. py:function:: hookers(count)\n"  # a signature
        "\n"
        "   Counts the hookers.\n"
        "\n"
        ".. meta::\n"
        "   :description: A page for hookers\n"
        "\n"
        ".. |logo| image:: img/hookers\n"  # in a substitution definition too
        "   :alt: Two hookers\n"
        "\n"
        ".. |hk| replace:: hookers\n"  # what the page shows in place of |hk|
    )
    assert lines_of(text) == [2, 8, 10, 11, 15, 18, 21, 23]


def test_a_toctree_reads_its_caption_and_entry_titles_not_its_paths() -> None:
    text = (
        ".. toctree::\n"
        "   :maxdepth: 2\n"
        "   :caption: Help for hookers\n"
        "\n"
        "   guides/hookers\n"
        "   Hookers today <guides/hookers-today>\n"
        "   self\n"
        "\n"
        "Text about hookers.\n"
    )
    assert places(text) == [
        (3, 23, "sex-work/hooker"),
        (6, 4, "sex-work/hooker"),
        (9, 12, "sex-work/hooker"),
    ]


def test_text_on_a_directives_first_line_starts_its_sentence() -> None:
    # ".. note::" is markup: "Hookers" starts the sentence, and no proper name is taken
    assert places(".. note:: Hookers came first.\n") == [(1, 11, "sex-work/hooker")]


def test_a_title_underlined_with_colons_is_no_literal_block_marker() -> None:
    text = "Hours\n:::::\n\n   The clinic sees every addict who comes.\n"
    assert lines_of(text) == [4]


def test_windows_line_endings_and_tabs() -> None:
    text = "Example::\r\n\r\n    A hooker walked in.\r\n\r\nA hooker.\r\n"
    assert lines_of(text) == [5]
    text = "Example::\n\n\tA hooker walked in.\n\tAn addict too.\nA hooker.\n"
    assert lines_of(text) == [5]


def test_positions_after_a_code_block_are_the_files() -> None:
    text = "Example::\n\n    The addict’s rights.\n\nThe hooker’s rights.\n"
    (f,) = lint_text(text, kind="rst", path="doc.rst")
    assert (f.line, f.column, f.matched) == (5, 5, "hooker’s")
    assert text[f.start : f.end] == "hooker’s"


def test_inline_literals_role_names_and_code_roles_are_code() -> None:
    text = (
        "Set ``hooker`` to 1, then call :meth:`addict.load` and :c:func:`john_init`.\n"
        "\n"
        "Wait for the user using the :meth:`~window.nodelay` method.\n"  # no "meth" near "user"
        "\n"
        "See :ref:`the guide for a hooker <guide>` and :term:`addict`.\n"
    )
    assert places(text) == [(5, 27, "sex-work/hooker"), (5, 54, "drug-use/addict")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cross-reference without a title: the page shows the target's own title
        (":ref:`addicts`, :doc:`guides/addicts` and :numref:`addicts` list the rooms.\n", []),
        (":any:`addicts` lists the rooms.\n", []),
        # with a title, the title is read and the target is not
        ("See :ref:`the hours <addicts>` and :doc:`the addicts <hours>`.\n", [(1, 46)]),
        ("See :ref:`the\nhours <addicts>` today.\n", []),
        ("See :term:`addicts` and :term:`the term <addicts>`.\n", [(1, 12)]),
        # a phrase reference: its text is read, an embedded target is not
        ("See `the hours <addicts>`_ and `the list <addicts>`__.\n", []),
        ("See `the addicts <hours.html>`_ today.\n", [(1, 10)]),
        ("See `the\naddicts <hours.html>`_ today.\n", [(2, 1)]),
        ("See `<addicts>`_, a link shown as its target.\n", [(1, 7)]),
        # a substitution's name, where it is used and where it is defined
        ("The |addicts| logo.\n\n.. |addicts| image:: logo.png\n", []),
        ("Read |addicts|_ first.\n\n.. |addicts| replace:: the addicts\n", [(3, 28)]),
        # a footnote's or citation's label, where it is used and where it is defined
        ("A claim [#addicts]_ and [ADDICTS2001]_.\n\n.. [#addicts] A note.\n", []),
        (".. [ADDICTS2001] A book about the addicts.\n", [(1, 35)]),
        # a pipe that starts no substitution stays text
        ("| a line block with addicts |\n", [(1, 21)]),
        ("A or|addicts|here.\n", [(1, 6)]),
    ],
)
def test_what_a_link_names_but_the_page_does_not_show_is_not_read(
    text: str, expected: list[tuple[int, int]]
) -> None:
    assert [(line, column) for line, column, _ in places(text)] == expected


def test_a_references_name_is_read_without_its_underscores_and_locked() -> None:
    text = (
        "See hooker_ and hooker__, two hookers_ and `the hooker`_ or `a hooker`__.\n"
        "Not __init__, x_ y, [1]_ or [#]_ here.\n"
    )
    doc = RstReader().read(text, "d.rst")
    (segment,) = list(doc.segments)
    assert segment.text.split("\n")[:2] == [
        "See hooker  and hooker  , two hookers  and `the hooker`_ or `a hooker`__.",
        "Not __init__, x  y,      or      here.",  # footnote references are labels
    ]
    # the names a link's target is found by
    assert [text[s:e] for s, e in doc.locked] == ["hooker", "hookers", "the hooker", "x"]
    assert [(f.column, f.fix is None) for f in lint_text(text, kind="rst")] == [
        (5, True),
        (17, False),
        (31, True),
        (49, True),
        (64, False),
    ]


def test_many_marks_on_one_line_and_pathological_links_stay_fast() -> None:
    # each would take minutes if a mark's line were measured from the line's start
    junks = (
        " >>>" * 200_000,
        " .. x" * 200_000,
        " .. code:: x" * 100_000,
        " `a <<<<< >>>>" * 100_000,
        " `a <b>`_" * 100_000,
        " |a |a|" * 100_000,
        " a_ `b`_ c__" * 100_000,
        ":ref:`" + "a <b> " * 100_000 + "`",
    )
    for junk in junks:
        assert lines_of("A hooker.\n\n" + junk + "\n\nA hooker.\n") == [1, 5]


def test_fixing_leaves_a_links_target_as_it_is(tmp_path: Path) -> None:
    doc = tmp_path / "guide.rst"
    doc.write_text(
        "See :ref:`the prostitutes <prostitutes>`, :doc:`prostitutes` and "
        "`prostitutes <prostitutes>`_.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", "--isolated", "--fix", "--unsafe-fixes", str(doc)])
    assert result.exit_code == 0, result.output
    assert doc.read_text(encoding="utf-8") == (
        "See :ref:`the sex workers <prostitutes>`, :doc:`prostitutes` and "
        "`sex workers <prostitutes>`_.\n"
    )


def test_inline_markup_does_not_reach_across_paragraphs() -> None:
    text = "An ``open literal and a hooker.\n\nA hooker`` again.\n"
    assert lines_of(text) == [1, 3]


@pytest.mark.parametrize("cafe", ["cafe", "caf\u00e9"])  # ASCII text is blanked byte-wise
def test_blanking_keeps_every_offset_and_line_break(cafe: str) -> None:
    text = (
        f"Intro ``x`` and :func:`y`::\n\n    code = 1\r\n    more\r\n\r\nA {cafe} and a hooker.\n"
    )
    (segment,) = RstReader().read(text, "d.rst").segments
    assert len(segment.text) == len(text)
    assert [i for i, ch in enumerate(segment.text) if ch in "\r\n"] == [
        i for i, ch in enumerate(text) if ch in "\r\n"
    ]
    assert all(ch in (" ", text[i]) for i, ch in enumerate(segment.text))
    assert segment.text.endswith(f"A {cafe} and a hooker.\n")
    assert "code" not in segment.text and "func" not in segment.text


def test_the_rst_reader_claims_rst_files() -> None:
    assert reader_for_path("docs/index.rst").name == "rst"
    assert reader_for_path("docs/index.rest").name == "rst"
    assert reader_for_path("notes.txt").name == "text"


def test_the_command_line_checks_rst_prose_and_skips_its_code(tmp_path: Path) -> None:
    doc = tmp_path / "guide.rst"
    doc.write_text("Example::\n\n    A hooker walked in.\n\nA hooker.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", "concise", str(doc)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith(f"{doc}:5:3: ")
    assert len(result.output.splitlines()) == 1


def test_fix_leaves_code_as_it_is(tmp_path: Path) -> None:
    doc = tmp_path / "guide.rst"
    doc.write_text("Example::\n\n    A hooker walked in.\n\nA hooker.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--isolated", "--fix", "--unsafe-fixes", str(doc)])
    assert result.exit_code in (0, 1), result.output
    fixed = doc.read_text(encoding="utf-8")
    assert fixed.startswith("Example::\n\n    A hooker walked in.\n\n")
    assert "hooker" not in fixed.split("\n\n", 2)[2]


# --- every block the reader leaves out is code, and the prose reads as in a text file ---------

PROSE = [
    "A hooker.",
    "The addict left.",
    "Clients, not johns.",
    "The clinic is open.",
    "See the note::",
    "Run::",
    "* An item about a hooker.",
    "Hours",
]
CODE = ["hooker = 1", "addict()", "'john'", "x::", ">>> hooker", "", "\tjohn = 2"]


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    """A reST document and the spans of its code lines (the blocks it means as code)."""
    parts: list[str] = []
    code: list[tuple[int, int]] = []
    size = 0
    indent = " " * draw(st.integers(0, 3))  # one for the document: deeper text would be
    # part of the block before it
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["prose", "literal", "doctest", "directive"]))
        if kind == "prose":
            lines = draw(st.lists(st.sampled_from(PROSE), min_size=1, max_size=3))
            # a paragraph ending in "::" would open a literal block before the next one
            block = "".join(f"{indent}{line.rstrip(':')}\n" for line in lines)
        elif kind == "literal":
            head = f"{indent}{draw(st.sampled_from(PROSE)).rstrip(':')}::\n\n"
            lines = draw(st.lists(st.sampled_from(CODE), min_size=1, max_size=3))
            body = "".join(f"{indent}    {line}\n" for line in lines if line) or f"{indent}    x\n"
            parts.append(head)
            size += len(head)
            code.append((size, size + len(body)))
            block = body
        elif kind == "doctest":
            lines = draw(st.lists(st.sampled_from(CODE[:3]), min_size=1, max_size=3))
            block = f"{indent}>>> " + "".join(f"{line}\n{indent}" for line in lines).rstrip(" ")
            code.append((size, size + len(block)))
        else:
            lines = draw(st.lists(st.sampled_from(CODE), min_size=1, max_size=3))
            body = "".join(f"{indent}   {line}\n" for line in lines if line) or f"{indent}   x\n"
            block = f"{indent}.. code-block:: python\n\n{body}"
            code.append((size, size + len(block)))
        parts.append(block)
        size += len(block)
        parts.append("\n")
        size += 1
    return "".join(parts), code


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_the_reader_leaves_out_the_code_and_reads_the_rest_as_text(
    doc: tuple[str, list[tuple[int, int]]],
) -> None:
    text, code = doc

    def trimmed(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        # a block's blank lines at its end may go either way
        return [(s, s + len(text[s:e].rstrip())) for s, e in spans if text[s:e].strip()]

    assert trimmed(code_blocks(text)) == trimmed(code)

    def in_code(start: int) -> bool:
        return any(s <= start < e for s, e in code)

    as_rst = lint_text(text, kind="rst", path="d.rst")
    as_text = lint_text(text, kind="text", path="d.txt")
    expected = [(f.start, f.end, f.rule) for f in as_text if not in_code(f.start)]
    assert [(f.start, f.end, f.rule) for f in as_rst] == expected


def test_raw_html_is_read_as_text() -> None:
    # a reader of the rendered page sees it
    text = ".. raw:: html\n\n   <p>The hotline helps every addict who calls.</p>\n"
    assert lines_of(text) == [3]


def test_comments_and_targets_are_left_out_and_footnotes_read() -> None:
    text = (
        ".. A note to the editors: the old page said hooker.\n"
        "   It said addict too.\n"
        "\n"
        ".. _intake-hooker:\n"
        "\n"
        ".. [1] A footnote the page shows, about an addict.\n"
        "\n"
        "..\n"
        "\n"
        "   A block quote after an empty comment names a hooker.\n"
    )
    assert lines_of(text) == [6, 10]


def test_a_block_quote_after_a_hyperlink_target_is_read() -> None:
    # a target ends at a blank line, as docutils reads it; a comment goes on past one
    text = (
        ".. _intake: https://example.org/intake\n"
        "\n"
        "   A block quote the page shows names a hooker.\n"
        "\n"
        ".. A comment that names a hooker\n"
        "\n"
        "   and goes on to name an addict.\n"
    )
    assert lines_of(text) == [3]


def test_a_suppression_comment_still_works() -> None:
    text = ".. respectful-lint-disable-next-line sex-work/hooker\nA hooker.\n\nA hooker.\n"
    assert lines_of(text) == [4]


def test_a_block_longer_than_a_segment_is_left_out_in_every_segment() -> None:
    # segments are cut at blank lines every 64 KB: this block's blank lines cut it in parts
    text = "Intro::\n\n" + "    A hooker walked in.\n\n" * 10_000 + "A hooker.\n"
    document = RstReader().read(text, "d.rst")
    assert len(list(document.segments)) > 2
    assert lines_of(text) == [20_003]
