"""Markdown, parsed with pulldown-cmark (``pyromark``) or markdown-it-py.

Most files are read from pulldown-cmark's events, which carry exact source ranges
(:mod:`.markdown_fast`), which takes the steps the walk below takes for markdown-it's tokens, so
both parsers give the same segments. markdown-it-py reads the rest (see :mod:`.markdown_fast`:
NUL characters, very deep nesting, some tildes) and every file when ``pyromark`` is missing.

Prose is kept: paragraphs, headings, list items, table cells, block quotes, link text and image
alt text. Fenced and indented code, inline code, autolinks, bare URLs, link destinations, raw
HTML, HTML comments and front matter are skipped. Emphasis and line breaks inside a paragraph
do not split a phrase, and every piece of a segment maps back to its exact source position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar

from ..fences import closes, fenced_blocks, opens
from ..lazyre import lazy_compile
from ..model import Document, Location, Segment, line_starts
from ..model.document import LazyRanges
from . import markdown_fast
from .build import NOT_SHOWN, PLACEHOLDER, Refused, name_key, united, with_blanks
from .build import SegmentBuilder as _Builder
from .html_tags import DATA_ATTRIBUTES, INLINE, SKIP, tag_name
from .markdown_align import Aligner, tick_run

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

    from ..reading import Prefilter

CHUNK_SIZE = 256 * 1024
# A chunk this long holds a block of over 256 KB with no blank line: it is read as plain text.
# The longest block in 445 Markdown files of documentation is 80 KB.
MAX_CHUNK = 2 * CHUNK_SIZE


MAX_NESTING = 100  # block quotes and lists nested this deep or deeper are not read


@lru_cache(maxsize=2)
def _parser(front_matter: bool = False) -> MarkdownIt:
    """One parser for every file: building it costs more than parsing a small file.

    ``front_matter``: with the front matter plugin, for the chunk a file's front matter starts
    (see :meth:`MarkdownReader.read`). The plugin reads any text whose first character is a
    dash, inside a list item too: "- a--" at the start of a chunk would be front matter to it.

    Imported on first use: most files are read from pulldown-cmark's events instead."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    # markdown-it stops reading a container nested this deep (its default is 20); the
    # deepest tokens it still makes are then two levels short of it
    md.options["maxNesting"] = MAX_NESTING + 2
    if front_matter:
        from mdit_py_plugins.front_matter import front_matter_plugin

        md.use(front_matter_plugin)
    return md


def _too_deep(tokens: list[Token]) -> Token | None:
    """The first token at the nesting limit, where text may have been left unread."""
    for tok in tokens:
        if tok.level >= MAX_NESTING + 1:
            return tok
    return None


