"""Wording that fits where the match stands, and a fix that pastes cleanly."""

from __future__ import annotations

import pytest

from respectful_lint import lint_text


def fixed(text: str, rule: str) -> tuple[tuple[str, ...], str | None]:
    """The suggestions for ``rule`` and the text after its fix (None without a fix)."""
    [finding] = [f for f in lint_text(text, kind="text") if f.rule == rule]
    if finding.fix is None:
        return finding.suggestions, None
    out = text
    for start, end, replacement in sorted(finding.fix.edits, reverse=True):
        out = out[:start] + replacement + out[end:]
    return finding.suggestions, out


@pytest.mark.parametrize(
    ("text", "rule", "expected"),
    [
        (
            "The ward cares for HIV-infected fathers and their sons.",
            "hiv/hiv-infected",
            "The ward cares for fathers living with HIV and their sons.",
        ),
        (
            "She met an HIV-infected nurse at the clinic.",
            "hiv/hiv-infected",
            "She met a nurse living with HIV at the clinic.",
        ),
        (
            "Our neighbour is wheelchair-bound since the accident.",
            "disability/wheelchair-bound",
            "Our neighbour uses a wheelchair since the accident.",
        ),
        (
            "Both tenants are wheelchair-bound, the landlord said.",
            "disability/wheelchair-bound",
            "Both tenants use wheelchairs, the landlord said.",
        ),
        (
            "A wheelchair-bound visitor asked for the lift.",
            "disability/wheelchair-bound",
            "A visitor who uses a wheelchair asked for the lift.",
        ),
        (
            "The home took in mentally retarded adults in the 1960s.",
            "disability/retarded",
            "The home took in adults with intellectual disabilities in the 1960s.",
        ),
        (
            "The old law spoke of the mentally retarded as wards.",
            "disability/retarded",
            "The old law spoke of people with intellectual disabilities as wards.",
        ),
    ],
)
def test_the_fix_fits_where_the_match_stands(text: str, rule: str, expected: str) -> None:
    _, out = fixed(text, rule)
    assert out == expected


def test_after_a_copula_that_stays_the_wording_keeps_it() -> None:
    suggestions, _ = fixed(
        "After the fall he will be wheelchair-bound for months.", "disability/wheelchair-bound"
    )
    assert suggestions[0] == "using a wheelchair"


@pytest.mark.parametrize(
    "text",
    [
        "The report called the boy lazy, retarded and slow to learn.",
        "Old files describe him as retarded or backward.",
    ],
)
def test_in_a_row_of_adjectives_the_wording_is_an_adjective(text: str) -> None:
    suggestions, _ = fixed(text, "disability/retarded")
    assert suggestions[0] == "intellectually disabled"


@pytest.mark.parametrize(
    "text",
    [
        "The teacher called the boy retarded in front of the class.",
        "They called him retarded for years.",
        "He was called retarded at school.",
    ],
)
def test_what_an_object_is_called_gets_the_adjective(text: str) -> None:
    suggestions, _ = fixed(text, "disability/retarded")
    assert suggestions[0] == "intellectually disabled"


@pytest.mark.parametrize(
    "text",
    ["The ruling described him as mentally retarded.", "He was classified as retarded in 1950."],
)
def test_what_something_is_described_as_gets_the_adjective(text: str) -> None:
    suggestions, _ = fixed(text, "disability/retarded")
    assert suggestions[0] == "intellectually disabled"


def test_in_a_row_of_nouns_the_wording_stays_a_noun() -> None:
    suggestions, _ = fixed("Felons, visitors and staff wait at the gate.", "incarceration/felon")
    assert suggestions[0].startswith("People")


def test_a_template_that_needs_a_noun_is_not_offered_without_one() -> None:
    suggestions, _ = fixed("She became HIV-infected in 2009, the record says.", "hiv/hiv-infected")
    assert all("{noun}" not in s for s in suggestions)
    assert suggestions[0] == "living with HIV"


