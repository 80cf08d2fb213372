"""Migration shortcut: "trafficked" inferred from nationality, migrant status, limited
English or a massage business in a sex-trade setting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...model import Conflation, Severity
from ..grammar import (
    PASSIVE,
    RELATIVE,
    Candidate,
    cand,
    next_word,
    word_distance,
    words_between,
)
from ._shape import Shape

if TYPE_CHECKING:
    from ..sentence import Sentence


def migration(sent: Sentence, spec: Conflation, severity: Severity) -> list[Candidate]:
    norm = sent.norm
    out = []
    cues: list[tuple[int, int]] | None = None
    for s, e, kind in sent.concepts(spec):
        text = norm[s:e]
        word, _ = next_word(sent, e)
        if kind != "tr" or not (
            text.startswith("trafficked")
            or (text.endswith("trafficking") and word in ("victim", "victims"))
        ):
            continue
        before = words_between(sent, max(sent.start, s - 60), s)[-3:]
        if any(w in RELATIVE for w in before):
            continue  # "migrants who were trafficked": a restriction, not an inference
        if text.startswith("trafficked") and not (
            (before and before[-1] in PASSIVE) or word in sent.words(spec, "persons")
        ):
            continue  # "he trafficked them": an accusation against someone
        if cues is None:
            cues = sent.hits(spec.group("migration-cue"))
        near = [c for c in cues if word_distance(sent, c, (s, e)) <= 10]
        if not near:
            continue
        setting = (
            any(k == "sw" for _, _, k in sent.concepts(spec))
            or sent.hits(spec.group("sex-trade-venue"))
            or sent.hits(spec.group("because"))
        )
        if not setting:
            continue
        cue = min(near, key=lambda c: word_distance(sent, c, (s, e)))
        out.append(cand(sent, min(cue[0], s), max(cue[1], e), severity, (s, e)))
    return out


SHAPE = Shape(
    name="migration",
    title="migration shortcut",
    summary=(
        '"trafficked" within ten words of a nationality, migrant status, limited English '
        "or a massage business, in a sex-trade setting or given as the reason"
    ),
    roles=("tr", "migration-cue", "sw", "sex-trade-venue", "because", "goods"),
    triggers=("tr",),
    detect=migration,
    vocabulary=("persons",),
)
