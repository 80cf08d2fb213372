"""Grammar shared by the conflation shapes (see :mod:`.shapes`).

A shape's detector takes one sentence (see :class:`.sentence.Sentence`), the rule's spec and
its severity, and returns candidates that the rule's guards then check. The vocabulary that
organisations may want to change lives in concept groups (lexicon data); what stays here is
grammar: conjunctions, copulas, negators and a few closed word classes, and the helpers that
read words around a position.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from msgspec import Struct

from ..lazyre import lazy_compile
from ..model import Conflation, Severity
from ..normalize import PARAGRAPH
from ..wordclass import classes

if TYPE_CHECKING:
    from .sentence import Sentence


Piece = str | tuple[int, int]
Rewrite = tuple[Piece, ...]


class Candidate(Struct, frozen=True):
    """A shape found in a sentence, before guards."""

    start: int
    end: int
    severity: Severity
    anchors: tuple[tuple[int, int], ...]  # the concept terms, for the negation test
    window: tuple[int, int]  # where guards look for their groups (the sentence or more)
    # Wordings that could replace the span, each a sequence of literal words and view spans
    # (read back from the text, with flagged terms replaced by their preferred wording).
    rewrites: tuple[Rewrite, ...] = ()
    # the words that make the claim ("cannot be separated"): the sentence tests of guards do
    # not read them as words that keep the two apart
    claim: tuple[int, int] = (0, 0)


_WORD = lazy_compile(r"\w+(?:'\w+)*")


_TAIL_WORDS = lazy_compile(r"(?:[\w']+[ -]){1,4}$")


def split_words(text: str) -> list[str]:
    return text.split()


FUNCTION = frozenset(
    split_words(
        "in on at of for to by with from into about and or but nor that which who whom as than "
        "are were have had can could will would may might must should shall do did does be been "
        "being so if when while because since after before during until across among between "
        "under over through without within"
    )
)


SINGULAR_VERBS = frozenset(
    split_words(
        "is was has remains remained continues continued persists persisted grows grew thrives "
        "thrived happens happened exists existed occurs occurred affects affected harms harmed "
        "destroys destroyed devastates devastated plagues plagued ruins ruined exploits exploited "
        "flourishes flourished spreads spread keeps kept takes took goes went needs requires "
        "fuels fuelled fueled feeds hurts hurt preys targets targeted poses posed"
    )
)


SUBJECT_BLOCKERS = frozenset(
    split_words(
        "of for on about against in into from to with by at around over toward towards than like "
        "between"
    )
)


FILL_STOP = frozenset(
    split_words(
        "and or nor but not no never unlike versus vs than from with without including incl such "
        "as especially particularly notably plus also see like mainly mostly often many some who "
        "which where when while whereas if after before against anti is are was were be being "
        "been"
    )
)


PREPOSITIONS = frozenset(
    split_words("to with in from by at on for about into of linked related tied connected")
)


DETERMINERS = frozenset(split_words("the a an this that these those our their its his her my your"))


NEGATORS = frozenset(split_words("not never no cannot neither nor"))


RELATIVE = frozenset(split_words("who that which whom whose if when whether where"))


PASSIVE = frozenset(
    split_words(
        "is are was were be been being get gets got seem seems seemed appear appears appeared "
        "likely probably possibly all also often"
    )
)


def words_between(sent: Sentence, lo: int, hi: int) -> list[str]:
    return _WORD.findall(sent.norm, lo, hi)


def prev_words(sent: Sentence, pos: int, n: int) -> list[str]:
    """Up to ``n`` words right before ``pos``, joined to it by spaces or hyphens only."""
    tail = sent.norm[max(sent.start, pos - 60) : pos]
    m = _TAIL_WORDS.search(tail)
    return m.group().replace("-", " ").split()[-n:] if m and n > 0 else []


def next_word(sent: Sentence, pos: int) -> tuple[str | None, int]:
    """The word right after ``pos`` (after one space) and its end; "-" marks a hyphenated one."""
    norm = sent.norm
    if pos < sent.end and norm[pos] == "-" and pos + 1 < len(norm) and norm[pos + 1].isalnum():
        return "-", pos + 1
    m = _WORD.match(norm, pos + 1) if pos < sent.end and norm[pos] == " " else None
    if m is None or m.end() > sent.end:
        return None, pos
    return m.group(), m.end()


def last_word(text: str) -> str:
    words = _WORD.findall(text)
    return words[-1] if words else ""


def negated(sent: Sentence, cand: Candidate) -> bool:
    """A negation within three words before either concept, in its clause, or between them;
    a belief or saying disowned right before the claim ("we no longer believe that",
    "nobody here thinks"); or a claim denied of its own subject ("Not every migrant …",
    "Few sex workers …", "No foreign women …"). "No" that starts an idiom of certainty
    ("make no mistake", "there is no doubt that") does not deny what follows."""
    first = min([cand.start, *(s for s, _ in cand.anchors)])
    if _DISOWNED.search(sent.norm, max(sent.start, first - 80), first):
        return True  # "we no longer believe that all sex work is trafficking"
    anchors = sorted(cand.anchors)
    # a subject the claim is denied of: "Not every migrant sex worker …", "Few Thai
    # women in the massage parlours …"
    lo = max(sent.start, first - 80)
    cut = max(sent.norm.rfind(mark, lo, first) for mark in _CLAUSE_MARKS)
    lead = words_between(sent, max(lo, cut + 1), first)
    if lead[:1] in (["few"], ["fewer"], ["no"]):
        subject = lead[1:]
    elif lead[:1] == ["not"] and lead[1:2] != [] and lead[1] in _ALL:
        subject = lead[2:]
    else:
        subject = None
    # the quantifier is the subject's own: no verb or clause between it and the claim
    # ("Few doubted that the Thai women …", "Not every neighbour knew …" affirm it)
    if subject is not None and not any(_verb_or_clause(w) for w in subject):
        return True
    for s, _ in anchors:
        lo = max(sent.start, s - 50)
        cut = max(sent.norm.rfind(mark, lo, s) for mark in _CLAUSE_MARKS)
        if _denies(words_between(sent, max(lo, cut + 1), s)[-3:]):
            return True
    inside = words_between(sent, anchors[0][1], anchors[-1][0]) if len(anchors) > 1 else []
    return _denies(inside)


_CLAUSE_MARKS = (":", ";", ",", "\u2014", "\u2013")
_ALL = frozenset(split_words("all every each many most"))
# a verb of belief or saying, negated or given up, whose clause the claim is
_DISOWNED = lazy_compile(
    r"(?:\b(?:do|does|did)(?: not|n't)|\bno longer|\bnever|\b(?:nobody|no one)(?: here| else)?"
    r"|\b(?<!n't )(?<!not )(?<!never )(?:stopped|stop|ceased)) "
    r"(?:believe[sd]?|believing|think|thinks|thought|thinking|say|says|said|saying|claim|"
    r"claims|claimed|claiming|accept|accepts|accepted|agree|agrees|agreed|hold|holds|assume|"
    r"assumes|pretend|pretends|pretending)(?: that)?(?: (?:all|every|any|most|each))? \Z"
)
# "No" before these is certainty, not denial: "make no mistake", "there is no doubt that"
_CERTAINTY = frozenset(split_words("mistake doubt question wonder secret denying surprise"))


def _verb_or_clause(word: str) -> bool:
    """Whether ``word`` is a verb (and no noun or adjective) or starts a clause."""
    if word in RELATIVE or word in _BE or word in _BELIEVING:
        return True
    found = classes(word)
    return "verb" in found and not found & {"noun", "adj"}


_BE = frozenset(split_words("is are was were be been being has have had do does did"))
# verbs of belief and saying, which also read as nouns ("few activists think …")
_BELIEVING = frozenset(
    split_words(
        "think thinks thought believe believes believed doubt doubts doubted know knows knew "
        "realise realises realised realize realizes realized say says said claim claims claimed "
        "suspect suspects suspected assume assumes assumed expect expects expected deny denies "
        "denied agree agrees agreed notice noticed imagine imagines imagined"
    )
)


def _denies(words: list[str]) -> bool:
    """Whether ``words`` hold a negation that is no idiom of certainty, or "whether" that
    makes the claim a question ("whether sex work is trafficking is a question the court
    left open")."""
    for i, w in enumerate(words):
        if w == "whether":
            return True
        if w == "no" and words[i + 1 : i + 2] and words[i + 1] in _CERTAINTY:
            continue
        if w in NEGATORS or w.endswith("n't"):
            return True
    return False


_MENTION_CUES = frozenset(
    (
        "the phrase",
        "the term",
        "the terms",
        "the words",
        "the slogan",
        "the label",
        "phrases like",
        "words like",
        "slogans like",
        "the headline",
        "the expression",
    )
)


def mentioned(sent: Sentence, start: int) -> bool:
    """The phrase is named as wording ("the slogan 'sex work is slavery'"), not used.

    A quoted sentence on its own is quoted speech, which lowers the severity instead.
    """
    words = words_between(sent, max(sent.start, start - 40), start)[-2:]
    return " ".join(words) in _MENTION_CUES


def is_question(sent: Sentence) -> bool:
    return sent.norm[sent.start : sent.end].rstrip(" \"')]" + PARAGRAPH + "\u201d").endswith("?")


def modifier(sent: Sentence, spec: Conflation, start: int, end: int) -> bool:
    """The predicate term only modifies a following noun ("a trafficking hotspot")."""
    word, _ = next_word(sent, end)
    if word == "-" or word in sent.words(spec, "modified-heads"):
        return True
    # after an article a bare "trafficking" is usually a noun modifier ("is a trafficking risk")
    article = sent.norm[max(0, start - 5) : start].endswith((" a ", " an ", " the ", " one "))
    bare = sent.norm[start:end].endswith(tuple(sent.words(spec, "bare-modifiers")))
    if not (article and bare) or word is None:
        return False
    return word not in FUNCTION and word not in sent.words(spec, "persons")


def is_subject(sent: Sentence, pos: int) -> bool:
    """No preposition or verb form right before the noun phrase starting at ``pos``."""
    before = [w for w in prev_words(sent, pos, 3) if w not in DETERMINERS][-1:]
    return not (before and (before[0] in SUBJECT_BLOCKERS or before[0].endswith("ing")))


def pairs(sent: Sentence, spec: Conflation) -> list[tuple[tuple[int, int, str], ...]]:
    concepts = sent.concepts(spec)
    kinds = {c[2] for c in concepts}
    if len(kinds) < 2:
        return []
    return [(a, b) for a, b in itertools.pairwise(concepts) if a[2] != b[2]]


def cand(
    sent: Sentence,
    start: int,
    end: int,
    severity: Severity,
    *anchors: tuple[int, int],
    rewrites: tuple[Rewrite, ...] = (),
    claim: tuple[int, int] = (0, 0),
) -> Candidate:
    return Candidate(start, end, severity, tuple(anchors), (sent.start, sent.end), rewrites, claim)


def word_distance(sent: Sentence, a: tuple[int, int], b: tuple[int, int]) -> int:
    lo, hi = (a[1], b[0]) if a[0] < b[0] else (b[1], a[0])
    return len(words_between(sent, lo, hi)) if hi > lo else 0
