"""Markdown read from pulldown-cmark's events (the ``pyromark`` package), with source ranges.

The segments are the ones :mod:`.markdown`'s markdown-it-py walk makes: the same blocks become
segments of the same kinds, and every inline piece goes through the same alignment code, now
started at the exact source position the parser reports instead of searched for. Front matter
is found as :func:`body_line` finds it, and the events are read from the line after it. The
reader falls back to markdown-it-py for what the two parsers treat differently or
what only that walk reports: NUL characters, containers nested deep enough to reach its limit,
and some tildes. Both read a strikethrough between runs of exactly two tildes alike; but
pulldown-cmark also reads one tilde as strikethrough, which markdown-it reads as text, and
longer runs its own way. So where the input holds two tildes in a row anywhere, a tilde in text
and a strikethrough of one tilde go to markdown-it-py, and so does, anywhere, a strikethrough
of one tilde with an asterisk or underscore in its text (see :func:`_two_tildes`). Tildes in
code, code fences, HTML and link destinations are read alike by both.

Given a prefilter (see :data:`respectful_lint.reading.Prefilter`), the reader first gathers a
chunk's blocks with a text that holds every candidate each would give (most often its source:
see :func:`_asked`), asks about them all at once, and aligns only the blocks that may hold a
candidate: most blocks hold none, and aligning is most of the reader's work.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..lazyre import lazy_compile

try:  # an optional speed-up: without it markdown-it-py reads every file
    import pyromark as _pyromark
except ImportError:  # pragma: no cover - exercised only where the wheel is missing
    _pyromark = None  # type: ignore[assignment]

from ..model import Segment
from .build import NOT_SHOWN, PLACEHOLDER
from .build import SegmentBuilder as Builder
from .markdown_align import may_hold_url

if TYPE_CHECKING:
    from ..reading import Prefilter

AVAILABLE = _pyromark is not None
DEEPEST = 40  # containers nested deeper than this go to markdown-it-py, which reports its limit
_NON_ASCII = lazy_compile(r"[^\x00-\x7f]+")

if _pyromark is not None:
    _OPTIONS = _pyromark.Options.ENABLE_TABLES | _pyromark.Options.ENABLE_STRIKETHROUGH
else:  # pragma: no cover
    _OPTIONS = 0


def usable(text: str) -> bool:
    """Whether the event reader gives the same segments as markdown-it-py for this text, read
    from the line after any front matter (see :func:`body_line`).

    Not for a text with a code fence line that has a tab among the blanks after it: CommonMark
    lets such a line close a fence, and markdown-it does, but pulldown-cmark reads the rest of
    the file as code. Nor for one where a ``pre``, ``script``, ``style`` or ``textarea`` HTML
    block may be closed by another of those four end tags, as CommonMark lets it be, where
    pulldown-cmark waits for its own and reads the rest as HTML. Nor for text that holds a lone
    surrogate, which the Python API may be given and UTF-8 cannot carry."""
    if not AVAILABLE or "\0" in text:
        return False
    if not text.isascii() and _SURROGATE.search(text):
        return False  # a lone surrogate (from the Python API) is no UTF-8 for the parser
    if "\t" in text and any("\t" in m[1] for m in _BARE_FENCE.finditer(text)):
        return False
    return "</" not in text or not _raw_blocks_part(text)


# a fence line with nothing but blanks after its backticks or tildes (the blanks in group 1;
# possessive, so that a long run of blanks before other text is not searched again)
_BARE_FENCE = lazy_compile(r"^ {0,3}(?:`{3,}|~{3,})([ \t]*+)\r?$", re.MULTILINE)
_SURROGATE = lazy_compile("[\ud800-\udfff]")
_RAW_TAG = lazy_compile(r"<(/?)(pre|script|style|textarea)(?=[\s>]|$)", re.IGNORECASE)


def _raw_blocks_part(text: str) -> bool:
    """Whether an HTML block that only those four tags open (at a line's start, indented less
    than four columns) may meet another of their end tags: both parsers then read it apart."""
    opened: set[str] = set()
    closed: set[str] = set()
    for m in _RAW_TAG.finditer(text):
        name = m[2].lower()
        if m[1]:
            if text.startswith(">", m.end()):
                closed.add(name)
        else:
            before = text[max(0, m.start() - 4) : m.start()]  # a line start is 3 columns back
            cut = before.rfind("\n")
            lead = before[cut + 1 :] if cut != -1 or m.start() < 4 else None
            if lead is not None and not lead.strip(" "):
                opened.add(name)
    return any(end != start for end in closed for start in opened)


def body_line(text: str, starts: Sequence[int]) -> int:
    """The first line after the front matter, which markdown-it-py's front matter plugin is
    then given to skip; 0 when the text has none.

    The text's first line is three or more dashes followed by spaces and tabs only, as Jekyll,
    Hugo and Pandoc have it (the plugin also takes a first line with other text after the
    dashes, such as ``--- Draft ---``, which those tools read as text; the plugin is then not
    used). As that plugin has it, a later line closes the block with at least as many dashes
    (indented less than four columns) or with ``...`` at its start, either followed by spaces
    and tabs only. Without a closing line there is no front matter.
    """
    if not text.startswith("---"):
        return 0
    first_end = _line_content_end(text, starts, 0)
    opening = text[:first_end].rstrip(" \t")
    markers = len(opening)
    if opening.lstrip("-"):
        return 0
    for line in range(1, len(starts)):
        start = starts[line]
        content = text[start : _line_content_end(text, starts, line)]
        if content.startswith("...") and not content[3:].strip(" \t"):
            return line + 1
        rest = content.lstrip(" \t")
        if not rest.startswith("-") or _columns(content[: len(content) - len(rest)]) >= 4:
            continue
        dashes = len(rest) - len(rest.lstrip("-"))
        if dashes >= markers and not rest[dashes:].strip(" \t"):
            return line + 1
    return 0


def _line_content_end(text: str, starts: Sequence[int], line: int) -> int:
    """Where line ``line`` ends, before its line break."""
    end = starts[line + 1] if line + 1 < len(starts) else len(text)
    while end > starts[line] and text[end - 1] in "\r\n":
        end -= 1
    return end


def _columns(indent: str) -> int:
    """The width of an indent of spaces and tabs, a tab reaching the next multiple of four."""
    return len(indent.expandtabs(4))


class Differ(Exception):
    """The event reader cannot promise markdown-it-py's result for this text."""


