"""Mention or use: whether a term is named as a word or used to mean something.

Quotation marks alone decide nothing. Scare quotes (``busts of "johns"``) still use the word and
are reported. A term is a *mention*, and not reported, when the frame around it says it is being
talked about as a word:

* a naming frame before it: "the term", "the word", "labels like", "terms such as", "so-called",
  "e.g."; name-calling as a topic: "calling someone a", "hates being called a";
* for a quoted term, a frame that reports what someone called something: "called … a", "dubbed",
  "known as", "referring to them as", "described as";
* for a quoted term, what a style guide does with it: "bans", "retires", "dropped" (with
  "from …" or a year after it, which :mod:`.context` checks), "advises against", "stopped
  using", "titled";
* for a quoted term after another quoted term, a choice between words: 'say "sex worker" and
  not "hooker"', 'prefers "client" over "john"' (see :func:`choosing_between`);
* for a quoted term, a gloss or verdict right after it: "refers to", "means", "is outdated",
  "is a slur", "is a myth", "is not appropriate", "was coined", "should not be used", "is no
  longer used"; where it is found or
  what was done with it as words: "appears 14 times in the bill", "was scrawled on the door",
  "was shouted at him";
* for a quoted term after another quoted term and "or", in a question: 'Is it "sex worker"
  or "prostitute"?' (see :mod:`.context`);
* for a quoted term before "becomes", "should be" or an arrow and another quoted term, a
  rewrite in a style note: '“AIDS sufferers” becomes “people living with HIV”' (see
  :mod:`.context`);
* for an unquoted term that ends its clause, advice against saying it or calling someone it:
  "Don't say hookers; say sex workers", "never refer to anyone as a hooker" (see
  :func:`advised_against`), or a quoted alternative and "not" before it.

After a verb that reports what someone was called ("she was called a hooker"), an unquoted
term is use, and reported, but a wording in its place would change what was said: no fix
(see :func:`reported_naming`).

Words are the lower-cased words of the normalized view, as guards see them.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from .wordclass import classes, next_word_classes
from .wordsets import word_set as _words

# Nouns that name a word as a word ("the term", "a label like").
_WORD_NOUNS = _words(
    "term terms word words label labels phrase phrases expression expressions slur slurs "
    "euphemism euphemisms name names descriptor descriptors moniker monikers nickname "
    "nicknames epithet epithets sobriquet sobriquets pejorative pejoratives adjective "
    "adjectives noun nouns characterization characterizations characterisation "
    "characterisations"
)
# The last words before a quoted term that make it a mention.
_FRAME_ENDINGS: tuple[tuple[str, ...], ...] = (
    ("e", "g"),
    ("instead", "of"),
    ("rather", "than"),
    ("instead", "of", "saying"),  # 'instead of saying, “…,” say “…”'
    ("rather", "than", "saying"),
    ("instead", "of", "using"),
    ("rather", "than", "using"),
    ("instead", "of", "writing"),
    ("rather", "than", "writing"),
    ("eg",),
    ("i", "e"),
    ("as", "in"),
    ("heading",),  # 'the subject heading “Illegal aliens”'
    ("translates", "to"),  # 'which translates to “…” in English'
    ("translated", "to"),
    ("translates", "as"),
    ("translated", "as"),
    ("title", "of"),  # 'carry the title of "felon"'
    ("the", "title"),  # 'earned the title “junkie”'
    ("substitute", "for"),  # 'no ready substitute for “illegal immigrant”'
    ("replacement", "for"),
    ("synonym", "for"),
    ("label", "of"),
    ("way", "to", "say"),  # 'a polite way to say “illegal alien”'
    *(  # 'asked what she meant by a “…”': a word whose meaning is asked or given
        (verb, "by", *article)
        for verb in ("mean", "means", "meant")
        for article in ((), ("a",), ("an",))
    ),
    ("way", "of", "saying"),
    ("when", "i", "hear"),  # 'when I hear "AIDS victim", I think of …'
    *(  # 'when people say “the homeless,” they …', 'when you use “addict”'
        (when, who, verb)
        for when in ("when", "whenever")
        for who in ("people", "you", "we", "they", "folks")
        for verb in ("say", "use")
    ),
    ("when", "you", "hear"),
    ("when", "we", "hear"),
    ("whenever", "i", "hear"),
    ("whenever", "you", "hear"),
    ("every", "time", "i", "hear"),
    ("mentions", "of"),  # 'strike mentions of "illegal alien" from the code'
    ("references", "to"),  # not "in reference to", which means "about"
    ("concept", "of"),  # 'the concept of “anchor babies” is in the news'
    ("connotation", "of"),  # 'the connotations of “prisoner” are darker'
    ("connotations", "of"),
    ("etymology", "of"),
    ("spelling", "of"),
    ("pronunciation", "of"),
    ("notion", "of"),
    ("headlined",),  # 'a story headlined “Junkies …”'
    ("definition", "of"),  # 'the definition of “convicted felon” includes …'
    ("brush", "of"),  # 'tarred with the brush of “prostitute”'
    ("stigma", "of"),  # 'the stigma of “addict” follows him'
    ("stigma", "attached", "to"),
    ("and", "before", "that"),  # '(previously “…” and before that “…”)': older names
    ("parlance",),  # 'in police parlance, “…”', 'the parlance of that era: “…”'
    *(
        (noun, "of", "the", age)
        for noun in ("parlance", "language", "terminology", "vocabulary", "jargon")
        for age in ("time", "day", "era", "period")
    ),
)
# Speaking of a word: a mention when the quotation holds the word alone and ends its phrase
# ('rather than speaking of “prostitutes,” she …'); not 'talk of “johns” cruising past' or
# 'speaking of “the hookers on Fifth Street”', which speak of people
SPEAKING_OF: tuple[tuple[str, ...], ...] = tuple(
    (verb, "of")
    for verb in (
        "speak speaks speaking spoke talk talks talking talked".split()  # noqa: SIM905
    )
)
# Verbs that report what someone called someone; with a quoted term they mark a mention.
_NAMING_VERBS = (
    "call",
    "dub",
    "label",
    "term",
    "brand",
    "name",
    "nickname",
    "describ",
    "refer",
    "replac",
    "avoid",
)
# What a style guide does with a word, right before a term quoted on its own: bans, retires,
# swaps or rejects it ("bans “hooker”", "retires “prostitute”", "rejects “child prostitute”")
_STYLE_VERBS = _words(
    "ban bans banned banning retire retires retired retiring swap swaps swapped titled entitled "
    "reject rejects rejected rejecting"
)
# Verbs of editing a text that take people as well ("guards strike inmates", "print the johns'
# names"): a word only when the quoted term ends its clause or is struck from a text
EDITING = _words(
    "strike strikes striking struck print prints printing printed prefer prefers preferring "
    "abandon abandons abandoned abandoning"
)
# Texts and their writers, whose "use of" a quoted term is a use of a word ('the headline's use
# of “illegals”'; 'the DEA's use of “addicts” as informants' uses people)
_WRITERS = _words(
    "headline headlines article articles story stories paper papers column columns report "
    "reports post posts ad ads tweet tweets speech speeches caption captions book books film "
    "films writer writers author authors editor editors reporter reporters columnist "
    "columnists journalist journalists newspaper newspapers media press newsroom newsrooms "
    "outlet outlets"
)


_EDITED_FROM = _words(
    "form forms application applications policy policies website site signs headline "
    "headlines copy story stories paper papers print"
)
# Texts of law a word is removed from ("delete “alien” from the city code"), for verbs that
# remove (see _REMOVING), and what may stand between "from" and them
_LAW_TEXTS = _words(
    "law laws code codes statute statutes regulations constitution ordinance ordinances"
)
_BEFORE_A_TEXT = _words(
    "the its their his her our all every state city county federal local official "
    "company agency department municipal criminal penal civil immigration and or"
)
# Documents a word is taken out of ("from its forms"): the texts edited above, less those
# people are taken out of too ("from the site", "from the paper")
_REMOVED_FROM = (
    _EDITED_FROM - _words("site signs copy story stories paper papers print")
) | _words("websites document documents materials signage")


# Verbs that take a word out of a text, and people out of a place ("removed the “johns” from
# the motel"): a word only when it is taken from a text ("eliminate “alien” from state law")
_REMOVING = _words(
    "remove removes removed removing eliminate eliminates eliminated eliminating delete "
    "deletes deleted deleting erase erases erased erasing scrub scrubs scrubbed scrubbing "
    "purge purges purged purging excise excises excised excising"
)


def named_by_subject(words: list[str]) -> bool:
    """Whether a quoted term that ends its clause is what a word noun heading the sentence's
    subject names: 'the one expression I wish would fade is “wheelchair bound”', 'the word
    he used was “illegals”' (``words``: those before the quote, back to the sentence's start).
    Nothing may start another clause between the noun and "is" or "was" ("her name was never
    withheld, but the paper said she was “…”"), and the noun is no verb's subject ("Word is the
    new tenant is “…”")."""
    if words[-1:] not in (["is"], ["was"], ["are"], ["were"]):
        return False
    if len(words) > 1 and words[-2] in _WORD_NOUNS:
        return True  # "…, the most offensive label is “…”": the noun right before the verb
    # the noun after a determiner, near the start ("Back then, the term doctors used was");
    # not in a phrase of its own ("In other words, the tenant …", "In a word, …")
    head = next(
        (
            i
            for i, w in enumerate(words[:_SUBJECT_REACH])
            if w in _WORD_NOUNS
            and i
            and words[i - 1] in _BEFORE_SUBJECT
            and not (i > 1 and words[i - 2] in _PREPOSITIONS)
        ),
        None,
    )
    if head is None:
        return False
    between = words[head + 1 : -1]
    if between[:1] and between[0] not in _SUBJECT_GOES_ON:
        return False  # "term limits", "word cops use": another noun, no clause about it
    # "Word is the new tenant …": the noun is already said of before "is"
    return not _breaks_clause(between, _CLAUSE_BREAKS, _COPULAS_NOW)


_SUBJECT_REACH = 7  # words from the sentence's start to the word noun heading its subject
_PREPOSITIONS = _words("in of on at for with by from to into about")
_BEFORE_SUBJECT = _words(
    "the a an one my our your his her their this that these those only least most favourite "
    "favorite worst other first last new old"
)
_SUBJECT_GOES_ON = _words(
    "that which who i we you he she they people the a an my our his her their your most i'd "
    "i've we've everyone nobody someone"
)
_CLAUSE_BREAKS = _words(
    "but and or so said says told tells because while although though when whereas"
)
_COPULAS_NOW = _words("is was are were")
_RELATIVES = _words("that which who")
# Saying or writing a word, counted right after it: 'say “transgendered” too many times',
# 'uses “prostitute” five times'; not 'say “junkies” broke in three times'
_SAYING_COUNTED = _words(
    "say says said saying use uses used using write writes wrote repeat hear hears heard"
)
_COUNTS = _words(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred dozen dozens hundreds many several countless numerous multiple too so a"
)


def said_times(verb: str, following: list[str]) -> bool:
    """Whether a quoted term after ``verb`` is said or written a number of times."""
    if verb not in _SAYING_COUNTED or not following:
        return False
    if following[0] in ("or", "and"):
        following = following[2:5]  # 'uses “prostitute” or “prostitutes” five times'
    for k, word in enumerate(following[:2]):
        if not (word in _COUNTS or word.isdigit()) or "times" not in following[k + 1 : k + 3]:
            continue
        at = following.index("times", k + 1)
        if not _no_verb_of_its_own(following[at + 1 : at + 7]):
            return False  # 'said “…” twenty times since May had broken in'

        # "used “junkies” many times as informants" names a role of people; "three times as
        # often", "four times a page", "five times more" still count the word
        return following[at + 1 : at + 2] != ["as"] or following[at + 2 : at + 3] in _AS_OFTEN
    return False


_AS_OFTEN = (["often"], ["much"], ["many"], ["frequently"], ["long"])


def edited_as_word(verb: str, following: list[str]) -> bool:
    """Whether a quoted term after an editing ``verb`` is a word: it ends its clause ("we no
    longer print “illegals”.") or is struck from or printed in a text ("strike “felon” from
    the forms", "printing “illegals” in headlines"); after a verb that removes, only the
    second ("eliminate “alien” from state laws")."""
    if verb in _REMOVING or (verb in EDITING and following[:1] == ["from"]):
        return _from_a_text(following)
    if verb not in EDITING:
        return False
    if not following or following[:2] in (["years", "ago"], ["any", "more"], ["anymore"]):
        return True
    if following[0] in ("in", "since") and following[1:2] != [] and following[1].isdigit():
        return True  # "stopped printing 'illegals' in 2013"
    return following[0] in ("from", "in") and any(
        w in _TEXTS or w in _EDITED_FROM for w in following[1:6]
    )


def _from_a_text(following: list[str]) -> bool:
    """Whether ``following`` starts with "from" and a text that heads its phrase, after
    determiners, owners or jurisdictions ("from the city code", "from the state's statutes",
    "from state and local laws"; not "from charter schools" or "from jury rolls under state
    law")."""
    if following[:1] != ["from"]:
        return False
    rest = following[1:]
    for _ in range(4):
        if rest[:1] and (rest[0] in _BEFORE_A_TEXT or rest[0].endswith("'s")):
            rest = rest[1:]
    if rest[1:2] and rest[1] in _OFFICIAL_TEXTS and rest[2:3] in ([], ["in"], ["on"], ["since"]):
        rest = rest[1:]  # "from USCIS communications", ending the clause
    return rest[:1] != [] and (
        rest[0] in _TEXTS
        or rest[0] in _REMOVED_FROM
        or rest[0] in _LAW_TEXTS
        or rest[0] in _OFFICIAL_TEXTS
    )


# Texts an agency or a body writes, after one word that names it ("from USCIS
# communications")
_OFFICIAL_TEXTS = _words("communication communications publications")


def used_in_speech(verb: str, following: list[str]) -> bool:
    """Whether a quoted term after a verb of using is a word someone uses in speaking or
    writing of something ("would use “…” when detailing", "uses “…” to describe", "use “…”
    during speeches"); not people used ('used “mules” to carry the drugs', 'used “addicts”
    in the sting')."""
    if verb not in _USING_VERBS or not following:
        return False
    if following[0] == "when" and following[1:2] != [] and following[1] in _SPEAKING:
        return True
    if following[0] in ("in", "during") and any(w in _SPEECHES for w in following[1:3]):
        return True  # "use “…” during speeches", "in his remarks"
    # "to describe", not "to write fake prescriptions": people used to do something
    return following[0] == "to" and following[1:2] != [] and following[1] in _MEANING_TO


_USING_VERBS = _words("use uses used using")
_SPEAKING = _words(
    "describe describes describing detail details detailing discuss discusses discussing "
    "refer refers referring talk talks talking speak speaks speaking"
)
_MEANING_TO = _words("describe refer mean")
# what is said or written in public, where a word is used ("use “…” in speeches")
_SPEECHES = _words(
    "speech speeches remarks interview interviews statement statements tweet tweets posts "
    "ads headline headlines articles rallies debates"
)


# What judges "the use of" a quoted term that ends its clause as a word's ("avoid the use of
# “…”", "like the use of “…”"); "attacked the use of “junkies”, calling …" uses people
_JUDGING_USE = _words(
    "avoid avoids avoided avoiding discourage discourages discouraged like against ban bans "
    "banned end ends ended ending stop stops stopped oppose opposes opposed dropped "
    "discontinued"
)
# Speakers whose "use of" a quoted term is a use of a word ('the mayor's use of "illegals"')
_SPEAKERS = _words(
    "president mayor governor senator minister chief candidate official "
    "officials spokesman spokeswoman spokesperson campaign party commentator host anchor"
)


def used_as_word(
    words: list[str], following: list[str], *, final: bool = False, alone: bool = False
) -> bool:
    """Whether ``words`` before a quoted term end with a text's, a writer's or a speaker's
    "use of", and no role follows ("the DEA's use of 'addicts' as informants" uses people).
    "The use of" a quoted term that ends its sentence (``final``) is a word's ("advocates
    criticized the use of “junkie”."); one that a comma follows only after a word that judges
    the use ("attacked the use of “junkies”, calling them liars" uses people). After a verb
    that ends or bans the use, a quoted term ``alone`` (a few words, no "as" or "to" inside)
    may be followed by where it is written or when, and nothing else ("banned the use of “…”
    in its stories last year")."""
    if words[-2:] != ["use", "of"] or len(words) < 3 or following[:1] == ["as"]:
        return False
    owner = words[-3]
    judged = len(words) > 3 and words[-4] in _JUDGING_USE
    if owner == "the" and not following and (final or judged):
        return True  # 'avoid the use of “child prostitute”.': the use of a word, ending its clause
    if owner == "the" and judged and alone and _in_writing_or_time(following):
        return True  # 'banned the use of “…” in its stories', '… last year'
    owner = owner[:-2] if owner.endswith("'s") else owner
    if owner in _ENDING_USE:
        # "end use of 'child prostitute'"; not 'banned use of "inmate" labor', a noun after it
        return not following or following[0] in _AFTER_A_WORD
    return owner in _WRITERS or owner in _SPEAKERS


def _in_writing_or_time(following: list[str]) -> bool:
    """Whether ``following`` holds only where a word is written and when its use was judged,
    and then nothing more: "in its stories", "across the paper's headlines", "last year", "in
    2013", "in its reporting in 2013" (not "in drug trials", "last year to build cases" or "in
    2019 trials", where people are used)."""
    rest = following
    for _ in range(2):
        step = _time_words(rest) or _text_words(rest)
        if not step:
            return False
        rest = rest[step:]
        if not rest:
            return True
    return False


def _time_words(words: list[str]) -> int:
    """How many words at the start of ``words`` name a time ("last year", "in 2013", "five
    years ago"), or 0."""
    if words[:1] in (["last"], ["this"], ["next"]) and words[1:2] and words[1] in _TIME_UNITS:
        return 2
    if words[:1] in (["in"], ["since"]) and words[1:2] and words[1].isdigit():
        return 2 if len(words[1]) == 4 else 0  # a year
    if words[:1] and words[0] in _TIME_UNITS and words[1:2] == ["ago"]:
        return 2  # "years ago"
    if words[1:3] and words[1] in _TIME_UNITS and words[2] == "ago":
        return 3  # "five years ago"
    return 0


def _text_words(words: list[str]) -> int:
    """How many words at the start of ``words`` name a text a word is written in ("in its
    coverage", "across the paper's headlines", "in official documents"), or 0."""
    if words[:1] not in (["in"], ["across"], ["from"]):
        return 0
    k = 1
    while k < 4 and words[k : k + 1] and (words[k] in _BEFORE_A_TEXT or words[k].endswith("'s")):
        k += 1
    if words[k : k + 1] and words[k] in _PUBLIC:
        k += 1  # "in official documents", "its public materials"
    start = k
    while k < start + 2 and words[k : k + 1] and _a_text(words[k]):
        k += 1  # "press releases", "style guide"
    return k if k > start else 0


def _a_text(word: str) -> bool:
    return (
        word in _WRITERS
        or word in _SPEECHES
        or word in _TEXTS
        or word in _REPORTING
        or word in _WRITTEN_TEXTS
        or word in _LAW_TEXTS
    )


_PUBLIC = _words("official public printed online")
_REPORTING = _words(
    "reporting coverage copy materials documents correspondence website websites pages"
)
_TIME_UNITS = _words(
    "year years month months week weeks decade decades spring summer autumn fall winter"
)


def heard_as_word(words: list[str], following: list[str]) -> bool:
    """Whether a quoted term right after "hearing" or "to hear" is a word heard: the clause
    ends after it, or where or from whom it is heard follows ('hearing “…” from a nurse',
    'tired of hearing “…” at every visit', 'stunned to hear “…”.'); not 'at the hearing “…”
    pleaded', 'hard of hearing “…”', 'refused to hear “…” who filed' or 'to hear “…”
    singing', where people are meant."""
    if words[-1:] == ["hearing"]:
        if words[-2:-1] != [] and (words[-2] in _DETERMINERS or words[-2] in _NOT_HEARING):
            return False
        if words[-3:-1] == ["hard", "of"]:
            return False
    elif words[-2:] != ["to", "hear"]:
        return False
    if not following:
        return True
    # where or from whom it is heard ("from a nurse", "on the ward", "at every visit"), not
    # what the people heard do ("… arguing", "… had been arrested", "… who filed")
    return (
        following[0] in _HEARD_WHERE
        and following[1:2] != []
        and (following[1] in _DETERMINERS or following[1] in _HOLDERS or following[1] in _SPEAKERS)
    )


def recorded_as(words: list[str], clause: list[str]) -> bool:
    """Whether ``words`` before a quoted term end with a verb that records people under a
    name, up to five words of its object, and "as" (or "as a"), and the term ends its clause
    or the ``clause`` after it goes on with a phrase and no verb of its own ('people are
    identified as “…”.', 'registered in police files as “…” whether or not …', 'profiled as
    “…” in their charts'); not 'cameras recorded everything as “…” broke in' or 'marked
    the time as “…” on the wing started shouting', where "as" means "while". "Identified"
    says who someone is unless the clause ends there ('identified the man as a “…” with
    two priors'). The caller leaves out an "as" after a comma ('filed a complaint, as
    “…” …'), which means "because" or "while"."""
    bare = words[:-1] if words[-1:] in (["a"], ["an"]) else words
    if bare[-1:] != ["as"]:
        return False
    verbs = [bare[k] for k in range(max(0, len(bare) - 7), len(bare) - 1) if _recording_at(bare, k)]
    if not verbs:
        return False
    if bare[-3:-1] != [] and bare[-3] in _IDENTIFYING and bare[-2] in _REFLEXIVES:
        return True  # 'respondents who identified themselves as “…” were grouped'
    if not clause:
        return True
    if all(v in _IDENTIFYING for v in verbs) or clause[0] not in _AFTER_RECORDED:
        # 'police identified the man as a “…” with two priors' asserts who he is
        return False
    if clause[0] == "and" and clause[1:2] != []:
        # the recorder's next act, or a clause of its own ('and sent them away', 'and
        # nobody checked'); not more people ('as “…” and dealers broke in')
        kinds = classes(clause[1])
        if clause[1] in _NEW_SUBJECTS or ("verb" in kinds and not kinds & _NOUN_OR_FUNCTION):
            return True
    return _no_verb_of_its_own(clause)


def _recording_at(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` is a verb that records people under a name: not after a
    determiner ("a registered nurse", "all sorts of"), and a present tense in -s not after a
    verb or an adjective ("waved flags", "stacked logs")."""
    word = words[k]
    if word not in _RECORDING or words[k + 1 : k + 2] in _PARTICLES:
        return False  # not "flagged down a cab as", "logged off as"
    if word in ("marked", "marks") and words[k + 1 : k + 2] == ["by"]:
        return False  # "a summer marked by overdoses as …": what it was like
    before = words[k - 1] if k else ""
    if before in _ARTICLES:
        return False
    return not (word.endswith("s") and before and not classes(before) & _NOUN_OR_FUNCTION)


# determiners that make the next word an adjective or a noun; not "her", which may be the
# object ('had her recorded as')
_ARTICLES = _words("a an the this that these those all some many several each every any no")
_PARTICLES = (["down"], ["up"], ["off"], ["out"], ["along"], ["past"], ["away"])
_IDENTIFYING = _words("identify identifies identified identifying")
_REFLEXIVES = _words("themselves himself herself myself ourselves yourself yourselves")
# what may go on after a term recorded: a phrase, a condition or the people so recorded
_AFTER_RECORDED = _words(
    "in on at by before after until since during rather whether for because anyone everyone "
    "anybody everybody those all although though even unless only which and or with "
    "regardless once to too under"
)
# words that start another clause, whose verb is not the quoted people's
_SUBORDINATING = _words(
    "whether although though unless because which who that if when while even than until"
)
_AUXILIARIES = _words(
    "is are was were be been being has have had will would can could shall should may might "
    "must do does did"
)
# word classes of a noun or a closed-class word: no verb of its own, or a subject before one
_NOUN_OR_FUNCTION = frozenset({"noun", "function"})


def said_as_word(
    words: list[str], following: list[str], clause: list[str], *, ends: bool, final: bool
) -> bool:
    """Whether a quoted term right after a verb of saying is the word someone said: the
    sentence ends after it ('The film says “…”.', 'What he said was “…”.'), or a phrase of
    how, where or when it was said follows and its clause ends there or another starts
    ('yelled “…” twice', 'nobody says “…” anymore', 'muttered “…” under her breath', 'kept
    saying “…” when she meant …', 'said “…” during the broadcast, and', 'screamed “…” at
    the striker'); not what the people named do ('said “…” were a problem', 'said “…” again
    on Monday cut the fences', 'said “…” in the video work nights', 'said “…”, “…” and
    “…” had left')."""
    if words[-1:] in (["was"], ["is"]) and len(words) > 1 and words[-2] in _SAYING_WORD:
        # 'What he actually said was “…”.'; not 'The problem, the mayor said, is “…”.'
        return ends and final and "what" in words[-6:-2]
    if not words or words[-1] not in _SAYING_WORD:
        return False
    if ends:
        # after a comma, only a clause about the saying ('still says “…”, and she never
        # will'); not a list of quoted people ('said “…”, and the dealers, had left')
        return final or (
            following[:1] == ["and"] and following[1:2] != [] and following[1] in _SUBJECTS
        )
    if not clause:
        return False
    head = clause[0]
    if head in ("when", "while"):
        # 'when she meant', 'when in fact she meant', 'when asked about the park'; not 'when
        # asked to leave move on'
        meaning = clause[3:] if clause[1:3] == ["in", "fact"] else clause[1:]
        return meaning != [] and (
            (meaning[0] in _SUBJECTS and meaning[1:2] != [] and meaning[1] in _MEANT)
            or (meaning[0] == "asked" and (meaning[1:2] == [] or meaning[1] in _ASKED_OF))
        )
    if head == "as" or (head == "just" and clause[1:2] in (["before"], ["after"])):
        # another clause: 'whispered “…” as she passed', 'just before the line cut out'
        if head == "as":
            return clause[1:2] != [] and clause[1] in _SUBJECTS
        return clause[2:3] != [] and (clause[2] in _SUBJECTS or clause[2] in _DETERMINERS)
    if head == "instead":
        # 'said “…” instead.', 'said “…” instead of using her name'; not 'said “…” instead of
        # hired cooks would run it'
        return clause[1:] == [] or (
            clause[1] == "of"
            and clause[2:3] != []
            and clause[2].endswith("ing")
            and _no_verb_of_its_own(clause[3:])
        )
    if clause[:2] == ["every", "time"]:
        return True  # 'says “…” every time the council meets'
    if head == "at" and words[-1] in _SHOUTING:
        return _no_verb_of_its_own(clause[1:])  # 'screamed “…” at the striker'
    return _ends_after(clause, _said_phrase(clause))


def _said_phrase(clause: list[str]) -> int:
    """The length of a phrase at the start of ``clause`` that says how, where or when a word
    was said ('twice', 'at least once', 'under his breath', 'to her face', 'during the
    broadcast'), or 0."""
    head = clause[0]
    if clause[:2] in _SAID_HOW_TWO:
        k = 2
    elif head in _SAID_HOW:
        k = 1
    elif head == "under" and clause[1:2] != [] and clause[1] in _UNDER_SAID:
        return 2  # 'under oath'
    elif head == "under" and clause[2:3] != [] and clause[2] in _UNDER_SAID:
        return 3  # 'under his breath'
    elif head == "to" and clause[2:3] == ["face"]:
        return 3  # 'to her face'
    elif head in ("during", "in", "on", "throughout"):
        # ending with a speech or a medium ('in his testimony', "during Tuesday's broadcast")
        for k in range(2, min(6, len(clause) + 1)):
            if clause[k - 1] in _SAID_IN:
                return k
        return 0
    else:
        return 0
    # 'at least once', 'again and again'
    if clause[k : k + 1] != [] and clause[k] in _SAID_HOW:
        k += 1
    if clause[k : k + 2] != [] and clause[k] == "and" and clause[k + 1] == clause[k - 1]:
        k += 2
    return k


def _ends_after(clause: list[str], k: int) -> bool:
    """Whether ``clause`` ends after its first ``k`` words (k > 0), or another clause starts
    there ('twice before he left', 'aloud and laughed'), or a phrase with no verb after it
    ('again in the next meeting')."""
    if k == 0:
        return False
    if len(clause) == k or clause[k] in _NEXT_CLAUSE:
        return True
    # a phrase, with no verb of the people after it ('again on Tuesday tried the door')
    return clause[k] in _NEXT_PHRASE and _no_verb_of_its_own(clause[k:])


def _no_verb_of_its_own(clause: list[str]) -> bool:
    """Whether the words of a clause after a quoted term hold no verb before another clause
    starts, so that the quoted people do nothing there ('… whether or not a charge
    followed'; not '… on the wing started shouting')."""
    before = ""
    for k, word in enumerate(clause):
        if word in _SUBORDINATING or word in _SUBJECTS:
            # 'whether or not a charge followed', '… five times she was told': another
            # clause's verb
            return True
        if word in _AUXILIARIES:
            return False
        # a finite verb, or a noun-or-verb with an object ('… in the park use them'); not a
        # word in -ing, which without an auxiliary describes a noun ('on a loitering charge'),
        # nor one after an owner or an article ("the agency's own")
        kinds = next_word_classes(clause[k:])
        if (
            "verb" in kinds
            and not kinds & _NOUN_OR_FUNCTION
            and not word.endswith("ing")
            and before != "s"
            and before not in _DETERMINERS
        ):
            return False
        before = word
    return True


# verbs whose "at" names whom a word was thrown at, not where people are
_SHOUTING = _words(
    "yell yells yelled yelling shout shouts shouted shouting scream screams screamed "
    "screaming hiss hisses hissed hissing spit spits spat spitting"
)
# verbs of saying a word aloud; "call" and "tell" take people
_SAYING_WORD = _SHOUTING | _words(
    "say says said saying mutter mutters muttered muttering utter utters uttered uttering "
    "whisper whispers whispered whispering"
)
# how or when a word was said, right after it
_SAID_HOW = _words("twice once again repeatedly aloud anymore")
_SAID_HOW_TWO = (
    ["out", "loud"],
    ["any", "more"],
    ["on", "camera"],
    ["on", "air"],
    ["at", "least"],
)
_SUBJECTS = _words("he she they i we you it")
# subjects that open a clause of their own after "and"
_NEW_SUBJECTS = _SUBJECTS | _words("nobody none no someone everyone")
# words that start another clause or a phrase after how a word was said ('twice before he
# left', 'aloud and laughed', 'again in the next meeting')
_NEXT_CLAUSE = _words(
    "and but so then before after until because although though while when as which than whether if"
)
_NEXT_PHRASE = _words("in on at during to for with without from")
# what someone meant, after "when she"
_MEANT = _words("meant means mean")
# what someone was asked about, after "when asked"
_ASKED_OF = _words("about if whether why what how")
# what a word is said under
_UNDER_SAID = _words("breath oath cross questioning")
# where a word is said; not a place where people are ("in the room", "on the floor")
_SAID_IN = _words(
    "speech speeches remarks interview interviews statement broadcast broadcasts video videos "
    "clip clips podcast show meeting meetings debate call recording briefing sermon lecture "
    "tweet post footage tape testimony address rally novel book film episode song chat thread "
    "comment comments message"
)


def read_on_a_thing(words: list[str]) -> bool:
    """Whether ``words`` before a quoted term end with a thing that bears words and what it
    says or reads: "the box that says “…”", "a badge reading “…”", or, with the thing's phrase
    opening the sentence, "Her name tag said “…”". A finite verb after a thing inside a
    phrase may be a person's ("a volunteer carrying the banner said “…” had left")."""
    if not words or words[-1] not in _BEARING:
        return False
    verb, before = words[-1], words[:-1]
    relative = before[-1:] in (["that"], ["which"])
    if relative:
        before = before[:-1]
    if before[-1:] == [] or before[-1] not in _BEARERS:
        return False
    if relative or verb in ("reading", "saying"):
        return True  # the clause or the participle belongs to the thing
    # back over a word or two ("her name tag") to the determiner or owner that opens it
    k = len(before) - 2
    while k > 0 and k >= len(before) - 3 and before[k] not in _DETERMINERS:
        k -= 1
    return k == 0 and before[0] in _DETERMINERS


_BEARING = _words("say says said saying read reads reading")
# things that bear written words
_BEARERS = _words(
    "box boxes sign signs form forms label labels tag tags badge badges banner "
    "banners placard placards card cards sticker stickers shirt shirts t-shirt t-shirts "
    "headline headlines caption captions note notes plaque plaques"
)


# what makes "hearing" a noun before a quoted term ('at the hearing “…”', 'a bail hearing')
_NOT_HEARING = _words("at after before during court bail parole public sentencing")
_HEARD_WHERE = _words("from on in at during")


def blurred_by_word(following: list[str]) -> bool:
    """Whether the words after a quoted term that leads its clause say what the word blurs or
    keeps alive ("… conflates sex and gender", "… also reinforces shame")."""
    head = following[1:2] if following[:1] and following[0] in _HEDGING else following[:1]
    return head != [] and head[0] in _BLURRING


_HEDGING = _words("also only just still often really")


# What may follow a word whose use is ended: the end of the sentence, or "in", "by" …
_AFTER_A_WORD = _words(
    "in by from and or on at for since after across last this next earlier today yesterday "
    "recently entirely completely altogether"
)
# Verbs that end a use of a word ("Decision to End Use of 'Child Prostitute'")
_ENDING_USE = _words("end ends ended ending stop stops stopped stopping ban bans banned banning")


# Dropping a word ("the Stylebook dropped “illegal immigrant” in 2013", "... from its
# guide"); "the van dropped “hookers” downtown" drops people
DROPPING = _words("drop drops dropped dropping")
# Verbs that advise against a word ("advises against “AIDS victim”"); "warned against
# “junkies” in the park" may be about people
_ADVISING = _words("advise advises advised advising recommend recommends recommended recommending")
# Verbs that choose one word over another: with one of them earlier, a quoted term after
# another and "and not", "but not" or "over" names words ("we say “sex worker” and not
# “hooker”", "prefers “client” over “john”"); see choosing_between
CHOOSING = _words(
    "say says said saying use uses used using write writes wrote writing prefer prefers "
    "preferred preferring recommend recommends recommended choose chooses chose"
)


def choosing_between(words: list[str]) -> bool:
    """Whether a verb that chooses words stands in ``words``, those before the quoted term
    that follows a quoted alternative and "and not", "but not", "not" or "over"."""
    return any(w in CHOOSING for w in words[-_NAMING_REACH:])


# Saying, writing or using a word, right after a word that gives it up ("we no longer use
# “addict”", "stopped using", "don't say"); "police used “johns”" still uses it
_USING = _words("use uses using used say saying write writing")
_GIVING_UP = _words(
    "stop stops stopped stopping longer not don't doesn't didn't dont doesnt didnt never avoid"
)
_NAMING_REACH = 8  # words between a naming verb and the quoted term
_REFER_REACH = 16
_REFERRING = _words("refer refers referred referring")
# what ends the clause of "refer to": "cases referred to the program rose last year as …"
_REFER_BREAKS = _words("rose fell grew said says but when while because so posed posing pretending")
# verbs that end a clause unless a relative pronoun starts it ("people who were living …")
_FINITE = _words("is are was were has have had")


def _breaks_clause(
    between: list[str], breaks: frozenset[str] = _REFER_BREAKS, finite: frozenset[str] = _FINITE
) -> bool:
    """Whether ``between`` (the words between a naming verb or noun and the quoted term) hold
    what starts another clause: one of ``breaks`` ("rose", "but", "said"), or one of
    ``finite`` that no "who", "that" or "which" takes ("cases referred to the program rose
    …", "calls him a …, but police say"; not "people who were living here")."""
    for k, w in enumerate(between):
        if w in breaks:
            return True
        if w in finite and not (k and between[k - 1] in _RELATIVES):
            return True
    return False


def _referred_as(words: list[str]) -> bool:
    """Whether ``words`` (ending with "as") hold "refer to …" with no clause break between
    it and the "as"."""
    reach = words[-_REFER_REACH:]
    for k in range(len(reach) - 2, 0, -1):
        if reach[k] == "to" and reach[k - 1] in _REFERRING:
            return not _breaks_clause(reach[k + 1 : -1])
    return False


# Words right after a quoted term that gloss it or judge it as a word.
_GLOSS_VERBS = _words(
    "refers refer referred means meant denotes describes reduces implies stigmatizes "
    "stigmatises dehumanizes dehumanises carries conveys evokes connotes defines frames labels "
    "erases lumps portrays portray casts"
)
# What a word blurs or keeps alive, right after a quoted term that leads its clause ('critics
# argue that “…” conflates sex and gender'); a person can do these too ('the typical “…”
# conflates relapse with failure'), so the quote must lead its clause
_BLURRING = _words(
    "conflates conflated reinforces reinforced perpetuates perpetuated obscures obscured"
)
# Verbs between a copula and a verdict on a word ("… is considered outdated")
_JUDGED = _words("considered seen regarded deemed viewed thought felt")
VERDICTS = _words(
    "outdated dated offensive derogatory stigmatizing stigmatising pejorative problematic "
    "dehumanizing dehumanising inaccurate misleading loaded archaic slang obsolete avoided "
    "discouraged deprecated imprecise"
)
# What a word is not, after a copula and "not" or as a headline's verdict: "… is not
# appropriate", "'…' not acceptable"
_NOT_FINE = _words("appropriate acceptable okay ok")
_NEGATED_COPULAS = _words("isn't aren't wasn't weren't")
_AFTER_FINE = _words("anymore")
# Nouns for words in "one of the …" after a quoted term: not "names", which may be people's
# ("one of the terms" of a court order are its conditions)
_ONE_OF_WORDS = _words(
    "word words label labels phrase phrases expression expressions slur slurs "
    "euphemism euphemisms epithet epithets pejorative pejoratives adjective adjectives noun "
    "nouns insult insults"
)
# Verdicts that may be about what a word names ('a sting on "johns" was controversial'), so
# about the word only where the quoted word leads its clause
_DISPUTED = _words("contested controversial disputed debated divisive")


def denied_before(words: list[str]) -> bool:
    """Whether "no such thing as (a)" stands right before a term: with the term ending its
    clause (the caller checks), the label is denied ("there's no such thing as an illegal
    immigrant"), where "… as an addict who can't recover" is a claim about people."""
    bare = words[:-1] if words[-1:] in (["a"], ["an"]) else words
    return bare[-4:] == _NO_SUCH_THING


_NO_SUCH_THING = ["no", "such", "thing", "as"]
# What a word is called in an appositive after it, set off by a comma: '"Junkie," a
# pejorative, …'
NAMES_FOR_WORDS = _words(
    "pejorative pejoratives slur slurs epithet epithets insult insults euphemism euphemisms"
)
# Verbs that judge what follows them, with a verdict after the quoted term: 'many consider
# "junkie" pejorative'
JUDGING = _words("consider considers considered deem deems deemed find finds found call calls")
_CHILD_WORDS = _words("child teen teenage underage underaged juvenile minor")
# Words of degree between a copula and a verdict: "… is the most contested"
_DEGREES = _words("most more very so too highly deeply especially particularly")
_COPULAS = _words("is was are were has have")
# Verbs of a word found in a text, nouns for texts, and what is done to a word written or
# thrown at someone ("… was scrawled on the wall", "… was hurled at her")
_OCCURS = _words("appears appear appeared occurs occur occurred")
_IN_TEXTS = [[w] for w in _words("bill text law statute report document list dictionary index")]
_WRITTEN = _words(
    "written scrawled painted sprayed spray graffitied carved etched scratched "
    "printed stamped tattooed hurled shouted yelled screamed spat chanted"
)
# where a word was written or thrown: "on the door", "across the wall", "at her"
_WHERE = _words("on onto across over into in inside along above below under beside at")
# What is done to a word by an editor ("… was removed from the stylebook", "… was dropped
# in 2013"); "were removed from the shelter" would be people, so only a term that starts
# its sentence, quoted, is read so
_EDITED = _words(
    "removed dropped retired replaced banned struck deleted erased scrubbed purged deprecated "
    "abandoned phased"
)
# Texts a word is taken out of
_TEXTS = _words(
    "vocabulary vocabularies stylebook stylebooks style guide guides guidelines headings "
    "heading dictionary dictionaries lexicon glossary glossaries manual manuals usage language "
    "handbook handbooks subject catalog catalogue wordlist"
)
# Pictures people hold of others, before "of" and a quoted label ('the stereotype of the “…”')
_PICTURES = _words(
    "stereotype stereotypes caricature caricatures misconception misconceptions cliche "
    "cliches cliché clichés trope tropes archetype archetypes portrayal portrayals myth myths"
)
# notions of what someone is, before "of what" ('a perception of what an “…” would be';
# 'their perception of the “…” in the square' speaks of people there, and 'a picture of what
# a “…” left behind' shows a thing)
_CONCEPTS = _words("perception perceptions conception conceptions idea ideas notion notions")
# an image or an idea someone holds ("its image of", "the public's idea of")
_HELD_IDEAS = _words("image idea")
_HOLDERS = _words("its their our his her my your public's society's")
# Likenesses that are such a picture when called typical ("the typical image of a “…”")
_LIKENESSES = _words("image picture portrait idea depiction")
_TYPICAL = _words(
    "typical usual stereotypical classic common standard conventional romanticized "
    "romanticised stock naive tired"
)
# Nouns that judge a quoted phrase as writing: "… is lazy writing", "… is sloppy shorthand"
WRITING_NOUNS = _words("writing shorthand language jargon usage wording slang terminology")
# What a quoted saying is called when it is judged: "… is a myth"
_SAYING_NOUNS = _words("myth myths stereotype stereotypes cliche cliché saying slogan hype")
_MODALS = _words("should shouldn't must mustn't cannot can't")
# words between a modal and a verdict that leave it whole ("should no longer ever be used")
_NO_LONGER = _words("no longer ever")
# What is done to a word given up, after a modal or "no longer": "should not be used"
_GIVEN_UP = _words("used avoided retired replaced accepted acceptable appropriate")


# verbs that change a wording, before "it to" and the new one ('revised it to “…”')
_REVISING = _words(
    "revised revise revises revising amended amend amends amending reworded reword rewords "
    "retitled retitle renamed rename renames renaming shortened updated"
)
_RENAMED = _words("it them this that")


def _revised(words: list[str]) -> bool:
    """Whether ``words`` end with a verb that changes a wording and "it", "them", "this" or
    "that", before "to" and a quoted new wording; without the object, "to" may start a
    purpose ('updated to “keep inmates safe”')."""
    return len(words) >= 2 and words[-1] in _RENAMED and words[-2] in _REVISING


# "calling someone a …", "to call anybody an …": the act of name-calling, no one named
_CALLING = _words("call calls calling")
_ANYONE = _words("someone somebody anyone anybody")
# words before "being called a …" that make it a gerund, the name-calling as a topic ("cool
# with being called a …", "hates being called a …"); not "a man being called a …", which
# reports one act
_GERUND_TAKERS = _words(
    "with about of at from against after without by over to for despite before hate hates "
    "hated mind minds minded dislike dislikes disliked fear fears feared risk risks avoid "
    "avoids avoided love loves loved like likes liked enjoy enjoys enjoyed resent resents "
    "resented remember remembers remembered recall recalls recalled stand means meant"
)


def _gerund_at(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` ("being") starts a gerund: first in its sentence (after "and" or
    "but" too), or after a preposition or a verb that takes one (see _GERUND_TAKERS)."""
    return k == 0 or words[k - 1] in _GERUND_TAKERS or (k == 1 and words[0] in ("and", "but"))


def mention_frame_before(words: list[str], *, quoted: bool, apart: bool = False) -> bool:
    """Whether the words just before a term name it as a word.

    Unquoted terms need a naming noun or phrase right before them ("the term prostitute",
    "words like junkie", "so-called johns"); quoted terms also count as mentions after a
    reporting verb ("called the girl a", "referring to them as", "known as"). ``apart``
    says a comma stands between the words and the term ("After being called, inmates …").
    """
    if not words:
        return False
    last = words[-1]
    if last in _WORD_NOUNS:
        # "the term", "the word"; not "long-term" or "first-term" (the view's words split at
        # a hyphen)
        return not (last == "term" and len(words) > 1 and words[-2] in _TERM_LENGTHS)
    if last == "like" and (quoted or (len(words) > 1 and words[-2] in _WORD_NOUNS)):
        return True  # "terms like", and for quoted terms any "like"
    if quoted and last == "for" and len(words) > 1 and words[-2] in _WORD_NOUNS:
        return True  # 'a rude word for “…”', 'a euphemism for “…”'
    if words[-2:] == ["such", "as"] and (quoted or (len(words) > 2 and words[-3] in _WORD_NOUNS)):
        return True
    if (
        quoted
        and last == "as"
        and len(words) > 2
        and words[-3] == "such"
        and (words[-2] in _WORD_NOUNS or words[-2] in WRITING_NOUNS)
    ):
        return True  # 'such language as “crippled”', 'such terms as “…”'
    if words[-2:] == ["so", "called"]:
        return True
    bare = words[:-1] if last in ("a", "an", "the") else words
    gap = words[-2:] if len(words) > 5 and words[-6:-2] == _NO_SUCH_THING else []
    if (quoted and denied_before(words)) or (gap[:1] in (["a"], ["an"]) and gap[1] in _CHILD_WORDS):
        # "no such thing as an underage prostitute": the label denied (with the word
        # that makes it a child's, so that "prostitute" alone is no use either); "… as a
        # typical inmate" still uses the word
        return True
    if bare != words and len(bare) >= 2 and bare[-1] in _ANYONE and bare[-2] in _CALLING:
        return True  # "calling someone a …": name-calling itself talked about
    if (
        not apart
        and bare[-2:] in (["being", "called"], ["getting", "called"])
        and _gerund_at(bare, len(bare) - 2)
    ):
        return True  # "hates being called a …", "being called addicts": name-calling suffered
    if (
        bare[-2:] in (["definition", "of"], ["definitions", "of"])
        and len(bare) > 2
        and bare[-3] in _DEFINERS
        and not (len(bare) > 3 and bare[-4] in _MEETING)
    ):
        # "his definition of an alcoholic as …": the word's meaning; not "he fits every
        # definition of an addict", "she met the definition of a …", "by any definition of"
        return True
    if not quoted:
        return False
    if not apart and bare != words and bare[-3:] == ["to", "be", "called"]:
        return True  # 'hurtful to be called a “…”': name-calling itself talked about
    if any(tuple(words[-len(end) :]) == end for end in _FRAME_ENDINGS):
        return True
    if last == "to" and _revised(words[:-1]):
        return True  # 'revised it to “illegal aliens”': the new wording of a heading or a text
    if _pictured(bare, words[-1]):
        return True  # 'the typical portrait of a “happy hooker”', 'an image of what a “…” is'
    if bare[-1:] == ["as"] and _known_as(bare):
        return True  # "known as", "known as a", "known at that time as"
    if last in _STYLE_VERBS or (last in _USING and words[-2:-1] and words[-2] in _GIVING_UP):
        return True
    if last == "against" and words[-2:-1] and words[-2] in _ADVISING:
        return True
    if _insinuated(words):
        return True  # 'the clip implied the man was a “…”': a label put on someone, reported
    if bare[-1:] == ["as"] and _sorted_as(bare, article=last == "the"):
        return True  # 'the agency classified them as “…”'
    if last == "into" and any(w in _DIVIDING for w in words[-4:-1]):
        return True  # 'it divides people into “…” and “the rest of us”'
    if came_to_mean(words):
        return True  # 'how the word came to mean “…”'
    if last in _MEANING and any(w in WORD_NOUN for w in words[-4:-1]):
        return True  # 'the word does not mean “…”'
    if bare[-1:] == ["as"] and _referred_as(bare):
        # 'no longer refer to people living here without papers as “…”', 'referred to her
        # in the copy as a “…”'
        return True
    reach = words[-_NAMING_REACH:]
    for i, w in enumerate(reach):
        if w == "called" and i and reach[i - 1] == "so":
            continue  # "the so-called experts ...": an adjective of another noun, no naming
        if w.startswith(_NAMING_VERBS) and w not in _NOT_NAMING:
            between = reach[i + 1 :]
            if w in _CALLS and between[:1] and between[0] in ("on", "upon") and "to" in between:
                continue  # "called on the mayor to …": an appeal, no naming
            if w not in _WORD_NOUNS and _breaks_clause(between):
                continue  # another clause: "calls him a …, but police say the “…”"
            # "named 14 'johns'", "called the 'johns'": the quoted noun is the verb's own
            # object, so the word is used; "called the girl a", "called them" name something,
            # and so does a label put on someone ("are labeled a 'substance abuser'")
            if w in _LABELLING_VERBS and between in (["a"], ["an"]):
                return True
            return not (len(between) == 1 and (between[0] in _DETERMINERS or between[0].isdigit()))
    return False


# Verbs that put a label on someone without saying it outright, before the one labelled
# and a copula ("implied the man was a …", "accused him of being a …"); not "suggest",
# "allege" or "claim", which report evidence too ("ward records suggest the patient was …")
_INSINUATING = _words(
    "insinuate insinuates insinuated insinuating imply implies implied implying hinted "
    "hinting accuse accuses accused accusing"
)
_ACCUSED = _words("accused accusing accuse accuses")
_LABELLED_AS = (["was"], ["is"], ["be"], ["of", "being"])
_INSINUATED_REACH = 4  # words naming the one labelled ("a man", "the young driver")
_MAYBE = _words("might may could would must")


def _insinuated(words: list[str]) -> bool:
    """Whether ``words`` before a quoted term end with a verb that puts a label on someone,
    the one labelled, a copula and "a" or "an" ("the clip implied the man was a", "accused
    him of being a", "was accused of being an", "hinted that he might be an"): the quotes
    hold one person's label as someone else's word."""
    if words[-1:] not in (["a"], ["an"]):
        return False
    bare = words[:-1]
    for copula in _LABELLED_AS:
        if bare[-len(copula) :] == copula:
            head = bare[: -len(copula)]
            break
    else:
        return False
    if copula == ["of", "being"] and head[-1:] and head[-1] in _ACCUSED:
        return True  # "accused him of being a", "was accused of being a"
    if head[-1:] and head[-1] in _MAYBE:
        head = head[:-1]
    for k in range(len(head) - 1, max(-1, len(head) - _INSINUATED_REACH - 3), -1):
        if head[k] in _INSINUATING:
            if k and head[k - 1] in _ARTICLES:
                return False  # an adjective: "the accused man", "the implied customer"
            subject = head[k + 1 :]
            if subject[:1] == ["that"]:
                subject = subject[1:]
            # not a relative clause of its own ("implied the man who was a “…” left"), nor a
            # phrase of the verb's own before a new clause ("hinted at it: the son was a …",
            # "hinted why: her brother was a …")
            return (
                1 <= len(subject) <= _INSINUATED_REACH
                and not _breaks_clause(subject)
                and not any(
                    w in _RELATIVES or w in _PREPOSITIONS or w in _ASKED_OF for w in subject
                )
            )
    return False


def commonly_named(words: list[str], following: list[str]) -> bool:
    """Whether ``words`` end with an adverb of usage and a naming verb, perhaps with an
    article ('commonly called the “…”'): how a thing is usually named. ``following``, the
    words after the quoted term, must not make the verb a summons ('commonly called the
    “…” out one by one')."""
    bare = words[:-1] if words[-1:] in (["a"], ["an"], ["the"]) else words
    if len(bare) < 2 or bare[-2] not in _NAMING_ADVERBS or bare[-1] not in _USUAL_NAMING:
        return False
    return not (following[:1] and following[0] in _SUMMONED)


# Naming verbs after an adverb of usage ("commonly called", "popularly dubbed"); "known as"
# is a frame of its own
_USUAL_NAMING = _words("called call calls termed dubbed labelled labeled named")
# Words after the object of "called" that make it a summons ("called them out", "together");
# not "in", which also starts where a name was used ("commonly called the “…” in print")
_SUMMONED = _words("into out over up back together down forward aside")


def came_to_mean(words: list[str], *, after: bool = False) -> bool:
    """Whether ``words`` end (or, ``after`` a quoted term, start) with a change in what a
    word means: "came to mean", "has come to mean", "used to mean", "originally meant",
    "once meant", "came to refer to", "came to stand for"."""
    if after and words[:1] in (["has"], ["had"], ["have"]):
        words = words[1:]  # '“…” had come to refer to'
    return any(
        tuple(words[: len(frame)] if after else words[-len(frame) :]) == frame
        for frame in _MEANING_CHANGES
    )


_MEANING_CHANGES: tuple[tuple[str, ...], ...] = (
    ("came", "to", "mean"),
    ("come", "to", "mean"),
    ("comes", "to", "mean"),
    ("used", "to", "mean"),
    ("originally", "meant"),
    ("once", "meant"),
    ("came", "to", "refer", "to"),
    ("come", "to", "refer", "to"),
    ("came", "to", "stand", "for"),
    ("come", "to", "stand", "for"),
)


def _pictured(bare: list[str], article: str) -> bool:
    """Whether ``bare``, the words before a quoted term less an article right before it,
    end with a picture others hold of people and "of" ('the stereotype of the “…”'), or a
    notion, "of what" and "a" or "an" (the ``article`` before the term: 'a perception of what
    an “…” would be'; 'no idea of what the “…” plan' speaks of people): the quotation marks
    keep the writer apart from the label that picture puts on people. An image, a picture, a
    portrait or an idea is such a picture before "of" alone only when called typical ('the
    usual portrait of a “…”') or held ('its image of the “…”'); without that word it may
    show people ('pictures of the “…” sleeping rough')."""
    what = bare[-1:] == ["what"]
    if what:
        bare = bare[:-1]
    if len(bare) < 2 or bare[-1] != "of":
        return False
    if bare[-2] in _PICTURES or (what and bare[-2] in _CONCEPTS and article in ("a", "an")):
        return True
    if len(bare) < 3 or bare[-2] not in _LIKENESSES:
        return False
    # called typical, or held by someone ("Hollywood built its image of the “…”")
    return bare[-3] in _TYPICAL or (bare[-2] in _HELD_IDEAS and bare[-3] in _HOLDERS)


def _sorted_as(words: list[str], *, article: bool = False) -> bool:
    """Whether ``words`` end with a verb that sorts, up to six words of its object and "as"
    ("classified the applicants as"); not "classified ads posing as" or "the designated vice
    unit posed as", where another verb takes the "as". A verb that brands people ("vilified
    them as") takes an "as" within three words, and not before ``article`` "the"
    ("dismissed the case as the “…” cheered": "as" means "while")."""
    # the "as" of a later item in a list ("categorized as “…”, “…”, “…” and more recently
    # as") may stand further from the verb, whose own "as" comes within four words of it
    reach = 17 if {"and", "or"} & set(words[-4:-1]) else 9
    for k in range(2, min(reach, len(words) + 1)):
        if words[-k] in _BRANDING and k <= 4:
            return not article
        if words[-k] in _LABELS and k <= 4 and k < len(words):
            # "whom it labels as", "the statute labels them as"; not a noun ("the warning
            # labels as", "peeled off the labels as")
            return not article and words[-k - 1] not in _DETERMINERS
        if words[-k] in _SORTING and (k < 9 or "as" in words[-k + 1 : -k + 5]):
            return not any(w in _POSING_VERBS for w in words[-k + 1 : -1])
    return False


_POSING_VERBS = _words(
    "posed pose poses posing acted act acts acting served serve serves serving worked work "
    "works working pretending pretended"
)
# Whose definition of a word is given ("the definition of", "his definition of"); not "every"
# or "any", which apply the word ("by any definition of an addict")
_DEFINERS = _words("the his her their its our my your whose one")
# Verbs and prepositions that apply a definition to someone ("met the definition of a", "was
# the definition of a")
_MEETING = _words(
    "fit fits fitted fitting meet meets met meeting match matches matched matching satisfy "
    "satisfies satisfied satisfying by under within own is was are were be been being become "
    "became becomes seemed seems looked looks"
)
# Verbs that sort something under a name before "as" and a quoted term
_SORTING = _words(
    "categorize categorizes categorized categorizing categorise categorises categorised "
    "categorising classify classifies classified classifying designate designates designated "
    "designating labeled labelled branded classed judged cast casts casting painted painting "
    "portrayed portraying portrays depicted depicting depicts listed coded enumerated "
    "characterization characterisation"
)
# Verbs that record people under a name before "as" (see recorded_as): only where the quoted
# term ends its clause or a phrase with no verb follows, since their "as" often means "while"
# ('cameras recorded everything as “…” broke in')
_RECORDING = _words(
    "identify identifies identified identifying register registers registered registering "
    "reclassify reclassifies reclassified reclassifying recorded tagged tags profiled counted "
    "counts logged logs flagged flags marked marks charted sorts filed"
)
# Verbs that brand people with a name, before "as" and a quoted term: only with "as" close
# after them ("were stigmatized as “…”", "dismissed them as"), since a later "as" may mean
# "because" or "while" ('vilified online for the sweep, as “…” kept arriving')
_BRANDING = _words(
    "stigmatized stigmatised stigmatizing stigmatising vilified demonized demonised "
    "stereotyped typecast pigeonholed dismissed derided ridiculed mocked characterized "
    "characterised characterizing characterising"
)
# The verb "label" in the present, which is also a noun: only after a word that is no
# determiner (see _sorted_as)
_LABELS = _words("labels labeling labelling")
# Verbs that sort people into quoted kinds ("divides people into “…” and “…”")
_DIVIDING = _words(
    "divide divides divided dividing sorted sorting splitting grouped grouping lumps lumped lumping"
)
# Verbs that give a word's meaning after a noun for the word ("the word does not mean “…”");
# not "the deal's terms mean …"
_MEANING = _words("mean means meant")
# One noun for a word ("the term", "a slur"): what a meaning, a kind or an apposition names
WORD_NOUN = _words("term word label phrase expression slur euphemism")
# Words before "term" that make it a length of time or office ("long-term", "first term")
_TERM_LENGTHS = _words("long short mid medium near full half first second third fixed")
_DETERMINERS = _words(
    "a an the this that these those some many several few all any every each more most no his "
    "her their our your my its two three four five six seven eight nine ten dozens hundreds"
)


# Naming verbs whose object is always a name ("labeled a", "branded an"); "called a" may
# be a phone call
_LABELLING_VERBS = _words(
    "labeled labelled labeling labelling branded branding dubbed dubbing termed nicknamed"
)
# A calling verb, which "on" or "upon" and a "to" later make an appeal ("called on the
# council to"), not a name given
_CALLS = _words("call calls called calling")
# Adverbs that make a naming verb say how something is usually named ("commonly called",
# "popularly known")
_NAMING_ADVERBS = _words(
    "commonly popularly widely generally colloquially informally derisively pejoratively "
    "disparagingly mockingly affectionately"
)
# Words that start like a naming verb but are nouns or other words.
_NOT_NAMING = _words(
    "termination terminal terminals terminated terms labels names brands reference references "
    "referral referrals referee calligraphy callous"
)


def advised_against(words: list[str]) -> bool:
    """Whether the words before an unquoted term that ends its clause advise against saying
    it: "don't say", "stop saying", "avoid writing" ("Don't say hookers; say sex workers"),
    or against calling someone it: "don't call her a", "never refer to anyone as a". Using a
    word is no such advice ("we no longer use inmates" employs people). The caller checks that
    the term ends its clause ("don't say hookers deserve it" uses the word)."""
    if not words:
        return False
    if words[-1] in _SAYING_WORDS and len(words) > 1 and words[-2] in _GIVING_UP:
        return True  # ("no longer uses inmates" employs people: using is no advice here)
    reach = words[-_NAMING_REACH:]
    for i, w in enumerate(reach[:-1]):
        if w in _NEGATING and reach[i + 1] in _ADDRESSING and naming_after(reach[i + 1 :]):
            return True
    return False


def advised_against_clause(sentence_before: str) -> bool:
    """Whether ``sentence_before`` (the normalized sentence up to a term that ends its clause)
    is advice against saying a clause that the term ends: "Don't say (, for example,) that a
    client is wheelchair-bound", "Writers should not say that a man is …"; not
    reported words ("police would not say that they had arrested …") or a pronoun "that"
    ('"Don't say that," he told the inmates', "Never say that again to …")."""
    if "that" not in sentence_before:
        return False
    return _advice_clause().search(sentence_before) is not None


@cache
def _advice_clause() -> re.Pattern[str]:
    """The expression of advice against saying a clause, compiled on first use (start-up)."""
    return re.compile(
        r"(?:\A(?:please )?(?:don't|dont|do not|never|avoid)|\b(?:should|must)(?: not|n't))"
        r" (?:say|saying|write|writing)(?:, [^,]{1,40},)? that"
        r" (?!(?:to|about|again|in|on|at|for|with|of|is|was)\b)"
        # a predicate after a copula: "that someone is …", "that they are …"
        r"(?:[\w'-]+ ){1,3}(?:is|are|was|were|be|'s|'re) (?:an? |the )?\Z"
    )


# Words that advise against naming someone something ("don't call", "never refer to");
# not "stop", which may be a noun ("the bus stop called her a …")
_NEGATING = _words("not don't doesn't didn't dont doesnt didnt never longer avoid avoiding")
# Saying or writing a word, after a word that gives it up ("don't say hookers")
_SAYING_WORDS = _words("say saying write writing")
# Verbs that name someone something ("call her a", "refer to them as")
_ADDRESSING = _words("call calls called calling refer refers referred referring")
# Verbs that describe someone as something ("described as a", "branded a")
_LABELLING = _words(
    "label labels labeled labelled labeling labelling brand brands branded branding dub dubs "
    "dubbed nickname nicknamed describe describes described describing"
)
# What may stand between a naming verb and the name: a pronoun or a short noun phrase
_NAMED = _words(
    "me you him her them us it someone somebody anyone anybody everyone people person women "
    "men girls boys woman man girl boy the a an this that these those his their our my your "
    "its some all any other others each one mother father son daughter sister brother wife "
    "husband friend friends neighbours neighbors kids"
)


def naming_after(words: list[str]) -> bool:
    """Whether ``words`` (from a naming verb to just before a term) say what someone is
    called: "called her a", "call them", "referred to as a", "branded a", "known as",
    "described him as". No preposition but "to … as" may stand between ("called the
    police on" is no naming)."""
    if not words or not (words[0] in _ADDRESSING or words[0] in _LABELLING or words[0] == "known"):
        return False
    rest = words[1:]
    if rest[-1:] in (["a"], ["an"]):
        rest = rest[:-1]
    elif rest[-1:] and rest[-1] in _DETERMINERS:
        return False  # "did not call the inmates": the term is the verb's object, no name
    elif not rest and words[0] in ("call", "calls", "calling"):
        return False  # "call prostitutes by their names": no one is named yet
    if words[0].startswith("refer") or words[0] == "known" or words[0].startswith("describ"):
        if rest[-1:] != ["as"]:
            return False
        rest = rest[:-1]
        if words[0].startswith("refer"):
            if rest[:1] != ["to"]:
                return False
            rest = rest[1:]
    elif rest[-1:] == ["as"]:
        rest = rest[:-1]  # "labelled as"
    return len(rest) <= 3 and all(w in _NAMED for w in rest)


def reported_naming(words: list[str]) -> bool:
    """Whether the last words before an unquoted term report what someone is or was called
    ("she was called a", "police called them", "formerly called", "described as a",
    "branded a"): the writer reports the word, and a wording in its place would change what
    was said. The term stays reported; no fix is offered."""
    reach = words[-6:]
    for i, w in enumerate(reach):
        if not (w in _ADDRESSING or w in _LABELLING or w == "known"):
            continue
        if (
            i == len(reach) - 1
            and w in ("called", "labelled", "labeled", "branded", "dubbed")
            and not (i and reach[i - 1] in _PASSIVE_LEAD)
        ):
            # nothing between verb and term, and no passive ("formerly called STDs"): the
            # term is the verb's object ("police called prostitutes as witnesses")
            continue
        if naming_after(reach[i:]):
            return True
    return False


# What stands before a passive "called" with nothing after it ("formerly called", "was called")
_PASSIVE_LEAD = _words(
    "was were is are be been being formerly also often commonly sometimes once still now so "
    "then widely popularly variously previously originally later usually"
)


# Saying a word, before a quoted term and "like" or "as" after it; using one, before "as if"
# or "like it" ('use "junkie" like it means nothing'; 'used "johns" as witnesses' uses people)
_SAYING_AS = _words("say says said saying write writes wrote")
_LIKE_A_CLAUSE = _words("it its it's they that this he she")


def said_as_if(verb: str, following: list[str]) -> bool:
    """Whether a quoted term after ``verb`` is said or used "like" or "as if" something."""
    if verb in _SAYING_AS:
        return following[:1] in (["like"], ["as"])
    if verb in _USING:
        return following[:2] in (["as", "if"], ["as", "though"]) or (
            following[:1] == ["like"] and following[1:2] != [] and following[1] in _LIKE_A_CLAUSE
        )
    return False


# Verbs of coming on a word in a text ('every time I find “…” in a document')
_FINDING = _words(
    "find finds found finding see sees saw seeing spot spots spotted spotting read reads "
    "reading notice notices noticed noticing encounter encounters encountered"
)
_WRITTEN_TEXTS = _words(
    "document documents text texts draft drafts sentence sentences paragraph "
    "paragraphs headline headlines title titles bill bills "
    "brochure brochures leaflet leaflets form forms policy policies manual manuals email emails "
    "letter letters press release releases"
)


def found_in_text(verb: str, following: list[str]) -> bool:
    """Whether a quoted term after ``verb`` is a word come upon in a text: "find “…” in a
    document", "saw “…” in the headline", "spotted “…” in three drafts"."""
    return (
        verb in _FINDING
        and following[:1] == ["in"]
        and following[1:2] != []
        and following[1] in _DETERMINERS
        and following[2:3] != []
        and following[2] in _WRITTEN_TEXTS
    )


def found_as_word(words: list[str]) -> bool:
    """Whether the words after a quoted term that starts its sentence tell where the word
    stands or what was done with it as a word: "… appears 14 times in the bill", "… was
    scrawled across her door", "… was hurled at her", "… was removed from the stylebook".
    (After a determiner, "the 'junkies' were painted as criminals", the quoted word is
    people.)"""
    head = words[:4]
    if head[:1] and head[0] in _OCCURS:
        return "times" in head[1:4] or (head[1:3] == ["in", "the"] and head[3:4] in _IN_TEXTS)
    if len(head) >= 2 and head[0] in ("was", "is", "has") and head[1] in _EDITED:
        # a word is one thing ("was dropped"); "were removed" is said of people
        # from a text ("from its stylebook", "from the headings"), in a year, or no more
        rest = words[2:8]
        if not rest:
            return True
        if rest[0] == "from":
            return any(w in _TEXTS for w in rest[1:])
        return rest[0] == "in" and rest[1:2] != [] and rest[1].isdigit()
    return (
        len(head) >= 3
        and head[0] in _COPULAS
        and head[1] in _WRITTEN
        and (head[2] in _WHERE or (head[1] == "spray" and head[3:4] != [] and head[3] in _WHERE))
    )


# What a word is called as a word: "transgender is an adjective, not a verb"
_PARTS_OF_SPEECH = _words("adjective adjectives noun nouns verb verbs adverb participle")


def classed_as_word(following: list[str]) -> bool:
    """Whether the words after an unquoted term say what part of speech it is ("… is an
    adjective", "… is a noun, not a verb"): the term is named as a word."""
    if following[:1] not in (["is"], ["was"], ["isn't"]):
        return False
    rest = following[1:4]
    while rest[:1] in (["a"], ["an"], ["not"]):
        rest = rest[1:]
    return rest[:1] != [] and rest[0] in _PARTS_OF_SPEECH


def termed_as_word(following: list[str]) -> bool:
    """Whether the words after an unquoted term that starts its sentence call it a word, with
    another perhaps joined to it ("Courtesan and sugar baby are marketing terms", "Junkie is
    a slur"): the sentence is about the words."""
    if following[:1] in (["and"], ["or"]):
        following = following[2:] if following[2:3] in _COPULA_LISTS else following[3:]
    if following[:1] not in _COPULA_LISTS:
        return False
    rest = following[1:8]
    if rest[:2] == ["one", "of"]:
        rest = rest[2:]  # "… is one of those terms people use"
    while rest[:1] and rest[0] in _BEFORE_A_TERM:
        rest = rest[1:]  # "… isn't the only slang word for it"
    while rest[:1] and rest[0].endswith("ly"):
        rest = rest[1:]  # "… is widely used as a word for"
    if rest[:2] == ["used", "as"]:
        rest = rest[2:]
        while rest[:1] and rest[0] in _BEFORE_A_TERM:
            rest = rest[1:]
    if any(w in _SENTENCED or w in ("being", "on") for w in rest[:4]):
        return False  # "Felons were (often, still being) given terms", "released on terms"
    # the word noun, after two modifiers at most
    return any(w in _TERMING for w in rest[:3])


# Nouns that call a word a word, right after the copula or one modifier: not "names"
# ("household names"); "terms" after a participle is a sentence ("were given terms")
_TERMING = _words(
    "term terms word words label labels phrase phrases expression expressions slur slurs "
    "euphemism euphemisms epithet epithets pejorative pejoratives"
)
_COPULA_LISTS = (["is"], ["are"], ["was"], ["were"], ["isn't"], ["aren't"])
# what may stand between the copula and the words before a word noun ("is not the only …")
_BEFORE_A_TERM = _words("a an not the both all those these only just")
_SENTENCED = _words("given handed served serving sentenced facing offered dealt")
_FINE = _words("ok okay fine offensive acceptable appropriate slur")


def asked_of_word(before: list[str], following: list[str]) -> bool:
    """Whether a quoted term after a question's first word is asked about as a word: "Is
    'addict' ever acceptable?", 'Is "junkie" offensive?'. ('Are "illegals" accepted at the
    hospital?' asks about people.)"""
    return before in (["is"], ["isn't"], ["was"]) and any(
        w in VERDICTS or w in _FINE for w in following[:4]
    )


_ENTERING = _words("enter enters entered entering")
_WORD_BOOKS = _words("dictionary dictionaries vocabulary lexicon english print")


def gloss_after(words: list[str], *, leading: bool = False) -> bool:
    """Whether the words after a quoted term gloss it or judge it as a word. ``leading``: the
    quoted term starts its sentence, where a definition ("also known as") or a judgment of
    its own ("is the most contested") is about the word; inside a sentence they may be about
    what it names ('arrested six "johns," also known as buyers')."""
    head = words[:4]
    if not head:
        return False
    if head[0] in _GLOSS_VERBS or head[0] in ("coined", "originated"):
        return True
    if (
        leading
        and head[0] in ("just", "simply", "only", "really", "actually")
        and head[1:2] in (["means"], ["meant"], ["denotes"])
    ):
        return True  # '“…” just means “slow”', at the start of its clause
    if leading and head[1:3] == ["known", "as"] and head[0] in ("also", "otherwise"):
        return True  # '"Pre-op," also known as …'
    if leading and _meaning_denied(words[:8]):
        return True  # '“…” doesn't quite mean what it used to', '“…” no longer means …'
    if leading and _called_an_insult(words[:7]):
        return True  # '“…” was a common schoolyard insult', '“…” insults every family'
    if head[:3] == ["appeared", "in", "print"] or head[:2] == ["first", "appeared"]:
        return True  # the history of a word
    if head[0] in _REMAINING and head[1:2] == ["in"] and any(w in _IN_USE for w in head[2:4]):
        return True  # "… remains in common usage"
    if head[0] in _ENTERING and any(w in WRITING_NOUNS or w in _WORD_BOOKS for w in head):
        return True  # "… entered American slang", "… entered the dictionary"
    if head[0] == "as" and any(w in _WORD_NOUNS for w in head[1:3]):
        return True  # "… as a label"
    if _in_grammar(words[:12]):
        return True  # "… is an adjective", "… works as a noun", "… is the subject of the sentence"
    if _as_they_were_called(words[:7]):
        return True  # '“crippled” workers (as they were called)'
    if any(a in ("a", "an", "the") and w in _WORD_NOUNS for a, w in itertools.pairwise(head)):
        return True  # an appositive: '"prostituted" people, a term …'
    if leading and _called_a_word(words[:7]):
        return True  # '“…” went from a police term to an insult'

    if head[0] in _MODALS and any(
        w in _GIVEN_UP for w in [w for w in words[1:7] if w not in _NO_LONGER][:3]
    ):
        return True  # "… should not be used", "… should no longer be used"
    if head[0] in ("has", "had") and head[1:2] == ["become"]:
        head = ["is", *head[2:]]
    # "… one of his adjectives": right after the quote (its object, 'made “…” one of …'), or
    # after a copula where the quoted word leads its sentence
    counted = words[1:6] if leading and head[0] in _COPULAS else words[:5]
    if counted[:2] == ["one", "of"] and any(w in _ONE_OF_WORDS for w in counted[2:5]):
        return True  # '… one of his adjectives of choice', '… is one of the slurs'
    if leading and _judged_unfit(words):
        return True  # "… is not appropriate", a headline's "'…' not acceptable in headlines"
    coined = head[2:3] if head[1:2] != [] and head[1] in _WHEN_COINED else head[1:2]
    if head[0] in _COPULAS and coined == ["coined"]:
        return True  # "… was coined in the 1890s", "… was first coined by"
    if head[0] in _COPULAS:
        rest = head[1:]
        if rest[:1] and rest[0].endswith("ly") and len(rest[0]) > 4:
            rest = words[2:6]  # "… is transparently an epithet"
        if rest[:1] == ["not"]:
            rest = words[2:6]  # "… is not an acceptable term"
        if rest[:1] and rest[0] in _DEFINED and rest[1:2] == ["as"]:
            return True  # '“Vagrant” was construed as any …': a definition
        if rest[:1] and rest[0] in _JUDGED:
            rest = [w for w in words[2:6] if w != "as"]  # "… is considered (as) outdated"
        # a hedge before a saying noun or a word noun ("… is just hype", "… is just another
        # term for"); not before a description of people ("… are just problematic neighbours")
        hedged = rest[:1] != [] and rest[0] in ("just", "only", "simply", "merely", "mostly")
        if hedged:
            rest = rest[1:]
        if rest[:1] and rest[0] in ("a", "an", "the"):
            rest = rest[1:]
        if hedged:
            return rest[:1] != [] and (
                rest[0] in _SAYING_NOUNS or any(w in _WORD_NOUNS for w in rest[:2])
            )
        if rest[:1] and rest[0] in _DEGREES:
            rest = rest[1:]  # "… is the most offensive"
        if leading and rest[:1] and rest[0] in _DISPUTED:
            return True  # '"Inmate" is the most contested', at the sentence's start
        if rest[:1] and (
            rest[0] in VERDICTS
            or rest[0] in _SAYING_NOUNS
            or (rest[0] in NAMES_FOR_WORDS and rest[0] not in ("insult", "insults"))
        ):  # people can be "an insult to" something
            return True  # "… is outdated", "… is a myth", "… is an epithet"
        if rest[:2] == ["no", "longer"] and rest[2:3] and rest[2] in _GIVEN_UP:
            return True  # "… is no longer used"
        # "… is a term", "… is a legal term", "… is not a formal legal label" (two
        # modifiers before a word noun; "… were prominent names in town" is about people)
        if any(w in _WORD_NOUNS or w in WRITING_NOUNS for w in rest[:2]):
            return True
        return rest[2:3] != [] and rest[2] in _WORD_NOUNS and rest[2] not in ("name", "names")
    return False


_WHEN_COINED = _words("first originally")
# a verb of meaning turned down after a quoted word that leads its clause
_NEGATED_DO = _words("doesn't didn't don't can't cannot won't isn't never")
# what "mean" takes when it is people's intent, not a word's sense ("don't mean you any harm")
_INTENDED = _words("you me him her us them anyone anybody well")
_MEAN = _words("mean means meant")
_SINGULAR_COPULAS = _words("is was")


def _meaning_denied(head: list[str]) -> bool:
    """Whether ``head``, after a quoted word that leads its clause, turns its meaning down:
    "doesn't (quite) mean", "does not mean", "no longer means", "never meant"; not "never
    meant to", which is about what people intended."""
    two = (["does", "not"], ["did", "not"], ["no", "longer"], ["has", "never"], ["had", "never"])
    rest = head[2:] if head[:2] in two else None
    if rest is None:
        rest = head[1:] if head[:1] != [] and head[0] in _NEGATED_DO else []
    for k, w in enumerate(rest[:2]):
        if w in _MEAN:
            nxt = rest[k + 1 : k + 2]
            intent = nxt == ["to"] or (nxt != [] and nxt[0] in _INTENDED)
            return not (intent or "harm" in rest[k + 1 : k + 5])
    return False


def _called_an_insult(words: list[str]) -> bool:
    """Whether ``words``, after a quoted word that leads its clause, call it an insult: a
    singular verb or copula right after it ('“…” insults the people we serve', '“…” was a
    common schoolyard insult', '“…” is an insult to the bereaved'). After "are" or "were"
    an insult "to" someone may be people ('“…” are an insult to the town'), and a verb of
    their own makes them the ones insulting ('“…” yelled insults at my kids')."""
    if words[:1] == ["insults"]:
        return True
    if not words or words[0] not in _COPULAS_NOW:
        return False
    for k, w in enumerate(words[1:7], 1):
        if w in ("insult", "insults"):
            return words[0] in _SINGULAR_COPULAS or words[k + 1 : k + 2] != ["to"]
    return False


def _judged_unfit(words: list[str]) -> bool:
    """Whether ``words``, after a quoted term that leads its sentence, say it is not fit to
    use: "… is not appropriate", "… isn't acceptable in a headline", a headline's "'…' not
    OK". The verdict must end the sentence, come before "anymore" or be said of a text ("in
    our leaflets"): "… are not acceptable for this work" and "… not OK in this town" speak
    of people."""
    if words[:1] and words[0] in _COPULAS and words[1:2] == ["not"]:
        rest = words[2:]
    elif words[:1] and (words[0] in _NEGATED_COPULAS or words[0] == "not"):
        rest = words[1:]
    else:
        return False
    if not rest or rest[0] not in _NOT_FINE:
        return False
    after = rest[1:]
    return (
        not after
        or after[0] in _AFTER_FINE
        or (after[0] == "in" and any(w in _WRITTEN_TEXTS or w in _TEXTS for w in after[1:4]))
    )


def _called_a_word(words: list[str]) -> bool:
    """Whether ``words`` say that what comes before them is, was or went from "a/an" (one
    modifier perhaps) term, label or slur ("has gone from a police term"; not "served a long
    term", "have a word for")."""
    for i, w in enumerate(words):
        if w in ("a", "an") and any(n in _TERM_NOUNS for n in words[i + 1 : i + 3]):
            lead = words[:i]
            return any(v in _CHANGING for v in lead) and not any(v in _SENTENCED for v in lead)
    return False


_TERM_NOUNS = _words("term label slur euphemism epithet descriptor")
_CHANGING = _words("is was went gone became become becomes from turned")


# Parts of speech, and the roles a word has in a sentence ("… is the subject of the
# sentence"; the subject of a report is what it is about)
_PARTS_OF_SPEECH = _words(
    "noun nouns adjective adjectives verb verbs adverb adverbs pronoun pronouns modifier modifiers"
)
_ROLES = _words("subject object")
_IN_WRITING = _words("sentence clause phrase verb")
_ROLE_LEADS = _words("is was are were works worked acts acted functions functioned serves served")
_GRAMMATICAL = _words("grammatical grammatically ungrammatical")
_ROLE_FILLERS = _words("a an the both also only just simply merely used here there still")


def _as_they_were_called(words: list[str]) -> bool:
    """Whether ``words`` hold "as they were called" or the like, which marks the quoted term
    before as what people were called then."""
    # right after the term or the noun it describes ("… workers (as they were called)"; not
    # 'moved the “…” to the Pit, as it was called', the place)
    return any(
        words[k] == "as"
        and words[k + 1] in _PRONOUNS
        and words[k + 2] in _COPULAS
        and words[k + 3] in _CALLED
        for k in range(min(2, len(words) - 3))
    )


_PRONOUNS = _words("they we you")
_CALLED = _words("called known termed labelled labeled dubbed described")


def _known_as(bare: list[str]) -> bool:
    """Whether "known" comes shortly before the closing "as": one word apart at most ("known
    then as", "known to police as"), or up to three words that say when, where or how widely
    ("known at that time as", "known in the 1980s as"), not "known to us, as" ("as" meaning
    "because"), "known them as well as" or "little was known back then as"."""
    for back in range(2, 6):
        if len(bare) >= back and bare[-back] == "known":
            if back <= 3:
                return True
            # what little was known at a time ("little was known back then as …", "as well
            # known in the 1980s as …") is no name
            return _KNOWN_HOW_MUCH.isdisjoint(bare[-back - 3 : -back]) and all(
                w in _KNOWN_WHEN or any(c.isdigit() for c in w) for w in bare[1 - back : -1]
            )
    return False


# words before "known" that say how much was known, not what something was called
_KNOWN_HOW_MUCH = _words("little nothing much less more not never well")
# words between "known" and "as" that say when, where or how widely a name was used
_KNOWN_WHEN = _words(
    "at the that this those time times then in days back once formerly previously later "
    "still commonly widely popularly locally colloquially informally officially era period"
)


def _in_grammar(words: list[str]) -> bool:
    """Whether ``words`` after a quoted term name its part of speech or its role in a
    sentence ("is an adjective", "works as a noun here", "is both the subject and the object
    of the sentence"), or judge its grammar ("is grammatically correct"): talk of the word."""
    if not words or words[0] not in _ROLE_LEADS:
        return False
    if words[0] in _COPULAS_NOW and any(w in _GRAMMATICAL for w in words[1:4]):
        return True  # "… is clearly grammatically correct", "… was ungrammatical"
    rest = [w for w in words[1:] if w not in _ROLE_FILLERS and w != "as"]
    if rest[:1] and rest[0] in _PARTS_OF_SPEECH:
        return True
    if not rest or rest[0] not in _ROLES:
        return False
    # the role in a sentence, not the subject of a report; "the sentence" only where it ends
    # the sentence ("the object of the sentence the judge imposed" is a prison term)
    padded = [*words, ""]
    return any(
        padded[i] == "of"
        and padded[i + 1] in ("the", "this", "that", "a", "its")
        and padded[i + 2] in _IN_WRITING
        and (padded[i + 2] != "sentence" or padded[i + 3] == "")
        for i in range(len(words) - 2)
    )


_REMAINING = _words("remains remain remained stays stay stayed")
_DEFINED = _words("defined construed interpreted understood glossed translated")
_IN_USE = _words("usage circulation")  # "… remain in active use" is drug use
