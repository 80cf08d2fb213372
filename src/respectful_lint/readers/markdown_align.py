"""Source alignment for the Markdown reader: markdown-it's inline tokens carry decoded text
but no positions, so each piece is found again in the source, from a cursor that moves through
the block's lines. Escapes and entities map to their exact source, URLs and code become
placeholders, and markup between pieces is stepped over.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lazyre import lazy_compile
from .build import ENTITY as _ENTITY
from .build import MASKED, PLACEHOLDER, mask
from .build import SegmentBuilder as _Builder
from .build import unescape as _unescape

# the marker of a list item or a heading, which the parsers leave out of its text
_MARKER = lazy_compile(r"(?:[-+*]|[0-9]{1,9}[.)]|#{1,6})(?=[ \t\r\n]|$)")


class Aligner:
    """A cursor in ``text`` that never passes ``region_end`` (the end of the block's lines)."""

    text: str
    cursor: int
    region_end: int
    # no text token of the block read yet: the cursor is at the start of its first line, where
    # a list item's or heading's marker may stand before its first text
    fresh: bool = False
    # where the text of the link being read starts (after its "["), -1 when unknown
    link_at: int = -1
    # the labels of shortcut and collapsed reference links and images ("[label]",
    # "[label][]"), as (start, end) in the source and in order: the text shown is the name
    # the definition is found by, so a fix must not change it
    locked: list[tuple[int, int]]

    def open_link(self) -> None:
        """Step over a link's "[" and note where its text starts."""
        before = self.cursor
        self.consume("[")
        consumed = self.cursor != before and self.text[self.cursor - 1] == "["
        self.link_at = self.cursor if consumed else -1

    def skip_prefix(self, quoted: bool) -> None:
        chars = " \t>" if quoted else " \t"
        while self.cursor < self.region_end and self.text[self.cursor] in chars:
            self.cursor += 1

    def consume(self, markup: str) -> None:
        """Step over markup expected at (or just after whitespace at) the cursor."""
        pos = self.cursor
        while pos < self.region_end and self.text[pos] in " \t":
            pos += 1
        if self.text.startswith(markup, pos):
            self.cursor = pos + len(markup)
        elif self.fresh:
            self._consume_past_markers(markup, pos)

    def _consume_past_markers(self, markup: str, pos: int) -> None:
        """Step over markup that opens a block's first line after the prefix the cursor
        stands before: quote markers, and list item or heading markers (a few at most)."""
        text = self.text
        limit = self.region_end
        for _ in range(_MARKERS_TRIED):
            marker = _MARKER.match(text, pos, limit)
            if marker is not None:
                pos = marker.end()
            elif pos < limit and text[pos] == ">":
                pos += 1
            else:
                return
            while pos < limit and text[pos] in " \t":
                pos += 1
            if text.startswith(markup, pos):
                self.cursor = pos + len(markup)
                return

    def skip_destination(self, *, after_bracket: bool = False, label_at: int = -1) -> None:
        """After link text: step over ``]`` and a ``(destination "title")`` or ``[ref]``.

        A link's text starts at :attr:`link_at`, an image's alt text at ``label_at``. When
        neither a destination nor another label follows, or an empty one (``[]``), the text
        is the label, and its place is noted in :attr:`locked`.
        """
        text = self.text
        if not after_bracket:
            label_at, self.link_at = self.link_at, -1
            before = self.cursor
            self.consume("]")
            if self.cursor == before:
                label_at = -1
        pos = self.cursor
        if label_at >= 0 and text[pos - 1 : pos] == "]" and label_at < pos:
            after = text[pos : pos + 2]
            if after == "[]" or not after.startswith(("(", "[")):
                self.locked.append((label_at, pos - 1))
        if pos < self.region_end and text[pos] == "(":
            depth = 0
            quote: str | None = None
            while pos < self.region_end:
                ch = text[pos]
                if quote:
                    if ch == "\\":
                        pos += 1
                    elif ch == quote:
                        quote = None
                elif ch == "\\":
                    pos += 1
                elif ch in "\"'" and depth >= 1 and text[pos - 1] in " \t\n":
                    quote = ch
                elif ch == "(":
                    depth += 1
                elif ch == ")":
                    depth -= 1
                    if depth == 0:
                        pos += 1
                        break
                pos += 1
            self.cursor = pos
        elif pos < self.region_end and text[pos] == "[":
            end = text.find("]", pos, self.region_end)
            if end != -1:
                self.cursor = end + 1

    def placeholder_for(self, raw: str, builder: _Builder) -> None:
        """Skipped source text stands as one placeholder (nothing stands for no text)."""
        if not raw:
            return
        pos = self.text.find(raw, self.cursor, self.region_end)
        if pos != -1:
            builder.add(PLACEHOLDER, pos, pos + len(raw))
            self.cursor = pos + len(raw)

    def placeholder_for_code(self, ticks: str, builder: _Builder) -> None:
        """Inline code opened by ``ticks`` stands as one placeholder, to the next run of as
        many backticks (a longer or shorter run is part of the code). The opening run is the
        first at the cursor or after it: a backtick just before it was escaped."""
        start = self.text.find(ticks, self.cursor, self.region_end)
        if start == -1:
            return
        closed = tick_run(len(ticks)).search(self.text, start + len(ticks), self.region_end)
        end = self.region_end if closed is None else closed.end()
        builder.add(PLACEHOLDER, start, end)
        self.cursor = end

    def text_piece(self, content: str, builder: _Builder, quoted: bool) -> None:
        """Align a text token with the source, mapping escapes and entities exactly."""
        if not content:
            return  # markdown-it's empty tokens around emphasis: no text read yet
        text = self.text
        limit = self.region_end
        pos = self.cursor
        if (
            "&" not in content
            and text.startswith(content, pos, limit)
            and not _may_be_border(content[0], builder)
        ):
            # the usual case: the token is a verbatim run of the source (an "&" may be an
            # entity's decoded form, so it takes the careful path, and so does a cell's "|",
            # which may be the cell's border)
            builder.add_prose(content, pos)
            self.cursor = pos + len(content)
            self.fresh = False
            return
        self.align_piece(content, builder, quoted, pos)
        self.fresh = False

    def align_piece(
        self, content: str, builder: _Builder, quoted: bool, pos: int, *, tried: bool = False
    ) -> bool:
        """Align a text token that is not a verbatim run of the source at ``pos``: URLs whole,
        entities and escapes to their source, whitespace and markers markdown-it trimmed
        skipped; where alignment is lost, the rest only if found verbatim. Whether it was
        aligned to the end. ``tried``: a marker is stepped over without trying first (see
        below)."""
        text = self.text
        limit = self.region_end
        # URLs, footnote labels and attribute blocks (see build.MASKED), each masked as a whole
        urls = (
            [(m.start(), m.end()) for m in MASKED.finditer(content)]
            if may_hold_url(content) or "^" in content or "{" in content
            else []
        )
        url_i = 0
        i = 0
        n = len(content)
        if self.fresh and not tried:
            after = self._past_twin_marker(content, builder, quoted, pos)
            if after != -1:
                pos, tried = after, True
        while i < n:
            if url_i < len(urls) and urls[url_i][0] == i:
                after = self.url_placeholder(content[i : urls[url_i][1]], builder, pos)
                if after == -1:
                    self.cursor = pos
                    self._fallback(content[i:], builder)
                    return False
                pos, i = after, urls[url_i][1]
                url_i += 1
                continue
            ch = content[i]
            if pos >= limit:
                self.cursor = pos
                self._fallback(content[i:], builder)
                return False
            src_ch = text[pos]
            entity = _ENTITY.match(text, pos, limit) if src_ch == "&" else None
            decoded = _unescape(entity.group()) if entity else ""
            if entity is not None and decoded and content.startswith(decoded, i):
                builder.add(decoded, pos, entity.end())
                pos = entity.end()
                i += len(decoded)
            elif (
                ch == "|"
                and src_ch == "|"
                and builder.kind == "cell"
                and not tried
                and self._aligns(content[i:], builder, quoted, pos + 1)
            ):
                pos += 1  # a cell's border before the text's own "|" (escaped or a reference)
            elif src_ch == ch or (src_ch == "\0" and ch == "\ufffd"):  # markdown-it turns
                builder.add(ch, pos, pos + 1)  # a NUL character into U+FFFD
                pos += 1
                i += 1
            elif src_ch == "\\" and pos + 1 < limit and text[pos + 1] == ch:
                builder.add(ch, pos, pos + 2)
                pos += 2
                i += 1
            elif (
                src_ch in " \t\r\n" or (quoted and src_ch == ">") or _may_be_border(src_ch, builder)
            ):
                pos += 1  # whitespace, quote markers or cell borders markdown-it trimmed
                if (
                    url_i == len(urls)
                    and text.startswith(content[i:], pos, limit)
                    and "&" not in content[i:]
                    and not _may_be_border(content[i], builder)
                ):
                    # the rest is a verbatim run of the source (as when the block is indented):
                    # what adding it character by character would give, in one step
                    builder.add(content[i:], pos, pos + n - i)
                    pos += n - i
                    i = n
            elif i == 0 and self.fresh and (marker := _MARKER.match(text, pos, limit)):
                # a list item's or heading's marker before its first text; not before a
                # later token, which a lost first one left the cursor behind. It is stepped
                # over only when the text then aligns to its end: a walk that loses its place
                # after the marker would leave the cursor further on, where later tokens could
                # be lost, rather than drop this token alone. (Text that aligns so is not
                # looked for verbatim first: "a&" stands in "a&amp;", where it is no text.)
                if not (tried or self._aligns(content, builder, quoted, marker.end())):
                    self.cursor = pos
                    self._fallback(content, builder)
                    return False
                pos = marker.end()
                tried = True  # the rest of this walk is the one tried
            else:
                self.cursor = pos
                self._fallback(content[i:], builder)
                return False
        self.cursor = pos
        return True

    def _past_twin_marker(self, content: str, builder: _Builder, quoted: bool, pos: int) -> int:
        """Where a block's first text starts when it begins with the character of a marker
        before it ("- -->", "# #", "> - -"), or -1.

        Walked from ``pos``, such a text would take that marker for its own first character and
        lose its place after it. Each of the markers at the block's first line start
        (after blanks and, in a quote, its markers) is tried in turn, a few at most, and the
        first one that the text then aligns after to its end is taken."""
        text = self.text
        limit = self.region_end
        blanks = " \t>" if quoted else " \t"
        first = content[:1]
        at = pos
        for _ in range(_MARKERS_TRIED):
            while at < limit and text[at] in blanks:
                at += 1
            marker = _MARKER.match(text, at, limit)
            if marker is None:
                return -1
            if text[at] == first and self._aligns(content, builder, quoted, marker.end()):
                if at == pos and self._aligns(content, builder, quoted, pos):
                    return -1  # read from the marker on as it stands, it aligns too
                return marker.end()
            at = marker.end()
        return -1

    def _aligns(self, content: str, builder: _Builder, quoted: bool, pos: int) -> bool:
        """Whether :meth:`align_piece` aligns ``content`` from ``pos`` to its end, tried on a
        builder of its own and with the cursor left where it was."""
        cursor = self.cursor
        try:
            return self.align_piece(
                content, _Builder(builder.kind, builder.quoted), quoted, pos, tried=True
            )
        finally:
            self.cursor = cursor

    def url_placeholder(self, url: str, builder: _Builder, pos: int) -> int:
        """A URL in a text token stands as one placeholder, and a footnote label or an
        attribute block as a blank (see :func:`.build.mask`); the source offset after it, or
        -1 when it is not found from ``pos``."""
        src = self.text.find(url, pos, self.region_end)
        if src == -1:
            return -1
        builder.add(mask(url), src, src + len(url))
        return src + len(url)

    def _fallback(self, rest: str, builder: _Builder) -> None:
        """Alignment lost: map the rest only if it occurs verbatim; otherwise skip it.

        With the cursor inside a line's blanks and quote markers, the search starts at the
        line's start: a ">" that a quote's continuation line holds as text (it stands four
        columns in, too far for a marker) was stepped over as one."""
        text = self.text
        cursor = self.cursor
        pos = text.find(rest, cursor, self.region_end)
        if pos == -1 and cursor > 0 and text[cursor - 1] in " \t>":
            # (looked for within a line's first columns only: a prefix is short)
            line = text.rfind("\n", max(0, cursor - _PREFIX_REACH), cursor) + 1
            if 0 < cursor - line < _PREFIX_REACH and not text[line:cursor].strip(" \t>"):
                pos = text.find(rest, line, self.region_end)
        if pos != -1:
            builder.add(rest, pos, pos + len(rest))
            self.cursor = pos + len(rest)


_PREFIX_REACH = 200  # columns of blanks and quote markers a line's prefix is looked for in
_MARKERS_TRIED = 8  # markers of nested containers stepped over to find a first text


@lru_cache(maxsize=16)
def tick_run(length: int) -> re.Pattern[str]:
    """A run of exactly ``length`` backticks."""
    return re.compile(f"(?<!`){'`' * length}(?!`)")


def _may_be_border(ch: str, builder: _Builder) -> bool:
    """Whether ``ch`` may be a table cell's border, which the parsers leave out of its text,
    rather than text: a "|" in a cell."""
    return ch == "|" and builder.kind == "cell"


def may_hold_url(text: str) -> bool:
    """Whether ``text`` may hold a URL or an e-mail address: every one holds "://", "@" or
    "www." (in any case). Most text holds none, and the expression is slow to run on it."""
    return "://" in text or "@" in text or ("." in text and "www." in text.lower())
