"""HTML web copy and forms, parsed with the standard library's forgiving ``html.parser``.

What people read is kept: visible text, ``<title>``, the page's meta description and its Open
Graph and Twitter text, the ``alt``, ``title``, ``placeholder``, ``aria-label`` and
``aria-description`` attributes, the ``value`` of button, submit and reset inputs, ``label`` on
``<option>`` and ``<optgroup>``, and form error and help text in ``data-*`` attributes (which
ones is configurable). ``script``, ``style``, ``template``, ``code``, ``pre``, ``kbd``,
``samp``, ``svg`` and ``math`` content, comments, URLs and other attribute values are skipped.

Inline elements (``em``, ``strong``, ``a``, ``span``, ``b``, ``i`` and the like) and comments do
not break a phrase; every other element does. Entities are decoded one by one, so every
character maps back to its exact place in the source.

Python 3.14's parser reads comments, unclosed quotes and the content of ``title``,
``textarea`` and the other raw-text elements as HTML5 does; earlier versions do not. The
parser's copy of the input is adjusted (see :func:`_parser_input`) so that every version reads
a document alike.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from fnmatch import fnmatchcase
from functools import lru_cache
from html.parser import HTMLParser
from typing import ClassVar

from ..lazyre import lazy_compile
from ..model import Document, Segment
from ..sentences import SEGMENT_SIZE, cut_at
from .build import PLACEHOLDER, Refused, SegmentBuilder, check_charrefs
from .html_tags import DATA_ATTRIBUTES, INLINE, SKIP, SKIP_INLINE, TAG_NAME, VOID

_KINDS = {
    **{f"h{n}": "heading" for n in range(1, 7)},
    "li": "list-item",
    "td": "cell",
    "th": "cell",
    "title": "title",
    "option": "option",
    "label": "label",
    "legend": "legend",
    "button": "button",
    "caption": "caption",
    "figcaption": "caption",
    "blockquote": "quote",
}
ALWAYS = frozenset({"alt", "title", "placeholder", "aria-label", "aria-description"})
_BUTTON_INPUTS = frozenset({"button", "submit", "reset"})
META_TEXT = frozenset(
    {
        "description",
        "og:title",
        "og:description",
        "og:image:alt",
        "twitter:title",
        "twitter:description",
        "twitter:image:alt",
    }
)
# elements whose start or end ends an <option>'s text (an option's end tag may be left out)
_SENT_ENDS = frozenset({"option", "optgroup", "select", "datalist"})
_ATTR = lazy_compile(r"""[\s/]*([^\s/>=][^\s/>=]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")
_ENTITY_AT = lazy_compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][-.A-Za-z0-9]*);?")
# ``html.parser`` stops at a "&#" that starts no character reference.
_BAD_CHARREF = lazy_compile(r"&(?=#(?!(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]))")
_NOT_PROSE = lazy_compile(
    r"^\s*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[a-z][a-z0-9+.-]*:\S*|[#/.~]\S*|\S*[/\\{}<>=;]\S*)\s*$",
    re.IGNORECASE,
)


def prose_value(value: str) -> bool:
    """Whether an attribute value reads as words rather than a URL, path or code."""
    return bool(value.strip()) and not _NOT_PROSE.match(value)


class HtmlReader:
    name: ClassVar[str] = "html"
    extensions: ClassVar[tuple[str, ...]] = (".html", ".htm", ".xhtml")

    def __init__(self, data_attributes: Sequence[str] = DATA_ATTRIBUTES) -> None:
        self.data_attributes = tuple(data_attributes)

    def read(self, text: str, path: str) -> Document:
        locked: list[tuple[int, int]] = []
        try:
            segments = html_segments(text, data_attributes=self.data_attributes, locked=locked)
        except Refused as exc:
            raise exc.at(path, text) from None
        return Document(path=path, format=self.name, text=text, segments=segments, locked=locked)


