"""The shape detectors of conflation rules.

Each detector takes one sentence (see :class:`.conflation.Sentence`), the rule's spec and its
severity, and returns candidates that the rule's guards then check. The vocabulary that
organisations may want to change lives in concept groups (lexicon data); what stays here is
grammar: conjunctions, gloss markers, copulas, quantifiers and a few closed word classes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Conflation, Severity
from ..sentences import sentence_bounds

if TYPE_CHECKING:
    from .conflation import Sentence


Piece = str | tuple[int, int]
Rewrite = tuple[Piece, ...]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A shape found in a sentence, before guards."""

    start: int
    end: int
    severity: Severity
    anchors: tuple[tuple[int, int], ...]  # the concept terms, for the negation test
    window: tuple[int, int]  # where guards look for their groups (the sentence or more)
    # Wordings that could replace the span, each a sequence of literal words and view spans
    # (read back from the text, with flagged terms replaced by their preferred wording).
    rewrites: tuple[Rewrite, ...] = ()


_WORD = re.compile(r"\w+(?:'\w+)*")
_TAIL_WORDS = re.compile(r"(?:[\w']+[ -]){1,4}$")


def _words(text: str) -> list[str]:
    return text.split()


PERSONS = frozenset(
    _words(
        "worker workers prostitute prostitutes escort escorts people person persons women woman "
        "men man girls girl boys survivors survivor victims victim traffickers trafficker slaves "
        "slave sellers seller buyers buyer clients client individuals migrants youth adults"
    )
)
FUNCTION = frozenset(
    _words(
        "in on at of for to by with from into about and or but nor that which who whom as than "
        "are were have had can could will would may might must should shall do did does be been "
        "being so if when while because since after before during until across among between "
        "under over through without within"
    )
)
SINGULAR_VERBS = frozenset(
    _words(
        "is was has remains remained continues continued persists persisted grows grew thrives "
        "thrived happens happened exists existed occurs occurred affects affected harms harmed "
        "destroys destroyed devastates devastated plagues plagued ruins ruined exploits exploited "
        "flourishes flourished spreads spread keeps kept takes took goes went needs requires "
        "fuels fuelled fueled feeds hurts hurt preys targets targeted poses posed"
    )
)
HEADS = frozenset(
    _words(
        "problem problems issue issues crisis crises epidemic scourge plague menace evil evils "
        "unit units squad team task taskforce hotline helpline service services programme "
        "programmes program programs project projects shelter shelters industry industries "
        "network networks ring rings operation operations sweep sweeps sting stings "
        "investigation investigations nexus pipeline trade business economy market markets "
        "underworld crackdown crackdowns initiative initiatives"
    )
)
SLOT_ONE = frozenset(
    _words(
        "leave leaving exit exiting exited escape escaping escaped flee fleeing fled quit quitting "
        "end ending ended fight fighting combat combating combatting tackle tackling eradicate "
        "eradicating abolish abolishing stop stopping oppose opposing prevent preventing against "
        "eliminate eliminating "
        # one target of enforcement
        "target targets targeted targeting police policing investigate investigates investigated "
        "investigating curb curbing crack cracking suppress suppressing criminalize criminalizes "
        "criminalise criminalises"
    )
)
SLOT_TWO = frozenset(
    (
        "survivors of",
        "survivor of",
        "victims of",
        "victim of",
        "out of",
        "affected by",
        "harmed by",
        "escape from",
        "exit from",
        "rescued from",
        "freed from",
        "recover from",
        "recovering from",
        "recovery from",
        "away from",
        "trapped in",
    )
)
MODIFIED_HEADS = frozenset(
    _words(
        "prevention law laws policy policies hotline helpline funding fund funds grant grants "
        "training sector organisation organisations organization organizations programme "
        "programmes program programs unit units service services charity charities research act "
        "acts case cases charge charges expert experts advocate advocates group groups statute "
        "statutes campaign campaigns movement movements field studies study data"
    )
)
SUBJECT_BLOCKERS = frozenset(
    _words(
        "of for on about against in into from to with by at around over toward towards than like "
        "between"
    )
)
FILL_STOP = frozenset(
    _words(
        "and or nor but not no never unlike versus vs than from with without including incl such "
        "as especially particularly notably plus also see like mainly mostly often many some who "
        "which where when while whereas if after before against anti is are was were be being "
        "been"
    )
)
PREPOSITIONS = frozenset(
    _words("to with in from by at on for about into of linked related tied connected")
)
DETERMINERS = frozenset(_words("the a an this that these those our their its his her my your"))
NEGATORS = frozenset(_words("not never no cannot neither nor"))
RELATIVE = frozenset(_words("who that which whom whose if when whether where"))
PASSIVE = frozenset(
    _words(
        "is are was were be been being get gets got seem seems seemed appear appears appeared "
        "likely probably possibly all also often"
    )
)

