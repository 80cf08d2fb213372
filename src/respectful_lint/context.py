"""Context of a candidate match: words around it, sentence, case and quotation.

The lexicon's guards are data; this module evaluates them.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from . import guards
from .casing import case_of, next_capitalized
from .lazyre import lazy_compile
from .model import QuotePolicies, Severity
from .normalize import PARAGRAPH, PLACEHOLDER, normalize, with_view
from .patterns import exception_regex
from .propernames import in_proper_name
from .quoting import (
    CHOOSING,
    DROPPING,
    EDITING,
    JUDGING,
    NAMES_FOR_WORDS,
    SPEAKING_OF,
    VERDICTS,
    WORD_NOUN,
    WRITING_NOUNS,
    advised_against,
    advised_against_clause,
    asked_of_word,
    blurred_by_word,
    came_to_mean,
    choosing_between,
    classed_as_word,
    commonly_named,
    denied_before,
    edited_as_word,
    found_as_word,
    found_in_text,
    gloss_after,
    heard_as_word,
    mention_frame_before,
    named_by_subject,
    read_on_a_thing,
    recorded_as,
    said_as_if,
    said_as_word,
    said_times,
    termed_as_word,
    used_as_word,
    used_in_speech,
)
from .selfdescribed import self_described
from .sentences import SENTENCE_WINDOW, sentence_bounds
from .wordclass import FUNCTION_WORDS, classes, next_word_classes
from .wording import is_person_noun
from .wordsets import word_set

if TYPE_CHECKING:
    from .lexicon.compile import CompiledLexicon
    from .model import Inflection

_WORD = lazy_compile(r"\w+(?:'\w+)*")
_CLAUSE_MARK = lazy_compile(r"[,;:.!?()]")
# ", as" right before a quoted term: "as" means "because" or "while" ("filed a complaint, as “…”")
_COMMA_AS = lazy_compile(r",\s*as\s+(?:an?\s+)?\Z")
# finds a list item in the view from a start to where it must end (see Context._walk_items)
_ItemFinder = Callable[[int, int], "re.Match[str] | None"]
_OPEN_QUOTES = "\"'\u201c\u00ab\u2039\u201e`"
_CLOSE_QUOTES = "\"'\u201d\u00bb\u203a`"
# An opening quote and the words of a short quoted phrase up to a match.
_QUOTED_HEAD = lazy_compile(r"[\"'\u201c\u00ab\u2039\u201e`](?:[\w-]+ ){0,3}(?:\w+-)?\Z")
# The words of a short quoted phrase after a match, up to where its quote closes.
_QUOTED_TAIL = lazy_compile(r"(?:,? [\w-]+){1,3}[,.;:!?]?(?=[\"'\u201c\u201d\u00bb\u203a`])")
_CLOSING = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u2039": "\u203a", "\u201e": "\u201c\u201d"}
# an assignment, a call, an index or an attribute, whose name starts with a letter or "_"
_ASSIGNED_OR_CALLED = lazy_compile(r" ?[-+*/]?=(?!=)|\(|\[|\.[A-Za-z_]")
_EX = lazy_compile(r"(?<![\w-])ex-\Z")  # the prefix "ex-" right before a match
# What after a hyphen makes a compound about the people the word before it names: who runs
# or fills a thing, or what someone became or looks like ("inmate-run", "junkie-filled",
# "felon-owned", "prostitute-turned-author", "crackhead-looking"). Compounds such as
# "user-defined" or "user-supplied" keep to their own sense
_KEEPS_SENSE = lazy_compile(
    r"-(?:run|led|owned|operated|staffed|founded|filled|packed|crowded|infested|ridden"
    r"|dominated|turned|looking|like)(?![\w'])"
)
# A hyphen glued to a conjunction, an article, a pronoun or a word that opens an aside, with
# a space after it, is a dash typed without spaces, not a compound: "a cause of mental
# retardation-and of other deficits", "felons-even those", "a junkie-he stole"; "rock-and-roll"
# goes on with another hyphen. After "and", "or", "but", "yet" or "not" only a function word
# or a verb starts a new phrase ("addicts-and their families"); another word may share the
# noun after it with the word before the hyphen ("the homeless-and hungry children", "the
# homeless-or housing-insecure tenants", "the mentally ill-but stable patients"); "-a" and
# "-b" are labels ("prisoner-a")
_DASH_TYPED = lazy_compile(
    r"-(and|or|nor|but|yet|not|the|which|who|whose|whom|as|including|even|mostly|most|many"
    r"|some|all|then|if|when|while|because|since|though|he|she|they|we|they're|we're|he's"
    r"|she's|it's|their|so|that|often|especially|usually) ([\w']*)"
)
# Words after which a hyphen may join two words that share the noun after them ("the
# homeless-and hungry children", "the mentally ill-but stable patients")
_SHARING = frozenset({"and", "or", "nor", "but", "yet", "not"})
# Words of degree, time or denial that lead an adjective after those words ("the homeless-but
# not hopeless pupils", "the mentally ill-yet still working")
_DEGREE = word_set(
    "not no very still just once often so too quite rather really largely mostly now newly "
    "formerly near nearly almost barely always never"
)
# Words of a sentence that speaks of words as words: nouns that name nothing else, and
# "terms", "words" or "phrases" after a word that sorts them ("older terms"), which "in terms
# of", "on their own terms" and "had words with" are not; a word "in a caption"
_WORD_TALK = lazy_compile(
    r"(?<![\w-])(?:slang|jargon|terminology|vocabular(?:y|ies)|stylebooks?|style ?guides?"
    r"|glossar(?:y|ies)|dictionar(?:y|ies)|linguists?|etymology|lexicon|pejoratives"
    r"|(?:as|considered|deemed|seen as) pejorative"
    r"|(?:older|old|such|these|those|similar|offensive|outdated|derogatory|new|preferred"
    r"|medical|clinical|loaded|stigmatizing|stigmatising|neutral) (?:terms|words|phrases)"
    r"|in (?:a|the|its|our|their) captions?"
    r"|r-words?)(?![\w-])"  # the euphemism for the slur it talks of: 'the R-word, “…”'
)
# A short quoted phrase: a single quote opens after no word character (not "user's") and
# closes before none
_QUOTED_PHRASE = lazy_compile(
    r"(?:[\"\u201c\u00ab]|(?<!\w)')([^\"\u201c\u201d\u00ab\u00bb']{1,60})(?:[\"\u201d\u00bb]|'(?!\w))"
)
# a quoted list item right before another one's opening quote, and the comma, "and" or "or"
# after it (a comma may stand inside the closing quote: “inmate,” “felon”)
_QUOTED_ITEM = lazy_compile(
    r"[\"\u201c'\u2018]([^\"\u201c\u201d'\u2018\u2019]{1,60})[\"\u201d'\u2019\u2018]"
    r"[ ,;]*(?:(?:and|or) +)?(?:(?:a|an) +)?\Z"
)
# what stands between the last word before a term and the term, and the marks in it that
# join two items rather than name one ("names & hookers" is no "the names hookers"); a
# comma may set the term off ("the word, junkie, is")
_GAP_BEFORE = lazy_compile(r"(?<=\w)([^\w]*)\Z")
_JOINING = lazy_compile(r"[&;.!?+/]")
_COMMA_BEFORE = lazy_compile(r",\s*(?:(?:a|an|the)\s+)?\Z")
# a label set against what someone is said to be, at its clause's end: "treat them as
# victims, not criminals", "they are patients, not addicts" ("arrested johns, not
# prostitutes" names other people)
_REJECTED_LABEL = lazy_compile(
    r"(?:(?<![\w'])(?:as|is|are|was|were|be|been|being)|'re|'s) (?:an? |the )?"
    r"((?:[\w-]+ ){0,3}(?!and )[\w-]+)(?:, (?:and )?| and | )not (?:an? )?\Z"
)
# what may follow the people word before ", not": a phrase about them ("neighbours with rights")
_PHRASE_STARTS = frozenset(("with", "of", "in", "from", "who"))
# What people are said to be when a label is set against it: words for people as people
# ("patients, not addicts", "workers, not criminals"); "victims" only against a label for
# offenders ("victims, not criminals"; "they are victims, not prostitutes" still labels them)
_AFFIRMED = word_set(
    "people person persons human humans beings patients patient survivors survivor workers "
    "worker neighbours neighbors neighbour neighbor students student individuals individual "
    "citizens citizen members member adults adult children child kids "
    "mothers mother fathers father parents parent clients client immigrants immigrant migrants "
    "migrant refugees refugee residents resident noncitizens noncitizen"
)
_VICTIMS = word_set("victims victim")
_PREPOSITIONS = word_set("for to on at by about among between into onto toward towards upon")
_OFFENDER_LABELS = word_set(
    "criminal criminals offender offenders felon felons convict convicts delinquent delinquents"
)
# what ends a clause after an unquoted term named as a word (see Context._ends_clause)
_CLAUSE_END = lazy_compile(r" ?(?:[.,;:!?)]|\Z|\x1e|(?:or|and) [\w'-]+ ?(?:[.,;:!?)]|\Z))")
# a list item of one word right before a match, and the comma, "and", "or" or "even" after
# it; or of two words ("call girl"), tried when items of one word lead to no frame
_CONNECTOR = r"(?:,? (?:and|or) even |, even |, and |, or |, | and | or )"
_LIST_ITEM = lazy_compile(r"(?<![\w'-])[\w'-]+" + _CONNECTOR + r"\Z")
_WHO_AFTER = lazy_compile(r" (?:who|whom|whose)(?![\w'-])")
_LIST_ITEM_OF_TWO = lazy_compile(r"(?<![\w'-])([\w'-]+) ([\w'-]+)" + _CONNECTOR + r"\Z")
_NOUN = frozenset({"noun"})
_OPTION_AFTER = lazy_compile(r" --?[a-z][\w-]*(?:[ =]|$)")
_PROMPT = lazy_compile(r"[ \t]*(?:>>>|\.\.\.|\$|#) ")  # an interpreter's or a shell's prompt
_LIST_ITEM_BEFORE = lazy_compile(r"(?:^|[\s,(])([\w.]+), \Z")
_LIST_ITEM_AFTER = lazy_compile(r", ([\w.]+)(?=[,)]| and | or )")
# camelCase or PascalCase with an inner capital, snake_case, dotted names, or letters + digits
_CODE_NAME = lazy_compile(r"[a-z][A-Z]|[A-Z]{2,}[a-z]|_|\w\.\w|[a-zA-Z]\d")
_COMPOUND = lazy_compile(r"\w+(?:['\-]\w+)*")
# Where a quoted singular person noun with no article is named as a word (see
# Context._bare_word): after a preposition, after a verb that takes words, or leading a
# clause (after its start or a word that opens one) before a verb that says what a word does
_BARE_PREPOSITIONS = word_set("at of about like than over against")
_TAKING_WORDS = word_set(
    "use uses used using type types typed typing print prints printed printing write writes "
    "wrote writing hate hates hated avoid avoids avoided avoiding replace replaces replaced "
    "replacing ban bans banned banning drop drops dropped dropping reject rejects rejected "
    "rejecting prefer prefers preferred dislike dislikes disliked hear hears heard hearing "
    "allow allows allowed"
)
_SAYING_WORDS = word_set("say says said saying call calls called calling mean means meant")
# words inside a quotation that make it a phrase about people, not a term ('“inmates as
# cheap labor”')
_PHRASE_WORDS = word_set("as to for")
_CLAUSE_LEADS = word_set(
    "because since although though while whereas if when that and but so why how whether"
)
_HEDGES = word_set("also still often just only really simply even never always now itself")
_HEDGE_PAIRS = (["sort", "of"], ["kind", "of"])
# Verbs that say what a word does to people ('"Felon" stigmatizes people for life')
_WORD_DOINGS = word_set(
    "means meant implies implied conveys conveyed connotes reduces reduced strips stripped "
    "evokes evoked conjures conjured defines denotes dehumanizes dehumanises stigmatizes "
    "stigmatises reinforces perpetuates erases erased lumps lumped hurts stings smacks reeks "
    "objectifies criminalizes criminalises shames flattens brands branded labels enforces"
)
# After "say", only what a person cannot do ('Neighbours say "junkie" sounds ill again' is
# a person; 'Advocates say "felon" stigmatizes people for life' a word)
_WORD_ONLY_DOINGS = word_set(
    "means meant implies implied connotes conveys conveyed denotes dehumanizes dehumanises "
    "stigmatizes stigmatises objectifies criminalizes criminalises reinforces perpetuates "
    "erases evokes conjures"
)
# "I" set off by commas after a term: an aside ("Being a felon, I would argue, should not …")
_ASIDE = lazy_compile(r", (?:i|we)(?:'m|'d|'ve|'re)?(?: [\w']+){1,3},")
# What stands between "is" and a kind of word ('is an outdated term'; not 'is serving a
# second term')
_BEFORE_A_KIND = word_set("a an the not no still now just simply also often")
# a label turned down or left behind in quotes (see Context._label_refused_or_left)
_BE_FORMS = word_set("is are was were be been being am")
_BE_NOT = word_set("isn't aren't wasn't weren't ain't")
# "does not make them a “…”": the negated "do" (who is not made into the label: _MADE_INTO)
# (the present only: "the pills did not make him an “addict”; the heroin did" tells a story)
_DO_NOT = word_set("doesn't don't")
_QUESTION_WORDS = word_set("why how what where when who whom which whose")
# verbs of writing after a quoted word: the word as written on something. People seldom do
# the first ones on a place themselves; they do paint or carve ('the “inmates” painted on
# canvases'), so those need more (see Context._written_on)
_WRITTEN_ONLY = word_set(
    "printed written stamped stenciled stencilled scrawled etched emblazoned tattooed "
    "embroidered graffitied"
)
_WRITTEN = _WRITTEN_ONLY | word_set("painted sprayed carved inked typed scratched keyed")
_ON_A_SURFACE = word_set("on onto across down along over above below beneath into")
_WRITTEN_WHERE = _ON_A_SURFACE | word_set("under inside in")
# what bears a written word, right before its quote ('with “INMATE” stencilled', 'had “felon”')
_BEARING = word_set("with had has have having bearing bore bears found saw see sees")
_NOT_ONLY = word_set("just even only merely simply really actually")
# the sex trade's words in quotes after "not" often rename adults as victims: a claim
_RENAMED_CATEGORIES = frozenset(("sex-work", "child-exploitation", "trafficking", "conflation"))
_OBJECT_PRONOUNS = word_set("them him her us me you it")
_MADE_INTO = _OBJECT_PRONOUNS | word_set("someone anyone somebody anybody people one")
_REPLACING = word_set("replace replaces replaced replacing swap swaps swapped swapping")
# verbs of renaming before "from" (not of motion: "the virus moved from “junkies” to …")
_RENAMING = word_set(
    "transformed transform transforms transforming changed change changes changing evolved "
    "evolve evolves evolving rebranded renamed recast relabeled relabelled"
)
# two quoted terms set against each other: 'the difference between “hooker” and “escort”'
_AND_QUOTED = lazy_compile("[,.]? and [\"'\u201c\u2018]")
# two quoted terms at the ends of a range: 'from “…” to “…”'
_TO_QUOTED = lazy_compile("[,.]? to [\"'\u201c\u2018]")
_FROM_QUOTED = lazy_compile(
    'from ["\'\u201c\u2018][^"\u201d\u2019]{1,60}["\'\u201d\u2019][,.]? to \\Z'
)
# after a quoted term, another put in its place ('“…” instead of “non-citizen”')
_INSTEAD_QUOTED = lazy_compile("[,.]? (?:instead of|rather than|in place of) [\"'\u201c\u2018]")
# a quoted term rewritten as another in a style note ('“…” becomes “people with …”', '“…”
# should be “…”'); the word with no determiner or owner before it, as a style note writes it
# ('her “john” became “Mr. Right”' and 'every “illegal” should be “sent home”' are people)
_BECOMES_QUOTED = lazy_compile("[,.]? (?:becomes|should be|->|\u2192) [\"'\u201c\u2018]")
_REWRITTEN_NOT_AFTER = word_set(
    "the this that these those a an every each any some all no his her their its our my your "
    "former old new"
)
# a quoted term, then "(not" before another: the second is the word to avoid, after a verb
# of speaking or writing or a word for words ('talk about “…” (not “…”)'; not 'arrest
# “buyers” (not “prostitutes”)', people)
_NOT_IN_BRACKETS = lazy_compile(
    '["\u201c\u00ab][^"\u201c\u201d\u00ab\u00bb]{1,80}["\u201d\u00bb],? ?\\( ?(?:and |but )?not \\Z'
)
_SPEAKING_OF = (
    CHOOSING
    | EDITING
    | WORD_NOUN
    | word_set(
        "talk talks talking speak speaks speaking refer refers referring describe describes "
        "describing print prints printed words terms labels insist insists insisted insisting"
    )
)
# words for words before a range of quoted terms ('labels for them range from …')
_NAMING_WORDS = WORD_NOUN | word_set("words terms labels names phrases expressions slurs insults")
_RANGING = word_set("range ranges ranged ranging run runs ran vary varies varied span spans")


def _judged_right_before(words: list[str]) -> bool:
    """Whether ``words`` end with an article, perhaps an adverb, and a verdict on a word ("the
    heavily stigmatizing", "the offensive")."""
    if not words or words[-1] not in _WORD_VERDICTS:
        return False
    lead = words[-3:-2] if len(words) > 2 and words[-2].endswith("ly") else words[-2:-1]
    return lead in (["the"], ["a"], ["an"], ["this"], ["that"])


_JOKING = word_set("joke jokes joked joking")
# verdicts that judge a word when they stand right before it
_WORD_VERDICTS = word_set(
    "stigmatizing stigmatising pejorative derogatory offensive dehumanizing dehumanising "
    "outdated archaic obsolete"
)

# verdicts on words, and words for words, before a quoted example in brackets ('the
# language seems dated (“…”)'); not verdicts that may judge people or things ("problematic")
_BRACKET_VERDICTS = _WORD_VERDICTS | word_set("dated")
_BRACKET_TAIL = word_set(
    "most especially particularly notably among others etc and so on in particular above all "
    "for example instance throughout"
)
_BRACKET_TAIL_REACH = 40  # characters between the last quoted example and its bracket
_BRACKET_NOUNS = _NAMING_WORDS | WRITING_NOUNS | word_set("phrasing vocabulary")


def _said_right_before(words: list[str]) -> bool:
    """Whether a verb of speaking, writing or choosing, or a word for words, takes the quoted
    term right after ``words`` ('write “…”', 'talk about “…”', 'insisting on “…”'; not 'the
    chief said officers will arrest “…”')."""
    if words[-1:] and words[-1] in _SPEAKING_OF:
        return True
    return words[-1:] in (["about"], ["on"]) and words[-2:-1] != [] and words[-2] in _SPEAKING_OF


_BETWEEN_QUOTED = lazy_compile(
    'between ["\'\u201c\u2018][^"\u201d\u2019]{1,60}["\'\u201d\u2019][,.]? and \\Z'
)
# what stands before a quoted term, or a list of them, that a noun for a kind of word
# follows ('the “illegal alien” term', 'the "junkie" stereotype', 'the “…” designation'),
# and those nouns; an article or a possessive after the noun makes it a verb ('the
# “junkies” slur their words')
_NOUN_LEADS = word_set("the this that a an")
# quotation marks that may open a quotation in the view (a single one is an apostrophe there)
_OPENING_MARKS = frozenset("\"'\u201c\u201e\u00ab")
# one or two words in lower case and a closing mark: a quoted noun, not quoted speech ('asked
# the homeless “Coffee or tea?”', 'greeted the homeless “brothers and sisters”')
_QUOTED_NOUN = lazy_compile("[a-z][a-z-]*(?: [a-z][a-z-]*)?[\"'\u201d\u00bb]")
_KINDS = WORD_NOUN | word_set(
    "stereotype stereotypes designation moniker nickname trope tropes caricature caricatures "
    "cliche cliches cliché clichés"
)
# nouns for what a quoted phrase of several words may name ('the “end demand” campaigns'),
# unless a preposition follows, which makes a verb of them; after one quoted word they may
# name its campaigners ('the “johns” campaign for anonymity')
_SLOGANS = word_set("slogan slogans campaign campaigns")
# nouns for a policy named by a slogan that a verb leads ('the “end demand” model'); not
# 'the “heroin addict” model' (a person) or 'the “drug addict” approaches' (a verb)
_POLICIES = word_set("model approach scheme strategy policy plan")
# words before a quoted noun that make it people ('a few “…”', 'her “…”')
_HOLDING_PEOPLE = word_set("few many several some her his their our my your its")
# drugs, which lead a term for people ('the “drug addict” model', 'the “dope fiends” plan')
# though the word class table also knows them as verbs
_DRUGS = word_set("drug drugs crack dope meth smack coke heroin pill pills opium cocaine")


def _policy_slogan(words: list[str]) -> bool:
    """Whether quoted ``words`` before a noun for a policy are a slogan that names it: led by
    a verb ('the “end demand” model', 'the “lock up the junkies” plan'), not by a drug, a
    participle or "sex"; of two words, not ending in a plural, whose policy noun may be a
    verb ('the “drug addicts” plan to camp')."""
    if len(words) < 2 or words[0] in _DRUGS or "verb" not in classes(words[0]):
        return False
    if words[0].endswith("ing") or words[0] == "sex":
        return False  # a participle or a noun before a person ('the “recovering addict” model')
    return len(words) > 2 or not _plural_s(words[-1])


_CAMPAIGNING = word_set("for against to on at in with outside across")
_OBJECT_LEADS = word_set("the a an their his her its our my your")
# words of conflict or contact between people ('a fight between "junkies" and "dealers"'):
# two quoted terms after "between" are otherwise words set against each other
_AT_ODDS = word_set(
    "fight fights fighting fought scuffle scuffles clash clashes clashed tension tensions "
    "feud feuds brawl brawls war wars dispute disputes mediated mediate violence conflict "
    "conflicts line lines relations relationship relationships trade deals"
)
# a child's label denied with an article ("is not a “child prostitute”")
_DENIED_ONE = (["not", "a"], ["not", "an"], ["never", "a"], ["never", "an"])
# The next quoted item of a list, with the mark after it ('“inmate,” “felon”.')
_QUOTED_NEXT_ITEM = lazy_compile(
    " ?(?:,? (?:and|or) |, )[\"\u201c\u2018']"
    '[^"\u201c\u201d\u2018\u2019]{1,60}?[,.;:!?]?["\u201d\u2019\']'
)
# "says" and a colon or comma after a quoted word: what the word says ('“Substance abuser”
# says, “hopeless”'; not '"Junkie" says he paid me back')
_SAYS_WHAT = lazy_compile("[\u201d\"'] says[,:]")
# Verbs that put a word into a text ('typing 'inmate' into the search box')
_WRITING_WORDS = word_set("type types typed typing write writes wrote writing print printed")
# Endings of nouns that are not counted ("retardation", "disclosure"): they stand bare in use
_UNCOUNTED_ENDINGS = ("tion", "sion", "ment", "ness", "ism", "ity", "ure", "ence", "ance", "ing")
_TOKEN_REACH = 200  # how far an address around a match is looked for
_TOKEN_EDGES = "\"'()[]{}<>.,;:!?"


def _starts_phrase(word: str) -> bool:
    """Whether ``word``, after "and", "or", "but", "yet" or "not", starts a new phrase: a
    function word or a word that is only a verb and no participle ("retarded-and sent him
    away", "addicts-and their families"), not one that may describe a noun shared with the
    word before them ("the homeless-and abandoned dogs", "the homeless-but not hopeless")."""
    if word in _DEGREE:
        return False  # "the homeless-but not hopeless pupils", "the disabled-and very frail"
    found = classes(word)
    return "function" in found or (found == {"verb"} and not word.endswith(("ed", "en", "ing")))


class Context:
    """One segment's text, its normalized view and lazily computed context."""

    __slots__ = (
        "_bounds",
        "_last",
        "_quotes",
        "_titles",
        "literals",
        "map",
        "needed",
        "norm",
        "quoted",
        "text",
    )

    def __init__(self, text: str, *, quoted: bool = False, view: str | None = None) -> None:
        """``view``: the normalized view of ``text``, when the caller has it already."""
        self.text = text
        self.norm, self.map = normalize(text) if view is None else with_view(text, view)
        self.quoted = quoted
        self._last = (0, 0)  # the last sentence found, reused for offsets inside it
        # sentence bounds asked for at offsets near the last few candidates (the checks of one
        # candidate ask at the same few offsets), and whether a sentence is in Title Case
        self._bounds: dict[int, tuple[int, int]] = {}
        self._titles: dict[tuple[int, int], tuple[int, int]] = {}
        self._quotes: _Quotes | None = None  # where paragraphs start and quotes stand
        # start offsets of the scanner's literals (pattern and conflation anchors) in the view,
        # once the candidate scan has run
        self.literals: dict[str, list[int]] | None = None
        # the words term rules' requirements need that stand in the view, once one asked
        self.needed: frozenset[str] | None = None

    # --- positions -------------------------------------------------------------------------

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the segment text of a span of the normalized view."""
        return self.map.span(start, end)

    def original(self, start: int, end: int) -> str:
        s, e = self.source_span(start, end)
        return self.text[s:e]

    def sentence_bounds(self, offset: int) -> tuple[int, int]:
        """Start and end (in the normalized view) of the sentence holding ``offset``.

        Only a window around the offset is searched, so long segments stay cheap.
        """
        start, end = self._last
        if start <= offset < end:
            return start, end
        found = self._bounds.get(offset)
        if found is not None:
            return found
        found = self._find_bounds(offset)
        if len(self._bounds) >= _BOUNDS_KEPT:
            self._bounds.clear()
        self._bounds[offset] = found
        lo, hi = found
        # A sentence found between two real ends, and short enough that every offset inside it
        # sees both ends within its own search window, is the answer for all of those offsets.
        if (
            hi - lo <= SENTENCE_WINDOW // 2
            and (lo == 0 or lo > offset - SENTENCE_WINDOW)
            and (hi == len(self.norm) or hi < offset + SENTENCE_WINDOW)
        ):
            self._last = found
        return found

    def _find_bounds(self, offset: int) -> tuple[int, int]:
        return sentence_bounds(self.norm, offset)

    def words_before(self, start: int) -> list[str]:
        s, _ = self.sentence_bounds(start)
        return _WORD.findall(self.norm, s, start)

    def words_after(self, end: int) -> list[str]:
        _, e = self.sentence_bounds(max(end - 1, 0))
        return _WORD.findall(self.norm, end, e)

    def _clause_after(self, closing: int) -> list[str]:
        """The words after a closing quotation mark up to the next mark that ends a clause."""
        _, e = self.sentence_bounds(closing)
        mark = _CLAUSE_MARK.search(self.norm, closing + 1, e)
        return _WORD.findall(self.norm, closing + 1, mark.start() if mark else e)

    def last_words(self, start: int, count: int) -> list[str]:
        """The last ``count`` words of :meth:`words_before`, or all of them when there are no
        more, read from a stretch before ``start`` rather than from the sentence's start."""
        s, _ = self.sentence_bounds(start)
        lo = max(s, start - 40 * count)
        words = _WORD.findall(self.norm, lo, start)
        if lo > s and len(words) <= count:  # a long word or a cut word: read it all
            words = _WORD.findall(self.norm, s, start)
        return words[-count:]

    def sentence_start(self, start: int) -> bool:
        s, _ = self.sentence_bounds(start)
        return not _WORD.search(self.norm, s, start)

    def speech_start(self, start: int, end: int) -> bool:
        """Whether the match opens a quoted sentence after a comma or a colon ('she wrote,
        "The Homeless must leave by Friday"'), where a capital starts what is quoted: the quotation
        goes on after the match in lower case. A quotation that closes right after the match,
        or goes on in capitals, is a title ('his book, "The Homeless", argues')."""
        norm = self.norm
        if start < 3 or norm[start - 1] not in _OPEN_QUOTES:
            return False
        if norm[start - 3 : start - 1] not in (", ", ": "):
            return False
        after = self.source_span(start, end)[1]
        following = _WORD.search(self.text, after, after + 40)
        if following is None or not following.group()[:1].islower():
            return False
        between = self.text[after : following.start()]
        if any(q in between for q in _CLOSE_QUOTES + "\u2019"):
            return False
        # a title that goes on in capitals and small words to its closing quote ('“The
        # Homeless and the City”, opens'), or whose subtitle follows a colon ('“The Homeless:
        # a year on the streets”')
        if _TITLE_TO_QUOTE.match(self.text, after):
            return False
        subtitle = _SUBTITLE.match(self.text, after)
        return subtitle is None

    def after_label(self, start: int, end: int) -> bool:
        """Whether the match starts a clause after a short label and a colon that lead its
        sentence ("Background: Substance abuse among ..."), where a capital starts the
        clause as at a sentence's start. Only a match of several words, the later ones in
        lower case, tells: "Author: Hooker" names someone."""
        shown = self.original(start, end).split()
        if len(shown) < 2 or not all(w.islower() for w in shown[1:]):
            return False
        before = self.norm[max(0, start - 3) : start]
        quoted = len(before) == 3 and before[0] == ":" and before[1] in _CLOSE_QUOTES + "\u2019"
        if not before.endswith(": ") and not (quoted and before[2] == " "):
            return False  # a label's colon, inside its quotes too ("'Narcan parties:' Drug …")
        s, _ = self.sentence_bounds(start)
        return len(_WORD.findall(self.norm, s, start)) <= 3

    # --- verification ------------------------------------------------------------------------

    def verify(self, lexicon: CompiledLexicon, index: int, start: int, end: int) -> Severity | None:
        """The severity of a candidate match, or None when a guard says it is fine."""
        rule = lexicon.rules[index]
        entry = rule.entry
        severity = entry.severity
        if self.in_compound(start, end):
            return None
        exceptions = lexicon.exceptions.get(index)
        if exceptions is not None:
            lo, hi = max(0, start - 200), min(len(self.norm), end + 200)
            for m in exception_regex(exceptions).finditer(self.norm, lo, hi):
                if m.start() < end and start < m.end():
                    return None
        if entry.requires or entry.guards:
            site = TermSite(self, start, end)
            if entry.requires and not any(guards.holds(c, site) for c in entry.requires):
                return None
            guard = guards.first_holding(entry.guards, site)
            if guard is not None:
                if guard.action == "skip":
                    return None
                severity = guards.act(guard.action, severity)
        # last: most candidates have failed a test by now
        if self.in_address(start, end) or self.in_proper_name(start, end):
            return None
        if self.self_described(start, end):
            return None
        kind = self.quote_kind(start, end)
        if kind == "scare" and (
            self._bare_word(rule.forms, start, end)
            or self._beside_quoted_wording(lexicon, start)
            or self._talks_of_words(start)
            or self._label_refused_or_left(start, entry.category)
            or self._written_on(start, end)
        ):
            # 'whether “prostitute” or “sex worker” fits', 'warns on “transgendered” and
            # suggests “transgender”': words weighed against a wording in quotes; 'how “drug
            # addict” displaced older terms', 'used “crackhead” in a caption': a sentence about
            # words
            kind = "mention"
        return self.quoting(entry.quotes, severity, start, kind == "mention", scare=kind == "scare")

    def _bare_word(self, forms: Mapping[str, Inflection], start: int, end: int) -> bool:
        """Whether the quoted term at ``start`` is a singular noun for a person standing alone where
        prose would need an article: it is named as a word. Three places count, in a sentence that
        ends with a stop (a headline drops its articles: 'Cops arrest "hooker" at hotel'): right
        after a preposition ('many flinch at “junkie.”', 'the meanings of "felon" and "convict"?')
        or a verb that takes words ('kept typing 'inmate' into the box', 'the trouble with using
        "illegal immigrant".') where the quote, or the list of quoted words it stands in, ends with
        a stop; or leading its clause before a verb that says what a word does ('“Substance abuser”
        says, …', '"Addict" erases the person', 'because "sex change" is a …'). In a list of quoted
        words the first item's place counts. The form must have a plural among its rule's forms (a
        noun that is counted, not "prostitution") and be a noun."""
        norm = self.norm
        if not start or norm[start - 1] not in _OPEN_QUOTES:
            return False
        close = end + 1 if norm[end : end + 1] in (",", ".", "!", "?", ";", ":") else end
        if norm[close : close + 1] not in _CLOSE_QUOTES or not norm[close : close + 1]:
            return False
        form = forms.get(norm[start:end])
        if form is None or form.plural or form.possessive:
            return False
        if not any(f.plural and f.base == form.base for f in forms.values()):
            return False
        last = norm[start:end].rsplit(" ", 1)[-1].rsplit("-", 1)[-1]
        found = classes(last)  # an unknown word ("crackwhore") may be a noun
        if (found and "noun" not in found) or last.endswith(_UNCOUNTED_ENDINGS):
            return False
        lo, hi = self.sentence_bounds(start)
        if (
            not norm[lo:hi]
            .rstrip(" \n\"'\u201d\u2019)]" + PARAGRAPH)
            .endswith((".", "!", "?", ":"))
        ):
            return False  # a headline or a heading
        # an item of a list of quoted words: as the first item stands
        opening = self._quoted_list_start(start - 1)
        if opening is None:
            return False
        words = self.words_before(opening)
        before = words[-1] if words else ""
        following = self.words_after(close + 1)[:8]
        after = close + 1 if norm[close : close + 1] else close
        # a stop or the like ends it, not a comma ('scared of "junkie", the guy in 4B')
        stop = norm[end : end + 1] in (".", "!", "?", ";", ":") or norm[after : after + 1] in (
            "",
            ".",
            "!",
            "?",
            ";",
            ":",
            ")",
            PARAGRAPH,
        )
        # a list of quoted words ends where its last item does ('about "alien" and
        # "immigrant"?'; not 'about "junkie" and "hooker" in flat 3')
        last_item = self._quoted_list_end(after)
        if last_item != after:
            stop = norm[last_item : last_item + 1] in ("", ".", "!", "?", ";", ":", ")", PARAGRAPH)
        if before in _BARE_PREPOSITIONS or before in _TAKING_WORDS or before in _SAYING_WORDS:
            if stop:
                return True  # 'flinch at “junkie.”', 'the trouble with using "…".'
            if before in _WRITING_WORDS and following[:1] == ["into"]:
                return True  # 'kept typing 'inmate' into the search box'
            if before not in _SAYING_WORDS:
                return False  # 'Thanks to "felon" who mended our fence'
            # what is said of the word: 'Advocates say “felon” follows people for life'
        elif before and before not in _CLAUSE_LEADS:
            return False
        while following and (
            following[0] in _HEDGES or following[0].endswith("ly") or following[:2] in _HEDGE_PAIRS
        ):
            following = following[2:] if following[1:2] == ["of"] else following[1:]
        doings = _WORD_ONLY_DOINGS if before in _SAYING_WORDS else _WORD_DOINGS
        if not before and _SAYS_WHAT.match(norm, close):
            return True
        if following[:1] and following[0] in doings:
            return True  # '"Addict" erases the person', '"Felon" stigmatizes people'
        # an auxiliary, then what kind of word it is: '"sex change" is an outdated term'; not
        # what someone did ('"Illegal alien" was arrested at the depot')
        return (
            before not in _SAYING_WORDS
            and following[:1] in (["is"], ["was"])
            and following[1:2] != []
            and following[1] in _BEFORE_A_KIND
            and any(w in WORD_NOUN for w in following[2:6])
        )

    def _label_refused_or_left(self, start: int, category: str) -> bool:
        """Whether the quoted term at ``start`` is a label the sentence turns down or leaves
        behind: after a subject, a copula and "not" ('these were not “illegals” who might
        flee', 'she isn't a “junkie”'), after "not make them" ('it doesn't make them
        “illegals”'), or after a verb of renaming and "from" ('were recast from “junkies” to
        organisers'). Not in a question ('why aren't
        “johns” arrested'), and not for the sex trade's words, where 'they are not
        “prostitutes”' goes on to rename adults as victims: that claim keeps its finding.
        Without the quotes the word is used ('they are not prostitutes')."""
        if category in _RENAMED_CATEGORIES:
            return False
        norm = self.norm
        opening = start - 1
        if start >= 3 and norm[start - 2 : start] == "a " and norm[start - 3] in _OPEN_QUOTES:
            opening = start - 3  # '“a junkie”': the article inside the quotes
        elif start >= 4 and norm[start - 3 : start] == "an " and norm[start - 4] in _OPEN_QUOTES:
            opening = start - 4
        if opening < 0 or norm[opening] not in _OPEN_QUOTES:
            return False
        first = self._quoted_list_start(opening)
        if (
            first is not None
            and first != opening
            and self._label_refused_or_left(first + 1, category)
        ):
            # a later item of a list of quoted labels shares the first one's frame ('no
            # one is “wheelchair-bound” or “confined to a chair”')
            return True
        words = self.last_words(opening, 6)
        if words[-1:] and words[-1] in ("a", "an", "the", "some"):
            words = words[:-1]
        while words and words[-1] in _NOT_ONLY:
            words = words[:-1]  # "not just a “…”", "not even “…”"
        if words[-2:] == ["no", "longer"]:
            words = [*words[:-2], "not"]  # "they are no longer “…”"
        elif words[-1:] == ["no"]:
            words = [*words[:-1], "not"]  # "he was no “…”"
        if (
            len(words) >= 3
            and words[-1] in _MADE_INTO
            and words[-2] == "make"
            and (
                words[-3] in _DO_NOT or (words[-3] == "not" and words[-4:-3] in (["does"], ["do"]))
            )
        ):
            return True  # "it doesn't make them “illegals”"
        if words[-1:] == ["from"] and len(words) >= 2:
            if words[-2] in _RENAMING:
                return True
            return len(words) >= 3 and words[-3] in _RENAMING and words[-2] in _OBJECT_PRONOUNS
        if (
            words[-1:]
            and words[-1] in _BE_FORMS
            and (words[-3:-1] == ["no", "one"] or words[-2:-1] in (["nobody"], ["no-one"]))
        ):
            return True  # 'nobody is a “junkie” here': denied of everyone
        if words[-1:] and words[-1] in _BE_NOT:
            subject = words[-2:-1]  # "she isn't a “…”"
        elif len(words) >= 2 and words[-1] in ("not", "never"):
            be = words[-2]
            if be.endswith(("'s", "'re", "'m")):
                subject = [be]  # "he's not a “…”"
            elif be in _BE_FORMS:
                subject = words[-3:-2]
            else:
                return False
        else:
            return False
        return bool(subject) and subject[0] not in _QUESTION_WORDS

    def _written_on(self, start: int, end: int) -> bool:
        """Whether the quoted term from ``start`` to ``end`` is a word written on something: a
        verb of writing or printing, then where, follows its closing quote, after "was" ('“…”
        was spray-painted on her car'), after what bears it before the quote ('with “INMATE”
        stencilled down one leg', 'had “felon” stamped across it') or in capitals; not people
        who paint ('the “inmates” painted on canvases') or are written about."""
        norm = self.norm
        if norm[end : end + 1] not in _CLOSE_QUOTES or not norm[end : end + 1]:
            return False
        following = _WORD.findall(norm, end + 1, min(len(norm), end + 50))[:5]
        passive = bool(following[:1]) and following[0] in _BE_FORMS
        if passive:
            following = following[1:]
        if following[:1] and following[0] not in _WRITTEN and following[1:2]:
            following = following[1:]  # "spray-painted", "hand-written", "boldly printed"
        if len(following) < 2 or following[0] not in _WRITTEN:
            return False
        if following[1] not in _WRITTEN_WHERE:
            return False
        if passive or self.original(start, end).isupper():
            return True
        if following[0] in _WRITTEN_ONLY and following[1] in _ON_A_SURFACE:
            return True  # '“felon” etched on the side'; not 'the “junkies” etched in a studio'
        before = self.last_words(max(0, start - 1), 1)
        return bool(before) and before[0] in _BEARING

    def _talks_of_words(self, start: int) -> bool:
        """Whether the sentence of the quoted term at ``start`` speaks of words as words
        ("terms", "slang", "a caption", "the stylebook", "linguists", "the R-word")."""
        lo, hi = self.sentence_bounds(start)
        return _WORD_TALK.search(self.norm, lo, hi) is not None

    def _beside_quoted_wording(self, lexicon: CompiledLexicon, start: int) -> bool:
        """Whether the sentence of the quoted term at ``start`` sets against it, in quotes, a
        wording a rule prefers: after "or", "not", "than" or a verb that chooses words
        ('whether “prostitute” or “sex worker”', 'suggests “transgender”', 'prefer
        “incarcerated people” to “inmates” and “felons”'). A quoted wording in another role
        ('seized a “client” ledger', 'offered “help”') sets nothing against it."""
        lo, hi = self.sentence_bounds(start)
        wordings = None
        quotes = list(_QUOTED_PHRASE.finditer(self.norm, lo, hi))
        mine = next((q for q in quotes if q.start() <= start < q.end()), None)
        own = mine.start() if mine else start
        for quoted in quotes:
            if quoted.start() <= start < quoted.end():
                continue  # the term's own quotes
            if (
                mine
                and _VERSUS.fullmatch(
                    self.norm,
                    min(mine.end(), quoted.end()),
                    max(mine.start(), quoted.start()),
                )
                and _WORDING.fullmatch(quoted[1].strip(" ,.;:!?"))
            ):
                return True  # '“…” versus “juvenile victim”': two wordings weighed
            if wordings is None:
                wordings = preferred_wordings(lexicon)
            raw = quoted[1].strip(" ,.;:!?")
            wording = _ARTICLE.sub("", raw)  # '“a person who …”'
            if wording not in wordings:
                continue
            if wording == raw:
                if any(
                    w in _SETTING_AGAINST
                    for at in (quoted.start(), own)
                    for w in self.words_before(at)[-2:]
                ):
                    return True
                if quoted.start() > own and self._swapped_for(own, quoted.start()):
                    return True  # 'went from “junkies” to “people who use drugs”'

            elif self._weighed(quoted.start(), own):
                return True
        return False

    def _swapped_for(self, term: int, wording: int) -> bool:
        """Whether the quoted term at ``term`` is swapped for the quoted wording after it: "from"
        or a verb of renaming or replacing before the term, "to" or "with" before the wording
        ('went from “…” to “…”', 'changing “…” to “…”', 'replaced “…” with “…”')."""
        before_term = self.words_before(term)[-1:]
        if self.words_before(wording)[-1:] not in (["to"], ["with"]) or not before_term:
            return False
        return before_term[0] == "from" or before_term[0] in _RENAMING | _REPLACING

    def _weighed(self, wording: int, term: int) -> bool:
        """Whether a quoted wording with its article, at ``wording``, is weighed against the
        quoted term at ``term``: a comparison before either ('“a person who …” is better than
        “…”'), or a verb that chooses words before the wording and "to", "of" or the like
        before the term ('prefer “an undocumented immigrant” to “…”', 'use “an incarcerated
        person” in place of “…”'); not 'calls her “a sex worker,” but police say the “…”'."""
        before_wording = self.words_before(wording)[-2:]
        before_term = self.words_before(term)[-2:]
        if any(w in _COMPARING for w in (*before_wording, *before_term)):
            return True
        return (
            bool(before_wording)
            and before_wording[-1] in CHOOSING
            and any(w in ("to", "of") for w in before_term)
        )

    def in_address(self, start: int, end: int) -> bool:
        """Whether a match is part of an e-mail address, a web address, a file path or a code
        name ("john@example.org", "www.courtesan.example", "/home/john", "Getopt::Std"),
        which are not prose."""
        norm = self.norm
        if (start >= 2 and norm[start - 1] == "." and norm[start - 2].isalnum()) or (
            norm[end : end + 1] == "."
            and norm[end + 1 : end + 2].isalnum()
            and not (norm[start - 1 : start] in ("", " ") and self._note_number(end))
        ):
            # "john.doe", "courtesan.com"; not a note's number after a sentence's stop
            # ("care for these drug users.1")
            return True
        if norm[end : end + 1] == "{" or norm[start - 1 : start] == "}":
            return True  # "STD{IN,OUT}": brace expansion and code
        # the token ends at a blank or a paragraph break, whichever is nearer
        reach = max(0, start - _TOKEN_REACH)
        lo = max(norm.rfind(" ", reach, start), norm.rfind(PARAGRAPH, reach, start)) + 1
        hi = len(norm)
        for mark in (" ", PARAGRAPH):
            at = norm.find(mark, end, end + _TOKEN_REACH)
            if at != -1:
                hi = min(hi, at)
        token = norm[lo:hi].strip(_TOKEN_EDGES)
        if "@" in token or "://" in token or "::" in token or token.startswith("www."):
            return True
        if token.count("\\") > 1 or _DRIVE.match(token):
            return True  # a Windows path: "C:\\Users\\john\\notes.docx"
        if self._in_template(start, end):
            return True
        if token.startswith(("/", "~/", "./")) and token.count("/") >= 2:
            return True
        return self._in_code(start, end)

    def _note_number(self, at: int) -> bool:
        """Whether the stop at ``at`` ends a sentence and a note's numbers follow it ("drug
        users.4 Uptake …", "addicts.12-14", "addicts.4,5"): the end of the text or of a line,
        a closing bracket or quote, or a capital comes next."""
        note = _FOOTNOTE.match(self.norm, at)
        if note is None:
            return False
        rest = self.norm[note.end() : note.end() + 3]
        at_next = note.end() + len(rest) - len(rest.lstrip(" "))
        nxt = self.norm[at_next : at_next + 1]
        if nxt in _AFTER_NOTE:
            return True
        return nxt.isalpha() and self.original(at_next, at_next + 1).isupper()

    def _in_template(self, start: int, end: int) -> bool:
        """Whether the match stands inside a template tag of one line ("{{ john }}", "{% if
        john %}"), which names a variable, not a person."""
        norm = self.norm
        if norm[start - 1 : start] == "{" and norm[end : end + 1] == "}":
            return True  # a placeholder: "{john}", "${john}"
        for opening, closing in (("{{", "}}"), ("{%", "%}"), ("<%", "%>")):
            at = norm.rfind(opening, max(0, start - _TEMPLATE_REACH), start)
            if at == -1 or closing in norm[at:start] or "\n" in norm[at:start]:
                continue
            after = norm.find(closing, end, end + _TEMPLATE_REACH)
            if after != -1 and "\n" not in norm[end:after]:
                return True
        return False

    def in_proper_name(self, start: int, end: int) -> bool:
        """Whether a match written with a capital is part of the name of an organisation,
        law, programme or event ("the English Collective of Prostitutes"): see
        :mod:`.propernames`."""
        s, e = self.source_span(start, end)
        if self.text[s:e].islower():
            return False
        lo, hi = self.sentence_bounds(start)
        sentence = self.source_span(lo, hi)
        # a headline, its short words in lower case ("... Say Police are Biased"), names
        # nothing by its capitals but a work's title ("Film Review: The Prisoner of Zenda")
        headline = self.title_case(start) and not self.text[
            sentence[0] : sentence[1]
        ].rstrip().endswith((".", "!", "?"))
        return in_proper_name(self.text, s, e, sentence, headline=headline)

    def self_described(self, start: int, end: int) -> bool:
        """Whether a person names themselves with the term ("I was a prostitute", "she calls
        herself a hooker"): see :mod:`.selfdescribed`."""
        lo, hi = self.sentence_bounds(start)
        norm = self.norm
        lo = max(lo, start - _SELF_REACH)
        # direct speech starts after a colon or an opening quote: in 'he said: "I'm an
        # addict"' the "I" is the speaker's own
        lo = max([lo, *(norm.rfind(mark, lo, start) + 1 for mark in _SPEECH_OPENS)])
        before: list[str] = []
        commas: list[int] = []
        last = lo
        for m in _WORD.finditer(norm, lo, start):
            if "," in norm[last : m.start()]:
                commas.append(len(before))
            word = m.group()
            if word == "us" and self.original(m.start(), m.end()) == "US":
                word = "u.s."  # the country, not the speakers
            before.append(word)
            last = m.end()
        if "," in norm[last:start]:
            commas.append(len(before))
        elif before and norm[last:start] == "/":
            before.pop()  # two words for one thing: "I am an alcoholic/addict"
        after = _WORD.findall(norm, end, min(hi, end + _SELF_REACH))
        return self_described(
            before,
            after,
            possessive=norm[end - 2 : end] in ("'s", "s'"),
            is_adjective=_only_adjective,
            next_classes=lambda: self.next_classes(start, end),
            verb_follows=lambda: _verb_follows(norm[end : min(hi, end + _SELF_REACH)]),
            commas=commas,
            listing=_LIST_GOES_ON.match(norm, end) is not None,
            comma_after=norm[end : end + 1] == ",",
            aside=_ASIDE.match(norm, end) is not None,
            plural=_plural_s(norm[start:end]),
            plural_noun=_plural_noun,
            person_after=lambda: _participle_before_trade(norm[start:end], after),
            copula_after=_COPULA_AFTER.match(norm, end) is not None,
        )

    def in_compound(self, start: int, end: int) -> bool:
        """Whether the match is one part of a longer hyphenated word ("user-defined",
        "end-user"), which the lexicon did not list: its sense is the compound's. "Ex-" keeps
        the sense ("ex-inmates" are former inmates)."""
        norm = self.norm
        glued_after = norm[end : end + 1] == "-" and norm[end + 1 : end + 2].isalpha()
        glued_before = start > 1 and norm[start - 1] == "-" and norm[start - 2].isalpha()
        # an en or em dash is punctuation, not a hyphen, though the view writes it as one:
        # "prostitutes—as young as twelve—at the motel"
        if glued_after and self.original(end, end + 1) in _DASHES:
            glued_after = False
        if glued_before and self.original(start - 1, start) in _DASHES:
            glued_before = False
        if glued_before and not glued_after and _EX.search(norm, max(0, start - 4), start):
            return False
        if glued_after and not glued_before and _KEEPS_SENSE.match(norm, end):
            return False  # "junkie-filled", "inmate-run", "prostitute-turned-author"
        if (
            glued_after
            and not glued_before
            and (dash := _DASH_TYPED.match(norm, end)) is not None
            and self.original(start, dash.end(1)).islower()
            and (dash[1] not in _SHARING or _starts_phrase(dash[2]))
        ):
            # "… retardation-and of other deficits"; not a title in capitals ("The
            # Hooker-the bronze in the square", "Junkies-The Opera")
            return False
        return glued_after or glued_before

    def _in_code(self, start: int, end: int) -> bool:
        """A command with an option ("john -test"), a "~name", or an item in a list of code
        names ("OSATerminology, pimp, PixMapWrapper"): code in plain text, not prose."""
        text_start, text_end = self.source_span(start, end)
        raw = self.text
        lower = raw[text_start:text_end].islower()
        mark = raw[text_start - 1 : text_start]
        if lower and (
            _OPTION_AFTER.match(raw, text_end)
            or _ASSIGNED_OR_CALLED.match(raw, text_end)
            or mark in (".", "$", "%")
            # a call or an index ("clean(john)", "names[john]"); "the (hooker)" is prose
            or (mark in ("(", "[") and text_start >= 2 and _CODE_CHAR.match(raw, text_start - 2))
        ):
            return True  # "john -test", "john = 5", "clean(john)", "log.john", "$john"
        line_start = raw.rfind("\n", 0, text_start) + 1
        if _PROMPT.match(raw, line_start):
            return True  # a doctest or shell line, indented or not
        if text_start > 0 and raw[text_start - 1] == "~":
            return True
        before = _LIST_ITEM_BEFORE.search(raw, max(0, text_start - 60), text_start)
        after = _LIST_ITEM_AFTER.match(raw, text_end)
        if before is None or after is None:
            return False
        return bool(_CODE_NAME.search(before[1]) or _CODE_NAME.search(after[1]))

    def quoting(
        self,
        quotes: QuotePolicies,
        severity: Severity,
        start: int,
        mention: bool,
        *,
        scare: bool = False,
    ) -> Severity | None:
        """Apply the rule's quote policy: to a mention of the words, to a term in scare
        quotes, or inside quoted speech."""
        if mention:
            policy = quotes.mention
        elif scare:
            policy = quotes.scare
        elif self.quoted or self.in_quoted_speech(start):
            policy = quotes.speech
        else:
            return severity
        if policy == "skip":
            return None
        if policy == "suggestion":
            return Severity.SUGGESTION
        return severity.downgraded() if policy == "downgrade" else severity

    def title_case(self, start: int, *, heading: bool = False) -> bool:
        """Whether the sentence holding ``start`` is a headline in Title Case: every word of
        four or more letters starts with a capital, and there are at least three of them, or
        a short word such as "For" or "The" is capitalized after the first word ("Help For
        Hookers", which no prose writes). In a ``heading`` (one the format marks as such) two
        are enough: "Outreach for Prostitutes".

        A preposition of four letters or more may keep its lower case in a title, as style
        guides such as Chicago's write it ("Fighting Drug Abuse with Grants", "Talking about
        Drug Abuse"); but after a lower-case "with", "from", "between" or "among" a line may
        name who someone works with or where they come from ("Case Manager with Friends of the
        Homeless"), and the capitals there are a name's, so only a term before the first of
        them is read as in a headline."""
        bounds = self.sentence_bounds(start)
        found = self._titles.get(bounds)
        if found is None:
            if len(self._titles) >= _BOUNDS_KEPT:
                self._titles.clear()
            found = self._titles[bounds] = self._title_case(*bounds)
        count, cut = found
        if cut >= 0 and self.source_span(start, start + 1)[0] >= cut:
            return False
        return count >= 3 or (heading and count >= 2)

    def _title_case(self, lo: int, hi: int) -> tuple[int, int]:
        """How many words of four or more letters the sentence has when each starts with a
        capital (3 when a short function word after the first has one too), 0 when not; and
        where the first "with", "from", "between" or "among" in lower case stands in the text
        (-1 when none does). The capitalized words right after "at", "in", "of" or "from" are
        not counted: they may be a place's name, which has its capitals in any sentence
        ("Inmates at Rikers Island")."""
        s, e = self.source_span(lo, hi)
        if "(1" in self.text[s:e] or "(2" in self.text[s:e]:
            return 0, -1  # a citation line: "Thomas Hooker (1586-1647) in “The …”"
        found = [m for m in _WORD.finditer(self.text, s, e) if m[0][0].isalpha()]
        every = [m[0] for m in found]
        cut = next((m.start() for m in found if m[0] in _NAMING_PREPOSITIONS), -1)
        words = [w for w in every if len(w) >= 4 and w not in _TITLE_PREPOSITIONS]
        if not words or not all(w[0].isupper() for w in words):
            return 0, -1
        short = len(every) >= 3 and any(
            w[0].isupper() and len(w) < 4 and "function" in classes(w) for w in every[1:]
        )
        placed: set[str] = set()  # the capitalized words right after "at", "in" …
        naming = False
        for a, b in itertools.pairwise(every):
            naming = (a.lower() in _PLACE_LEADS or naming) and b[0].isupper()
            if naming:
                placed.add(b)
        words = [w for w in words if w not in placed]
        return (max(len(words), 3) if short else len(words)), cut

    def next_classes(self, start: int, end: int) -> frozenset[str]:
        """The word classes the word after a match can have where it stands (see
        :mod:`.wordclass`); ``none`` when punctuation or the end of the sentence follows."""
        norm = self.norm
        i = end
        while i < len(norm) and norm[i] == " ":
            i += 1
        if (
            i > end
            and norm[i : i + 1] in _OPENING_MARKS
            and _QUOTED_NOUN.match(norm, i + 1)
            and self.original(i + 1, i + 2).islower()
        ):
            i += 1  # one or two quoted words in lower case: 'the homeless “problem”'
        if i < len(norm) and norm[i] == PLACEHOLDER:
            return frozenset({"noun"})  # inline code names a thing: "the undocumented `f()`"
        if i >= len(norm) or not norm[i].isalnum():
            return frozenset({"none"})
        words: list[str] = []
        at = i
        for m in _COMPOUND.finditer(norm, i, min(len(norm), i + 80)):
            if m.start() != at or len(words) == 4:
                break  # "meal, this": punctuation between ends the run of words
            words.append(m[0])
            at = m.end() + 1 if norm[m.end() : m.end() + 1] == " " else -1
        first_end = i + len(words[0]) if words else i
        if words[:1] in (["and"], ["or"]) and norm[first_end : first_end + 1] == "/":
            return frozenset({"function"})  # "the disabled and/or their carers"
        if norm[first_end : first_end + 1] in ("/", "(") or (
            norm[first_end : first_end + 1] == "." and norm[first_end + 1 : first_end + 2].isalnum()
        ):
            return frozenset({"noun"})  # a file name, path or call: "restore.sql", "load()"
        src_start, src_end = self.source_span(start, end)
        matched = self.text[src_start:src_end]
        # A capital tells something only where the match itself is not in Title or ALL CAPS.
        cue = case_of(matched) != "upper" and not all(w[:1].isupper() for w in matched.split())
        ahead = self.words_before(start)
        before = ahead[-1:]
        if len(ahead) == 1 and ahead[0] in _BE_FIRST and words:
            found = classes(words[0])
            if "noun" in found and "verb" in found:
                # a question led by "is" or "was": its subject has no verb of its own ("Is
                # the homeless shelter open?")
                return found - {"verb"}
        nxt = self.text[src_end : src_end + 40].split()
        if cue and nxt and len(nxt[0].strip(",.;:")) > 1 and nxt[0].strip(",.;:").isupper():
            return frozenset({"noun"})  # an acronym or constant: "the undocumented IN, CDROM"
        return next_word_classes(
            words,
            capitalized=cue and next_capitalized(self.text, src_end),
            plural_subject=before not in (["a"], ["an"]),
        )

    def prev_classes(self, start: int) -> frozenset[str]:
        """The word classes the word just before a match can have; ``none`` when punctuation
        or the start of the sentence comes first."""
        lo = max(0, start - 60)
        head = self.norm[lo:start]
        bare = head.rstrip("\"'")
        if bare != head and bare.endswith(" "):
            head = bare  # an opening quotation mark: 'a prospective "john"'
        if not head.endswith(" ") or not head[:-1][-1:].isalnum():
            return frozenset({"none"})
        words = _COMPOUND.findall(head)
        word = words[-1]
        if "-" in word:
            return frozenset({"adj"})
        found = classes(word)
        if "noun" in found and "verb" in found and word.endswith("ing"):
            # "serving addicts", "by helping addicts", "Housing addicts is …": a verb with its
            # object after a clause break, the sentence's start or a preposition; "a gaming
            # addict", "news and jogging addicts" keep the noun
            rest = head[: -len(word) - 1].rstrip()
            if not rest or not rest[-1].isalnum():
                return found - {"noun"}
            lead = _COMPOUND.findall(rest)[-1]
            if lead in _GERUND_LEADS or classes(lead) == {"noun"}:
                return found - {"noun"}  # also after a noun: "staff helping addicts"
        if "noun" in found and "verb" in found and len(words) > 1:
            before = words[-2]
            rest = head[: -len(word) - 2]
            # a name written with a capital is one person ("Pastor Reyes feeds addicts")
            at = lo + len(rest) - len(before)
            named = at > 0 and self.original(at, at + 1).isupper() and not self.sentence_start(at)
            if _is_verb_after(before, word, rest, named):
                return found - {"noun"}  # "the van serves addicts", "doctors often judge addicts"
        return found

    def is_mention(self, start: int, end: int) -> bool:
        """The term is named as a word rather than used (see :mod:`.quoting`)."""
        return self.quote_kind(start, end) == "mention"

    def quote_kind(self, start: int, end: int) -> str | None:
        """ "mention" when the frame names the term as a word, "scare" when it is quoted on its
        own but used, None otherwise.

        A frame before it ("the term", "words like", "so-called", "called … a", "referring to
        them as") or a gloss after a quoted term ("refers to", "is outdated") makes a mention.
        Quotes alone do not: scare quotes (``busts of "johns"``) are use.
        """
        words = self.words_before(start)
        gap = _GAP_BEFORE.search(self.norm, max(0, start - 8), start)
        joined = gap is not None and _JOINING.search(gap[1]) is not None
        # a comma between the frame and the term: "After being called, the inmates were …"
        apart = _COMMA_BEFORE.search(self.norm, max(0, start - 8), start) is not None
        if (
            not joined and mention_frame_before(words, quoted=False, apart=apart)
        ) or self._listed_after_frame(start, end):
            return "mention"
        if classed_as_word(self.words_after(end)):
            return "mention"  # "transgender is an adjective, not a verb"
        if (not words or (len(words) == 2 and words[1] in ("and", "or"))) and termed_as_word(
            self.words_after(end)
        ):
            return "mention"  # "Courtesan and sugar baby are marketing terms"
        if self._ends_clause(end) and (
            advised_against(words)
            or denied_before(words)
            or advised_against_clause(self.norm[self.sentence_bounds(start)[0] : start])
            or self._chosen_over(start)
            or self._rejected_label(start, end)
        ):
            # "Don't say hookers; say sex workers", 'we use "correctional officer", not
            # prison guard', "treat them as victims, not criminals"
            return "mention"
        norm = self.norm
        # the quote may open a few words earlier: "a “child prostitute”"
        head = _QUOTED_HEAD.search(norm, max(0, start - 40), start)
        if head is None:
            return None
        opening = norm[head.start()]
        if head.start() + 1 < start:
            words = self.words_before(head.start())
        after = end
        if after < len(norm) and norm[after] in ",.;:!?":
            after += 1
        closing = norm[after] if after < len(norm) else ""
        quoted = bool(closing and closing in _CLOSE_QUOTES) or (
            opening == "'" and norm[end - 1] == "'"  # a closing quote taken for a possessive
        )
        if not quoted:
            # the quote may close a few words later: 'advises against “HIV-infected person”';
            # a frame must then name the phrase as words, else the quotes are no scare quotes
            tail = _QUOTED_TAIL.match(norm, end)
            if tail is None or norm[tail.end()] not in _CLOSING.get(opening, opening):
                return None
            return "mention" if self._names_quoted(words, head.start(), tail.end()) else None
        return "mention" if self._names_quoted(words, head.start(), after) else "scare"

    def _quoted_list_start(self, opening: int) -> int | None:
        """Where the list of quoted words that has an item opening at ``opening`` starts: the
        opening quote of its first item (``opening`` when no item comes before), or None when
        "and", "or" or a comma stands before the item (with "a" or "an" after it: 'a “…” or a
        “…”') with no quoted word before that."""
        norm = self.norm
        for _ in range(8):
            lead = opening
            if norm[max(0, opening - 3) : opening] == " a ":
                lead = opening - 2
            elif norm[max(0, opening - 4) : opening] == " an ":
                lead = opening - 3
            words = self.words_before(lead)
            if words[-1:] not in (["and"], ["or"]) and norm[max(0, lead - 2) : lead] != ", ":
                return opening
            item = _QUOTED_ITEM.search(norm, max(0, opening - 80), opening)
            if item is None:
                return None
            opening = item.start()
        return None

    def _quoted_list_end(self, after: int) -> int:
        """Where the list of quoted words goes on to after an item that ends at ``after``."""
        for _ in range(8):
            more = _QUOTED_NEXT_ITEM.match(self.norm, after)
            if more is None:
                break
            after = more.end()
        return after

    def _word_alone(self, opening: int, closing: int) -> bool:
        """Whether the quotation from ``opening`` to ``closing`` holds a word or two and no
        determiner, and punctuation ends the phrase right after it ('“prostitutes,” she')."""
        norm = self.norm
        inside = norm[opening + 1 : closing]
        words = inside.split()
        if not 0 < len(words) <= 3 or words[0] in _NOUN_LEADS or words[0] in _OBJECT_LEADS:
            return False
        return inside.rstrip().endswith((",", ".", ";", ":")) or (
            closing + 1 >= len(norm) or norm[closing + 1] in ",.;:!?)"
        )

    def _list_before_kind(self, opening: int, closing: int) -> bool:
        """Whether the quoted term from ``opening`` to ``closing``, alone or in a list of quoted
        words, stands between an article and a noun for a kind of word ('the “…” term', 'the
        “…” or “…” stereotype')."""
        first = self._quoted_list_start(opening)
        if first is None:
            return False
        before = self.words_before(first)
        after = self.words_after(self._quoted_list_end(closing + 1))
        if before[-1:] == [] or after[:1] == []:
            return False
        if before[-1] not in _NOUN_LEADS:
            # an adjective between the article and a slogan's name ('the popular “end
            # demand” model')
            described = before[-2:-1] != [] and before[-2] in _NOUN_LEADS
            named = after[0] in _SLOGANS or after[0] in _POLICIES
            if not (described and named and "adj" in classes(before[-1])):
                return False
        words = self.norm[opening + 1 : closing].strip(" ,.").split()
        if after[0] in _POLICIES:
            return _policy_slogan(words)
        if after[0] in _SLOGANS:
            # a slogan of several words; a noun phrase ending in a plural may name the
            # campaigners ('the "street walkers" campaign has won two seats'), unless a verb
            # leads it ('the "lock up the junkies" campaign')
            plural = words[-1:] != [] and _plural_s(words[-1])
            slogan = len(words) > 1 and (not plural or "verb" in classes(words[0]))
            return slogan and (after[1:2] == [] or after[1] not in _OBJECT_LEADS | _CAMPAIGNING)
        # a verb after it ('the “junkies” slur their words') has an object
        return after[0] in _KINDS and (after[1:2] == [] or after[1] not in _OBJECT_LEADS)

    def _bracketed_example(self, opening: int, closing: int) -> bool:
        """Whether the quoted term from ``opening`` to ``closing``, alone or in a list of
        quoted words, fills a bracket right after a verdict on words or a word for words:
        examples of what was judged or named ('the wording seems dated (“…”)', 'old labels
        (“…”, “…”)'); not an aside that uses them ('the forms were archaic (“inmates” signed
        with a number)')."""
        first = self._quoted_list_start(opening)
        if first is None or self.norm[max(0, first - 2) : first].lstrip() != "(":
            return False
        last = self._quoted_list_end(min(closing + 1, len(self.norm)))
        close = self.norm.find(")", last, last + _BRACKET_TAIL_REACH)
        if close == -1:
            return False
        tail = self.norm[last:close].replace(",", " ").replace(".", " ").split()
        if len(tail) > 3:
            return False
        # words that rank or close the examples ("most especially", "among others")
        if not all(w in _BRACKET_TAIL for w in tail):
            return False
        words = self.words_before(first)
        return words[-1:] != [] and (words[-1] in _BRACKET_VERDICTS or words[-1] in _BRACKET_NOUNS)

    def _names_quoted(self, words: list[str], opening: int, closing: int) -> bool:
        """Whether the frame around a quoted term or phrase names it as words: ``words`` are
        those before the ``opening`` quote, ``closing`` is where its closing quote stands."""
        following = self.words_after(min(closing + 1, len(self.norm)))
        # the quoted term leads its clause: at the sentence's start or after a colon or comma
        # ("Note: “Inmate” is the most contested", "In the survey, “inmate” was …")
        leading = not words or self.norm[max(0, opening - 2) : opening] == ": "
        # after ", as" the "as" means "because" or "while" ("known at the time, as “…” used
        # it"), so it closes no frame
        framing = (
            words[:-1]
            if words[-1:] == ["as"] and _COMMA_AS.search(self.norm, max(0, opening - 12), opening)
            else words
        )
        if mention_frame_before(framing, quoted=True) or gloss_after(following, leading=leading):
            return True
        if self._bracketed_example(opening, closing):
            return True  # 'the language is dated (“…”)', 'outdated terms (“…”, “…”)'
        lead = leading or (words[-1:] != [] and words[-1] in _CLAUSE_LEADS)
        if lead and blurred_by_word(following):
            return True  # 'critics argue that “…” conflates sex and gender'
        if commonly_named(words, following):
            return True  # 'commonly called the “…”'
        quoted = self.norm[opening + 1 : closing].rstrip(" ,.")
        if (
            came_to_mean(following, after=True)
            and not _plural_s(quoted)
            and not (
                words[-1:] and (words[-1] in _HOLDING_PEOPLE or "function" in classes(words[-1]))
            )
        ):
            # '“…” came to mean any lodger', a word; not a plural ('in that precinct “…”
            # came to mean easy arrests'), nor after 'the' or 'the arrival of', which speak
            # of people
            return True
        denied = words[-1:] in (["not"], ["never"]) or words[-2:] in _DENIED_ONE
        if (denied and _CHILD_LABEL.match(self.norm, opening + 1)) or (
            (denied or words[-2:] in (["cannot", "be"], ["can't", "be"]))
            and _CHILDREN_DENIED.search(self.norm, max(0, opening - 80), opening) is not None
        ):
            # 'they're not “child prostitutes”', 'she is not a “child prostitute”', 'children
            # cannot be “prostitutes”': a child's label denied
            return True
        if not words and found_as_word(following):
            return True  # '"Junkie" was scrawled across the door', at the sentence's start
        if asked_of_word(words, following):
            return True  # "Is 'addict' ever acceptable?"
        norm = self.norm
        if (
            words[-1:] == ["between"]
            and not any(w in _AT_ODDS for w in words[-4:-1])
            and _AND_QUOTED.match(norm, closing + 1)
        ) or (
            words[-1:] == ["and"]
            and (pair := _BETWEEN_QUOTED.search(norm, max(0, opening - 80), opening)) is not None
            and not any(w in _AT_ODDS for w in self.words_before(pair.start())[-3:])
        ):
            # 'no real difference between “hooker” and “escort”' (not 'a fight
            # between "junkies" and "dealers"')
            return True
        if _BECOMES_QUOTED.match(norm, closing + 1) and not (
            words[-1:] and words[-1] in _REWRITTEN_NOT_AFTER
        ):
            return True  # 'Style notes: “…” becomes “people with epilepsy”'
        if _INSTEAD_QUOTED.match(norm, closing + 1) and _said_right_before(words):
            # 'insisting on “…” instead of “non-citizen”': one word for another (not 'arrested
            # “johns” rather than “…”', people)
            return True
        if self._range_of_words(words, opening, closing):
            return True  # 'labels range from “…” to “…”': two words at the ends of a range
        if (
            words[-1:] == ["not"]
            and (pair := _NOT_IN_BRACKETS.search(norm, max(0, opening - 120), opening)) is not None
            and _said_right_before(self.words_before(pair.start()))
        ):
            return True  # 'talk about “…” (not “…”)': the word to use, and the one to avoid
        if any(tuple(words[-len(f) :]) == f for f in SPEAKING_OF) and self._word_alone(
            opening, closing
        ):
            return True  # 'rather than speaking of “prostitutes,” she …'
        if self._list_before_kind(opening, closing):
            # 'dropped the “illegal alien” term', 'the "junkie" label stuck', 'the “junkie” or
            # “druggie” stereotype'
            return True
        if words[-1:] and words[-1] in JUDGING and following[:1] and following[0] in VERDICTS:
            return True  # 'many consider "junkie" pejorative'
        comma = self.norm[closing + 1 : closing + 2] == "," or self.norm[closing - 1] == ","
        if (
            comma
            and following[:1] in (["a"], ["an"])
            and following[1:2]
            and (following[1] in NAMES_FOR_WORDS)
        ):
            return True  # '"Junkie," a pejorative, appeared twice'

        # the mark that ends the quoted term's clause: punctuation after the quote, or inside
        # it before a blank or a paragraph's end ('… was “inmate.”' and a new line)
        after_quote = self.norm[closing + 1 : closing + 2]
        blank = after_quote.isspace() or after_quote == PARAGRAPH
        mark = self.norm[closing - 1 : closing] if blank else after_quote
        ends = not after_quote or mark in _CLAUSE_ENDS
        final = not after_quote or mark in _SENTENCE_ENDS
        if words[-2:-1] != [] and words[-2] in _JOKING and words[-1] == "about" and ends:
            return True  # 'a joke about “…”.' (not 'joked about “…” sleeping in the hall')
        if _judged_right_before(words) and (
            ends
            or following[:1] in (["or"], ["and"])
            or (following[:1] != [] and following[0] in WORD_NOUN)
        ):
            # 'lists the deeply stigmatizing “…” or “…”.' (not 'the offensive
            # “john” grabbed her wrist')
            return True
        apposed = self.norm[max(0, opening - 2) : opening] == ", "
        if apposed and ends and _word_noun_before(words):
            # 'a third term, “addict”.', 'the phrase the old statute used, “illegal alien.”':
            # set beside the word noun ('the word at the shelter, "addicts" are …' goes on;
            # 'a prison term, "inmate" …' and 'his second term, …' name no word)
            return True
        if ends and named_by_subject(words):
            return True  # 'one expression I wish would fade is "wheelchair bound".'
        if (words[-1:] and said_times(words[-1], following)) or self._counted_after_items(
            opening, following
        ):
            return True  # 'if you say "transgendered" too many times', '"…" or "…" five times'
        quoted_words = quoted.split()
        alone = len(quoted_words) <= 3 and not _PHRASE_WORDS.intersection(quoted_words)
        if used_as_word(words, [] if ends else following, final=final, alone=alone) or (
            words[-1:] and edited_as_word(words[-1], [] if ends else following)
        ):
            return True  # "the headline's use of 'illegals'", "strike “felon” from the forms"
        if alone and heard_as_word(words, [] if ends else following):
            return True  # 'hearing “…” from a nurse', 'stunned to hear “…”.'
        clause = [] if final else self._clause_after(closing)
        if alone and said_as_word(words, following, clause, ends=ends, final=final):
            return True  # 'The film says “…”.', 'kept saying “…” when she meant …'
        if not _COMMA_AS.search(self.norm, max(0, opening - 12), opening) and recorded_as(
            words, [] if ends else clause
        ):
            return True  # 'people are identified as “…”.'
        if len(quoted_words) <= 2 and quoted_words[:1] != ["no"] and read_on_a_thing(words):
            # 'the box that says “…”', 'her badge said “…”': a word or two, not a slogan that
            # uses it ('a sign read “Feed the Homeless”', 'a sign reading “no junkies”')
            return True
        if words[-1:] and used_in_speech(words[-1], following):
            return True  # 'would use “illegal aliens” when detailing border security'
        if words[-1:] and said_as_if(words[-1], following):
            return True  # 'why do people say "illegal alien" like it is normal'
        if words[-1:] and found_in_text(words[-1], following):
            return True  # 'every time I find “…” in a document'
        if words[-1:] and words[-1] in DROPPING and _WORD_DROPPED.match(" ".join(following)):
            return True  # "the Stylebook dropped “illegal immigrant” in 2013", "from its guide"
        if self._chosen_over(opening):
            return True
        if _OR_QUOTED.search(self.norm, max(0, opening - 8), opening):
            # 'Is it "sex worker" or "prostitute"?': a question about which word to use
            _, hi = self.sentence_bounds(opening)
            while hi > opening and self.norm[hi - 1].isspace():
                hi -= 1
            if self.norm[hi - 1 : hi] == "?":
                return True
        return self._after_quoted_items(opening)

    def _range_of_words(self, words: list[str], opening: int, closing: int) -> bool:
        """Whether the quoted term is one end of 'from “…” to “…”' after a word for words and a
        verb of ranging ('labels for them range from …'; not 'everyone from “junkies” to
        “soccer moms”', a range of people)."""
        if words[-1:] == ["from"] and _TO_QUOTED.match(self.norm, closing + 1):
            before = words[:-1]
        elif words[-1:] == ["to"] and (
            pair := _FROM_QUOTED.search(self.norm, max(0, opening - 80), opening)
        ):
            before = self.words_before(pair.start())
        else:
            return False
        # a word for words, then a verb of ranging ('labels for them range from'; not 'took the
        # names of everyone from')
        near = before[-6:]
        return any(w in _RANGING for w in near) and any(w in _NAMING_WORDS for w in near)

    def _rejected_label(self, start: int, end: int) -> bool:
        """Whether the term is set against what people are said to be ("they are patients,
        not addicts", "treated as victims and not criminals"): see :data:`_AFFIRMED`."""
        found = _REJECTED_LABEL.search(self.norm, max(0, start - 80), start)
        if found is None:
            return False
        words = found[1].split(" ")
        # the people word, after an adjective perhaps ("human beings", "sick people"), and
        # then only a phrase about them; "for citizens", "given to students" say for whom
        head = next((i for i, w in enumerate(words) if w in _PHRASE_STARTS), len(words))
        people = [i for i in range(min(head, 3)) if words[i] in _AFFIRMED or words[i] in _VICTIMS]
        if not people:
            return False
        at = people[-1]
        if any(w in _PREPOSITIONS or w.endswith("ing") for w in words[:at]):
            return False  # "was for guards", "are arresting women, not johns"
        if at and words[at - 1] == "sex":
            return False  # "were sex workers, not johns": two groups of people
        if words[at + 1 :] and words[at + 1] not in _PHRASE_STARTS:
            return False
        if words[at] in _VICTIMS:
            return self.norm[start:end] in _OFFENDER_LABELS
        return True

    def _chosen_over(self, opening: int) -> bool:
        """Whether the quote opening at ``opening`` follows another quoted term and "and
        not", "not" or "over", after a verb that chooses words ('we say "sex worker" and not
        "hooker"', 'prefers "client" over "john"')."""
        alternative = _AFTER_ALTERNATIVE.search(self.norm, max(0, opening - 200), opening)
        return alternative is not None and choosing_between(self.words_before(alternative.start()))

    def _ends_clause(self, end: int) -> bool:
        """Whether the term ending at ``end`` ends its clause: a stop, comma, semicolon,
        colon, closing bracket or the end follows, or "or"/"and" and another word that
        ends one ("don't say hookers or johns.")."""
        return _CLAUSE_END.match(self.norm, end) is not None

    def _listed_after_frame(self, start: int, end: int) -> bool:
        """A term listed after others that a frame names as words ("words like junkie,
        addict and crackhead"): items of one or two words, each followed by a comma, "and",
        "or" or "even", are passed over back to the frame. A term that "who" follows names
        people ("the names: nurses, chaplains and inmates who died")."""
        if _WHO_AFTER.match(self.norm, end):
            return False
        if self._items_after_frame(start, self._item_of_one, 200, quoted=False):
            return True
        # items of two words only for a list that ends with the term ("the names: …, call
        # girl, hooker, even whore."), not one that goes on as a clause ("… parole officers,
        # and even felons signed the petition")
        return self._ends_clause(end) and self._items_after_frame(
            start, self._item_of_two, 200, quoted=False
        )

    def _item_of_one(self, lo: int, pos: int) -> re.Match[str] | None:
        return _LIST_ITEM.search(self.norm, lo, pos)

    def _item_of_two(self, lo: int, pos: int) -> re.Match[str] | None:
        """An item of two words ending at ``pos``, a noun after a word that is no function
        word ("call girl"; not a clause, "junkie hurt, and", nor a frame's own word, "such as
        prostitute"), else one of one word."""
        two = _LIST_ITEM_OF_TWO.search(self.norm, lo, pos)
        if two is not None and two[1] not in FUNCTION_WORDS and classes(two[2]) == _NOUN:
            return two
        return self._item_of_one(lo, pos)

    def _after_quoted_items(self, quote: int) -> bool:
        """A quoted term listed after other quoted terms that a frame names as words ('words
        like "hooker" and "john"', 'don't say "illegal alien", "illegals" or "anchor
        baby"'): quoted items, with commas, "and" or "or" between, are passed over back to
        the frame. ``quote`` is where the term's own quote opens."""
        return self._items_after_frame(quote, self._quoted_item, 400, quoted=True)

    def _quoted_item(self, lo: int, pos: int) -> re.Match[str] | None:
        return _QUOTED_ITEM.search(self.norm, lo, pos)

    def _counted_after_items(self, quote: int, following: list[str]) -> bool:
        """A quoted term after other quoted terms that a verb of saying takes, all counted
        ('uses “prostitute” or “prostitutes” five times'): the items are passed over back
        to the verb, as :meth:`_after_quoted_items` does."""
        return self._walk_items(
            quote,
            self._quoted_item,
            400,
            lambda words, _: bool(words[-1:]) and said_times(words[-1], following),
        )

    def _items_after_frame(self, at: int, item: _ItemFinder, reach: int, quoted: bool) -> bool:
        """Whether up to eight list items (each found by ``item`` ending where the next
        begins), within ``reach`` characters of the sentence before ``at``, lead back to a
        frame that names them as words."""

        def framed(words: list[str], start: int) -> bool:
            if mention_frame_before(words, quoted=quoted):
                return True
            if not quoted and advised_against(words):
                return True  # "don't say hookers, johns or pimps"
            return quoted and self._chosen_over(start)

        return self._walk_items(at, item, reach, framed)

    def _walk_items(
        self, at: int, item: _ItemFinder, reach: int, test: Callable[[list[str], int], bool]
    ) -> bool:
        """Whether, passing back over up to eight list items (each found by ``item``, given
        where to look from and where the item must end, ending where the next begins) within
        ``reach`` characters of the sentence before ``at``, ``test`` holds for the words
        before one of them and where it starts."""
        lo = max(0, self.sentence_bounds(at)[0], at - reach)
        pos = at
        for _ in range(8):
            found = item(lo, pos)
            if found is None:
                return False
            # (the tests read the last eight words and whether there are more)
            if test(self.last_words(found.start(), _FRAME_WORDS), found.start()):
                return True
            pos = found.start()
        return False

    def in_quoted_speech(self, start: int) -> bool:
        """Inside double quotes that open earlier in the paragraph: an odd number of straight
        ones, or a curly one that no curly closing quote follows (found through an index of
        the segment's quotes, so a paragraph of many matches is read once)."""
        if self._quotes is None:
            self._quotes = _Quotes(self.norm)
        return self._quotes.open_at(start)


_ARTICLE = lazy_compile(r"^(?:a|an|the) ")
# the rest of a quoted title after a match: capitalized words and small linking words up to
# the closing quote (' and the City”', ' of the Poor"')
_TITLE_TO_QUOTE = lazy_compile(
    "(?:[:,]? (?:[A-Z][\\w'\u2019-]*|and|or|of|the|a|an|in|on|at|to|for|with|from|by|versus"
    "|vs\\.?|\\(?\\d[\\d\u2013-]*\\)?)){1,10}[,.!?]?[\"\u201d\u2019']"
)
# a subtitle after a colon, to the closing quote ('“The Homeless: winter on the river”,')
_SUBTITLE = lazy_compile(
    "(?: [A-Z][\\w'\u2019-]*)*: [^\"\u201c\u201d\u2018\u2019.!?]{1,60}[\"\u201d\u2019']"
)
# children as the subject of a denied label, at the start of their clause ('and therefore
# children cannot be “…”', 'Under the law, minors are not “…”'); not 'women who have children
# are not “…”' or 'with two children'
_CHILDREN_DENIED = lazy_compile(
    r"(?:^|[,;:.!?(\u2013\u2014-] ?|(?<![\w-])(?:and|but|so|therefore|thus|hence|because|since|"
    r"that|then|yet|or|the|these|those|such|all|most|many|some) )"
    r"(?:child|children|minor|minors|kid|kids|juvenile|juveniles|youths) "
    r"(?:are|is|were|was|cannot|can't) (?:not |never )?(?:be )?(?:a |an )?$"
)


# a label that makes a child of the person ("child prostitutes", "teen hookers")
_CHILD_LABEL = lazy_compile(
    r"(?:child|children|teen|teenage|underage|juvenile|minor|kid)s? "
    r"(?:prostitut\w*|sex workers?|hookers?|whores?|escorts?)\b"
)
_CLAUSE_ENDS = frozenset(",.;:!?")
_SENTENCE_ENDS = frozenset(".!?")
# words that set one quoted wording against another ('“…” or “…”', 'better than “…”')
_COMPARING = word_set("or vs versus not than over instead")
# "versus" alone between two quoted phrases: a wording weighed against the term
_VERSUS = lazy_compile(r",?\s+(?:versus|vs\.?)\s+")
# a wording of one to four words, not a count or a share ('“about 30”', '“a handful”')
_WORDING = lazy_compile(
    r"(?!(?:a|an|about|only|just|nearly|almost|over|under|around|roughly|some|few|fewer|many|"
    r"more|less|most|all|no|none|half|several|dozens|hundreds|thousands|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|twenty|fifty|hundred)\b)[a-z][a-z'-]*(?: [a-z][a-z'-]*){0,3}"
)
# after "dropped" and a quoted term: the end, "from ...", or "in" and a year
_WORD_DROPPED = lazy_compile(r"(?:$|from\b|in (?:1[89]|20)\d\d\b|years ago\b)")
# a quoted term and "or" before another quoted term
_OR_QUOTED = lazy_compile("[\"'\u201d\u2019],?\\s+or\\s+\\Z")
# a quoted term, then "and not", "but not", "not" or "over" before another quoted term
_AFTER_ALTERNATIVE = lazy_compile(
    "[\"'\u201d\u2019\u00bb],?\\s+(?:(?:and|but) not|not|never|over)\\s+\\Z"
)
# what a call's or an index's bracket follows, or a placeholder's ("%(name)s", "[[name]]")
_CODE_CHAR = lazy_compile(r"[\w)\]%$\[]")
_TEMPLATE_REACH = 80  # characters between a template tag's braces and a match inside it
# the speaker's copula right after a term, ending its clause, its line or its paragraph:
# "the junkie that I am, …"
_COPULA_AFTER = lazy_compile(
    r"\s+(?:(?:that|who)\s+)?(?:i am|i was|we are|we were|i'm)"
    r"(?:\s+(?:today|now|then|still|inside|deep down|at heart))?[ \t]*(?:[,.;:!?)\n"
    + PARAGRAPH
    + "]|$)"
)
# people named by their work that :func:`.wording.is_person_noun` cannot tell from the word
_TRADES = word_set(
    "poet chef cook midwife model actress pilot surgeon coach carpenter mechanic comic "
    "comedian dj medic paramedic therapist clerk"
)


def _participle_before_trade(match: str, after: list[str]) -> bool:
    """Whether ``match`` is a participle ("transgendered", "HIV-infected") before a singular
    noun that names someone by what they do and ends the noun phrase: "a transgendered
    novelist", "an HIV-infected nurse"; not "an HIV-infected patient advocate", where the
    participle describes the patients."""
    if not match.endswith("ed") or not after:
        return False
    noun = after[0]
    if _plural_s(noun) or not (noun in _TRADES or is_person_noun(noun)):
        return False
    return len(after) == 1 or "noun" not in classes(after[1])


# what may follow a note's number: the end of a line or the text, a bracket or a quote
_AFTER_NOTE = frozenset(
    ("", "\n", PARAGRAPH, ")", "]", '"', "'", "\u201c", "\u201d", "\u2018", "\u2019")
)
# a note's number right after a sentence's stop: "drug users.12 They …"
_FOOTNOTE = lazy_compile(
    "\\.(?:\\d{1,3}|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,3})"
    "(?:(?:, ?|[-\u2013])\\d{1,3})*(?!\\w)"  # what may follow: see Context._note_number
)
_DRIVE = lazy_compile(r"[a-z]:\\")  # "C:\\" (the view is lower case)
# after an item of a list, another: "a junkie, a thief, and a liar"
_LIST_GOES_ON = lazy_compile(r"(?:\s+\w+){0,2}\s*,\s*(?:and\s+|or\s+)?an?\s", re.IGNORECASE)
_FRAME_WORDS = 9  # words before a list item that mention_frame_before reads, and one more
_DASHES = ("\u2012", "\u2013", "\u2014", "\u2015")  # figure, en and em dashes, a bar
_BOUNDS_KEPT = 64  # sentence bounds and Title Case answers kept per segment (see Context)
_SELF_REACH = 120  # characters of the sentence the self-description check reads each side
_SPEECH_OPENS = (":", '"', "\u201c", "\u201e", "\u00ab")


# What leads a noun for a word that a quoted term is set beside after a comma ("the phrase
# found in the old code, “illegal alien”"); the noun is one of WORD_NOUN, not "name", which
# names shelters and streets too
_APPOSED_LEADS = word_set("the a an this that another one third second first older")


# Verbs after "word" that make it news ("word spread", "word got out")
_NEWS_VERBS = word_set(
    "spread spreads got gets went goes came comes is was has had travelled traveled"
)


def _word_noun_before(words: list[str]) -> bool:
    """Whether one of the last six ``words`` is a noun for a word after a determiner and
    perhaps an adjective ("the phrase the old statute used", "a harsher word for them", "a
    third term"): what a quoted term after a comma names. "Word spread …" is news."""
    for k in range(len(words) - 1, max(0, len(words) - 6) - 1, -1):
        news = k + 1 < len(words) and words[k + 1] in _NEWS_VERBS
        if words[k] not in WORD_NOUN or news:
            continue
        j = k - 1
        if j > 0 and words[j] not in _APPOSED_LEADS and "adj" in classes(words[j]):
            j -= 1
        if j >= 0 and words[j] in _APPOSED_LEADS:
            return True
    return False


def _verb_follows(text: str) -> bool:
    """Whether the words of ``text``, up to the end of its clause (punctuation, "and" and
    the like, which go on with the main clause, or "because", "when" and other words that open
    a clause of their own), hold a verb of their own in their first eight: a finite form of
    "be" or "have", a modal, or a word the word-class table knows only as a verb ("a junkie
    on the corner screamed"), verbs in a row counting as one. After a relative ("who had
    served ten years") the first verb is the relative clause's, so a second one is needed ("a
    junkie who lived upstairs started a fire")."""
    words = _WORD.findall(_CLAUSE_BREAK.split(text, 1)[0])[:8]
    verbs = 0  # groups of verb words in a row ("had served" is one)
    before = False
    for w in words:
        verb = w in _FINITE_AFTER or classes(w) == _VERB_ONLY
        verbs += verb and not before
        before = verb
    return verbs >= (2 if words[:1] and words[0] in _RELATIVES_AFTER else 1)


_CLAUSE_BREAK = lazy_compile(
    r"[,.;:!?()]"
    r"| (?:and|but|then|so|because|when|after|before|until|since|while|although|though|if) "
)
_RELATIVES_AFTER = frozenset(("who", "whom", "that", "which", "whose"))
_FINITE_AFTER = word_set("was were is are had has have will would could can should")
_VERB_ONLY = frozenset(("verb",))


def _only_adjective(word: str) -> bool:
    """A word that can only modify a noun ("a proud", "a lifelong"), never be one or a verb."""
    found = classes(word)
    return "adj" in found and not found & {"noun", "verb"}


# Forms of "be" that lead a question: after them, a subject's next word is no verb of its own
_BE_FIRST = frozenset({"is", "was", "are", "were", "isn't", "wasn't", "aren't", "weren't"})

# Words after which a word that can be a noun or a verb is the verb: a subject pronoun, a
# relative, "to", a modal or auxiliary, and the adverbs that stand before a verb
_VERB_MARKERS = frozenset({
    "i", "we", "you", "they", "he", "she", "it", "who", "which", "that", "to", "can", "could",
    "will", "would", "shall", "should", "may", "might", "must", "do", "does", "did", "don't",
    "doesn't", "didn't", "won't", "can't", "cannot", "never", "often", "also", "always",
    "still", "rarely", "sometimes", "usually", "only", "just",
})  # fmt: skip


# words after which a word in -ing is a verb ("by serving", "for helping", "while housing")
_GERUND_LEADS = word_set(
    "by for of in from about after before while without when on at to into through and or "
    "but also keep keeps kept started start starts began begin begins stopped stop"
)


def _is_verb_after(before: str, word: str, head: str, named: bool = False) -> bool:
    """Whether ``word``, which can be a noun or a verb, is the verb after ``before``, which
    ``head`` (what stands before the blank before ``word``) ends with. After a noun, a verb
    agrees with it where a noun in a compound does not: "the van serves", "doctors judge",
    "staff support", against "a shell script", "exercise addicts" (one or the other is
    plural). ``named``: ``before`` is a name written with a capital, one person or thing."""
    if not head.endswith(before) or head[-len(before) - 1 : -len(before)].isalnum():
        return False
    if before in _VERB_MARKERS:
        return True
    if named:
        return _plural_s(word)  # "Reyes feeds", not "Reyes feed"
    if "noun" not in classes(before) or "function" in classes(before):
        return False
    return _plural_s(word) != (_plural_s(before) or before in _PLURAL_NOUNS)


# nouns that are plural without an -s ("people support", "staff visit")
_PLURAL_NOUNS = frozenset({
    "people", "staff", "police", "children", "men", "women", "clergy", "personnel", "youth",
    "crew", "faculty",
})  # fmt: skip


def _plural_s(word: str) -> bool:
    return word.endswith("s") and not word.endswith("ss")


def _plural_noun(word: str) -> bool:
    """A word that may be a plural noun: one in -s that the word list can read as a noun
    ("cooks", "junkies"; not "always", "this" or "anxious")."""
    return _plural_s(word) and "noun" in classes(word)


class _Quotes:
    """Where a normalized view's paragraphs start and its double quotes stand, in order:
    straight ones, English curly ones (“…”), German ones („…“, a low mark closed by a high
    one) and guillemets («…», and »…« as German prints them)."""

    __slots__ = ("closing", "guillemets", "opening", "paragraphs", "straight")

    def __init__(self, norm: str) -> None:
        def at(mark: str) -> list[int]:
            return [m.start() for m in re.finditer(re.escape(mark), norm)] if mark in norm else []

        self.paragraphs = at(PARAGRAPH)
        self.straight = at('"')
        # a German quote opens with „ and closes with “ or ”: that “ opens nothing
        low = at("\u201e")
        high = at("\u201c")
        closers = sorted(high + at("\u201d"))
        german_ends = set()
        for opened in low:
            i = bisect_left(closers, opened)
            if i < len(closers):
                german_ends.add(closers[i])
        self.opening = sorted([p for p in high if p not in german_ends] + low)
        self.closing = sorted(at("\u201d") + [p for p in high if p in german_ends])
        left, right = at("\u00ab"), at("\u00bb")
        self.guillemets = (left, right) if left or right else None

    def open_at(self, start: int) -> bool:
        """Whether a double quote opened in the paragraph before ``start`` is still open."""
        i = bisect_left(self.paragraphs, start) - 1
        head = self.paragraphs[i] + 1 if i >= 0 else 0
        straight = self.straight
        if (bisect_left(straight, start) - bisect_left(straight, head)) % 2 == 1:
            return True
        if self.guillemets is not None:
            # «…» opens with «, and »…« (as German prints it) with »: the paragraph's first
            # guillemet says which; a quote is open when the last one before is that one
            left, right = self.guillemets
            last_left, last_right = (
                _last_before(left, head, start),
                _last_before(right, head, start),
            )
            if max(last_left, last_right) != -1:
                first_left, first_right = _first_from(left, head), _first_from(right, head)
                opener_left = first_left < first_right
                # open, and closed later in the paragraph: a lone "»" is a breadcrumb's arrow
                closer = right if opener_left else left
                end = self.paragraphs[i + 1] if i + 1 < len(self.paragraphs) else 1 << 62
                if (last_left > last_right) == opener_left and _first_from(closer, start) < end:
                    return True
        last_open = _last_before(self.opening, head, start)
        return last_open > _last_before(self.closing, head, start)


_PLACE_LEADS = frozenset(("at", "in", "of", "from"))
# prepositions of four letters or more that a Title Case line may leave in lower case
_TITLE_PREPOSITIONS = word_set(
    "with from into onto upon over about after among under until along across around "
    "before behind below beneath beside between beyond despite during inside outside "
    "through toward towards within without versus amid amidst"
)
# those after which a line may name who someone works with or where they come from
_NAMING_PREPOSITIONS = word_set("with from between among")
_WORDINGS: dict[int, tuple[CompiledLexicon, frozenset[str]]] = {}
# words right before a quoted wording that set it against another ('or “sex worker”')
_SETTING_AGAINST = _COMPARING | word_set(
    "say says use uses using write writes prefer prefers preferred recommend recommends "
    "recommended suggest suggests suggested favour favours favoured favor favors favored"
)


def preferred_wordings(lexicon: CompiledLexicon) -> frozenset[str]:
    """Every wording the rules of ``lexicon`` prefer, singular and plural, as the view has
    them, a noun slot filled with "person" or "people" ("{noun} who uses a wheelchair": "person
    who uses a wheelchair"; other templates left out); found once per lexicon."""
    kept = _WORDINGS.get(id(lexicon))
    if kept is not None and kept[0] is lexicon:
        return kept[1]
    found = frozenset(
        normalize(text)[0]
        for rule in lexicon.rules
        for p in rule.entry.preferred
        for text in (
            p.text.replace("{noun}", "person") if p.text else None,
            p.plural.replace("{noun}", "people") if p.plural else None,
        )
        if text and "{" not in text
    )
    if len(_WORDINGS) >= 8:  # lexicons compiled in one process: a few profiles' worth
        _WORDINGS.clear()
    _WORDINGS[id(lexicon)] = (lexicon, found)
    return found


def _first_from(places: list[int], lo: int) -> int:
    """The first of ``places`` (in order) at or after ``lo``, or a number past them all."""
    i = bisect_left(places, lo)
    return places[i] if i < len(places) else 1 << 62


def _last_before(places: list[int], lo: int, hi: int) -> int:
    """The last of ``places`` (in order) in ``[lo, hi)``, or -1."""
    i = bisect_left(places, hi) - 1
    return places[i] if i >= 0 and places[i] >= lo else -1


class TermSite:
    """A candidate match of a term or pattern rule, as guard tests see it (see
    :class:`respectful_lint.guards.Site`). The words around it are found once, on first use."""

    __slots__ = ("_after", "_before", "ctx", "end", "form", "start")

    def __init__(self, ctx: Context, start: int, end: int) -> None:
        self.ctx = ctx
        self.start = start
        self.end = end
        self.form = ctx.norm[start:end]
        self._before: list[str] | None = None
        self._after: list[str] | None = None

    def words_before(self) -> list[str]:
        if self._before is None:
            self._before = self.ctx.words_before(self.start)
        return self._before

    def words_after(self) -> list[str]:
        if self._after is None:
            self._after = self.ctx.words_after(self.end)
        return self._after

    # Tests of conflation rules only; validation keeps them off term and pattern rules.
    def negated(self) -> bool:
        return False

    def question(self) -> bool:
        return False

    def sentence_has(self, groups: tuple[str, ...]) -> bool:
        return False