def test_a_possessive_owns_the_noun_after_it_and_does_not_describe_it() -> None:
    # "the alcoholic's husband" is someone else: no wording takes "husband" in
    suggestions, _ = fixed("The alcoholic's husband spoke to the court.", "drug-use/alcoholic")
    assert suggestions and not any("husband" in s for s in suggestions)


def test_a_group_wording_that_ends_in_its_noun_takes_the_possessive() -> None:
    _, fix = fixed("The disabled's needs come first in the new plan.", "disability/the-disabled")
    assert fix == "Disabled people's needs come first in the new plan."
    # a closing quote is no possessive
    _, fix = fixed(
        "Funds went to 'the mentally ill' and no one else.", "disability/the-mentally-ill"
    )
    assert fix == "Funds went to 'people with mental illness' and no one else."


def test_a_plural_noun_match_gets_a_plural_wording() -> None:
    suggestions, _ = fixed("The program hires felons after release.", "incarceration/felon")
    assert "people convicted of felonies" in suggestions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Letters from inmates of Sing Sing were read aloud.",
            "Letters from people incarcerated at Sing Sing were read aloud.",
        ),
        (
            "Several Leavenworth inmates wrote to the judge.",
            "Several people incarcerated at Leavenworth wrote to the judge.",
        ),
        # "in" a state or a city stays "in"; a name that describes a noun is no place
        (
            "Death-row inmates in Alabama filed a lawsuit.",
            "People on death row in Alabama filed a lawsuit.",
        ),
        (
            "Inmates in Georgia prisons went on strike.",
            "Incarcerated people in Georgia prisons went on strike.",
        ),
        (
            "Former inmates at Rikers Island spoke to the council.",
            "People formerly incarcerated at Rikers Island spoke to the council.",
        ),
        ("Three inmates in May were released.", "Three incarcerated people in May were released."),
        # a unit's letter or number after its name
        (
            "Inmates in Facility B get one hour outside.",
            "People incarcerated in Facility B get one hour outside.",
        ),
        (
            "Inmates in Texas I spoke with wanted jobs.",
            "People incarcerated in Texas I spoke with wanted jobs.",
        ),
        # a wording made for the term keeps its words ahead of a general one with the place
        (
            "Inmate mothers at Rikers get two visits a week.",
            "Incarcerated mothers at Rikers get two visits a week.",
        ),
        # a name of several words, an acronym first or a possessive last
        (
            "HMP Wandsworth inmates staged a protest.",
            "People incarcerated at HMP Wandsworth staged a protest.",
        ),
        (
            "Tihar Jail's inmates have launched a newspaper.",
            "People incarcerated at Tihar Jail have launched a newspaper.",
        ),
    ],
)
def test_a_named_place_goes_into_the_wording(text: str, expected: str) -> None:
    _, out = fixed(text, "incarceration/inmate")
    assert out == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the wording says "in" a place; the writer's "at" stays "at"
        (
            "The homeless of Hamilton need housing.",
            "People experiencing homelessness in Hamilton need housing.",
        ),
        (
            "The homeless at St Mungo's were moved.",
            "People experiencing homelessness at St Mungo's were moved.",
        ),
        (
            "The chronically homeless of Denver were counted.",
            "People experiencing chronic homelessness in Denver were counted.",
        ),
    ],
)
def test_a_place_after_the_homeless_goes_into_the_wording(text: str, expected: str) -> None:
    _, out = fixed(text, "homelessness/the-homeless")
    assert out == expected


@pytest.mark.parametrize(
    "text", ["The new parking rules are so retarded.", "That decision was retarded."]
)
def test_a_slur_said_of_a_thing_gets_ideas_not_a_fix(text: str) -> None:
    suggestions, out = fixed(text, "disability/retarded")
    assert out is None
    assert suggestions


def test_an_adverb_between_copula_and_predicate_keeps_the_predicate_slot() -> None:
    _, out = fixed("My brother is actually retarded, she wrote.", "disability/retarded")
    assert out == "My brother is actually intellectually disabled, she wrote."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "She's retarded and needs help, the intake notes say.",
            "She's intellectually disabled and needs help, the intake notes say.",
        ),
        ("They're mentally retarded, he wrote.", "They're intellectually disabled, he wrote."),
    ],
)
def test_a_pronoun_with_its_copula_in_one_word_keeps_the_predicate_slot(
    text: str, expected: str
) -> None:
    _, out = fixed(text, "disability/retarded")
    assert out == expected


