"""Sameness claims, one enforcement target, and event claims without a rise word."""

from __future__ import annotations

import pytest
from _util import rules


@pytest.mark.parametrize(
    "text",
    [
        "Escort work and trafficking go hand in hand, the mayor told reporters.",
        "To the task force, brothels are practically synonymous with human trafficking.",
        "She said her ordeal was not so different from what any woman in prostitution lives.",
        "The flyer calls the sex trade and slavery two sides of the same coin.",
    ],
)
def test_a_sameness_claim_is_flagged(text: str) -> None:
    assert "conflation/equivalence" in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sex work is not the same thing as trafficking.",
        "Researchers found no inherent link between escort work and trafficking.",
        "Is the sex trade inseparable from trafficking?",
        "Unlike trafficking, sex work is a choice adults make, and the two are not synonymous.",
        "Child prostitution and trafficking of minors are inseparable in law.",
    ],
)
def test_its_guards_hold(text: str) -> None:
    assert "conflation/equivalence" not in rules(text)


def test_one_enforcement_target_is_coordination() -> None:
    text = "The new squad targets escorting and human trafficking across the region."
    assert "conflation/coordination" in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Each World Cup draws thousands of trafficking victims to the host nation.",
        "Officials said the Olympics attract hundreds of sex trafficking victims.",
    ],
)
def test_an_event_claim_needs_no_rise_word(text: str) -> None:
    assert "conflation/event-myth" in rules(text)


def test_an_event_claim_reported_to_be_questioned_is_left_alone() -> None:
    text = "You may have heard that the Super Bowl is the biggest trafficking event of the year."
    assert "conflation/event-myth" not in rules(text)