class MarkdownReader:
    name: ClassVar[str] = "markdown"
    extensions: ClassVar[tuple[str, ...]] = (".md", ".markdown", ".mdown", ".mkd", ".mdx")

    def __init__(self, data_attributes: Sequence[str] = DATA_ATTRIBUTES) -> None:
        self.data_attributes = tuple(data_attributes)  # for raw HTML, as in HtmlReader

    # ``read`` takes a prefilter: see :func:`respectful_lint.reading.read_document`
    prefilters: ClassVar[bool] = True

    def read(self, text: str, path: str, prefilter: Prefilter | None = None) -> Document:
        """The document of ``text``. With ``prefilter``, blocks whose text it answers False
        for may be left out (see :func:`.markdown_fast.segments`)."""
        doc = Document(path=path, format=self.name, text=text)
        if path.lower().endswith(".mdx") and ("{" in text or "import" in text or "export" in text):
            text = mdx_as_markdown(text)  # the document keeps the source, for fixes
        starts = line_starts(text)
        doc._line_starts = starts
        locked: list[tuple[int, int]] = []
        headings: list[tuple[int, int]] = []  # the Markdown headings' source ranges
        # Both parsers read the same chunks, cut from the line after any front matter;
        # markdown-it-py's first chunk takes the front matter back, for its plugin to skip.
        body = markdown_fast.body_line(text, starts)
        shown = _front_matter(text, starts[body - 1]) if body else []
        found: list[Segment] = list(shown)
        chunks = _chunks(text, starts, body)
        if markdown_fast.usable(text):
            try:
                for first_line, chunk in chunks:
                    if _too_long(chunk):
                        found.extend(_as_plain_text(chunk, starts[first_line]))
                        continue
                    walker = _Walker(text, starts, first_line, self.data_attributes)
                    found.extend(
                        markdown_fast.segments(walker, chunk, starts[first_line], prefilter)
                    )
                    locked.extend(walker.locked)
                    headings.extend(walker.headings)
            except Refused as exc:
                raise exc.at(path, text) from None
            except markdown_fast.Differ:
                found = list(shown)
                locked = []
                headings = []
            else:
                doc.segments = found
                doc.locked = _with_linked_headings(text, found, locked)
                doc.anchored = _anchored(text, headings)
                return doc
        if body:
            after = starts[chunks[0][0]] + len(chunks[0][1]) if chunks else len(text)
            chunks = [(0, text[:after]), *chunks[1:]]
        try:
            for first_line, chunk in chunks:
                if _too_long(chunk) and not (body and first_line == 0):
                    found.extend(_as_plain_text(chunk, starts[first_line]))
                    continue
                walker = _Walker(text, starts, first_line, self.data_attributes)
                tokens = _parser(front_matter=bool(body) and first_line == 0).parse(chunk)
                deep = _too_deep(tokens) if not doc.unread else None
                if deep is not None:
                    line = first_line + (deep.map[0] if deep.map else 0) + 1
                    doc.unread.append(
                        f"{path}:{line}: skipped: block quotes or lists nested {MAX_NESTING} or "
                        "more levels deep are not read"
                    )
                found.extend(walker.walk(tokens))
                locked.extend(walker.locked)
                headings.extend(walker.headings)
        except Refused as exc:
            raise exc.at(path, text) from None
        doc.segments = found
        doc.locked = _with_linked_headings(text, found, locked)
        doc.anchored = _anchored(text, headings)
        return doc


# MDX: a block of JavaScript "import" or "export" statements (from a line that starts with one
# to a blank line), and a JavaScript expression in braces, in text or in a JSX attribute
_ESM = lazy_compile(r"^(?:import|export)\b[^\n]*(?:\n(?![ \t]*\r?$)[^\n]*)*", re.MULTILINE)
_BRACES = lazy_compile(r"[{}]")
_LONGEST_EXPRESSION = 10_000  # characters: a longer "{" is read as text


def mdx_as_markdown(text: str) -> str:
    """An MDX text as Markdown for reading (same length and line breaks, so every offset is
    the source's): its JavaScript import and export blocks and its ``{expressions}`` are
    blanked, since a page does not show them as written; its JSX elements are read as raw
    HTML. Braces with a backtick between them (in or across code) and an unbalanced or very
    long brace are left as they are."""
    statements = (
        [m.span() for m in _ESM.finditer(text)] if "import" in text or "export" in text else []
    )
    spans: list[tuple[int, int]] = []
    if "{" in text:
        depth = 0
        start = 0
        for m in _BRACES.finditer(text):
            if m[0] == "{":
                if depth == 0:
                    start = m.start()
                depth += 1
            elif depth:
                depth -= 1
                if (
                    depth == 0
                    and m.end() - start <= _LONGEST_EXPRESSION
                    and "`" not in text[start : m.end()]  # code's, or across a code span
                ):
                    spans.append((start, m.end()))
            if depth and m.start() - start > _LONGEST_EXPRESSION:
                depth = 0  # not an expression: read on as text
    hidden = united(statements, spans)
    return with_blanks(text, hidden) if hidden else text


