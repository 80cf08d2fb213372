"""Proper names of organisations, laws, programmes and events around a match.

"The English Collective of Prostitutes", "International Whores Day" or "the Illegal Alien
Removal Act" name something; the words in them are not the writer's to change, and a reader
takes them as a name. A match written with a capital belongs to such a name when the words
around it, each written with a capital (or linked by "of", "for", "the" and the like), include
a word that heads the name of an organisation, a law, a programme, a place of service or an
event ("Collective", "Day", "Act", "Center").

A sentence whose words all start with a capital, or are linked by such words (a headline, a
heading), says nothing about names this way, so a match there is never taken for part of
one.
"""

from __future__ import annotations

from collections.abc import Iterator

from .lazyre import lazy_compile
from .wordclass import classes, listed
from .wordsets import word_set

# words that end (or, with "of", start) the name of an organisation, law, programme, service
# or event
HEADS = frozenset(
    (  # noqa: SIM905 (a list of words reads better as words)
        "Act Acts Agency Alliance Amendment Anonymous Apostolate Association Awards Bill Board "
        "Bureau Campaign Caucus Center Centers Centre Centres Clinic Club Clubs Coalition Code "
        "Collective "
        "Commission Committee Conference Convention Cooperative Council Court Day Department "
        "Directive Facilities Facility Federation Festival Force Forum Foundation Fund Hospital "
        "Initiative Institute League Law Laws Library Ministry Mission Month Movement Museum "
        "Network Office "
        "Ordinance Organisation Organization Panel Partnership Program Programme Project Protocol "
        "Division Journal Commissioner "
        "Services Shelter Society Statute Summit Taskforce Treaty Trust Union Unit Week "
        "Walk Walkathon Sleepout Gala Luncheon Banquet Telethon Radiothon Ball Balls"
    ).split()
)
# what follows a company's name after a comma ("Shoes for the Homeless, Inc.")
_COMPANY = frozenset(("Inc", "Ltd", "LLC", "Corp", "PLC", "CIC", "Co"))
# words before "for" and the words an acronym stands for ("which stands for", "short for")
_EXPANDING = frozenset(("stands", "short"))
# words that head a name only before the match, joined to it ("the School for the
# Handicapped", "Voice of the Retarded"); after it they may be verbs ("Illegals Camp in …")
LEADING_HEADS = frozenset(("School", "Home", "Camp", "Academy", "Voice", "Voices", "Friends"))
# words that head a name only before "of" and the match: a body of people ("Trustees of the
# Poor", "Guardians of the Poor"; elsewhere they are people, "the Governors and …"), and a
# year or a decade named for a cause ("the Year of the Disabled"; not "over the New Year
# Inmates …")
OF_HEADS = frozenset(
    ("Trustees", "Overseers", "Guardians", "Governors", "Commissioners", "Year", "Decade")
)
# links after a match at a sentence's start that may carry on a name ("Felons for Democracy
# Coalition", "Inmates to Scholars Program"); "in", "at" and "on" name where people are
_NAME_LINKS = frozenset(("for", "to", "of", "against"))
# words after which capitalized words are a name ("a group called Mothers of Addicts")
_NAMING = frozenset(("called", "named", "titled", "entitled"))
# words of bands, films and shows, beside which "The" with a capital starts a name (none
# of them a verb: "footage shows The Addicts …" capitalizes for emphasis)
_PERFORMING = word_set(
    "band bands album albums single singles song songs gig gigs tour concert concerts "
    "encore encores film films movie movies episode episodes sitcom novel podcast documentary"
)
# taking in a work or a show ("watching The … on BBC Two", "I finally finished The …")
_WATCHING = word_set(
    "watch watched watching seen saw see read reading reread finished listened listening heard "
    "caught streaming binged"
)
# what a band makes or gives, "by" it ("the new record by The …")
_MADE_BY = _PERFORMING | word_set("record records show shows set sets")
# lower-case nouns before "called" or "named" whose name follows ("a podcast called …")
_NAMED_BY_CALLING = word_set(
    "group groups page pages account forum site website blog channel organisation "
    "organization charity nonprofit company app thread podcast band show series film "
    "movie book novel song album campaign program programme project club team network "
    "ministry initiative collective coalition video videos documentary"
)
# words that may link two capitalized words inside a name
LINKS = frozenset({"of", "for", "the", "and", "or", "on", "against", "in", "to", "with", "&"})
_REACH = 8  # words looked at on each side
_TOKEN = lazy_compile(r"\S+")
_EDGE = "\"'()[]{}<>.,;:!?\u201c\u201d\u2018\u2019\u00ab\u00bb"
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")