class Deep(Differ):
    """Containers nest too deep for the event reader to promise markdown-it-py's result."""


class Tildes(Differ):
    """Tildes the two parsers may read apart: in a text holding two tildes in a row, a tilde
    in text or a strikethrough of one tilde; anywhere, a strikethrough of one tilde around an
    asterisk or underscore in text (see :func:`_two_tildes`)."""


def _char_offsets(chunk: str) -> Callable[[int], int]:
    """A function from UTF-8 byte offsets in ``chunk`` to code point offsets."""
    if chunk.isascii():
        return int
    byte_starts: list[int] = []  # where each run of non-ASCII characters starts, in bytes
    byte_ends: list[int] = []
    char_starts: list[int] = []
    shifts: list[int] = []  # bytes minus characters up to the end of each run
    runs: list[bytes] = []
    shift = 0
    for m in _NON_ASCII.finditer(chunk):
        run = m.group().encode("utf-8")
        byte_starts.append(m.start() + shift)
        byte_ends.append(m.start() + shift + len(run))
        char_starts.append(m.start())
        runs.append(run)
        shift += len(run) - len(m.group())
        shifts.append(shift)

    def convert(byte: int) -> int:
        i = bisect_right(byte_starts, byte) - 1
        if i < 0:
            return byte
        if byte >= byte_ends[i]:
            return byte - shifts[i]
        return char_starts[i] + len(runs[i][: byte - byte_starts[i]].decode("utf-8", "ignore"))

    return convert


