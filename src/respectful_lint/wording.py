"""Wording that fits where a match stands: suggestions, templates, agreement and case.

A match stands in a *slot* of its sentence:

* ``modifier``: before a noun it describes ("HIV-infected mothers");
* ``predicate``: after a copula ("will be wheelchair-bound"); a wording for the ``verb`` slot
  replaces a present-tense copula with it ("is wheelchair-bound" -> "uses a wheelchair");
* ``collective``: an adjective used as a noun for a group ("the mentally ill");
* ``noun``: anywhere else.

A preferred wording may say which slots it fits (``slot`` in the lexicon). A wording for the
modifier slot may take in the noun after the match with ``{noun}`` ("{noun} living with HIV"
turns "HIV-infected mothers" into "mothers living with HIV"), in the singular or the plural as
the noun is. When no wording fits a slot, the rest are offered as ideas, without a fix. An "a"
or "an" just before the match is changed with the wording when the wording needs the other one.

This module is pure: it reads the normalized view of a segment and returns strings and view
offsets. The engine and the fixer share it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from msgspec import Struct

from .errors import PatternTimeout
from .inflect import plural
from .lazyre import lazy_compile
from .model import Inflection, Preferred, Rule, Severity
from .patterns import PATTERN_TIMEOUT, compiled
from .wordclass import classes, listed, next_word_classes
from .wordsets import word_set as _word_set

_WORD = lazy_compile(r"\w+(?:['\u2019]\w+)*")
_HYPHENATED = lazy_compile(r"\w+(?:-\w+)+")
_WORD_RUN = lazy_compile(r"[\w'-]+(?: [\w'-]+){0,3}")


def shares_determiner(norm: str, end: int, stop: int) -> bool:
    """Whether "and" or "or" and an adjective (after an adverb, perhaps) follow a group named
    by "the" and an adjective, so that the two share the determiner: "the homeless and
    hungry", "the disabled and elderly"; not "the homeless and the sick"."""
    if norm.startswith(", ", end):  # "the homeless, hungry and sick": a list
        listed = _run_of_words(norm, end + 2, stop)
        joined = any(w in ("and", "or") for w in listed[1:3])
        words = listed if joined and "adj" in classes(listed[-1]) else []
    else:
        words = _joined_words(norm, end, stop)
    if not words:
        return False
    word = words[0]
    if word.endswith("ly") and len(words) > 1 and "adv" in classes(word):
        word = words[1]
    # an adjective, a participle ("the homeless and addicted") or a compound ("near-homeless")
    return "adj" in classes(word) or word.endswith("ed") or "-" in word


def _shares_modifier(norm: str, noun_end: int, stop: int) -> bool:
    """Whether another bare noun joins the noun after a modifier, so that the modifier
    describes both ("HIV-infected infants and children"); one with its own determiner does not
    ("HIV-infected fathers and their sons")."""
    words = _joined_words(norm, noun_end, stop)
    if not words:
        return False
    found = classes(words[0])
    return "noun" in found and "function" not in found and "adj" not in found


def _joined_words(norm: str, end: int, stop: int) -> list[str]:
    """The words after " and " or " or " right at ``end`` (up to three), or none."""
    words = _run_of_words(norm, end + 1, stop) if norm[end : end + 1] == " " else []
    return words[1:] if words[:1] in (["and"], ["or"]) else []


def _run_of_words(norm: str, start: int, stop: int) -> list[str]:
    """Up to four words from ``start``, each after a single space (punctuation ends them)."""
    run = _WORD_RUN.match(norm, start, stop)
    return run[0].split(" ") if run else []


_COPULAS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "become",
        "becomes",
        "became",
        "remain",
        "remains",
        "remained",
        "seem",
        "seems",
        "seemed",
        "'s",
        "'re",
    ]
)
_PLURAL_COPULAS = frozenset(("are", "were", "'re"))
_QUANTIFIERS = frozenset(
    (  # noqa: SIM905 (a list of words reads better as words)
        "many some most all few none several each both half one two three four five six "
        "seven eight nine ten dozens hundreds thousands millions more fewer majority "
        "minority rest any much"
    ).split()
)
_PRESENT_COPULAS = {"is": False, "are": True, "'s": False, "'re": True, "am": False}
# a pronoun and its copula in one word
_CONTRACTED = _word_set("i'm he's she's it's that's who's we're you're they're")
_COLLECTIVE_DETERMINERS = frozenset(("the", "our", "these", "those"))
_BECOMING = frozenset(("being", "become", "becomes", "became", "becoming"))
# last parts that make a hyphenated word a noun ("thirty-six-year-old", "sign-in", "lock-down")
_NOUN_ENDINGS = frozenset(("old", "olds", "in", "up", "out", "down", "off", "on", "ins", "ups"))


