"""Documents as readers make them: the decoded text, its prose segments with their maps back
to source offsets, and where a segment sits in a file (a Word part, a JSON key)."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice

from msgspec import Struct, field

from ..lazyre import lazy_compile


class OffsetMap:
    """Maps offsets in a derived text back to offsets in the text it was made from.

    The map is a sorted list of chunks. A chunk starting at derived offset ``d`` and source
    offset ``s`` runs until the next chunk. An *identity* chunk maps character for character;
    a *group* chunk maps all its derived characters to the whole source range it came from
    (used where entities, whitespace runs or Unicode normalisation change lengths).
    """

    __slots__ = ("_derived", "_exact", "_source", "_total_derived", "_total_source")

    def __init__(
        self,
        derived: Sequence[int],
        source: Sequence[int],
        exact: Sequence[bool],
        total_derived: int,
        total_source: int,
    ) -> None:
        self._derived = derived
        self._source = source
        self._exact = exact
        self._total_derived = total_derived
        self._total_source = total_source

    @classmethod
    def identity(cls, length: int, source_start: int = 0) -> OffsetMap:
        return cls([0], [source_start], [True], length, source_start + length)

    def _source_end(self, index: int) -> int:
        if index + 1 < len(self._source):
            return self._source[index + 1]
        return self._total_source

    def start(self, offset: int) -> int:
        """Source offset of the character at derived ``offset``."""
        i = bisect_right(self._derived, offset) - 1
        if i < 0:
            return self._source[0]
        if self._exact[i]:
            return min(self._source[i] + offset - self._derived[i], self._source_end(i))
        return self._source[i]

    def end(self, offset: int) -> int:
        """Source offset just after the character before derived ``offset`` (exclusive end)."""
        if offset <= 0:
            return self._source[0]
        i = bisect_right(self._derived, offset - 1) - 1
        if self._exact[i]:
            return min(self._source[i] + offset - self._derived[i], self._source_end(i))
        return self._source_end(i)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.start(start), max(self.end(end), self.start(start))

    def sliced(self, start: int, end: int) -> OffsetMap:
        """The map of derived characters ``start:end``, counted from ``start``."""
        first = bisect_right(self._derived, start) - 1
        last = bisect_left(self._derived, end) - 1  # the chunk holding the last character
        derived, source, exact = [0], [self.start(start)], [self._exact[first]]
        for i in range(first + 1, last + 1):
            derived.append(self._derived[i] - start)
            source.append(self._source[i])
            exact.append(self._exact[i])
        return OffsetMap(derived, source, exact, end - start, self.end(end))


class Location(Struct, frozen=True):
    """Where a segment sits in a file whose lines are not what people navigate by.

    A Word document gives the part (``body``, ``table``, ``text box``, ``header``, ``footer``,
    ``footnote``, ``endnote`` or ``comment``) and the paragraph's 1-based number within its part
    file; a JSON or YAML file gives the key path of the string (``form.fields[3].label``).
    """

    part: str | None = None
    paragraph: int | None = None
    key: str | None = None
    # a paragraph in a Word table: the table's number in reading order, the row and the cell
    table: int | None = None
    row: int | None = None
    cell: int | None = None

    def as_dict(self) -> dict[str, str | int]:
        out: dict[str, str | int] = {}
        for name in ("part", "paragraph", "key", "table", "row", "cell"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out

    def place(self) -> str | None:
        """Where in a Word document, in words ("in table 2, row 3, cell 1", "in the header");
        None for the body and for other files."""
        if self.table is not None:
            return f"in table {self.table}, row {self.row}, cell {self.cell}"
        return _PLACES.get(self.part or "body")


_PLACES = {
    "table": "in a table",
    "text box": "in a text box",
    "header": "in the header",
    "footer": "in the footer",
    "footnote": "in a footnote",
    "endnote": "in an endnote",
    "comment": "in a comment",
}


class Segment(Struct, frozen=True):
    """A run of prose from a document, with a map back to document offsets."""

    text: str
    offsets: OffsetMap
    kind: str = "prose"
    quoted: bool = False
    location: Location | None = None


class ChunkedText:
    """A long decoded text kept as chunks instead of one string.

    CPython stores a string at the width of its widest character, so one emoji makes a 50 MB
    text take 200 MB as a single string. Kept in chunks, only the chunks that hold such a
    character are wide. Supports what readers of large files and findings need: ``len`` and
    slicing (which returns a ``str``). No chunk may end with a carriage return, so a
    ``\\r\\n`` line break never straddles two chunks.
    """

    __slots__ = ("_chunks", "_length", "_starts")

    def __init__(self, chunks: Iterable[str]) -> None:
        self._chunks = [c for c in chunks if c]
        self._starts: list[int] = []
        total = 0
        for chunk in self._chunks:
            self._starts.append(total)
            total += len(chunk)
        self._length = total

    def __len__(self) -> int:
        return self._length

    def __str__(self) -> str:
        return "".join(self._chunks)

    def __getitem__(self, index: slice) -> str:
        start, stop, step = index.indices(self._length)
        if step != 1:
            raise ValueError("ChunkedText slices take no step")
        if start >= stop:
            return ""
        first = bisect_right(self._starts, start) - 1
        parts: list[str] = []
        for i in range(first, len(self._chunks)):
            base = self._starts[i]
            if base >= stop:
                break
            chunk = self._chunks[i]
            parts.append(chunk[max(0, start - base) : stop - base])
        return "".join(parts)

    def chunks(self) -> Iterator[tuple[int, str]]:
        """(offset, chunk) pairs in order."""
        return zip(self._starts, self._chunks, strict=True)


def _first(pair: tuple[int, int]) -> int:
    return pair[0]


def overlaps(ranges: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps one of ``ranges`` (in order and apart), in O(log n)."""
    i = bisect_left(ranges, end, key=_first) - 1  # the last range starting before ``end``
    return i >= 0 and ranges[i][1] > start


