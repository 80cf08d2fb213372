"""Reframing as trafficking: sex-trade words corrected into trafficking or its victims
("it is not sex work, it is slavery"), or nearly every case called trafficking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lazyre import lazy_compile
from ...model import Conflation, Severity
from ..grammar import (
    Candidate,
    cand,
)
from ._shape import Shape

if TYPE_CHECKING:
    from ..sentence import Sentence


_REFRAME = lazy_compile(
    r"(?<![\w-])(?:it|this|that|they|these|those)(?:'s|'re| is| are| was| were)"
    r"(?P<adv>(?: (?:actually|really|in fact|in reality|simply|just|basically|nothing but"
    r"|literally|truly))*) "
    r"(?:(?:a|an|all|always|often) )?"
)
_OFTEN = lazy_compile(
    r"(?<![\w-])(?:in (?:almost |nearly |virtually )?(?:every|all|most) cases?|most of the time"
    r"|almost always|nearly always|more often than not|invariably|usually)(?![\w-])"
)
_NOT_SW_BEFORE = lazy_compile(r"(?:\bnot|n't|\bno longer|\bnever) (?:\w+ ){0,2}\Z")
_BUT = lazy_compile(r"(?:,|\bbut|;|-) *(?:but )?\Z")  # "… sex work is work, but it's …"
_CLEFT = lazy_compile(r" (?:that|which|who)\b")  # "it's actually trafficking that worries …"


def reframing(sent: Sentence, spec: Conflation, severity: Severity) -> list[Candidate]:
    """Something renamed as trafficking or its victims: a correction of sex-trade words ("it is
    not sex work, it is slavery", "they're not prostitutes, they're victims", "sex work is work,
    but it's actually slavery") or a claim about nearly every case ("in almost every case it's
    actually slavery")."""
    norm = sent.norm
    targets = [(s, e) for s, e, k in sent.concepts(spec) if k == "tr"]
    targets += sent.hits(spec.group("victim")) if spec.has("victim") else []
    if not targets:
        return []
    sw = [(s, e) for s, e, k in sent.concepts(spec) if k == "sw"]
    denied = [
        (s, e) for s, e in sw if _NOT_SW_BEFORE.search(norm, max(sent.start, s - 30), s) is not None
    ]
    often = _OFTEN.search(norm, sent.start, sent.end)
    for m in _REFRAME.finditer(norm, sent.start, sent.end):
        hit = [(s, e) for s, e in targets if s == m.end()]
        if not hit:
            continue
        before = [d for d in denied if d[1] <= m.start()]
        if before:  # "not prostitutes, they're victims"
            start = max(0, norm.rfind(" ", sent.start, before[-1][0] - 5) + 1)
            start = max(start, sent.start)
            return [cand(sent, start, hit[0][1], severity, before[-1], hit[0])]
        if often is not None and m["adv"]:  # "in almost every case it's actually slavery"
            start = min(often.start(), m.start())
            return [cand(sent, start, hit[0][1], severity, hit[0])]
        earlier = [x for x in sw if x[1] <= m.start()]
        if (
            earlier
            and m["adv"]
            and m[0].startswith("it")
            and _BUT.search(norm, max(sent.start, m.start() - 8), m.start())
            and not _CLEFT.match(norm, hit[0][1])
        ):
            # "people say sex work is work, but it's actually slavery": "it" is the sex trade
            return [cand(sent, earlier[-1][0], hit[0][1], severity, earlier[-1], hit[0])]
    return []


SHAPE = Shape(
    name="reframing",
    title="reframing as trafficking",
    summary=(
        'sex-trade words corrected into trafficking or its victims ("it is not sex work, '
        'it is slavery", "they\'re not prostitutes, they\'re victims"), or nearly every '
        'case called trafficking ("in almost every case it\'s actually slavery")'
    ),
    roles=("tr", "victim", "sw", "goods"),
    triggers=("tr",),
    detect=reframing,
)
