"""Fixed conflation phrases: demand said to fuel trafficking, "demand for trafficking",
"end demand" beside trafficking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lazyre import lazy_compile
from ...model import Conflation, Severity
from ..grammar import (
    Candidate,
    cand,
    next_word,
)
from ._shape import Shape

if TYPE_CHECKING:
    from ..sentence import Sentence


_DRIVE = lazy_compile(
    r"(?: (?:who|that) (?:buy|buys|pay for|pays for|purchase|purchases) (?:sex|it))? "
    r"(?:fuel|fuels|fuelled|fueled|fuelling|fueling|drive|drives|drove|driving|feed|feeds|fed|"
    r"feeding|cause|causes|caused|create|creates|created|sustain|sustains|sustained|fund|"
    r"funds|funded|funding|perpetuate|perpetuates|underpin|underpins|enable|enables)"
    r"(?: (?:the|more|most))? "
)


_DEMAND_FOR = lazy_compile(r"(?<!\w)demand for ")


_END_DEMAND = lazy_compile(r"(?<!\w)end(?:s|ing)? demand(?!\w)")


def fixed_phrase(sent: Sentence, spec: Conflation, severity: Severity) -> list[Candidate]:
    concepts = [c for c in sent.concepts(spec) if c[2] == "tr"]
    if not concepts:
        return []
    norm = sent.norm
    stems = sent.words(spec, "harm-stems")

    def harm_at(pos: int) -> int:
        ends = [ce for cs, ce, _ in concepts if cs == pos and _harmful(norm[cs:ce], stems)]
        return max(ends, default=-1)

    out = []
    for ds, de in sent.hits(spec.group("demand")):
        m = _DRIVE.match(norm, de, sent.end)
        if m is not None and (end := harm_at(m.end())) > 0:
            out.append(cand(sent, ds, end, severity, (ds, de), (m.end(), end)))
    for m in _DEMAND_FOR.finditer(norm, sent.start, sent.end):
        end = harm_at(m.end())
        word, _ = next_word(sent, end) if end > 0 else (None, 0)
        if end > 0 and word not in sent.words(spec, "modified-heads") and word != "-":
            out.append(cand(sent, m.start(), end, severity, (m.end(), end)))
    for m in _END_DEMAND.finditer(norm, sent.start, sent.end):
        later = [(cs, ce) for cs, ce, _ in concepts if m.end() < cs <= m.end() + 80]
        later = [(cs, ce) for cs, ce in later if _harmful(norm[cs:ce], stems)]
        if later:
            cs, ce = later[0]
            out.append(cand(sent, m.start(), ce, severity, (m.start(), m.end()), (cs, ce)))
    return out


def _harmful(text: str, stems: frozenset[str]) -> bool:
    return any(w in text for w in stems) and not text.startswith(("trafficked", "trafficker"))


SHAPE = Shape(
    name="fixed-phrase",
    title="fixed conflation phrase",
    summary=(
        'buyers, clients or demand said to fuel or drive trafficking; "demand for '
        'trafficking"; "end demand" beside trafficking'
    ),
    roles=("demand", "tr", "goods"),
    triggers=("tr",),
    detect=fixed_phrase,
    vocabulary=("modified-heads", "harm-stems"),
)
