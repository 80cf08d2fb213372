"""Definitional copula: 'is a form of', 'is modern slavery', '='; negation is a contrast."""

from __future__ import annotations

import pytest
from _util import found

RULE = "conflation/definition"


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("Escorting is a form of trafficking.", "Escorting is a form of trafficking"),
        ("The sex trade is inherently slavery.", "sex trade is inherently slavery"),
        ("Commercial sex = exploitation", "Commercial sex = exploitation"),
        ("Sex work means paid rape, the speaker said.", "Sex work means paid rape"),
        (
            "Trafficking is simply commercial sex by another name.",
            "Trafficking is simply commercial sex",
        ),
        (
            "Selling sex is the oldest form of violence against women.",
            "Selling sex is the oldest form of violence against women",
        ),
    ],
)
def test_flags_the_definition(text: str, matched: str) -> None:
    assert (RULE, matched, "error") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sex work is not trafficking.",
        "Escorting isn't a form of slavery.",
        "Sex work is never slavery, and saying so harms workers.",
        "Policing sex work is violence, the union says.",
        "Violence in the sex trade is abuse and must be reported.",
        "Supporting sex workers is trafficking prevention.",
        "Forced labour is a form of trafficking.",
        "Human trafficking is a form of exploitation.",
        "Is sex work a form of trafficking?",
    ],
)
def test_passes(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The sex industry is a trafficking hotspot, police say.",
        "Escort agencies are a trafficking risk, the report says.",
    ],
)
def test_a_trafficking_noun_modifier_is_not_a_definition(text: str) -> None:
    assert found(text) == []