_COORD_GAP = re.compile(r"(?: ?/ ?|-|-and-|-or-| ?& ?| ?\+ ?| and/or | and | or |, )(?:the )?")
_GLOSS_MARK = (
    r"i\.?e\.?|e\.?g\.?|aka|a\.k\.a\.?|also known as|otherwise known as|also called|"
    r"in other words|that is|or rather|namely|i mean|read"
)
_GLOSS_GAP = re.compile(
    r"(?P<open> ?\(| -{1,2}|,|:)? ?(?:(?P<mark>" + _GLOSS_MARK + r")[,:]? )?"
    r"(?P<fill>(?:[\w'-]+ ){0,3})"
)
_EQUALS = re.compile(r" ?(?<![=<>!])=(?!=) ?")
_COPULA = re.compile(
    r" (?:is|are|was|were|equals|equal|means|amounts to|constitutes|remains|represents)"
    r"(?: (?:just|simply|really|basically|essentially|inherently|always|itself|in fact|"
    r"in effect|by definition|nothing but|nothing more than|nothing less than|"
    r"no different from|no different than|no more than|the same as|equivalent to|"
    r"synonymous with|another (?:word|name) for|"
    r"(?:a|an|the|one)(?: [a-z]+)? (?:form|type|kind|variety|version) of|a|an|the))* "
)
_QUANTIFIER = re.compile(
    r"(?:^|(?<=[\s(\"']))(?P<q>all|every|each|most|any)"
    r"(?: (?:of|the|these|those|our|their|your|single|one))*(?: [\w'-]+)?"
    r"(?: (?:woman|women|girl|girls|person|people|one|individual|individuals) (?:in|doing)"
    r"(?: the)?)? $"
)
_UNIVERSAL_VERB = re.compile(
    r"(?P<fill>(?: [\w'-]+){0,4}?) (?:are|were|is|was|have been|has been|had been|become|"
    r"becomes|became|end up|ends up|remain|remains)"
    r"(?: (?:all|really|actually|always|just|simply|ultimately|in fact|in reality|essentially|"
    r"basically|inevitably|automatically|by definition|being|a|an|the))* "
)
_NO_SUCH = re.compile(
    r"(?<!\w)there(?:'s| is| are| was) no such thing as (?:an? )?(?:voluntary|consensual|"
    r"free|freely chosen|willing|chosen|happy|real|true|independent|empowered|autonomous|"
    r"legitimate) "
)
_NO_ONE = re.compile(
    r"(?<!\w)(?:no one|nobody|no woman|no women|no girl|no person) (?:really |truly |freely "
    r"|ever |actually |willingly |genuinely )?(?:chooses|wants|decides|chose|enters|picks) "
    r"(?:to (?:do|enter|go into|work in) |to )?"
)
_DRIVE = re.compile(
    r"(?: (?:who|that) (?:buy|buys|pay for|pays for|purchase|purchases) (?:sex|it))? "
    r"(?:fuel|fuels|fuelled|fueled|fuelling|fueling|drive|drives|drove|driving|feed|feeds|fed|"
    r"feeding|cause|causes|caused|create|creates|created|sustain|sustains|sustained|fund|"
    r"funds|funded|funding|perpetuate|perpetuates|underpin|underpins|enable|enables)"
    r"(?: (?:the|more|most))? "
)
_DEMAND_FOR = re.compile(r"(?<!\w)demand for ")
_END_DEMAND = re.compile(r"(?<!\w)end(?:s|ing)? demand(?!\w)")
_HARM_WORDS = ("traffick", "slave", "exploitation")