def _core(token: str) -> str:
    word = token.strip(_EDGE)
    for ending in _POSSESSIVE:
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    return word


def _capitalized(token: str) -> bool:
    word = _core(token)
    return bool(word) and word[0].isupper()


def _closes(token: str) -> bool:
    """Whether punctuation after the word ends the name ("Day," "Act.")."""
    end = token.rstrip("'\u2019")
    return bool(end) and end[-1] in _EDGE


def _opens(token: str) -> bool:
    """Whether punctuation before the word starts something new ("(Act", "“Day")."""
    return token[0] in _EDGE


def in_proper_name(
    text: str, start: int, end: int, sentence: tuple[int, int], *, headline: bool = False
) -> bool:
    """Whether ``text[start:end]``, one of whose words is written with a capital, is part of
    a proper name (see the module) inside ``sentence`` (its start and end in ``text``). In a
    ``headline``, whose words all start with a capital, only the title of a work is told
    apart ("Film Review: The Prisoner of Zenda")."""
    if not any(word[:1].isupper() for word in text[start:end].split()):
        return False
    lo, hi = sentence
    tokens = list(_TOKEN.finditer(text, lo, hi))
    first = next((i for i, t in enumerate(tokens) if t.end() > start), None)
    if first is None:
        return False
    last = first
    while last + 1 < len(tokens) and tokens[last + 1].start() < end:
        last += 1
    words = [t.group() for t in tokens]
    # to the right
    right = last
    while right + 1 < len(words) and right + 1 - last <= _REACH and not _closes(words[right]):
        nxt = words[right + 1]
        if _opens(nxt):
            break
        if _capitalized(nxt):
            right += 1
        elif (
            nxt in LINKS
            and right + 2 < len(words)
            and _capitalized(words[right + 2])
            and not _opens(words[right + 2])
        ):
            right += 2
        else:
            break
    # to the left
    left = first
    while left > 0 and first - left < _REACH and not _opens(words[left]):
        prev = words[left - 1]
        if _closes(prev):
            break
        if _capitalized(prev):
            left -= 1
        elif (
            prev in LINKS
            and left >= 2
            and _capitalized(words[left - 2])
            and not _closes(words[left - 2])
        ):
            left -= 2
        elif (
            prev == "the"
            and left >= 3
            and words[left - 2] in LINKS
            and _capitalized(words[left - 3])
            and not _closes(words[left - 3])
        ):
            left -= 3  # "the Bureau of the Handicapped", "Coalition for the Homeless"
        else:
            break
    if _care_for(words, first):
        return True  # "nurses from Health Care for the Homeless"; headings too
    if headline:
        return (
            _body_for(words, first)
            or _work_title(words, left, right, first, headline=True)
            or _dated_law(words, first, right)
        )
    if 0 < left < first and words[left] == "The" and _the_starts_a_work(words, left, right):
        return True  # "watching The Inmates on BBC Two"; "fed The Prostitutes" is emphasis
    if _named_after_calling(words, left, right, first, last):
        return True  # "a podcast called Recovering Addict Radio"
    if right + 1 < len(words) and _spelled_out(words, right, first, last):
        return True  # "Helping Individual Prostitutes Survive (HIPS)"
    if left > 0 and _spelled_before(words, left, right, first, last):
        return True  # "HIPS (Helping Individual Prostitutes Survive)"
    company = _core(words[right + 1]) if right + 1 < len(words) else ""
    if right > left and words[right].endswith(",") and company in _COMPANY:
        return True  # "Shoes for the Homeless, Inc."
    if right > left and right + 1 < len(words) and _quoted_name(words, left, right):
        return True  # 'the church's “Lunch for the Homeless” ministry'
    if right + 1 < len(words) and _named_before_noun(words, left, right, first):
        return True  # "the Training for Ex-Offenders program"
    if _work_title(words, left, right, first, headline=False):
        return True  # '“The Last Junkie in Town” by the band', 'the film Illegal Aliens'
    if _verb_led(words, left, first):
        return True  # "the board of Hire the Homeless", "a grant from Feed the Homeless"
    if _of_the_name(words, first):
        return True  # "Dogs of the Homeless runs a clinic", "a grant from Voices of the Homeless"
    if (
        right > left >= 2
        and _core(words[left - 1]) == "for"
        and _core(words[left - 2]) in _EXPANDING
    ):
        return True  # 'SWAP, which stands for "Support for Women After Prostitution"'
    if left == 0 and right == len(words) - 1:
        return False  # every word of the sentence: a headline or a heading
    if first == 0 and right > last and words[last + 1] in LINKS:
        if words[last + 1] not in _NAME_LINKS:
            return False  # "Inmates in Special Housing Unit", "Addicts in Drug Court": places
        # a match capitalized only by the sentence's start, joined to capitals after "for",
        # "to", "of" or "against": a name only if a head word ends it and no unit or noun
        # follows ("Felons for Democracy Coalition meets …"; not "Felons for Life Unit 4 …",
        # "Addicts for Air Force units …")
        after = _core(words[right + 1]) if right + 1 < len(words) else ""
        unit = after.isdigit() or (len(after) == 1 and after.isupper())  # "Facility 4"
        return (
            _core(words[right]) in HEADS
            and not unit
            and not (after.islower() and "noun" in classes(after) and "verb" not in classes(after))
        )
    return any(
        _core(words[i]) in HEADS
        or (i < first and _core(words[i]) in LEADING_HEADS)
        or (i < first and _core(words[i]) in OF_HEADS and words[i + 1] == "of")
        for i in range(left, right + 1)
        if not first <= i <= last
    )


