"""The keys and values a lexicon file may hold, and the checks of plain values every part of
the lexicon validator uses.

Each check raises (or, when the validator collects errors, records) a one-line error naming
``file:line:col`` and the key, with a close match for a mistyped key or value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn, TypeVar, cast

from .. import guards as guard_tests
from ..lazyre import lazy_compile
from ..model import Preferred
from ..validation import ValueChecks
from ..validation import did_you_mean as _hint
from ..validation import last_key as _key
from ..validation import typename as _typename
from .yamlload import Located, LocatedError, Path

T = TypeVar("T")

TOP_KEYS = (
    "lexicon",
    "version",
    "language",
    "description",
    "sources",
    "disable",
    "groups",
    "lists",
    "entries",
)
SOURCE_KEYS = ("title", "year", "url")
UNDATED = "n.d."  # the year of an undated source, as citation styles write it
ENTRY_KEYS = (
    "id",
    "kind",
    "terms",
    "forms",
    "inflect",
    "pattern",
    "preferred",
    "severity",
    "category",
    "note",
    "message",
    "sources",
    "fix",
    "exceptions",
    "guards",
    "requires",
    "quotes",
    "tags",
    "examples",
    "shape",
    "groups",
    "supersedes",
)
CONDITION_KEYS = guard_tests.names("term")  # tests a term or pattern rule may use
CONFLATION_GUARD_TESTS = guard_tests.names("conflation")
GUARD_KEYS = (*guard_tests.names(), "action", "reason")
GROUP_KEYS = ("description", "terms", "inflect")
INFLECT_KEYS = ("plural", "possessive")
QUOTES_KEYS = ("mention", "speech", "scare")
EXAMPLES_KEYS = ("flag", "pass")
FORM_KEYS = ("text", "plural")
PREFERRED_KEYS = ("text", "plural", "possessive", "for", "when", "slot", "near")

SEVERITIES = ("error", "warning", "suggestion")
FIXES = ("safe", "unsafe", "none")
ACTIONS = ("skip", "downgrade", "suggestion")
QUOTE_POLICIES = ("skip", "downgrade", "suggestion", "flag")
ID_RE = lazy_compile(r"^[a-z0-9][a-z0-9-]*$")
GROUP_REF_RE = lazy_compile(r"^(?:[a-z0-9][a-z0-9-]*/)?[a-z0-9][a-z0-9-]*$")
CATEGORY_RE = lazy_compile(r"^[a-z0-9][a-z0-9-]*$")


# Stand-ins for a field whose error was recorded, so the entry's other fields are checked.
NO_STRINGS: tuple[str, ...] = ()
NO_WORDING: tuple[Preferred, ...] = ()


class BaseChecks(ValueChecks):
    """Checks of plain values in one lexicon document. ``builtin`` lexicons must cite sources
    and give examples; for others a missing one is a warning. With ``collect``, errors are
    gathered (every unknown key, and the first other error of each field of an entry, of each
    source and of each group) instead of raised."""

    lexicon_id: str = ""

    def __init__(self, doc: Located, *, builtin: bool = True, collect: bool = False) -> None:
        self.doc = doc
        self.builtin = builtin
        self.collect = collect
        self.errors: list[LocatedError] = []
        self.warnings: list[LocatedError] = []
        self.lists: dict[str, tuple[str, ...]] = {}  # the lexicon's named word lists

    def fail(self, path: Path, message: str, *, key: bool = False) -> NoReturn:
        raise self.doc.error(path, message, key=key)

    def warn(self, path: Path, message: str) -> None:
        self.warnings.append(cast(LocatedError, self.doc.error(path, message)))

    def attempt(self, check: Callable[[], T]) -> T | None:
        """Run one part's checks; when collecting, record its error and go on."""
        if not self.collect:
            return check()
        try:
            return check()
        except LocatedError as exc:
            self.errors.append(exc)
            return None

    def part(self, default: T, check: Callable[[], T]) -> T:
        """One field's checks: when collecting, its error is recorded and ``default`` stands
        in, so the entry's other fields are checked too."""
        value = self.attempt(check)
        return default if value is None else value

    def mapping(self, value: Any, path: Path, keys: tuple[str, ...], what: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(path, f"{what} must be a mapping, got {_typename(value)}")
        for key in value:
            if key not in keys:
                message = f"unknown key '{key}' in {what}{_hint(key, keys)}"
                if not self.collect:
                    self.fail((*path, key), message, key=True)
                error = self.doc.error((*path, key), message, key=True)
                self.errors.append(cast(LocatedError, error))
        if self.collect:
            return {k: v for k, v in value.items() if k in keys}
        return cast(dict[str, Any], value)

    def string(self, value: Any, path: Path, *, nonempty: bool = True) -> str:
        if not isinstance(value, str) or (nonempty and not value.strip()):
            want = "a non-empty string" if nonempty else "a string"
            hint = (
                " (put it in quotes: YAML reads yes/no/on/off as true/false)"
                if isinstance(value, bool)
                else ""
            )
            self.must(path, want, value, hint)
        return value

    def choice(self, value: Any, path: Path, choices: tuple[str, ...]) -> str:
        if not isinstance(value, str) or value not in choices:
            self.fail(
                path,
                f"'{_key(path)}' must be one of {', '.join(choices)}, got {value!r}"
                + (_hint(value, choices) if isinstance(value, str) else ""),
            )
        return value

    def strings(self, value: Any, path: Path, *, nonempty_list: bool = False) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.fail(path, f"'{_key(path)}' must be a list of strings, got {_typename(value)}")
        for i, item in enumerate(value):
            self.string(item, (*path, i))
        if nonempty_list and not value:
            self.fail(path, f"'{_key(path)}' must not be empty")
        return tuple(value)

    def require(self, data: dict[str, Any], path: Path, key: str, what: str) -> Any:
        if key not in data:
            self.fail((*path, key), f"missing required key '{key}' in {what}")
        return data[key]

    def typename(self, value: Any) -> str:
        return _typename(value)
