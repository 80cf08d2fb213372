"""Inline suppressions: comments in a document that turn rules off for part of it.

Readers never apply them: they only keep the text (and, for Word documents, the comments and
the text each comment is anchored to). This module, run in the selection stage after the
engine, finds the directives and drops the findings they cover::

    <!-- respectful-lint-disable RULE[, RULE...] -->      until the matching enable
    <!-- respectful-lint-enable [RULE...] -->
    <!-- respectful-lint-disable-next-line [RULE...] -->  the line after the comment
    text <!-- respectful-lint-disable-line [RULE...] -->  the comment's own line

Markdown and HTML use HTML comments (not inside fenced code or an inline code span). Plain
text and reStructuredText take the words on a line of their own, after an optional comment
leader (``..``, ``#``, ``//``, ``;``, ``%``), or ``disable-line`` at the end of a line (in
reStructuredText, ``disable-next-line`` covers the next line of text: a comment ends at a
blank line, and docutils warns of one that does not); YAML
takes them in a ``#`` comment. A Word comment whose text starts with
``respectful-lint-disable`` suppresses findings in the text it is anchored to. A directive
without rule ids covers every rule; it may name rules as ``--select`` does (a rule id, a
lexicon, a category, or a prefix ending in ``*``: see :mod:`.ruleids`). Anything after
`` -- `` is a reason and is ignored.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from heapq import heappop, heappush
from typing import Any

from msgspec import Struct, field

from .fences import fenced_blocks
from .lazyre import lazy_compile
from .model import ChunkedText, Document, Finding, Severity, line_starts
from .ruleids import names_of, selects

# Findings about the run itself rather than the text: selectable like lexicon rules.
META_CATEGORY = "meta"
UNUSED_RULE = "meta/unused-suppression"
META_RULES = (UNUSED_RULE,)
MAX_DIRECTIVES = 1000  # per file: more are not read, so checking stays linear in the findings
# rule ids named by the directives of a file, in all: the directives after them are not read
MAX_NAMES = 2000
# Rule lists are at most _ARGS characters long, so a line full of directives without their
# closing "-->" cannot make the search quadratic.
_ARGS = 1000
_WORDS = (
    r"respectful-lint-(?P<kind>disable-next-line|disable-line|disable|enable)\b"
    rf"(?P<args>[^\n]{{0,{_ARGS}}}?)"
)
_HTML = lazy_compile(r"<!--[ \t]*" + _WORDS + r"[ \t]*-->")
_OWN_LINE = lazy_compile(
    r"^[ \t]*(?:(?:\.\.|#+|//|;+|%+)[ \t]*)?" + _WORDS + r"[ \t]*$", re.MULTILINE
)
_LINE_END = lazy_compile(
    r"(?:^|[ \t])(?:(?:#+|//|;+|%+)[ \t]*)?respectful-lint-(?P<kind>disable-line)\b"
    rf"(?P<args>[^\n]{{0,{_ARGS}}}?)[ \t]*$",
    re.MULTILINE,
)
_YAML = lazy_compile(r"(?:^|[ \t])#[ \t]*" + _WORDS + r"[ \t]*$", re.MULTILINE)
_SEPARATORS = lazy_compile(r"[\s,]+")
_FORMATS: dict[str, tuple[re.Pattern[str], ...]] = {
    "markdown": (_HTML,),
    "html": (_HTML,),
    "yaml": (_YAML,),
    "json": (),  # no comments: per-file-ignores with a key path instead
    "text": (_OWN_LINE, _LINE_END, _HTML),
}


class Directive(Struct):
    """One suppression comment: its kind, its rule ids (empty: every rule) and its span."""

    kind: str
    rules: tuple[str, ...]
    start: int
    end: int
    used: set[str] = field(default_factory=set)  # rule ids (or "" for all) that suppressed


class Region(Struct):
    """Source offsets [start, end) where ``rules`` (None: every rule but ``excepted``) are off."""

    directive: Directive
    rules: tuple[str, ...] | None
    start: int
    end: int
    overlap: bool = False  # a finding counts when it overlaps (Word comments), not by start
    # for a ``disable`` of every rule: the ``enable`` comments that turn rules back on after it
    enables: _Enables | None = None

    def contains(self, f: Finding) -> bool:
        """Whether ``f`` is in this region: its start, or (Word comments) any part of it."""
        if self.overlap:
            return f.start < self.end and f.end > self.start
        return self.start <= f.start < self.end


class _Enables:
    """Where ``enable`` comments that name rules stand: for each name, their offsets in order.

    A ``disable`` of every rule stays open across them; a finding it covers is turned back on
    when an ``enable`` naming its rule (or its lexicon, its category, ``ALL``) stands
    between the ``disable`` and the finding."""

    def __init__(self) -> None:
        self.at: dict[str, list[int]] = {}

    def add(self, rules: Iterable[str], offset: int) -> None:
        for rule in set(rules):
            self.at.setdefault(_key(rule), []).append(offset)

    def between(self, names: Iterable[str], start: int, end: int) -> bool:
        """Whether an ``enable`` naming one of ``names`` stands in [start, end]."""
        for name in names:
            offsets = self.at.get(name)
            if offsets:
                i = bisect_left(offsets, start)
                if i < len(offsets) and offsets[i] <= end:
                    return True
        return False


class _Open:
    """The regions open at the sweep's position, indexed by the rule ids they name, so that
    a finding is checked against the few entries that can cover it, however many there are."""

    def __init__(self) -> None:
        self.listed: dict[str, dict[int, Region]] = {}
        self.bare: dict[tuple[str, ...], dict[int, Region]] = {}
        # ``disable`` comments of every rule, in the order they start, from ``first`` on (see
        # find): an ``enable`` of every rule closes all that are open, so they close in the
        # order they started
        self.blocks: list[Region] = []
        self.block_starts: list[int] = []
        self.first = 0
        self.ends: list[tuple[int, int, Region]] = []
        self.count = 0

    def add(self, region: Region) -> None:
        self.count += 1
        heappush(self.ends, (region.end, self.count, region))
        if region.enables is not None:
            self.blocks.append(region)
            self.block_starts.append(region.start)
            return
        for table, key in self._keys(region):
            table.setdefault(key, {})[self.count] = region

    def _keys(self, region: Region) -> list[tuple[dict[Any, dict[int, Region]], Any]]:
        if region.rules is None:
            return [(self.bare, ())]
        return [(self.listed, _key(rule)) for rule in set(region.rules)]

    def close_before(self, offset: int) -> None:
        """Forget the regions that end at or before ``offset``."""
        blocks = self.blocks
        while self.first < len(blocks) and blocks[self.first].end <= offset:
            self.first += 1
        while self.ends and self.ends[0][0] <= offset:
            _, number, region = heappop(self.ends)
            if region.enables is not None:
                continue
            for table, key in self._keys(region):
                entries = table.get(key)
                if entries is not None:
                    entries.pop(number, None)
                    if not entries:
                        del table[key]

    def find(self, f: Finding) -> tuple[Region, str] | None:
        """An open region that covers ``f``, and the rule id it names for it ("" if bare)."""
        names = names_of(f.rule, f.category)
        for key in names:
            for region in self.listed.get(key, {}).values():
                if region.contains(f):
                    return region, next(r for r in region.rules or () if _key(r) == key)
        # The open blocks that start at or before the finding all cover it (each runs to an
        # ``enable`` of every rule, which closes them all). An ``enable`` of its rule after a
        # block's start turns it back on for that block and every earlier one: the blocks
        # still off for it are the last few, and the first of them is credited.
        lo, hi = self.first, bisect_right(self.block_starts, f.start)
        while lo < hi:
            mid = (lo + hi) // 2
            block = self.blocks[mid]
            assert block.enables is not None
            if block.enables.between(names, block.start, f.start):
                lo = mid + 1
            else:
                hi = mid
        if lo < bisect_right(self.block_starts, f.start):
            return self.blocks[lo], ""
        for regions in self.bare.values():
            for region in regions.values():
                if region.contains(f):
                    return region, ""
        return None


def _key(rule: str) -> str:
    return "ALL" if rule.upper() == "ALL" else rule


def _args(raw: str) -> tuple[str, ...]:
    raw = raw.split(" -- ", 1)[0].strip()
    if raw.startswith("--"):
        return ()
    return tuple(part for part in _SEPARATORS.split(raw) if part)


def _pieces(text: str | ChunkedText) -> Iterator[tuple[int, str]]:
    if isinstance(text, ChunkedText):
        yield from text.chunks()
    else:
        yield 0, text


class _Code:
    """Whether an offset of Markdown is in fenced code or in a code span on its line; asked
    for offsets in increasing order, it counts each line's backticks once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.fences = fenced_blocks(text)
        self.fence_starts = [a for a, _ in self.fences]
        self.line_start = -1
        self.pos = 0
        self.ticks = 0

    def at(self, offset: int) -> bool:
        i = bisect_right(self.fence_starts, offset) - 1
        if i >= 0 and offset < self.fences[i][1]:
            return True
        newline = self.text.rfind("\n", max(self.pos, 0), offset)
        if self.line_start < 0 or offset < self.pos or newline != -1:
            self.line_start = self.text.rfind("\n", 0, offset) + 1
            self.pos, self.ticks = self.line_start, 0
        self.ticks += self.text.count("`", self.pos, offset)
        self.pos = offset
        return self.ticks % 2 == 1


