"""Mention or use: the frame around a quoted term decides, not the quotes alone."""

from __future__ import annotations

import re

import pytest

from respectful_lint import lint_text


def rules(text: str) -> list[str]:
    return [f.rule for f in lint_text(text, kind="text")]


_QUOTED = re.compile("[\"\u201c'\u2018]([^\"\u201c\u201d'\u2018\u2019]+)[\"\u201d'\u2019]")


def assert_mention(text: str, prefix: str = "", *, unquoted: str = "") -> None:
    """No finding of ``prefix`` in ``text``, although a quoted term of it (or ``unquoted``)
    is one when people are called it: the frame, not the words, makes the mention."""
    assert not [r for r in rules(text) if r.startswith(prefix)], text
    terms = [unquoted] if unquoted else [q.strip(" ,.;:") for q in _QUOTED.findall(text)]
    used = [
        r for term in terms for r in rules(f"Neighbours complained about the {term} downstairs.")
    ]
    assert any(r.startswith(prefix) for r in used), (text, terms)


@pytest.mark.parametrize(
    "text",
    [
        'Officers detained eleven "johns" near the motel on Friday.',
        "The sweep netted four ‘johns’ and a driver.",
        "Video of the arrests of “johns” was shared online.",
        "Residents complained about the “johns” who circle the block.",
        # the same verbs with a person as their object, or "used" that is no giving up
        "Police used “johns” to bait the suspects.",
        "Police say “johns” were arrested behind the depot.",
        "The city banned the “johns” from the park.",
        # a list with no frame, and a clause after a framed word
        "Police arrested three clients, johns and a driver.",
        "Deputies detained “pimps” and “johns” near the depot.",
        # "dropped off", "did not arrest", and a quoted phrase with no frame
        "The officers dropped “johns” off at the station.",
        "Police said they did not arrest the “johns” at the motel.",
        'He said "the johns were arrested" behind the motel.',
        # "so-called" before another noun names nothing
        'The so-called experts blamed the "johns" for the noise.',
        # people, not words, after "and not", "over" and "dropped" with no quoted alternative
        'Officers said they arrested the dealers and not "johns".',
        'The landlord prefers tenants over "johns".',
        'The van dropped "johns" downtown.',
        # a person who appears, and a quoted alternative that asks nothing
        "“Johns” appeared in court on Monday.",
        'Officers found "pimps" or "johns" at every stop.',
        # people after a determiner, and a phrasal verb, are no word written
        'The "johns" were painted as villains by the press.',
        'The city says the "johns" were written off years ago.',
        'Those "johns" appear in the report as numbers.',
        # "known about … as" is what people know, and ", as" may mean "because": no name
        "Little is known about the buyers as “johns” in court records.",
        "Their names were never known to staff, as “johns” seldom use real ones.",
        "Little was known back then, as “johns” were seldom asked.",
        "The crossing was well known at the time, as “johns” drove through it nightly.",
        "Her car was widely known, as “johns” often come back to one street.",
    ],
)
def test_scare_quotes_are_use(text: str) -> None:
    assert "sex-work/john" in rules(text)


def test_a_clause_after_a_framed_word_is_no_list_of_words() -> None:
    assert rules("Words like junkie hurt, and addicts know it.") == ["drug-use/addict"]


@pytest.mark.parametrize(
    "text",
    [
        'The paper called the teenager a "child prostitute" in its headline.',
        "Critics object to referring to migrants as “illegals” and “aliens”.",
        # what a style guide does with a word
        "Our style guide bans “hooker” and “john”.",
        "The newsroom retired “prostitute” years ago.",
        "Swap “inmate” for “incarcerated person” in every draft.",
        "The wire service stopped using “illegal immigrant” in 2013.",
        "We no longer use “addict” in our leaflets.",
        "Please don't say “junkie” at the front desk.",
        "“Addict” reduces a person to a diagnosis.",
        "“Junkie” carries a stigma that keeps people from care.",
        # every item of a list that a frame names as words, quoted or not
        "Our guide retires words like junkie, addict and crackhead.",
        "Terms such as prostitute, hooker or john appear in old case files.",
        # items of two words, and "even" before the last
        "Her notes list the names: streetwalker, call girl, hooker, even whore.",
        "Words like junkie, or even crackhead, follow people for years.",
        "Junkie is widely used as a word for any keen fan.",
        "Avoid the adjective transgendered in our leaflets.",
        'Please don\'t say "illegal alien", "illegals" or "anchor baby" at intake.',
        "The newsroom retired “inmate,” “felon” and “convict” in 2021.",
        "Style guides suggest “client” rather than “john”.",
        "Our guide lists words like “junkie” and “crackhead” to avoid.",
        "“Transgendered” is outdated; say transgender.",
        "“Anchor baby” has become a slur in campaign speeches.",
        "The flyer spoke of “prostituted” women, a label many sex workers reject.",
        "Men in these stings are often known as “johns”.",
        "Asylum patients, known at that time as “inmates”, slept twelve to a room.",
        "Such patients, known in those days as “lunatics”, were kept apart.",
        "Such women were known in the 1880s as “prostitutes” in court rolls.",
        # choosing one word over another, advice against it, a word given up
        'We say "sex worker" and not "hooker" in every leaflet.',
        "Say 'client', never 'hooker'.",
        "The newsletter prefers “client” over “john”.",
        "The health ministry advises against “AIDS victim” in its guidance.",
        "The wire service dropped “illegal alien” from its stylebook.",
        "“Illegal immigrant” should not be used to describe a person.",
        "“Junkie” should no longer be used in any of our leaflets.",
        "The connotations of “inmate” are softer, the editor argued.",
        "Instead of saying “junkies,” our leaflet says people who use drugs.",
        "Rather than using “addicts,” the guide speaks of patients.",
        "“Junkie” is no longer used by the paper's health desk.",
        "The code section is titled “Reentry of removed aliens.”",
        # a quoted phrase with the term inside it, and a list in single quotes
        "The agency advises against “HIV-infected person” in reports.",
        "Our guide retires the words 'inmate', 'felon' or 'convict' in court stories.",
        # a word found in a text, written or thrown at someone, a saying judged, a choice
        "“Illegal alien” appears nine times in the ordinance.",
        "“Hooker” was spray-painted on the clinic's back wall.",
        "“Junkie” was shouted at him from a passing car.",
        "Do we write “sex worker” or “hooker”? The guide answers that.",
        # the quoted term between a determiner and a noun for a word
        "The agency dropped the “illegal alien” term from its forms.",
        "He says the 'junkie' label followed him for years.",
        "Reporters leaned on the “crackhead” stereotype for a decade.",
        # two quoted terms set against each other, and a quoted word as a concept
        "The guide sees no real difference between “hooker” and “escort”.",
        "Editors should tell apart, in every story, between “junkie” and “crackhead”.",
        "Writing “child prostitute” versus “exploited teenager” changes how a jury listens.",
        "The “addict” vs. “patient” choice shapes every intake form.",
        # a wording changed to the quoted one
        "In 1993 the catalogue revised it to “illegal aliens”, a heading since retired.",
        "The concept of “anchor babies” keeps coming back in debates.",
        "The paper referred to him all through the article as a “junkie”, the board found.",
        # a child's label denied after "not a"
        "The girl is not a ‘child prostitute’ – she is a victim of abuse.",
        "He was never a “child prostitute”; he was a trafficked child.",
        "He fit the “junkie” or “druggie” stereotype for years.",
        # speaking of a word, and the brush or stigma of one
        "Rather than speaking of “hookers,” the new guide speaks of sex workers.",
        "Tarring the women with the brush of ‘prostitute’ made them easy to forget.",
        "The stigma of “addict” made him quit the choir.",
        # a campaign named by its slogan, and a model or an approach, with an adjective too
        "The council backs the ‘safe streets’ and ‘end demand’ campaigns this year.",
        "The panel weighed the “end demand” model of policing against decriminalization.",
        "Critics say the controversial “end demand” approach to policing harms workers.",
        # the picture others hold of people, with the label in quotation marks
        "The show goes beyond the usual portrait of a ‘happy hooker’ in every scene.",
        "Her perception of what an “addict” would look like came from films.",
        "The stereotype of the “junkie” in an alley is decades old.",
        "Hollywood shaped its image of the “junkie” in the 1950s.",
        "The portrayal of “addicts” on daytime television is cruel.",
        # a change in what a word means, before or after the quoted word
        "How “hooker”, as a word, slowly came to mean “prostitute” is argued over.",
        "In the 1920s, “hooker” came to mean a woman who sold sex.",
        "A century ago “dope fiend” once meant a smoker of opium.",
        "“Junkie” had come to refer to anyone who lived rough.",
        "The “send the junkies away” scheme failed within a year.",
        "The definition of “felon” in the statute covers juvenile records too.",
        "“Wheelchair-bound” portrays a tool of freedom as a prison, the guide says.",
        "Neighbours judged the women as “whores” from the first week.",
        "“Junkie” went from a police term to an everyday insult.",
        "Tabloids gave the boys the moniker “junkies” before any charge was filed.",
        "Old prison slang had a rude word for “inmate” that staff still use.",
        "It is wrong to use the adjective “transgendered” for a person.",
        "“Junkie” just means someone to be afraid of, to many readers.",
        "Staff found that “inmate” is deeply imprecise and stopped using it.",
        # a later item of a list sorted under quoted names, far from the verb
        "Such children were classified as “slow,” “backward,” “simple,” “dull,” “weak,” and"
        " later as “mentally retarded.”",
        # a definition of the word, unquoted
        "Her definition of an addict was anyone who drank before noon.",
        # a noun for a description, and what people were branded or reduced to
        "The characterization “addict” stays with a person for decades.",
        "Methadone patients are often stigmatized as “junkies” at the pharmacy counter.",
        "Wherever they landed they were dismissed as “illegals” by the locals.",
        # a quoted example in brackets after a verdict on words or a word for words
        "The old reports read as dated (“junkies”, “hookers”) to a modern eye.",
        "Its wording (“illegal immigrant”) was changed in the second edition.",
        "The leaflet's wording seems dated (“junkies” and “hookers” most especially).",
        # a word's meaning turned down, and a word called an insult, at the sentence's start
        "“Junkie” doesn't quite mean now what it meant in 1950.",
        "“Retard” was a common schoolyard insult in the seventies.",
        "“Junkie” insults every family that has lost someone to an overdose.",
        "“Junkie” has never meant the same to a judge as to a nurse.",
        # a label put on someone without saying it outright, reported in quotes
        "A neighbour's post implied the tenant upstairs was a “junkie”.",
        "Rivals accused the coach of being a “crackhead” on air.",
        "The singer, accused of being a “junkie” in a tabloid column, sued the paper.",
    ],
)
def test_a_frame_that_names_the_word_makes_a_mention(text: str) -> None:
    assert rules(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The clinic turned its problematic clients (“junkies”) away.",
        # an aside in brackets that uses the word after the verdict
        "The shelter's rules were archaic (“junkies” had to leave by seven).",
    ],
)
def test_a_quoted_word_in_brackets_that_is_no_example_is_used(text: str) -> None:
    assert rules(text) == ["drug-use/junkie"]


