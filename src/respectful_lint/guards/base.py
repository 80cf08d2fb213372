"""What a guard test is: one named context test, declared once.

A test has its JSON-schema fragment (for ``lexicons/schema.json``), its validation (raw YAML in,
a value out), its evaluation (a :class:`Site` and the value in, true or false) and its
plain-words description (for ``explain``). The rule kinds that may use it are listed too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from msgspec import Struct

if TYPE_CHECKING:
    from ..context import Context

Path = tuple[str | int, ...]

TERM_AND_CONFLATION = frozenset({"term", "pattern", "conflation"})


class Parser(Protocol):
    """The checks a guard test's validation may use (the lexicon validator provides them).

    Each raises a one-line error naming file, line and key.
    """

    def fail(self, path: Path, message: str, *, key: bool = False) -> None: ...
    def string(self, value: Any, path: Path, *, nonempty: bool = True) -> str: ...
    def strings(
        self, value: Any, path: Path, *, nonempty_list: bool = False
    ) -> tuple[str, ...]: ...
    def integer(self, value: Any, path: Path) -> int: ...
    def boolean(self, value: Any, path: Path) -> bool: ...
    def choice(self, value: Any, path: Path, choices: tuple[str, ...]) -> str: ...
    def mapping(
        self, value: Any, path: Path, keys: tuple[str, ...], what: str
    ) -> dict[str, Any]: ...
    def named_list(self, name: Any, path: Path) -> tuple[str, ...]:
        """The words of a list the lexicon declares under ``lists:``."""
        ...

    def group_ref(self, ref: str, path: Path) -> str:
        """A concept group reference, qualified as ``lexicon/name``."""
        ...

    def term(self, text: str) -> str:
        """A form as the matcher sees it (normalized, lower case)."""
        ...


class Site(Protocol):
    """Where a candidate match stands, as guard tests see it.

    ``start``/``end`` are offsets of the match in ``ctx.norm``; ``form`` is its text there.
    """

    ctx: Context
    start: int
    end: int
    form: str

    def words_before(self) -> list[str]:
        """The words of the sentence before the match, in order."""
        ...

    def words_after(self) -> list[str]:
        """The words of the sentence after the match, in order."""
        ...

    def negated(self) -> bool:
        """A negation on the matched concepts (conflation rules)."""
        ...

    def question(self) -> bool:
        """The sentence is a question (conflation rules)."""
        ...

    def sentence_has(self, groups: tuple[str, ...]) -> bool:
        """A term of one of these concept groups is in the sentence (conflation rules)."""
        ...


class GuardTest(Struct, frozen=True):
    """One guard test.

    ``parse`` turns the raw YAML value into the value ``holds`` and ``describe`` take; ``value``
    is that value's type (``bool``, ``frozenset[str]``, a struct...), which the lexicon cache
    reads a stored value back as.
    ``cost`` orders evaluation: cheap tests run first, so most candidates stop early.
    ``example`` is a YAML value that ``parse`` accepts, used by the registry's own tests.
    """

    name: str
    schema: dict[str, Any]
    parse: Callable[[Parser, Any, Path], Any]
    holds: Callable[[Site, Any], bool]
    describe: Callable[[Any], str]
    example: Any
    value: Any
    cost: int = 50
    kinds: frozenset[str] = TERM_AND_CONFLATION
    # shared schema definitions the fragment refers to (``#/$defs/name``)
    defs: tuple[tuple[str, dict[str, Any]], ...] = ()
