"""Word classes decide whether an adjective after "the" is used as a noun for a group."""

from __future__ import annotations

import pytest

from respectful_lint import lint_text
from respectful_lint.wordclass import available, classes, next_word_classes


def rules(text: str) -> list[str]:
    return [f.rule for f in lint_text(text, kind="text")]


def test_the_word_class_table_ships_with_the_dependency() -> None:
    assert available()
    assert "noun" in classes("encampments")
    assert classes("whose") == frozenset({"function"})


def test_an_unknown_word_counts_as_a_noun_so_rules_err_on_the_side_of_silence() -> None:
    assert "noun" in classes("kubelet")
    assert next_word_classes([]) == frozenset({"none"})


def test_an_unlisted_participle_of_a_verb_in_ify_or_ize_is_an_adjective() -> None:
    assert classes("zombified") == frozenset({"adj"})
    assert classes("criminalised") == frozenset({"adj"})
    # so it is no pastime's noun before "addicts", as "news" is in "news addicts"
    assert "drug-use/addict" in rules("The clip shows zombified addicts on the bridge.")
    assert "drug-use/addict" not in rules("The clip is for news addicts on the bridge.")


@pytest.mark.parametrize(
    "text",
    [
        "Church groups cook for the homeless, the lonely and the sick.",
        "Is there a hot meal for the homeless?",
        "Pantry shelves for the homeless we see each morning are empty.",
        "Drivers who ignore the homeless or the elderly were named in the report.",
        "THE HOMELESS ARE STILL WAITING FOR BEDS",
        "Help the homeless stay warm this winter.",
        # a preposition the table lists only as a noun or an adjective
        "Volunteers cooked for the homeless amid the floods.",
        "The church took in the homeless ahead of the first frost.",
        "A van for the homeless within the city limits was funded.",
        # a preposition ending in -ing before a noun is no gerund
        "Volunteers help the homeless during winter storms.",
        "The county turned away the homeless including families with small children.",
        # quoted speech after it, not a quoted noun
        'Volunteers asked the homeless "Coffee or tea?" at the door.',
        # a participle with its preposition: a clause about the people
        "Outreach workers want the homeless involved in planning the new centre.",
        "It is time the homeless placed in motels were moved to flats.",
        "The plan relies on the homeless participating in weekly check-ins.",
        # "cannot" is an auxiliary, as "can't" is
        "Critics say the homeless cannot simply be moved along.",
        # a noun-or-verb word with an object pronoun after it is the verb
        "At night the homeless brace themselves against the cold in doorways.",
        "Sometimes the homeless approach him for bus fare.",
    ],
)
def test_the_homeless_as_a_noun_is_flagged_wherever_it_stands(text: str) -> None:
    assert "homelessness/the-homeless" in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "The homeless outreach van parks at the library.",
        "The Homeless Shelters Open Early",
        "Funding for the homeless services hub was renewed.",
        "The disabled parking bay is by the lift.",
        # an -ing word that names a place or provision, before a preposition
        "The disabled parking behind the library is full on Saturdays.",
        "Ask staff about the disabled seating near the stage.",
        "The council debated the homeless “problem” for the third time.",  # a quoted noun
        "The homeless man left before the van came.",  # a person, not "to man"
        "The chairs were given to the disabled vets of the county for free.",  # not "to vet"
        "The undocumented NIS, FOO and BAR options were dropped.",
        # an -ed word after "and" before a noun, and "loved ones"
        "Help lines for the homeless and displaced families stay open late.",
        "Their mentally ill and estranged brothers wait months for a bed.",
        "Parents and their mentally ill loved ones wait months for a bed.",
        # "itself" and "us" take no group as their subject
        "Even the disabled ramp itself has too steep a slope.",
        "The homeless hostel us kids stayed in has closed.",
    ],
)
def test_before_a_noun_it_is_an_adjective_and_fine(text: str) -> None:
    assert not [
        r
        for r in rules(text)
        if r.endswith(("the-homeless", "the-disabled", "undocumented", "the-mentally-ill"))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The user-defined drug table and user-supplied dose values are validated.",
        "Set john = 5 before calling clean(john).",
        ">>> john = Person('Ann')",
        "For reference: john -test shows 13506 loops per second.",
        "Removed modules: MacOS, macfs, FrameWork, pimp, PixMapWrapper and Terminal.",
        "The kernel reports an error if your compiler is a recognized offender.",
        "Shell script addicts will like the new pipeline syntax.",
        "The callback may suffer from race conditions and is deprecated.",
        "The undocumented and unofficial use_load_tests argument is deprecated.",
        "The undocumented built-in function will be removed.",
        "The disabled bit specifies whether the counter starts out disabled.",
        "A search for john lennon returns both words.",
    ],
)
def test_technical_prose_is_not_flagged(text: str) -> None:
    assert rules(text) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("The john left before the outreach van came.", "sex-work/john"),
        ("Landlords often refuse to rent to offenders after prison.", "incarceration/offender"),
        ("The van stops near the bridge where addicts sleep.", "drug-use/addict"),
    ],
)
def test_the_person_sense_is_still_flagged(text: str, rule: str) -> None:
    assert rule in rules(text)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Deputies Arrest Nine Johns Near Truck Stop", "sex-work/john"),
        ("Volunteers Bring Hot Meals To The Homeless", "homelessness/the-homeless"),
        ("Hotline Expands Help For AIDS Victims", "hiv/aids-victim"),
    ],
)
def test_a_title_case_headline_does_not_hide_a_term(text: str, rule: str) -> None:
    assert rule in rules(text)


def test_a_name_in_a_title_case_headline_stays_a_name() -> None:
    assert rules("John Porter Joins The Clinic Board") == []