@pytest.mark.parametrize(
    "text",
    [
        "“Junkies” shouted insults at the nurses again last night.",
        "“Junkies” never meant to sleep in the park, she said.",
        "“Junkies” don't mean the neighbours any harm, she insisted.",
    ],
)
def test_quoted_people_who_insult_or_mean_to_are_named(text: str) -> None:
    assert rules(text) == ["drug-use/junkie"]


@pytest.mark.parametrize(
    "text",
    [
        "The post implied the man who was a “junkie” had left town.",
        "Staff implied the old depot was full of “junkies” after dark.",
        "Ward records suggest the patient was a “junkie” before the crash.",
        "The accused tenant is a “junkie”, the landlord's lawyer told the court.",
        "The film never hinted why: her brother was a “junkie”.",
    ],
)
def test_quoted_people_after_a_verb_of_hinting_but_no_label_put_on_someone_are_named(
    text: str,
) -> None:
    assert rules(text) == ["drug-use/junkie"]


def test_a_numeral_before_the_quoted_noun_is_its_object_not_a_name() -> None:
    assert rules('The county named 14 "johns" in a press release.') == ["sex-work/john"]


def test_scare_quotes_around_rescue_words_mark_distance_and_are_not_reported() -> None:
    text = 'Agents raided two spas to "rescue" the women, who were then charged.'
    assert not [r for r in rules(text) if r.startswith("rescue/")]


@pytest.mark.parametrize(
    "text",
    [
        "Sie sagte „the hookers are here“ und ging.",  # German quotes
        "Il a dit «the hookers are here» hier.",  # guillemets
        "Er sagte »the hookers are here« dann.",  # guillemets as German prints them
    ],
)
def test_speech_in_other_quotation_marks_is_lowered_and_not_fixed(text: str) -> None:
    (finding,) = lint_text(text, kind="text")
    assert finding.severity.label == "suggestion"
    assert finding.fix is None
    after = text.replace("the hookers are here", "x") + " The hookers left."
    (finding,) = lint_text(after, kind="text")
    assert finding.severity.label == "error"


def test_a_lone_guillemet_opens_no_quotation() -> None:
    # a breadcrumb's arrow, with nothing that closes it in the paragraph
    (finding,) = lint_text("Home » Services » Outreach to hookers in the city.", kind="text")
    assert finding.severity.label == "error"


@pytest.mark.parametrize(
    "text",
    [
        "Don't say hookers; say sex workers.",
        "Please stop saying junkies.",
        "Do not say junkies, crackheads or addicts at the front desk.",
        "Never refer to anyone as a hooker.",
        "Don't call her a prostitute.",
        'Our guide uses "people in prison", not inmates.',
    ],
)
def test_advice_against_an_unquoted_word_is_a_mention(text: str) -> None:
    assert rules(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # the word is used: it does not end its clause, or nothing advises against it
        "Never use junkies as informants.",
        "Don't say hookers deserve it.",
        "Don't call the police on hookers.",
        "Graffiti on the bus stop called her a junkie.",
        "Police arrested clients instead of prostitutes.",
        # the term is the verb's object, not a name given to someone
        "The guards did not call the inmates.",
        "Please don't call the inmates.",
        "We don't call the police, inmates and guards settle it.",
        "The company no longer uses inmates.",
        'Detectives used "johns" as witnesses.',
        "Addicts are offensive to some, the flyer claims.",
        # two quoted words that are people, not words set against each other
        'She moved between "johns" and pimps all night.',
        'A fight broke out between "junkies" and "dealers" on the corner.',
        'Shop owners say the "junkies" slur their words at the till.',
        "“Prostitutes” on the strip have a word for the vice squad.",
        'The "junkies" tag the shutters every night.',
        # a definition applied to someone, not given
        "By any definition of an addict, my uncle was one for twenty years.",
        "The panel agreed he met the definition of an addict under the 1990 rules.",
        "In those years my cousin was the definition of an addict.",
    ],
)
def test_a_word_after_advice_that_is_used_is_reported(text: str) -> None:
    assert rules(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("She was called a hooker at school.", "hooker"),
        ("The police called them junkies in the report.", "junkies"),
        ("HIV tests (often called AIDS tests) are free here.", "AIDS tests"),
        ("He was described as a junkie by the prosecutor.", "junkie"),
        ("She was branded a prostitute by the press.", "prostitute"),
    ],
)
def test_a_word_reported_as_what_someone_was_called_gets_no_fix(text: str, word: str) -> None:
    [finding] = lint_text(text, kind="text")
    assert finding.matched == word
    assert finding.fix is None
    assert finding.suggestions


