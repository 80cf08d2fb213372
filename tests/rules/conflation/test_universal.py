"""Universal claims: all, every, most ... are victims; 'no such thing as voluntary sex work'."""

from __future__ import annotations

import pytest
from _util import found

RULE = "conflation/universal"


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("All sex workers are exploited.", "All sex workers are exploited"),
        ("Every escort on that site is a slave.", "Every escort on that site is a slave"),
        (
            "Most women in the sex trade were trafficked.",
            "Most women in the sex trade were trafficked",
        ),
        (
            "Each sex worker we met had been coerced into the work.",
            "Each sex worker we met had been coerced into",
        ),
        (
            "There is no such thing as voluntary prostitution.",
            "There is no such thing as voluntary prostitution",
        ),
        ("No woman chooses prostitution, the leaflet says.", "No woman chooses prostitution"),
        (
            "All sex workers are victims of trafficking.",
            "All sex workers are victims of trafficking",
        ),
    ],
)
def test_flags_the_claim(text: str, matched: str) -> None:
    assert (RULE, matched, "error") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "All sex workers deserve safe workplaces.",
        "Any sex worker who is coerced into the work can call us.",
        "Not all sex workers are trafficked.",
        "Most sex workers are not victims of trafficking.",
        "All escorts we surveyed are members of the union.",
        "If any sex workers are trafficked, we refer them to a specialist.",
        "Most sex workers are women.",
        "The myth that all sex workers are victims persists.",
        "The union rejects the idea that every escort is a trafficking victim.",
        "Talk of all sex workers being exploited is baseless, the researchers said.",
    ],
)
def test_passes(text: str) -> None:
    assert found(text) == []


def test_all_after_the_verb_makes_the_claim_too() -> None:
    text = "The county's escorts are all victims of trafficking, the sheriff said."
    assert (RULE, "escorts are all victims of trafficking") in [f[:2] for f in found(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The sex workers on the panel are all members of the union.",
        "Sex workers are all different, and few of them are victims.",
    ],
)
def test_all_after_the_verb_without_a_victim_is_no_claim(text: str) -> None:
    assert [f for f in found(text) if f[0] == RULE] == []


def test_few_before_the_subject_denies_the_claim() -> None:
    assert found("Few sex workers are trafficking victims, the survey found.") == []
