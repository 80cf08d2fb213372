"""reStructuredText: read as plain text (see :mod:`.text`), with code left out.

Sphinx and docutils show these as code, so no reader takes them for prose:

- a literal block: the lines indented under a paragraph that ends with ``::``;
- a doctest block: a paragraph whose first line starts with ``>>>``;
- a code directive (``.. code-block::``, ``.. doctest::``, ``.. literalinclude::`` and the
  others in :data:`CODE_DIRECTIVES`), with its options and content (not ``.. raw::``, whose
  HTML a reader of the page sees: it is read as text, tags and all);
- a comment (``..`` and text that is no directive, footnote, citation or substitution
  definition) with its indented lines, and a hyperlink target (``.. _name:``) with its
  indented lines up to a blank line (an indented block after that is a block quote): the
  page does not show them;
- an inline literal (````text````), and a role's content unless the role names text
  (:data:`TEXT_ROLES`: ``:ref:``, ``:term:`` ...): ``:func:``, ``:meth:`` or ``:c:type:`` name
  code. A role's own name is markup, never a word (``:meth:`` is no drug's name);
- what a link names but the page does not show: the target of a role with an explicit title
  (``:ref:`the intake guide <intake>```), the label or path of a cross-reference without one
  (``:ref:`intake```, ``:doc:`guides/intake```, shown by the target's own title), the embedded
  target of a phrase reference (```the guide <guide.html>`_``), and the name of a
  substitution (``|logo|``, ``.. |logo| image:: logo.png``), and a footnote's or citation's
  label (``[#note]_``, ``.. [#note]``). Changing any of them would break the link, and none is
  read;
- what other directives hold that the page does not show as text: their own markup
  (``.. note::``), the value of an option other than :data:`PROSE_OPTIONS` (``:target:``,
  ``:name:``, ``:class:``), and an argument that is a path, a name or a signature
  (``.. image:: img/intake.png``, ``.. py:function:: intake()``: see :data:`NAME_ARGUMENTS`),
  and a toctree's document paths (its ``:caption:`` and an entry's own title are read).

Their characters become blanks (line breaks stay), so every offset is the file's and the
normalized view reads a paragraph break where a block was. The rest of every other directive
(``.. note::``, ``.. warning::``, ``:alt:``) is read as the text it is, as in a plain-text file.

A grid table whose rows run over several lines is read cell by cell, as docutils reads it
(see :func:`.rst_tables.grid_tables`): its lines are blanked in the text, and its cells make
segments of their own, a cell's lines one text (a phrase may run from one line of it to the
next) and a paragraph break between two cells. A table of a line per row, which reads alike,
and one docutils would call malformed are read as text, line by line.

The blocks are found by indentation, as the reStructuredText specification defines them, from
the lines where one may start: a search for ``::`` at the end of a line, ``..`` and ``>>>``
finds those, and the lines in between are never read one by one. docutils gives no offsets
within its text nodes (only a line for some of them), and parsing a documentation tree with it
takes far longer than checking the tree, so it is not used here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import ClassVar

from msgspec.structs import replace

from ..edits import Edit
from ..lazyre import lazy_compile
from ..model import Document, Segment
from ..model.document import LazyRanges
from .build import SegmentBuilder, blanked, name_key, united, with_blanks
from .rst_tables import (
    LONGEST_LINE,
    GridTable,
    Tables,
    docutils_width,
    grid_tables,
    line_around,
)
from .text import SEGMENT_SIZE
from .text import segments as text_segments

# directives whose whole block (arguments, options and content) is code or markup
CODE_DIRECTIVES = frozenset(
    {
        "code",
        "code-block",
        "sourcecode",
        "literalinclude",
        "highlight",
        "doctest",
        "testcode",
        "testoutput",
        "testsetup",
        "testcleanup",
        "ipython",
        "jupyter-execute",
        "productionlist",
        "math",
        "graphviz",
        "graph",
        "digraph",
        "mermaid",
        "uml",
        "plantuml",
        "autosummary",
        "index",
        "kernel-doc",
    }
)
# roles whose content is text a reader sees ("see :ref:`the intake guide <intake>`"); the
# content of any other role (":func:`open`", ":c:type:`size_t`") is code or a name
TEXT_ROLES = frozenset(
    {
        "abbr",
        "any",
        "doc",
        "dfn",
        "emphasis",
        "guilabel",
        "menuselection",
        "numref",
        "pep",
        "ref",
        "rfc",
        "strong",
        "sub",
        "subscript",
        "sup",
        "superscript",
        "t",
        "term",
        "title",
        "title-reference",
    }
)
# text roles whose content, without an explicit title, names a label or a document that the
# page shows by its own title (":ref:`intake`", ":doc:`guides/intake`"), never as written
TARGET_ROLES = frozenset({"any", "doc", "numref", "ref"})
# directive options whose value the page shows as text; every other option's value is a name,
# a path, a URI, a size or a class (":target: intake_", ":name: intake", ":class: note")
PROSE_OPTIONS = frozenset({"alt", "caption", "header", "subtitle", "title"})
# directives whose argument is a path, a URI, a name or a signature, never shown as written
# (as are those of a domain, "py:function", and of autodoc, "autoclass"); "class" is also
# docutils' own, whose argument is a class name
NAME_ARGUMENTS = frozenset(
    {
        "function",
        "class",
        "method",
        "attribute",
        "data",
        "exception",
        "decorator",
        "decoratormethod",
        "classmethod",
        "staticmethod",
        "property",
        "image",
        "figure",
        "include",
        "raw",
        "only",
        "ifconfig",
        "tabularcolumns",
        "role",
        "default-role",
        "currentmodule",
        "module",
        "program",
        "option",
        "cmdoption",
        "envvar",
        "confval",
        "describe",
        "object",
    }
)
# where a block may start, each found by a search that starts with literal characters, then
# checked for the blanks before it: a line that ends in "::" followed by blank lines and an
# indented line, explicit markup (a code directive, a comment), a doctest prompt
_LITERAL_MARK = lazy_compile(r"::[ \t]*\r?\n(?:[ \t]*\r?\n)+(?=[ \t])")
_PROMPT = lazy_compile(">>>")
# explicit markup that is a directive, in a substitution definition too (its name in group 1,
# its "::" and the blanks after it taken in: its argument follows), or a comment (an empty one
# too) or a hyperlink target; not a footnote or a citation
_EXPLICIT = lazy_compile(
    r"\.\.(?:[ \t]+(?:(?:\|[^|\r\n]+\|[ \t]+)?([A-Za-z0-9][\w:+.-]*)::(?:[ \t]+|(?=\r?$))"
    r"|(?![\[|]))|[ \t]*\r?$)",
    re.MULTILINE,
)
_MARKUP = lazy_compile(r"\.\.(?=[ \t]|\r?$)", re.MULTILINE)  # explicit markup's start
# an option line's field marker, from the line's start: its blanks, its name, the blanks after
_OPTION = lazy_compile(r"([ \t]+):([^:\s][^:\r\n]*):(?:[ \t]+|(?=\r?$))")
_OPTION_NEXT = lazy_compile(r"[ \t]+:")  # a line that may be a directive's first option
# a hyperlink target's name after its "_" (anonymous: "__"), as the comment's text starts
_TARGET = lazy_compile(r"_(?:_|`[^`\r\n]+`|[^\s`][^\r\n]*?):(?=[ \t]|\r?$)", re.MULTILINE)
# inline code: a literal (``text``) and a role with its content (:name:`content`)
_LITERAL_SPAN = lazy_compile(r"``(?!\s)[^`]*``(?!`)")
# (the colon first, which the search finds fast, then a look back past it)
_ROLE_SPAN = lazy_compile(r":(?<![\w:`]:)(?P<name>[A-Za-z][\w.+-]*(?::[A-Za-z][\w.+-]*)*):`[^`]*`")
# a role's explicit title and its target ("the guide <intake>"), as Sphinx reads them: the
# target is the last "<...>" that ends the content, after a title
_EMBEDDED = lazy_compile(r"(?s)\S.*?(?P<target>(?<!\\)<[^<]*>)\Z")
# a named or anonymous phrase reference ("`the intake guide`_", "`the guide <intake.html>`__"):
# without an embedded target, its text is the name its target is found by; the opening
# backtick stands where inline markup may start, after no role name (the expressions below
# start with their literal character, which the search finds fast, then look back past it)
_PHRASE = lazy_compile(
    r"`(?<![^\s\-/'\"<(\[{]`)(?P<body>[^\s`][^`]*(?<![\s\\]))`(?P<mark>__?)(?![\w`])"
)
# an embedded target, from its "<" to the end of the phrase (after a blank, see _target_at)
_EMBEDDED_TARGET = lazy_compile(r"<(?![ \t\r\n])[^<>`]+(?<![ \t\r\n\\])>\Z")
# the underscores after a simple reference's name ("intake_", "intake__"); the name before
# them, as docutils reads one (words joined by single hyphens, dots, underscores, colons or
# plus signs), after a blank or one of the characters inline markup may follow
_SIMPLE_REFERENCE = lazy_compile(r"_(?<=[^\W_]_)_?(?=[\s\-.,:;!?\\/'\")\]}>]|\Z)")
_BEFORE_MARKUP = frozenset(" \t\r\n-:/'\"<([{")
_LONGEST_NAME = 200
# a substitution reference ("|logo|", "|name|_"): the page shows its definition, not its name,
# and a substitution definition's name (".. |logo| image:: logo.png")
_SUBSTITUTION = lazy_compile(
    r"\|(?<![^\s\-:/'\"<(\[{]\|)(?![\s|])[^|\r\n]*(?<![\s\\])\|(?:__?)?"
    r"(?=[\s\-.,:;!?\\/'\")\]}>]|\Z)"
)
# a footnote's or citation's label where it is referred to ("[#note]_", "[1]_", "[CIT2002]_")
# and where it is defined (".. [#note] The text."): the page shows a number or the label as a
# name, and the two must stay alike
# (the "[" first, which the search finds fast)
_LABEL = r"(?:#[^\]\s]*|\*|[^\W_][\w.:+-]*)\]"
_NOTE_LABEL = lazy_compile(rf"\[(?:(?<=\.\. \[){_LABEL}(?=[ \t\r\n]|\Z)|{_LABEL}_(?![\w`]))")
# a glossary directive (Sphinx), with the blanks before it
_GLOSSARY = lazy_compile(r"^([ \t]*)\.\.[ \t]+glossary::[ \t]*\r?$", re.MULTILINE)
# an adornment line of a section title, from its start: one punctuation character repeated
_ADORNMENT = lazy_compile(r"([=\-`:'\"~^_*+#<>.])\1+[ \t]*(?=\r?\n|\r|\Z)")
# a section title's underline, from the line break before it (which the search finds fast)
_BORDER_MARK = lazy_compile(r"\+[-=]")  # in every grid table's border (one pass over a text)
_UNDERLINE = lazy_compile(r"\n([=\-`:'\"~^_*+#<>.])\1{2,}[ \t]*(?=\r?\n|\r|\Z)")
_PARAGRAPH_BREAK = lazy_compile(r"\n[ \t]*\r?\n")
# a list item's marker and the blanks after it: the item's text starts after them
_MARKER = lazy_compile(r"(?:[-*+\u2022\u2023\u2043]|\(?(?:\d+|[A-Za-z]|#)[.)])[ \t]+(?=\S)")
_LEAD = lazy_compile(r"[ \t]*")
_LINE_BLOCK = lazy_compile(r"\|(?:[ \t]|\r?\n|\Z)")
_BLANK_LINE = lazy_compile(r"^[ \t]*\r?$", re.MULTILINE)


class RstReader:
    name: ClassVar[str] = "rst"
    extensions: ClassVar[tuple[str, ...]] = (".rst", ".rest")

    def read(self, text: str, path: str) -> Document:
        doc = Document(
            path=path,
            format=self.name,
            text=text,
            # words references elsewhere find the text by: a section title a named reference
            # names (```Help for hookers`_``), a glossary's term, which ``:term:`` finds from
            # any page; a fix there would break the reference
            linked=LazyRanges(lambda: sorted(_titles_named(text) + _glossary_terms(text))),
            widen=_Widen(text),
            # docutils and Sphinx make a section's link anchor from its title (beside any
            # label's), so a fix there breaks links to the section from other pages
            anchored=LazyRanges(lambda: section_titles(text)),
        )
        doc.segments = segments(text, doc.locked)
        return doc


class _Widen:
    """The edits a fix in a section title or a table needs besides its own (see
    :attr:`.Document.widen`): the title's adornments lengthened, the cell's blanks taken up;
    None when a table cell has no room for it."""

    __slots__ = ("_tables", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._tables = Tables(text)

    def __call__(self, edits: Sequence[Edit]) -> list[Edit] | None:
        in_tables = self._tables.edits(edits)
        if in_tables is None:
            return None
        return adornment_edits(self._text, edits) + in_tables


def _glossary_terms(text: str) -> list[tuple[int, int]]:
    """The term lines of the glossaries in ``text`` (``.. glossary::``, its options, then
    terms at the content's indent with their definitions indented under them), in order."""
    terms: list[tuple[int, int]] = []
    done = 0  # the glossaries so far end here (one inside another is not read again)
    for m in _GLOSSARY.finditer(text):
        if m.start() < done:
            continue
        indent = _columns(m[1])
        end = done = _dedent(text, _next_line(text, m.end()), indent)
        content: int | None = None  # the terms' indent
        pos = _next_line(text, m.end())
        while pos < end:
            line_end = text.find("\n", pos, end)
            line_end = end if line_end < 0 else line_end
            line = text[pos:line_end].rstrip("\r")
            words = line.lstrip()
            if words and not (content is None and words.startswith(":")):  # not an option
                lead = _columns(line[: len(line) - len(words)])
                if content is None:
                    content = lead
                if lead == content:
                    terms.append((pos + len(line) - len(words), pos + len(line)))
            pos = line_end + 1
    return terms


def _titles_named(text: str) -> list[tuple[int, int]]:
    """The section titles of ``text`` that a named reference names, in order."""
    names: set[str] = set()
    if "`" in text:
        for m in _PHRASE.finditer(text):
            if m["mark"] == "_" and _target_at(m["body"]) < 0:
                names.add(name_key(m["body"]))
    for m in _SIMPLE_REFERENCE.finditer(text):
        start = _name_start(text, m.start())
        if start is not None and m.end() - m.start() == 1:
            names.add(name_key(text[start : m.start()]))
    names.discard("")
    if not names:
        return []
    return [(s, e) for s, e in section_titles(text) if name_key(text[s:e]) in names]


def section_titles(text: str) -> list[tuple[int, int]]:
    """The section titles of ``text``, in order: each line that is not blank and has an
    adornment line under it, and is not indented unless an overline stands above it (an
    inset title)."""
    titles = []
    for m in _UNDERLINE.finditer(text):
        line_end = m.start()  # the line break before the underline
        line_start = text.rfind("\n", 0, line_end) + 1
        title = text[line_start:line_end].rstrip("\r")
        if not title.strip():
            continue
        if title[0].isspace():
            above = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
            over = _adornment_at(text, above) if line_start > 0 else None
            if over is None or over[1] != m.group(1):
                continue
        titles.append((line_start, line_start + len(title)))
    return titles


def adornment_edits(text: str, edits: Sequence[Edit]) -> list[Edit]:
    """The edits that keep a section title's underline (and overline) at least as long as the
    title once ``edits`` are made in it: docutils warns of an adornment shorter than its title,
    and a Sphinx build that treats warnings as errors fails. Widths are counted as docutils
    counts them (a wide East Asian character takes two columns, a combining one none)."""
    lines: dict[tuple[int, int], int] = {}  # a title line's bounds, and its width once edited
    for start, end, new in edits:
        line = line_around(text, start, end)
        if line is None:
            continue  # a line this long is no title
        width = lines.get(line, docutils_width(text[line[0] : line[1]].rstrip()))
        lines[line] = width - docutils_width(text[start:end]) + docutils_width(new)
    out: list[Edit] = []
    for (line_start, line_end), width in sorted(lines.items()):
        if not text[line_start:line_end].strip():
            continue  # a title is not blank
        below = _adornment_at(text, _next_line(text, line_end))
        if below is None:
            continue
        char = below[1]
        above = None
        if line_start > 0:  # an overline: the whole line before, with the same character
            before = line_around(text, line_start - 1, line_start - 1)
            above = None if before is None else _adornment_at(text, before[0])
            if above is not None and above[1] != char:
                above = None
        if above is None and text[line_start] in " \t":
            continue  # only a title with an overline may be inset
        for adornment in (above, below):
            if adornment is not None and len(adornment[0].rstrip()) < width:
                at = adornment.start() + len(adornment[0].rstrip())
                out.append((at, at, char * (width - len(adornment[0].rstrip()))))
    return out


def _adornment_at(text: str, pos: int) -> re.Match[str] | None:
    """The adornment line starting at ``pos``, if it is one (and no longer than a line looked
    at around a fix)."""
    limit = min(len(text), pos + LONGEST_LINE)
    m = _ADORNMENT.match(text, pos, limit)
    return m if m is not None and (m.end() < limit or limit == len(text)) else None


def segments(text: str, locked: list[tuple[int, int]] | None = None) -> Iterator[Segment]:
    """The text's segments, cut as :mod:`.text` cuts them, each with its code and what its
    directives hold but do not show blanked out (see the module): every character but line
    breaks becomes a space, so offsets stay those of the text, and the normalized view reads
    a paragraph break where a block was and a blank where inline code was. One segment is
    copied at a time, so memory stays that of the text.

    The names of named references and terms (``intake_``, ```the intake guide`_``,
    ``:term:`intake```) are added to ``locked`` (see :attr:`.Document.locked`) before their
    segment is yielded."""
    blocks = united(*_blocks(text))
    tables = _grid_tables(text, blocks) if _BORDER_MARK.search(text) else []
    if tables:
        blocks = united(blocks, [(table.start, table.end) for table in tables])
    starts = [start for start, _ in blocks]
    t = 0  # the next table
    for segment in text_segments(text):
        piece = segment.text
        at = segment.offsets.start(0)
        names: list[tuple[int, int]] = []
        blanked = _blank_inline(_blank_blocks(piece, at, blocks, starts), names)
        if locked is not None and names:
            locked.extend(sorted((at + start, at + end) for start, end in names))
        yield segment if blanked is piece else replace(segment, text=blanked)
        while t < len(tables) and tables[t].start < at + len(piece):
            yield from _cells(text, tables[t], locked)
            t += 1
    for table in tables[t:]:
        yield from _cells(text, table, locked)


def _grid_tables(text: str, blocks: list[tuple[int, int]]) -> list[GridTable]:
    """The grid tables of ``text`` outside ``blocks`` (see :func:`.rst_tables.grid_tables`)."""
    starts = [start for start, _ in blocks]
    out = []
    for table in grid_tables(text):
        i = bisect_right(starts, table.start) - 1
        if i < 0 or blocks[i][1] <= table.start:
            out.append(table)
    return out


def _cells(text: str, table: GridTable, locked: list[tuple[int, int]] | None) -> Iterator[Segment]:
    """A grid table's cells, as docutils reads them: a cell's lines are one text (a phrase may
    run from one line of it to the next), apart from the cells beside it. They make segments
    of about :data:`.text.SEGMENT_SIZE`, in reading order, with a paragraph break between two
    cells; borders are left out, and the line break between two lines of a cell stands for the
    borders between them. (A cell longer than that is cut at a line break.)"""
    builder = SegmentBuilder(kind="cell")
    for lines in table.cells():
        if not any(text[start:end].strip() for start, end in lines):
            continue
        if not builder.empty:  # (placed where the last cell ends, as the map runs on from it)
            builder.add("\n\n", builder.source_end, builder.source_end)
        for i, (start, end) in enumerate(lines):
            if builder.length >= SEGMENT_SIZE:
                yield from _cell_segment(builder, locked)
                builder = SegmentBuilder(kind="cell")
            elif i:
                builder.add("\n", lines[i - 1][1], start)
            builder.add(text[start:end], start, end)
    yield from _cell_segment(builder, locked)


def _cell_segment(
    builder: SegmentBuilder, locked: list[tuple[int, int]] | None
) -> Iterator[Segment]:
    """The segment of a table's cells, with their inline markup blanked (see
    :func:`_blank_inline`)."""
    segment = builder.segment()
    if segment is None:
        return
    names: list[tuple[int, int]] = []
    blanked = _blank_inline(segment.text, names)
    if locked is not None and names:
        source = segment.offsets.start
        locked.extend(sorted((source(start), source(end - 1) + 1) for start, end in names))
    yield segment if blanked is segment.text else replace(segment, text=blanked)


def _blank_blocks(piece: str, at: int, blocks: list[tuple[int, int]], starts: list[int]) -> str:
    """``piece`` (at offset ``at`` in the text) with the parts of ``blocks`` inside it blanked."""
    end = at + len(piece)
    i = max(bisect_right(starts, at) - 1, 0)
    spans: list[tuple[int, int]] = []
    while i < len(blocks) and blocks[i][0] < end:
        start, stop = blocks[i]
        if stop > at:
            spans.append((max(start, at) - at, min(stop, end) - at))
        i += 1
    if not spans:
        return piece
    if piece.isascii():  # blanked in place, one byte per character
        data = bytearray(piece, "ascii")
        for start, stop in spans:
            data[start:stop] = data[start:stop].translate(_BLANKS)
        return data.decode("ascii")
    return with_blanks(piece, spans)


def _blank_inline(piece: str, names: list[tuple[int, int]]) -> str:
    """``piece`` with its inline literals, roles and link targets blanked (see the module), and
    the underscores after a simple reference's name: the name is shown without them. Where
    shown text is also the name its target is looked up by (``intake_``, ```the intake
    guide`_``, ``:term:`intake```, not an anonymous ``intake__``), its place is added to
    ``names``.

    (A search for one character, which runs at memory speed, tells which steps a piece needs;
    most pieces hold neither a backtick nor a pipe.)"""
    if "`" in piece:
        piece = _LITERAL_SPAN.sub(_blank_literal, piece)
        piece = _ROLE_SPAN.sub(lambda m: _blank_role(m, names), piece)
        targets: list[tuple[int, int]] = []
        for m in _PHRASE.finditer(piece):
            target = _target_at(m["body"])
            if target >= 0:
                targets.append((m.start("body") + target, m.end("body")))
            elif m["mark"] == "_":
                names.append(m.span("body"))
        if targets:
            piece = with_blanks(piece, targets)
    if "_" in piece:
        marks: list[tuple[int, int]] = []
        for m in _SIMPLE_REFERENCE.finditer(piece):
            start = _name_start(piece, m.start())
            if start is not None:
                marks.append(m.span())
                if m.end() - m.start() == 1:  # not anonymous
                    names.append((start, m.start()))
        if marks:
            piece = with_blanks(piece, marks)
    if "|" in piece:
        piece = _SUBSTITUTION.sub(_blank_whole, piece)
    if "[" in piece:
        piece = _NOTE_LABEL.sub(_blank_whole, piece)
    return piece


def _target_at(body: str) -> int:
    """Where the embedded target of a phrase reference's text starts (``<intake.html>`` after
    a title and a blank), or -1 when it has none."""
    at = body.rfind("<")
    if at > 0 and body[at - 1] in " \t\r\n" and _EMBEDDED_TARGET.match(body, at):
        return at
    return -1


def _name_start(piece: str, end: int) -> int | None:
    """Where the reference name ending at ``end`` starts, as docutils reads a simple
    reference's name (words joined by single hyphens, dots, underscores, colons or plus signs,
    after a blank or one of the characters inline markup may follow); None when none does."""
    low = max(0, end - _LONGEST_NAME)
    start = i = end
    while True:
        j = i
        while j > low and piece[j - 1].isalnum():
            j -= 1
        if j == i:
            break
        start = j
        if j - 2 >= low and piece[j - 1] in "-._+:" and piece[j - 2].isalnum():
            i = j - 1
        else:
            break
    if start == end or (start > 0 and piece[start - 1] not in _BEFORE_MARKUP):
        return None
    return start


def _blank_literal(m: re.Match[str]) -> str:
    """An inline literal as blanks (as it stands when it would reach across paragraphs)."""
    span = m.group()
    if "\n" in span:
        return span if _PARAGRAPH_BREAK.search(span) else blanked(span)
    return " " * len(span)


def _blank_role(m: re.Match[str], names: list[tuple[int, int]]) -> str:
    """A role as blanks, or, when it names text, its name and backticks alone. The content of
    a term without a title (``:term:`intake```) is added to ``names``: the glossary entry is
    found by it."""
    span = m.group()
    if "\n" in span and _PARAGRAPH_BREAK.search(span):
        return span
    name = m["name"].lower()
    if name in TEXT_ROLES:
        head = m.end("name") + 2 - m.start()
        content = span[head:-1]
        titled = _EMBEDDED.match(content)
        if titled is not None:  # the title alone: the target is a label, a path or a URL
            keep = head + titled.start("target")
            return " " * head + span[head:keep] + blanked(span[keep:])
        if name not in TARGET_ROLES:
            if name == "term":
                names.append((m.start() + head, m.end() - 1))
            return " " * head + content + " "
    return blanked(span) if "\n" in span else " " * len(span)


def _blank_whole(m: re.Match[str]) -> str:
    """A match as blanks."""
    return blanked(m.group())


_BLANKS = bytes(b if b in (10, 13) else 32 for b in range(256))


def code_blocks(text: str) -> list[tuple[int, int]]:
    """The blocks left out (see the module), as (start, end) offsets of whole lines, in order
    and apart."""
    return _blocks(text)[0]


def _blocks(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The blocks left out (see :func:`code_blocks`), and what other directives hold that the
    page does not show (see :func:`_directive_names`), each in order and apart."""
    # (line start, kind, where its mark is, where the match ends)
    starts: list[tuple[int, int, int, int]] = []
    names: list[tuple[int, int]] = []
    for kind, pattern in ((_DIRECTIVE_KIND, _EXPLICIT), (_PROMPT_KIND, _PROMPT)):
        seen = False  # a match before this one
        last = 0  # where it is
        for m in pattern.finditer(text):
            at = m.start()
            nl = text.rfind("\n", last, at)  # (from the last match only: linear in the text)
            last = at
            if nl >= 0:
                line = nl + 1
            elif seen:
                continue  # on the last match's line, whose mark stands before this one
            else:
                line = 0
            seen = True
            if line < at and text[line:at].strip(" \t"):
                continue  # not at the start of its line
            if kind == _DIRECTIVE_KIND and m[1] is not None:
                name = m[1].lower()
                if name not in CODE_DIRECTIVES:
                    _directive_names(text, name, line, at, m.end(), names)
                    continue
            starts.append((line, kind, at, m.end()))
    for m in _LITERAL_MARK.finditer(text):
        at = m.start()
        starts.append((text.rfind("\n", 0, at) + 1, _LITERAL_KIND, at, m.end()))
    starts.sort()
    out: list[tuple[int, int]] = []
    done = 0  # the blocks so far end here
    for line, kind, at, after in starts:
        if line < done:
            continue
        end = -1
        if kind == _DIRECTIVE_KIND:
            # its options and content: the lines after it, blank or indented more than it;
            # nothing after an empty comment that a blank line follows
            below = _next_line(text, at)
            if not text[at + 2 : below].strip() and _BLANK_LINE.match(text, below):
                end = below
            else:
                end = _dedent(text, below, _columns(text[line:at]))
                if _TARGET.match(text, after):  # a hyperlink target ends at a blank line
                    blank = _BLANK_LINE.search(text, below, end)
                    if blank is not None:
                        end = blank.start()
        elif kind == _PROMPT_KIND:
            if _starts_paragraph(text, line):
                blank = _BLANK_LINE.search(text, line)
                end = blank.start() if blank is not None else len(text)
        elif not _marked_up(text, line) and not _in_line_block(text, line):
            # (a directive's "::" is no literal block's, nor a line block's)
            start, end = _literal_block(text, line, at, after)
            if end <= start:
                continue  # no literal block: the paragraph's own lines stay
            line = start
        if end > line:
            out.append((line, end))
            done = end
    return out, names


_DIRECTIVE_KIND, _PROMPT_KIND, _LITERAL_KIND = 0, 1, 2  # in this order where two share a line


def _directive_names(
    text: str, name: str, line: int, at: int, after: int, out: list[tuple[int, int]]
) -> None:
    """Add to ``out`` what the directive ``name`` (its line at ``line``, its ".." at ``at``, its
    argument from ``after``) holds that the page does not show as text: its markup (``..
    note::`` before text on its line), the value of each option but those in
    :data:`PROSE_OPTIONS` (all of a ``.. meta::``'s are text) with its continuation lines, and
    the argument of the directives in :data:`NAME_ARGUMENTS`, of a domain's (``..
    py:function::``) and of autodoc's (``.. autoclass::``). A fix there would break a link, a
    path or a label."""
    below = _next_line(text, after)
    end = below - 1 if text[below - 1] == "\n" else below
    if end > after and text[end - 1] == "\r":
        end -= 1
    if end > after:  # text on the directive's line
        named = name in NAME_ARGUMENTS or ":" in name or name.startswith("auto")
        out.append((at, end if named else after))
    indent = _columns(text[line:at])
    if name != "meta" and _OPTION_NEXT.match(text, below):
        below = _options(text, below, indent, out)
    if name == "toctree":
        _toctree_entries(text, below, indent, out)


def _toctree_entries(text: str, pos: int, indent: int, out: list[tuple[int, int]]) -> None:
    """Add to ``out`` what a toctree's entries, in the lines from ``pos`` on, name but the page
    does not show: each document's path, and the ``<path>`` after an entry's own title
    ("Intake guide <guides/intake>"), which the page shows."""
    end = _dedent(text, pos, indent)
    while pos < end:
        line_end = min(_next_line(text, pos), end)
        content = text[pos:line_end].rstrip("\r\n")
        stripped = content.strip(" \t")
        if stripped:
            first = pos + len(content) - len(content.lstrip(" \t"))
            last = first + len(stripped)
            target = _target_at(stripped)
            out.append((first + target if target >= 0 else first, last))
        pos = line_end


def _options(text: str, pos: int, indent: int, out: list[tuple[int, int]]) -> int:
    """Add to ``out`` the values of the options in the lines from ``pos`` on, of a directive
    indented ``indent`` columns, but those in :data:`PROSE_OPTIONS`; where the options end."""
    value_indent = -1  # the columns an option's continuation lines go past, in an option
    hidden = False  # whether that option's value is hidden
    while pos < len(text):
        line_end = _next_line(text, pos)
        content = text[pos:line_end].rstrip("\r\n")
        stripped = content.lstrip(" \t")
        if not stripped:
            break  # the options end at a blank line
        lead = _columns(content[: len(content) - len(stripped)])
        if lead <= indent:
            break
        option = _OPTION.match(content) if stripped[0] == ":" else None
        if option is not None:
            value_indent = lead
            hidden = option[2].lower() not in PROSE_OPTIONS
            if hidden and option.end() < len(content):
                out.append((pos + option.end(), pos + len(content)))
        elif value_indent >= 0 and lead > value_indent:
            if hidden:  # the value goes on
                out.append((pos + len(content) - len(stripped), pos + len(content)))
        else:
            break  # the directive's content, or an argument going on
        pos = line_end
    return pos


def _marked_up(text: str, line: int) -> bool:
    """Whether the line at ``line`` is explicit markup."""
    m = _LEAD.match(text, line)
    assert m is not None  # it matches the empty string
    return _MARKUP.match(text, m.end()) is not None


def _in_line_block(text: str, line: int) -> bool:
    """Whether the line at ``line`` belongs to a line block: its paragraph's first line starts
    with "| " (or is "|" alone). A line block keeps its "::" as text, and the indented block
    after it is a block quote."""
    first = line
    while first > 0:
        prev = text.rfind("\n", 0, first - 1) + 1
        if not text[prev : first - 1].strip():
            break
        first = prev
    lead = _LEAD.match(text, first)
    assert lead is not None  # it matches the empty string
    return _LINE_BLOCK.match(text, lead.end()) is not None


def _literal_block(text: str, line: int, at: int, indented: int) -> tuple[int, int]:
    """The literal block after the line at ``line``, whose "::" is at ``at`` and is followed by
    blank lines and the indented line at ``indented``, as (start, end); empty when that line
    is not indented more than the text of the line at ``line`` (after its blanks, and after a
    list item's marker, "* " or "1. ", that may open it) or the line is a title's underline."""
    lead = _LEAD.match(text, line)
    assert lead is not None  # it matches the empty string
    if not text[lead.end() : at].strip(":") and at > lead.end():
        return 0, 0  # a title's underline or overline of colons, not "::" alone
    indent = _columns(lead.group())
    marker = _MARKER.match(text, lead.end(), at)
    if marker is not None:
        indent = _columns(marker.group(), indent)
    return indented, _dedent(text, indented, indent)


def _starts_paragraph(text: str, line: int) -> bool:
    """Whether the line at ``line`` follows a blank line or starts the text."""
    if line == 0:
        return True
    prev = text.rfind("\n", 0, line - 1) + 1
    return not text[prev:line].strip()


def _next_line(text: str, pos: int) -> int:
    """The start of the line after the one ``pos`` is in (the end of the text after the last)."""
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl + 1


def _dedent(text: str, pos: int, indent: int) -> int:
    """The start of the first line at or after ``pos`` (the start of a line after the first)
    that is not blank and is indented ``indent`` columns or less; the end of the text when none
    is."""
    pattern = _dedented(indent)
    at = pos - 1  # the line break before it
    while (m := pattern.search(text, at)) is not None:
        if "\t" not in m.group() or _columns(m.group()[1:]) <= indent:
            return m.start() + 1
        at = m.end()
    return len(text)


@lru_cache(maxsize=64)
def _dedented(indent: int) -> re.Pattern[str]:
    """A line break, then a line indented ``indent`` columns or less (or indented with a tab,
    to be measured) that is not blank."""
    return re.compile(rf"\n(?:[ ]{{0,{indent}}}|[ ]*\t[ \t]*)(?=[^ \t\r\n])")


def _columns(blanks: str, start: int = 0) -> int:
    """The column after ``blanks`` written from column ``start`` (a tab goes to the next
    multiple of 8)."""
    return len((" " * start + blanks).expandtabs(8))
