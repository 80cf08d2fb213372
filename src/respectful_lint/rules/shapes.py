"""The shapes a conflation rule can look for, in plain words, and the groups each one reads.

Kept free of heavy imports: the lexicon validator and ``explain`` read it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Shape:
    """One conflation shape: its name, a title, what it finds and the roles of its groups."""

    name: str
    title: str
    summary: str
    roles: tuple[str, ...]
    triggers: tuple[str, ...]  # roles of which a term must be present for the shape to apply


SHAPES: dict[str, Shape] = {
    s.name: s
    for s in (
        Shape(
            "coordination",
            "coordination as one thing",
            "a sex-work term and a trafficking term joined by and, or, a slash or a hyphen "
            "under one head noun or one singular verb (an error), or filling one slot after "
            "a verb such as leave or end (a warning); not when each keeps its own person noun",
            ("sw", "tr", "goods"),
            ("sw", "tr"),
        ),
        Shape(
            "gloss",
            "gloss or apposition",
            "one concept glossed as the other with i.e., e.g., aka, also known as, in other "
            "words, that is, namely, a dash or a parenthesis",
            ("sw", "tr", "goods"),
            ("sw", "tr"),
        ),
        Shape(
            "definition",
            "definitional copula",
            "a sex-work term defined as trafficking, slavery or a harm with is, are, =, "
            "equals, means, is a form of, is just, is nothing but, or the reverse",
            ("sw", "tr", "harm", "goods"),
            ("sw", "tr"),
        ),
        Shape(
            "universal",
            "universal claim",
            "all, every, each, most or any sex worker said to be a victim, trafficked or "
            'exploited; "there is no such thing as voluntary sex work"',
            ("sw", "victim", "harm", "tr", "goods"),
            ("sw",),
        ),
        Shape(
            "adult-cues",
            'adult-consent cues beside "sex trafficking"',
            '"sex trafficking" in a sentence, or next to one, that speaks of adults, escort '
            "ads, solicitation or undercover officers in a police operation",
            ("tr", "adult-cue", "enforcement", "goods"),
            ("tr",),
        ),
        Shape(
            "fixed-phrase",
            "fixed conflation phrase",
            'buyers, clients or demand said to fuel or drive trafficking; "demand for '
            'trafficking"; "end demand" beside trafficking',
            ("demand", "tr", "goods"),
            ("tr",),
        ),
        Shape(
            "migration",
            "migration shortcut",
            '"trafficked" within ten words of a nationality, migrant status, limited English '
            "or a massage business, in a sex-trade setting or given as the reason",
            ("tr", "migration-cue", "sw", "sex-trade-venue", "because", "goods"),
            ("tr",),
        ),
        Shape(
            "equivalence",
            "equivalence claim",
            "the sex trade said to be the same as, inseparable from or one side of the same "
            'coin as trafficking or a harm ("inextricably linked", "not that different", '
            '"synonymous with"), or the same as what everyone in it endures',
            ("sw", "tr", "harm", "goods"),
            ("sw",),
        ),
        Shape(
            "reframing",
            "reframing as trafficking",
            'sex-trade words corrected into trafficking or its victims ("it is not sex work, '
            'it is slavery", "they\'re not prostitutes, they\'re victims"), or nearly every '
            'case called trafficking ("in almost every case it\'s actually slavery")',
            ("tr", "victim", "sw", "goods"),
            ("tr",),
        ),
        Shape(
            "event-myth",
            "event myth",
            "trafficking said to spike, surge or increase around the Super Bowl, the World Cup "
            "or the Olympics (within fifteen words of the event)",
            ("tr", "event", "rise", "goods"),
            ("tr",),
        ),
    )
}