# front matter keys whose text a site shows: the page's title, its description (for search
# results and link previews) and the like, as Jekyll, Hugo, MkDocs and Docusaurus name them
SHOWN_KEYS = frozenset(
    {
        "title",
        "subtitle",
        "linktitle",
        "sidebar_label",
        "headline",
        "description",
        "summary",
        "excerpt",
        "abstract",
        "lead",
        "tagline",
        "teaser",
        "caption",
        "alt",
    }
)
FRONT_MATTER_LIMIT = 64 * 1024  # characters of front matter read at most
_TITLE_KEYS = frozenset({"title", "subtitle", "linktitle", "sidebar_label", "headline"})
# a line of front matter that may give one of them (the YAML is parsed only then)
_SHOWN_KEY = lazy_compile(
    r"^[ \t]*[\"']?(?:" + "|".join(sorted(SHOWN_KEYS)) + r")[\"']?[ \t]*:",
    re.IGNORECASE | re.MULTILINE,
)


def front_matter_end(text: str) -> int:
    """Where the line that closes the text's front matter starts; 0 when it has none."""
    starts = line_starts(text)
    body = markdown_fast.body_line(text, starts)
    return starts[body - 1] if body else 0


def _front_matter(text: str, closing: int) -> list[Segment]:
    """The segments of the values a site shows from a file's YAML front matter (see
    :data:`SHOWN_KEYS`: its other keys name layouts, dates, tags and paths), which ends with
    the line at ``closing``. A title is read as a heading. Front matter that is not YAML, or
    not a mapping, gives none: the site generator reports it. Nor does front matter longer
    than :data:`FRONT_MATTER_LIMIT`, which the YAML parser would take long to read."""
    if closing > FRONT_MATTER_LIMIT:
        return []  # no site's front matter: not worth parsing YAML this long
    yaml_text = text[:closing]
    if not _SHOWN_KEY.search(yaml_text):
        return []
    import yaml

    from .structured import align_scalar, prose_string

    try:
        root = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    found: list[Segment] = []
    for key, value in root.value:
        if not isinstance(key, yaml.ScalarNode) or key.value.lower() not in SHOWN_KEYS:
            continue
        if not isinstance(value, yaml.ScalarNode) or value.tag != "tag:yaml.org,2002:str":
            continue
        if not prose_string(value.value, key.value):
            continue
        kind = "heading" if key.value.lower() in _TITLE_KEYS else "prose"
        builder = _Builder(kind, location=Location(key=key.value))
        align_scalar(yaml_text, value, builder)
        segment = builder.segment()
        if segment is not None:
            found.append(segment)
    found.sort(key=lambda segment: segment.offsets.start(0))
    return found


def _anchored(text: str, headings: list[tuple[int, int]]) -> LazyRanges | None:
    """The headings (their source ranges, in order) whose text makes their link anchor: those
    without an explicit id ("## Intake {#intake}", as Pandoc, kramdown, Hugo and MkDocs write
    it). A fix there would break links to the heading from other pages. Their source is looked
    at on the first call, which only a fix makes."""
    if not headings:
        return None
    return LazyRanges(lambda: [(s, e) for s, e in headings if not _has_id(text, s, e)])


def _has_id(text: str, start: int, end: int) -> bool:
    """Whether the heading at source ``start:end`` has an explicit id in an attribute block."""
    if "{" not in text[start:end]:
        return False
    return any(m[0][0] == "{" and "#" in m[0] for m in NOT_SHOWN.finditer(text, start, end))


# the destination of a link within the page: an inline link's or image's ("](#intake)"), a
# link definition's ("[x]: #intake") or an HTML element's href ('href="#intake"'); each
# expression starts with literal characters, which the search finds fast
_ANCHORS = (
    re.compile(r"\]\([ \t]*<?#([^\s)>]+)"),
    re.compile(r"\]:[ \t]*<?#([^\s>]+)"),
    re.compile(r"href[ \t]*=[ \t]*[\"']?#([^\"'\s>]+)"),
)