def test_calling_people_by_a_word_before_any_name_is_no_naming() -> None:
    [finding] = lint_text("Call prostitutes by their names.", kind="text")
    assert finding.fix is not None
    for text in ("Guards called the inmates to dinner.", "Police called prostitutes as witnesses."):
        [called] = lint_text(text, kind="text")
        assert called.fix is not None, text


def test_a_word_set_off_by_commas_after_a_naming_noun_is_a_mention() -> None:
    assert rules("The word, junkie, is offensive.") == []


def test_long_term_is_no_naming_frame() -> None:
    # the view's words split at the hyphen: "long", "term", which is no "the term …"
    assert rules("The clinic treats long-term addicts.") == ["drug-use/addict"]
    assert rules("The term addict is outdated.") == []


def test_a_quoted_word_said_like_something_is_a_mention() -> None:
    assert rules('Why do people say "illegal alien" like it is a normal thing to say?') == []
    assert rules('Police say "johns" were arrested behind the depot.') == ["sex-work/john"]


def test_a_naming_noun_joined_to_the_term_by_an_ampersand_names_nothing() -> None:
    # "names & hookers" lists two things; "the names hookers" would name the word
    assert rules("Johns' names & hookers' names stay private.") == [
        "sex-work/john",
        "sex-work/hooker",
    ]


@pytest.mark.parametrize(
    "text",
    [
        '"Inmate" was removed from the department\'s vocabulary last year.',
        '"Illegal alien" was dropped from the subject headings in 2021.',
        '"The homeless" is lazy writing, the editor said.',
    ],
)
def test_a_quoted_term_edited_out_of_a_text_or_judged_as_writing_is_a_mention(text: str) -> None:
    assert rules(text) == []


def test_quoted_people_removed_from_a_place_are_people() -> None:
    assert rules('"Junkies" were removed from the park by police.') == ["drug-use/junkie"]
    assert rules('"Inmates" were removed.') == ["incarceration/inmate"]
    assert rules('"Johns" were banned from the site after the sting.') == ["sex-work/john"]


def test_a_word_used_as_if_it_meant_something_is_a_mention() -> None:
    assert rules('Why do people use "junkie" like it means nothing?') == []
    assert rules('Detectives used "johns" as witnesses.') == ["sex-work/john"]


@pytest.mark.parametrize(
    "text",
    [
        'Advocates say "HIV-infected" defines people by a virus.',
        'The guide explains why "sex change" is considered outdated.',
        # a verdict on the word that leads its sentence, with or without its verb, and the
        # word's history
        "“Wheelchair bound” is not acceptable in any headline.",
        "'Junkie' not acceptable in headlines, readers tell the editor",
        "“Addict” isn't appropriate anymore, the desk agreed.",
        "“Crackhead” was first coined by tabloid headline writers.",
        "The report's characterization of seasonal farmworkers as “illegals” was criticized.",
        "Doctors note that “mental retardation” was coined as a kinder label in its day.",
        # a word come upon in a text
        "Whenever I spot “illegals” in a draft, I send it back.",
        "We found “addicts” in two drafts of the leaflet before it went out.",
        # a word rewritten as another in a style note
        "House style: “AIDS sufferers” becomes “people living with HIV”.",
        "In headlines “illegals” should be “undocumented immigrants”.",
        # a quoted word counted among words
        "“Retarded” is one of his favourite insults these days.",
        "The candidate made “illegals” one of his stock phrases.",
    ],
)
def test_a_quoted_term_glossed_or_judged_after_it_is_a_mention(text: str) -> None:
    assert rules(text) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("The “johns” were not acceptable to the motel owner.", "sex-work/john"),
        ("The “junkies” were not appropriate company for a child.", "drug-use/junkie"),
        ("Yesterday the caretaker found “junkies” in the boiler room.", "drug-use/junkie"),
        ("Police identified the “johns” at the motel.", "sex-work/john"),
        ("In the last act the “junkie” becomes a hero.", "drug-use/junkie"),
        ("The “johns” were unacceptable to every neighbour on the street.", "sex-work/john"),
        ("“Illegals” are not suitable for night shifts, he wrote.", "immigration/illegals"),
        ("'Illegals' not OK on our farms, councillor says", "immigration/illegals"),
        ("They were vilified for the raid, as “junkies” kept coming back.", "drug-use/junkie"),
        ("Last year the arrests were reduced to “johns” only.", "sex-work/john"),
        ("Steering clear of “junkies” is one of the terms she accepted.", "drug-use/junkie"),
        ("Every “illegal” should be “sent back,” the caller said.", "immigration/illegals"),
        ("The judge dismissed the charges as the “inmates” cheered.", "incarceration/inmate"),
        ("“Junkies” aren't acceptable anywhere close to our playground.", "drug-use/junkie"),
        # a copula with nothing after it
        ("Nobody asked who the “junkies” were.", "drug-use/junkie"),
    ],
)
def test_quoted_people_judged_found_or_identified_are_still_people(text: str, rule: str) -> None:
    assert rules(text) == [rule]


@pytest.mark.parametrize(
    "text",
    [
        "The judge saw that these were not “illegals” who might flee, but organisers.",
        "She is not a “junkie”, she is my sister.",
        "He's not a “crackhead,” whatever the neighbours say.",
        "My brother isn't a “junkie” to anyone who knows him.",
        "Years of protest transformed them from “AIDS victims” into organisers.",
        "In a decade they were recast from “junkies” to the people who run the clinic.",
        "My cousin is not just a “felon”; he builds houses.",
        "He was no “junkie”, only a man with a bad back.",
        "Her brother is not “a junkie”, he is a patient of this clinic.",
        "Missing one court date does not make them “felons” in anyone's eyes.",
        "One relapse doesn't make her a “junkie”.",
        "No one is a “junkie” on this ward, whatever the old charts say.",
        "My brother is not a “crackhead” or a “junkie”; he is ill.",
        "Her notes say she is not an “addict”, a “junkie” or a “crackhead”.",
        "Newsrooms went from “junkies” to “people who use drugs” over ten years.",
        'The county is changing "convicted felon" to "person with a felony conviction".',
        "The handbook replaced “addicts” with “people who use drugs” last year.",
        # a word written on something
        "The jail issues orange trousers with “INMATE” stencilled down one leg.",
        "Overnight, “whore” was spray-painted on her garage door.",
        "His file had “felon” stamped across the top in red.",
        "He showed us the mug, “felon” etched on the side, a gift from his brother.",
    ],
)
def test_a_quoted_label_turned_down_or_left_behind_is_a_mention(text: str) -> None:
    assert_mention(text)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # without quotes the word still names what others are
        ("They are not prostitutes but students, the officers said.", "sex-work/prostitute"),
        # "from" after another verb: where people were taken
        ("Volunteers took food from “junkies” who had more than they needed.", "drug-use/junkie"),
        # quoted people that the copula says something of
        ("The “junkies” were not allowed in the park.", "drug-use/junkie"),
        # a question's auxiliary, and "from" after a verb of motion
        ("Why aren't “junkies” given beds at the shelter?", "drug-use/junkie"),
        ("Wasn't a “junkie” found in the stairwell last week?", "drug-use/junkie"),
        ("The virus moved from “junkies” to their partners.", "drug-use/junkie"),
        # the sex trade's words turned down to call adults victims: a claim, not a mention
        ("These women are not “hookers”; it is slavery.", "sex-work/hooker"),
        # children who are an object, not the subject the label is denied of
        ("Mothers with two children are not “hookers”, the flyer says.", "sex-work/hooker"),
        # people who write, or are written about
        ("The “junkies” painted the mural behind the clinic.", "drug-use/junkie"),
        ("In the art class, “inmates” painted on donated canvases.", "incarceration/inmate"),
        ("The “inmates” printed in the basement shop sold every poster.", "incarceration/inmate"),
        # what people do, described after a copula or an adverb
        ("The “junkies” were degrading the park, the council said.", "drug-use/junkie"),
        ("Some of the “johns” simply refer their friends to her.", "sex-work/john"),
        # two groups set against each other without a comma
        ("The first jobs should go to residents not felons, he argued.", "incarceration/felon"),
        # people listed after "the names:", named by "who" after them
        ("She read the names: nurses, cooks and addicts who died that winter.", "drug-use/addict"),
        ("The “junkies” written about in the report were teenagers.", "drug-use/junkie"),
    ],
)
def test_quoted_people_near_not_or_from_are_still_people(text: str, rule: str) -> None:
    assert rule in rules(text)