def segments(
    walker: Any, chunk: str, base: int, prefilter: Prefilter | None = None
) -> list[Segment]:
    """The segments of ``chunk`` (at ``base`` in the file), built with ``walker``'s alignment.

    ``walker`` is a :class:`~.markdown._Walker` over the whole file; its cursor and region are
    set from the parser's ranges. Raises :class:`Differ` where the two parsers may part.

    With ``prefilter`` (see :data:`respectful_lint.reading.Prefilter`), the segments of a block
    whose text (see :func:`_asked`) it answers False for are left out, and the block is not
    aligned.
    """
    assert _pyromark is not None
    blocks = _Blocks(walker, chunk, base, prefilter is not None)
    # inline events of the current block, in order, with the parser's ranges (UTF-8 bytes in
    # the chunk), turned into offsets in the file only for what reads them (see _Blocks.flush)
    leaf = blocks.leaf
    code = 0  # blocks.code, read again when a block starts or ends
    tildes = "~~" in chunk
    struck = 0  # strikethroughs of one tilde open, read as text (see _two_tildes)
    events: Any = _pyromark.events_with_range(chunk, options=_OPTIONS)
    for event, span in events:
        if type(event) is str:  # SoftBreak, HardBreak, Rule
            if event != "Rule":
                leaf.append((event, span["start"], span["end"]))
            else:
                blocks.flush()
            continue
        if "Text" in event:
            if not code:
                value = event["Text"]
                if tildes and "~" in value:
                    raise Tildes
                if struck and ("*" in value or "_" in value):
                    raise Tildes  # a delimiter the one-tilde pair took from markdown-it's reading
                leaf.append((event, span["start"], span["end"]))
            continue
        if "Start" in event:
            tag = event["Start"]
            name = tag if type(tag) is str else next(iter(tag))
            if name not in _INLINE_TAGS:
                blocks.start(name, span)
                code = blocks.code
                continue
            blocks.simple = False
            start = span["start"]
            if name != "Strikethrough" or (tildes and _two_tildes(chunk, blocks.pos, span)):
                leaf.append((event, start, span["end"]))
            elif tildes:
                raise Tildes
            else:  # one tilde, as no two stand in a row: markdown-it reads it as text
                struck += 1
                leaf.append(({"Text": "~"}, start, start + 1))
            continue
        if "End" in event:
            tag = event["End"]
            name = tag if type(tag) is str else next(iter(tag))
            if name not in _INLINE_TAGS:
                blocks.end(name, span)
                code = blocks.code
                continue
            blocks.simple = False
            end = span["end"]
            if name == "Strikethrough" and not (tildes and _two_tildes(chunk, blocks.pos, span)):
                struck -= 1  # one tilde: the start raised for any other run
                leaf.append(({"Text": "~"}, end - 1, end))
            else:
                leaf.append((event, span["start"], end))
            continue
        if "Html" in event:  # lines of an HTML block, read whole at its start
            continue
        if not code:  # Code, InlineHtml and the like
            if "Code" not in event:
                blocks.simple = False
            leaf.append((event, span["start"], span["end"]))
    blocks.flush()
    if prefilter is not None:
        blocks.finish(prefilter)
    return list(walker.segments)