# --- helpers -------------------------------------------------------------------------------------


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


def _last_word(text: str) -> str:
    words = _WORD.findall(text)
    return words[-1] if words else ""


def negated(sent: Sentence, cand: Candidate) -> bool:
    """A negation within three words before either concept or between them."""
    anchors = sorted(cand.anchors)
    for s, _ in anchors:
        before = words_between(sent, max(sent.start, s - 50), s)[-3:]
        if any(w in NEGATORS or w.endswith("n't") for w in before):
            return True
    inside = words_between(sent, anchors[0][1], anchors[-1][0]) if len(anchors) > 1 else []
    return any(w in NEGATORS or w.endswith("n't") for w in inside)


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
    return sent.norm[sent.start : sent.end].rstrip(" \"')]\u2029\u201d").endswith("?")


def _slot_before(sent: Sentence, pos: int) -> bool:
    words = prev_words(sent, pos, 3)
    while words and words[-1] in ("the", "both", "all"):
        words.pop()
    if not words:
        return False
    return words[-1] in SLOT_ONE or " ".join(words[-2:]) in SLOT_TWO


def _modifier(sent: Sentence, start: int, end: int) -> bool:
    """The predicate term only modifies a following noun ("a trafficking hotspot")."""
    word, _ = next_word(sent, end)
    if word == "-" or word in MODIFIED_HEADS:
        return True
    # after an article a bare "trafficking" is usually a noun modifier ("is a trafficking risk")
    article = sent.norm[max(0, start - 5) : start].endswith((" a ", " an ", " the ", " one "))
    bare = sent.norm[start:end].endswith("trafficking")
    return article and bare and word is not None and word not in FUNCTION | PERSONS


def _is_subject(sent: Sentence, pos: int) -> bool:
    """No preposition or verb form right before the noun phrase starting at ``pos``."""
    before = [w for w in prev_words(sent, pos, 3) if w not in DETERMINERS][-1:]
    return not (before and (before[0] in SUBJECT_BLOCKERS or before[0].endswith("ing")))


def _pairs(sent: Sentence, spec: Conflation) -> list[tuple[tuple[int, int, str], ...]]:
    concepts = sent.concepts(spec)
    kinds = {c[2] for c in concepts}
    if len(kinds) < 2:
        return []
    return [(a, b) for a, b in itertools.pairwise(concepts) if a[2] != b[2]]


def _cand(
    sent: Sentence,
    start: int,
    end: int,
    severity: Severity,
    *anchors: tuple[int, int],
    rewrites: tuple[Rewrite, ...] = (),
) -> Candidate:
    return Candidate(start, end, severity, tuple(anchors), (sent.start, sent.end), rewrites)


# The reference's own example of two groups that each keep their person noun (§2, shape 1).
_PERSON_REWRITE = "sex workers and "
_VICTIM_HEADS = frozenset(_words("survivors survivor victims victim"))


def _split(a: tuple[int, int, str], b: tuple[int, int, str], end: int) -> tuple[Rewrite, ...]:
    """Name each side on its own, keeping what follows the pair: "X and Y unit" gives
    "X unit" and "Y unit", so the writer can say which one is meant."""
    return (((a[0], a[1]), (b[1], end)), ((b[0], end),))


# --- the shapes ----------------------------------------------------------------------------------