def test_quoted_people_judged_are_still_people() -> None:
    assert rules('The "junkies" were considered a nuisance by the council.') == ["drug-use/junkie"]


@pytest.mark.parametrize(
    "text",
    [
        # weighed against a wording in quotes
        "The panel argued over whether “hooker” or “sex worker” suits the 1901 ledger.",
        "The style tool flags “transgendered” and suggests “transgender.”",
        "The old leaflet said “junkies”; the new one says “people who use drugs.”",
        # done to the word: printed, struck, its use, a heading
        "Editors agreed to stop printing “illegals” in headlines.",
        "The board moved to strike “inmate” from its handbook.",
        "Readers complained about the column's use of 'hookers'.",
        "The catalogue kept the subject heading “Illegal aliens” until 2021.",
        # asked about, and the word's history or effect
        "Is 'junkie' ever okay in a headline?",
        "A linguist traced how “crackhead” entered the dictionary.",
        "The report shows how “the homeless” lumps many lives into one.",
    ],
)
def test_a_quoted_word_weighed_edited_or_asked_about_is_a_mention(text: str) -> None:
    assert rules(text) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Deputies booked two “johns” and a “pimp” near the motel.", "sex-work/john"),
        ("Are “johns” always men, the reporter asked.", "sex-work/john"),
        # one quoted word before "campaign" may name the campaigners, and "campaign" a verb
        ("The “johns” campaign for anonymity at every council meeting.", "sex-work/john"),
        ('The "street walkers" campaign won two seats in May.', "sex-work/street-walker"),
        ('The "street walkers" model their outfits on the catwalk.', "sex-work/street-walker"),
        # a picture of people with no quotation marks uses the word, and so do photographs
        ("The mural is a portrait of a junkie in an alley.", "drug-use/junkie"),
        ('Reporters took pictures of the "junkies" sleeping by the river.', "drug-use/junkie"),
        ("The “addicts” came to mean more to her than her old friends.", "drug-use/addict"),
        ('The arrival of "crackheads" came to mean fewer shoppers.', "drug-use/junkie"),
        ('The "drug addicts" plan to camp by the river.', "drug-use/addict"),
        (
            'Officers said their perception of the "addicts" by the station was wrong.',
            "drug-use/addict",
        ),
        ('An old picture of the "junkies" by the pier hangs in the bar.', "drug-use/junkie"),
        ('A picture of what a "junkie" left behind went viral.', "drug-use/junkie"),
        ('In that precinct "illegals" came to mean easy arrests.', "immigration/illegals"),
        ("“Inmates” should be paid, not used as free labour.", "incarceration/inmate"),
        ('The "recovering addict" model of care is outdated.', "drug-use/former-addict"),
        # a person before "model", and "approaches" as a verb
        ('The "drug addict" approaches the car slowly.', "drug-use/addict"),
        ('That "heroin addict" model in the ad was nineteen.', "drug-use/addict"),
        # speaking of people, not of the word
        ("Residents talk of “johns” cruising past the school at night.", "sex-work/john"),
        ("Officers revised the count of “illegals” upward twice.", "immigration/illegals"),
        ("The rules were updated to “give the inmates more yard time”.", "incarceration/inmate"),
        ("Police counted 22 “johns” versus “a handful” of sellers.", "sex-work/john"),
    ],
)
def test_quoted_people_beside_other_quoted_words_are_still_people(text: str, rule: str) -> None:
    assert rule in rules(text)


def test_a_closing_single_quote_is_no_possessive() -> None:
    [finding] = lint_text("Agents detained 40 'illegals' at the farm.", kind="text")
    assert finding.matched == "illegals"


@pytest.mark.parametrize(
    "text",
    [
        "'Nobody here will call them inmates', the new warden told staff.",
        "‘The clinic can’t turn away addicts’, a nurse wrote.",
    ],
)
def test_a_quotation_closing_after_a_plural_is_no_possessive(text: str) -> None:
    [finding] = lint_text(text, kind="text")
    assert not finding.matched.endswith(("'", "’"))
    assert not any(s.endswith("'s") for s in finding.suggestions)


@pytest.mark.parametrize(
    "text",
    [
        "The inmates' lawyers filed on Monday.",
        "The 'reform' cut the inmates', guards' and visitors' hours.",
        "'We filed today,' said the inmates' lawyer.",
    ],
)
def test_a_plural_possessive_after_a_closed_quotation_stays_possessive(text: str) -> None:
    [finding] = lint_text(text, kind="text")
    assert finding.matched == "inmates'"


@pytest.mark.parametrize(
    "text",
    [
        "The historian shows how “junkie” replaced older terms in the press.",
        "The story used “hookers” in a caption and readers objected within the hour.",
        "The new stylebook rejects “illegal alien” outright.",
        "Transgendered is not a verb, the guide reminds writers.",
        "The R-word he means is not “rejects” but something crueller: “retard.”",
    ],
)
def test_a_sentence_about_words_makes_a_quoted_word_a_mention(text: str) -> None:
    assert rules(text) == []