class _Blocks:
    """The blocks open at a point of one chunk's events, and the inline events of the block
    being read; a block's inline events are walked when it ends or another starts (with a
    prefilter, once the chunk's events are read: see :meth:`finish`)."""

    __slots__ = (
        "base",
        "code",
        "depth",
        "held",
        "kinds",
        "leaf",
        "pos",
        "quote_depth",
        "simple",
        "text",
        "walker",
    )

    def __init__(self, walker: Any, chunk: str, base: int, hold: bool = False) -> None:
        self.walker = walker
        self.text: str = walker.text
        self.base = base
        self.pos = _char_offsets(chunk)
        self.quote_depth = 0
        self.depth = 0  # containers open: block quotes, lists and items
        self.kinds: list[str] = []  # segment kinds of the open list items, headings and cells
        self.code = 0  # inside a code block
        self.leaf: list[tuple[Any, int, int]] = []
        self.simple = True  # the block's inline events are text, code and line breaks only
        # with a prefilter: the blocks of the chunk, in order, walked once it has answered
        self.held: list[_Held] | None = [] if hold else None

    def flush(self, block_end: int = -1) -> None:
        """Walk the inline events gathered so far, as one block's (or hold them, with a
        prefilter, for :meth:`finish`)."""
        leaf = self.leaf
        if leaf:
            kind = self.kinds[-1] if self.kinds else "prose"
            if self.quote_depth:
                kind = "quote"
            quoted = self.quote_depth > 0
            if self.held is None:
                placed = self.placed(leaf)
                _inline(self.walker, self.text, placed, kind, quoted, max(block_end, placed[-1][2]))
            else:
                first, last = self.at(leaf[0][1]), self.at(leaf[-1][2])
                simple = self.simple and not quoted
                asked = _asked(self.text, leaf, simple, first, last, self.placed)
                self.held.append((leaf.copy(), kind, quoted, max(block_end, last), asked, first))
            leaf.clear()
        self.simple = True

    def at(self, byte: int) -> int:
        """The offset in the file of a byte offset in the chunk."""
        return self.base + self.pos(byte)

    def placed(self, leaf: Sequence[tuple[Any, int, int]]) -> list[tuple[Any, int, int]]:
        """Inline events with their ranges as offsets in the file."""
        base, pos = self.base, self.pos
        if pos is int:  # an ASCII chunk: bytes are characters
            return [(event, base + start, base + end) for event, start, end in leaf]
        return [(event, base + pos(start), base + pos(end)) for event, start, end in leaf]

    def finish(self, prefilter: Prefilter) -> None:
        """Walk the held blocks whose text the prefilter says may hold a candidate,
        those it cannot answer for, and any that shares its lines with the next walked block
        (cells of one table row: the next one's alignment goes on from where it stopped)."""
        held = self.held
        assert held is not None
        blocks = [item for item in held if isinstance(item, tuple)]
        answers = iter(prefilter([b[4] for b in blocks if b[4] is not None]))
        walk = [b[4] is None or next(answers) for b in blocks]
        walker, text = self.walker, self.text
        for i in range(len(walk) - 2, -1, -1):
            if (
                not walk[i]
                and walk[i + 1]
                and _lines(walker, text, blocks[i][5], blocks[i][3])
                == _lines(walker, text, blocks[i + 1][5], blocks[i + 1][3])
            ):
                walk[i] = True
        i = 0
        for item in held:
            if not isinstance(item, tuple):
                walker.segments.extend(item)
                continue
            if walk[i]:
                leaf, kind, quoted, end, _, _ = item
                _inline(walker, text, self.placed(leaf), kind, quoted, end)
            else:
                # the next block walked has other lines (see above), so its walk starts on
                # its first line, as after this block's walk
                walker.last_map = None
            i += 1
        held.clear()

    def start(self, name: str, span: Any) -> None:
        """A block starts. Raises :class:`Deep` when containers nest too deep."""
        self.flush()
        if name == "BlockQuote":
            self.quote_depth += 1
            self.depth += 1
        elif name in ("List", "Item"):
            self.depth += 1
            if name == "Item":
                self.kinds.append("list-item")
        elif name == "Heading":
            self.kinds.append("heading")
            start = self.base + self.pos(span["start"])
            if _tab_at_end(self.text, start):
                raise Differ
            self.walker.headings.append((start, self.base + self.pos(span["end"])))
        elif name == "TableCell":
            self.kinds.append("cell")
        elif name == "CodeBlock":
            self.code += 1
        elif name == "HtmlBlock":
            self.html_block(self.base + self.pos(span["start"]), self.base + self.pos(span["end"]))
        if self.depth > DEEPEST:
            raise Deep

    def end(self, name: str, span: Any) -> None:
        """A block ends."""
        self.flush(self.base + self.pos(span["end"]) if name in ("Paragraph", "Heading") else -1)
        if name == "BlockQuote":
            self.quote_depth -= 1
            self.depth -= 1
        elif name in ("List", "Item"):
            self.depth -= 1
            if name == "Item" and self.kinds:
                self.kinds.pop()
        elif name in ("Heading", "TableCell"):
            if self.kinds:
                self.kinds.pop()
        elif name == "CodeBlock":
            self.code -= 1

    def html_block(self, start: int, end: int) -> None:
        """An HTML block, read whole from the start of its first line to the end of its last."""
        text = self.text
        line_start = text.rfind("\n", 0, start) + 1
        if end > line_start and text[end - 1] != "\n":
            nl = text.find("\n", end)
            end = len(text) if nl == -1 else nl + 1
        from .html import html_segments  # a file without raw HTML never needs it

        found = html_segments(
            text[line_start:end],
            line_start,
            quoted=self.quote_depth > 0,
            data_attributes=self.walker.data_attributes,
            locked=self.walker.locked,
        )
        if self.held is None:
            self.walker.segments.extend(found)
        else:
            self.held.append(found)