class Slot(Struct, frozen=True):
    """Where a match stands. Offsets are in the normalized view."""

    kind: str = "noun"
    noun: str = ""  # the noun after a modifier, lower-case
    noun_end: int = 0
    plural: bool = False  # the noun or copula asks for a plural wording
    copula_start: int = -1  # where a present-tense copula before a predicate starts
    determiner_start: int = -1  # where "the" before a collective starts ("the mentally ill")
    place: str = ""  # a named place the match belongs to ("Alcatraz inmates", "inmates of X")
    place_start: int = -1  # where the span taken in with the place starts (or -1)
    place_end: int = -1  # where it ends
    # the writer's "in" or "at" before the place, which a wording's "{place}" keeps
    # ("inmates in Alabama": incarcerated in Alabama); "" after "of" or a place before the match
    via: str = ""
    subject: str = ""  # the word before a predicate's copula ("the rules are …": "rules")
    # a relative clause follows the noun after a modifier ("a wheelchair bound pianist who
    # falls …"), which a wording with a clause of its own would double
    clause_after: bool = False
    # the predicate follows "being" or a form of "become" ("Being wheelchair-bound …", "he
    # became wheelchair-bound"), where no -ing wording stands: see fitting
    after_becoming: bool = False
    # a noun that is no verb follows the noun after a modifier ("inmate housing unit"); a
    # plural that can be a verb may be a verb's object ("an inmate set fires"), so "inmate
    # phone rates" is not told from it
    before_noun: bool = False
    # the noun after a modifier is joined to another ("HIV-infected infants and children"),
    # which the modifier may describe too: the wording is an idea, not a fix
    coordinated: bool = False
    # a group's "the" is shared with another adjective ("the homeless and hungry"), which a
    # wording in place of the first would leave without its noun
    shared: bool = False


NOUN_SLOT = Slot()


def owned_after(norm: str, end: int) -> bool:
    """Whether a possessive's "'s", or the apostrophe after a plural's "s", follows ``end`` in
    the normalized view (not a closing quote: "'the mentally ill' but")."""
    return norm.startswith("'s", end) or (norm.startswith("'", end) and norm[end - 1 : end] == "s")


def slot_at(
    norm: str,
    start: int,
    end: int,
    sentence: tuple[int, int],
    text: str = "",
    text_start: int = 0,
) -> Slot:
    """The slot of the match ``[start, end)`` of the normalized view ``norm``. ``text`` is a
    stretch of the view, from ``text_start``, with its capitals (the normalized view is
    case-folded), used to find named places: every capital a place's name may start with
    lies in it."""
    lo, hi = sentence
    before = list(_WORD.finditer(norm, max(lo, start - 60), start))
    after = list(_WORD.finditer(norm, end, min(hi, end + 80)))[:2]
    joined_to_noun = False  # a hyphenated word that is itself a modifier ("12-year-old boy")
    if after and norm[after[0].end() : after[0].end() + 1] == "-":
        # a hyphenated word after it is one word: "the mentally retarded forty-year-old"
        compound = _HYPHENATED.match(norm, after[0].start(), min(hi, end + 80))
        if compound is not None:
            after = [compound, *_WORD.finditer(norm, compound.end(), min(hi, end + 80))][:2]
            joined_to_noun = (
                len(after) > 1
                and after[1].start() == compound.end() + 1
                and "noun" in classes(after[1][0])
                and "function" not in classes(after[1][0])
            )
    glued = end < len(norm) and norm[end : end + 1] == " " and bool(after)
    words_after = [m[0] for m in after] if glued and after[0].start() == end + 1 else []
    if len(words_after) == 2 and words_after[0] in ("and", "or"):
        # the words of a coordination, up to a noun: "the homeless and hungry (families)"
        words_after = _run_of_words(norm, after[0].start(), min(hi, end + 80))
    found = next_word_classes(words_after)
    if words_after and "-" in words_after[0]:
        # a hyphenated word is what its last part is: "self-harmed" a verb, "half-conscious"
        # an adjective, "thirty-six-year-old" a noun
        last = words_after[0].rsplit("-", 1)[1]
        found = frozenset({"noun"}) if last in _NOUN_ENDINGS else classes(last)
    prev = before[-1][0] if before and before[-1].end() in (start, start - 1) else ""
    first = norm[start:end].split(" ", 1)[0]
    place = _place(norm, start, end, text, text_start)
    if place is not None:
        return place
    group = prev in _COLLECTIVE_DETERMINERS or first in _COLLECTIVE_DETERMINERS
    if group and words_after and _verb_of_another_subject(words_after, found):
        found = found - {"noun", "adj"}
    # a possessive after the group ("the homeless's trolleys", "the homeless' tents"): no
    # wording for people takes it in place
    owned = owned_after(norm, end)
    if group and (owned or not (found & {"noun", "adj"})):
        at = before[-1].start() if prev in _COLLECTIVE_DETERMINERS else -1
        shared = owned or shares_determiner(norm, end, hi)
        return Slot("collective", plural=True, determiner_start=at, shared=shared)
    # a possessive ("the alcoholic's husband") owns the noun after it and describes nothing
    possessive = norm[max(start, end - 2) : end] in ("'s", "s'")
    if possessive and group and "noun" not in classes(norm[start : end - 2].rsplit(" ", 1)[-1]):
        # an adjective used as a group's noun ("the retarded's dormitory"): no wording takes
        # the possessive in its place
        return Slot("collective", plural=True, shared=True)
    if words_after and "noun" in found and "function" not in found and not possessive:
        noun = words_after[0]
        clause = norm.startswith(
            (" who ", " who,", " whose ", " whom ", " that ", " which ", ", who ", ", whom "),
            after[0].end(),
        )
        if joined_to_noun:
            noun = ""  # "a retarded 12-year-old boy": no wording takes in half the noun phrase
        tail = norm[after[0].end() : after[0].end() + 4]
        if tail[:1] in ("'", "\u2019") or tail == " of ":
            # a possessive ("alcoholic parents' house") or an "of" phrase ("a wheelchair-bound
            # mother of three"): a wording put after the noun would split its phrase
            noun = ""
        following = words_after[1:2] if norm[after[0].end() : after[0].end() + 1] == " " else []
        return Slot(
            "modifier",
            noun,
            after[0].end(),
            plural=_is_plural(noun),
            clause_after=clause,
            before_noun=bool(noun and following) and _only_noun(following[0]),
            coordinated=_shares_modifier(norm, after[0].end(), hi),
        )
    if prev in _COPULAS:
        copula = before[-1]
        present = _PRESENT_COPULAS.get(prev)
        return Slot(
            "predicate",
            plural=prev in _PLURAL_COPULAS,
            copula_start=copula.start() if present is not None else -1,
            subject=_subject(before[:-1], text, text_start),
            after_becoming=prev in _BECOMING,
        )
    if prev in _CONTRACTED:
        # "she's retarded": a predicate; the copula is no word of its own, so a wording
        # that replaces the copula too ("uses drugs") is not put in its place
        return Slot("predicate", plural=prev.endswith("'re"), subject=prev.split("'")[0])
    if prev in _DEGREE and len(before) > 1 and before[-2][0] in _COPULAS:
        # "are actually retarded", "is so retarded": an adverb between, the copula stays
        subject = _subject(before[:-2], text, text_start)
        return Slot("predicate", plural=before[-2][0] in _PLURAL_COPULAS, subject=subject)
    if _beside_adjective(norm, start, end):
        return Slot("predicate")  # in a row of adjectives: "backward, retarded, slow"
    names = [m[0] for m in before[-4:]]
    if prev not in _ARTICLE_WORDS and _complement_of_object(names):
        return Slot("predicate")  # "called the boy retarded": what the object is said to be
    return NOUN_SLOT