def find_directives(document: Document) -> list[Directive]:
    """Every suppression directive in the document, in order."""
    if document.format == "docx":
        return _bounded(
            [
                Directive("comment", _args(m.group("args")), start, end)
                for start, end, note in document.comments
                if (m := re.match(r"\s*respectful-lint-disable\b(?P<args>[^\n]*)", note))
            ]
        )
    return _bounded(_found(document))


def _bounded(directives: list[Directive]) -> list[Directive]:
    """The first :data:`MAX_DIRECTIVES` directives, up to the one that names more than
    :data:`MAX_NAMES` rule ids in all."""
    names = 0
    for i, d in enumerate(directives[:MAX_DIRECTIVES]):
        names += len(d.rules)
        if names > MAX_NAMES:
            return directives[:i]
    return directives[:MAX_DIRECTIVES]


def _found(document: Document) -> list[Directive]:
    patterns = _FORMATS.get(document.format, _FORMATS["text"])
    found: dict[int, Directive] = {}
    for base, piece in _pieces(document.text):
        if "respectful-lint-" not in piece:
            continue
        for pattern in patterns:
            code = _Code(piece) if document.format == "markdown" else None
            for m in pattern.finditer(piece):
                if code is not None and code.at(m.start()):
                    continue
                start = base + m.start("kind") - len("respectful-lint-")
                found.setdefault(
                    start,
                    Directive(m.group("kind"), _args(m.group("args")), start, base + m.end()),
                )
    return [found[k] for k in sorted(found)]


