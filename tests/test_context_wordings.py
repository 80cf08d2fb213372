"""Wordings that guides give for common contexts: a gendered person label in the
incarceration lexicon ("female inmates" -> "incarcerated women") and "people sleeping rough"
for street homelessness. The match takes in the gendered word, so a fix replaces the phrase."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from respectful_lint import lint_text
from respectful_lint.cli import main


@pytest.mark.parametrize(
    ("text", "rule", "matched", "first"),
    [
        (
            "The clinic screens every female inmate on arrival.",
            "inmate",
            "female inmate",
            "incarcerated woman",
        ),
        (
            "The clinic screens female inmates on arrival.",
            "inmate",
            "female inmates",
            "incarcerated women",
        ),
        (
            "Women inmates asked the warden for more phone time.",
            "inmate",
            "Women inmates",
            "Incarcerated women",
        ),
        ("Two male inmates were taken to hospital.", "inmate", "male inmates", "incarcerated men"),
        ("A man-inmate wrote to the paper.", "inmate", "man-inmate", "incarcerated man"),
        (
            "Inmate mothers may call their children twice a week.",
            "inmate",
            "Inmate mothers",
            "Incarcerated mothers",
        ),
        (
            "The quilts were sewn by female prisoners.",
            "prisoner",
            "female prisoners",
            "women in prison",
        ),
        (
            "Three men prisoners were moved to another wing.",
            "prisoner",
            "men prisoners",
            "men in prison",
        ),
        (
            "The shelter turned away two female felons.",
            "felon",
            "female felons",
            "women convicted of felonies",
        ),
        (
            "Female convicts built the stone wall.",
            "convict",
            "Female convicts",
            "Women convicted of crimes",
        ),
        (
            "A male ex-convict opened the bakery.",
            "ex-con",
            "male ex-convict",
            "formerly incarcerated man",
        ),
        (
            "The scheme matches female ex-offenders with employers.",
            "ex-offender",
            "female ex-offenders",
            "women convicted of crimes",
        ),
    ],
)
def test_a_gendered_label_gets_the_gendered_wording_in_its_number(
    text: str, rule: str, matched: str, first: str
) -> None:
    [finding] = lint_text(text, kind="text")
    assert finding.rule == f"incarceration/{rule}"
    assert (finding.matched, finding.suggestions[0]) == (matched, first)


def test_the_person_first_wordings_are_still_offered_after_the_gendered_ones() -> None:
    [finding] = lint_text("Women inmates asked for more phone time.", kind="text")
    assert finding.suggestions[:3] == (
        "Incarcerated women",
        "Women in prison",
        "Incarcerated people",
    )


def test_a_label_without_a_gendered_word_keeps_its_own_wordings() -> None:
    [finding] = lint_text("Two inmates were taken to hospital.", kind="text")
    assert finding.matched == "inmates"
    assert not any("wom" in s or " men" in s for s in finding.suggestions)
    assert finding.suggestions[0] == "incarcerated people"


def test_a_gendered_possessive_keeps_the_possessive() -> None:
    [finding] = lint_text("The female inmate's lawyer called back.", kind="text")
    assert finding.suggestions[0] == "incarcerated woman's"
    assert finding.fix is not None
    assert finding.fix.edits[0][2] == "incarcerated woman's"


def test_a_named_place_goes_into_the_gendered_wording() -> None:
    [finding] = lint_text("Female inmates at Rikers went on strike.", kind="text")
    assert finding.suggestions[0] == "Women incarcerated at Rikers"


def test_a_capitalized_word_before_the_is_no_place() -> None:
    # a place stands before a bare noun ("Tihar Jail's inmates"), not before "the"
    [finding] = lint_text("The pastor asked us to Clothe the Homeless this winter.", kind="text")
    assert not any(" in " in s for s in finding.suggestions), finding.suggestions
    assert finding.suggestions[0] == "people experiencing homelessness"


@pytest.mark.parametrize(
    "text",
    [
        "The camp held male prisoners of war until 1946.",
        "The jury may convict female defendants on this evidence.",
        "Incarcerated women at the county jail asked for more phone time.",
        "The campaign for women prisoners' rights held a vigil.",
    ],
)
def test_gendered_forms_keep_the_exceptions_and_the_verb(text: str) -> None:
    assert lint_text(text, kind="text") == []


def test_the_fix_replaces_the_whole_gendered_phrase() -> None:
    result = CliRunner().invoke(
        main,
        ["check", "--fix", "--unsafe-fixes", "-"],
        input="Women inmates at the county jail asked for more phone time.\n"
        "The nurse sees every male inmate on Tuesdays.\n",
    )
    assert result.stdout.splitlines()[:2] == [
        "Incarcerated women at the county jail asked for more phone time.",
        "The nurse sees every incarcerated man on Tuesdays.",
    ]


@pytest.mark.parametrize(
    ("text", "wording"),
    [
        ("Shop owners asked police to move vagrants from the arcade.", "people sleeping rough"),
        ("Staff called the police on a vagrant sleeping in the doorway.", "person sleeping rough"),
        ("Transients were camping behind the grocery store.", "People sleeping rough"),
        ("A caller said bums were sleeping in the park again.", "people sleeping rough"),
        ("The column was about the derelicts outside the depot.", "people sleeping rough"),
    ],
)
def test_street_homelessness_labels_offer_people_sleeping_rough(text: str, wording: str) -> None:
    [finding] = lint_text(text, kind="text")
    assert finding.rule.startswith("homelessness/")
    assert wording in finding.suggestions
    assert finding.suggestions[0].lower().startswith(("people experiencing", "person experiencing"))


@pytest.mark.parametrize(
    ("rule", "source"),
    [
        ("incarceration/inmate", "Incarcerated and Formerly Incarcerated Women and Girls"),
        ("incarceration/felon", "Incarcerated and Formerly Incarcerated Women and Girls"),
        ("homelessness/vagrant", "Alice Leahy Trust"),
        ("homelessness/transient", "Homeless Link"),
    ],
)
def test_context_wordings_cite_their_sources(rule: str, source: str) -> None:
    result = CliRunner().invoke(main, ["explain", rule])
    assert result.exit_code == 0
    assert source in " ".join(result.stdout.split())