# Adverbs of degree or stance between a copula and its complement ("are actually retarded")
_DEGREE = _word_set(
    "actually really so very totally completely literally just still also truly clearly "
    "quite pretty utterly fully kinda basically honestly seriously"
)
# Verbs whose object is followed by what it is called or taken to be ("called him retarded")
_CALLING = _word_set(
    "called call calls calling labelled labeled label labels branded brand brands deemed "
    "deem deems considered consider considers declared declare declares thought think thinks "
    "found find finds judged judge judges"
)
_ARTICLE_WORDS = _word_set("a an the")
_OBJECTS = _word_set("him her them me us you")
_PASSIVE = _word_set("is are was were be been being get gets got getting")
# verbs before "as" and what something is taken to be ("described as", "classified as")
_AS_VERBS = _word_set(
    "described describe describes regarded regard regards classified classify classifies "
    "labelled labeled label labels diagnosed seen viewed treated considered identified "
    "certified registered listed categorized categorised characterized characterised "
    "portrayed branded known deemed dismissed"
)


def _complement_of_object(words: list[str]) -> bool:
    """Whether the last of ``words`` (those right before a match) are a calling verb and its
    object, a pronoun ("called him") or a noun after a determiner ("called the boy"); the verb
    in the passive ("was called"); or a verb and "as" ("described him as")."""
    if len(words) >= 2 and words[-2] in _CALLING and words[-1] in _OBJECTS:
        return True
    if len(words) >= 2 and words[-1] in _CALLING and words[-2] in _PASSIVE:
        return True
    if len(words) >= 2 and words[-1] == "as" and words[-2] in _AS_VERBS:
        return True  # "described him as", "was classified as"
    if len(words) >= 3 and words[-1] == "as" and words[-3] in _AS_VERBS and words[-2] in _OBJECTS:
        return True
    return (
        len(words) >= 3
        and words[-3] in _CALLING
        and words[-2] in ("the", "a", "an", "his", "her", "their", "my", "our", "this", "that")
        and "noun" in classes(words[-1])
    )


def _verb_of_another_subject(words: list[str], found: frozenset[str]) -> bool:
    """Whether the word after a group ("the HIV infected") is a verb in -s with an adjective or
    an adverb after it, or nothing ("stigma against the HIV infected remains high"): the group
    then ends before it, and the verb agrees with a subject further back. "The HIV infected
    mothers need care" and "the HIV infected cases in the region" keep the noun."""
    word = words[0]
    if "verb" not in found or not word.endswith("s") or word.endswith("ss"):
        return False
    if len(words) < 2:
        return True
    then = classes(words[1])  # "remains high": a complement; "cases in": a noun's phrase
    return "verb" not in then and bool(then & {"adj", "adv"}) and "function" not in then


_COORDINATED_AFTER = lazy_compile(r"(?:,? (?:and|or)|,) ([a-z][a-z'-]*)")
_COORDINATED_BEFORE = lazy_compile(r"([a-z][a-z'-]*)(?:,? (?:and|or)|,) \Z")


def _beside_adjective(norm: str, start: int, end: int) -> bool:
    """Whether the match stands in a row of words joined by commas, "and" or "or" with a word
    right before or after it that is an adjective and never a noun ("lazy", "imbecilic"): the
    match then stands as an adjective too, where a wording that names a person cannot go."""
    words = []
    after = _COORDINATED_AFTER.match(norm, end)
    if after is not None:
        words.append(after[1])
    before = _COORDINATED_BEFORE.search(norm, max(0, start - 40), start)
    if before is not None:
        words.append(before[1])
    return any("adj" in (found := classes(w)) and "noun" not in found for w in words)