def html_segments(
    text: str,
    base: int = 0,
    *,
    quoted: bool = False,
    data_attributes: Sequence[str] = DATA_ATTRIBUTES,
    locked: list[tuple[int, int]] | None = None,
) -> list[Segment]:
    """Segments of an HTML fragment whose first character is at offset ``base``.

    ``data_attributes`` are the patterns of the ``data-*`` attributes read as prose (an empty
    list reads none). Words a form sends as they are written (an ``<option>``'s text without a
    ``value``, a named submit button's ``value``) are added to ``locked`` (see
    :attr:`.Document.locked`): a fix there would change what the server receives.
    """
    check_charrefs(text, base)
    fed, hidden = _parser_input(text)
    walker = _Walker(text, base, quoted, tuple(data_attributes), hidden)
    walker.feed(fed)
    walker.close()
    walker.finish()
    if locked is not None:
        locked.extend(walker.locked)
    return walker.segments


def _parser_input(text: str) -> tuple[str, int]:
    """A copy of ``text`` that ``html.parser`` reads in linear time, and where a hidden tail
    (an unclosed comment) starts.

    ``html.parser`` searches to the end of its input for the end of every construct it cannot
    close, which is quadratic on malformed input. Such constructs are neutralised here by
    same-length changes, so every offset holds; readers take the text itself from ``text``.
    So are the constructs Python 3.14's parser reads as HTML5 does and earlier ones do not
    (see :func:`_comments_and_raw_text` and :func:`_unclosed_quotes`).
    """
    hidden = len(text)
    if "<" not in text and "&#" not in text:
        return text, hidden
    fed = _BAD_CHARREF.sub("\x01", text) if "&#" in text else text
    if "'" in fed or '"' in fed:
        fed = _unclosed_quotes(fed)
    if "\x00" in fed:  # in a tag name as HTML5 reads it, and as Python 3.14's parser does
        fed = fed.replace("\x00", "\ufffd")
    if "<!--" in fed or _parsed_inside():
        fed, unclosed = _comments_and_raw_text(fed)
        # A comment that is never closed hides the rest of the document.
        if unclosed != -1:
            hidden = unclosed
            fed = fed[:unclosed] + fed[unclosed:].replace("<", "\x01").replace("&", "\x01")
    # No "<" after the last ">" can end a tag, a declaration or a processing instruction.
    last_gt = fed.rfind(">")
    if "<" in fed[last_gt + 1 :]:
        fed = fed[: last_gt + 1] + fed[last_gt + 1 :].replace("<", "\x01")
    # Marked sections other than closed CDATA become processing instructions, which end at
    # the next ">" (the parser rejects unknown section keywords outright).
    if "<![" in fed:
        last_cdata = fed.rfind("]]>")
        fed = _MARKED.sub(
            lambda m: m.group() if m.group(1) and m.start() < last_cdata else "<?" + m.group()[2:],
            fed,
        )
    return fed, hidden


_MARKED = lazy_compile(r"<!\[(CDATA\[)?", re.IGNORECASE)
_COMMENT_END = lazy_compile(r"--!?>")
# elements whose content HTML5 reads as text, tags and all; plaintext's runs to the end
_RAW_NAMES = (
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
)
_COMMENT_OR_RAW = lazy_compile(rf"<!--|<({'|'.join(_RAW_NAMES)})(?=[\t\n\r\f />])", re.IGNORECASE)