def _care_for(words: list[str], first: int) -> bool:
    """Whether the match, "the Homeless", follows "Health Care for" or "Healthcare for",
    written with capitals (in prose, a heading or a line in capitals): the name of the health
    service for people without homes ("Health Care for the Homeless"). "Care" alone may be a
    verb or any care ("We Care for the Homeless", "show Care for …"); in lower case it is the
    care itself, and other groups after it ("Health Care for Illegal Aliens Costs …") name no
    such service."""
    if first < 2 or first + 1 >= len(words) or _core(words[first - 1]).lower() != "for":
        return False
    if words[first].lower() != "the" or _core(words[first + 1]).lower() != "homeless":
        return False
    care = _core(words[first - 2])
    if not care[:1].isupper():
        return False
    if care.lower() == "healthcare":
        return True
    health = _core(words[first - 3]) if first >= 3 else ""
    return care.lower() == "care" and health[:1].isupper() and health.lower() == "health"


# words that end the name of a body that serves a group ("Foundation for the Mentally
# Handicapped"); not a law, a day or a campaign, which a headline may say is for people
_BODIES = word_set(
    "Foundation Society Association Institute Trust Coalition Alliance Council Center Centre "
    "Home Homes School Schools Hospital Asylum Mission League Federation Partnership Network "
    "Committee Commission Bureau Agency Fund"
)
# nouns that say what kind of service a body gives, before its head word ("Day Centre",
# "Emergency Fund", "Night Shelter"): a description, not a name
_SERVICE_KINDS = word_set(
    "day night emergency crisis community care support resource resources outreach respite "
    "relief welfare housing health family youth winter soup food meal advice drop-in "
    "counselling counseling rescue"
)


def _body_for(words: list[str], first: int) -> bool:
    """Whether the match at ``words[first]`` ends, after "for the" or "of the", the name of a
    body that serves a group, as a headline or a heading may hold it ("Annual Accounts of the
    Eastfield Foundation for the Mentally Handicapped")."""
    at = first  # where "the" stands
    if words[at].lower() != "the":
        if at > 1 and words[at - 1].lower().endswith("ly") and not _closes(words[at - 1]):
            at -= 1  # "the Mentally Handicapped", matched at "Handicapped"
        at -= 1
    if at < 2 or words[at].lower() != "the" or words[at - 1].lower() not in ("for", "of"):
        return False
    body = words[at - 2]
    if _closes(body) or _core(body) not in _BODIES:
        return False
    if at == 2:
        return True  # the body's word starts the line: "Society for the Homeless Meets"
    # a name's own word before it ("Eastfield Society", "Queen Elizabeth Foundation"), not an
    # article, an adjective or a verb ("Depot Becomes A Home For The Homeless", "The Biggest
    # Home For The …") or a word that names a kind of service ("a Drop-In Centre For The …")
    lead = _core(words[at - 3])
    if _closes(words[at - 3]) or lead.lower() in _SERVICE_KINDS:
        return False
    return not listed(lead) or classes(lead) == frozenset({"noun"})


