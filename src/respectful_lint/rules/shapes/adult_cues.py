"""Adult-consent cues beside "sex trafficking": a police operation on adults, escort ads or
solicitation called sex trafficking in the same or the next sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...model import Conflation, Severity
from ...sentences import sentence_bounds
from ..grammar import (
    Candidate,
)
from ._shape import Shape

if TYPE_CHECKING:
    from ..sentence import Sentence


def adult_cues(sent: Sentence, spec: Conflation, severity: Severity) -> list[Candidate]:
    out = []
    norm = sent.norm
    for s, e, kind in sent.concepts(spec):
        if kind != "tr" or not norm.startswith(tuple(sent.words(spec, "sex-trafficking")), s):
            continue
        lo = sentence_bounds(norm, sent.start - 2)[0] if sent.start >= 2 else sent.start
        hi = sentence_bounds(norm, sent.end + 1)[1] if sent.end + 1 < len(norm) else sent.end
        if not norm[lo:hi].strip():
            continue
        if sent.hits(spec.group("adult-cue"), lo, hi) and sent.hits(
            spec.group("enforcement"), lo, hi
        ):
            out.append(Candidate(s, e, severity, ((s, e),), (lo, hi)))
    return out


SHAPE = Shape(
    name="adult-cues",
    title='adult-consent cues beside "sex trafficking"',
    summary=(
        '"sex trafficking" in a sentence, or next to one, that speaks of adults, escort '
        "ads, solicitation or undercover officers in a police operation"
    ),
    roles=("tr", "adult-cue", "enforcement", "goods"),
    vocabulary=("sex-trafficking",),
    triggers=("tr",),
    detect=adult_cues,
)