def regions(document: Document, directives: Sequence[Directive]) -> list[Region]:
    """The spans each directive covers: to its enable, or its own or the next line."""
    out: list[Region] = []
    open_: list[Region] = []
    enables = _Enables()
    starts: Sequence[int] | None = None
    size = len(document.text)

    def line_span(offset: int, after: int) -> tuple[int, int]:
        nonlocal starts
        if starts is None:
            starts = line_starts(document.text)
        line = _line_index(starts, offset) + after
        if line >= len(starts):
            return size, size
        return starts[line], starts[line + 1] if line + 1 < len(starts) else size

    for d in directives:
        rules = d.rules or None
        if d.kind == "comment":
            out.append(Region(d, rules, d.start, d.end, overlap=True))
        elif d.kind == "disable-line":
            out.append(Region(d, rules, *line_span(d.start, 0)))
        elif d.kind == "disable-next-line":
            after = 1
            if document.format == "rst":
                # a reST comment ends at a blank line (docutils warns of one that does not):
                # the next line of text is meant
                after = _next_text_line(document.text, d.end)
            out.append(Region(d, rules, *line_span(d.end, after)))
        elif d.kind == "disable":
            region = Region(d, rules, d.end, size, enables=enables if rules is None else None)
            out.append(region)
            open_.append(region)
        else:
            open_ = _enable(open_, out, d, size, enables)
    return out


def _next_text_line(text: str | ChunkedText, at: int) -> int:
    """How many lines after the one holding ``at`` the next line that is not blank is (blank
    lines looked at up to a bound, so a run of them costs little)."""
    after = 1
    if not isinstance(text, str):
        return after
    pos = text.find("\n", at)
    while pos >= 0 and after < 64:
        nxt = text.find("\n", pos + 1)
        line = text[pos + 1 : nxt if nxt >= 0 else len(text)]
        if line.strip():
            break
        after += 1
        pos = nxt
    return after