# words that end the name of a law, which a year may follow ("… Act of 2011", "… Act 2015")
_LAWS = frozenset(("Act", "Acts", "Amendment", "Bill", "Law", "Ordinance", "Statute"))


def _dated_law(words: list[str], first: int, right: int) -> bool:
    """Whether the match at ``words[first]`` stands in a law's name that "the" opens and that
    ends at ``words[right]`` in a law's head word and a year, as a law's name does even in a
    headline ("Notes on the Illegal Aliens Removal Act of 1998"); not a headline's own words
    before it ("Inmates Sue Over the Prison Safety Act of 2004")."""
    if _core(words[right]) not in _LAWS or _closes(words[right]):
        return False
    if any(words[i].lower() == "the" for i in range(first + 1, right)):
        return False  # the name starts at a later "the": "Why the Junkies Fear the … Act"
    the = first - 1
    while the >= 0 and words[the].lower() != "the":
        if _closes(words[the]) or words[the].islower():
            return False  # punctuation or a small word before the name's "the"
        the -= 1
    if the < 0:
        return False
    at = right + 1
    if at < len(words) and words[at] == "of":
        at += 1
    year = _core(words[at]) if at < len(words) else ""
    return len(year) == 4 and year.isdigit() and year[:2] in ("18", "19", "20")


# words before a verb that urge or command it, after which a capital is emphasis
_URGING = word_set(
    "to must should shall will can could would may might let's lets please we you us them and or"
)


def _prose(words: list[str], lo: int, hi: int) -> bool:
    """Whether the sentence of ``words`` is prose around a name at ``words[lo:hi + 1]``: of its
    other words of four letters or more, but for the first, more than half are in lower case
    ("with thanks to Clothe the Homeless on Friday"; not "Treat Rather than Punish the …")."""
    long = [
        w
        for i, w in enumerate(map(_core, words))
        if i and not lo <= i <= hi and len(w) >= 4 and w.isalpha()
    ]
    return 2 * sum(w.islower() for w in long) > len(long)


def _of_the_name(words: list[str], first: int) -> bool:
    """Whether a capitalized word, "of" or "for", "the" and the match written with a capital
    name a group in prose ("Dogs of the Homeless runs a clinic"): prose writes "the homeless"
    in lower case, so the capital is a name's."""
    head = first + 1 if words[first] == "the" else first
    if head < 3 or head >= len(words) or words[head - 1] != "the":
        return False
    if words[head - 2] not in ("of", "for") or not _capitalized(words[head - 3]):
        return False
    if _closes(words[head - 3]) or _opens(words[head]):
        return False
    lead = _core(words[head - 3])
    found = classes(lead.lower())
    if "function" in found or not lead.endswith("s") or "noun" not in found:
        # a name's plural noun ("Pets of", "Voices of", "Coats for"); not a quantifier
        # ("Most of the IDUs", "Half of the …"), a verb ("Pray for the …") or a singular
        # ("Care of the …"), before which a capital may be emphasis
        return False
    word = _core(words[head])
    if not word[1:].islower():
        return False  # an acronym has its capitals in any sentence ("the IDUs")
    return _prose(words, head - 3, head)


# words before "to" that send or give something to a group by its name ("proceeds go to
# Feed the Homeless", "thanks to Help the Homeless")
_TOWARD = word_set(
    "go goes give gives gave given giving donate donates donated donating "
    "donation donations send sends sent thank thanks proceeds money funds grant grants belong "
    "belongs referred"
)