def coordination(sent: Sentence, spec: Conflation, severity: Severity) -> list[Candidate]:
    out = []
    norm = sent.norm
    for a, b in _pairs(sent, spec):
        gap = norm[a[1] : b[0]]
        if not _COORD_GAP.fullmatch(gap):
            continue
        compound = "/" in gap or (gap.startswith("-") and " " not in gap)
        if _last_word(norm[a[0] : a[1]]) in PERSONS or _last_word(norm[b[0] : b[1]]) in PERSONS:
            continue  # a person noun of its own ("sex workers and traffickers")
        word, word_end = next_word(sent, b[1])
        found: tuple[int, Severity] | None = None
        # "research on sex work and trafficking is ...": the verb belongs to another subject
        verb = word in SINGULAR_VERBS and _is_subject(sent, a[0])
        if compound:
            if (
                word
                and word != "-"
                and word not in FUNCTION
                and (verb or word not in SINGULAR_VERBS)
            ):
                found = (word_end, severity)
            else:
                found = (b[1], severity.downgraded())
        elif verb or word in PERSONS:
            found = (word_end, severity)
        elif word in HEADS:
            found = (word_end, severity.downgraded())
        elif not gap.startswith(",") and _slot_before(sent, a[0]):
            found = (b[1], severity.downgraded())
        if found is not None:
            end = found[0]
            if word in _VICTIM_HEADS and end == word_end:
                # "sex-work/trafficking survivors": give each group its own person noun
                person = _PERSON_REWRITE if word.endswith("s") else "sex worker and "
                rewrites: tuple[Rewrite, ...] = ((person, (b[0], end)),)
            else:
                rewrites = _split(a, b, end)
            out.append(_cand(sent, a[0], end, found[1], a[:2], b[:2], rewrites=rewrites))
    return out


def gloss(sent: Sentence, spec: Conflation, severity: Severity) -> list[Candidate]:
    out = []
    norm = sent.norm
    for a, b in _pairs(sent, spec):
        gap = norm[a[1] : b[0]]
        if len(gap) > 60:
            continue
        m = _GLOSS_GAP.fullmatch(gap)
        if m is None:
            continue
        mark, opening = m.group("mark"), (m.group("open") or "").strip()
        if not mark and opening not in ("(", "-", "--"):
            continue
        if any(w in FILL_STOP for w in m.group("fill").split()):
            continue
        if mark and mark.startswith("e"):
            before = prev_words(sent, a[0], 2)
            if any(w in PREPOSITIONS for w in before):
                continue  # "linked to trafficking, e.g. sex work": the example is of another noun
        end = b[1] + 1 if opening == "(" and norm[b[1] : b[1] + 1] == ")" else b[1]
        # Keep either the glossed words or the gloss itself, never both.
        gloss_start = a[1] + m.start("fill")
        rewrites = (((a[0], a[1]),), ((gloss_start, b[1]),))
        out.append(_cand(sent, a[0], end, severity, a[:2], b[:2], rewrites=rewrites))
    return out


def definition(sent: Sentence, spec: Conflation, severity: Severity) -> list[Candidate]:
    concepts = sent.concepts(spec)
    if not concepts:
        return []
    norm = sent.norm
    harm = spec.group("harm")
    out = []
    for s, e, kind in concepts:
        m = _EQUALS.match(norm, e, sent.end) or _COPULA.match(norm, e, sent.end)
        if m is None:
            continue
        pos = m.end()
        other = "tr" if kind == "sw" else "sw"
        ends = [ce for cs, ce, ck in concepts if cs == pos and ck == other]
        if kind == "sw":
            ends.append(sent.matches_at(harm, pos))
        end = max(ends, default=-1)
        if end < 0 or norm.startswith(("trafficked", "trafficker"), pos):
            continue
        if _modifier(sent, pos, end):
            continue
        if not _is_subject(sent, s):
            continue  # "policing sex work is ...": sex work is not the subject
        out.append(_cand(sent, s, end, severity, (s, e), (pos, end)))
    return out


