"""A term inside the proper name of an organisation, law, programme or event is not flagged;
the same words elsewhere, in a headline or in lower case still are."""

from __future__ import annotations

import pytest

from respectful_lint import lint_text
from respectful_lint.propernames import in_proper_name


def matched(text: str) -> list[str]:
    return [f.matched for f in lint_text(text, kind="text")]


@pytest.mark.parametrize(
    "text",
    [
        "Volunteers marched on Whores Pride Day in the old town.",
        "The march ended at the office of the Whores Collective downtown.",
        "She chairs the Outreach Network for Junkies and Drinkers in the county.",
        "Our clinic follows the Illegal Aliens Exclusion Act of 1903 only in name.",
        "He runs the Center for the Homeless at Union Square.",
        "They met at the Prostitutes’ Rights Festival last spring.",
        "Grants came from the Crackhead Relief Fund, we were told.",
        # a quoted name before the lower-case word for what it names
        "Each spring the parish runs its “Blankets for the Homeless” campaign downtown.",
        'The youth group joined the "Walk With the Homeless" campaign in May.',
        'The choir sang at their "Time to Serve the Homeless" gathering on Sunday.',
        'The "Socks for the Homeless" drive ends on Friday.',
        # two names sharing their head word
        "She goes to Alcoholics or Narcotics Anonymous twice a week.",
        # a name after a lower-case "with" in a line otherwise in Title Case
        "Panel Talk with the English Collective of Prostitutes",
        # a conflation's words in the name of a statute, and a poor law's board
        "She praised the End Demand for Trafficking Act passed in 2009.",
        "By 1880 the Trustees of the Poor had built a county home for the aged.",
        # a year or a decade named for a cause
        "The singer mocked the Year of the Disabled in a 1981 single.",
        # an event named for its hosts
        "She danced at the Prostitutes Ball in the old union hall.",
        # a body that serves a group, in a heading with every word capitalized
        "Annual Report of the Ashworth Foundation for the Mentally Handicapped 1987",
        "Minutes of the Eastfield Society for the Homeless, March Meeting",
        # a law's name with its year, in a heading too
        "Hearing on the Illegal Aliens Removal Act of 1998",
        "Comments on Bill 7, the Prostitution Offences Amendment Act 2019",
        # a capitalized verb inside a sentence, leading "the" and the term
        "The mural was painted by members of Hire the Homeless last spring.",
        "A grant from Feed the Homeless paid for the new van.",
        "Each winter we work with Feed the Homeless.",
        "Dogs of the Homeless pays for vet visits at the shelter.",
        "Every penny of the raffle goes to Clothe the Homeless.",
        "The scouts donated forty blankets to Clothe the Homeless.",
        "Blankets went out on Friday with thanks to Clothe the Homeless.",
        # an acronym, then the name it stands for in brackets
        "Our partner DASH (Drug Addicts Seeking Help) runs the van on Fridays.",
        # a service's name that opens with its kind of care
        "Grants to Health Care for the Homeless rose again this spring.",
        "Each Tuesday Healthcare for the Homeless sends two nurses to the day centre.",
        "A GRANT FROM HEALTH CARE FOR THE HOMELESS",
        "Grant Awarded to Health Care for the Homeless",
    ],
)
def test_a_term_in_a_proper_name_is_not_flagged(text: str) -> None:
    assert matched(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the name's head word elsewhere in the sentence, or in lower case
        ("Police found two Junkies near the Transit Center on Friday.", ["Junkies"]),
        ("The whores collective met on a Friday.", ["whores"]),
        ("Prostitutes were questioned on Day 3 of the trial.", ["Prostitutes"]),
        # a headline or heading: every word has a capital, so a name cannot be told apart
        ("Junkies Union Station Protest", ["Junkies"]),
        ("Prostitutes Rescued in Downtown Sting Operation", ["Prostitutes"]),
        ("Junkies Union Leader Says Police are Biased", ["Junkies"]),  # "are": still a headline
        # a law or a campaign for a group, in a headline, is no body's name
        ("New Bill for the Mentally Handicapped Passes Senate", ["Mentally Handicapped"]),
        # after an article, an adjective, a verb or a word for a kind of service, the body's
        # word names no body
        ("Old Depot Becomes A Home For The Homeless", ["The Homeless"]),
        ("Parish Opens Drop-In Centre For The Homeless", ["The Homeless"]),
        ("Mayor Launches Winter Relief Fund For The Homeless", ["The Homeless"]),
        ("State Asylums Closed, So Jails Became Home For The Mentally Ill", ["The Mentally Ill"]),
        # a preposition of four letters or more left in lower case, as some styles write titles
        ("Beating Substance Abuse with Community Grants", ["Substance Abuse"]),
        ("Female Inmates Sue over Prison Rules", ["Female Inmates"]),
        ("Talking about Drug Abuse with Your Teen", ["Drug Abuse"]),
        # the band's name only with its capitals
        ("The bar was full of cowboy junkies and rodeo drifters.", ["junkies"]),
        # a verb at the start of a sentence, or in lower case, names nothing
        ("Feed the Homeless before you feed the pigeons, the mayor said.", ["the Homeless"]),
        ("Volunteers feed the Homeless every Sunday.", ["the Homeless"]),
        ("Reports of the Homeless Sleeping Rough Rise", ["the Homeless"]),
        ("Many of the IDUs in the study had no fixed address.", ["IDUs"]),
        ("Pray for the Homeless when the frost comes, the vicar wrote.", ["the Homeless"]),
        ("He offered to Feed the Homeless every Friday.", ["the Homeless"]),
        ("Our vicar says we should Protect the Homeless this winter.", ["the Homeless"]),
        ("Shelter Rather than Punish the Homeless", ["the Homeless"]),
        # a year after a headline's words that name no law
        ("Illegal Aliens Flood Border in 1998", ["Illegal Aliens"]),
        ("Inmates Sue Over the Prison Safety Act of 2004", ["Inmates"]),
        ("Why Junkies Distrust the Overdose Amnesty Act 2016", ["Junkies"]),
        ("How the Junkies of Leith View the Naloxone Access Act of 2017", ["Junkies"]),
        # punctuation ends a name
        ("We met Junkies, Union members and staff.", ["Junkies"]),
        # a body of people heads a name only before "of"
        ("He blamed the Governors and Illegal Aliens for the crime wave.", ["Illegal Aliens"]),
        # the kind of care alone, in lower case, or without "Health", is no name
        ("Voters want more health care for the homeless, the poll found.", ["the homeless"]),
        ("Every parish should show Care for the Homeless at Christmas.", ["the Homeless"]),
        ("Senators Debate Health Care for Illegal Aliens Again", ["Illegal Aliens"]),
        # a conflation that runs on past a name's capitals
        (
            "The End Demand Campaign says buyers fuel trafficking.",
            ["End Demand Campaign says buyers fuel trafficking"],
        ),
    ],
)
def test_the_same_words_outside_a_name_are_flagged(text: str, expected: list[str]) -> None:
    assert matched(text) == expected