def _enable(
    open_: list[Region], out: list[Region], d: Directive, size: int, enables: _Enables
) -> list[Region]:
    """Close the open regions an ``enable`` of every rule ends, or those of the rules it names
    (reopening them for the rules it leaves off). A ``disable`` of every rule stays open
    across an ``enable`` that names rules: ``enables`` keeps where those stand. Each
    ``enable`` so adds at most one region for each open ``disable`` that names its rules."""
    if not d.rules:
        for region in open_:
            region.end = min(region.end, d.start)
        return []
    enables.add(d.rules, d.start)
    named = set(d.rules)
    still: list[Region] = []
    for region in open_:
        if region.rules is None:
            still.append(region)
            continue
        left = tuple(r for r in region.rules if r not in named)
        if len(left) == len(region.rules):
            still.append(region)  # it names none of them
            continue
        region.end = min(region.end, d.start)
        if left:
            rest = Region(region.directive, left, d.end, size)
            out.append(rest)
            still.append(rest)
    return still


def _line_index(starts: Sequence[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


class KnownRules(Struct, frozen=True):
    """Rule ids and categories that a suppression may name."""

    ids: tuple[str, ...]
    categories: frozenset[str]

    def knows(self, selector: str) -> bool:
        return (
            selector.upper() == "ALL"
            or selector in self.categories
            or any(selects(selector, i, "") for i in self.ids)
        )


def apply(
    document: Document,
    findings: Iterable[Finding],
    *,
    known: KnownRules | None = None,
    report_unused: bool = False,
) -> list[Finding]:
    """The findings no suppression covers, and (with ``report_unused``) a warning for each
    suppression that covered nothing or names a rule that does not exist."""
    findings = list(findings)
    directives = find_directives(document)
    if not directives:
        return findings
    spans = sorted(regions(document, directives), key=lambda r: r.start)
    starts = [d.start for d in directives]
    covered: set[int] = set()
    open_ = _Open()
    at = 0
    # a sweep in source order: only the regions open at a finding are looked at
    for i in sorted(range(len(findings)), key=lambda i: findings[i].start):
        f = findings[i]
        while at < len(spans) and spans[at].start < max(f.end, f.start + 1):
            open_.add(spans[at])
            at += 1
        open_.close_before(f.start)
        if _in_directive(document, directives, starts, f):
            covered.add(i)  # the words of a directive are not prose
            continue
        hit = open_.find(f)
        if hit is not None:
            hit[0].directive.used.add(hit[1])
            covered.add(i)
    kept = [f for i, f in enumerate(findings) if i not in covered]
    if report_unused:
        kept.extend(_unused(document, directives, known))
        kept.sort(key=lambda f: f.sort_key)
    return kept


def _in_directive(
    document: Document, directives: Sequence[Directive], starts: Sequence[int], f: Finding
) -> bool:
    if document.format == "docx":
        return (
            f.location is not None
            and f.location.part == "comment"
            and document.line_text(f.line).lstrip().startswith("respectful-lint-")
        )
    i = bisect_right(starts, f.start) - 1
    return i >= 0 and f.start < directives[i].end


def _unused(
    document: Document, directives: Sequence[Directive], known: KnownRules | None
) -> Iterator[Finding]:
    for d in directives:
        if d.kind == "enable":
            continue
        shown = f"respectful-lint-{'disable' if d.kind == 'comment' else d.kind}"
        unknown = [r for r in d.rules if known is not None and not known.knows(r)]
        for rule in unknown:
            yield _meta(document, d, f"Unknown rule '{rule}' in {shown}")
        if not d.rules and "" not in d.used:
            yield _meta(document, d, f"Unused suppression: {shown} suppressed nothing")
        for rule in d.rules:
            if rule not in d.used and rule not in unknown:
                yield _meta(document, d, f"Unused suppression: {shown} {rule} suppressed nothing")


def _meta(document: Document, d: Directive, message: str) -> Finding:
    line, column = document.position(d.start)
    end_line, end_column = document.position(d.end)
    return Finding(
        path=document.path,
        rule=UNUSED_RULE,
        category="meta",
        severity=Severity.WARNING,
        message=message,
        matched=document.text[d.start : d.end],
        start=d.start,
        end=d.end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        suggestions=(),
        note="Remove the suppression, or correct its rule ids, so it does not hide future "
        "findings by accident.",
        sources=(),
    )