def universal(sent: Sentence, spec: Conflation, severity: Severity) -> list[Candidate]:
    concepts = sent.concepts(spec)
    sw = [c for c in concepts if c[2] == "sw"]
    if not sw:
        return []
    norm = sent.norm
    out = []
    for s, e, _ in sw:
        for pattern in (_NO_SUCH, _NO_ONE):
            for m in pattern.finditer(norm, sent.start, s):
                if m.end() == s:  # the claim carries its own "no": anchor it at its start
                    out.append(_cand(sent, m.start(), e, severity, (m.start(), e)))
        q = _QUANTIFIER.search(norm[max(sent.start, s - 40) : s])
        if q is None:
            continue
        q_start = s - (len(norm[max(sent.start, s - 40) : s]) - q.start("q"))
        if any(w in ("if", "whether", "without") for w in prev_words(sent, q_start, 1)):
            continue
        v = _UNIVERSAL_VERB.match(norm, e, sent.end)
        fill = v.group("fill").split() if v is not None else []
        if v is None or (fill and fill[0] in RELATIVE) or any(w in FILL_STOP for w in fill):
            continue  # "any sex worker who is ...": a condition, not a claim
        pos = v.end()
        ends = [ce for cs, ce, ck in concepts if cs == pos and ck == "tr"]
        ends.append(sent.matches_at(spec.group("victim"), pos))
        ends.append(sent.matches_at(spec.group("harm"), pos))
        end = max(ends)
        if end < 0 or norm.startswith("trafficker", pos):
            continue
        of = re.compile(r" (?:of|to) (?:the )?").match(norm, end, sent.end)
        if of is not None:
            more = [ce for cs, ce, ck in concepts if cs == of.end() and ck == "tr"]
            end = max([end, *more])
        if _modifier(sent, pos, end):
            continue
        out.append(_cand(sent, q_start, end, severity, (s, e), (pos, end)))
    return out


def adult_cues(sent: Sentence, spec: Conflation, severity: Severity) -> list[Candidate]:
    out = []
    norm = sent.norm
    for s, e, kind in sent.concepts(spec):
        if kind != "tr" or not re.match(r"sex[ -]trafficking", norm[s:e]):
            continue
        lo = sentence_bounds(norm, sent.start - 2)[0] if sent.start >= 2 else sent.start
        hi = sentence_bounds(norm, sent.end + 1)[1] if sent.end + 1 < len(norm) else sent.end
        if not norm[lo:hi].strip():
            continue
        if sent.hits(spec.group("adult-cue"), lo, hi) and sent.hits(
            spec.group("enforcement"), lo, hi
        ):
            out.append(Candidate(s, e, severity, ((s, e),), (lo, hi)))
    return out


def fixed_phrase(sent: Sentence, spec: Conflation, severity: Severity) -> list[Candidate]:
    concepts = [c for c in sent.concepts(spec) if c[2] == "tr"]
    if not concepts:
        return []
    norm = sent.norm

    def harm_at(pos: int) -> int:
        ends = [ce for cs, ce, _ in concepts if cs == pos and _harmful(norm[cs:ce])]
        return max(ends, default=-1)

    out = []
    for ds, de in sent.hits(spec.group("demand")):
        m = _DRIVE.match(norm, de, sent.end)
        if m is not None and (end := harm_at(m.end())) > 0:
            out.append(_cand(sent, ds, end, severity, (ds, de), (m.end(), end)))
    for m in _DEMAND_FOR.finditer(norm, sent.start, sent.end):
        end = harm_at(m.end())
        word, _ = next_word(sent, end) if end > 0 else (None, 0)
        if end > 0 and word not in MODIFIED_HEADS and word != "-":
            out.append(_cand(sent, m.start(), end, severity, (m.end(), end)))
    for m in _END_DEMAND.finditer(norm, sent.start, sent.end):
        later = [(cs, ce) for cs, ce, _ in concepts if m.end() < cs <= m.end() + 80]
        later = [(cs, ce) for cs, ce in later if _harmful(norm[cs:ce])]
        if later:
            cs, ce = later[0]
            out.append(_cand(sent, m.start(), ce, severity, (m.start(), m.end()), (cs, ce)))
    return out


def _harmful(text: str) -> bool:
    return any(w in text for w in _HARM_WORDS) and not text.startswith(("trafficked", "trafficker"))


