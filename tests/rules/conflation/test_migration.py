"""The migration shortcut: 'trafficked' inferred from being foreign or a massage job."""

from __future__ import annotations

import pytest
from _util import found

RULE = "conflation/migration"


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        (
            "The Thai women at the parlour were trafficked, a neighbour said.",
            "Thai women at the parlour were trafficked",
        ),
        (
            "He decided she was trafficked because she did not speak English.",
            "trafficked because she did not speak English",
        ),
        (
            "Migrant sex workers are trafficked women, the councillor claimed.",
            "Migrant sex workers are trafficked",
        ),
        (
            "He speaks little English, so he must be trafficked, the caller said.",
            "speaks little English, so he must be trafficked",
        ),
        (
            "The Korean staff at the salon must have been trafficked.",
            "Korean staff at the salon must have been trafficked",
        ),
    ],
)
def test_flags_the_inference(text: str, matched: str) -> None:
    assert (RULE, matched, "warning") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Migrants who were trafficked into farm work can get a visa.",
        "A court found the Albanian women were trafficked and held in debt bondage.",
        "The Vietnamese workers at the spa were not trafficked.",
        "He trafficked Thai women into massage businesses, prosecutors said.",
        "Ukrainian refugees were trafficked into forced labour, the agency said.",
        "I was trafficked from Romania when I was nineteen.",
        "Many migrant sex workers worked in massage businesses.",
        "Migrants who were trafficked must be offered a visa, the charity said.",
    ],
)
def test_passes(text: str) -> None:
    assert found(text) == []


def test_a_question_is_not_a_claim() -> None:
    assert found("Were the Thai women at the spa trafficked?") == []


@pytest.mark.parametrize(
    "text",
    [
        "Not every Thai masseuse at the spa was trafficked, the inspectors found.",
        "Not all migrant sex workers at the parlour have been trafficked.",
        "Few Korean women in the massage trade are trafficked, the survey says.",
    ],
)
def test_a_claim_denied_of_its_subject_is_no_inference(text: str) -> None:
    assert found(text) == []


def test_a_quantifier_that_affirms_keeps_the_inference() -> None:
    text = "Most Korean women in the massage trade were trafficked, he said."
    assert [f[0] for f in found(text)] == [RULE]


@pytest.mark.parametrize(
    "text",
    [
        "Few doubted that the Thai women at the spa were trafficked.",
        "Not every neighbour knew the Korean women at the parlour were trafficked.",
    ],
)
def test_a_quantifier_of_another_subject_denies_nothing(text: str) -> None:
    assert [f[0] for f in found(text)] == [RULE]


def test_no_before_the_subject_denies_the_claim() -> None:
    assert found("No Thai women in the saunas were trafficked, police found.") == []