def test_a_name_is_looked_for_in_its_own_sentence_and_near_the_match() -> None:
    text = "Junkies arrived. Union members left."
    assert not in_proper_name(text, 0, 7, (0, 16))
    far = "We met Junkies " + "And Many Other Quite Polite Capitalized Words " * 2 + "Union here."
    assert not in_proper_name(far, 7, 14, (0, len(far)))


def test_a_name_after_a_label_is_a_name() -> None:
    from respectful_lint import lint_text

    assert lint_text("Author: Hooker", kind="text") == []
    assert lint_text("Contact: Hooker, outreach lead.", kind="text") == []


@pytest.mark.parametrize(
    "text",
    [
        "We partner with Safe Housing for Addicts in Recovery (SHAR) across the county.",
        "The Society for the Care of Drug Abusers (SCDA) ran the ward until 1980.",
        'SWAP, which stands for "Support for Women After Prostitution," opened in 2004.',
        "SWAP, which stands for Support for Women After Prostitution, opened in 2004.",
        "In 1970 the state created a Bureau of the Handicapped within its schools office.",
        "Parents founded the Voice of the Handicapped in the county in 1975.",
        # a small word may give its letter to the acronym
        "She is a caseworker at Neighbors Assisting the Homeless (NATH) in Ohio.",
        "Friends Helping Addicts of the Valley (FHAV) meets on Mondays.",
        # three letters, with a word of the name before the term
        "Volunteers from Feed the Homeless (FTH) cooked on Sunday.",
        "She sends paperbacks through Books to Inmates (BTI) every month.",
        # a name that opens its sentence with "The", spelled from the word after it
        "The Homeless Advocacy Resource Project (HARP) opened an office downtown.",
    ],
)
def test_a_name_spelled_out_by_its_acronym_or_joined_by_of_the_is_a_name(text: str) -> None:
    assert matched(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested Prostitutes (PR) near the station.",
        "Police counted PR (Prostitutes Rounded) near the station.",
        "The mission stands for Prostitutes and their families.",
    ],
)
def test_an_acronym_or_stands_for_without_a_name_names_nothing(text: str) -> None:
    assert matched(text) == ["Prostitutes"]


