"""Fixed conflation phrases: buyers fuel trafficking, demand for trafficking, end demand."""

from __future__ import annotations

import pytest
from _util import found

RULE = "conflation/fixed-phrase"


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("Punters fuel trafficking, the poster claims.", "Punters fuel trafficking"),
        (
            "Men who pay for sex drive the slavery of women.",
            "Men who pay for sex drive the slavery",
        ),
        ("The demand for trafficking must be stopped.", "demand for trafficking"),
        ("END DEMAND - END SEX TRAFFICKING", "END DEMAND - END SEX TRAFFICKING"),
        (
            "Demand for commercial sex feeds human trafficking.",
            "Demand for commercial sex feeds human trafficking",
        ),
    ],
)
def test_flags_the_phrase(text: str, matched: str) -> None:
    assert (RULE, matched, "warning") in found(text)


def test_replaces_the_term_level_findings() -> None:
    rules = [f.rule for f in __import__("_util").conflations("Demand fuels trafficking.")]
    assert rules == [RULE]


@pytest.mark.parametrize(
    "text",
    [
        "There is no evidence that buyers fuel trafficking.",
        "It is a myth that clients drive trafficking.",
        "Clients drive to the clinic from three counties.",
        "Demand for shelter beds drives our budget.",
        "Buyers do not fuel trafficking, the study concludes.",
    ],
)
def test_passes(text: str) -> None:
    assert found(text) == []
