"""Event myth: trafficking said to spike around the Super Bowl, the World Cup or the
Olympics.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...model import Conflation, Severity
from ..grammar import (
    Candidate,
    cand,
    next_word,
    split_words,
    word_distance,
    words_between,
)
from ._shape import Shape

if TYPE_CHECKING:
    from ..sentence import Sentence


# Words that may stand between a rise word and the trafficking term it is about: "a surge in
# trafficking", "trafficking is expected to spike", "trafficking cases always increase".
_RISE_LINKS = frozenset(
    split_words(
        "in of the a an is are was were will would could can may might must be been to set "
        "expected likely predicted said thought believed known sure bound always usually often "
        "sharply dramatically reportedly case cases victim victims report reports"
    )
)


_EVENT_WINDOW = 15  # words between the event and the trafficking term (reference §2, shape 8)


def event_myth(sent: Sentence, spec: Conflation, severity: Severity) -> list[Candidate]:
    tr = [(s, e) for s, e, kind in sent.concepts(spec) if kind == "tr"]
    if not tr:
        return []
    events = sent.hits(spec.group("event"))
    rises = sent.hits(spec.group("rise")) if events else []
    if not rises:
        return []
    modified = sent.words(spec, "modified-heads")
    out = []
    for s, e in tr:
        word, _ = next_word(sent, e)
        if word == "-" or (word in modified and word not in ("case", "cases")):
            continue  # "trafficking hotline", "trafficking research": not the rise claimed
        if word in sent.words(spec, "policing-heads"):
            continue  # more arrests is a fact about policing, not about trafficking
        linked = [r for r in rises if _linked(sent, r, (s, e))]
        near = [ev for ev in events if word_distance(sent, ev, (s, e)) <= _EVENT_WINDOW]
        if not linked or not near:
            continue
        rise = min(linked, key=lambda r: word_distance(sent, r, (s, e)))
        event = min(near, key=lambda ev: word_distance(sent, ev, (s, e)))
        start, end = min(s, rise[0], event[0]), max(e, rise[1], event[1])
        out.append(cand(sent, start, end, severity, (s, e), rise))
    return out


def _linked(sent: Sentence, rise: tuple[int, int], term: tuple[int, int]) -> bool:
    """The rise word is about the trafficking term: only linking words stand between them."""
    lo, hi = (rise[1], term[0]) if rise[0] < term[0] else (term[1], rise[0])
    between = words_between(sent, lo, hi) if hi > lo else []
    return len(between) <= 4 and all(w in _RISE_LINKS for w in between)


SHAPE = Shape(
    name="event-myth",
    title="event myth",
    summary=(
        "trafficking said to spike, surge or increase around the Super Bowl, the World "
        "Cup or the Olympics (within fifteen words of the event)"
    ),
    roles=("tr", "event", "rise", "goods"),
    triggers=("tr",),
    detect=event_myth,
    vocabulary=("modified-heads", "policing-heads"),
)