def test_in_other_words_is_no_talk_of_words() -> None:
    assert rules("In other words, deputies booked the “johns” and let the women go.") == [
        "sex-work/john"
    ]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # a quoted wording in another role sets nothing against the term
        ('Deputies arrested 12 "johns" and seized a "client" ledger.', "sex-work/john"),
        ('Police offered "help" to the "prostitutes" they arrested.', "sex-work/prostitute"),
        # verbs that take people as well as words
        ('The agency\'s use of "addicts" as informants was criticised.', "drug-use/addict"),
        ('The suit says guards strike "inmates" with batons.', "incarceration/inmate"),
        ('Police said they would print "johns" names in the paper.', "sex-work/john"),
        ('Are "illegals" accepted at the county hospital?', "immigration/illegals"),
        ('The "illegals" entered the country heading north.', "immigration/illegals"),
    ],
)
def test_quoted_people_are_people_whatever_else_the_sentence_quotes(text: str, rule: str) -> None:
    assert rule in rules(text)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # "terms", "words", "usage", "slurs" and "caption" in their everyday senses
        ('Deputies said the "johns" had agreed to the terms of release.', "sex-work/john"),
        ('In terms of numbers, the "johns" outnumbered the staff.', "sex-work/john"),
        ('The sergeant had words with the "johns" outside the bar.', "sex-work/john"),
        ('Drug usage among the "addicts" at the hostel fell.', "drug-use/addict"),
        ('The caption named the "illegals" held at the border.', "immigration/illegals"),
        ('Guards hurled slurs at the "inmates" during the count.', "incarceration/inmate"),
    ],
)
def test_everyday_senses_of_word_nouns_make_no_mention(text: str, rule: str) -> None:
    assert rule in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        '"Client" is more accurate than "john", the desk editor said.',
        'The guide favours "undocumented immigrant" over "illegal alien".',
        'The governor\'s use of "illegals" drew condemnation.',
        'The paper stopped printing "illegals" in 2013.',
        'The paper stopped printing "illegals", its editor said.',
    ],
)
def test_words_weighed_or_a_speakers_use_of_them_are_mentions(text: str) -> None:
    assert rules(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Advocates insist these teens are survivors, not criminals.",
        "At the clinic they're patients, not addicts.",
        "We want them treated as neighbours with rights, not inmates.",
        "At the drop-in they are clients, not johns.",
    ],
)
def test_a_label_set_against_what_people_are_is_not_used(text: str) -> None:
    assert rules(text) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Deputies arrested johns, not prostitutes, in the sweep.", "sex-work/prostitute"),
        ("The grant serves everyone, not just addicts.", "drug-use/addict"),
    ],
)
def test_not_between_two_groups_of_people_still_uses_both(text: str, rule: str) -> None:
    assert rule in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "There really is no such thing as an underage prostitute, campaigners say.",
        "Remember: there really is no such thing as an 'underage hooker', only a child.",
        "In that dialect the slur translates to “tranny” in English.",
        'Released people carry the title of "felon" for decades.',
        "Survey note: “inmate” was the most contested.",
        'Many editors consider "junkie" pejorative.',
        "There's no such thing as an illegal alien.",
        "“Sex change,” also known as transition, is an outdated phrase here.",
        "The paper voted to end use of ‘illegal immigrant’ last year.",
        "For years he was known as a “junkie.”",
    ],
)
def test_more_frames_name_a_term_as_a_word(text: str) -> None:
    assert rules(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Don't say that a client is confined to a wheelchair.",
        "Dont say, for example, that they are addicts.",
    ],
)
def test_advice_against_saying_a_clause_names_its_last_words(text: str) -> None:
    assert rules(text) == []


def test_advice_against_saying_a_clause_keeps_a_term_inside_it() -> None:
    assert rules("Don't say that the addicts left early.") == ["drug-use/addict"]


@pytest.mark.parametrize(
    "text",
    [
        "Those teens should be treated as victims and not criminals.",
        "The principle is that the young people exploited are victims not criminals.",
        "The column attacked the press's use of “illegals” in headlines.",
    ],
)
def test_and_not_labels_and_the_media_use_of_a_word_are_no_use(text: str) -> None:
    assert rules(text) == []


def test_a_doing_before_not_sets_people_against_people() -> None:
    assert rules("Officers are arresting women, not johns, this year.") == ["sex-work/john"]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Police would not say that they had arrested any johns.", "sex-work/john"),
        ("Never say that to a junkie.", "drug-use/junkie"),
        ("The budget increase was for guards, not inmates.", "incarceration/inmate"),
        ("Most of those held in the sweep were johns, not prostitutes.", "sex-work/prostitute"),
        ('A sting targeting "johns" was controversial among residents.', "sex-work/john"),
        ('Police arrested six "johns," aka buyers, in the motel sting.', "sex-work/john"),
        ('The chief\'s pejorative remarks followed the arrest of 12 "johns".', "sex-work/john"),
        (
            "There really is no such thing as an average inmate, the warden said.",
            "incarceration/inmate",
        ),
        ("There's no such thing as an addict who can't recover.", "drug-use/addict"),
        ('The state banned use of "inmate" labor on farms.', "incarceration/inmate"),
    ],
)
def test_frames_that_name_words_leave_uses_alone(text: str, rule: str) -> None:
    assert rule in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "He calls himself an “ex-con,” a label he wears lightly.",
        "Older editors still prefer “illegal alien.”",
    ],
)
def test_a_quoted_compound_and_a_preferred_word_are_mentions(text: str) -> None:
    assert rules(text) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("The jobs are for citizens, not illegals, the senator said.", "immigration/illegals"),
        ('"Don\'t say that," the warden told the inmates.', "incarceration/inmate"),
        ("There's no such thing as an addict who can't recover.", "drug-use/addict"),
    ],
)
def test_narrow_frames_leave_uses_alone(text: str, rule: str) -> None:
    assert rule in rules(text)


def test_a_verdict_after_not_is_about_the_word() -> None:
    assert rules('Under the new guide, "junkie" is not an acceptable word.') == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Employers prefer \"illegals\" because they work for less.", "immigration/illegals"),
        ('Police said the "johns" avoided arrest at the motel.', "sex-work/john"),
        ('After the riot, "inmates" were controversial figures in town.', "incarceration/inmate"),
        ("The governor must not say that the state cannot help the homeless.",
         "homelessness/the-homeless"),
        ("Most of those held in the sting were sex workers, not johns.", "sex-work/john"),
    ],
)  # fmt: skip
def test_a_third_look_at_frames_leaves_these_uses_alone(text: str, rule: str) -> None:
    assert rule in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Older editors still prefer “illegal alien.”",
        'Many reporters consider "junkie" pejorative.',
        '"Crackhead," a slur, appeared twice in the caption.',
        "Note: “Inmate” is the most contested word in the guide.",
        "Writers should not say that someone is wheelchair-bound.",
    ],
)
def test_words_judged_preferred_or_advised_against_are_mentions(text: str) -> None:
    assert rules(text) == []


def test_a_quoted_term_joined_to_ex_is_glossed_as_a_word() -> None:
    # the quote opens before "ex-": the gloss after it names the word
    assert rules("His record says “ex-felon,” a label that follows him everywhere.") == []


