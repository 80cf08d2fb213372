"""The equivalence shape: sex work and trafficking (or a harm) said to be the same thing.

"Prostitution and sex trafficking are two sides of the same coin", "an inextricable link
between prostitution and trafficking", "the abuse they suffered was not that different from the
abuse any woman in the sex trade endures". The sentence must name the sex trade and either a
trafficking word or a harm, or speak of everyone in the sex trade ("any woman in the sex
trade"). A plain negation of sameness ("is not the same as", "not linked") is the opposite
claim and is left alone; "not that different" asserts sameness and is found.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Conflation, Severity
from .grammar import DETECTORS, Candidate, _cand

if TYPE_CHECKING:
    from .conflation import Sentence

_SAME = re.compile(
    r"(?<![\w-])(?:"
    r"not (?:that|so|very|much|all that|really|too) different"
    r"|no different|hardly different|little different"
    r"|(?:isn't|is not|wasn't|was not|aren't|are not) much (?:of a )?difference"
    r"|(?:the )?same thing as|one and the same|indistinguishabl[ey]|inseparabl[ey]"
    r"|(?:often |largely |virtually |practically )?synonymous"
    r"|two sides of the same coin"
    r"|(?:inextricabl[ey]|inherent(?:ly)?|intrinsic(?:ally)?|intimate(?:ly)?|integral(?:ly)?) "
    r"(?:link(?:s|ed)?|connect(?:ed|ion|ions)|tied|bound|intertwined|entwined)"
    r"|so (?:closely |tightly )?(?:intertwined|entwined|linked|connected)"
    r"|go(?:es)? hand in hand"
    r")(?![\w-])"
)
_NEGATED = re.compile(r"(?:\bnot|n't|\bnever|\bno) (?:\w+ ){0,2}\Z")
_EVERYONE = re.compile(r"(?<![\w-])(?:any|every|all|each) (?:\w+ ){0,4}\Z")


def equivalence(sent: Sentence, spec: Conflation, severity: Severity) -> list[Candidate]:
    concepts = sent.concepts(spec)
    sw = [(s, e) for s, e, k in concepts if k == "sw"]
    if not sw:
        return []
    other = [(s, e) for s, e, k in concepts if k == "tr"]
    if spec.has("harm"):
        other += sent.hits(spec.group("harm"))
    norm = sent.norm
    everyone = [
        (s, e) for s, e in sw if _EVERYONE.search(norm, max(sent.start, s - 40), s) is not None
    ]
    out: list[Candidate] = []
    for m in _SAME.finditer(norm, sent.start, sent.end):
        degree = m[0].startswith(("not ", "isn't", "is not", "wasn't", "was not", "aren't"))
        if not degree and _NEGATED.search(norm, max(sent.start, m.start() - 30), m.start()):
            continue  # "is not the same as", "not inextricably linked": the opposite claim
        partners = other + everyone
        if not partners:
            continue
        spans = [(m.start(), m.end()), *sw, *partners]
        start = min(s for s, _ in spans)
        end = max(e for _, e in spans)
        out.append(_cand(sent, start, end, severity, sw[0], (m.start(), m.end())))
        break
    return out


# --- reframing: "it's actually slavery", "they're not prostitutes, they're victims" -------------

_REFRAME = re.compile(
    r"(?<![\w-])(?:it|this|that|they|these|those)(?:'s|'re| is| are| was| were)"
    r"(?P<adv>(?: (?:actually|really|in fact|in reality|simply|just|basically|nothing but))*) "
    r"(?:(?:a|an|all|always|often) )?"
)
_OFTEN = re.compile(
    r"(?<![\w-])(?:in (?:almost |nearly |virtually )?(?:every|all|most) cases?|most of the time"
    r"|almost always|nearly always|more often than not|invariably|usually)(?![\w-])"
)
_NOT_SW_BEFORE = re.compile(r"(?:\bnot|n't|\bno longer|\bnever) (?:\w+ ){0,2}\Z")


def reframing(sent: Sentence, spec: Conflation, severity: Severity) -> list[Candidate]:
    """Something renamed as trafficking or its victims: a correction of sex-trade words ("it is
    not sex work, it is slavery", "they're not prostitutes, they're victims") or a claim about
    nearly every case ("in almost every case it's actually slavery")."""
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
            return [_cand(sent, start, hit[0][1], severity, before[-1], hit[0])]
        if often is not None and m["adv"]:  # "in almost every case it's actually slavery"
            start = min(often.start(), m.start())
            return [_cand(sent, start, hit[0][1], severity, hit[0])]
    return []


# the equivalence shapes build on the helpers of .grammar, so they join its registry here
DETECTORS["equivalence"] = equivalence
DETECTORS["reframing"] = reframing