# up to three words, after the first a capital letter may stand alone ("Facility B"; not "I")
_PLACE_AFTER = lazy_compile(r" (of|at|in) ([A-Z][\w'-]+(?: (?:[A-Z][\w'-]+|[A-HJ-Z]\b)){0,2}) ?")
_LOWER_WORD = lazy_compile(r"[a-z][\w'-]*")
_TIMES = _word_set(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday spring summer autumn fall "
    "winter christmas easter"
)
_LANGUAGES = _word_set(
    "english spanish french arabic chinese mandarin cantonese portuguese russian hindi urdu "
    "bengali punjabi polish italian german somali swahili vietnamese korean japanese tagalog "
    "farsi persian dari pashto turkish greek hebrew yiddish ukrainian romanian amharic tigrinya "
    "haitian creole kurdish tamil gujarati nepali burmese khmer lao hmong braille asl"
)
_PLACE_WORD = lazy_compile(r"[A-Z][\w'-]+ \Z")


def _place(norm: str, start: int, end: int, text: str, base: int = 0) -> Slot | None:
    """A named place right before the match ("Alcatraz inmates") or after "of"/"at" ("inmates
    of Alcatraz"), for wordings with "{place}". ``text`` is the view with its capitals from
    ``base`` on (see :func:`slot_at`)."""
    if not text or not base <= start <= end <= base + len(text):
        return None
    after = _PLACE_AFTER.match(text, end - base)
    if after is not None:
        name = after[2].strip()
        first = after[2].split()[0].casefold()
        single = len(name.split()) == 1
        if after[1] == "in" and (first in _TIMES or (single and first in _LANGUAGES)):
            return None  # "inmates in May", "the homeless in Spanish": no place
        following = _LOWER_WORD.match(text, after.end())
        if after[1] == "in" and following is not None and classes(following[0]) == {"noun"}:
            return None  # the name describes a noun: "inmates in California prisons"
        place_end = base + after.start(2) + len(name)
        # "inmates in Alabama": people incarcerated in Alabama; "of" takes the wording's own
        via = "" if after[1] == "of" else after[1]
        return Slot("noun", place=name, place_start=start, place_end=place_end, via=via)
    at = start - base
    if norm[start : start + 4] == "the ":
        return None  # a place stands before a bare noun ("Alcatraz inmates"), not before "the"
    for _ in range(3):  # up to three capitalized words
        word = _PLACE_WORD.search(text, max(0, at - 30), at)
        if word is None:
            break
        bare = _POSSESSIVE.sub("", word[0].strip())
        if bare.casefold() in _NOT_PLACES or bare.rsplit("-", 1)[-1].islower():
            # who they are, not where: "LGBTQ inmates", "HIV-positive inmates"; a compound
            # that ends in lower case describes them ("HIV-infected inmates", "Long-term")
            break
        if _starts_sentence(norm, base + word.start()) and not (
            at < start - base and ((bare.isupper() and len(bare) > 1) or not listed(bare))
        ):
            # the sentence's first word ("Former"), unless it starts a name of several words
            # ("HMP Wandsworth", "Rikers Island") as an acronym or a name
            break
        if "function" in classes(bare):
            break  # a headline's "For" or "The": no place's name ("Jobs For Inmates")
        if at < start - base and _POSSESSIVE.search(word[0]):
            break  # "Alabama's Tutwiler inmates": the name ends at the possessive
        at = word.start()
    if at < start - base:
        # "Tihar Jail's inmates": the people incarcerated at Tihar Jail
        name = _POSSESSIVE.sub("", text[at : start - base].strip())
        return Slot("noun", place=name, place_start=base + at, place_end=end)
    return None


_POSSESSIVE = lazy_compile(r"['\u2019]s?$")
# capitalized words before a label that say who people are, not where
_NOT_PLACES = _word_set(
    "lgbt lgbtq lgbtqia lgbtq+ lgbti hiv-positive hiv aids covid covid-19 bipoc poc black "
    "trans transgender female male women men juvenile juveniles elderly older young disabled "
    "deaf blind muslim jewish christian catholic latino latina latinx indigenous native"
)


def _starts_sentence(norm: str, at: int) -> bool:
    """Whether only blanks stand between ``at`` and a sentence end (or the view's start)."""
    while at and norm[at - 1].isspace():
        at -= 1
    return not at or norm[at - 1] in '.!?:;"\u201c'


def _is_plural(noun: str) -> bool:
    if noun in ("people", "children", "men", "women", "persons", "folks", "youth"):
        return noun != "youth"
    return noun.endswith("s") and not noun.endswith("ss") and "noun" in classes(noun[:-1])


_PARTITIVE = lazy_compile(r"\b([a-z]+) of \Z")


def partitive(norm: str, start: int, end: int) -> bool:
    """Whether a match that starts with "the" follows "many of", "some of", "most of" ...
    ("many of the homeless"): a wording for the whole match then needs a "the" of its own
    ("many of the people experiencing homelessness")."""
    if not norm.startswith("the ", start) or start >= end:
        return False
    found = _PARTITIVE.search(norm, max(0, start - 20), start)
    return found is not None and found[1] in _QUANTIFIERS


def with_the(text: str, shown: str) -> str:
    """``text`` with a "the" before it, in the case of the match ``shown``."""
    if text.casefold().startswith("the "):
        return text
    return ("THE " if shown.isupper() else "the ") + text


class Suggestion(Struct, frozen=True):
    """One wording and the span of the view it replaces; ``fits``: whether it stands there as
    written (a wording for a noun does not stand before one)."""

    text: str
    start: int
    end: int
    fits: bool = True


# a wording with a clause or a phrase after its noun, which cannot stand before another noun
_POSTMODIFIED = lazy_compile(
    r" (?:who|whose|that|with|without|living|experiencing|in|of|at|from|convicted|"
    r"incarcerated|subjected|orphaned|formerly)\b"
)


def postmodified(wording: str) -> bool:
    """Whether ``wording`` has a clause or a phrase after its noun ("person who uses
    drugs", "migrant without legal permission"), so that it cannot stand before a noun."""
    return _POSTMODIFIED.search(wording) is not None