_INLINE_TAGS = frozenset({"Emphasis", "Strong", "Strikethrough", "Link", "Image"})

# a held block (its inline events with the parser's ranges, kind, quotedness, end, the text the
# prefilter is asked about and where its first event starts), or the segments of an HTML block
_Held = tuple[list[tuple[Any, int, int]], str, bool, int, str | None, int] | list[Segment]
# inline events, their ranges turned into offsets in the file
_Placer = Callable[[Sequence[tuple[Any, int, int]]], list[tuple[Any, int, int]]]


def _lines(walker: Any, text: str, first: int, block_end: int) -> tuple[int, int]:
    """The lines of the chunk a block's walk reads, as :meth:`.markdown._Walker.block` gets
    them (``first``: where its first inline event starts)."""
    first_line = bisect_right(walker.starts, first) - 1
    last_line = bisect_right(walker.starts, _line_end(text, block_end) - 1)
    return (first_line - walker.first_line, last_line - walker.first_line)


def _asked(
    text: str,
    leaf: Sequence[tuple[Any, int, int]],
    simple: bool,
    first: int,
    last: int,
    placed: _Placer,
) -> str | None:
    """What the prefilter is asked about a block whose source holds no backslash or
    ampersand: for a ``simple`` block (text, code spans and line breaks, outside block quotes)
    without a URL its source from its first inline event to its last, for any other its text
    events joined (see :func:`_joined`); for a block with either character, its plain text
    (see :func:`_plain`). ``leaf`` holds the parser's ranges, ``first`` and ``last`` are where
    the block's first event starts and its last ends in the file, and ``placed`` turns the
    ranges into offsets in the file for the plain text.

    The source of a simple block is its segment's text with each line break widened to the
    blanks around it (the line's trailing blanks, the next line's indent), each code span
    whole with its backticks where the segment has a placeholder, and no edge trimmed. Both
    a placeholder and a backtick end a word and are part of no candidate, so every candidate
    of the segment is a candidate of the source (a property test checks this), and a source
    without one tells the block apart as surely as its plain text, which takes a walk over
    its events to build. An escape or a character reference reads otherwise in the source
    and in the events (a block with either takes the plain text), and a block quote's markers
    stand at its line starts (a quoted block takes its text events joined).
    """
    source = text[first:last]
    if "\\" in source or "&" in source:
        return _plain(text, placed(leaf))
    if simple and not may_hold_url(source):
        return source if "^" not in source and "{" not in source else _unmasked(source)
    return _joined(text, leaf, placed)


def _unmasked(text: str) -> str:
    """``text`` with the markup the segment blanks (footnote labels, attribute blocks: see
    :func:`.build.mask`) blanked here too, so that words the blank joins into a term are
    asked about as the segment holds them."""
    if "^" in text or "{" in text:
        return NOT_SHOWN.sub(" ", text)
    return text


