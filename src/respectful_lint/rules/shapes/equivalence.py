"""The equivalence shape: sex work and trafficking (or a harm) said to be the same thing.

"Prostitution and sex trafficking are two sides of the same coin", "an inextricable link
between prostitution and trafficking", "the abuse they suffered was not that different from the
abuse any woman in the sex trade endures". The sentence must name the sex trade and either a
trafficking word or a harm, or speak of everyone in the sex trade ("any woman in the sex
trade"). A plain negation of sameness ("is not the same as", "not linked") is the opposite
claim and is left alone; "not that different" asserts sameness and is found.
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


_SAME = lazy_compile(
    r"(?<![\w-])(?:"
    r"not (?:that|so|very|much|all that|really|too) different"
    r"|no different|hardly different|little different"
    r"|(?:there is |there's )?no (?:real )?difference between"
    r"|(?:isn't|is not|wasn't|was not|aren't|are not) much (?:of a )?difference"
    r"|(?:the )?same thing as|one and the same|indistinguishabl[ey]|inseparabl[ey]"
    r"|(?:are|is|were|was|mean|means|meant|remain) (?:really |basically |essentially |just |"
    r"all |simply )?(?:the )?same thing"
    r"|(?:often |largely |virtually |practically )?synonymous"
    r"|two sides of the same coin"
    r"|(?:inextricabl[ey]|inherent(?:ly)?|intrinsic(?:ally)?|intimate(?:ly)?|integral(?:ly)?) "
    r"(?:link(?:s|ed)?|connect(?:ed|ion|ions)|tied|bound|intertwined|entwined)"
    r"|so (?:closely |tightly )?(?:intertwined|entwined|linked|connected)"
    r"|go(?:es)? hand in hand"
    r"|(?P<apart>(?:can ?not|can't|could not|couldn't) be "
    r"(?:separated|disentangled|untangled|distinguished|pulled apart|told apart)"
    r"|(?:impossible|no way) to (?:separate|disentangle|untangle|distinguish|pull apart)"
    r"|(?:you|we|one) (?:can ?not|can't) (?:separate|disentangle|untangle|distinguish))"
    r")(?![\w-])"
)
_NEGATED = lazy_compile(r"(?:\bnot|n't|\bnever|\bno) (?:\w+ ){0,2}\Z")
_EVERYONE = lazy_compile(r"(?<![\w-])(?:any|every|all|each) (?:\w+ ){0,4}\Z")


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
        degree = m[0].startswith(
            ("not ", "isn't", "is not", "wasn't", "was not", "aren't", "no ", "there")
        )
        if not degree and _NEGATED.search(norm, max(sent.start, m.start() - 30), m.start()):
            continue  # "is not the same as", "not inextricably linked": the opposite claim
        partners = other + everyone
        if not partners:
            continue
        if m[0].endswith("between") and not any(
            m.end() < s <= m.end() + 12 for s, _ in (*sw, *partners)
        ):
            continue  # "no difference between the two forms for sex workers and ...": not them
        spans = [(m.start(), m.end()), *sw, *partners]
        start = min(s for s, _ in spans)
        end = max(e for _, e in spans)
        # "cannot be separated": a claim of sameness that its own words would otherwise
        # turn down; "the survey could not distinguish ..." says what data can show, and is
        # no claim
        claim = m.span("apart") if m["apart"] else (0, 0)
        if not m["apart"]:
            # "so closely intertwined that it is impossible to separate them": the same claim
            # said twice
            later = next((x for x in _SAME.finditer(norm, m.end(), sent.end) if x["apart"]), None)
            if later is not None:
                claim = later.span("apart")
        out.append(cand(sent, start, end, severity, sw[0], (m.start(), m.end()), claim=claim))
        break
    return out


SHAPE = Shape(
    name="equivalence",
    title="equivalence claim",
    summary=(
        "the sex trade said to be the same as, inseparable from or one side of the same "
        'coin as trafficking or a harm ("inextricably linked", "not that different", '
        '"synonymous with"), or the same as what everyone in it endures'
    ),
    roles=("sw", "tr", "harm", "goods"),
    triggers=("sw",),
    detect=equivalence,
)