# Nouns for people (and groups of them) that a "{noun}" wording may take in
PERSON_NOUNS = _word_set(
    "person persons people man men woman women child children kid kids boy boys girl girls "
    "baby babies infant infants toddler toddlers adult adults youth youths teen teens "
    "teenager teenagers adolescent adolescents student students pupil pupils patient "
    "patients mother mothers father fathers parent parents son sons daughter daughters "
    "brother brothers sister sisters sibling siblings relative relatives cousin cousins "
    "wife wives husband husbands spouse spouses partner partners friend friends family "
    "families couple couples worker workers employee employees staff resident residents "
    "tenant tenants client clients customer customers individual individuals citizen "
    "citizens veteran veterans member members neighbour neighbours neighbor neighbors "
    "folks folk guy guys lady ladies gentleman gentlemen population populations community "
    "communities athlete athletes player players user users driver drivers passenger "
    "passengers traveller travellers traveler travelers applicant applicants candidate "
    "candidates voter voters participant participants volunteer volunteers mum mums mom "
    "moms dad dads grandparent grandparents grandmother grandmothers grandfather "
    "grandfathers grandpa grandpas grandma grandmas granddad granddads grandad grandads "
    "stepfather stepfathers stepmother stepmothers stepparent stepparents stepdad stepdads "
    "stepmum stepmums stepmom stepmoms uncle uncles aunt aunts nephew nephews niece nieces "
    "orphan orphans "
    "survivor survivors victim victims adoptee adoptees nurse nurses doctor doctors "
    "migrant migrants immigrant immigrants servant servants attendant attendants assistant "
    "assistants consultant consultants agent agents inhabitant inhabitants occupant occupants "
    "defendant defendants respondent respondents president presidents dependant dependants "
    "dependent dependents officer officers soldier soldiers lawyer lawyers author authors "
    "actor actors artist artists refugee refugees prostitute prostitutes inmate inmates "
    "addict addicts junkie junkies convict convicts felon felons prisoner prisoners "
    "detainee detainees asylum-seeker asylum-seekers alien aliens native natives employee "
    "employees trainee trainees retiree retirees evacuee evacuees escapee escapees deportee "
    "deportees returnee returnees african africans american americans mexican mexicans"
)


def is_person_noun(noun: str) -> bool:
    """Whether ``noun`` may name people: one of :data:`PERSON_NOUNS`, a word for someone who
    does something, made from a verb ("visitor", "teacher", "driver"), or a longer word in
    -ist or -ian ("artist", "musician"); not "comment", "answer" or "behavior"."""
    word = noun.casefold()
    if word in PERSON_NOUNS:
        return True
    single = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    if single.endswith("-year-old"):
        return True  # "the thirty-six-year-old"
    if single.endswith(("ist", "ian")):
        return len(single) >= 6 and "verb" not in classes(single)  # "artist", "musician"
    if single.endswith(("er", "or")):
        stem = single[:-2]
        stems = (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem)
        return any(len(s) >= 3 and "verb" in classes(s) for s in stems)
    return False


_THING_PRONOUNS = _word_set("it this that which these those")


def _subject(before: list[re.Match[str]], text: str, text_start: int) -> str:
    """The word before a copula, lower-case, or "" when it tells nothing of the subject: none,
    a word with a capital (a name), or the end of a phrase after a preposition ("the kids in
    my class are": the subject is "kids")."""
    if not before:
        return ""
    word = before[-1]
    if word[0] in _THING_PRONOUNS:
        return word[0]  # "That is so …", at a sentence's start too
    at = word.start() - text_start
    if 0 <= at < len(text) and text[at].isupper():
        return ""
    if any(w[0] in _PREPOSITIONS for w in before[-3:-1]):
        return ""
    return word[0]


_PREPOSITIONS = _word_set("in of at on from with for by near inside outside around about")


def _a_thing(subject: str) -> bool:
    """Whether the subject before a copula names a thing, not people: a pronoun for things,
    or a noun that is no person noun ("rules", "decision"); an unknown word (a name) is not
    taken for one."""
    if not subject:
        return False
    if subject in _THING_PRONOUNS:
        return True
    found = classes(subject)
    return "noun" in found and "function" not in found and not is_person_noun(subject)


def _fits_collective(p: Preferred) -> bool:
    """Whether a slotted wording can stand after a collective's determiner: one made for a
    collective, or one without a template to fill."""
    slots = p.slots or frozenset()
    return "collective" in slots or ("{" not in p.text)