def _joined(text: str, leaf: Sequence[tuple[Any, int, int]], placed: _Placer) -> str | None:
    """The text of each text event of a block whose source holds no escape or character
    reference, joined as the segment joins them: a line break for each break and a
    placeholder for each code span, the markup between them left out. None, as from
    :func:`_plain`, for a block that is always walked (a URL); a block with an image, an
    autolink or inline HTML takes the plain text.

    Without an escape or a reference every text event is a verbatim run of the source, so
    this is the plain text but for the blanks :func:`_text_run` trims at the block's ends and
    keeps before a line break, which the normalized view collapses anyway: every candidate
    of the segment is a candidate of this text (the same property test checks this).
    """
    parts: list[str] = []
    for event, _, _ in leaf:
        if type(event) is str:  # SoftBreak, HardBreak
            parts.append("\n")
            continue
        value = event.get("Text")
        if value is not None:
            parts.append(value)
        elif "Code" in event:
            parts.append(PLACEHOLDER)
        elif "Start" in event:
            tag = event["Start"]
            if type(tag) is not str and (
                "Image" in tag or tag.get("Link", {}).get("link_type") in ("Autolink", "Email")
            ):
                return _plain(text, placed(leaf))
        elif "End" not in event:  # inline HTML and the like
            return _plain(text, placed(leaf))
    joined = "".join(parts)
    return None if may_hold_url(joined) else _unmasked(joined)


def _plain(text: str, leaf: Sequence[tuple[Any, int, int]]) -> str | None:
    """The text of the segment :func:`_inline` makes of a plain block, or None for a block
    that is not plain.

    A plain block holds text, line breaks, inline code, emphasis and links with a text (no
    images, inline HTML or autolinks), no URL, e-mail address or other text the segment
    masks (see :data:`.build.NOT_SHOWN`), and runs of text that are
    verbatim source (no escape or character reference). Its walk makes one segment of the
    text built here: each run of text as :func:`_text_run` gives it, a line break for each
    break and a placeholder for each code span, with the markup between them left out. The
    walk finds each of those pieces in the source, so the scan finds the same candidates in
    both; a property test compares the two texts. A run holding an escape or a reference is
    aligned character by character, and where the aligner loses its place it drops text,
    which can join the words around it into a term ("&#150;" is U+0096 to the parser, an en
    dash to the aligner): such a block is always walked.
    """
    parts: list[str] = []
    first = True
    i = 0
    n = len(leaf)
    while i < n:
        event = leaf[i][0]
        if type(event) is str:  # SoftBreak, HardBreak
            parts.append(_blanks_before_break(text, leaf, i) + "\n")
            i += 1
            first = False
            continue
        key = next(iter(event))
        if key == "Text":
            content, after = _text_run(text, leaf, i, first)
            source = "".join([leaf[j][0]["Text"] for j in range(i, after)])
            start = leaf[i][1]
            if leaf[after - 1][2] - start != len(source) or not text.startswith(source, start):
                return None  # an escape or a character reference: see above
            i = after
            parts.append(content)
            first = False
            continue
        i += 1
        first = False
        if key == "Code":
            parts.append(PLACEHOLDER)
        elif key == "Start" or key == "End":
            value = event[key]
            name = value if type(value) is str else next(iter(value))
            if name == "Image" or (
                name == "Link"
                and key == "Start"
                and value["Link"]["link_type"] in ("Autolink", "Email")
            ):
                return None
        else:  # inline HTML and the like
            return None
    plain = "".join(parts)
    # (a footnote's label or an attribute block, masked like a URL, may follow "^" or "{")
    return None if may_hold_url(plain) or "^" in plain or "{" in plain else plain


