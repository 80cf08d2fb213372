"""What a candidate scanner is and what one scan finds (every scanner backend shares these)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Hits:
    """What one scan of a normalized view found."""

    # (start, end) of the longest word-bounded term form at each start, in start order
    terms: list[tuple[int, int]]
    # start offsets of each pattern literal that occurs
    literals: dict[str, list[int]]


class Scanner:
    """Finds term forms and pattern literals in a normalized view."""

    backend = "none"

    def __init__(self, forms: Iterable[str], literals: Iterable[str]) -> None:
        self.forms = tuple(sorted(set(forms)))
        self.literals = tuple(sorted(set(literals)))

    def scan(self, norm: str) -> Hits:
        raise NotImplementedError