def test_a_thing_with_its_copula_in_one_word_gets_ideas_not_a_fix() -> None:
    _, out = fixed("It's retarded, that new rule.", "disability/retarded")
    assert out is None


def test_a_language_after_in_is_no_place() -> None:
    _, out = fixed("We serve the homeless in Spanish and English.", "homelessness/the-homeless")
    assert out == "We serve people experiencing homelessness in Spanish and English."


def test_no_word_of_a_title_case_headline_is_taken_for_a_place() -> None:
    _, out = fixed("City Budget Cuts Hit The Homeless Hardest", "homelessness/the-homeless")
    assert out == "City Budget Cuts Hit People Experiencing Homelessness Hardest"


def test_a_sentence_start_with_a_group_adjective_keeps_its_capital() -> None:
    _, out = fixed("The mentally retarded were housed apart.", "disability/retarded")
    assert out == "People with intellectual disabilities were housed apart."


def test_a_label_for_people_before_a_noun_that_names_none_gets_no_fix() -> None:
    # "a retarded decision" is the slur as an insult: no wording for people stands there
    for text in ("That was a retarded decision, the coach said.", "He made a retarded comment."):
        suggestions, out = fixed(text, "disability/retarded")
        assert out is None, text
        assert suggestions
    _, lived = fixed("The HIV-infected teacher kept her job.", "hiv/hiv-infected")
    assert lived == "The teacher living with HIV kept her job."
    _, lived = fixed("HIV-infected refugees arrived in May.", "hiv/hiv-infected")
    assert lived == "Refugees living with HIV arrived in May."


def test_before_a_noun_a_wording_that_can_stand_there_comes_first() -> None:
    # "migrant without legal permission workers" cannot stand: "undocumented migrant" can
    suggestions, out = fixed(
        "The illegal migrant workers were sent home.", "immigration/illegal-migrant"
    )
    assert out == "The undocumented migrant workers were sent home."
    assert suggestions[:2] == ("undocumented migrant", "migrant without legal permission")


@pytest.mark.parametrize(
    ("text", "rule", "expected"),
    [
        # who people are is no place, nor is an animal a person
        ("Transgender inmates face abuse.", "incarceration/inmate", "incarcerated people"),
        ("LGBTQ inmates face abuse.", "incarceration/inmate", "incarcerated people"),
        ("Inmates at Christmas Island staged a protest.", "incarceration/inmate",
         "People incarcerated at Christmas Island"),
    ],
)  # fmt: skip
def test_names_that_are_no_place(text: str, rule: str, expected: str) -> None:
    suggestions, _ = fixed(text, rule)
    assert suggestions[0] == expected


def test_a_label_for_people_before_an_animal_or_a_thing_gets_no_fix() -> None:
    for text in ("The family bought a handicapped minivan.", "HIV-infected chimpanzees slept."):
        assert all(f.fix is None for f in lint_text(text, kind="text")), text


@pytest.mark.parametrize(
    ("text", "rule", "first"),
    [
        ("He died a junkie in a rented room.", "drug-use/junkie", "person who used drugs"),
        ("The deceased was a known drug user.", "drug-use/drug-user", "person who used drugs"),
        # a death in the present, and a wording with no verb of its own, stay as they are
        ("Addicts die every day because of stigma.", "drug-use/addict", "People who use drugs"),
        ("The prostitute died in 2019.", "sex-work/prostitute", "sex worker"),
    ],
)
def test_a_person_who_has_died_gets_a_wording_in_the_past(text: str, rule: str, first: str) -> None:
    suggestions, _ = fixed(text, rule)
    assert suggestions[0] == first


def test_former_joined_to_another_adjective_gets_no_fix() -> None:
    suggestions, out = fixed(
        "The van serves veterans, the homeless and former inmates.", "incarceration/inmate"
    )
    assert out is None
    assert suggestions