def _two_tildes(chunk: str, pos: Callable[[int], int], span: Any) -> bool:
    """Whether the strikethrough over ``span`` (UTF-8 bytes in ``chunk``, which ``pos`` turns
    into offsets in it) opens and closes with a run of exactly two tildes, with a letter or
    digit inside each run.

    markdown-it reads a run of two as strikethrough too, but decides which runs open and close
    by CommonMark's flanking rules, where pulldown-cmark is freer ('a~~`' opens for it alone).
    A letter or digit after the opening run and before the closing one makes the runs open and
    close for markdown-it whatever stands outside them, and it pairs them as pulldown-cmark
    does (a pair leaves any delimiter between its runs unpaired), so the events stand for its
    tokens. It reads a run of one tilde as text, so a strikethrough of one tilde becomes that
    text again: where an asterisk or underscore stands inside it (a delimiter the pair left
    unpaired, which markdown-it may pair), or where two tildes stand in a row anywhere, the
    file goes to markdown-it instead.
    """
    start, end = pos(span["start"]), pos(span["end"])
    return (
        end - start > 4
        and chunk.startswith("~~", start)
        and chunk[end - 2 : end] == "~~"
        and chunk[start + 2].isalnum()
        and chunk[end - 3].isalnum()
    )


def _tab_at_end(text: str, start: int) -> bool:
    """Whether the heading at ``start`` is an ATX heading with a tab among the spaces, tabs and
    number signs that end its line: markdown-it reads a closing sequence beside a tab as one,
    pulldown-cmark as text ('# Title #<tab>' is 'Title' to one, 'Title #' to the other)."""
    if not text.startswith("#", start):
        return False
    end = text.find("\n", start)
    line = text[start : len(text) if end == -1 else end].rstrip("\r")
    return "\t" in line[len(line.rstrip(" \t#")) :]


def _line_end(text: str, end: int) -> int:
    if end > 0 and text[end - 1] == "\n":
        return end
    nl = text.find("\n", end)
    return len(text) if nl == -1 else nl + 1


def _text_run(
    text: str, leaf: Sequence[tuple[Any, int, int]], i: int, first: bool
) -> tuple[str, int]:
    """The content of the run of text events from ``leaf[i]`` as markdown-it's one text token
    holds it, and the index of the event after the run. ``first``: the run starts the block."""
    # markdown-it joins the pieces of a run of text (escapes, entities) into one token;
    # it strips the block's source, and spaces before a line break, before decoding
    event, start, end = leaf[i]
    value = event["Text"]
    content = [value]
    verbatim_start = text.startswith(value, start)
    last_start, last_end = start, end
    i += 1
    n = len(leaf)
    while i < n and type(leaf[i][0]) is not str and "Text" in leaf[i][0]:
        value = leaf[i][0]["Text"]
        last_start, last_end = leaf[i][1], leaf[i][2]
        content.append(value)
        i += 1
    if first and verbatim_start:
        content[0] = content[0].lstrip()
    verbatim_end = text.startswith(value, last_start)
    if i == n:
        if verbatim_end:
            content[-1] = content[-1].rstrip()
    elif type(leaf[i][0]) is str and leaf[i][0] in ("SoftBreak", "HardBreak"):
        # markdown-it keeps the blanks before the line break but the last spaces
        brk = leaf[i][1]
        gap = text[last_end:brk]
        while brk < len(text) and text[brk] in " \t":
            gap += text[brk]
            brk += 1
        if text.startswith("\\", brk):  # a backslash break keeps the spaces
            content.append(gap)
        elif gap and _backslash_before(text, last_end):
            # markdown-it reads a backslash and the blank after it as one token, which keeps it
            content.append(gap[0] + gap[1:].rstrip(" "))
        elif verbatim_end:
            content[-1] = (content[-1] + gap).rstrip(" ")
        else:
            content.append(gap.rstrip(" "))
    return "".join(content), i


def _backslash_before(text: str, end: int) -> bool:
    """Whether ``text[:end]`` ends with a backslash that escapes nothing before it (an odd
    run of them)."""
    start = end
    while start > 0 and text[start - 1] == "\\":
        start -= 1
    return (end - start) % 2 == 1