def _verb_led(words: list[str], left: int, first: int) -> bool:
    """Whether a verb written with a capital inside a sentence, then "the" and the
    capitalized match, name a campaign or a group ("the board of Hire the Homeless", "a
    grant from Feed the Homeless"): prose gives neither the verb nor the people its
    capital."""
    the = first if words[first] == "the" else first - 1
    if left < 1 or the != left + 1 or words[the] != "the" or _closes(words[left - 1]):
        return False
    if _opens(words[left]):
        return False  # 'The sign read “Feed the Homeless” in red paint': the words of a sign
    lead = words[left - 1].lower()
    toward = lead == "to" and any(
        _core(w).lower() in _TOWARD for w in words[max(0, left - 5) : left - 1]
    )
    if lead in _URGING and not toward:
        return False  # "asked us to Feed the Homeless", "we should Protect the Homeless": emphasis
    verb = _core(words[left])
    if _closes(words[left]) or "verb" not in classes(verb.lower()):
        return False
    # prose around it, not a line of capitals ("Shelter Rather than Punish the Homeless")
    return _prose(words, left, the + 1)


def _the_starts_a_work(words: list[str], left: int, right: int) -> bool:
    """Whether "The" with a capital inside a sentence, at ``words[left]``, starts the name of a
    band, a film or a book that runs to ``words[right]``: a word of such works or of taking
    them in stands near ("as the name suggests The Inmates never played a sober gig",
    "watching The Inmates on BBC Two"), or "by" joins it to a maker or a work ("reading The
    Inmates by Tom Vale", "the new record by The Inmates"). Without such a word the capital
    is emphasis ("Volunteers fed The Prostitutes …")."""
    before = words[left - 1]
    if _closes(before):
        return False
    lead = [_core(w).lower() for w in words[max(0, left - 5) : left]]
    if any(w in _PERFORMING or w in _WATCHING for w in lead):
        return True
    if any(_core(w).lower() in _PERFORMING for w in words[right + 1 : right + 7]):
        return True
    if right + 2 < len(words) and words[right + 1] == "by" and _capitalized(words[right + 2]):
        return True
    return before == "by" and left >= 2 and _core(words[left - 2]).lower() in _MADE_BY


def _named_after_calling(words: list[str], left: int, right: int, first: int, last: int) -> bool:
    """Whether the capitalized words ``words[left:right + 1]``, holding the match at
    ``words[first:last + 1]`` and a word beyond it, are the name given after "called",
    "named" or "titled": after a noun for a named thing not led by "the" or a possessive ("a
    podcast called Recovering Addict Radio"), after a copula ("was titled Inmates and
    Angels"), or with a linking word before the match ("a support group called Families of
    Addicts"). "The mayor called Illegal Aliens Criminals" names nothing."""
    before = words[left - 1] if left else ""
    if _core(before) not in _NAMING or _closes(before) or (left == first and right == last):
        return False
    noun = _core(words[left - 2]).lower() if left >= 2 else ""
    if noun in _NAMED_BY_CALLING and left >= 3 and words[left - 3].lower() not in _OWNING:
        return True
    if noun in ("is", "was", "are", "were"):
        return True
    linked = any(w in LINKS and w not in ("and", "&") for w in words[left : right + 1])
    return left < first and linked


def _quoted_name(words: list[str], left: int, right: int) -> bool:
    """Whether ``words[left:right + 1]``, capitalized words in quotation marks, are the
    name of what the lower-case word after them names ('the “Lunch for the Homeless”
    ministry', 'a “Homeless Hearts” campaign')."""
    if words[left][0] not in _OPENING_QUOTES or words[right].rstrip(",.;:")[-1:] not in _QUOTES:
        return False
    if not all(_capitalized(w) or w in LINKS for w in words[left : right + 1]):
        return False  # '"Illegal aliens" staff the crews'
    named = words[right + 1].rstrip(",.;:!?")
    if named in _VERBAL_THINGS:
        # "the “Crack Addicts” card in the deck"; not 'those "Illegal Aliens" game the system'
        following = words[right + 2].lower() if right + 2 < len(words) else ""
        return named != words[right + 1] or following not in _OWNING | {"a", "an"}
    if named in _GATHERINGS:
        # 'their “Time to Feed the Homeless” gathering'; not 'the “Illegal Aliens” gathering
        # outside' or '“Junkies and Dealers” gathering', people gathering: a title with a
        # linking word in it other than "and"
        return any(w in LINKS and w not in ("and", "&") for w in words[left + 1 : right + 1])
    return named in _NAMED_THINGS


