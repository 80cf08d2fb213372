"""The protocol every rule kind follows, built-in or from a plugin distribution.

A rule kind owns one value of an entry's ``kind:`` key. It checks the entry keys only it reads
(``validate``), expands an entry into the word forms the shared scanner looks for (``forms``),
compiles its rules of a lexicon (``compile``) and describes a rule as data for ``explain``
(``describe``). The engine knows only this protocol; it never names a kind.

A compiled kind takes part in the matching of each segment in two steps:

- ``candidates`` adds accepted matches, keyed by start offset, from the one scan of the
  segment's normalized view (word forms, and the places of literal strings);
- after the overlaps of all candidates are resolved, ``review`` (of a kind that sets
  ``reviews``) may turn some of them into its own findings: it returns those findings, the
  matches left to report in the common way, and the spans where a fix would be wrong.

Kinds register in the ``respectful_lint.rule_kinds`` entry-point group, the built-ins too; a
plugin's kind is imported only when a lexicon entry names it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from msgspec import Struct

from ..findings import Match, Span
from ..model import (
    ConceptGroup,
    Conflation,
    Document,
    Entry,
    Finding,
    Inflection,
    Lexicon,
    Rule,
    Segment,
)

if TYPE_CHECKING:
    from ..context import Context
    from ..lexicon.compile import CompiledLexicon
    from ..scan import Hits

# keys only a conflation entry reads: other built-in kinds point to it
CONFLATION_KEYS = ("shape", "groups", "supersedes")

Path = tuple[str | int, ...]
"""Where a value sits in a lexicon file: keys and list indices from the top."""


class EntryChecker(Protocol):
    """What a kind may use to check an entry's keys; each failure names file, line and key."""

    builtin: bool

    def fail(self, path: Path, message: str, *, key: bool = False) -> None: ...
    def require(self, data: dict[str, Any], path: Path, key: str, what: str) -> Any: ...
    def string(self, value: Any, path: Path, *, nonempty: bool = True) -> str: ...
    def strings(
        self, value: Any, path: Path, *, nonempty_list: bool = False
    ) -> tuple[str, ...]: ...
    def boolean(self, value: Any, path: Path) -> bool: ...
    def integer(self, value: Any, path: Path) -> int: ...
    def choice(self, value: Any, path: Path, choices: tuple[str, ...]) -> str: ...
    def mapping(
        self, value: Any, path: Path, keys: tuple[str, ...], what: str
    ) -> dict[str, Any]: ...


class KindFields(Struct, frozen=True):
    """The fields of an entry that its kind's keys set (plain data: lexicons are cached)."""

    terms: tuple[str, ...] = ()
    pattern: str | None = None
    conflation: Conflation | None = None
    options: tuple[tuple[str, Any], ...] = ()


class CompiledKind(Protocol):
    """One kind's rules of a compiled lexicon."""

    @property
    def forms(self) -> Mapping[str, tuple[int, ...]]:
        """Whole-word forms the shared scanner finds, with the rules (by index) using each."""
        ...

    @property
    def literals(self) -> Collection[str]:
        """Strings whose places in the view the shared scanner records (``hits.literals``)."""
        ...

    @property
    def reviews(self) -> bool:
        """Whether :meth:`review` may change the resolved matches (else it is not called)."""
        ...

    # Optional: ``needs_hits``, true when the kind finds nothing in a segment where the scan
    # found none of the forms and literals of any kind. When every kind says so, the engine
    # scans short segments many at a time and matches only those with a hit. A kind that
    # does not say so is given every segment.

    def candidates(
        self, lexicon: CompiledLexicon, ctx: Context, hits: Hits, best: dict[int, Match]
    ) -> None: ...

    def review(
        self,
        document: Document,
        segment: Segment,
        ctx: Context,
        lexicon: CompiledLexicon,
        matches: list[Match],
    ) -> tuple[list[Finding], list[Match], Sequence[Span]]: ...


class RuleKind(Protocol):
    """A kind of rule: the value of ``kind:`` in a lexicon entry."""

    @property
    def name(self) -> str:
        """The value of ``kind:`` that selects this kind."""
        ...

    @property
    def keys(self) -> tuple[str, ...]:
        """Entry keys this kind reads, beyond those every entry has (see lexicon.validate)."""
        ...

    def validate(
        self, check: EntryChecker, data: dict[str, Any], path: Path, what: str
    ) -> KindFields:
        """The kind's fields of one entry, after checking the keys only this kind reads."""
        ...

    def forms(self, entry: Entry) -> dict[str, Inflection]:
        """The word forms a rule of this kind matches (empty when it finds text otherwise)."""
        ...

    def compile(self, rules: Sequence[Rule], lexicons: Sequence[Lexicon]) -> CompiledKind | None:
        """This kind's rules among ``rules`` (matches name rules by index in ``rules``);
        None when there is nothing to look for."""
        ...

    def describe(self, rule: Rule, groups: Mapping[str, ConceptGroup]) -> dict[str, Any]:
        """What a rule of this kind looks for, as plain data for ``explain``: the built-in
        kinds give ``terms``, ``pattern`` or ``conflation``; any other key is shown under the
        rule's details. ``groups`` are every lexicon's concept groups, by qualified id."""
        ...


class Passive:
    """A base for compiled kinds whose matches need no review."""

    __slots__ = ()
    reviews: ClassVar[bool] = False

    def review(
        self,
        document: Document,
        segment: Segment,
        ctx: Context,
        lexicon: CompiledLexicon,
        matches: list[Match],
    ) -> tuple[list[Finding], list[Match], Sequence[Span]]:
        return [], matches, ()


def own_rules(rules: Sequence[Rule], name: str) -> list[tuple[int, Rule]]:
    """The rules of kind ``name`` with their indices."""
    return [(i, r) for i, r in enumerate(rules) if r.entry.kind == name]


def refuse(
    check: EntryChecker, data: Mapping[str, Any], path: Path, keys: Iterable[str], message: str
) -> None:
    """Fail on each of ``keys`` present in ``data``; ``message`` may name ``{key}``."""
    for key in keys:
        if key in data:
            check.fail((*path, key), message.replace("{key}", key))