def test_a_quotation_of_a_number_and_a_plural_closes_before_a_verb() -> None:
    [finding] = [
        f
        for f in lint_text("The guard said '12 inmates' were hurt in the fire.")
        if f.rule == "incarceration/inmate"
    ]
    assert finding.matched == "inmates"


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # taken out of a text, or its mentions in one
        ('The council voted to delete "illegal alien" from the city code.', "immigration"),
        ("An amendment would scrub “inmate” from the state statutes.", "incarceration"),
        ('Editors will remove mentions of "junkie" in the style manual.', "drug-use"),
        # glossed after up to two modifiers, or still in use as a word
        ("“Convict” is not a neutral legal label, the editors wrote.", "incarceration"),
        ('"Junkie" remains in common usage despite the campaign.', "drug-use"),
        # sorted into a category, said a number of times, or named by a word noun
        ("The agency's forms classify some applicants as “illegal aliens” still.", "immigration"),
        ('The anchor said "illegals" four times in one segment.', "immigration"),
        ('He used "junkie" three times in one short column.', "drug-use"),
        ('The piece says "addict" or "addicts" four times.', "drug-use"),
        # referring to people, however many words name them, as a quoted term
        (
            "The desk will stop referring to men who buy sex from street workers as “johns”.",
            "sex-work",
        ),
        # the use of a word, ending its clause
        ("Our guide discourages the use of “illegal alien”.", "immigration"),
        ('The label I hear most on the ward is "addict".', "drug-use"),
        ("One word the editor struck from every draft was “hookers”.", "sex-work"),
    ],
)
def test_words_removed_counted_or_named_are_mentions(text: str, rule: str) -> None:
    assert_mention(text, rule)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # people removed from a place, not a word from a text
        ('Deputies removed the "johns" from the motel parking lot.', "sex-work/john"),
        # a quoted term that a verb of saying takes, with no count after it
        ('Police say "illegals" were hired at the plant.', "immigration/illegals"),
        # "is" with a word noun far back and another subject near it
        ('The term limits ended, and the new head of the unit is "a junkie".', "drug-use/junkie"),
        # a name noun in a sentence where the quoted term is still a description of people
        ("The names on the list were “johns” arrested in the sting.", "sex-work/john"),
        # a count of what the people did, not of the word
        ('Residents say "junkies" broke into the shed four times last year.', "drug-use/junkie"),
        # people removed from places that are no texts, or from a place "under" a law
        ('The governor promised to remove "illegals" from public schools.', "immigration/illegals"),
        ('Clerks struck "felons" from the jury rolls under the new law.', "incarceration/felon"),
        # a word that sorts, as an adjective or a noun, far from the quote
        ("The county's designated smoking area is full of “junkies” at night.", "drug-use/junkie"),
        # a word noun in another clause, or a noun for people
        ('His name was never printed, but the paper said he was "a junkie".', "drug-use/junkie"),
        ('The "johns" arrested that night were well-known names in the county.', "sex-work/john"),
        ('Many "addicts" stay in active use while beds are full.', "drug-use/addict"),
        # two groups of people, and "in reference to" (about)
        ('The bill fines both "johns" and "sex workers" alike.', "sex-work/john"),
        ('In reference to "johns," the sheriff said names will be published.', "sex-work/john"),
        # a first term in office, before a quoted term that is no appositive
        ('In his first term "illegals" were deported by the thousand.', "immigration/illegals"),
        # a word noun in an opening phrase, not the subject
        ('In short, the man the deputies stopped was "a junkie".', "drug-use/junkie"),
        # a count of uses of the people, not of the word
        ('The unit uses "junkies" dozens of times as paid informants.', "drug-use/junkie"),
        # people removed from a site, sorted or designated, posing
        (
            'Agents removed "illegals" from a building site, the contractor said.',
            "immigration/illegals",
        ),
        ('The warden designated "inmates" to staff the laundry.', "incarceration/inmate"),
        ('Officers answering classified ads posed as "johns" at the motel.', "sex-work/john"),
        # "as" in another clause after "referred to"
        ('Cases referred to the court rose as "junkies" sought treatment.', "drug-use/junkie"),
        # the use of people, questioned
        (
            'Defence counsel attacked the use of "junkies", calling them paid liars.',
            "drug-use/junkie",
        ),
        # an everyday quoted phrase with an article is no wording set against the term
        (
            'His lawyer calls him "a client," but police say "johns" face charges.',
            "sex-work/john",
        ),
        # an adult label denied is still the conflation's business, not a mention
        ('"They are not "prostitutes", they are victims," he said.', "sex-work/prostitute"),
        # the use of people, with a comma and more after it
        ('Defence lawyers attacked the use of "addicts", calling them bought.', "drug-use/addict"),
        # a list item after "the", which starts a new phrase
        (
            "The memo uses the word “clean,” and the “addicts” at the shelter hate it.",
            "drug-use/addict",
        ),
        # people can be an insult to something
        ('Residents said the "johns" are frankly an insult to the street.', "sex-work/john"),
    ],
)
def test_removal_and_naming_frames_leave_uses_alone(text: str, rule: str) -> None:
    assert rule in rules(text)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Courtesan and sugar baby are marketing terms some escorts use.", "sugar baby"),
        ("Junkie is a slur, and we do not print it.", "junkie"),
        ("Illegal aliens is the legal term used in the statute.", "illegal aliens"),
        # an adjective before the word noun
        ("Junkie is an outdated term.", "junkie"),
    ],
)
def test_an_unquoted_term_that_a_sentence_calls_a_word_is_a_mention(text: str, term: str) -> None:
    assert rules(text) == []
    assert_mention(text, unquoted=term)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Junkies are a common sight near the station.", "drug-use/junkie"),
        ("Inmates are a captive labour force for the state.", "incarceration/inmate"),
        ("Prostitutes were famous names in the old mining town.", "sex-work/prostitute"),
        ("Felons were given terms of ten years or more.", "incarceration/felon"),
        ("Prostitutes are the main target of the new ordinance.", "sex-work/prostitute"),
    ],
)
def test_an_unquoted_term_said_to_be_something_else_is_use(text: str, rule: str) -> None:
    assert rule in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Profiles should avoid such language as “crippled” and “wheelchair-bound”.",
        "Editors replaced such words as “junkie” years ago.",
        # a word heard, and a word called an epithet after an adverb
        "When I hear “junkie” or “crackhead” on the radio, I switch it off.",
        "When folks say ‘junkies,’ a whole street of neighbours turns into a crowd.",
        "“Whenever you use ‘addict’, you reduce a person to one thing,” she told the class.",
        '"Illegals" is plainly an epithet, whatever the senator says.',
        # a definition, and a quoted term set beside "a second term"
        "In the old statute, “illegal alien” was defined as anyone found without papers.",
        "A second term, “junkie”, was rated the most hostile by the panel.",
        # plural subjects, law texts after a possessive or coordination, "classified … as"
        'The words the judge chose at sentencing were "illegal aliens".',
        'A motion to delete "illegal alien" from county and city laws passed.',
        "Lawmakers voted to strike “illegal alien” from Ohio's statutes.",
        'The old intake form classified them as "illegal aliens".',
        # another way to say a word, a list of quoted items with articles, a child's label denied
        "Some call it a polite way to say “illegal alien”, and it is not.",
        "The guide bans words like “junkie”, a “crackhead” or an “addict”.",
        "When minors are sold, they are not “child prostitutes”; they are victims.",
        "Under the new law, minors cannot be “prostitutes”, whatever the charge sheet says.",
        # a word noun right before "is", after an opening phrase; the stop inside the quote
        "In most wire copy the usual label is “illegal immigrant.”\nIt is changing.",
        "Even then, the word that nurses reached for was “junkie”.",
        # a relative clause or a preposition between "refer to" and "as"
        "The memo referred to people who had crossed without papers as “illegals.”",
        "Staff referred to the men picked up after the sweep as “johns”.",
        # sorting with a participle in the object, the use of a word judged, counts of it
        "The 1996 rule classified migrants overstaying visas as “illegal aliens”.",
        "Advocates criticized the use of “junkie”.",
        "The chief used “junkies” three times as often as “people who use drugs”.",
        # an articled wording chosen over the term
        "Our desk prefers “an undocumented immigrant” to “illegal alien”.",
        # a quoted item with a comma inside it
        "Avoid such language as “stricken,” “confined to a wheelchair, for life” in profiles.",
        # a quoted wording with an article, or with a noun in its slot, weighed against it
        '"People who use wheelchairs" is kinder than "people confined to wheelchairs".',
        "We wrote “the people who use drugs” rather than “the addicts”.",
    ],
)
def test_such_words_as_and_an_articled_wording_name_words(text: str) -> None:
    assert_mention(text)


