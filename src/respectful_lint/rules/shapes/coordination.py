"""Coordination: a sex-work term and a trafficking term joined as one thing.

"Sex work and trafficking is ...", "sex-work/trafficking survivors", "exit prostitution and
trafficking". Not when each keeps its own person noun ("sex workers and traffickers").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...model import Conflation, Severity
from ..grammar import (
    FUNCTION,
    PERSONS,
    SINGULAR_VERBS,
    Candidate,
    Rewrite,
    cand,
    is_subject,
    last_word,
    next_word,
    pairs,
    prev_words,
    split_words,
)
from ._shape import Shape

if TYPE_CHECKING:
    from ..sentence import Sentence


HEADS = frozenset(
    split_words(
        "problem problems issue issues crisis crises epidemic scourge plague menace evil evils "
        "unit units squad team task taskforce hotline helpline service services programme "
        "programmes program programs project projects shelter shelters industry industries "
        "network networks ring rings operation operations sweep sweeps sting stings "
        "investigation investigations nexus pipeline trade business economy market markets "
        "underworld crackdown crackdowns initiative initiatives"
    )
)


SLOT_ONE = frozenset(
    split_words(
        "leave leaving exit exiting exited escape escaping escaped flee fleeing fled quit quitting "
        "end ending ended fight fighting combat combating combatting tackle tackling eradicate "
        "eradicating abolish abolishing stop stopping oppose opposing prevent preventing against "
        "eliminate eliminating "
        # one target of enforcement
        "target targets targeted targeting police policing investigate investigates investigated "
        "investigating curb curbing crack cracking suppress suppressing criminalize criminalizes "
        "criminalise criminalises"
    )
)


SLOT_TWO = frozenset(
    (
        "survivors of",
        "survivor of",
        "victims of",
        "victim of",
        "out of",
        "affected by",
        "harmed by",
        "escape from",
        "exit from",
        "rescued from",
        "freed from",
        "recover from",
        "recovering from",
        "recovery from",
        "away from",
        "trapped in",
    )
)


_COORD_GAP = re.compile(r"(?: ?/ ?|-|-and-|-or-| ?& ?| ?\+ ?| and/or | and | or |, )(?:the )?")


def _slot_before(sent: Sentence, pos: int) -> bool:
    words = prev_words(sent, pos, 3)
    while words and words[-1] in ("the", "both", "all"):
        words.pop()
    if not words:
        return False
    return words[-1] in SLOT_ONE or " ".join(words[-2:]) in SLOT_TWO


# The reference's own example of two groups that each keep their person noun (§2, shape 1).
_PERSON_REWRITE = "sex workers and "


_VICTIM_HEADS = frozenset(split_words("survivors survivor victims victim"))


def _split(a: tuple[int, int, str], b: tuple[int, int, str], end: int) -> tuple[Rewrite, ...]:
    """Name each side on its own, keeping what follows the pair: "X and Y unit" gives
    "X unit" and "Y unit", so the writer can say which one is meant."""
    return (((a[0], a[1]), (b[1], end)), ((b[0], end),))


def coordination(sent: Sentence, spec: Conflation, severity: Severity) -> list[Candidate]:
    out = []
    norm = sent.norm
    for a, b in pairs(sent, spec):
        gap = norm[a[1] : b[0]]
        if not _COORD_GAP.fullmatch(gap):
            continue
        compound = "/" in gap or (gap.startswith("-") and " " not in gap)
        if last_word(norm[a[0] : a[1]]) in PERSONS or last_word(norm[b[0] : b[1]]) in PERSONS:
            continue  # a person noun of its own ("sex workers and traffickers")
        word, word_end = next_word(sent, b[1])
        found: tuple[int, Severity] | None = None
        # "research on sex work and trafficking is ...": the verb belongs to another subject
        verb = word in SINGULAR_VERBS and is_subject(sent, a[0])
        if compound:
            if (
                word
                and word != "-"
                and word not in FUNCTION
                and (verb or word not in SINGULAR_VERBS)
            ):
                found = (word_end, severity)
            else:
                found = (b[1], severity.downgraded())
        elif verb or word in PERSONS:
            found = (word_end, severity)
        elif word in HEADS:
            found = (word_end, severity.downgraded())
        elif not gap.startswith(",") and _slot_before(sent, a[0]):
            found = (b[1], severity.downgraded())
        if found is not None:
            end = found[0]
            if word in _VICTIM_HEADS and end == word_end:
                # "sex-work/trafficking survivors": give each group its own person noun
                person = _PERSON_REWRITE if word.endswith("s") else "sex worker and "
                rewrites: tuple[Rewrite, ...] = ((person, (b[0], end)),)
            else:
                rewrites = _split(a, b, end)
            out.append(cand(sent, a[0], end, found[1], a[:2], b[:2], rewrites=rewrites))
    return out


SHAPE = Shape(
    name="coordination",
    title="coordination as one thing",
    summary=(
        "a sex-work term and a trafficking term joined by and, or, a slash or a hyphen "
        "under one head noun or one singular verb (an error), or filling one slot after a "
        "verb such as leave or end (a warning); not when each keeps its own person noun"
    ),
    roles=("sw", "tr", "goods"),
    triggers=("sw", "tr"),
    detect=coordination,
)