def fitting(preferred: Iterable[Preferred], slot: Slot) -> tuple[list[Preferred], bool]:
    """The wordings that fit ``slot`` (those without slots fit anywhere), and whether any did.
    When none fits, every wording without a ``{noun}`` is returned as an idea."""
    wordings = list(preferred)
    kinds = {slot.kind}
    if slot.kind == "predicate" and slot.copula_start >= 0:
        kinds.add("verb")
    if slot.kind == "collective":
        # a wording for the noun's place fits after the determiner too ("those confined to
        # wheelchairs": "those using wheelchairs"), one with a template only if made for it
        kinds.add("noun")
    fit = [
        p
        for p in wordings
        if p.slots is None
        or (kinds & p.slots and (slot.kind != "collective" or _fits_collective(p)))
    ]
    if slot.kind == "predicate" and _a_thing(slot.subject):
        # said of a thing ("the rules are so retarded"): a slur as an insult, which no
        # wording for people replaces: ideas, without a fix
        fit = []
    if (
        slot.kind == "modifier"
        and not is_person_noun(slot.noun)
        and any("{noun}" in p.text for p in wordings)
    ):
        # a label for people before a noun that names none ("a retarded decision"): a slur
        # used as an insult, which no wording for people replaces: ideas, without a fix
        fit = []
    fit = [p for p in fit if "{noun}" not in p.text or slot.noun]
    if slot.shared:
        fit = []  # "people experiencing homelessness and hungry"
    if slot.after_becoming:
        # only a wording made for a predicate, and no -ing form ("being using …", "became
        # using …"), stands there; a plain one may be a verb phrase ("being uses a wheelchair")
        fit = [
            p for p in fit if p.slots is not None and not p.text.split(" ", 1)[0].endswith("ing")
        ]
    if slot.clause_after and any(p.text.startswith("{noun} who ") for p in fit):
        # "a pianist who uses a wheelchair who falls …": two clauses on one noun; only a
        # wording made to stand before the noun is left ("a wheelchair-using pianist who
        # falls"), or none: ideas, no fix
        fit = [p for p in fit if p.slots and "modifier" in p.slots and "{noun}" not in p.text]
    fit = [p for p in fit if "{place}" not in p.text or slot.place]
    slotted = sorted(
        (p for p in fit if p.slots is not None), key=lambda p: "verb" not in (p.slots or ())
    )
    if slotted:
        return slotted + [p for p in fit if p.slots is None], not slot.coordinated
    if fit and slot.kind == "modifier" and postmodified(fit[0].text):
        fit = []  # "person who uses drugs father": no modifier stands before the noun
    if fit:
        return fit, True
    return [p for p in wordings if "{noun}" not in p.text and "{place}" not in p.text], False


# the head of a wording that names people, which does not stand before another noun
_PERSON_HEADS = (" person", " people", " persons")
_NOT_NOUNS = frozenset({"verb", "adv", "function"})


def _only_noun(word: str) -> bool:
    """Whether ``word`` can be a noun (or an adjective) but no verb or adverb."""
    found = classes(word)
    return "noun" in found and not found & _NOT_NOUNS


_PLACE_PREPOSITION = lazy_compile(r" (?:at|in) \{place\}")


def fill(
    p: Preferred, slot: Slot, start: int, end: int, plural: bool = False, fits: bool = True
) -> Suggestion:
    """A slotted wording's text and the view span it replaces, grown over the noun after a
    modifier or the copula before a predicate. ``plural``: the match itself is plural;
    ``fits``: whether the wording fits the slot."""
    text = p.plural if (slot.plural or plural) and p.plural else p.text
    if "{place}" in text:
        if slot.via:
            text = _PLACE_PREPOSITION.sub(f" {slot.via} {{place}}", text)
        place = text.replace("{place}", slot.place)
        return Suggestion(place, slot.place_start, slot.place_end, fits)
    if "{noun}" in text:
        return Suggestion(text.replace("{noun}", slot.noun), start, slot.noun_end, fits)
    if p.slots is not None and "verb" in p.slots and slot.copula_start >= 0:
        return Suggestion(text, slot.copula_start, end, fits)
    if p.slots is not None and "collective" in p.slots and slot.determiner_start >= 0:
        return Suggestion(text, slot.determiner_start, end, fits)  # "the" goes with the label
    return Suggestion(text, start, end, fits)


def place(
    preferred: tuple[Preferred, ...],
    inflection: Inflection,
    shown: str,
    sentence_start: bool,
    slot: Slot,
    span: tuple[int, int],
) -> tuple[list[Suggestion], bool]:
    """The wordings for one match where it stands, best first, each with the view span it
    replaces (the match, or more for a template that takes in a noun or a copula), and whether
    the first one fits in place.

    ``shown`` is a function of the view span giving the words as read, for case transfer.
    """
    start, end = span
    base = inflection.base.casefold()
    usable = [p for p in preferred if p.only_for is None or base in p.only_for]
    if any(p.only_for is not None for p in usable):
        # a general wording with a place would drop the words of those made for the term
        # ("the chronically homeless of Denver")
        usable = [p for p in usable if p.only_for is not None or "{place}" not in p.text]
    usable = [p for p in usable if p.when is None or _when(p.when, _words(shown))] or usable
    chosen, fits = fitting(usable, slot)
    if (
        fits
        and chosen
        and slot.kind == "modifier"
        and not inflection.possessive  # "the inmate's family": "the incarcerated person's"
        and not inflection.plural  # a plural label is no modifier: "Inmates plan protests"
        and chosen[0].slots is None
        and chosen[0].text.endswith(_PERSON_HEADS)
        and (_only_noun(slot.noun) or slot.before_noun)  # not "inmates spoke", "inmates today"
    ):
        fits = False  # "incarcerated person death review": "person" modifies no noun
    plain = tuple(p for p in chosen if p.slots is None)
    texts, plain_fits = suggest(plain, inflection, shown, sentence_start) if plain else ((), True)
    out: list[Suggestion] = []
    for p in chosen:
        if p.slots is None:
            continue
        out.append(fill(p, slot, start, end, inflection.plural and slot.kind == "noun", fits))
    # a wording without slots stands in place of a noun; before a noun or after a copula it is
    # an idea, unless the lexicon has nothing better for that place (see the fix)
    in_place = fits and plain_fits and slot.kind in ("noun", "collective")
    plain_out = [Suggestion(t, start, end, in_place) for t in texts]
    # with nothing that fits, the ideas for no slot in particular come first: "being
    # HIV-infected" gets "living with HIV" before "people living with HIV"
    out = out + plain_out if fits or slot.coordinated else plain_out + out
    first_plain = bool(out) and out[0].text in texts
    return out, fits and (plain_fits or not first_plain)


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