@pytest.mark.parametrize(
    "text",
    [
        # a use of a word banned or ended, then where it was written or when
        "The wire service ended the use of “illegal aliens” across its coverage.",
        "Most desks dropped the use of “junkies” in headlines years ago.",
        "Our newsroom banned the use of “junkie” last spring.",
        "The style desk stopped the use of “hookers” in 2019.",
        # a word heard, a law's labels, what a quoted word blurs
        "Patients say hearing “addict” from a nurse stings for days.",
        "She was stunned to hear “junkie” from her own doctor.",
        "The old statute labels as “habitual drunkards” anyone with two arrests.",
        "Trainers warn that “biologically male” conflates anatomy with identity.",
        # a word whose meaning is asked, and name-calling as a topic
        "The senator asked what the sheriff meant by a “junkie”.",
        "Few things sting like being told it is fine to be called an “addict”.",
        # a word on a thing that bears it
        "Mark the box that says “felon” only if the law makes you.",
        "Her shirt said “junkie” across the front.",
        "Each badge reading “inmate” was handed back at the gate.",
    ],
)
def test_a_use_ended_a_word_heard_or_labelled_is_a_mention(text: str) -> None:
    assert_mention(text)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # people put to a use, not a word
        ('The board opposed the use of "addicts" in drug trials.', "drug-use/addict"),
        ("Police ended the use of “johns” as decoys.", "sex-work/john"),
        # a quoted plural that does something after it, or a person after an article
        ("The “johns” reinforced the back door with planks.", "sex-work/john"),
        ("The usual “addict” obscures the marks with long sleeves.", "drug-use/addict"),
        # people heard doing something, or "hearing" as a noun
        ("Neighbours were glad to hear “junkies” had moved on.", "drug-use/junkie"),
        ("Before the bail hearing “inmates” sat in the cells for hours.", "incarceration/inmate"),
        # people put to a use after a time, or a quoted phrase about people
        (
            "The warden stopped the use of “inmates” in 2019 to run the kitchen.",
            "incarceration/inmate",
        ),
        ("The council ended the use of “inmates as unpaid cooks” in 2020.", "incarceration/inmate"),
        # people who did something "meant by" them, and a label used without quotes
        ("The mural was meant by the “junkies” as a gift to the street.", "drug-use/junkie"),
        ("Whoever robs a pharmacy ought to be called a junkie, he said.", "drug-use/junkie"),
        # a person near a thing says it of people
        ('The man by the sign says "junkies" broke in.', "drug-use/junkie"),
        ("A volunteer carrying the banner said “junkies” had left.", "drug-use/junkie"),
        # "labels" as a noun after an article: its "as" means "while"
        ("Staff tore down the labels as “inmates” lined up for lunch.", "incarceration/inmate"),
    ],
)
def test_people_used_or_doing_things_stay_reported(text: str, rule: str) -> None:
    assert rule in rules(text)


def test_such_people_as_is_still_use() -> None:
    assert "sex-work/john" in rules(
        'Police arrested such men as the "johns" who circled the block.'
    )


@pytest.mark.parametrize(
    "text",
    [
        # a singular noun for a person, quoted alone where its use would need an article
        "Half the parents in the group flinch at “junkie.”",
        "“Crackhead” reduces a whole person to one ugly word.",
        "The clerk kept typing 'inmate' into the search box.",
        'The forms ask about "convict", "felon" and "offender".',
        "Should a newsroom print “illegal alien” in a headline at all?",
        "Advocates say “felon” stigmatizes people for life.",
        "He knew the word well, because “junkie” erases the person.",
    ],
)
def test_a_person_noun_quoted_without_an_article_is_a_word(text: str) -> None:
    assert_mention(text)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # an article, a number, a possessive or a modifier before the quote: a person
        ("Deputies stopped a “john” near the depot.", "sex-work/john"),
        ("Deputies stopped one “john” near the depot.", "sex-work/john"),
        ("Staff found the shelter's “junkie” asleep by the door.", "drug-use/junkie"),
        ("Staff met a recovering “junkie” at the door.", "drug-use/junkie"),
        # a quoted noun before a noun it modifies, and a plural, need no article
        ('"Inmate" labor built the county road.', "incarceration/inmate"),
        ("Officers detained “johns” near the motel.", "sex-work/john"),
        # a headline drops its articles; so does a report of what someone did
        ('Cops nab "hooker" outside casino', "sex-work/hooker"),
        ('Court releases "prostitute" jailed for a month', "sex-work/prostitute"),
        ("Tenants say “addict” was asleep on the landing.", "drug-use/addict"),
        ("The hostel locked out “addict” at midnight.", "drug-use/addict"),
        ('Tenants say "junkie" sounds ill again tonight.', "drug-use/junkie"),
        ('In Dublin a "junkie" robbed the corner shop twice.', "drug-use/junkie"),
        ('Three men identified as "johns" were fined on Monday.', "sex-work/john"),
        ('Kids are scared of "junkie", the man in flat 4B.', "drug-use/junkie"),
        ("Shout out to “junkie” who fixed my transmission for free.", "drug-use/junkie"),
        ('Officers kept the money that "john" had dropped by the door.', "sex-work/john"),
    ],
)
def test_a_quoted_person_noun_with_its_article_or_as_a_modifier_is_used(
    text: str, rule: str
) -> None:
    assert rule in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        # a word noun the quoted term stands beside, a sorting into kinds, a meaning denied
        "Most reporters still reach for an older phrase, “illegal alien.”",
        "The old intake form sorted clients into “addicts” and everyone else.",
        "In our guide the word does not mean “junkies”, whatever the comments say.",
    ],
)
def test_a_word_noun_before_a_comma_a_sorting_or_a_meaning_names_a_word(text: str) -> None:
    assert_mention(text)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ('The plea terms mean "johns" pay a small fine.', "sex-work/john"),
        ('The church group met "junkies" under the bridge.', "drug-use/junkie"),
        ('The word on the block today, "addicts" are back.', "drug-use/addict"),
        ('In her third term, "johns" were the mayor\'s main target.', "sex-work/john"),
    ],
)
def test_contract_terms_a_group_and_news_name_no_word(text: str, rule: str) -> None:
    assert rule in rules(text)


def test_word_as_news_sets_no_word_beside_a_quoted_term() -> None:
    assert "drug-use/junkie" in rules(
        "The word spread fast through the camp, “junkies” were moving in."
    )


@pytest.mark.parametrize(
    "text",
    [
        # a label put on people, in quotes
        "When people are labeled a “junkie” or an “addict”, they stop asking for help.",
        "Too many of our guests are labelled as “junkies” on the county's forms.",
    ],
)
def test_a_quoted_label_put_on_people_is_a_word(text: str) -> None:
    assert_mention(text)


def test_an_unquoted_label_put_on_people_is_still_used() -> None:
    assert "immigration/illegal-alien" in rules(
        "Two suspects identified as illegal aliens were detained."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Calling someone a junkie strips away everything else about them.",
        "It is never fine to call anybody a tranny.",
        "Addict is an accurate clinical term, the commenter argued.",
        "Junkie is one of those terms people throw around without thinking.",
        "Addict is not the only street slang word people use loosely.",
        "He says he is used to being called a junkie by the bus drivers.",
        "Being called a hooker at school made her leave at fifteen.",
        "Many of them object to being called addicts at the clinic.",
        "Despite getting called a junkie for years, he kept coming back.",
    ],
)
def test_name_calling_itself_and_a_word_said_to_be_a_term_are_mentions(text: str) -> None:
    assert rules(text) == []


def test_calling_one_person_a_name_and_long_sentences_still_report() -> None:
    assert rules("She kept calling him a junkie in front of the kids.") == ["drug-use/junkie"]
    assert rules("We watched a man being called a junkie by the guard.") == ["drug-use/junkie"]
    assert rules("After being called, the inmates lined up.") == ["incarceration/inmate"]
    assert rules("Pills did not make him an “addict”; the heroin later did.") == ["drug-use/addict"]
    assert rules("Felons are often given harsh prison terms.") == ["incarceration/felon"]
    assert rules("Felons were often handed terms of ten years.") == ["incarceration/felon"]
    assert rules("“Inmates” served a long term at the farm.") == ["incarceration/inmate"]
    assert rules("Inmates are still being handed terms of ten years.") == ["incarceration/inmate"]