def _comments_and_raw_text(fed: str) -> tuple[str, int]:
    """``fed`` with its comments and raw-text elements read as HTML5 reads them, whatever the
    Python version's ``html.parser`` does, and where a comment that is never closed starts
    (-1: none).

    Both are found in the order they stand: ``<!--`` inside a script or a title is text, and
    a ``<title>`` inside a comment is no element. A comment ends at the first ``-->`` or
    ``--!>``, and ``<!-->`` and ``<!--->`` are whole (empty) comments; Python 3.14's parser
    reads them so, earlier ones do not: the last two become bogus comments of the same length
    (``<!x->``), and ``--!>`` becomes ``!-->``, which both read as a comment's end. In the
    content of a raw-text element that this Python's parser would read as markup (see
    :func:`_parsed_inside`), every ``<`` becomes ``\x01``: the content is text to the element's
    end tag (or to the end of the input), as Python 3.14's parser reads it."""
    inside = _parsed_inside()
    parts: list[str] = []
    last = 0
    m = _COMMENT_OR_RAW.search(fed)
    while m is not None:
        at = m.start()
        if m.group(1) is None:  # a comment
            body = at + 4
            if fed.startswith(">", body) or fed.startswith("->", body):
                end = body + (1 if fed[body] == ">" else 2)
                parts.append(fed[last:at])
                parts.append("<!x" + fed[at + 3 : end])
                last = end
            else:
                close = _COMMENT_END.search(fed, body)
                if close is None:
                    parts.append(fed[last:])
                    return "".join(parts), at
                end = close.end()
                if close.group() == "--!>":
                    parts.append(fed[last : close.start()])
                    parts.append("!-->")
                    last = end
        else:  # a raw-text element: its content runs to its end tag
            name = m.group(1).lower()
            gt = fed.find(">", m.end())
            if gt == -1:
                break
            close = None if name == "plaintext" else _raw_end(name).search(fed, gt + 1)
            end = len(fed) if close is None else close.start()
            if name in inside:
                parts.append(fed[last : gt + 1])
                parts.append(fed[gt + 1 : end].replace("<", "\x01"))
                last = end
            if close is None:
                break
        m = _COMMENT_OR_RAW.search(fed, end)
    parts.append(fed[last:])
    return "".join(parts), -1


# a start tag whose attribute value opens with a quote: the quote is the last in the match
_OPENING_QUOTE = lazy_compile(r"""<[A-Za-z][^>]*?=[\t\n\r\f ]*(['"])[^>'"]*\Z""")


def _unclosed_quotes(fed: str) -> str:
    """``fed`` with the attribute value quotes that nothing closes made plain characters
    (the last few of each kind: work stays linear).

    Python 3.14's parser reads a start tag with such a quote as running to the end of the
    input, and drops it all; earlier ones end the tag at a ``>`` and read on. A bare value
    (the quote made ``\x01``) reads the same in both: the tag ends at its ``>``."""
    plain: list[int] = []
    for quote in "'\"":
        below = len(fed)
        for _ in range(_QUOTES_TRIED):
            at = fed.rfind(quote, 0, below)
            start = fed.rfind("<", 0, at) if at != -1 else -1
            if start == -1 or _OPENING_QUOTE.match(fed, start, at + 1) is None:
                break
            plain.append(at)
            below = at
    if not plain:
        return fed
    parts: list[str] = []
    last = 0
    for at in sorted(plain):
        parts.append(fed[last:at])
        last = at + 1
    parts.append(fed[last:])
    return "\x01".join(parts)


_QUOTES_TRIED = 16


@lru_cache(maxsize=1)
def _parsed_inside() -> frozenset[str]:
    """The raw-text elements of :data:`_RAW_NAMES` whose content this Python's ``html.parser``
    reads as markup (Python 3.14's reads them all as HTML5 does, earlier ones script and style
    only)."""
    return frozenset(name for name in _RAW_NAMES if _parses_inside(name))