def _named_before_noun(words: list[str], left: int, right: int, first: int) -> bool:
    """Whether the capitalized words ``words[left:right + 1]``, with words of their own
    before the match at ``first`` and a link such as "of" or "for" among them, are the name
    of what the lower-case word after them names ("the Training for Ex-Offenders program");
    "the Illegal Aliens program" names nothing more than its people."""
    named = words[right + 1].rstrip(",.;:!?")
    lead = words[left - 1] if left else ""
    # the name's own determiner or owner before it ("the", "its", "the county's"); not a
    # count or a subject ("Thousands of Illegal Aliens program applicants")
    owned = (left == 0 and words[0] == "The") or (
        lead in _WORK_LEADS or lead.endswith(_POSSESSIVE[:2])
    )
    return (
        owned
        and first > left
        and not _closes(words[right])
        and named[:1].islower()
        and named in _NAMED_THINGS
        and any(w in LINKS and w not in ("and", "&", "the") for w in words[left + 1 : right])
    )


_OPENING_QUOTES = "\"'\u201c\u2018\u00ab"
_QUOTES = "\"'\u201d\u2019\u00bb"
# lower-case nouns for what a quoted name names, none of them a verb ('the "Illegal Aliens"
# run every crew', '… act like they own the place', 'the "AIDS Victims" fund dried up' can
# be read with a verb)
_NAMED_THINGS = frozenset(
    (  # noqa: SIM905 (a list of words reads better as words)
        "ministry ministries program programs programme programmes campaign campaigns event "
        "events dinner lunch breakfast concert fundraiser series initiative outreach project "
        "projects center centre clinic shelter festival conference summit network coalition "
        "foundation society collective award awards exhibit exhibition documentary podcast "
        "column newsletter committee committees club clubs team teams episode episodes "
        "luncheon gala vigil vigils picnic banquet supper potluck service"
    ).split()
)
# nouns for events that are verbs too ("gathering", "drive", "march")
_GATHERINGS = frozenset(("gathering", "gatherings", "drive", "drives", "march", "marches"))
# nouns for named things that are verbs too ('"Illegal Aliens" game the system')
_VERBAL_THINGS = word_set("card cards mod mods game games spell spells quest quests")


# lower-case nouns for works whose title may follow them ("the band Junkie", "the film
# Illegal Aliens") or be said to be one ("Junkie is a four-piece punk band", "Illegal Aliens,
# a 2007 comedy")
_WORKS = frozenset(
    (  # noqa: SIM905 (a list of words reads better as words)
        "album albums band bands book books documentary film films memoir movie movies musical "
        "novel novels podcast poem single song songs sitcom comedy drama thriller western"
    ).split()
)
# what a song comes from, after "from", "off" or "on" ("from the soundtrack")
_SHOWS = frozenset(("soundtrack", "show", "series", "record", "ep", "mixtape", "lp", "episode"))
_DASHES = frozenset(("\u2014", "\u2013", "-", "--"))
# who wrote a work, before "of" and its title ("the author of …")
_AUTHORS = word_set("author authors co-author coauthor editor editors writer")
# what stands before such a noun ("the film", "her debut album")
_WORK_LEADS = word_set("the a an his her their its our my this that")
_OWNING = word_set("the his her their its our my this that")
# lower-case links inside a quoted title ("Letters of the Junkie in Leeds")
_TITLE_LINKS = word_set("of in on with")
# capitalized words for kinds of work before "Review" ("Film Review: …", "… - Book Review")
_REVIEWED = word_set("Film Movie Book Album")
_YEAR = lazy_compile(r"\((?:1[89]|20)\d\d(\)[,.;]?)?\Z")  # "(2007)" after a title, "(2007 film)"
_DASHES = frozenset(("-", "\u2013", "\u2014", "|"))
# words after "is a" that end the search for the noun of a work ("a regular at the band's")
_STOPS = word_set("at by from about of in on for to with who that which and")
# words after "band" that tell of music ("a band based in Leeds", "signed to")
_BAND_AFTER = word_set("based signed fronted")
# words after the noun of a work that end its phrase ("a 1998 comedy by …")
_AFTER_A_WORK = word_set(
    "by about from starring directed written released published formed set shot made first "
    "originally that which"
)