def test_small_words_before_an_acronym_are_read_once_each() -> None:
    # each small word may give its letter or not: tried blindly, the ways to spell the
    # acronym from 300 of them would never end
    text = "We met " + "the " * 300 + "Homeless (TTTTTTTTTX) today."
    assert matched(text) == ["the Homeless"]


@pytest.mark.parametrize(
    "text",
    [
        "The agency tracks Illegal Aliens (IA) at the border, the memo says.",
        # a small word's letter, with the term first: the term's own words
        "The report counts Illegal Aliens in Custody (IAIC) each quarter.",
        "Staff track Inmates with Mental Illness (IWMI) on a separate list.",
        "The clinic logs Addicts on Methadone (AOM) weekly.",
        "Officers arrested Johns and sex workers alike in the brothel raid.",
    ],
)
def test_a_term_spelled_out_alone_or_a_surname_cue_missing_is_still_flagged(text: str) -> None:
    assert matched(text)


@pytest.mark.parametrize(
    "text",
    [
        "Among HIV Infected Adults (HIA) in the study, adherence was high.",
        "We will not stand for Illegal Aliens pouring into our Country!",
        "Illegals Camp in City Park as officials debate",
    ],
)
def test_short_acronyms_idioms_and_verbs_make_no_names(text: str) -> None:
    assert matched(text)