def _parses_inside(name: str) -> bool:
    """Whether ``html.parser`` reads a tag inside a ``name`` element as a tag."""
    seen: list[str] = []

    class Probe(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            seen.append(tag)

    probe = Probe(convert_charrefs=False)
    probe.feed(f"<{name}><b>x</b></{name}>")
    probe.close()
    return "b" in seen


@lru_cache(maxsize=8)
def _raw_end(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{name}(?=[\t\n\r\f />])", re.IGNORECASE)


_BREAK = "\n\n"  # between blocks: a paragraph break in the normalized view


class _Walker(HTMLParser):
    def __init__(
        self, text: str, base: int, quoted: bool, data_attributes: tuple[str, ...], hidden: int
    ) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.base = base
        self.hidden = hidden
        self.data_attributes = data_attributes
        self.pos = 0  # offset in the input of the piece the parser reports next
        self.segments: list[Segment] = []
        self.flow: SegmentBuilder | None = None
        self.attrs: SegmentBuilder | None = None
        self.broken = False  # a block boundary since the flow's last text
        self.skip = 0  # depth inside elements whose content is skipped
        self.kinds: list[tuple[str, str]] = []  # open elements that give text a kind
        self.kind = "prose"  # the kind of the innermost of them
        self.quote = 1 if quoted else 0
        self.sent = False  # inside an <option> without a value: the form sends its text
        self.locked: list[tuple[int, int]] = []

    def updatepos(self, i: int, j: int) -> int:
        """Follow the parser through its input.

        ``html.parser`` hands every piece of its input to this method exactly once, in order
        (the contract ``_markupbase.ParserBase`` documents), before it moves past the piece.
        Adding up their lengths gives the offset of the construct being handled, without the
        line and column bookkeeping that ``getpos`` needs.
        """
        if i < j:
            self.pos += j - i
        return j

    # --- flow text ----------------------------------------------------------------------------

    def builder(self, start: int) -> SegmentBuilder:
        """The builder for text at source offset ``start`` (relative to this fragment).

        Consecutive blocks of the same kind share a segment, separated by a paragraph break
        that no phrase matches across; that keeps the engine's per-segment work small.
        """
        quoted = self.quote > 0
        flow = self.flow
        if flow is not None:
            if flow.kind == self.kind and flow.quoted == quoted and flow.length < SEGMENT_SIZE:
                if self.broken:
                    flow.add(_BREAK, flow.source_end, max(flow.source_end, self.base + start))
                    self.broken = False
                return flow
            self.finish()
        self.broken = False
        self.flow = SegmentBuilder(self.kind, quoted)
        return self.flow

    def flush(self) -> None:
        """A block boundary: the next text starts a new paragraph."""
        if self.flow is not None:
            self.broken = True

    def finish(self) -> None:
        for built in (self.flow, self.attrs):
            if built is not None:
                seg = built.segment()
                if seg is not None:
                    self.segments.append(seg)
        self.flow = self.attrs = None

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        start = self.pos
        end = start + len(data)
        if end > self.hidden:  # none of an unclosed comment
            if start >= self.hidden:
                return
            end = self.hidden
        # the source, not the parser's copy
        raw = self.text[start:end]
        if self.sent:
            self._lock(self.base + start, self.base + end)
        flow = self.flow
        if (
            flow is not None
            and flow.kind == self.kind
            and flow.quoted == (self.quote > 0)
            and flow.length + end - start <= SEGMENT_SIZE
        ):
            # the common case: more text for the current segment
            if self.broken:
                flow.add(_BREAK, flow.source_end, max(flow.source_end, self.base + start))
                self.broken = False
            flow.add_prose(raw, self.base + start)
            return
        flow = self.builder(start)
        if flow.length + len(raw) <= SEGMENT_SIZE:
            flow.add_prose(raw, self.base + start)
            return
        # Keep segments bounded: cut long text at paragraph or sentence ends.
        pos = 0
        while len(raw) - pos > SEGMENT_SIZE:
            cut = pos + cut_at(raw[pos : pos + SEGMENT_SIZE])
            self.builder(start + pos).add_prose(raw[pos:cut], self.base + start + pos)
            self.finish()
            pos = cut
        self.builder(start + pos).add_prose(raw[pos:], self.base + start + pos)

    def _reference(self) -> None:
        if self.skip:
            return
        start = self.pos
        if start >= self.hidden:
            return
        m = _ENTITY_AT.match(self.text, start)
        if m is None:
            return
        decoded = html.unescape(m.group())
        if self.sent:
            self._lock(self.base + start, self.base + m.end())
        if decoded == m.group():
            self.builder(start).add_prose(decoded, self.base + start)
        else:
            self.builder(start).add(decoded, self.base + start, self.base + m.end())

    def _lock(self, start: int, end: int) -> None:
        """Note source ``start:end`` as words the form sends (joined to the last such range
        when they touch)."""
        locked = self.locked
        if locked and locked[-1][1] >= start:
            locked[-1] = (locked[-1][0], max(locked[-1][1], end))
        else:
            locked.append((start, end))

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()

    # --- elements -----------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if attrs or tag not in INLINE:  # an inline element without attributes changes nothing
            self._start(tag, attrs, closed=tag in VOID)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], *, closed: bool) -> None:
        if self.skip:
            if tag in SKIP and not closed:
                self.skip += 1
            return
        start = self.pos
        if tag in _SENT_ENDS:
            self.sent = tag == "option" and not closed and all(n != "value" for n, _ in attrs)
        elif tag == "textarea" and not closed:
            self.sent = True  # its text is what the form sends until someone edits it
        if attrs:
            self.attributes(tag, attrs, self.get_starttag_text() or "", start)
        if tag in INLINE:
            return
        if tag in SKIP:
            if tag in SKIP_INLINE:
                end = self.base + start + len(self.get_starttag_text() or "")
                self.builder(start).add(PLACEHOLDER, self.base + start, end)
            else:
                self.flush()
            if not closed:
                self.skip = 1
            return
        self.flush()
        if not closed and tag in _KINDS:
            self.kinds.append((tag, _KINDS[tag]))
            self.kind = _KINDS[tag]
            if tag == "blockquote":
                self.quote += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SENT_ENDS or tag == "textarea":
            self.sent = False
        if self.skip:
            if tag in SKIP:
                self.skip -= 1
            return
        if tag in INLINE:
            return
        self.flush()
        if tag in _KINDS:
            for i in range(len(self.kinds) - 1, -1, -1):
                if self.kinds[i][0] == tag:
                    for closed, _ in self.kinds[i:]:
                        if closed == "blockquote":
                            self.quote -= 1
                    del self.kinds[i:]
                    self.kind = self.kinds[-1][1] if self.kinds else "prose"
                    break

    # --- attributes ---------------------------------------------------------------------------

    def wanted(self, tag: str, attrs: list[tuple[str, str | None]]) -> set[str]:
        names = {name for name, _ in attrs}
        out = names & ALWAYS
        if tag == "input" and "value" in names:
            kind = next((v for n, v in attrs if n == "type"), None) or ""
            if kind.strip().lower() in _BUTTON_INPUTS:
                out.add("value")
        elif tag in ("option", "optgroup") and "label" in names:
            out.add("label")
        elif tag == "meta" and "content" in names:
            key = next((v for n, v in attrs if n in ("name", "property") and v), "") or ""
            if key.strip().lower() in META_TEXT:
                out.add("content")
        for name in names:
            if name.startswith("data-") and any(
                fnmatchcase(name, pattern) for pattern in self.data_attributes
            ):
                out.add(name)
        return out

    def attributes(
        self, tag: str, attrs: list[tuple[str, str | None]], raw: str, start: int
    ) -> None:
        wanted = self.wanted(tag, attrs)
        if not wanted or not self.text.startswith(raw, start):
            return
        name_end = TAG_NAME.match(raw)
        pos = name_end.end() if name_end else 1
        for m in _ATTR.finditer(raw, pos):
            name, value = m.group(1).lower(), m.group(2)
            if name not in wanted or not value:
                continue
            value_start = m.start(2)
            if value[0] in "\"'":
                value, value_start = value[1:-1], value_start + 1
            if not prose_value(html.unescape(value)):
                continue
            at = self.base + start + value_start
            if name == "value" and tag == "input" and any(n == "name" for n, _ in attrs):
                self._lock(at, at + len(value))  # a named button's value is sent with the form
            batch = self.attrs
            if batch is None or batch.quoted != (self.quote > 0) or batch.length > SEGMENT_SIZE:
                if batch is not None:
                    seg = batch.segment()
                    if seg is not None:
                        self.segments.append(seg)
                batch = self.attrs = SegmentBuilder("attribute", self.quote > 0)
            elif not batch.empty:
                batch.add(_BREAK, batch.source_end, max(batch.source_end, at))
            batch.add_with_entities(value, at)
