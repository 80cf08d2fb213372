"""What a conflation shape is: a name, what it finds in plain words, its roles and detector."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from msgspec import Struct

from ...model import Conflation, Severity
from ..grammar import Candidate

if TYPE_CHECKING:
    from ..sentence import Sentence

VOCABULARY_LEXICON = "conflation"  # where the default vocabulary groups live

Detector = Callable[["Sentence", Conflation, Severity], list[Candidate]]


class Shape(Struct, frozen=True):
    """One conflation shape: its name, a title, what it finds and the roles of its groups.

    ``triggers`` are the roles of which a term must be present for the shape to apply;
    ``vocabulary`` the roles whose terms the detector compares words against (heads, person
    nouns), which default to the groups of the built-in ``conflation`` lexicon;
    ``detect`` finds candidates in one sentence.
    """

    name: str
    title: str
    summary: str
    roles: tuple[str, ...]
    triggers: tuple[str, ...]
    detect: Detector
    vocabulary: tuple[str, ...] = ()
