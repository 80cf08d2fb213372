"""Reframing as trafficking: sex-trade words corrected into trafficking or its victims."""

from __future__ import annotations

import pytest
from _util import rules


@pytest.mark.parametrize(
    "text",
    [
        "It is not escorting, the deputy insisted; it is human trafficking.",
        "They aren't sex workers, they're trafficking victims.",
        "Most of the time it's simply slavery, the brochure says.",
    ],
)
def test_a_reframing_as_trafficking_is_flagged(text: str) -> None:
    assert "conflation/reframing" in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "In most cases it's actually a labour dispute, not trafficking.",
        "They're not victims, they're sex workers, she said.",
        "The children were not sex workers; they are trafficking victims under the law.",
    ],
)
def test_a_reframing_the_other_way_or_about_minors_is_left_alone(text: str) -> None:
    assert "conflation/reframing" not in rules(text)