def migration(sent: Sentence, spec: Conflation, severity: Severity) -> list[Candidate]:
    norm = sent.norm
    out = []
    cues: list[tuple[int, int]] | None = None
    for s, e, kind in sent.concepts(spec):
        text = norm[s:e]
        word, _ = next_word(sent, e)
        if kind != "tr" or not (
            text.startswith("trafficked")
            or (text.endswith("trafficking") and word in ("victim", "victims"))
        ):
            continue
        before = words_between(sent, max(sent.start, s - 60), s)[-3:]
        if any(w in RELATIVE for w in before):
            continue  # "migrants who were trafficked": a restriction, not an inference
        if text.startswith("trafficked") and not (
            (before and before[-1] in PASSIVE) or word in PERSONS
        ):
            continue  # "he trafficked them": an accusation against someone
        if cues is None:
            cues = sent.hits(spec.group("migration-cue"))
        near = [c for c in cues if _word_distance(sent, c, (s, e)) <= 10]
        if not near:
            continue
        setting = (
            any(k == "sw" for _, _, k in sent.concepts(spec))
            or sent.hits(spec.group("sex-trade-venue"))
            or sent.hits(spec.group("because"))
        )
        if not setting:
            continue
        cue = min(near, key=lambda c: _word_distance(sent, c, (s, e)))
        out.append(_cand(sent, min(cue[0], s), max(cue[1], e), severity, (s, e)))
    return out


# Words that may stand between a rise word and the trafficking term it is about: "a surge in
# trafficking", "trafficking is expected to spike", "trafficking cases always increase".
_RISE_LINKS = frozenset(
    _words(
        "in of the a an is are was were will would could can may might must be been to set "
        "expected likely predicted said thought believed known sure bound always usually often "
        "sharply dramatically reportedly case cases victim victims report reports"
    )
)
_EVENT_WINDOW = 15  # words between the event and the trafficking term (reference §2, shape 8)
_POLICING_HEADS = frozenset(_words("arrest arrests sting stings raid raids"))


def event_myth(sent: Sentence, spec: Conflation, severity: Severity) -> list[Candidate]:
    tr = [(s, e) for s, e, kind in sent.concepts(spec) if kind == "tr"]
    if not tr:
        return []
    events = sent.hits(spec.group("event"))
    rises = sent.hits(spec.group("rise")) if events else []
    if not rises:
        return []
    out = []
    for s, e in tr:
        word, _ = next_word(sent, e)
        if word == "-" or (word in MODIFIED_HEADS and word not in ("case", "cases")):
            continue  # "trafficking hotline", "trafficking research": not the rise claimed
        if word in _POLICING_HEADS:
            continue  # more arrests is a fact about policing, not about trafficking
        linked = [r for r in rises if _linked(sent, r, (s, e))]
        near = [ev for ev in events if _word_distance(sent, ev, (s, e)) <= _EVENT_WINDOW]
        if not linked or not near:
            continue
        rise = min(linked, key=lambda r: _word_distance(sent, r, (s, e)))
        event = min(near, key=lambda ev: _word_distance(sent, ev, (s, e)))
        start, end = min(s, rise[0], event[0]), max(e, rise[1], event[1])
        out.append(_cand(sent, start, end, severity, (s, e), rise))
    return out


def _linked(sent: Sentence, rise: tuple[int, int], term: tuple[int, int]) -> bool:
    """The rise word is about the trafficking term: only linking words stand between them."""
    lo, hi = (rise[1], term[0]) if rise[0] < term[0] else (term[1], rise[0])
    between = words_between(sent, lo, hi) if hi > lo else []
    return len(between) <= 4 and all(w in _RISE_LINKS for w in between)


def _word_distance(sent: Sentence, a: tuple[int, int], b: tuple[int, int]) -> int:
    lo, hi = (a[1], b[0]) if a[0] < b[0] else (b[1], a[0])
    return len(words_between(sent, lo, hi)) if hi > lo else 0


Detector = Callable[["Sentence", Conflation, Severity], list[Candidate]]
DETECTORS: dict[str, Detector] = {
    "coordination": coordination,
    "gloss": gloss,
    "definition": definition,
    "universal": universal,
    "adult-cues": adult_cues,
    "fixed-phrase": fixed_phrase,
    "migration": migration,
    "event-myth": event_myth,
}