class LazyRanges:
    """A test of whether a span overlaps ranges that ``find`` gives (in order and apart),
    found on the first call: for ranges that take a search of a whole file, which only a fix
    asks for (see :attr:`Document.linked` and :attr:`Document.anchored`)."""

    __slots__ = ("_find", "_ranges")

    def __init__(self, find: Callable[[], list[tuple[int, int]]]) -> None:
        self._find: Callable[[], list[tuple[int, int]]] | None = find
        self._ranges: list[tuple[int, int]] = []

    def __call__(self, start: int, end: int) -> bool:
        if self._find is not None:
            self._ranges = self._find()
            self._find = None
        return overlaps(self._ranges, start, end)


class Document(Struct):
    """A source file read into prose segments. ``text`` is the whole decoded source."""

    path: str
    format: str
    text: str | ChunkedText
    segments: Iterable[Segment] = field(default_factory=list)
    # Parts of the file the reader could not read, as one-line errors naming file and line.
    unread: list[str] = field(default_factory=list)
    _line_starts: Sequence[int] | LineIndex | None = None
    # Word comments: (start, end) of the text each is anchored to, and the comment's text
    comments: list[tuple[int, int, str]] = field(default_factory=list)
    # Source ranges, in order and apart, whose words something else finds or receives as
    # they are written (a Markdown reference link's label or a linked heading, a
    # reStructuredText reference name, the value an HTML form sends): a fix there would break
    # that, so none is offered. A reader that yields its segments as it goes adds a segment's
    # ranges before it yields the segment.
    locked: list[tuple[int, int]] = field(default_factory=list)
    # Further locked ranges that take a search of the whole text to find, found on the first
    # call: whether source start:end overlaps one (see :meth:`is_locked`).
    linked: Callable[[int, int], bool] | None = None
    # The edits the format needs besides a fix's own, given those (a reStructuredText title's
    # underline made as long as the fixed title, a table cell's blanks taken up), or None when
    # the format cannot take the fix there (a table cell without room): no fix is offered.
    widen: Callable[[Sequence[tuple[int, int, str]]], list[tuple[int, int, str]] | None] | None = (
        None
    )

    # Whether source start:end lies in text that a link anchor is made from (a Markdown
    # heading without an explicit id, a reStructuredText section title): a fix there changes
    # the anchor, and links to it from other pages break, so the fix is unsafe (see
    # :meth:`is_anchored`). The text is searched on the first call, which only a fix makes.
    anchored: Callable[[int, int], bool] | None = None
    # Source offsets, in order, where the character formatting changes inside a paragraph
    # (between Word runs): a fix whose changed words cross one gives some of them the
    # formatting of others, so it is unsafe (see :meth:`styled_within`).
    styled: list[int] = field(default_factory=list)

    def is_anchored(self, start: int, end: int) -> bool:
        """Whether source ``start:end`` lies in text a link anchor is made from."""
        return self.anchored is not None and self.anchored(start, end)

    def styled_within(self, start: int, end: int) -> list[int]:
        """The offsets of :attr:`styled` strictly inside source ``start:end``."""
        if not self.styled:
            return []
        return self.styled[bisect_right(self.styled, start) : bisect_left(self.styled, end)]

    def is_locked(self, start: int, end: int) -> bool:
        """Whether source ``start:end`` overlaps a range of :attr:`locked`, or one that
        :attr:`linked` finds."""
        if overlaps(self.locked, start, end):
            return True
        return self.linked is not None and self.linked(start, end)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset, in code points.

        Lines are indexed on the first call (see :class:`LineIndex`); each call is then a
        binary search, so findings cost O(log n) each whatever their order or the length of a
        line.
        """
        if self._line_starts is None:
            self._line_starts = line_index(self.text)
        if isinstance(self._line_starts, LineIndex):
            return self._line_starts.position(offset)
        i = bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[i] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        if self._line_starts is None:
            self._line_starts = line_index(self.text)
        starts = self._line_starts
        if isinstance(starts, LineIndex):
            start, end = starts.line_span(line)
        else:
            start = starts[line - 1]
            end = starts[line] if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


class LineIndex:
    """Where the lines of a long text start, listed block by block on first use.

    Counting the line breaks of each block of about ``BLOCK`` characters is done in C when
    the index is made; a block's own list of line starts is built only when a finding falls
    in it, so a long text with a few findings never lists all of its lines. No block ends
    between the two characters of a ``\\r\\n`` line break. The blocks of a
    :class:`ChunkedText` lie within its chunks, none of which ends with a ``\\r``.
    """

    BLOCK = 1 << 16

    __slots__ = ("_before", "_edges", "_first", "_lists", "_text")

    def __init__(self, text: str | ChunkedText) -> None:
        self._text = text
        self._edges: list[int] = []  # where each block starts
        self._before: list[int] = [0]  # line starts after offset 0 before each block (+ total)
        self._first: list[int] = []  # start of the line that holds each block's first offset
        self._lists: dict[int, Sequence[int]] = {}
        line_start = 0
        pieces = text.chunks() if isinstance(text, ChunkedText) else [(0, text)]
        for base, piece in pieces:
            size = len(piece)
            crlf = "\r" in piece
            edge = 0
            while edge < size:
                end = min(edge + self.BLOCK, size)
                if crlf and end < size and piece[end - 1] == "\r" and piece[end] == "\n":
                    end += 1
                self._edges.append(base + edge)
                self._first.append(line_start)
                breaks = piece.count("\n", edge, end)
                if crlf:
                    breaks += piece.count("\r", edge, end) - piece.count("\r\n", edge, end)
                self._before.append(self._before[-1] + breaks)
                if breaks:
                    last = max(piece.rfind("\n", edge, end), piece.rfind("\r", edge, end))
                    line_start = base + last + 1
                edge = end
        if not self._edges:
            self._edges.append(0)
            self._first.append(0)
            self._before.append(0)

    def _starts_in(self, block: int) -> Sequence[int]:
        """Line starts after the block's first offset, up to and including its end."""
        starts = self._lists.get(block)
        if starts is None:
            edge = self._edges[block]
            end = self._edges[block + 1] if block + 1 < len(self._edges) else len(self._text)
            local = line_starts(self._text[edge:end])
            starts = self._lists[block] = [edge + s for s in islice(local, 1, None)]
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        block = max(bisect_right(self._edges, offset) - 1, 0)
        starts = self._starts_in(block)
        i = bisect_right(starts, offset)
        start = starts[i - 1] if i else self._first[block]
        return self._before[block] + i + 1, offset - start + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Start and end offsets of a 1-based line, its line break included."""
        return self._start_of(line - 1), self._start_of(line)

    def _start_of(self, index: int) -> int:
        """Offset of the start of the line after ``index`` line breaks (the text's length when
        there is no such line)."""
        if index <= 0:
            return 0
        if index > self._before[-1]:
            return len(self._text)
        block = bisect_left(self._before, index) - 1
        return self._starts_in(block)[index - self._before[block] - 1]


def line_index(text: str | ChunkedText) -> Sequence[int] | LineIndex:
    """The line starts of ``text``: a plain list for most texts, a block index for long ones
    (a :class:`ChunkedText` is always long)."""
    if isinstance(text, ChunkedText) or len(text) > 4 * LineIndex.BLOCK:
        return LineIndex(text)
    return line_starts(text)


def line_starts(text: str | ChunkedText) -> Sequence[int]:
    """Offsets where lines start; ``\\r\\n``, ``\\r`` and ``\\n`` all end a line."""
    if isinstance(text, ChunkedText):
        starts = array("q", [0])
        for base, chunk in text.chunks():
            starts.extend(base + offset for offset in islice(line_starts(chunk), 1, None))
        return starts
    starts = array("q", [0])
    if "\r" not in text:
        find = text.find
        pos = 0
        while (pos := find("\n", pos)) != -1:
            pos += 1
            starts.append(pos)
        return starts
    starts.extend(m.end() for m in _NEWLINE.finditer(text))
    return starts


_NEWLINE = lazy_compile(r"\r\n?|\n")
