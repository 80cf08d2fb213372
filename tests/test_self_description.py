"""A person naming themselves with a term is not reported; someone else's words about them
are."""

from __future__ import annotations

import pytest

from respectful_lint import lint_text


def rules(text: str) -> list[str]:
    return [f.rule for f in lint_text(text, kind="text")]


@pytest.mark.parametrize(
    "text",
    [
        "I was a hooker for six years before I started the union.",
        "I'm a felon, and I still vote in every election.",
        "As a former inmate, I know what the phone charges cost families.",
        "She describes herself as a retired prostitute.",
        "He calls himself an ex-con in every interview.",
        "We were junkies once, and now we hand out naloxone.",
        "I was once an illegal immigrant, and now I teach civics.",
        "I am an HIV-infected man and I want to be treated with respect.",
        "I said I was a prostitute, and nobody at the clinic flinched.",
        "Some of us identify as whores and say so at every march.",
        # others who name themselves, reported
        "A few of the women in the study described themselves as hookers.",
        "Many who sell sex online refer to themselves as whores.",
        # police elsewhere in the sentence do not make the speakers decoys
        "Once the police had gone, a few of the women described themselves as whores.",
        # the speaker, with "myself" after the term
        "Having been a junkie myself, I know what a cold shelter means.",
        # a decoy as the object of an earlier verb is no subject of "described herself"
        "She met an undercover officer and described herself as a hooker.",
        # a person's own account, reported
        "She says she was a hooker for a decade before she went back to school.",
        "He told reporters he had been a heroin addict since he was nineteen.",
        "When the deputies came, he says he's a felon and asks for a lawyer.",
        "I was a drug addict, and now I run the needle exchange.",
        # the last item of a list of what the speaker is
        "I was a mother, a wife and an addict, all at the same time.",
        # direct speech: the "I" is the speaker's own, whoever "said"
        'She told the court: "I was a hooker for ten years."',
        "They say they've been addicts since school, and still are.",
        "I am a mother of two and a recovering addict.",
        # a middle item of the list, an appositive, a question to oneself
        "I was a former junkie, a former inmate, and a student, all in one year.",
        "I, a former street prostitute from Leeds, have spoken at every hearing.",
        "We, the felons of this county, vote in every election now.",
        "Am I an addict if I need a drink every evening?",
        "Were we junkies, or just kids with nowhere to go?",
        # plural: "as" and "we", and "we" or "us" before the term
        "As drug users, we know what our neighbourhood needs.",
        "We drug users are sick of being blamed for the budget.",
        # "us" before a plural, or before a modifier of a person noun after a preposition;
        # a plural's verb after the term
        "The new ramps were built for us wheelchair-bound folks at last.",
        "Nobody at the hearing listened for long to people like us junkies.",
        "We inmates need jobs when we get out, not lectures.",
        "Being transgendered myself, I have always liked her.",
        "I'm an FtM transgendered guy from Leeds, ask me anything.",
        "Each spring the union writes to our fellow drug users about the new law.",
        # "as" after a first-person verb of time spent
        "I worked as a hooker in Leeds for six years before the union hired me.",
        "I spent nine years in Soho as a prostitute.",
        "We started out as junkies on the same corner.",
        "I began working as a prostitute the summer after college.",
        "We're living out our twenties as junkies, and nobody asks us how we are.",
        # a word the speaker turns down for themselves is still said of themselves
        "We are not junkies, we are your neighbours.",
        "I'm not an inmate any more; I'm a student with a record.",
        "I was never a hooker, whatever the papers printed.",
        "I am no prostitute, and I never was one.",
        "I wasn't a junkie, whatever the school thought.",
        "I've never been a hooker, and I never will be.",
        "I don't know if I'm an addict, but I drink every night.",
        "I am not some junkie from the car park, I said to the nurse.",
        "By the time I married I was no longer an addict.",
        "She has always openly identified as a recovering addict.",
        "The intake form asks whether you identify as a former inmate.",
        "I wanted to know if I was an addict, so I went to a meeting.",
        "I'm not sure if I'm an addict or just very tired.",
        "My therapist helped me to find out if I was an addict.",
        "I was wondering if I was an addict, so I went to a meeting.",
        "Some part of me wanted to know if I was an addict.",
        "He told a reporter last year he's a felon and proud of his degree.",
        "They ran a background check, and if I'm a felon on paper, so be it.",
        "I wasn't some junkie off the street.",
        "I haven't been an addict for eleven years.",
        "We both identified as addicts at the first meeting.",
        "“I was never a child prostitute,” she wrote to the board.",
        # identifying as something, now or in a survey
        "Three of the people we met identify as whores, and say so at every march.",
        "Of those asked, 2 identified as hermaphrodites and 4 as intersex.",
        "Many who identified as drug users had lost a friend that year.",
        # "if" that sets a condition reports nobody's words
        "If you don't identify as a hooker, please let others speak first.",
        # the speaker's own words after "say," or "said,"
        "He finally said, 'Fine, I'm a junkie, and I need help.'",
        # a first-time offender's own account
        "As I told the board, I'm a first-time offender and served my sentence.",
        "We ended up working as hookers near the old docks.",
        # a participle clause whose subject is the speaker
        "Being a former junkie, I know how long the first week feels.",
        "Having been an inmate, we know what the phone charges cost.",
        "Being a former junkie myself, I know the first week.",
        "But being a hooker, I learned to read people fast.",
        "I went on to work as a prostitute for a decade.",
        "At nineteen I got work as a hooker.",
        "I kept working as a prostitute until my daughter was born.",
        "I had worked as a hooker in town before I trained as a nurse.",
        "Before I trained as an estate agent, I worked as a prostitute in Leeds.",
        # time spent inside as something, with up to five words of modifiers
        "When I was first jailed as a first-time, non-violent, teenage offender, I was scared.",
        "I was released as a convicted felon with thirty dollars and a bus ticket.",
        "I was arrested as a young junkie in 1991 and sober by 1995.",
        "I got arrested as a teenage junkie in 1989 and again in 1992.",
        "I was released as a felon who had served ten years, and nobody would hire me.",
        "I was released as a felon because I had served every day of my sentence.",
        "She calls herself a working prostitute and a union organiser.",
        "Having been a hooker, I say sex work is work.",
        # speaking as one, and the speaker's own "call me"
        "Speaking as a former inmate, I know what the phone charges cost.",
        "Call me a hooker if you like; I have been one for twenty years.",
        # pride in one's own word
        "Some people flinch, but I'm proud to be a former junkie.",
        "We are proud to be junkies who keep each other alive.",
        # two words joined by a slash for one thing
        "Of course I am an addict/alcoholic, and I go to meetings.",
        # the second of two plurals after the speakers' frame
        "We were alcoholics or junkies, and now we run the night shelter.",
        "We are cooks and ex-cons, and we run the kitchen.",
        # a stretch of the speaker's own life spent as one
        "This blog is about my life as a hooker on the east side.",
        "In my six years as an addict, I lost every friend but one.",
        "Our lives as prostitutes were nobody's business but ours.",
        "My whole adult life as a junkie was spent on two streets.",
        "I'm simply an addict who found a meeting that works.",
        "Before I came to the States I was a prostitute in Manila.",
        # a participle before what the speaker does for a living
        "I am a transgendered novelist, and my books sell well.",
        "I am a transgendered poet.",
        # "like me": the speaker is one
        "No landlord wants an addict like me in the flat upstairs.",
        "Junkies like us never get a second chance in this town.",
        "For an addict like myself, every pharmacy visit is a test.",
        "As an HIV-infected nurse, I know the fear my patients feel.",
        # "the … that I am": the speaker is the term
        "Being the incurable junkie that I am, I bought all three pressings.",
        "Like the recovering addict I was, I counted every day.",
        # the copula may end a line or a paragraph
        "Being the stubborn addict that I am\n\nI relapsed twice that spring.",
        # a second noun sharing the first one's article
        "I was an addict and inmate for most of that decade.",
        "For most of my twenties I was a junkie or alcoholic, depending on the week.",
        "For six years I was a welder and inmate at the county farm.",
    ],
)
def test_a_person_naming_themselves_is_not_reported(text: str) -> None:
    assert rules(text) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # someone else: a possessive, another subject, another speaker, a denial
        ("I am a prostitute's son and proud of my mother.", "sex-work/prostitute"),
        ("I was a volunteer helping prostitutes at the drop-in.", "sex-work/prostitute"),
        ("As an addict, he was turned away from the clinic.", "drug-use/addict"),
        ("He found himself a hooker in the city.", "sex-work/hooker"),
        ("The guard said I was a convict and nothing more.", "incarceration/convict"),
        ("They treated us like we were junkies.", "drug-use/junkie"),
        ("The nurse kept saying I was an addict.", "drug-use/addict"),
        ("The judge said in open court that I was a felon.", "incarceration/felon"),
        ("In their eyes I was an inmate, nothing more.", "incarceration/inmate"),
        ("They made me feel like I was a junkie.", "drug-use/junkie"),
        ("He says she was a prostitute.", "sex-work/prostitute"),  # his words about her
        # someone else names them: a passive, or a term that describes something else
        ("Two suspects identified as illegal aliens were detained.", "immigration/illegal-alien"),
        ("A woman identified as a prostitute by the clerk was fined.", "sex-work/prostitute"),
        (
            "Two identified as illegal aliens were handed to the agency.",
            "immigration/illegal-alien",
        ),
        (
            "The statute identifies as felons all persons with two convictions.",
            "incarceration/felon",
        ),
        # someone else's question about the speaker, or a phrase set off before "that"
        ("The officer asked if I was a prostitute.", "sex-work/prostitute"),
        ("The nurse asked me whether I was a junkie.", "drug-use/junkie"),
        ("My neighbours believed, for years, that I was a junkie.", "drug-use/junkie"),
        # "a child" and a plural are two phrases
        ("When I was a child junkies slept in our stairwell.", "drug-use/junkie"),
        ("When I was a kid junkies slept in our stairwell.", "drug-use/junkie"),
        (
            "Customs officers demanded to know if I was an illegal alien.",
            "immigration/illegal-alien",
        ),
        ("The nurse asked my mother whether I was a junkie.", "drug-use/junkie"),
        ("My mother wanted to know if I was a junkie.", "drug-use/junkie"),
        ("When I was sixteen my mother wanted to know if I was a junkie.", "drug-use/junkie"),
        (
            "The officer asked my name and whether I was an illegal alien.",
            "immigration/illegal-alien",
        ),
        ("The cop who stopped me wanted to know if I was a hooker.", "sex-work/hooker"),
        ("I was told I was an addict.", "drug-use/addict"),
        ("He said his wife thinks he's a junkie.", "drug-use/junkie"),
        (
            "Police detained five people, all identified as illegal aliens.",
            "immigration/illegal-alien",
        ),
        ("The men were identified as felons at the hearing.", "incarceration/felon"),
        # another's account of someone turning the word down is still theirs
        ("She says she was not a prostitute.", "sex-work/prostitute"),
        ("She was not a prostitute, the court found.", "sex-work/prostitute"),
        # "if" that sets a condition reports nobody's words; "as if" compares
        ("He acted as if I was a junkie.", "drug-use/junkie"),
        ("I am a drug abuse counselor at the clinic.", "drug-use/drug-abuse"),
        ("I was an inmate advocate for years.", "incarceration/inmate"),
        # no list: a friend to someone else
        ("I was a friend to a prostitute for years.", "sex-work/prostitute"),
        ("I met a pimp and a prostitute at the bus stop.", "sex-work/prostitute"),
        ("She was a prostitute, the police said.", "sex-work/prostitute"),
        # a comma ends the speaker's phrase when no list goes on from the match
        ("I was a nurse, a junkie stole my bag.", "drug-use/junkie"),
        ("I was a volunteer, a prostitute and a pimp came in.", "sex-work/prostitute"),
        ("Am I the only one who sees a junkie there?", "drug-use/junkie"),
        ("US junkies were blamed for the overdose crisis.", "drug-use/junkie"),  # a country
        ("As junkies filled the park, we closed the toilets.", "drug-use/junkie"),  # "while"
        ("She worked as a hooker in Leeds for six years.", "sex-work/hooker"),
        ("The police said I worked as a prostitute.", "sex-work/prostitute"),
        ("The judge said I was sentenced as a dangerous offender.", "incarceration/offender"),
        ("Every girl I had locked up as prostitutes got out.", "sex-work/prostitute"),
        # "as" after an object, "the same day as", and "as" (while) with its own clause
        ("In 2012 I sentenced him as a repeat felon.", "incarceration/felon"),
        ("I was released the same week as a convicted felon from Tulsa.", "incarceration/felon"),
        ("I was released as a man the guards called a junkie was led in.", "drug-use/junkie"),
        ("I locked the gate as a junkie ran past the shop.", "drug-use/junkie"),
        ("I was jailed as a crackhead yelled in the next cell.", "drug-use/junkie"),
        ("I was detained as a junkie from the next block ran past the van.", "drug-use/junkie"),
        (
            "I was booked as a junkie from the flat upstairs at the station started shouting.",
            "drug-use/junkie",
        ),
        (
            "I was jailed as a junkie who lived next door started a fire in the cell.",
            "drug-use/junkie",
        ),
        ("I worked with prostitutes for a decade.", "sex-work/prostitute"),
        ("They call me a junkie at the clinic.", "drug-use/junkie"),  # others' word
        ("I earned as much as prostitutes do in a night.", "sex-work/prostitute"),  # comparison
        ("The officer began working as a decoy prostitute in May.", "sex-work/prostitute"),
        ("They claimed I began working as a prostitute at sixteen.", "sex-work/prostitute"),
        ("Being a junkie, her son was never left alone with the car.", "drug-use/junkie"),
        ("Being a junkie is no crime, I told the court.", "drug-use/junkie"),
        # the main clause has another subject, or the speaker reports what they were told
        ("Being an addict, she said I could never get it.", "drug-use/addict"),
        ("Having been a prostitute, he thinks we ought to listen.", "sex-work/prostitute"),
        ("Being a felon, I was warned, bars you from the jury.", "incarceration/felon"),
        ("Being a felon, I would say, ought not to end your career.", "incarceration/felon"),
        ("Two women I had out working as prostitutes gave me half.", "sex-work/prostitute"),
        ("Undercover that night, I was working as a john out of a motel.", "sex-work/john"),
        # officers posing give a cover, not their own word
        ("Undercover officers described themselves as johns on the phone.", "sex-work/john"),
        ("A decoy officer described himself as a john over the phone.", "sex-work/john"),
        ("I chased a junkie myself out of the stairwell.", "drug-use/junkie"),
        ("I was once robbed by a junkie myself.", "drug-use/junkie"),
        # others' word for the speakers, a verb after "us", and the country
        ("For years the papers would call us junkies and thieves.", "drug-use/junkie"),
        ("Waiting lists for US addicts grew again this year.", "drug-use/addict"),
        ("Your gift helps us free more women from brothels.", "rescue/free"),
        # after a verb, "us" and the term may be two objects, or "us" the object of speech
        ("Every week the county sends us felons with no bus fare.", "incarceration/felon"),
        ("The landlord warned us illegals were living in the basement.", "immigration/illegals"),
        ("The jail releases to us inmates with no ID and no bus fare.", "incarceration/inmate"),
        ("Like us, convicted felons lose the vote in this state.", "incarceration/felon"),
        ("He attacked a fellow inmate in the yard.", "incarceration/inmate"),
        ("I'm proud to be a friend to every junkie in this town.", "drug-use/junkie"),
        # two plurals after someone else's frame, or after a verb of the speakers'; a new
        # clause after a comma, a plural with a verb of its own, and an adjective before "and"
        ("They were alcoholics or junkies, the report said.", "drug-use/junkie"),
        ("We met doctors and addicts at the clinic.", "drug-use/addict"),
        ("We were treating users or addicts that winter.", "drug-use/addict"),
        ("We are medics, and addicts knock on the door each night.", "drug-use/addict"),
        ("We are hosts and addicts are the guests tonight.", "drug-use/addict"),
        ("We were anxious and inmates noticed it.", "incarceration/inmate"),
        # another's life as one, or a time spent with them
        ("My brother's life as an addict ended in a hostel.", "drug-use/addict"),
        ("My time with them as prostitutes taught me a great deal.", "sex-work/prostitute"),
        ("He wrote a book about his years as a junkie.", "drug-use/junkie"),
        # another's finding about the speaker
        ("The magistrate concluded I was merely a junkie.", "drug-use/junkie"),
        ("The discharge note stated I was basically an addict.", "drug-use/addict"),
        # a participle before a noun that is no person, and "that I am" with a verb or
        # a word that takes an object after it
        ("I was a transgendered rights organiser in Leeds.", "gender-identity/transgendered"),
        ("I work as an HIV-infected client liaison at the clinic.", "hiv/hiv-infected"),
        ("The addict that I am treating is stable this week.", "drug-use/addict"),
        ("The junkie that I was with overdosed in the car.", "drug-use/junkie"),
        ("We told the junkies that we were nurses, not police.", "drug-use/junkie"),
        ("The junkie, I was told, had left town by Friday.", "drug-use/junkie"),
        # "like" as a verb
        ("Most addicts like me well enough, the pharmacist said.", "drug-use/addict"),
        ("The older junkies like us to knock before we come in.", "drug-use/junkie"),
        ("Would the inmate like me to post the letter today?", "incarceration/inmate"),
        ("After midnight the junkies, like us, rarely tire.", "drug-use/junkie"),
        ("That winter the addict, like me, slept in the car.", "drug-use/addict"),
        # "as" meaning "while", after a comma
        ("Over my first winter, as inmates came in, I kept to myself.", "incarceration/inmate"),
        # another's two nouns, one article
        ("The coach said the striker was a junkie or alcoholic.", "drug-use/alcoholic"),
        # the second noun goes on to describe or repeat: not the speaker's own
        ("Back then I was a young teacher and junkie parents rang me nightly.", "drug-use/junkie"),
        ("I was the desk clerk and addict after addict signed in.", "drug-use/addict"),
    ],
)
def test_words_about_someone_else_are_reported(text: str, rule: str) -> None:
    assert rule in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "I have been clean for two years now, and my sponsor says it shows.",
        "I stayed clean through the worst winter of my recovery.",
        "I'm HIV-infected, and I run the peer group on Thursdays.",
    ],
)
def test_a_word_said_of_oneself_without_an_article_is_not_reported(text: str) -> None:
    assert rules(text) == []


def test_a_word_said_of_someone_else_without_an_article_is_reported() -> None:
    assert rules("He has been clean for two years, his sponsor and his meetings say.") == [
        "drug-use/clean"
    ]
