"""Gloss or apposition: i.e., aka, in other words, a dash or a parenthesis."""

from __future__ import annotations

import pytest
from _util import found

RULE = "conflation/gloss"


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("Escorting, i.e. trafficking, is banned on the site.", "Escorting, i.e. trafficking"),
        (
            "We oppose the sex industry (a.k.a. modern slavery).",
            "sex industry (a.k.a. modern slavery)",
        ),
        (
            "Commercial sex - in other words, slavery - is everywhere.",
            "Commercial sex - in other words, slavery",
        ),
        (
            "Trafficking, also known as sex work, ruins lives.",
            "Trafficking, also known as sex work",
        ),
        ("Brothels (trafficking hubs) were closed.", "Brothels (trafficking"),
        (
            "Sex work: i.e. sexual exploitation by another name.",
            "Sex work: i.e. sexual exploitation",
        ),
    ],
)
def test_flags_the_gloss(text: str, matched: str) -> None:
    assert (RULE, matched, "error") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Trafficking, i.e. recruiting people through force, fraud or coercion, is a crime.",
        "Sex work (legal here since 2003) is regulated like other work.",
        "Industries linked to trafficking, e.g. sex work and farming, were studied.",
        "Sex work - and trafficking - were discussed in separate panels.",
        "Sex work (not trafficking) is the topic of this page.",
        "Sex work, i.e. adults selling sex, is not trafficking.",
        "Sex work, i.e. trafficking? Not at all: they differ.",
    ],
)
def test_passes(text: str) -> None:
    assert found(text) == []
