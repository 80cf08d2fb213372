"""Core types shared by every part of respectful-lint.

All types are frozen, slotted dataclasses. Offsets are code points; line and column
numbers are 1-based and end columns are exclusive.
"""

from __future__ import annotations

import enum
import hashlib
import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Literal


class Severity(enum.IntEnum):
    """How serious a finding is. Higher is more serious."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        return cls[value.upper()]

    def downgraded(self) -> Severity:
        return Severity(max(self.value - 1, Severity.SUGGESTION.value))


FixApplicability = Literal["safe", "unsafe", "none"]
# Where a preferred wording fits in a sentence (see :mod:`.wording`).
SLOTS = ("noun", "modifier", "predicate", "verb", "collective")
GuardAction = Literal["skip", "downgrade", "suggestion"]
QuotePolicy = Literal["skip", "downgrade", "suggestion", "flag"]


@dataclass(frozen=True, slots=True)
class Source:
    """A reference that lexicon entries cite by key."""

    key: str
    title: str
    year: int | str | None  # a year, or "n.d." for an undated web page
    url: str


@dataclass(frozen=True, slots=True)
class WordWindow:
    """Phrases looked for among the nearest ``window`` words on one side of a match.

    Each phrase is a tuple of lower-case tokens; a token ending in ``*`` matches any word
    that starts with it.
    """

    phrases: tuple[tuple[str, ...], ...]
    window: int
    _singles: frozenset[str] = field(init=False, repr=False, compare=False, default=frozenset())
    _prefixes: tuple[str, ...] = field(init=False, repr=False, compare=False, default=())
    _multi: tuple[tuple[str, ...], ...] = field(init=False, repr=False, compare=False, default=())

    def __post_init__(self) -> None:
        singles = frozenset(p[0] for p in self.phrases if len(p) == 1 and not p[0].endswith("*"))
        prefixes = tuple(p[0][:-1] for p in self.phrases if len(p) == 1 and p[0].endswith("*"))
        multi = tuple(p for p in self.phrases if len(p) > 1)
        object.__setattr__(self, "_singles", singles)
        object.__setattr__(self, "_prefixes", prefixes)
        object.__setattr__(self, "_multi", multi)

    def found_in(self, words: list[str]) -> bool:
        """Whether one of the phrases occurs among ``words``."""
        if not self._singles.isdisjoint(words):
            return True
        if self._prefixes and any(w.startswith(self._prefixes) for w in words):
            return True
        for phrase in self._multi:
            for i in range(len(words) - len(phrase) + 1):
                if _phrase_at(phrase, words, i):
                    return True
        return False


def _phrase_at(phrase: tuple[str, ...], words: list[str], i: int) -> bool:
    for token, word in zip(phrase, words[i : i + len(phrase)], strict=True):
        if token.endswith("*"):
            if not word.startswith(token[:-1]):
                return False
        elif token != word:
            return False
    return True


@dataclass(frozen=True, slots=True)
class Condition:
    """A conjunction of context tests: (test name, value) pairs, cheapest test first.

    The tests are declared in :mod:`respectful_lint.guards`, which validates, evaluates and
    describes them.
    """

    tests: tuple[tuple[str, object], ...] = ()

    def get(self, name: str) -> object | None:
        """The value of one test, or None when the condition does not use it."""
        for key, value in self.tests:
            if key == name:
                return value
        return None


@dataclass(frozen=True, slots=True)
class Guard:
    """A context in which a match (of any kind of rule) is fine (``skip``) or less serious."""

    when: Condition
    action: GuardAction
    reason: str


@dataclass(frozen=True, slots=True)
class QuotePolicies:
    """What to do with a match named as a word (a mention), quoted on its own but used (scare
    quotes), or inside quoted speech."""

    mention: QuotePolicy = "skip"
    speech: QuotePolicy = "downgrade"
    scare: QuotePolicy = "downgrade"


@dataclass(frozen=True, slots=True)
class Preferred:
    """One preferred wording, with an optional plural form.

    ``possessive`` is false when the wording has no grammatical possessive made by adding
    ``'s`` to its end ("person who sells sex"); ``only_for`` limits the wording to matches of
    some of the entry's terms (casefolded base terms or extra forms); ``when`` limits it to
    matches whose words (lower-cased, single-spaced) contain a match of that expression, as
    for the verb form a pattern rule matched ("prostituting herself": "selling sex").
    """

    text: str
    plural: str | None = None
    possessive: bool = True
    only_for: frozenset[str] | None = None
    when: str | None = None
    # where the wording fits (see :mod:`.wording`): "noun", "modifier", "predicate" (after a
    # copula, kept), "verb" (replacing a present-tense copula), "collective"; None: anywhere.
    # A "{noun}" in the text takes in the noun after a modifier ("{noun} living with HIV").
    slots: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class Examples:
    flag: tuple[str, ...] = ()
    passes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ConceptGroup:
    """A named list of words and phrases that conflation rules and their guards refer to.

    ``id`` is qualified (``lexicon/name``). A group of one lexicon that names another lexicon's
    group (``extends``) adds its terms to that group.
    """

    id: str
    description: str
    terms: tuple[str, ...]
    inflect: bool = True
    extends: bool = False
    line: int = 0


@dataclass(frozen=True, slots=True)
class Conflation:
    """What a conflation entry looks for: a named shape, the groups it reads, its guards.

    ``groups`` maps each role of the shape (``sw``, ``tr``, ...) to a qualified group id.
    ``supersedes`` lists rule ids whose findings inside this finding's span are dropped, since
    this finding names the same problem more precisely.
    """

    shape: str
    groups: tuple[tuple[str, str], ...]
    guards: tuple[Guard, ...]
    supersedes: tuple[str, ...] = ()

    def group(self, role: str) -> str:
        """The group id that fills ``role`` (KeyError when the shape has no such role)."""
        for name, group in self.groups:
            if name == role:
                return group
        raise KeyError(role)

    def has(self, role: str) -> bool:
        return any(name == role for name, _ in self.groups)


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry, validated, as written in YAML."""

    id: str
    kind: str  # a rule kind's name: term, pattern, conflation or a plugin's
    terms: tuple[str, ...]
    forms: tuple[str, ...]
    inflect_plural: bool
    inflect_possessive: bool
    pattern: str | None
    preferred: tuple[Preferred, ...]
    severity: Severity
    category: str
    note: str
    message: str | None
    sources: tuple[str, ...]
    fix: FixApplicability
    exceptions: tuple[str, ...]
    guards: tuple[Guard, ...]
    requires: tuple[Condition, ...]
    quotes: QuotePolicies
    examples: Examples
    line: int
    tags: tuple[str, ...] = ()
    plural_forms: frozenset[str] = frozenset()
    conflation: Conflation | None = None
    # a plugin kind's own keys, as plain data (strings, numbers, lists, mappings)
    options: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A validated lexicon file."""

    id: str
    version: int
    language: str
    description: str
    sources: dict[str, Source]
    entries: tuple[Entry, ...]
    path: str
    disabled: tuple[str, ...] = ()
    groups: tuple[ConceptGroup, ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    """A compiled lexicon entry with a stable, prefix-selectable id (``lexicon/entry``)."""

    id: str
    lexicon: str
    entry: Entry
    forms: dict[str, Inflection]
    sources: tuple[Source, ...]

    @property
    def severity(self) -> Severity:
        return self.entry.severity

    @property
    def category(self) -> str:
        return self.entry.category


@dataclass(frozen=True, slots=True)
class Inflection:
    """How a generated form relates to its base term."""

    base: str
    plural: bool = False
    possessive: bool = False


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


@dataclass(frozen=True, slots=True)
class Location:
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


@dataclass(frozen=True, slots=True)
class Segment:
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


@dataclass(slots=True)
class Document:
    """A source file read into prose segments. ``text`` is the whole decoded source."""

    path: str
    format: str
    text: str | ChunkedText
    segments: Iterable[Segment] = field(default_factory=list)
    # Parts of the file the reader could not read, as one-line errors naming file and line.
    unread: list[str] = field(default_factory=list)
    _line_starts: Sequence[int] | None = None
    # Word comments: (start, end) of the text each is anchored to, and the comment's text
    comments: list[tuple[int, int, str]] = field(default_factory=list)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset, in code points.

        The start of every line is found once, on the first call; each call is then a binary
        search, so findings cost O(log n) each whatever their order or the length of a line.
        """
        if self._line_starts is None:
            self._line_starts = line_starts(self.text)
        i = bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[i] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        if self._line_starts is None:
            self._line_starts = line_starts(self.text)
        starts = self._line_starts
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[starts[line - 1] : end].rstrip("\r\n")


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


_NEWLINE = re.compile(r"\r\n?|\n")


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits that would apply the first preferred wording.

    ``reason`` says why a fix that a lexicon calls safe is unsafe here (markup inside the
    match, a verb that would no longer agree).
    """

    edits: tuple[tuple[int, int, str], ...]
    applicability: Literal["safe", "unsafe"]
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One reported match. Every output format is rendered from this type."""

    path: str
    rule: str
    category: str
    severity: Severity
    message: str
    matched: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    suggestions: tuple[str, ...]
    note: str
    sources: tuple[str, ...]
    segment_kind: str = "prose"
    fix: Fix | None = None
    location: Location | None = None
    context: str = ""  # the words of the sentence around the match (see baseline.py)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    @property
    def fingerprint(self) -> str:
        """Stable across runs and unrelated edits: the rule, the file's name (not its folder),
        the matched words and the words of their sentence, case-folded, without punctuation
        or line breaks."""
        name = self.path.replace("\\", "/").rsplit("/", 1)[-1]
        matched = " ".join(_WORDS.findall(self.matched.casefold()))
        raw = "\0".join((self.rule, name, matched, self.context)).encode()
        return hashlib.sha256(raw).hexdigest()[:16]


_WORDS = re.compile(r"\w+")
