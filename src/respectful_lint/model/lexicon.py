"""Lexicons as validated and compiled: severities, sources, entries and their conditions,
guards, preferred wordings and examples, concept groups, and the rules built from entries.

Lexicons are cached as data (see :mod:`respectful_lint.cache`), so these types hold plain
values only. They are frozen ``msgspec`` structs: made in C, so the classes cost next to
nothing to create at start-up, and decoded from the cache with their types checked. Those a
cache entry holds are stored as JSON arrays of their fields in order (``array_like``), which
is smaller and quicker to read than objects, and are not tracked by the garbage collector
(``gc=False``): made bottom-up from plain data, they can never be part of a reference cycle,
and the thousands that reading an entry makes would otherwise set off collections.
"""

from __future__ import annotations

import enum
from typing import Any, Literal, NoReturn

from msgspec import Struct
from msgspec.structs import force_setattr


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
# Where a preferred wording fits in a sentence (see :mod:`respectful_lint.wording`).
SLOTS = ("noun", "modifier", "predicate", "verb", "collective")
GuardAction = Literal["skip", "downgrade", "suggestion"]
QuotePolicy = Literal["skip", "downgrade", "suggestion", "flag"]


class Source(Struct, frozen=True, array_like=True, gc=False):
    """A reference that lexicon entries cite by key."""

    key: str
    title: str
    year: int | str | None  # a year, or "n.d." for an undated web page
    url: str


_Phrases = tuple[tuple[str, ...], ...]


class _WindowIndex:
    """The lookup tables of a :class:`WordWindow`, made on its first use: a slot of their own,
    outside its fields, so that they take no part in its equality, hash, repr or stored form,
    and reading a cached lexicon builds none."""

    __slots__ = ("_index",)

    # single words, prefixes (without their "*"), phrases of several words by their first
    # word when it is a whole word, and those whose first word is a prefix ("scrum* half")
    _index: tuple[frozenset[str], tuple[str, ...], dict[str, _Phrases], _Phrases]


class WordWindow(_WindowIndex, Struct, frozen=True, gc=False, array_like=True):
    """Phrases looked for among the nearest ``window`` words on one side of a match.

    Each phrase is a tuple of lower-case tokens; a token ending in ``*`` matches any word
    that starts with it.
    """

    phrases: _Phrases
    window: int

    def _indexed(self) -> None:
        phrases = self.phrases
        singles = frozenset(p[0] for p in phrases if len(p) == 1 and not p[0].endswith("*"))
        prefixes = tuple(p[0][:-1] for p in phrases if len(p) == 1 and p[0].endswith("*"))
        by_first: dict[str, _Phrases] = {}
        for p in phrases:
            if len(p) > 1 and not p[0].endswith("*"):
                by_first[p[0]] = (*by_first.get(p[0], ()), p)
        multi = tuple(p for p in phrases if len(p) > 1 and p[0].endswith("*"))
        force_setattr(self, "_index", (singles, prefixes, by_first, multi))

    def found_in(self, words: list[str]) -> bool:
        """Whether one of the phrases occurs among ``words``."""
        try:
            singles, prefixes, by_first, multi = self._index
        except AttributeError:
            self._indexed()
            singles, prefixes, by_first, multi = self._index
        if not singles.isdisjoint(words):
            return True
        if prefixes and any(w.startswith(prefixes) for w in words):
            return True
        if by_first:
            size = len(words)
            for i, word in enumerate(words):
                for phrase in by_first.get(word, ()):
                    if i + len(phrase) <= size and _phrase_at(phrase, words, i):
                        return True
        for phrase in multi:
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


class Condition:
    """A conjunction of context tests: (test name, value) pairs, cheapest test first.

    The tests are declared in :mod:`respectful_lint.guards`, which validates, evaluates and
    describes them. Immutable. Not a struct: the type of each value depends on its test, so
    the cache stores and reads conditions through the guard registry (``guards.stored`` and
    ``guards.restored``).
    """

    __slots__ = ("tests",)

    tests: tuple[tuple[str, object], ...]

    def __init__(self, tests: tuple[tuple[str, object], ...] = ()) -> None:
        object.__setattr__(self, "tests", tests)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"Condition is immutable: cannot set '{name}'")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"Condition is immutable: cannot delete '{name}'")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Condition):
            return NotImplemented
        return self.tests == other.tests

    def __hash__(self) -> int:
        return hash(self.tests)

    def __repr__(self) -> str:
        return f"Condition(tests={self.tests!r})"

    def __reduce__(self) -> tuple[type[Condition], tuple[tuple[tuple[str, object], ...]]]:
        return (Condition, (self.tests,))

    def get(self, name: str) -> object | None:
        """The value of one test, or None when the condition does not use it."""
        for key, value in self.tests:
            if key == name:
                return value
        return None


class Guard(Struct, frozen=True, array_like=True, gc=False):
    """A context in which a match (of any kind of rule) is fine (``skip``) or less serious."""

    when: Condition
    action: GuardAction
    reason: str


class QuotePolicies(Struct, frozen=True, array_like=True, gc=False):
    """What to do with a match named as a word (a mention), quoted on its own but used (scare
    quotes), or inside quoted speech."""

    mention: QuotePolicy = "skip"
    speech: QuotePolicy = "downgrade"
    scare: QuotePolicy = "downgrade"


class Preferred(Struct, frozen=True, array_like=True, gc=False):
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
    # where the wording fits (see :mod:`respectful_lint.wording`): "noun", "modifier",
    # "predicate" (after a copula, kept), "verb" (replacing a present-tense copula),
    # "collective"; None: anywhere.
    # A "{noun}" in the text takes in the noun after a modifier ("{noun} living with HIV").
    slots: frozenset[str] | None = None
    # words (lower case; "mourn*" a word start) that put this wording first when one of them
    # stands in the match's sentence ("died", "memorial": "people who died of AIDS")
    near: frozenset[str] | None = None


class Examples(Struct, frozen=True, array_like=True, gc=False):
    flag: tuple[str, ...] = ()
    passes: tuple[str, ...] = ()


class ConceptGroup(Struct, frozen=True, array_like=True, gc=False):
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


class Conflation(Struct, frozen=True, array_like=True, gc=False):
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


class Entry(Struct, frozen=True, array_like=True, gc=False):
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


class Lexicon(Struct, frozen=True, array_like=True, gc=False):
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


class Rule(Struct, frozen=True):
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


class Inflection(Struct, frozen=True):
    """How a generated form relates to its base term."""

    base: str
    plural: bool = False
    possessive: bool = False
