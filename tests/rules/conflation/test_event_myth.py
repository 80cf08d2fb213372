"""The event myth: trafficking said to rise around a big sporting event."""

from __future__ import annotations

import pytest
from _util import conflations, found

RULE = "conflation/event-myth"


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        (
            "Every January we hear that sex trafficking explodes before the Super Bowl.",
            "sex trafficking explodes before the Super Bowl",
        ),
        (
            "The charity warned of an upsurge in human trafficking ahead of the Olympic Games.",
            "upsurge in human trafficking ahead of the Olympic Games",
        ),
        (
            "With the World Cup in town, trafficking will surge, the leaflet says.",
            "World Cup in town, trafficking will surge",
        ),
        (
            "Trafficking cases jump every time the Winter Olympics come round.",
            "Trafficking cases jump every time the Winter Olympics",
        ),
    ],
)
def test_flags_the_claim_as_a_suggestion(text: str, matched: str) -> None:
    assert (RULE, matched, "suggestion") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        # the rise is about something else
        "Hotel prices rose sharply before the Super Bowl, and our trafficking hotline stayed open.",
        "Police increased patrols against trafficking before the World Cup.",
        "Trafficking arrests rose during the Olympics, the sheriff said.",
        "Demand for anti-trafficking training jumped after the World Cup.",
        # goods, not people
        "Ivory trafficking surged in the years after the Olympics.",
        # the claim is denied, rebutted or asked about
        "Trafficking did not increase during the last three World Cups.",
        "There was no influx of trafficking victims at the Super Bowl.",
        "The idea that trafficking surges at the Olympics has been debunked.",
        "Will trafficking spike during the Super Bowl?",
        "The predicted surge in trafficking at the World Cup did not materialise.",
        "Officials feared an influx of trafficking victims at the Olympics that never happened.",
        # no event, or an event far from the claim
        "Trafficking rose in the region after the floods.",
    ],
)
def test_passes(text: str) -> None:
    assert [f for f in found(text) if f[0] == RULE] == []


def test_suggests_citing_evidence_and_explains_why() -> None:
    [finding] = conflations("Trafficking spikes at every Super Bowl, the poster says.")
    assert finding.suggestions == ("cite evidence for the rise, or leave the claim out",)
    assert "no evidence" in finding.note
    assert finding.fix is None


def test_quoted_speech_keeps_the_lowest_severity() -> None:
    text = 'The chief said: "Trafficking soars during the World Cup."'
    assert found(text) == [(RULE, "Trafficking soars during the World Cup", "suggestion")]