def test_a_compound_that_ends_in_lower_case_is_no_place() -> None:
    _, out = fixed(
        "Care for HIV-positive and AIDS-affected inmates improved.", "incarceration/inmate"
    )
    assert out == "Care for HIV-positive and AIDS-affected incarcerated people improved."


def test_a_heading_with_two_capitalized_words_gets_its_wording_in_title_case() -> None:
    [finding] = lint_text("# Outreach for Prostitutes\n", kind="markdown")
    assert finding.suggestions[0] == "Sex Workers"
    [finding] = lint_text("Outreach for Prostitutes was the old name.\n", kind="markdown")
    assert finding.suggestions[0] == "Sex workers"  # prose keeps the capital only


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # a possessive the wording cannot take ("people with mental illness's needs")
        ("Crews cleared the homeless' tents from the bank.", "homelessness/the-homeless"),
        ("Police took the homeless's trolleys from the underpass.", "homelessness/the-homeless"),
        ("The mentally ill's needs are ignored.", "disability/the-mentally-ill"),
        ("The retarded's dormitory was closed in 1980.", "disability/retarded"),
        # a clause after the noun: "a parent who uses drugs who lost …"
        (
            "The court heard from a substance-abusing parent who lost custody.",
            "drug-use/drug-abuser",
        ),
        ("She was made to work at night as a prostitute.", "sex-work/prostitute"),
        # words of force: a wording of work would put consent into the claim
        ("The women were made to work as prostitutes in two flats.", "sex-work/prostitute"),
    ],
)
def test_where_no_wording_stands_the_wordings_are_ideas(text: str, rule: str) -> None:
    suggestions, out = fixed(text, rule)
    assert out is None
    assert suggestions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Funding for the severely mentally ill was cut.", "people with severe mental illness"),
        (
            "The most seriously mentally ill wait longest.",
            "People with the most serious mental illness",
        ),
        ("Beds for the chronically mentally ill are few.", "people with chronic mental illness"),
    ],
)
def test_a_degree_before_mentally_ill_is_kept_in_the_wording(text: str, expected: str) -> None:
    [finding] = lint_text(text)
    assert finding.suggestions[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # not "an actor who uses a wheelchair who plays …": the wording made to stand before
        # the noun keeps one clause on it
        (
            "She cast a wheelchair-bound actor who plays the lead.",
            "She cast a wheelchair-using actor who plays the lead.",
        ),
        (
            "A wheelchair-bound actor whose voice we know narrates.",
            "A wheelchair-using actor whose voice we know narrates.",
        ),
    ],
)
def test_a_clause_after_the_noun_takes_a_wording_made_to_stand_before_it(
    text: str, expected: str
) -> None:
    _, out = fixed(text, "disability/wheelchair-bound")
    assert out == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("## Inmates at Rikers\n", "People incarcerated at Rikers"),
        ("## Inmates at Rikers Island\n", "People incarcerated at Rikers Island"),
    ],
)
def test_a_place_in_a_heading_is_no_sign_of_title_case(text: str, expected: str) -> None:
    [finding] = lint_text(text, kind="markdown")
    assert finding.suggestions[0] == expected


def test_a_capitalized_plural_mid_sentence_is_a_buyer_where_the_sentence_speaks_of_sex() -> None:
    [finding] = lint_text("Last night the number of Johns arrested in the motel sting doubled.")
    assert finding.rule == "sex-work/john"
    assert finding.suggestions[0] == "clients"


def test_a_capital_in_a_name_of_several_words_is_kept() -> None:
    [finding] = lint_text("Homes for Addicts was the charity's first name.")
    assert finding.suggestions[0][:1].isupper()


def test_an_adjective_before_an_opening_quote_still_counts() -> None:
    found = lint_text('Ask what a prospective "john" wants before the sting.')
    assert [f.rule for f in found] == ["sex-work/john"]


def test_a_hyphenated_person_noun_after_a_label_is_its_noun() -> None:
    _, out = fixed(
        "By 1990 the mentally retarded forty-year-old lived alone.", "disability/retarded"
    )
    assert out == "By 1990 the forty-year-old with an intellectual disability lived alone."