# "former" or "ex-" right before a match, and "current or former", "current and former"
_FORMER = lazy_compile(r"(?<![\w-])(?:former|ex-|onetime|one-time) ?\Z")
_COORDINATED = lazy_compile(r"\b(?:current|currently|present|active),? (?:and|or) \Z")
# any other word joined to "former" by "and", "or" or a comma
_JOINED = lazy_compile(r"([a-z][\w'-]*),?(?: and| or|,) \Z")
# a person-first wording with a verb ("people who use drugs"), one in a place ("people in
# prison", "people incarcerated at Alcatraz") and one with a participle ("incarcerated people")
_WHO = lazy_compile(r"(\w+ who )(\w+)(.*)", re.DOTALL | re.IGNORECASE)
_IN_PLACE = lazy_compile(
    r"(\w+ )((?:(?:in|on) (?:prison|jail|parole|probation|the sex (?:trades?|industry))"
    r"|(?:incarcerated|imprisoned|jailed|detained|held) (?:at|in))\b.*)",
    re.DOTALL | re.IGNORECASE,
)
_HELD = lazy_compile(r"(?:incarcerated|imprisoned|jailed|detained)\b", re.IGNORECASE)
# a state rather than something done: "former" does not make it past ("who has HIV")
_STATES = frozenset({"has", "have", "is", "are", "lives", "live"})
# a verb in the past, and words that put the rest of a wording in the past
_PAST_VERB = lazy_compile(r"was|were|had|\w+ed", re.IGNORECASE)
_PAST_WORDS = lazy_compile(r"\b(?:used to|formerly|once)\b", re.IGNORECASE)


def former_before(norm: str, start: int, sentence_start: int) -> tuple[int, bool]:
    """Where "former" or "ex-" right before the match at ``start`` of the view starts, or -1;
    -2 when another adjective is joined to it ("young or former"); and whether it follows
    "current or" ("current or former drug users"), which it then starts at (see
    :func:`formerly`)."""
    lo = max(sentence_start, start - 12)
    m = _FORMER.search(norm, lo, start)
    if m is None:
        return -1, False
    lo = max(sentence_start, m.start() - 24)
    both = _COORDINATED.search(norm, lo, m.start())
    if both is not None:
        return both.start(), True
    joined = _JOINED.search(norm, lo, m.start())
    if joined is not None and "adj" in classes(joined[1]):
        # "young or former drug users", "the homeless and former inmates": a wording would
        # have to take both in
        return -2, False
    return m.start(), False


def formerly(text: str, now: bool = False) -> str | None:
    """A person-first wording put in the past, to stand for "former" or "ex-" and the match
    together ("former drug users": "people who used to use drugs", "ex-inmates": "formerly
    incarcerated people", "former prisoners": "people formerly in prison"), or with ``now``
    in the present and the past ("current or former drug users": "people who use or used to
    use drugs"); None when the wording reads well after "former" ("former sex workers") or is
    in the past already."""
    out: str | None = None
    who = _WHO.match(text)
    if who is not None:
        verb = who[2]
        if verb.lower() in _STATES or _PAST_VERB.fullmatch(verb) or _PAST_WORDS.search(text):
            return None
        also = f"{verb} or " if now else ""
        out = f"{who[1]}{also}used to {_base_form(verb)}{who[3]}"
    elif (inside := _IN_PLACE.match(text)) is not None:
        out = f"{inside[1]}{'currently or ' if now else ''}formerly {inside[2]}"
    elif _HELD.match(text):
        out = f"{'currently or ' if now else ''}formerly {text}"
    if out is None:
        return None
    if text.isupper():
        return out.upper()
    if all(word[:1].isupper() for word in text.split()):  # Title Case: the new words too
        return " ".join(word[:1].upper() + word[1:] for word in out.split())
    return out


def in_the_past(text: str) -> str | None:
    """A person-first wording in the simple past, for someone who has died ("the deceased was
    a known drug user": "person who used drugs"); None when it has no verb of its own in the
    present ("sex worker", "person living with HIV")."""
    who = _WHO.match(text)
    if who is None:
        return None
    verb = who[2]
    if verb.lower() in _STATES or _PAST_VERB.fullmatch(verb) or _PAST_WORDS.search(text):
        return None
    base = _base_form(verb)
    past = _IRREGULAR_PAST.get(base.lower()) or (base + "d" if base.endswith("e") else base + "ed")
    out = f"{who[1]}{past}{who[3]}"
    if text.isupper():
        return out.upper()
    if all(word[:1].isupper() for word in text.split()):
        return " ".join(word[:1].upper() + word[1:] for word in out.split())
    return out


_IRREGULAR_PAST = {"sell": "sold", "sells": "sold", "buy": "bought", "have": "had"}
# words of a sentence that tell of a death in the past: a wording for the person goes in the
# past with them ("mourners remembered the junkie who died": "person who used drugs")
DIED = _word_set("died deceased obituary obituaries funeral funerals memorial buried overdosed")


def _base_form(verb: str) -> str:
    """The base form of a verb in the present ("uses": "use", "injects": "inject")."""
    low = verb.lower()
    if low.endswith(("sses", "shes", "ches", "xes", "zes")):
        return verb[:-2]
    if low.endswith("ies") and len(low) > 4:
        return verb[:-3] + "y"
    if low.endswith("s") and not low.endswith("ss"):
        return verb[:-1]
    return verb


