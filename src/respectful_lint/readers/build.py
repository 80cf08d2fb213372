"""Pieces every reader shares: a segment builder that records where each character came from,
and the patterns for text that is never prose (URLs, e-mail addresses, character references).
"""

from __future__ import annotations

import re

from msgspec import Struct, field

from ..errors import LintError
from ..lazyre import lazy_compile
from ..model import Location, OffsetMap, Segment
from ..normalize import PLACEHOLDER as PLACEHOLDER  # re-exported for the readers

ENTITY = lazy_compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Python refuses to turn more decimal digits than this into an integer (int_max_str_digits)
MAX_DIGITS = 4300
HUGE_CHARREF = lazy_compile(rf"&#[0-9]{{{MAX_DIGITS + 1}}}")
URL = lazy_compile(
    r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)[^\s<>]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE
)
# Markup that no reader sees as words, in the text of formats whose parser leaves it as text:
# a footnote's label ("[^1]", "[^intake]", shown as a number), and a block of attributes
# ("{#intake}", "{: .note}") that Pandoc, kramdown, Hugo and MkDocs read as a heading's or a
# paragraph's id and classes
NOT_SHOWN = lazy_compile(
    r"\[\^[^\]\s]{1,100}\]"
    r"|\{:?[ \t]*[#.][\w-]+(?:[ \t]+(?:[#.][\w-]+|[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}]*)))*[ \t]*\}"
)
MASKED = lazy_compile(f"{URL.pattern}|{NOT_SHOWN.pattern}", re.IGNORECASE)


def mask(masked: str) -> str:
    """What a segment holds for a :data:`MASKED` stretch of source: a placeholder for a URL
    or an e-mail address, which the page shows as a thing (see :data:`PLACEHOLDER`); a blank
    for markup it does not show (:data:`NOT_SHOWN`), so that the words around it read as they
    do on the page ("the homeless {#shelter}" ends after "homeless")."""
    return " " if masked[0] in "[{" else PLACEHOLDER


_NOT_LINE_BREAK = lazy_compile(r"[^\r\n]+")


def unescape(reference: str) -> str:
    """The text an HTML character reference stands for. The standard library's entity table
    is imported on first use: most texts hold no reference."""
    from html import unescape as html_unescape

    return html_unescape(reference)


def blanked(text: str) -> str:
    """``text`` with every character but line breaks as a space: what a reader keeps of
    source the page does not show, so every offset and line stays the source's."""
    return _NOT_LINE_BREAK.sub(lambda m: " " * len(m.group()), text)


def with_blanks(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with ``spans`` (in order and apart) blanked (see :func:`blanked`)."""
    parts: list[str] = []
    last = 0
    for start, end in spans:
        parts.append(text[last:start])
        parts.append(blanked(text[start:end]))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def united(first: list[tuple[int, int]], more: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges of ``first`` and ``more`` together, in order and apart: those that overlap
    or touch are joined."""
    if not more:
        return first
    out: list[tuple[int, int]] = []
    for start, end in sorted(first + more):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def name_key(text: str) -> str:
    """A name as links compare it, give or take punctuation and case: its letters and digits,
    lower-cased. A Markdown heading's anchor (GitHub, GitLab, Pandoc and most site generators)
    and a reStructuredText reference name are found this way."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


class Refused(LintError):
    """Input a reader will not read, at ``offset`` in the text it was given.

    The reader of the whole file turns it into a one-line error with the file, line, column and
    (for JSON and YAML) key: see :meth:`at`.
    """

    def __init__(self, offset: int, reason: str, key: str | None = None) -> None:
        super().__init__(f"refused: {reason}")
        self.offset = offset
        self.reason = reason
        self.key = key

    def moved(self, offset: int, key: str | None) -> Refused:
        """The same refusal at ``offset`` of an enclosing text."""
        return Refused(offset, self.reason, self.key or key)

    def at(self, path: str, text: str) -> LintError:
        line = text.count("\n", 0, self.offset) + 1
        column = self.offset - (text.rfind("\n", 0, self.offset) + 1) + 1
        where = f" at {self.key}" if self.key else ""
        return LintError(f"{path}:{line}:{column}: refused: {self.reason}{where}")


def check_charrefs(text: str, base: int = 0) -> None:
    """Refuse a decimal character reference too long to convert (``&#`` and 4,301 digits)."""
    if "&#" in text:
        m = HUGE_CHARREF.search(text)
        if m is not None:
            raise Refused(
                base + m.start(), f"character reference with more than {MAX_DIGITS:,} digits"
            )


class SegmentBuilder(Struct):
    """Collects one segment's text and its map to source offsets.

    ``add(text, start, end)`` appends ``text`` that was read from ``source[start:end]``. When
    the lengths agree the piece maps character for character; otherwise (an entity, an escape)
    every character of ``text`` maps to the whole source range.
    """

    kind: str = "prose"
    quoted: bool = False
    location: Location | None = None
    parts: list[str] = field(default_factory=list)
    derived: list[int] = field(default_factory=list)
    source: list[int] = field(default_factory=list)
    exact: list[bool] = field(default_factory=list)
    length: int = 0
    source_end: int = 0

    def add(self, text: str, src_start: int, src_end: int) -> None:
        if not text:
            return
        exact = len(text) == src_end - src_start
        continues = exact and self.exact and self.exact[-1] and self.source_end == src_start
        if not continues:  # a character-for-character piece right after another extends it
            self.derived.append(self.length)
            self.source.append(src_start)
            self.exact.append(exact)
        self.parts.append(text)
        self.length += len(text)
        self.source_end = src_end

    def add_prose(self, text: str, src_start: int) -> None:
        """Add text copied verbatim from the source, with URLs, e-mail addresses, footnote
        labels and attribute blocks masked (see :data:`NOT_SHOWN`)."""
        if (
            "://" not in text
            and "www." not in text
            and "@" not in text
            and "^" not in text
            and "{" not in text
        ):
            if not text:
                return
            # ``add`` for a piece that maps character for character, inlined: readers call this
            # for every run of text
            exact = self.exact
            if not (self.source_end == src_start and exact and exact[-1]):
                self.derived.append(self.length)
                self.source.append(src_start)
                exact.append(True)
            self.parts.append(text)
            self.length += len(text)
            self.source_end = src_start + len(text)
            return
        last = 0
        for m in MASKED.finditer(text):
            self.add(text[last : m.start()], src_start + last, src_start + m.start())
            self.add(mask(m[0]), src_start + m.start(), src_start + m.end())
            last = m.end()
        self.add(text[last:], src_start + last, src_start + len(text))

    def add_with_entities(self, raw: str, src_start: int) -> None:
        """Add source text in which HTML character references are decoded one by one."""
        if "&" not in raw:
            self.add_prose(raw, src_start)
            return
        last = 0
        for m in ENTITY.finditer(raw):
            decoded = unescape(m.group())
            if decoded == m.group():
                continue  # an unknown name stays as written
            self.add_prose(raw[last : m.start()], src_start + last)
            self.add(decoded, src_start + m.start(), src_start + m.end())
            last = m.end()
        self.add_prose(raw[last:], src_start + last)

    @property
    def empty(self) -> bool:
        return not self.parts

    def segment(self) -> Segment | None:
        text = "".join(self.parts)
        if not text.strip(" \t\r\n\u00a0" + PLACEHOLDER):
            return None
        offsets = OffsetMap(self.derived, self.source, self.exact, self.length, self.source_end)
        return Segment(text, offsets, self.kind, self.quoted, self.location)
