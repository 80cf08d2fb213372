"""What checking configuration files and lexicon files shares: how a wrong value reads in a
message, close matches for a mistyped name, and the checks of plain values at a key path.

Both kinds of checking name ``file:line:col`` and the key in every message; they differ only
in how they word a value. A configuration message says what kind of value it got ("not a
string"), a lexicon message shows it ("got string 'x'").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, NoReturn

KeyPath = tuple[str | int, ...]


def close_match(word: str, choices: Sequence[str], cutoff: float = 0.6) -> str | None:
    """The choice closest to ``word``, if one is close enough."""
    import difflib  # here: only a mistake needs it

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return close[0] if close else None


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """`` (did you mean 'x'?)`` for a close choice, or nothing."""
    close = close_match(word, choices)
    return f" (did you mean '{close}'?)" if close else ""


def unknown_key(key: str, known: Sequence[str], where: str = "") -> str:
    """An unknown key, with the closest known one or else the list of them."""
    close = close_match(key, known)
    hint = f"did you mean '{close}'?" if close else "known keys: " + ", ".join(known)
    return f"unknown key '{key}'{where} ({hint})"


def kind_of(value: Any) -> str:
    """What kind of value it is, as configuration messages say: "a string", "a list"."""
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    return _container(value) or f"a {type(value).__name__}"


def typename(value: Any) -> str:
    """A value as lexicon messages show it: "string 'x'", "boolean true", "a list"."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"boolean {value!r}".lower()
    if isinstance(value, str):
        return f"string {value!r}"
    return _container(value) or f"{type(value).__name__} {value!r}"


def _container(value: Any) -> str | None:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    return None


def last_key(path: KeyPath) -> str:
    """The last key of a path (list indexes skipped), as lexicon messages name it."""
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return "value"


def dotted(path: KeyPath) -> str:
    """A whole key path, as configuration messages name it: ``overrides.x/y.fix``."""
    return ".".join(str(p) for p in path)


class ValueChecks:
    """Checks of plain values at a key path. A subclass says how an error is raised
    (:meth:`fail`) and how a key and a value read in its messages."""

    contrast: ClassVar[str] = "got"  # the word before the value: "got" or "not"

    def fail(self, path: KeyPath, message: str, *, key: bool = False) -> NoReturn:
        raise NotImplementedError

    def label(self, path: KeyPath) -> str:
        return last_key(path)

    def describe(self, value: Any) -> str:
        return typename(value)

    def must(self, path: KeyPath, want: str, value: Any, hint: str = "") -> NoReturn:
        """Fail with "'key' must be WANT, got VALUE"."""
        found = f"{self.contrast} {self.describe(value)}{hint}"
        self.fail(path, f"'{self.label(path)}' must be {want}, {found}")

    def boolean(self, value: Any, path: KeyPath) -> bool:
        if not isinstance(value, bool):
            self.must(path, "true or false", value)
        return value

    def integer(self, value: Any, path: KeyPath) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            self.must(path, "an integer", value)
        return value