def _anchor_key(text: str) -> str:
    """A heading's text or an anchor (its escapes decoded) as :func:`.build.name_key` has it."""
    if "%" in text:
        from urllib.parse import unquote

        text = unquote(text)
    return name_key(text)


def _with_linked_headings(
    text: str, segments: Sequence[Segment], locked: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``locked`` with the headings the page links to by their anchors ("[Intake](#intake)"
    to "## Intake"), in order and apart: a fix in such a heading would change its anchor and
    break the link."""
    headings = []
    anchors = (
        {_anchor_key(m[1]) for pattern in _ANCHORS for m in pattern.finditer(text)}
        if "#" in text
        else set()
    )
    anchors.discard("")
    if anchors:
        for segment in segments:
            if segment.kind == "heading" and segment.text:
                start = segment.offsets.start(0)
                end = segment.offsets.end(len(segment.text))
                if _anchor_key(segment.text) in anchors or _anchor_key(text[start:end]) in anchors:
                    headings.append((start, end))
    if not locked and not headings:
        return locked
    # (sorted: the ranges come in the order they were found, an HTML block's before the link
    # labels of blocks walked after the chunk was read)
    return united([], locked + headings)


def _too_long(chunk: str) -> bool:
    """Whether ``chunk`` holds a block too long to parse: over ``MAX_CHUNK`` characters
    outside fenced code, which the cut at blank lines never splits (a long fence is code,
    however many blank lines it holds, and its lines cost the parsers little)."""
    if len(chunk) <= MAX_CHUNK:
        return False
    fenced = sum(end - start for start, end in fenced_blocks(chunk))
    return len(chunk) - fenced > MAX_CHUNK


def _as_plain_text(chunk: str, base: int) -> Iterator[Segment]:
    """The segments of a chunk too long to parse (a block of more than ``MAX_CHUNK``
    characters, where the cut at blank lines found none), read as plain text but for its
    fenced code, which is left out as code always is: the parsers hold every inline event of
    a block at once, some 300 bytes for each character of dense emphasis."""
    from . import text as plain

    last = 0
    for start, end in fenced_blocks(chunk):
        if start > last:
            yield from plain.segments(chunk[last:start], base + last)
        last = end
    if last < len(chunk):
        yield from plain.segments(chunk[last:], base + last)


def _chunks(text: str, starts: Sequence[int], first: int = 0) -> list[tuple[int, str]]:
    """Split large files at blank lines outside fenced code, so memory stays bounded; the
    text is read from line ``first`` on."""
    if first >= len(starts):
        return []
    if len(text) - starts[first] <= CHUNK_SIZE:
        return [(first, text[starts[first] :] if first else text)]
    out: list[tuple[int, str]] = []
    chunk_line = first
    fence: str | None = None
    for i in range(first, len(starts)):
        line_start = starts[i]
        line_end = starts[i + 1] if i + 1 < len(starts) else len(text)
        line = text[line_start:line_end]
        if fence is None:
            fence = opens(line)
        elif closes(line, fence):
            fence = None
        if (
            fence is None
            and not line.strip()
            and line_end - starts[chunk_line] >= CHUNK_SIZE
            and i + 1 < len(starts)
        ):
            out.append((chunk_line, text[starts[chunk_line] : line_end]))
            chunk_line = i + 1
    if starts[chunk_line] < len(text):
        out.append((chunk_line, text[starts[chunk_line] :]))
    return out


# markup an alt text leaves out: emphasis delimiters, inline code, an HTML tag or comment
_ALT_MARKUP = lazy_compile(r"[*_~]+|`+|<[^<>]*>")
_ALT_MARKUP_STEPS = 16


class _Walker(Aligner):
    def __init__(
        self,
        text: str,
        starts: Sequence[int],
        first_line: int,
        data_attributes: Sequence[str] = DATA_ATTRIBUTES,
    ) -> None:
        self.text = text
        self.data_attributes = data_attributes
        self.starts = starts
        self.first_line = first_line
        self.segments: list[Segment] = []
        self.locked: list[tuple[int, int]] = []
        self.headings: list[tuple[int, int]] = []  # where each heading's source lies
        self.last_map: tuple[int, int] | None = None
        self.cursor = 0

    def line_offset(self, line: int) -> int:
        line += self.first_line
        return self.starts[line] if line < len(self.starts) else len(self.text)

    def walk(self, tokens: list[Token]) -> list[Segment]:
        kind_stack: list[str] = []
        quote_depth = 0
        for tok in tokens:
            t = tok.type
            if t == "blockquote_open":
                quote_depth += 1
            elif t == "blockquote_close":
                quote_depth -= 1
            elif t in ("heading_open", "th_open", "td_open", "list_item_open"):
                if t == "heading_open" and tok.map is not None:
                    self.headings.append(
                        (self.line_offset(tok.map[0]), self.line_offset(tok.map[1]))
                    )
                kind_stack.append(
                    {"heading_open": "heading", "list_item_open": "list-item"}.get(t, "cell")
                )
            elif t in ("heading_close", "th_close", "td_close", "list_item_close"):
                if kind_stack:
                    kind_stack.pop()
            elif t == "inline" and tok.map is not None:
                kind = kind_stack[-1] if kind_stack else "prose"
                if quote_depth:
                    kind = "quote"
                self.inline(tok, kind, quote_depth > 0)
            elif t == "html_block" and tok.map is not None:
                from .html import html_segments  # a file without raw HTML never needs it

                start, end = self.line_offset(tok.map[0]), self.line_offset(tok.map[1])
                self.segments.extend(
                    html_segments(
                        self.text[start:end],
                        start,
                        quoted=quote_depth > 0,
                        data_attributes=self.data_attributes,
                        locked=self.locked,
                    )
                )
        return self.segments

    def block(self, first: int, last: int) -> None:
        """An inline block on lines ``first`` to ``last`` (exclusive) of the chunk starts: the
        cursor goes to its first line, unless the last block had the same lines (cells of
        one table row), and stays before its last."""
        region = (first, last)
        if region != self.last_map:
            self.cursor = self.line_offset(first)
            self.last_map = region
            self.fresh = True
        self.region_end = self.line_offset(last)

    def add_segments(self, builders: Iterable[_Builder]) -> None:
        for builder in builders:
            seg = builder.segment()
            if seg is not None:
                self.segments.append(seg)

    def inline(self, tok: Token, kind: str, quoted: bool) -> None:
        assert tok.map is not None
        self.block(tok.map[0], tok.map[1])
        main = _Builder(kind, quoted)
        extra: list[_Builder] = []
        skipping = False
        html_skip = 0  # depth inside inline HTML elements whose content is skipped
        for child in tok.children or []:
            t = child.type
            if skipping:
                if t == "link_close":
                    skipping = False
                continue
            if t == "html_inline":
                html_skip = self.inline_html(child.content, main, quoted, html_skip)
            elif html_skip:
                if t == "text":
                    self.placeholder_for(child.content, main)
            elif t == "text":
                self.text_piece(child.content, main, quoted)
            elif t in ("softbreak", "hardbreak"):
                self.line_break(main, quoted)
            elif t == "code_inline":
                self.placeholder_for_code(child.markup or "`", main)
            elif t == "link_open" and child.markup == "autolink":
                self.autolink(main)
                skipping = True
            elif t == "link_open":
                self.open_link()
            elif t == "link_close":
                self.skip_destination()
            elif t == "image":
                texts = [c.content for c in child.children or [] if c.type == "text"]
                alt = self.image(texts, main, quoted)
                if alt is not None:
                    extra.append(alt)
            elif child.markup and t.endswith(("_open", "_close")):
                self.consume(child.markup)
        self.add_segments((main, *extra))

    def line_break(self, builder: _Builder, quoted: bool) -> None:
        """A soft or hard line break: the source's line break, then the next line's prefix."""
        nl = self.text.find("\n", self.cursor, self.region_end)
        if nl == -1:
            nl = self.text.find("\r", self.cursor, self.region_end)
        if nl == -1:
            return
        builder.add("\n", nl, nl + 1)
        self.cursor = nl + 1
        self.skip_prefix(quoted)

    def autolink(self, builder: _Builder) -> None:
        """An autolink (``<https://...>``) stands in the phrase as one placeholder."""
        start = self.text.find("<", self.cursor, self.region_end)
        end = -1 if start == -1 else self.text.find(">", start, self.region_end)
        if end != -1:
            builder.add(PLACEHOLDER, start, end + 1)
            self.cursor = end + 1

    def image(self, texts: Iterable[str], builder: _Builder, quoted: bool) -> _Builder | None:
        """An image stands in the phrase as one placeholder; its alt text (``texts``, the text
        tokens among its children), returned, makes a segment of its own. None when the image is
        not found in the source."""
        alt = _Builder("alt", quoted)
        start = self.text.find("![", self.cursor, self.region_end)
        if start == -1:
            return None
        self.cursor = start + 2
        for content in texts:
            self._skip_alt_markup(content)
            self.text_piece(content, alt, quoted)
        self.consume("]")
        self.skip_destination(after_bracket=True, label_at=start + 2)
        builder.add(PLACEHOLDER, start, self.cursor)
        return alt

    def _skip_alt_markup(self, content: str) -> None:
        """Step over the markup before an alt text's next text: emphasis delimiters, inline
        code and HTML tags, whose tokens the alt text leaves out (a few at most)."""
        text = self.text
        for _ in range(_ALT_MARKUP_STEPS):
            if text.startswith(content[:1], self.cursor):
                return
            m = _ALT_MARKUP.match(text, self.cursor, self.region_end)
            if m is None:
                return
            end = m.end()
            if m.group().startswith("`"):  # inline code, to a run of as many backticks
                closed = tick_run(end - m.start()).search(text, end, self.region_end)
                if closed is None:
                    return
                end = closed.end()
            self.cursor = end

    def inline_html(self, raw: str, builder: _Builder, quoted: bool, skip: int) -> int:
        """Read an inline HTML tag or comment; return the new depth of skipped elements.

        Inline elements and comments leave the phrase whole; other tags break it. Prose in the
        tag's attributes (``alt``, ``title``) becomes segments of its own.
        """
        pos = self.text.find(raw, self.cursor, self.region_end)
        end = pos + len(raw)
        source = raw
        if pos == -1 and "\n" in raw:
            # markdown-it reads every line ending as "\n", and leaves out the indent and quote
            # markers its container puts before each line: find the tag as the source has it,
            # and read it with those markers blanked (same length, so offsets hold)
            pattern = "(?:\r\n|\r|\n)([ \t>]*)".join(map(re.escape, raw.split("\n")))
            found = re.compile(pattern).search(self.text, self.cursor, self.region_end)
            if found is not None:
                pos, end = found.span()
                chars = list(self.text[pos:end])
                for group in range(1, raw.count("\n") + 1):
                    start, stop = found.span(group)
                    chars[start - pos : stop - pos] = " " * (stop - start)
                source = "".join(chars)
        if pos == -1:
            return skip
        self.cursor = end
        tag = tag_name(raw)
        if tag is None:  # a comment, declaration or processing instruction
            return skip
        name, closing = tag
        if name in SKIP:
            if closing:
                return max(skip - 1, 0)
            builder.add(PLACEHOLDER, pos, end)
            return skip + (0 if raw.endswith("/>") else 1)
        if skip:
            return skip
        if not closing and "=" in raw:
            from .html import html_segments  # a file without raw HTML never needs it

            self.segments.extend(
                html_segments(
                    source,
                    pos,
                    quoted=quoted,
                    data_attributes=self.data_attributes,
                    locked=self.locked,
                )
            )
        if name not in INLINE:
            builder.add(PLACEHOLDER, pos, end)
        return skip