def test_a_hyphenated_modifier_before_a_noun_gets_no_fix() -> None:
    _, out = fixed("Staff mocked a retarded ten-year-old girl.", "disability/retarded")
    assert out is None


@pytest.mark.parametrize(
    "text",
    [
        "Being wheelchair-bound changed how she saw the city.",
        "He disliked being confined to a wheelchair at events.",
    ],
)
def test_after_being_no_verb_or_ing_wording_is_put_in_place(text: str) -> None:
    suggestions, out = fixed(text, "disability/wheelchair-bound")
    assert out is None
    assert suggestions


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("The jail completes an inmate death review within a week.", "incarceration/inmate"),
        ("Staff explained the inmate visitation rules to families.", "incarceration/inmate"),
    ],
)
def test_a_wording_with_person_as_its_head_does_not_stand_before_a_noun(
    text: str, rule: str
) -> None:
    suggestions, out = fixed(text, rule)
    assert out is None
    assert suggestions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The inmate's family was not told.", "The incarcerated person's family was not told."),
        (
            "Former inmates today run the workshop.",
            "Formerly incarcerated people today run the workshop.",
        ),
        (
            "In the '90s the blankets were the inmates'.",
            "In the '90s the blankets were the incarcerated people's.",
        ),
    ],
)
def test_person_wordings_keep_their_fix_where_they_stand(text: str, expected: str) -> None:
    assert fixed(text, "incarceration/inmate")[1] == expected


def test_a_quotation_starts_with_a_capital() -> None:
    suggestions, _ = fixed(
        "The warden said, 'Inmates will be moved on Friday.'", "incarceration/inmate"
    )
    assert suggestions[0] == "Incarcerated people"


def test_with_no_wording_in_place_the_plain_ideas_come_first() -> None:
    suggestions, out = fixed("She spoke about being HIV-infected in the 1990s.", "hiv/hiv-infected")
    assert out is None
    assert suggestions[0] == "living with HIV"


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("The pantry cooks hot soup for the homeless and hungry.", "homelessness/the-homeless"),
        ("The new ramps were built for the disabled and elderly.", "disability/the-disabled"),
        ("Nearly all HIV-infected infants and children got HIV at birth.", "hiv/hiv-infected"),
        (
            "Since 2015 the paper has called prostitutes “sex workers” in print.",
            "sex-work/prostitute",
        ),
        ("The survey asked the clients, or johns, about prices.", "sex-work/john"),
    ],
)
def test_no_fix_where_the_wording_would_break_a_shared_or_quoted_phrase(
    text: str, rule: str
) -> None:
    suggestions, out = fixed(text, rule)
    assert out is None
    assert suggestions


def test_adjectives_before_a_noun_after_a_group_word_make_no_group() -> None:
    found = lint_text("The pantry serves the homeless and hungry families of the valley.")
    assert found == []


def test_a_verb_phrase_before_its_object_keeps_its_wordings_in_order() -> None:
    # "cancer" is the object of "suffering from", not a noun the match describes
    suggestions, _ = fixed("She is suffering from cancer.", "disability/suffers-from")
    assert suggestions[:2] == ("living with", "diagnosed with")


@pytest.mark.parametrize(
    ("text", "wordings"),
    [
        ("She suffered from asthma for years.", ("had", "lived with")),
        ("He suffers from epilepsy.", ("has", "lives with")),
        ("Many people suffer from arthritis.", ("have", "live with")),
        ("She was afflicted with polio as a child.", ("living with", "diagnosed with")),
    ],
)
def test_suffering_wordings_keep_the_tense_and_person_of_the_verb(
    text: str, wordings: tuple[str, ...]
) -> None:
    suggestions, _ = fixed(text, "disability/suffers-from")
    assert suggestions == wordings


@pytest.mark.parametrize(
    ("text", "wordings"),
    [
        ("Her uncle suffered schizophrenia for years.", ("had", "lived with")),
        ("He suffers chronic PTSD.", ("has", "lives with")),
        ("Many veterans suffer PTSD.", ("have", "live with")),
        ("She is suffering early-onset dementia.", ("living with",)),
    ],
)
def test_suffering_a_condition_keeps_the_tense_and_person_of_the_verb(
    text: str, wordings: tuple[str, ...]
) -> None:
    suggestions, _ = fixed(text, "disability/suffers-condition")
    assert suggestions == wordings


