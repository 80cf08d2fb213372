"""Self-description: a person naming themselves with a term is not reported.

People who have sold sex, used drugs or been in prison often name themselves with the old word
("I was a prostitute for ten years", "I'm a felon, and I still deserve a job", "as a former
inmate, I know ..."), and a third person may report it ("she calls herself a hooker"). That is
their word to use: the labelling standard leaves self-identification unflagged, as the
peer-led style guides ask.

A match is a self-description when it heads a noun phrase that is the complement of a
first-person copula ("I am", "I was", "I've been", "we are", "we were", "I'm proud to be"),
of a verb that names oneself ("call myself", "describes herself as", "identifies as",
"self-described"), of "as a ..." followed by "I" or "we", or of a third person's copula in
their own reported account ("she
says she was a", "he told reporters he had been a"), or of the speaker's question ("am I an
addict?"), or of "as" after a first-person verb of time spent ("I worked as a", "I spent nine
years as a", "I started working as a") or of being arrested, jailed or let out ("I was first
jailed as a", "we were released as"; not "as" meaning "while", with a verb of its own after
the term), or of a participle clause whose subject is the speaker ("Being a former addict, I
know ..."). It is one, too, when "the" and the term come before the speaker's own copula
and the copula ends its clause ("the news junkie that I am, …"; not "the addict that I am
treating", "we told the inmates that we were staff"). A speaker who turns the word down ("I'm
not an inmate", "we are not junkies", "I am no prostitute") still speaks of themselves;
another's account of someone doing so is not covered. An item of a list after the frame
counts ("I was a junkie, a thief, and a liar"), and so do a second noun that shares the
first one's article ("I was an addict and inmate") and an appositive to "I" or "we" ("I,
a former prostitute, ..."). Only a few modifiers may stand between the frame and the term,
and they must be adjectives ("a former", "a proud", "an HIV-positive"), so "I was a volunteer
helping prostitutes" is still read as use. A noun after the term is what the person is ("a
drug abuse counselor"), unless it names a person, or the term is a participle and the noun
names someone by what they do ("a transgendered novelist"). A possessive ("I am a
prostitute's son") names someone else, and so do another's words about the speaker ("the
guard said I was a convict", "in their eyes I was an inmate").

Words are the lower-cased words of the normalized view, as guards see them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from .wordsets import word_set as _words

# Modifiers that may stand between the article and the term: what a person says of themselves
_MODIFIERS = _words(
    "former ex recovering recovered reformed retired proud active practising practicing working "
    "full part time independent young old teenage older queer trans ftm mtf nonbinary gay black "
    "brown indigenous single lifelong longtime long all hiv positive convicted homeless street "
    "drug heroin crack meth opioid opiate cocaine pill dope prison first repeat nonviolent non "
    "violent"
)
# Modifiers of a singular term only: "I was a child prostitute", not "when I was a child
# junkies slept in the stairwell"
_CHILD_MODIFIERS = _words("child underage juvenile kid baby")
# Nouns after the match that are the person it describes ("an HIV-infected man")
_PERSONS = _words(
    "man men woman women person people mother mothers father fathers parent parents girl "
    "girls boy boys kid kids teen teens teenager guy lady wife husband son daughter "
    "individual individuals folks folk"
)
# Adverbs between the copula and the article ("I was once a")
_ADVERBS = _words(
    "once still also just only really ever always proudly openly even actually longer simply "
    "merely basically truly"
)
# Words that turn the word down: "I'm not an inmate", "we are not criminals", "I was never a
# junkie", "I am no prostitute". Speakers who refuse a word for themselves are still speaking
# of themselves, so a first-person frame keeps them; another's account of them does not.
_NEGATIONS = _words("not never no")
_ARTICLES = _words("a an")
# Identifying as something: "identifies as a", "two identified as intersex"; the past tense only
# after a subject that does it (see _IDENTIFIERS), as "a man identified as a felon" is passive
_IDENTIFY: tuple[tuple[str, ...], ...] = (
    ("identify", "as"),
    ("identifies", "as"),
    ("identifying", "as"),
    ("identified", "as"),
)
_IDENTIFIERS = _words("i we she he they who one two three four five six seven eight nine ten")
# after "we" or "they" only: "we both identified as", not "five detained, all identified as"
_GROUPED = _words("both all")
# Words right after an "identified as" phrase that make it passive or another's act: a verb
# ("two identified as felons were charged"), an agent ("by police"), an object ("identifies
# as felons all persons who …")
_PASSIVE_AFTER = _words("was were is are had has have will would")
_NOT_IDENTIFYING = _words(
    "by all the any every each those these some persons people two three four five six seven "
    "eight nine ten eleven twelve"
)
# Frames that end right before the article: first person singular
_SINGULAR: tuple[tuple[str, ...], ...] = (
    ("i", "am"),
    ("i'm",),
    ("i", "was"),
    ("i've", "been"),
    ("i", "have", "been"),
    ("i", "had", "been"),
    ("i'd", "been"),
    ("i", "used", "to", "be"),
    ("i", "became"),
    ("i", "wasn't"),
    ("i", "haven't", "been"),
    ("i", "hadn't", "been"),
    ("i", "ain't"),
    ("i'm", "proud", "to", "be"),  # "I'm proud to be an ex-con": pride in one's own word
    ("i", "am", "proud", "to", "be"),
    *_IDENTIFY,
    ("am", "i"),  # asking oneself: "Am I an addict if I drink every day?"
    ("call", "me"),  # "Call me a hooker if you like": at a sentence's start (see below)
    ("was", "i"),
)
# Frames before a plural with no article: first person plural
_PLURAL: tuple[tuple[str, ...], ...] = (
    ("we", "are"),
    ("we're",),
    ("we", "were"),
    ("we've", "been"),
    ("we", "have", "been"),
    ("we", "had", "been"),
    ("we", "weren't"),
    ("we", "aren't"),
    ("we", "haven't", "been"),
    ("we're", "proud", "to", "be"),
    ("we", "are", "proud", "to", "be"),
    *_IDENTIFY,
    ("are", "we"),
    ("were", "we"),
    ("we",),  # "we drug users are sick of being blamed"
    # after a preposition: "for us wheelchair users", "people like us addicts" (the caller
    # passes "US", the country, as "u.s.")
    ("us",),
)
# the prepositions before "us" in that frame ("to us" may be an indirect object: "the jail
# releases to us inmates with no ID")
_US_AFTER = _words("for like of with among about against from by between at on without")
# Frames right before a word said of oneself with no article ("I have been clean"): the
# first seven frames above ("I am", "I'm", "I was", "I've/have/had/I'd been"), which must
# stay first there, and "stayed"
_SINGULAR_BARE: tuple[tuple[str, ...], ...] = (*_SINGULAR[:7], ("i", "stayed"), *_IDENTIFY)
_REFLEXIVES = _words("myself himself herself themselves ourselves yourself")
_BEEN = _words("was am were been are being")
# Verbs that name oneself with a reflexive: "calls herself", "describe myself as"
_NAMING_SELF = ("call", "describ", "consider", "refer", "see", "saw", "identif")
_SELF_PREFIXES = (
    ("self", "described"),
    ("self", "identified"),
    ("self", "identifying"),
    ("our", "fellow"),  # "our fellow drug users": a group speaking of its own
)
_FIRST_PERSON = _words("i i'm i've i'd we we're we've we'd")
# Who poses as someone else, and posing: what they call themselves is a cover
_POSING = _words(
    "undercover detective detectives deputy deputies officer officers police agent agents "
    "decoy decoys posing posed pose pretending pretended sting"
)
# Words that report another's words or beliefs about the speaker ("said I was a", "kept
# saying I was", "to them, I was", "in their eyes I was"), or a comparison ("like I was a",
# "as if we were"): the speaker does not name themselves there
_SAID = _words(
    "said says say saying told tells telling thought think thinks thinking believed believe "
    "believes assumed assume assumes claimed claim claims claiming decided decide decides "
    "wrote writes insisted insist insists called call calls calling treated treat treats "
    "acted act acts figured figure suspected implied implies whispered yelled shouted "
    "screamed sure convinced certain accused accuses like if though eyes them "
    "report reported records recorded argued argues concluded concludes suggested suggests "
    "stated deemed considered labelled labeled branded"
)


# What follows "like us" when the plural before it is the subject: "junkies like us never
# get", not "junkies like us to knock first" (the verb "like")
_AFTER_LIKE_US = _words(
    "never always often rarely seldom usually can't cannot won't need deserve know get are "
    "were have should must"
)
# a question or a wish that makes "like" a verb: "would the inmate like me to post it?"
_WISHING = _words("would did does do will can could should might may")


def _like_me(before: list[str], after: list[str], *, plural: bool, comma_after: bool) -> bool:
    """Whether "like me" follows a singular term ("an addict like me") or "like us" a plural
    one that goes on as a subject ("junkies like us never get …"): the speaker is one; not a
    question or a wish ("did the inmate like me?"), nor a comparison set off by a comma ("the
    junkies, like us, never sleep", "the addict, like me, was cold")."""
    if comma_after or any(w in _WISHING for w in before[-3:]):
        return False
    if not plural:
        return after[:2] in (["like", "me"], ["like", "myself"])
    return after[:2] == ["like", "us"] and after[2:3] != [] and after[2] in _AFTER_LIKE_US


def self_described(
    before: list[str],
    after: list[str],
    *,
    possessive: bool,
    is_adjective: Callable[[str], bool],
    next_classes: Callable[[], frozenset[str]] = frozenset,
    verb_follows: Callable[[], bool] = lambda: False,
    commas: Collection[int] = (),
    listing: bool = False,
    comma_after: bool = False,
    aside: bool = False,
    plural: bool = False,
    plural_noun: Callable[[str], bool] = lambda word: False,
    person_after: Callable[[], bool] = lambda: False,
    copula_after: bool = False,
) -> bool:
    """Whether a match, with the words of its sentence ``before`` and ``after`` it, is a
    person's description of themselves (see the module's docs). ``is_adjective`` says whether
    a word between the frame and the match may only be a modifier; ``next_classes`` gives the
    classes of the word after the match: a noun there is what the person is ("a drug abuse
    counselor", "an inmate advocate"), unless it names a person ("an HIV-infected man").
    ``commas`` holds each index ``k`` of ``before`` with a comma between ``before[k - 1]``
    and ``before[k]`` (``len(before)``: a comma right before the match), and ``listing``
    says whether the match's phrase is followed by a comma and another item ("and", "or",
    "a" or "an"); ``comma_after``, whether a comma follows the match; ``aside``, whether an
    "I" after that comma is set off by another ("Being a felon, I would argue, …");
    ``plural``, whether the match is a plural; ``verb_follows``, whether a verb of its own
    follows the match in its clause ("as a junkie screamed": "as" means "while");
    ``plural_noun``, whether a word may be a plural noun ("cooks", not "always" or
    "anxious"); ``person_after``, whether the match is a participle and the word after it
    names a person by what they do ("a transgendered comedian", "an HIV-infected nurse");
    ``copula_after``, whether the speaker's copula follows the match and ends its clause
    ("the news junkie that I am, …")."""
    if possessive:
        return False
    if after[:1] in (["myself"], ["ourselves"]) and _been_before(before):
        return True  # "I was once a junkie myself"
    if _like_me(before, after, plural=plural, comma_after=comma_after):
        return True  # "no landlord wants an addict like me", "junkies like us never …"
    if copula_after and "the" in before[-4:]:
        return True  # "the news junkie that I am, …", "the recovering addict I was."
    if after and after[0] not in _PERSONS and not person_after():
        following = next_classes()
        # a noun the match describes ("a drug abuse counselor"), not a plural's verb ("we
        # inmates need jobs")
        if "noun" in following and not (plural and "verb" in following):
            return False
    i = len(before)
    # "a proud former", "an HIV positive", "mentally" (I am mentally …), "a young, first-time,
    # non-violent" (five words in the view)
    for _ in range(5):
        if i and (
            before[i - 1] in _MODIFIERS
            or (before[i - 1] in _CHILD_MODIFIERS and not plural)
            or is_adjective(before[i - 1])
            or (before[i - 1].endswith("ly") and len(before[i - 1]) > 4)
        ):
            i -= 1
        else:
            break
    if any(tuple(before[max(0, i - 2) : i]) == p for p in _SELF_PREFIXES):
        return True  # "a self-described hooker", "our fellow drug users"
    if i == 2 and before[:2] == ["we", "the"] and 1 in commas:
        return True  # an appositive: "We, the felons of this county, ..."
    article = bool(i) and before[i - 1] in _ARTICLES
    if (
        not article
        and not plural
        and i >= 3
        and before[i - 1] in ("and", "or")
        and _ends_phrase(after, next_classes)
    ):
        # a second noun that shares the first one's article ("I was an addict and inmate")
        k = i - 2
        while k > 0 and i - 2 - k < 2 and before[k - 1] not in _ARTICLES:
            k -= 1
        if k > 0 and before[k - 1] in _ARTICLES:
            i, article = k, True
    if article:
        i -= 1
        if i == 1 and before[0] in ("i", "we") and i in commas:
            return True  # an appositive: "I, a former street prostitute, ..."
        lead = before[:i]
        while lead and lead[0] in _OPENERS:
            lead = lead[1:]  # "But being a junkie, I …", "Honestly, being …"
        if lead in (["being"], ["having", "been"], ["having", "once", "been"]):
            # "Being a former addict, I know ...": the speaker is the main clause's subject
            rest = after[1:] if after[:1] == ["myself"] else after
            return (
                (comma_after or after[:1] == ["myself"])
                and rest[:1] != []
                and rest[0] in _FIRST_PERSON
                and not aside
            )
        if i and before[i - 1] == "as":
            if i >= 2 and before[i - 2] in _REFLEXIVES:
                # "describes herself as a"; not "a decoy officer called himself a"
                return _names_self(before, i - 2) and not _posing(before, i - 2)
            if i == 1 or before[i - 2] in ("and", "but"):
                return any(w in _FIRST_PERSON for w in after[:5])  # "As a former inmate, I"
            if i == 2 and before[0] == "speaking":
                return True  # "Speaking as a former inmate, ..."
            if _worked_as(before, i - 1) or _held_as(before, i - 1, verb_follows):
                return True  # "I worked as a prostitute", "I was jailed as a"
            if _life_as(before, i - 1, commas):
                return True  # "my life as a felon", "in my six years as an addict"
    elif i and before[i - 1] in _REFLEXIVES:
        return _names_self(before, i - 1)  # "calls himself ex-con"
    elif i >= 2 and before[i - 1] == "as" and before[i - 2] in _REFLEXIVES:
        # "some identify themselves as prostitutes"; not officers posing ("undercover deputies
        # identified themselves as johns")
        return _names_self(before, i - 2) and not _posing(before, i - 2)
    elif i and before[i - 1] == "as" and (i == 1 or before[i - 2] in ("and", "but")):
        # "As drug users, we ...", not "As addicts flooded the park, we ..." ("as": while)
        return comma_after and any(w in ("we", "we're", "we've") for w in after[:5])
    elif (
        i
        and before[i - 1] == "as"
        and (
            _worked_as(before, i - 1)
            or _held_as(before, i - 1, verb_follows)
            or _life_as(before, i - 1, commas)
        )
    ):
        return True  # "we worked as hookers", "we were released as felons", "our lives as"
    negated = False
    if not article and i and before[i - 1] == "no":
        article = negated = True  # "I am no prostitute"
        i -= 1
    elif (
        not article
        and i
        and before[i - 1] == "some"
        and any(w in _NEGATIONS or w.endswith("n't") for w in before[max(0, i - 3) : i])
    ):
        article = True  # "I am not some junkie"
        i -= 1
    for _ in range(3):
        if i and before[i - 1] in _ADVERBS:
            i -= 1
        elif i and before[i - 1] in _NEGATIONS:
            i -= 1
            negated = True
    if article and i and before[i - 1] in _REFLEXIVES:
        return _names_self(before, i - 1) and not _posing(before, i - 1)  # "calls himself a"
    if article:
        # "I was a mother, a wife and an addict", "I was a junkie, a thief, and a liar"
        i = _list_start(before, i, commas if listing else ())
    elif plural:
        # "we were junkies or alcoholics"; not "we are medics, and addicts knock", "we were
        # anxious and inmates noticed"
        i = _plural_list_start(before, i, commas, plural_noun, verb_follows)
    head = before[:i]
    if len(head) >= 3 and head[-1] == "been" and head[-2] in _NEGATIONS:
        head = [*head[:-2], "been"]  # "I've never been a"
        negated = True
    # without an article, a plural ("we are addicts") or a word said of oneself ("I have been
    # clean for two years", "I'm HIV-infected")
    for frame in _SINGULAR if article else _PLURAL + _SINGULAR_BARE:
        if tuple(head[-len(frame) :]) == frame:
            at = len(head) - len(frame)
            if frame == ("call", "me") and at:
                continue  # "they call me a junkie": others' word; only the speaker's "Call me"
            if frame == ("us",) and (
                not (
                    at
                    and head[at - 1] in _US_AFTER
                    and (plural or (after[:1] and after[0] in _PERSONS))
                )
                or any(k > at for k in commas)
            ):
                # after a verb "us" may be one object and the term another ("sent us
                # felons", "warned us illegals were …"), or a verb may follow it ("helps us
                # free women"); after a preposition it is the speakers ("for us addicts"),
                # unless a comma sets them apart ("like us, convicted felons lose …")
                continue
            if (
                frame in _IDENTIFY
                and after[:1]
                and (
                    after[0] in _NOT_IDENTIFYING
                    # after "who" the verb is the main clause's: "many who identified as drug
                    # users had lost a friend"
                    or (after[0] in _PASSIVE_AFTER and not (at and head[at - 1] == "who"))
                )
            ):
                continue  # "two identified as felons were charged", "… as felons all persons"
            subject = at - 1
            while (
                subject > 0
                and at - subject <= 3
                and (head[subject].endswith("ly") or head[subject] in _AUXILIARIES)
            ):
                subject -= 1  # "she has always openly identified as"
            if subject > 0 and head[subject] in _GROUPED and head[subject - 1] in ("we", "they"):
                subject -= 1  # "we both identified as"
            if frame[0] == "identified" and not (
                subject >= 0 and (head[subject] in _IDENTIFIERS or head[subject].isdigit())
            ):
                continue  # "a woman identified as a prostitute by police": passive
            if negated and frame[0] not in _FIRST_PERSON and frame[-1] not in _FIRST_PERSON:
                continue  # "not" in a frame with no speaker: "… identify as not a"
            # "the guard said I was a convict": someone else's words about the speaker, not
            # "I said I was a"
            # "the judge said in open court that I was": after "that", further back
            reach = 10 if at and head[at - 1] == "that" else 4
            # (the preposition before "us" is no report: "people like us addicts")
            last = at - 1 if frame == ("us",) else at
            return not any(
                _reports(head, k)
                # "asks whether you identify as": a question about one's own word
                and (head[k] not in ("if", "whether") or frame[0] in _FIRST_PERSON)
                and not _speaker_before(head, k)
                and not _opens_speech(head, k, at, commas)
                for k in range(max(0, at - reach), last)
            )
    return not negated and _own_account(head, article)


def _reports(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` reports another's words or beliefs, or makes a comparison (see
    _SAID): "if" and "though" in "as if" and "as though", and "if" or "whether" after a verb of
    asking whose subject is not the speaker ("the officer asked if I was", "asked me
    whether"); not "if you don't identify as one, listen first" or "I wonder if I'm"."""
    word = words[k]
    if word in ("if", "though", "whether"):
        if k and words[k - 1] == "as":
            return word != "whether"
        if word == "though":
            return False
        # the verb of asking, perhaps with who is asked between ("asked my mother whether"),
        # in the same clause ("ran a background check, and if I'm" asks nothing)
        verb = -1
        for v in range(k - 1, max(-1, k - 9), -1):
            if words[v] in _CLAUSE_WORDS and not (
                v == k - 1 and words[v] == "and" and word == "whether"
            ):
                break  # "asked my name and whether I was" goes on
            if words[v] in _ASKING:
                verb = v
                break
        if verb < 0 or any(w in _FIRST_PERSON for w in words[verb + 1 : k]):
            return False
        if verb and words[verb - 1] == "to":
            return not _speaker_wants(words, verb - 1)
        return not _speaker_before(words, verb)
    return word in _SAID


def _speaker_wants(words: list[str], to: int) -> bool:
    """Whether the speaker is who wants to know, before the "to" at ``to``: "I wanted to
    know if", "part of me needed to find out", "helped me to find out"; not "my mother
    wanted to know if", "the cop who stopped me wanted to know if"."""
    if to >= 1 and words[to - 1] in _ASKED:
        return True  # "helped me to find out"
    if to >= 1 and words[to - 1] in _WANTING:
        subject = to - 2
        while subject >= 0 and to - subject <= 4 and words[subject] in _AUXILIARIES:
            subject -= 1
        if subject >= 0:
            if words[subject] in _FIRST_PERSON:
                return True
            # "part of me wanted to"; another's wish otherwise ("my mother wanted to")
            return words[subject] in _ASKED and subject >= 1 and words[subject - 1] == "of"
    # a purpose ("I went to a meeting to see if"): the speaker of the clause before
    return any(w in _FIRST_PERSON for w in words[max(0, to - 7) : to])


def _speaker_before(words: list[str], k: int) -> bool:
    """Whether the speaker is the subject of the word at ``k``, perhaps after auxiliaries,
    a negation or an adverb ("I said", "I don't know", "I am not sure")."""
    subject = k - 1
    # a copula before a belief or an -ing form: "I am not sure", "I was wondering"; not
    # the passive "I was told"
    own = words[k] in _SURE or words[k].endswith("ing")
    while (
        subject >= 0
        and k - subject <= 3
        and (words[subject] in _AUXILIARIES or (own and words[subject] in _COPULAS))
    ):
        subject -= 1
    return subject >= 0 and words[subject] in _FIRST_PERSON


# Verbs of asking or finding out before "if" or "whether", and who is asked
_ASKING = _words(
    "ask asks asked asking wonder wonders wondered wondering know knew check checks checked "
    "checking see saw find found demand demands demanded question questioned inquire "
    "inquired enquire enquired"
)
_ASKED = _words("me us")
# words that end a clause before "if": the verb of asking must stand in the same one
_CLAUSE_WORDS = _words("and but so or what then because though although")
# beliefs said of oneself after a copula ("I am not sure if")
_SURE = _words("sure convinced certain")
_COPULAS = _words("am was is are were wasn't weren't isn't aren't")
# verbs of wanting before "to" and a verb of asking ("wanted to know if")
_WANTING = _words(
    "want wants wanted wanting need needs needed needing try tries tried trying demand demands "
    "demanded wish wished hope hoped sought seek seeks asked ask asks"
)
_AUXILIARIES = _words(
    "do does did don't doesn't didn't can't cannot couldn't won't wouldn't not never still "
    "really just always often honestly truly even sometimes have has had"
)


def _opens_speech(words: list[str], k: int, frame: int, commas: Collection[int]) -> bool:
    """Whether a comma right after the reporting word at ``k`` opens the speaker's own words
    ('and say, "Look, I'm a junkie!"'): the frame at ``frame`` follows within two words, and
    no "that" stands between ("believed, for years, that I was" reports)."""
    return k + 1 in commas and frame - (k + 1) <= 2 and "that" not in words[k + 1 : frame]


# A third person's account of themselves, reported: "she says she was a", "he told reporters
# he had been an". The same pronoun must be the subject of the telling.
_THIRD = {"she": "she", "he": "he", "they": "they", "she's": "she", "he's": "he",
          "they've": "they"}  # fmt: skip
_THIRD_IS = {"he's": "he", "she's": "she", "they're": "they"}
_BE_SINGULAR = (("was",), ("is",), ("had", "been"), ("has", "been"), ("been",))
_BE_PLURAL = (("were",), ("are",), ("had", "been"), ("have", "been"), ("been",))
_TELLING = _words(
    "say says said tell tells told write writes wrote recall recalls recalled explain explains "
    "explained admit admits admitted describe describes described"
)


def _own_account(head: list[str], article: bool) -> bool:
    """Whether ``head`` ends in "she says she was", "he says he's" or the like before the
    match."""
    if head and head[-1] in _THIRD_IS:
        speaker = _THIRD_IS[head[-1]]  # "he says he's a felon"; not "he said his wife
        # thinks he's a junkie": the telling verb within seven words, no belief between
        told = head[max(0, len(head) - 8) : len(head) - 1]
        return any(
            w in _TELLING
            and k > 0
            and _THIRD.get(told[k - 1]) == speaker
            and not any(x in _SAID for x in told[k + 1 :])
            for k, w in enumerate(told)
        )
    for be in _BE_SINGULAR if article else _BE_PLURAL:
        n = len(be)
        if tuple(head[-n:]) != be or len(head) <= n:
            continue
        who = _THIRD.get(head[-n - 1])  # "she was", "she's been", "they've been"
        if who is None:
            return False
        lead = head[max(0, len(head) - n - 7) : len(head) - n - 1]
        return any(
            w in _TELLING and k > 0 and _THIRD.get(lead[k - 1]) == who for k, w in enumerate(lead)
        )
    return False


def _ends_phrase(after: list[str], next_classes: Callable[[], frozenset[str]]) -> bool:
    """Whether the match ends its noun phrase, with no noun it describes after it ("a young
    teacher and junkie parents rang me"), no person named after it and no "after", "or" or
    "and" going on ("the desk clerk and addict after addict", "a guard and inmate or
    visitor")."""
    if not after:
        return True
    if after[0] in _PERSONS or after[0] in ("after", "or", "and"):
        return False
    return "noun" not in next_classes()


def _list_start(before: list[str], i: int, commas: Collection[int] = ()) -> int:
    """Where a list of noun phrases ending at ``before[:i]`` starts, when the match is an
    item of it after "and" or "or" ("I was a mother, a wife and an addict": the "a" of "a
    mother"), or after a comma at an index in ``commas``; ``i`` when it is no such item.
    Items are up to three words from an article."""
    listed = False
    for _ in range(4):
        j = i
        if j and before[j - 1] in ("and", "or"):
            j -= 1
        elif not listed and j not in commas:
            return i
        k = j
        while k > 0 and j - k < 3 and before[k - 1] not in _ARTICLES:
            k -= 1
        if k == 0 or before[k - 1] not in _ARTICLES or k == j:
            return i
        i, listed = k - 1, True
    return i


def _plural_list_start(
    before: list[str],
    i: int,
    commas: Collection[int],
    plural_noun: Callable[[str], bool],
    verb_follows: Callable[[], bool],
) -> int:
    """Where a pair of bare plurals ending at ``before[:i]`` starts, when the match is the
    second, after "and" or "or" with no comma before it ("we were junkies or alcoholics":
    the index of "junkies"); ``i`` when it is no such item. The first item is one word that
    may be a plural noun, and the match has no verb of its own after it."""
    if i < 2 or before[i - 1] not in ("and", "or") or i - 1 in commas:
        return i
    if not plural_noun(before[i - 2]) or verb_follows():
        return i
    return i - 2


# Verbs of a time spent as something: "I worked as a", "we started out as", "I spent nine
# years as a"
_SPENT_AS = _words(
    "worked work working started start began begin spent spend lived live living earned earn "
    "survived made"
)
# Participles of being arrested, put in prison or let out, after "I was" and right before "as"
# ("I was first jailed as a young offender", "we were released as felons")
_HELD_AS = _words(
    "incarcerated imprisoned jailed released paroled arrested convicted deported sentenced "
    "detained booked"
)


# Verbs and particles that may lead one of time spent: "started working as", "ended up
# working as", "went to work as", "had to work as"
_LEADING = _words(
    "started start began begin ended end up out on went go to continued continue then first "
    "soon got get job a was am were been already also kept keep had have has"
)
# Who poses in a sting ("Undercover that night, I was working as a john"); not "agent" or
# "officer", which a speaker may once have been
_STING = _words("undercover decoy decoys sting posing posed pretending")
# Words that may open a sentence before a participle clause ("But being a junkie, I …")
_OPENERS = _words("but and so honestly well yes now still frankly")
# Words before an "as" that make it the second "as" of a comparison ("as much as")
_COMPARING = _words("much many long well far soon often little few same such")


def _worked_as(before: list[str], at: int) -> bool:
    """Whether the "as" at ``at`` follows a first-person subject and a verb of time spent as
    something, with at most four words between verb and "as" ("I worked as a", "I spent a
    decade in Soho as a", "we started out as"), and nothing that reports another's words."""
    if at and before[at - 1] in _COMPARING:
        return False  # "I earned as much as prostitutes do": a comparison
    for v in range(at - 1, max(-1, at - 6), -1):
        if before[v] == "as":
            return False  # "as much as", "as well as": the second "as" of a comparison
        if before[v] in _SPENT_AS:
            subject = v - 1
            # "I started working as", "I ended up working as", "I went to work as", "I had to
            # work as"; not "every girl I had working as", "the women I kept working as"
            while subject >= 1 and (before[subject] in _ADVERBS or before[subject] in _LEADING):
                subject -= 1
            if subject < 0 or before[subject] not in _FIRST_PERSON:
                return False
            head = before[:subject]
            if head[-1:] and head[-1] in _PERSONS:
                return False  # "the women I kept working as hookers": the speaker's object
            # not another's words, nor a cover in a sting
            return not any(w in _SAID for w in head[-4:]) and not any(w in _STING for w in head)
    return False


def _held_as(before: list[str], at: int, verb_follows: Callable[[], bool]) -> bool:
    """Whether the "as" at ``at`` follows a first-person subject, "was", "were", "been" or
    "got" and, right before it, a participle of being arrested, put in prison or let out ("I
    was first jailed as a", "we were released as", "I had been locked up as", "I got arrested
    as"); not "as" after an object ("I sentenced him as"), nor "the same day as", nor
    another's words about the speaker, nor an "as" meaning "while", whose clause has a verb of
    its own after the match (``verb_follows``): "I was jailed as a junkie in the next cell
    screamed"."""
    v = at - 1
    if v >= 1 and before[v] == "up" and before[v - 1] == "locked":
        v -= 1
    elif v < 0 or before[v] not in _HELD_AS:
        return False
    k = v - 1
    while k >= 0 and (before[k] in _ADVERBS or before[k] in _WHEN_HELD):
        k -= 1  # "I was first jailed as", "I was finally released as"
    if k < 1 or before[k] not in ("was", "were", "been", "got"):
        return False
    subject = k - 1
    if before[k] == "been":
        while subject >= 1 and before[subject] in ("had", "have", "has"):
            subject -= 1  # "I had been"
    if subject < 0 or before[subject] not in _FIRST_PERSON:
        return False
    return not any(w in _SAID for w in before[max(0, subject - 4) : subject]) and not verb_follows()


# A stretch of one's own life spent as something: "my life as a", "our years as"
_LIFE = _words(
    "life lives years year days time decade decades career experience experiences past youth "
    "childhood journey months"
)
# Words that may stand between "my" and such a stretch ("my whole life", "my ten years")
_LIFE_WORDS = _words(
    "whole entire early later last first own short long brief former previous prior old past "
    "teenage teen adult young few many two three four five six seven eight nine ten eleven "
    "twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty "
    "fifty"
)


def _life_as(before: list[str], at: int, commas: Collection[int]) -> bool:
    """Whether the "as" at ``at`` follows "my" or "our" and a stretch of the speaker's own
    life ("my life as a", "in my six years as an", "our lives as"); not another's ("my son's
    life as an", "my time with them as"), nor an "as" meaning "while" after a comma ("over my
    first winter, as inmates came in"). A verb may follow the match: the stretch is often
    the sentence's subject ("my life as a felon is …")."""
    v = at - 1
    if v < 1 or before[v] not in _LIFE or at in commas:
        return False
    k = v - 1
    while k >= 1 and v - k < 3 and (before[k] in _LIFE_WORDS or before[k].isdigit()):
        k -= 1
    return before[k] in ("my", "our")


# Adverbs of time between "was" and a participle of prison ("I was first jailed")
_WHEN_HELD = _words("first finally eventually later then already again")


def _been_before(before: list[str]) -> bool:
    """Whether ``before`` ends with "was", "been" or the like, then perhaps an adverb, an
    article and a modifier, right before the term ("was once a junkie myself"; not
    "was once mugged by a junkie myself")."""
    i = len(before)
    if i and before[i - 1] in _MODIFIERS:
        i -= 1
    if i and before[i - 1] in _ARTICLES:
        i -= 1
    while i and before[i - 1] in _ADVERBS:
        i -= 1
    return bool(i) and before[i - 1] in _BEEN


def _posing(before: list[str], reflexive: int) -> bool:
    """Whether the subject of the verb before the reflexive at ``reflexive`` is police or a
    decoy ("undercover deputies identified themselves as"): a cover, not a self-description.
    Police elsewhere in the sentence ("once the officers had left, some women called
    themselves …") do not count."""
    verb = reflexive - 1
    if verb >= 1 and before[verb] == "to":
        verb -= 1  # "refers to herself as"
    for w in reversed(before[max(0, verb - 3) : verb]):
        if w in ("and", "but", "or", "then"):
            return False  # "approached an undercover officer and described herself as"
        if w in _POSING:
            return True
    return False


def _names_self(before: list[str], reflexive: int) -> bool:
    """Whether the reflexive at ``reflexive`` follows a verb that names oneself ("calls
    herself", "refers to himself"), not one that does something ("gave herself as")."""
    at = reflexive - 1
    if at >= 1 and before[at] == "to":
        at -= 1  # "refers to herself as"
    return at >= 0 and before[at].startswith(_NAMING_SELF)
