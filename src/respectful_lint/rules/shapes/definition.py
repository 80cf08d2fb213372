"""Definitional copula: sex work defined as trafficking, slavery or a harm ("prostitution
is trafficking", "sex work = exploitation", "is a form of slavery").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lazyre import lazy_compile
from ...model import Conflation, Severity
from ..grammar import (
    Candidate,
    cand,
    is_subject,
    modifier,
)
from ._shape import Shape

if TYPE_CHECKING:
    from ..sentence import Sentence


_EQUALS = lazy_compile(r" ?(?<![=<>!])=(?!=) ?")


_COPULA = lazy_compile(
    r" (?:is|are|was|were|equals|equal|means|amounts to|constitutes|remains|represents)"
    # an aside between commas: "is, in reality, trafficking"
    r"(?:, (?:in reality|in fact|by definition|in effect|in essence|at heart|at bottom|"
    r"in truth|really|simply|essentially|ultimately),)?"
    r"(?: (?:just|simply|really|basically|essentially|inherently|always|itself|in fact|"
    r"in effect|by definition|nothing but|nothing more than|nothing less than|"
    r"no different from|no different than|no more than|the same as|equivalent to|"
    r"synonymous with|another (?:word|name) for|"
    r"(?:a|an|the|one)(?: [a-z]+)? (?:form|type|kind|variety|version) of|a|an|the))* "
)


def definition(sent: Sentence, spec: Conflation, severity: Severity) -> list[Candidate]:
    concepts = sent.concepts(spec)
    if not concepts:
        return []
    norm = sent.norm
    harm = spec.group("harm")
    out = []
    for s, e, kind in concepts:
        m = _EQUALS.match(norm, e, sent.end) or _COPULA.match(norm, e, sent.end)
        if m is None:
            continue
        pos = m.end()
        other = "tr" if kind == "sw" else "sw"
        ends = [ce for cs, ce, ck in concepts if cs == pos and ck == other]
        if kind == "sw":
            ends.append(sent.matches_at(harm, pos))
        end = max(ends, default=-1)
        if end < 0 or norm.startswith(tuple(sent.words(spec, "trafficked-persons")), pos):
            continue
        if modifier(sent, spec, pos, end):
            continue
        if not is_subject(sent, s):
            continue  # "policing sex work is ...": sex work is not the subject
        out.append(cand(sent, s, end, severity, (s, e), (pos, end)))
    return out


SHAPE = Shape(
    name="definition",
    title="definitional copula",
    summary=(
        "a sex-work term defined as trafficking, slavery or a harm with is, are, =, "
        "equals, means, is a form of, is just, is nothing but, or the reverse"
    ),
    roles=("sw", "tr", "harm", "goods"),
    triggers=("sw", "tr"),
    detect=definition,
    vocabulary=("persons", "modified-heads", "bare-modifiers", "trafficked-persons"),
)
