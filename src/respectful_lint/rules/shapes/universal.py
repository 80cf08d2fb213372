"""Universal claim: every sex worker said to be a victim, trafficked or exploited ("all
sex workers are trafficked", "there is no such thing as voluntary prostitution").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...lazyre import lazy_compile
from ...model import Conflation, Severity
from ..grammar import (
    FILL_STOP,
    RELATIVE,
    Candidate,
    cand,
    modifier,
    prev_words,
)
from ._shape import Shape

if TYPE_CHECKING:
    from ..sentence import Sentence


_QUANTIFIER = lazy_compile(
    r"(?:^|(?<=[\s(\"']))(?P<q>all|every|each|most|any)"
    r"(?: (?:of|the|these|those|our|their|your|single|one))*(?: [\w'-]+)?"
    r"(?: (?:woman|women|girl|girls|person|people|one|individual|individuals) (?:in|doing)"
    r"(?: the)?)? $"
)


_UNIVERSAL_VERB = lazy_compile(
    r"(?P<fill>(?: [\w'-]+){0,4}?) (?:are|were|is|was|have been|has been|had been|become|"
    r"becomes|became|end up|ends up|remain|remains)"
    r"(?: (?:all|really|actually|always|just|simply|ultimately|in fact|in reality|essentially|"
    r"basically|inevitably|automatically|by definition|being|a|an|the))* "
)


# "all" right after a plural verb: the quantifier floats after it
_FLOATING_ALL = lazy_compile(r" (?:are|were|have been) all ")


_NO_SUCH = lazy_compile(
    r"(?<!\w)there(?:'s| is| are| was) no such thing as (?:an? )?(?:voluntary|consensual|"
    r"free|freely chosen|willing|chosen|happy|real|true|independent|empowered|autonomous|"
    r"legitimate) "
)


# "there is no such thing as sex work" with no adjective is a claim only when what it is
# instead follows: ", only exploitation", ": it is all trafficking"
_NO_SUCH_BARE = lazy_compile(r"(?<!\w)there(?:'s| is| are| was) no such thing as (?:an? )?")
_INSTEAD = lazy_compile(
    r"\s*[,:;\u2013\u2014-]+\s*(?:(?:there(?:'s| is) )?only |just |"
    r"(?:it|they|that)(?:'s| is| are) (?:all |only |just |always |really |simply )+)"
    r"(?:a |an |the |sexual |commercial |sex |human |form of |kind of )*"
)


_NO_ONE = lazy_compile(
    r"(?<!\w)(?:no one|nobody|no woman|no women|no girl|no person) (?:really |truly |freely "
    r"|ever |actually |willingly |genuinely )?(?:chooses|wants|decides|chose|enters|picks) "
    r"(?:to (?:do|enter|go into|work in) |to )?"
)


def universal(sent: Sentence, spec: Conflation, severity: Severity) -> list[Candidate]:
    concepts = sent.concepts(spec)
    sw = [c for c in concepts if c[2] == "sw"]
    if not sw:
        return []
    norm = sent.norm
    out = []
    for s, e, _ in sw:
        for pattern in (_NO_SUCH, _NO_ONE):
            for m in pattern.finditer(norm, sent.start, s):
                if m.end() == s:  # the claim carries its own "no": anchor it at its start
                    out.append(cand(sent, m.start(), e, severity, (m.start(), e)))
        bare = _NO_SUCH_BARE.search(norm, max(sent.start, s - 40), s)
        instead = _INSTEAD.match(norm, e, sent.end) if bare and bare.end() == s else None
        if bare is not None and instead is not None:
            pos = instead.end()
            ends = [ce for cs, ce, ck in concepts if cs == pos and ck == "tr"]
            ends.append(sent.matches_at(spec.group("victim"), pos))
            ends.append(sent.matches_at(spec.group("harm"), pos))
            if max(ends) > 0:  # "there is no such thing as sex work, only exploitation"
                out.append(cand(sent, bare.start(), max(ends), severity, (bare.start(), e)))
        q = _QUANTIFIER.search(norm[max(sent.start, s - 40) : s])
        v = _UNIVERSAL_VERB.match(norm, e, sent.end)
        if q is not None:
            q_start = s - (len(norm[max(sent.start, s - 40) : s]) - q.start("q"))
        elif v is not None and not v.group("fill") and _FLOATING_ALL.match(norm, v.start()):
            q_start = s  # "sex workers are all trafficking victims": "all" after the verb
        else:
            continue
        if any(w in ("if", "whether", "without") for w in prev_words(sent, q_start, 1)):
            continue
        fill = v.group("fill").split() if v is not None else []
        if v is None or (fill and fill[0] in RELATIVE) or any(w in FILL_STOP for w in fill):
            continue  # "any sex worker who is ...": a condition, not a claim
        pos = v.end()
        ends = [ce for cs, ce, ck in concepts if cs == pos and ck == "tr"]
        ends.append(sent.matches_at(spec.group("victim"), pos))
        ends.append(sent.matches_at(spec.group("harm"), pos))
        end = max(ends)
        if end < 0 or norm.startswith("trafficker", pos):
            continue
        of = re.compile(r" (?:of|to) (?:the )?").match(norm, end, sent.end)
        if of is not None:
            more = [ce for cs, ce, ck in concepts if cs == of.end() and ck == "tr"]
            end = max([end, *more])
        if modifier(sent, spec, pos, end):
            continue
        out.append(cand(sent, q_start, end, severity, (s, e), (pos, end)))
    return out


SHAPE = Shape(
    name="universal",
    title="universal claim",
    summary=(
        "all, every, each, most or any sex worker said to be a victim, trafficked or "
        'exploited; "there is no such thing as voluntary sex work", "no such thing as sex '
        'work, only exploitation"'
    ),
    roles=("sw", "victim", "harm", "tr", "goods"),
    triggers=("sw",),
    detect=universal,
    vocabulary=("persons", "modified-heads", "bare-modifiers"),
)