def _inline(
    walker: Any,
    text: str,
    leaf: Sequence[tuple[Any, int, int]],
    kind: str,
    quoted: bool,
    block_end: int,
) -> None:
    """One block's inline events, walked in the steps :meth:`.markdown._Walker.inline` takes
    for the markdown-it tokens the events stand for (a run of text events is one text token).
    """
    walker.block(*_lines(walker, text, leaf[0][1], block_end))
    main = Builder(kind, quoted)
    extra: list[Builder] = []
    skipping = False  # inside an autolink, until it ends
    html_skip = 0  # depth inside inline HTML elements whose content is skipped
    first = True
    i = 0
    n = len(leaf)
    value: Any  # the event's content: text, or the tag of a start or end
    while i < n:
        event, start, end = leaf[i]
        if type(event) is str:  # SoftBreak, HardBreak
            key, value = event, None
        else:
            key = next(iter(event))
            value = event[key]
        if key == "Text":
            content, i = _text_run(text, leaf, i, first)
            first = False
            if content and not skipping:
                if html_skip:
                    walker.placeholder_for(content, main)
                else:
                    walker.text_piece(content, main, quoted)
            continue
        i += 1
        first = False
        if key == "Start" or key == "End":
            name = value if type(value) is str else next(iter(value))
            if name == "Image":
                if key == "Start":  # its events up to its end are its children
                    texts, i = _image_texts(text, leaf, i)
                    if not skipping and not html_skip:
                        alt = walker.image(texts, main, quoted)
                        if alt is not None:
                            extra.append(alt)
            elif skipping:
                skipping = not (key == "End" and name == "Link")
            elif html_skip:
                pass
            elif name == "Link":
                if key == "End":
                    walker.skip_destination()
                elif value["Link"]["link_type"] in ("Autolink", "Email"):
                    walker.autolink(main)
                    skipping = True
                else:
                    walker.open_link()
            else:  # emphasis, strong or strikethrough: step over its markup
                mark = text[start] if key == "Start" else text[end - 1]
                walker.consume(mark * 2 if name in ("Strong", "Strikethrough") else mark)
        elif skipping:
            pass
        elif key == "InlineHtml":
            html_skip = walker.inline_html(value, main, quoted, html_skip)
        elif html_skip:
            if key == "SoftBreak" or key == "HardBreak":
                blanks = _blanks_before_break(text, leaf, i - 1)
                if blanks:
                    walker.placeholder_for(blanks, main)
        elif key == "SoftBreak" or key == "HardBreak":
            blanks = _blanks_before_break(text, leaf, i - 1)
            if blanks:
                walker.text_piece(blanks, main, quoted)
            walker.line_break(main, quoted)
        elif key == "Code":
            span = text[start:end]
            walker.placeholder_for_code("`" * max(len(span) - len(span.lstrip("`")), 1), main)
    walker.add_segments((main, *extra))


def _blanks_before_break(text: str, leaf: Sequence[tuple[Any, int, int]], k: int) -> str:
    """The blanks between the inline construct before the line break ``leaf[k]`` and its line
    end, as markdown-it's text token holds them: the last spaces left out, tabs kept.

    pulldown-cmark reports no text for them; after a run of text :func:`_text_run` adds them,
    and after the end of emphasis, a link, inline code or inline HTML this does.
    """
    if k == 0:
        return ""
    event, _, end = leaf[k - 1]
    if type(event) is str or not ("End" in event or "Code" in event or "InlineHtml" in event):
        return ""
    newline = end
    while newline < len(text) and text[newline] in " \t":
        newline += 1
    if newline == end or not text.startswith(("\n", "\r"), newline):
        return ""
    return text[end:newline].rstrip(" ")


def _image_texts(text: str, leaf: Sequence[tuple[Any, int, int]], i: int) -> tuple[list[str], int]:
    """The text tokens among the children of the image whose start event precedes ``leaf[i]``,
    and the index of the event after its end (images inside it keep their own text)."""
    texts: list[str] = []
    depth = 1
    n = len(leaf)
    while i < n:
        event = leaf[i][0]
        if type(event) is str:
            i += 1
            continue
        key = next(iter(event))
        if key == "Text":
            content, i = _text_run(text, leaf, i, False)
            if content and depth == 1:
                texts.append(content)
            continue
        i += 1
        if key == "Start" or key == "End":
            value = event[key]
            if (value if type(value) is str else next(iter(value))) == "Image":
                depth += 1 if key == "Start" else -1
                if depth == 0:
                    break
    return texts, i