@pytest.mark.parametrize(
    "text",
    [
        # a part of speech, or a role in a sentence
        "In that headline “drug addicts” works as a noun, which is the problem.",
        "Here “illegal aliens” is both the subject and the object of the verb.",
        # a judgment of its grammar
        "Strictly, ‘transgendered’ is perfectly grammatical, the columnist argued.",
        # two words at the ends of a range
        "Names for them run from “undocumented workers” to “illegals” in the press.",
        # the word to avoid, set in brackets after the one to use
        "Every page now prints “people living with HIV” (not “HIV-infected people”).",
        # a word used in speaking of something, and one struck from a body's texts
        "The old campaign would use “illegal aliens” when discussing the border.",
        "The agency dropped “illegal alien” from all USCIS communications.",
        "The county removed “addicts” from all county communications in 2019.",
        # a label given as a title
        "He hated the title “ex-con” that followed him for years.",
        # the words of a joke, and a claim judged as hype
        "On air the host made a crude joke about “junkie moms”.",
        "The scare over “crack babies” was just hype, the doctors wrote.",
        # what people were called then, and a word judged right before it
        "Few firms hired “mentally retarded” workers (as they were called) before the war.",
        "Old files use the deeply offensive “mental retardation”.",
        # one word insisted on in place of another, and a label people are painted with
        "Insisting on “illegals” instead of “migrants” is a political choice.",
        "The ad portrayed a whole group of people as “drug addicts and thieves.”",
        # a word used in speeches
        "Voters wince when the governor uses “illegals” in his speeches.",
        # a word put in another's place
        "Editors still look for a good substitute for “illegal immigrant”.",
    ],
)
def test_a_word_named_by_its_grammar_range_or_use_in_speech_is_a_mention(text: str) -> None:
    assert_mention(text)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # the subject of a report is what it is about, not a role in a sentence
        ("“Junkies” were the subject of a new report.", "drug-use/junkie"),
        # people used to do something, and people removed from a place
        ("The gang used “junkies” to carry the drugs.", "drug-use/junkie"),
        ("Police removed “junkies” from city parks.", "drug-use/junkie"),
        ("The gang used “addicts” to write fake prescriptions.", "drug-use/addict"),
        ("Detectives used “junkies” in the sting at the depot.", "drug-use/junkie"),
        # a range of people, people set against people, a place's name before a comma
        ("The bar served everyone from “junkies” to bankers.", "drug-use/junkie"),
        ("Regulars ranged from “hookers” to “bankers” that year.", "sex-work/hooker"),
        ("Officers now arrest “buyers” (not “prostitutes”) in stings.", "sex-work/prostitute"),
        ("ICE removed “illegal aliens” from Houston, records show.", "immigration/illegal-alien"),
        ("Police arrested “junkies” instead of “dealers” this time.", "drug-use/junkie"),
        # a verb of saying that governs another clause, a role for people, a list of names
        ("The chief said deputies will arrest “buyers” (not “hookers”).", "sex-work/hooker"),
        ("The ring used “junkies” to label and bag the pills.", "drug-use/junkie"),
        (
            "Known by many names, the bar served everyone from “hookers” to “bankers”.",
            "sex-work/hooker",
        ),
        # a verdict on people, and a hedge before a description of people
        ("The offensive “junkies” kept shouting at the door.", "drug-use/junkie"),
        ("Those “junkies” are just problematic neighbours.", "drug-use/junkie"),
        ("He joked about “junkies” sleeping in the stairwell.", "drug-use/junkie"),
        ("Police moved the “junkies” to the Pit, as it was called.", "drug-use/junkie"),
        # the topic of a headline, and a prison sentence
        ("Local “junkies” were the subject of a headline again.", "drug-use/junkie"),
        ("Both “inmates” were the object of the sentence the judge set.", "incarceration/inmate"),
    ],
)
def test_people_in_those_frames_are_still_reported(text: str, rule: str) -> None:
    assert rule in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        # how a thing is commonly named
        "What the tabloids commonly called the “sex change” was a series of operations.",
        "Surgeons disliked what was popularly called the “sex change” in print.",
        # the words of another era, and a category a record lists
        "Her brother was nonverbal (in that era's parlance, “retarded”) and lived at home.",
        "In the language of the day, “inmates” of the asylum ran its farm.",
        "A farmhand listed as an “illegal alien” in the 1931 files won his papers later.",
        # "called" with a time or a place after it still names
        "His chart gave what was called back in 1962 “mental retardation” as the cause.",
        "People once called on the intake form “addicts” are now “clients”.",
    ],
)
def test_common_names_old_parlance_and_listed_categories_are_mentions(text: str) -> None:
    assert_mention(text)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # an appeal is no naming
        ("Neighbours called on the council to move the ‘johns’ off the street.", "sex-work/john"),
        ("Tenants call upon the police to clear the ‘junkies’ from the porch.", "drug-use/junkie"),
        # a summons after "commonly called"
        ("Each night the jailer commonly called the “junkies” out one by one.", "drug-use/junkie"),
        # a phone call, with an adverb that says how often; music recorded by a person
        ("Police often called the ‘johns’ back after the sting.", "sex-work/john"),
        ("Tapes the singer recorded as an “addict” in 1979 were found.", "drug-use/addict"),
    ],
)
def test_appeals_summons_and_recordings_still_report_the_people(text: str, rule: str) -> None:
    assert rule in rules(text)


def test_an_older_name_after_a_newer_one_is_a_mention() -> None:
    text = (
        "The manual says intellectual disability (formerly “learning difficulty” and before"
        " that “mental retardation”) throughout."
    )
    assert "disability/retarded" not in rules(text)
    assert "disability/retarded" in rules("Before that, mental retardation was the label.")


@pytest.mark.parametrize(
    "text",
    [
        # a word someone said, and how, where or when it was said
        "In the old newsreel the narrator says “lunatics.”",
        "Nobody on our ward says “inmates” anymore.",
        "The bus driver yelled “junkie” twice before pulling away.",
        "Our founder kept saying “addicts” when she meant our members.",
        "The caller said “illegals” during the broadcast, and the host cut him off.",
        "What the sheriff actually said was “illegals.”",
        "A fan in row nine screamed “retard” at the goalkeeper.",
        "He muttered “junkies” under his breath at the bus stop.",
        "The pastor said “prostitutes” instead of naming the women.",
        "She still says “addicts,” and we have stopped correcting her.",
        "One comic says “junkie” eleven times in a single set.",
        # a label put on people in a record
        "Intake staff flagged him as an “addict” after one test.",
        "The county registered its lodgers as “vagrants” until 1950.",
        "Old ledgers logged the women as “prostitutes” whether or not a charge followed.",
        "The clinic charted him as an “addict” and sent him home.",
        "The 1930 survey identified the men as “vagrants.”",
    ],
)
def test_a_word_said_or_a_label_recorded_is_a_mention(text: str) -> None:
    assert_mention(text)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # the quoted people do something after the word that says how it was said
        ("The landlord said “junkies” repeatedly broke the lock.", "drug-use/junkie"),
        ("The chief said “addicts” when arrested will get treatment.", "drug-use/addict"),
        (
            "The guard said “inmates” instead of cooks would run the kitchen.",
            "incarceration/inmate",
        ),
        ("The mayor said “junkies”, “dealers” and “thieves” had left the park.", "drug-use/junkie"),
        ("The officer said “hookers” at the motel were underage.", "sex-work/hooker"),
        ("The rancher said “illegals” twice in May broke his fence.", "immigration/illegals"),
        # "as" meaning "while" or "because" after a recording verb, and "identified" saying
        # who someone is
        ("The doorbell camera recorded it all as “junkies” tried the doors.", "drug-use/junkie"),
        (
            "The shop filed a complaint, as “junkies” in the park sleep in its doorway.",
            "drug-use/junkie",
        ),
        # a word that is also a noun, read as the people's verb before its object
        (
            "The manager logged the outage as “junkies” in the lobby use the sockets.",
            "drug-use/junkie",
        ),
        ("Police identified the driver as a “junkie” with two prior arrests.", "drug-use/junkie"),
        (
            "Police identified the driver as a “transgendered” woman from Ohio.",
            "gender-identity/transgendered",
        ),
    ],
)
def test_people_after_a_saying_or_recording_verb_stay_reported(text: str, rule: str) -> None:
    assert rule in rules(text)