def _work_title(words: list[str], left: int, right: int, first: int, headline: bool) -> bool:
    """Whether the capitalized words ``words[left:right + 1]`` are the title of a book, film,
    song or the like: three or more in quotes before "by" ('“The Last Junkie in Town” by the
    band') or with "of", "in", "on" or "with" among them after a word for a work ('the
    memoir “Letters of the Junkie in Leeds”'), after a noun for a work and its determiner ("the
    film Illegal Aliens") or after "author of" ("the author of Building for the Homeless"),
    before a year in brackets ("Illegal Aliens (2007)", only after a colon or a dash in a
    headline) or a comma and a work ("Illegal Aliens, a 2007 comedy"),
    after "Film Review:" or before a dash and "Film Review", or a name said to be a work at a
    sentence's start ("Junkie is a four-piece punk band")."""
    after = words[right + 1] if right + 1 < len(words) else ""
    before = words[left - 1] if left else ""
    quoted = words[left][0] in _OPENING_QUOTES and words[right].rstrip(",.;:")[-1:] in _QUOTES
    if quoted and right - left >= 2 and after == "by":
        return True
    if (
        quoted
        and right - left >= 2
        and after in ("from", "off", "on")
        and any(_core(w).lower() in _WORKS | _SHOWS for w in words[right + 2 : right + 5])
    ):
        return True  # '“… Never Cry” from the soundtrack', a song of a work
    if quoted and right - left >= 2 and after in _DASHES and right + 3 < len(words):
        # '“Let's Get …” — The Black Eyed Peas': a song and its artist, whose name has two
        # capitalized words or more
        return _capitalized(words[right + 2]) and _capitalized(words[right + 3])
    if (
        quoted
        and not headline
        and right - left >= 2
        and any(w in _TITLE_LINKS for w in words[left + 1 : right])
        and any(_core(w) in _WORKS for w in words[max(0, left - 6) : left])
    ):
        # 'the memoir “Letters of the Junkie in Leeds”': Title Case with a title's links after a
        # word for a work; not a slogan ('the sign read “Feed the Homeless”') nor people in a
        # place ('arrested five “Johns on Aurora Avenue”')
        return True
    if quoted and before.endswith(_POSSESSIVE[:2]) and _capitalized(before):
        return True  # 'Genesis's “Illegal Alien”', a song of a band or a book of a writer
    if not headline and before == "of" and left >= 2 and _core(words[left - 2]) in _AUTHORS:
        return True  # "the author of Building for the Homeless"
    # "a novel …" and "every single …" are adjectives: "the novel Junkie" is a book
    owner = words[left - 2].lower() if left >= 2 else ""
    adjective = _core(before) in ("novel", "single") and owner not in _OWNING
    if (
        _core(before) in _WORKS
        and before.islower()
        and not _closes(before)
        and not adjective
        and (
            any(_core(w).lower() in _WORK_LEADS for w in words[max(0, left - 4) : left - 1])
            or (left >= 2 and words[left - 2].endswith(("'s", "\u2019s")))
        )
    ):
        return True
    year = _YEAR.match(after)
    if year and (year[1] or (right + 2 < len(words) and _core(words[right + 2]) in _WORKS)):
        # "(2007)" or "(2007 film)"; in a headline, or a line of nothing else, a colon or a
        # dash must set the title off ("Felons Released Early (2021)" is a dated headline)
        alone = left == 0 and right + 2 + (not year[1]) >= len(words)
        if headline or alone:
            return bool(before) and (before.endswith(":") or before in _DASHES)
        return True
    if before.endswith(":") and left >= 2 and _core(words[left - 2]) in _REVIEWED:
        return _core(before) == "Review"
    if after in _DASHES and len(words) >= 2 and _core(words[-1]) == "Review":
        return _core(words[-2]) in _REVIEWED
    if words[right].endswith(",") and after in ("a", "an"):
        # the work noun ends the phrase: "Illegal Aliens, a 1998 comedy, …"; not "Inmates, a
        # book club volunteer, …"
        for k in range(right + 2, min(right + 6, len(words))):
            if _core(words[k]) in _WORKS:
                return _closes(words[k]) or (k + 1 < len(words) and words[k + 1] in _AFTER_A_WORK)
        return False
    named_first = left == first == 0 or (left == 0 and first == 1 and words[0] == "The")
    if named_first and after in ("is", "was", "are", "were") and right + 2 < len(words):
        following = [_core(w) for w in words[right + 2 : right + 8]]
        if following[0] in ("a", "an"):
            for k, w in enumerate(following[1:], start=right + 3):
                if w in _WORKS:
                    # a band is a group of people unless what follows tells of music ("a punk
                    # band from Leeds", "a band formed in 1977"; not "a ragged band of men",
                    # "a small band at first", "the band's hotel")
                    if w not in ("band", "bands"):
                        return True
                    nxt = words[k + 1] if k + 1 < len(words) else ""
                    if words[k].endswith(_POSSESSIVE) or nxt == "of":
                        return False
                    # "The Inmates are a band …" names one; "Addicts were a small band at
                    # first" must say more of music
                    return (
                        words[0] == "The"
                        or _closes(words[k])
                        or not nxt
                        or nxt in _AFTER_A_WORK
                        or nxt in _BAND_AFTER
                    )
                if w in _STOPS:
                    break
    return False


