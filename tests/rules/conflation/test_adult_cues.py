"""Adult-consent cues beside 'sex trafficking': a warning to check the charges."""

from __future__ import annotations

import pytest
from _util import found

RULE = "conflation/adult-cues"


@pytest.mark.parametrize(
    "text",
    [
        "Undercover deputies arrested six adults for solicitation. Officials called it sex "
        "trafficking.",
        "Police posed as clients on escort ads in what they called a sex trafficking crackdown.",
    ],
)
def test_flags_sex_trafficking_beside_adult_cues(text: str) -> None:
    assert (RULE, "sex trafficking", "warning") in found(text)


def test_replaces_the_term_level_finding() -> None:
    text = "Officers answered escort ads and arrested adults, calling it sex trafficking."
    rules = [f[0] for f in found(text)]
    assert rules == [RULE]


@pytest.mark.parametrize(
    "text",
    [
        "Our sex trafficking hotline is staffed by survivors.",
        "Police found a 15-year-old at the motel; the case was charged as sex trafficking.",
        "The adults were convicted of sex trafficking after a jury heard how they held a woman "
        "captive.",
        "Undercover officers arrested adults in a sex trafficking sting.",
        "Adults who survived sex trafficking can join the peer group.",
        "Police arrested adults for solicitation. They were not charged with sex trafficking.",
    ],
)
def test_passes(text: str) -> None:
    assert found(text) == []