def _when(source: str, words: str) -> bool:
    """Whether a wording's ``when`` expression matches, within the pattern time limit."""
    try:
        return compiled(source).search(words, timeout=PATTERN_TIMEOUT) is not None
    except TimeoutError:
        raise PatternTimeout(
            f"'when' pattern {source!r} took over {PATTERN_TIMEOUT}s on {len(words)} characters"
        ) from None


def suggest(
    preferred: tuple[Preferred, ...],
    inflection: Inflection,
    matched: str,
    sentence_start: bool = False,
) -> tuple[tuple[str, ...], bool]:
    """The preferred wordings for one match, inflected and cased like it, best first.

    Wordings limited to other terms or other word forms are left out, and so are, for a
    possessive match, wordings without a grammatical possessive (all of them, when those made
    for the matched term have none: a general one would drop their words). If that leaves none, the
    wordings are offered without the possessive, and the second value (whether they fit in
    place of the match) is false. ``sentence_start`` says whether the match starts a
    sentence, which decides the case of a wording for a match that starts with an acronym
    ("AIDS orphans").
    """
    base = inflection.base.casefold()
    words = " ".join(matched.casefold().split())
    usable = [p for p in preferred if p.only_for is None or base in p.only_for]
    # Wordings for other word forms are left out, unless that would leave none.
    usable = [p for p in usable if p.when is None or _when(p.when, words)] or usable
    fits = True
    if inflection.possessive:
        with_possessive = [p for p in usable if p.possessive]
        if any(p.only_for is not None for p in usable) and not any(
            p.only_for is not None for p in with_possessive
        ):
            # a wording made for this term ("people on death row") takes no possessive: a
            # general one would drop its words, so none fits in place
            with_possessive = []
        if with_possessive:
            usable = with_possessive
        else:
            fits = False
            inflection = Inflection(inflection.base, plural=inflection.plural)
    out = (
        transfer_case(
            matched, inflect(p.text, p.plural, inflection), sentence_start, inflection.base
        )
        for p in usable
    )
    return tuple(dict.fromkeys(out)), fits


def inflect(text: str, plural_text: str | None, inflection: Inflection) -> str:
    """Give a preferred wording the number and possessive of the matched form."""
    out = text
    if inflection.plural:
        out = plural_text or plural(text)
    if inflection.possessive:
        out = out + "'" if inflection.plural and out.endswith("s") else out + "'s"
    return out


_CURLY_APOSTROPHES = ("\u2019", "\u02bc")


_FIRST_WORD = lazy_compile(r"[^\W\d_]+")


def transfer_case(
    matched: str, suggestion: str, sentence_start: bool = False, term: str = ""
) -> str:
    """Carry ALL CAPS, a leading capital and curly apostrophes over from the matched text.

    Capitals that the term itself has tell nothing: a match that starts with an acronym
    ("HIV-infected", "CSWs") or with a capital the lexicon writes ("AIDS orphan") has it
    wherever it stands, so its wording only gets a capital at the start of a sentence, and an
    acronym written in capitals ("PLWHA") does not turn its wording into capitals.
    """
    if "'" in suggestion and "'" not in matched:
        for curly in _CURLY_APOSTROPHES:
            if curly in matched:
                suggestion = suggestion.replace("'", curly)
                break
    letters = [c for c in matched if c.isalpha()]
    term_letters = [c for c in term if c.isalpha()]
    acronym = bool(term_letters) and all(c.isupper() for c in term_letters)
    if len(letters) > 1 and all(c.isupper() for c in letters) and not acronym:
        return suggestion.upper()
    words = _FIRST_WORD.findall(matched)
    if len(words) > 1 and all(w[0].isupper() for w in words) and term == term.lower():
        return title_cased(suggestion)  # "The Worst Prison Guards": "Correctional Officers"
    if matched[:1].isupper() and suggestion[:1].islower():
        first = _FIRST_WORD.match(matched)
        first_word = first[0].removesuffix("s") if first else ""
        own_capital = term[:1].isupper() or (len(first_word) > 1 and first_word.isupper())
        if own_capital and not sentence_start:
            return suggestion
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


# words a title leaves in lower case unless they start it: articles, conjunctions, prepositions
# fmt: off
MINOR_WORDS = frozenset([
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of",
    "off", "on", "per", "to", "up", "via", "with", "from", "into", "onto", "upon", "about",
    "above", "across", "after", "against", "along", "among", "around", "before", "behind",
    "below", "beneath", "beside", "between", "beyond", "during", "except", "inside", "like",
    "near", "outside", "over", "past", "since", "through", "toward", "towards", "under", "until",
    "within", "without",
])
# fmt: on


def title_cased(text: str) -> str:
    """``text`` with each word capitalized, but the minor words after the first; each part
    of a hyphenated word too ("Street-Based Sex Workers")."""
    words = text.split(" ")
    return " ".join(
        "-".join(
            p[:1].upper() + p[1:]
            if (i == 0 and j == 0) or p.lower() not in MINOR_WORDS
            else p.lower()
            for j, p in enumerate(w.split("-"))
        )
        for i, w in enumerate(words)
    )


def message(rule: Rule, matched: str, suggestions: tuple[str, ...], severity: Severity) -> str:
    first = suggestions[0] if suggestions else ""
    template = rule.entry.message
    if template:
        return template.replace("{matched}", matched).replace("{preferred}", first)
    if severity is Severity.SUGGESTION:
        return f'Consider "{first}" instead of "{matched}"'
    return f'Avoid "{matched}"; use "{first}"'
