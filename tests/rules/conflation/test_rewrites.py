"""Conflation findings suggest wordings that name each concept on its own."""

from __future__ import annotations

import pytest
from _util import conflations

from respectful_lint import lint_text


def suggestions(text: str, rule: str) -> tuple[str, ...]:
    [finding] = [f for f in conflations(text) if f.rule == rule]
    return finding.suggestions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Under a shared head noun: each side keeps the head.
        (
            "The escorting-and-trafficking desk opens at nine.",
            ("escorting desk", "trafficking desk"),
        ),
        # A flagged term is given in its preferred wording.
        (
            "Prostitution and human trafficking has grown near the port.",
            ("Sex work has", "Human trafficking has"),
        ),
        # A person head: each group gets its own noun, as the reference puts it.
        ("Sex-work/trafficking victims can call us.", ("Sex workers and trafficking victims",)),
        (
            "Each sex-work/trafficking survivor gets a mentor.",
            ("sex worker and trafficking survivor",),
        ),
        # ALL CAPS stays ALL CAPS.
        ("PROSTITUTION AND TRAFFICKING IS RISING", ("SEX WORK IS", "TRAFFICKING IS")),
    ],
)
def test_coordination_names_each_side(text: str, expected: tuple[str, ...]) -> None:
    found = suggestions(text, "conflation/coordination")
    assert found[: len(expected)] == expected
    # The rule's own hint follows the rewrites.
    assert found[len(expected)].startswith("give each group its own noun")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Commercial sex (otherwise known as trafficking) is on the agenda.",
            ("Commercial sex", "Trafficking"),
        ),
        (
            "The sex trade, i.e. exploited victims of trafficking, is growing.",
            ("sex trade", "exploited victims of trafficking"),
        ),
        # The glossing term is itself flagged: its preferred wording is offered. Each wording
        # replaces the whole span, so it takes the span's leading capital.
        ("Trafficking - i.e. prostitution - will be debated.", ("Trafficking", "Sex work")),
    ],
)
def test_gloss_offers_either_side_alone(text: str, expected: tuple[str, ...]) -> None:
    assert suggestions(text, "conflation/gloss")[:2] == expected


def test_rewrites_read_through_line_breaks_and_markup() -> None:
    [finding] = [
        f
        for f in conflations("The *prostitution*\nand trafficking unit met.\n", kind="markdown")
        if f.rule == "conflation/coordination"
    ]
    assert finding.suggestions[:2] == ("sex work unit", "trafficking unit")


def test_shapes_without_a_rewrite_keep_their_hint() -> None:
    found = suggestions("Every escort is a trafficking victim.", "conflation/universal")
    assert len(found) == 1 and found[0].startswith("speak for the people concerned")


def test_a_term_inside_a_conflation_gets_no_fix() -> None:
    text = "Prostitution is slavery, the poster said; prostitution is legal here."
    inside, outside = sorted(
        (f for f in lint_text(text, kind="text") if f.rule == "sex-work/prostitution"),
        key=lambda f: f.start,
    )
    assert inside.fix is None  # "Sex work is slavery" would restate the claim
    assert outside.fix is not None