@pytest.mark.parametrize("condition", ["depression", "PTSD"])
@pytest.mark.parametrize("preposition", ["from", "with"])
def test_suffering_from_a_condition_is_one_finding(condition: str, preposition: str) -> None:
    found = [f.rule for f in lint_text(f"Her son suffers {preposition} {condition}.", kind="text")]
    assert found == ["disability/suffers-from"]


def test_a_lower_case_term_written_with_two_capitals_is_in_a_title() -> None:
    suggestions, _ = fixed("Jailing the Mentally Ill", "disability/the-mentally-ill")
    assert suggestions[0] == "People with Mental Illness"


def test_after_became_no_ing_wording_is_put_in_place() -> None:
    suggestions, out = fixed(
        "Her uncle became wheelchair-bound after the fall.", "disability/wheelchair-bound"
    )
    assert out is None
    assert suggestions


def test_an_appositive_after_a_group_word_is_no_list() -> None:
    _, out = fixed("Bring me the homeless, storm-battered and tired.", "homelessness/the-homeless")
    assert out is None
    _, out = fixed(
        "Send me the homeless, storm-battered, by the next boat.", "homelessness/the-homeless"
    )
    assert out == "Send me people experiencing homelessness, storm-battered, by the next boat."


@pytest.mark.parametrize(
    "text",
    [
        "The rule counts biological men who have transitioned as a separate group.",
        "Opponents insist trans women are biological men.",
    ],
)
def test_said_of_trans_people_sex_assigned_at_birth_comes_before_cisgender(text: str) -> None:
    [finding] = lint_text(text)
    assert "assigned male at birth" in finding.suggestions[0]


@pytest.mark.parametrize(
    "text",
    ["The inmate housing unit closed in May.", "Staff checked the inmate visitation log."],
)
def test_person_wordings_stay_off_noun_compounds(text: str) -> None:
    suggestions, out = fixed(text, "incarceration/inmate")
    assert out is None
    assert suggestions


@pytest.mark.parametrize(
    ("text", "rule", "expected"),
    [
        ("Inmates plan protests over the food.", "incarceration/inmate",
         "Incarcerated people plan protests over the food."),
        ("Since '09 the inmates' and guards' complaints piled up.", "incarceration/inmate",
         "Since '09 the incarcerated people's and guards' complaints piled up."),
        ("We fed the homeless, hungry or not.", "homelessness/the-homeless",
         "We fed people experiencing homelessness, hungry or not."),
    ],
)  # fmt: skip
def test_a_third_look_at_fixes_keeps_these(text: str, rule: str, expected: str) -> None:
    assert fixed(text, rule)[1] == expected


def test_an_adverb_between_the_frame_and_the_word_is_still_oneself() -> None:
    assert lint_text("I am mentally retarded, I was told as a child.") == []


def test_a_person_noun_after_and_and_an_adjective_keeps_the_adjective_reading() -> None:
    assert lint_text("The homeless and disabled man was evicted on Friday.") == []


def test_a_scare_quoted_word_mid_sentence_takes_no_capital() -> None:
    [finding] = lint_text('Police arrested 9 "Johns" in the motel sting.')
    assert finding.suggestions[0] == "clients"


@pytest.mark.parametrize(
    ("text", "rule", "expected"),
    [
        # a participle or a noun wording after the determiner of a group keeps the determiner
        (
            "Those confined to wheelchairs were left behind.",
            "disability/wheelchair-bound",
            "Those using wheelchairs were left behind.",
        ),
        (
            "The female inmates were moved on Monday.",
            "incarceration/inmate",
            "The incarcerated women were moved on Monday.",
        ),
    ],
)
def test_a_group_after_its_determiner_takes_a_wording_for_the_noun(
    text: str, rule: str, expected: str
) -> None:
    _, out = fixed(text, rule)
    assert out == expected
