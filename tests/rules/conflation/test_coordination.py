"""Coordination as one thing: a shared head noun or singular verb (error), one slot (warning)."""

from __future__ import annotations

import pytest
from _util import found

RULE = "conflation/coordination"


@pytest.mark.parametrize(
    ("text", "matched", "severity"),
    [
        ("The escorting/trafficking unit moved offices.", "escorting/trafficking unit", "error"),
        (
            "Apply to the sex-trade-and-trafficking fund by May.",
            "sex-trade-and-trafficking fund",
            "error",
        ),
        (
            "Sex work and human trafficking is on the rise, the mayor said.",
            "Sex work and human trafficking is",
            "error",
        ),
        (
            "The brothel and trafficking survivors met the minister.",
            "brothel and trafficking survivors",
            "error",
        ),
        (
            "Volunteers tackle the sex trade and trafficking crisis downtown.",
            "sex trade and trafficking crisis",
            "warning",
        ),
        (
            "The charity helps women flee commercial sex and slavery.",
            "commercial sex and slavery",
            "warning",
        ),
        (
            "Trafficking and prostitution destroys families, the sign said.",
            "Trafficking and prostitution destroys",
            "error",
        ),
    ],
)
def test_flags_the_whole_phrase(text: str, matched: str, severity: str) -> None:
    assert (RULE, matched, severity) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sex workers and trafficking survivors each have a caseworker.",
        "Escorts and traffickers were both interviewed for the study.",
        "The report covers sex work, housing and drug trafficking.",
        "Sex work and trafficking are the two topics of the course.",
        "The anti-trafficking and sex work teams share an office.",
        "Sex work and trafficking",
    ],
)
def test_separate_things_pass(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The sex trade and trafficking crisis is not one crisis but two.",
        "Unlike the escorting/trafficking unit, we distinguish the two.",
        "Volunteers tackle the child sex trade and trafficking crisis.",
        "Does the sex trade and trafficking crisis exist?",
        "The claim that commercial sex and slavery is one problem is a myth.",
        "The TVPA sex trade and trafficking unit was renamed.",
    ],
)
def test_guards_hold(text: str) -> None:
    assert found(text) == []


def test_quoted_speech_is_downgraded() -> None:
    assert found('"Prostitution and trafficking is our priority," the chief said.') == [
        (RULE, "Prostitution and trafficking is", "warning")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Research on sex work and trafficking is scarce.",
        "Training on escorting and trafficking is mandatory for staff.",
    ],
)
def test_a_verb_of_another_subject_is_not_a_shared_verb(text: str) -> None:
    assert found(text) == []