def test_a_division_heads_a_name() -> None:
    assert matched("She directed the state Division of Mental Retardation until 1995.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # quoted capitals with no word for what they name after them, or a verb after them
        ("The sign read “Feed the Homeless” in red paint.", ["the Homeless"]),
        ("A sign read “Junkies and Dealers Out” on the fence.", ["Junkies"]),
        ("Deputies moved five “Junkies on Aurora Avenue” last night.", ["Junkies"]),
        ("Protesters waved “Illegal Aliens Out” placards at the gate.", ["Illegal Aliens"]),
        # one quoted capital word is no name
        ("Neighbours say “Hookers” walk the strip every night.", ["Hookers"]),
        # a verb after the quoted words, or a quoted phrase not all in capitals
        ('Some say the "Illegal Aliens" run every crew in town.', ["Illegal Aliens"]),
        ('Their "Junkie welfare" program was cut, the mayor boasted.', ["Junkie"]),
        # people gathering, not a gathering named after them
        ('The "Illegal Aliens" gathering outside the hall shouted at us.', ["Illegal Aliens"]),
        ('Cameras caught "Junkies and Dealers" gathering by the tracks.', ["Junkies"]),
        # a year named only before "of"
        ("Over the New Year Inmates at the county jail got extra visits.", ["Inmates"]),
    ],
)
def test_quoted_capitals_without_a_named_thing_are_not_names(
    text: str, expected: list[str]
) -> None:
    assert matched(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the title of a book, film or song: quoted before "by", after a noun for a work,
        # before a year, after "Review:", before a dash and a review, or said to be a work
        "Track 9 of the mixtape: “Junkies Dance All Night” — The Low Riders, 1998",
        "Her pick was “Hookers Never Cry” from the soundtrack of the show.",
        "“Last Days of the Inmate in Soho” by Anna Marsh is out in paperback.",
        "Read the memoir “Letters of the Junkie in Leeds” beside it.",
        "We watched the documentary Prostitutes on a school night.",
        "She wrote the novel Inmates under a pen name.",
        "Netflix's documentary Inmates follows four women for a year.",
        "Junkie, a novel first published in 1953, is still in print.",
        "Illegal Aliens (1998) played at the drive-in for one week only.",
        "Film Review: The Last Junkie in Town",
        "Illegal Aliens, a 1998 comedy, played at the drive-in for a week.",
        "The cast of Illegal Aliens (1998 film) met again in May.",
        "Illegal Aliens - Late Night Film Review",
        "Hooker is a three-piece surf rock band from Leeds.",
        "The Inmates were a garage band from Ohio, formed in 1979.",
        "In 1981 The Inmates, a Dutch pub rock band, toured the coast.",
        # "The" with a capital inside a sentence, and capitals after "called" or "named"
        "As the name suggests The Prostitutes never played a sober gig.",
        "She found a support group called Families of Addicts online.",
        "He now hosts a podcast called Recovering Addict Radio every week.",
        "Felons for Democracy Coalition meets in the library on Mondays.",
        "Friends of the Homeless does not close on public holidays.",
        "Genesis’s “Illegal Alien” was a satire of border politics.",
        "I pre-ordered the new record by The Addicts last week.",
        "We stayed up late watching The Hookers on the film channel.",
        "My sister is reading The Inmates by Tom Vale on the train.",
        "An online forum named Illegal Aliens Anonymous was shut down.",
        "His first play was titled Inmates and Angels in the programme.",
        "The Inmates are a pub rock band based in London.",
        "Players who draw the “Crack Addicts” card in the new deck lose a turn.",
        "The San Mateo Task Force on the Homeless is hiring two case workers.",
        "The county ran Group Facilities for the Mentally Retarded from 1968 to 1990.",
        # a company: its name, a comma and "Inc."
        "Shoes for the Homeless, Inc. gave 1,600 pairs last year.",
        # a book after "author of", and a video named after "called"
        "She is the co-author of Building for the Homeless, a design manual.",
        "She uploaded a video called Addict Life last spring.",
        # a church's ministry named for those it serves
        "Requests reached the Apostolate to the Handicapped every week.",
        # a fundraising event
        "Sign up now for the spring Walk for the Homeless along the river.",
        # capitalized words with a link, before the lower-case word for what they name
        "Grants from the Training for Ex-Offenders program paid for the course.",
    ],
)
def test_the_title_of_a_work_is_a_name(text: str) -> None:
    assert matched(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline about people, a short quote before "by", people said to be something
        ("Police Arrest Junkie Outside Station", ["Junkie"]),
        ("Deputies said “Illegal Aliens” were dropped off by a van.", ["Illegal Aliens"]),
        ("Junkie is a person who needs help, the pastor said.", ["Junkie"]),
        ("The film shows junkies on the street.", ["junkies"]),
        # a review or a year in a headline, a verb or adjective before the capitals, a
        # noun for a work that belongs to something else
        ("Illegal Aliens Cost the County Millions | Weekly Review", ["Illegal Aliens"]),
        ("Case Review: Inmate Died in Custody", ["Inmate"]),
        ("Felons Released Early (2021)", ["Felons"]),
        ("Deputies book Illegal Aliens at the county lockup.", ["Illegal Aliens"]),
        ("Junkie was a regular at the band's shows, the singer said.", ["Junkie"]),
        ("The council tried a novel Illegal Alien tip line.", ["Illegal Alien"]),
        ("Inmates, a book club volunteer said, asked for more novels.", ["Inmates"]),
        # a capital alone after "called", capitals with no word between them, "The" for
        # emphasis, a band of people, a sentence's first word joined to a name after "in"
        ("The neighbours called Junkies the worst part of the block.", ["Junkies"]),
        (
            "The mayor called Illegal Aliens Felons in his speech.",
            ["Illegal Aliens", "Felons"],
        ),
        ("Volunteers fed The Prostitutes working the strip last night.", ["Prostitutes"]),
        ("Inmates were a ragged band of men by the end of the march.", ["Inmates"]),
        ("Addicts were a small band at first, the nurse recalls.", ["Addicts"]),
        ("Illegal immigrants in Border Force custody were moved.", ["Illegal immigrants"]),
        ("Inmates in Facility 4 were moved to the county jail.", ["Inmates"]),
        ("Addicts in Drug Court get a hearing every two weeks.", ["Addicts"]),
        (
            "The group called Illegal Aliens Felons in its newsletter.",
            ["Illegal Aliens", "Felons"],
        ),
        ("The pastor called Addicts Slaves of Satan from the pulpit.", ["Addicts"]),
        ('Those "Illegal Aliens" game the system, the caller said.', ["Illegal Aliens"]),
        ("Footage shows The Addicts shooting up in the doorway.", ["Addicts"]),
        ("Texas's ranchers film Illegal Aliens at the fence.", ["Illegal Aliens"]),
        ("Illegal Aliens (2021): 900,000 arrests, the bureau reports.", ["Illegal Aliens"]),
        ("Authors of the Report Fed the Homeless Daily", ["the Homeless"]),
        ("The Illegal Aliens program ended in May.", ["Illegal Aliens"]),
        ("Thousands of Illegal Aliens program staff were cut.", ["Illegal Aliens"]),
    ],
)
def test_people_in_a_headline_or_beside_a_work_are_not_a_title(
    text: str, expected: list[str]
) -> None:
    assert matched(text) == expected
