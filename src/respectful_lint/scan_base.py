"""What a candidate scanner is and what one scan finds (every scanner backend shares these)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Protocol

from msgspec import Struct


class Hits(Struct, frozen=True):
    """What one scan of a normalized view found."""

    # (start, end) of the longest word-bounded term form at each start, in start order
    terms: list[tuple[int, int]]
    # start offsets of each pattern literal that occurs
    literals: dict[str, list[int]]


class ScannerUnavailable(RuntimeError):
    """A backend that imports but cannot work on this machine."""


class Scanner:
    """Finds term forms and pattern literals in a normalized view."""

    backend = "none"

    def __init__(self, forms: Iterable[str], literals: Iterable[str]) -> None:
        self.forms = tuple(sorted(set(forms)))
        self.literals = tuple(sorted(set(literals)))

    def scan(self, norm: str) -> Hits:
        raise NotImplementedError


class DatabaseStore(Protocol):
    """Where a scanner that compiles to native form keeps the result between runs."""

    def load_blob(self, key: str) -> bytes | None: ...

    def store_blob(self, key: str, data: bytes) -> None: ...


_store: DatabaseStore | None = None


@contextmanager
def databases_in(store: DatabaseStore | None) -> Iterator[None]:
    """Scanners made inside the block reuse compiled databases kept in ``store``."""
    global _store
    previous, _store = _store, store
    try:
        yield
    finally:
        _store = previous


def database_store() -> DatabaseStore | None:
    """The store set by :func:`databases_in`, if any."""
    return _store
