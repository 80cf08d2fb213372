"""Gloss or apposition: one concept glossed as the other ("sex work, i.e. trafficking",
"prostitution (aka trafficking)", "sex trafficking, commonly called prostitution",
"prostitution, which is really trafficking").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lazyre import lazy_compile
from ...model import Conflation, Severity
from ..grammar import (
    FILL_STOP,
    PREPOSITIONS,
    Candidate,
    cand,
    pairs,
    prev_words,
)
from ._shape import Shape

if TYPE_CHECKING:
    from ..sentence import Sentence


_GLOSS_MARK = (
    r"i\.?e\.?|e\.?g\.?|aka|a\.k\.a\.?|also known as|otherwise known as|also called|"
    r"(?:commonly|often|usually|sometimes|more accurately|properly|better|also) "
    r"(?:called|known as|described as|referred to as|termed)|"
    r"(?:which|that) (?:is|are|was|were) (?:really|just|simply|actually|in fact|basically)|"
    r"in other words|that is|or rather|namely|i mean|read"
)


_GLOSS_GAP = lazy_compile(
    r"(?P<open> ?\(| -{1,2}|,|:)? ?(?:(?P<mark>" + _GLOSS_MARK + r")[,:]? )?"
    r"(?P<fill>(?:[\w'-]+ ){0,3})"
)


def gloss(sent: Sentence, spec: Conflation, severity: Severity) -> list[Candidate]:
    out = []
    norm = sent.norm
    for a, b in pairs(sent, spec):
        gap = norm[a[1] : b[0]]
        if len(gap) > 60:
            continue
        m = _GLOSS_GAP.fullmatch(gap)
        if m is None:
            continue
        mark, opening = m.group("mark"), (m.group("open") or "").strip()
        if not mark and opening not in ("(", "-", "--"):
            continue
        if any(w in FILL_STOP for w in m.group("fill").split()):
            continue
        if mark and mark.startswith("e"):
            before = prev_words(sent, a[0], 2)
            if any(w in PREPOSITIONS for w in before):
                continue  # "linked to trafficking, e.g. sex work": the example is of another noun
        end = b[1] + 1 if opening == "(" and norm[b[1] : b[1] + 1] == ")" else b[1]
        # Keep either the glossed words or the gloss itself, never both.
        gloss_start = a[1] + m.start("fill")
        rewrites = (((a[0], a[1]),), ((gloss_start, b[1]),))
        out.append(cand(sent, a[0], end, severity, a[:2], b[:2], rewrites=rewrites))
    return out


SHAPE = Shape(
    name="gloss",
    title="gloss or apposition",
    summary=(
        "one concept glossed as the other with i.e., e.g., aka, also known as, commonly "
        "called, which is really, in other words, that is, namely, a dash or a parenthesis"
    ),
    roles=("sw", "tr", "goods"),
    triggers=("sw", "tr"),
    detect=gloss,
)
