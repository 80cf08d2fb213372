"""Coordination: a sex-work term and a trafficking term joined as one thing.

"Sex work and trafficking is ...", "sex-work/trafficking survivors", "exit prostitution and
trafficking". Not when each keeps its own person noun ("sex workers and traffickers").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lazyre import lazy_compile
from ...model import Conflation, Severity
from ..grammar import (
    FUNCTION,
    SINGULAR_VERBS,
    Candidate,
    Rewrite,
    cand,
    is_subject,
    last_word,
    next_word,
    pairs,
    prev_words,
)
from ._shape import Shape

if TYPE_CHECKING:
    from ..sentence import Sentence


_COORD_GAP = lazy_compile(r"(?: ?/ ?|-|-and-|-or-| ?& ?| ?\+ ?| and/or | and | or |, )(?:the )?")


def _slot_before(sent: Sentence, spec: Conflation, pos: int) -> bool:
    words = prev_words(sent, pos, 3)
    while words and words[-1] in ("the", "both", "all"):
        words.pop()
    if not words:
        return False
    slot = sent.words(spec, "slot-openers")
    return words[-1] in slot or " ".join(words[-2:]) in slot


def _own_person(sent: Sentence, spec: Conflation, *, plural: bool) -> str:
    """The person noun the sex-work side takes when each group keeps its own ("sex workers
    and trafficking survivors"): the ``own-person`` group holds its singular and its plural."""
    forms = sorted(sent.words(spec, "own-person"), key=lambda w: (len(w), w))
    return (forms[-1] if plural else forms[0]) + " and "


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
        persons = sent.words(spec, "persons")
        if last_word(norm[a[0] : a[1]]) in persons or last_word(norm[b[0] : b[1]]) in persons:
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
        elif verb or word in persons:
            found = (word_end, severity)
        elif word in sent.words(spec, "heads"):
            found = (word_end, severity.downgraded())
        elif not gap.startswith(",") and _slot_before(sent, spec, a[0]):
            found = (b[1], severity.downgraded())
        if found is not None:
            end = found[0]
            if word in sent.words(spec, "victim-heads") and end == word_end:
                # "sex-work/trafficking survivors": give each group its own person noun
                person = _own_person(sent, spec, plural=word.endswith("s"))
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
    vocabulary=("persons", "heads", "slot-openers", "victim-heads", "own-person"),
)