def _spelled_out(words: list[str], right: int, first: int, last: int) -> bool:
    """Whether the acronym in brackets after ``words[right]`` spells out the capitalized words
    before it, back to the match at ``first`` or beyond, with a word outside the match among
    them: the name of an organisation or a programme defined in place ("Clean and Sober
    Transitional Living (CSTL)"); not the term's own short form ("Illegal Aliens (IA)").
    Words such as "of" and "the" between them are passed over, or give their letter
    ("People Assisting the Homeless (PATH)")."""
    token = words[right + 1]
    if not token.startswith(("(", "[")):
        return False
    acronym = _acronym(token)
    if not acronym:
        return False
    # a short acronym, or one that takes a small word's letter, may be the term's own words
    # ("HIV Infected Adults (HIA)", "Illegal Aliens in Custody (IAIC)"): a word of the name
    # must stand before the term. A match that opens with "The" is spelled from the word
    # after it ("The Homeless Advocacy Resource Project (HARP)")
    begin = first
    while begin < last and _core(words[begin]).lower() == "the":
        begin += 1
    return any(
        start < first or (start == begin and right > last and len(acronym) >= 4 and not lent)
        for start, lent in _spellings(words, right, acronym)
    )


def _acronym(token: str) -> str:
    """The acronym ``token`` holds, brackets and stops aside (three to ten capital letters),
    or ""."""
    acronym = token.strip(_EDGE)
    return acronym if 3 <= len(acronym) <= 10 and acronym.isalpha() and acronym.isupper() else ""


def _spelled_before(words: list[str], left: int, right: int, first: int, last: int) -> bool:
    """Whether the capitalized words from ``words[left]`` to ``words[right]``, in brackets,
    spell out the acronym right before them, with a word outside the match among them (as
    :func:`_spelled_out` asks): a name given after its short form ("HIPS (Helping Individual
    Prostitutes Survive)")."""
    if not words[left].startswith(("(", "[")):
        return False
    if not words[right].rstrip(",.;:").endswith((")", "]")):
        return False
    acronym = _acronym(words[left - 1])
    if not acronym:
        return False
    return any(
        start == left and (start < first or (right > last and len(acronym) >= 4 and not lent))
        for start, lent in _spellings(words, right, acronym)
    )


def _spellings(words: list[str], right: int, acronym: str) -> Iterator[tuple[int, bool]]:
    """Each way the words ending at ``words[right]`` spell ``acronym`` by their initials: where
    they start, and whether a small word gave a letter. Each capitalized word gives its first
    letter, a word in LINKS its own or none. Each (word, letter, lent) state is tried once,
    so the work stays linear in the words looked at."""
    tried: set[tuple[int, int, bool]] = set()
    stack = [(right, len(acronym) - 1, False)]
    while stack:
        at, i, lent = stack.pop()
        if (at, i, lent) in tried:
            continue
        tried.add((at, i, lent))
        if i < 0:
            yield at + 1, lent
            continue
        if at < 0:
            continue
        word = _core(words[at])
        if word[:1].isupper():
            if word[0] == acronym[i]:
                stack.append((at - 1, i - 1, lent))
        elif word in LINKS:
            stack.append((at - 1, i, lent))  # passed over
            if word[:1].upper() == acronym[i]:
                stack.append((at - 1, i - 1, True))  # gives its letter
