"""Findings: a span of a segment's normalized view placed in the source document, with its
message, suggestions and fix. Every rule kind builds its findings here; the wording itself
(suggestions, case transfer, article fit, messages) comes from :mod:`.wording`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar

from msgspec import Struct
from msgspec.structs import replace

from .agreement import SPLIT_MARKUP, common_ends, plan, proper_name_heading
from .casing import case_of, prev_capitalized
from .lazyre import lazy_compile
from .model import (
    ChunkedText,
    Document,
    Finding,
    Fix,
    Inflection,
    Preferred,
    Rule,
    Segment,
    Severity,
    Source,
)
from .quoting import reported_naming
from .wordclass import classes
from .wording import (
    DIED,
    MINOR_WORDS,
    former_before,
    formerly,
    in_the_past,
    message,
    owned_after,
    partitive,
    place,
    postmodified,
    shares_determiner,
    slot_at,
    suggest,
    title_cased,
    transfer_case,
    with_the,
)
from .wordsets import word_set

if TYPE_CHECKING:
    from .context import Context


class Match(Struct, frozen=True):
    """An accepted match in a segment's normalized view."""

    start: int
    end: int
    rule: int
    severity: Severity


def resolve(matches: Iterable[Match]) -> list[Match]:
    """Leftmost, then longest, then lowest rule index; drop matches overlapping a chosen one."""
    return first_of_overlaps(sorted(matches, key=lambda m: (m.start, m.start - m.end, m.rule)))


class Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Span)


def first_of_overlaps(ordered: Iterable[S]) -> list[S]:
    """Keep each span that does not overlap one kept before it (the input is in order)."""
    out: list[S] = []
    end = -1
    for m in ordered:
        if m.start >= end:
            out.append(m)
            end = m.end
    return out


# What a rule says about one match: its message, suggestions, fix and the source span each
# suggestion replaces (None for an idea that does not stand there: see Finding.places)
Worded = tuple[str, tuple[str, ...], Fix | None, tuple[tuple[int, int] | None, ...]]
# ... given the words as read and the match's source offsets
Wording = Callable[[str, int, int], Worded]


_URLS: dict[int, tuple[tuple[Source, ...], tuple[str, ...]]] = {}


def _source_urls(rule: Rule) -> tuple[str, ...]:
    """The rule's source addresses as one tuple that all its findings share."""
    known = _URLS.get(id(rule.sources))
    if known is None or known[0] is not rule.sources:
        known = _URLS[id(rule.sources)] = (rule.sources, tuple(s.url for s in rule.sources))
    return known[1]


def make_finding(
    document: Document,
    segment: Segment,
    ctx: Context,
    rule: Rule,
    view_span: tuple[int, int],
    severity: Severity,
    wording: Wording,
) -> Finding:
    """A finding for a span of a segment's normalized view, placed in the source document."""
    seg_start, seg_end = ctx.source_span(*view_span)
    start = segment.offsets.start(seg_start)
    end = max(segment.offsets.end(seg_end), start)
    # Messages quote the words as read (no markup, escapes or line breaks).
    shown = " ".join(segment.text[seg_start:seg_end].split())
    line, column = document.position(start)
    end_line, end_column = document.position(end)
    text, suggestions, fix, places = wording(shown, start, end)
    if fix is not None:
        positions = tuple((*document.position(s), *document.position(e)) for s, e, _ in fix.edits)
        fix = replace(fix, positions=positions)
    return Finding(
        path=document.path,
        rule=rule.id,
        category=rule.category,
        severity=severity,
        message=text,
        matched=document.text[start:end],
        start=start,
        end=end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        suggestions=suggestions,
        note=rule.entry.note,
        sources=_source_urls(rule),
        segment_kind=segment.kind,
        fix=fix,
        location=segment.location,
        places=places,
    )


def _title_cased_words(shown: str, term: str) -> bool:
    """Whether a term the lexicon writes in lower case is written with two capitals inside a
    line, as only a title does ("Criminalizing the Mentally Ill")."""
    capitals = [w for w in _LETTERS.findall(shown) if w[:1].isupper()]
    return len(capitals) >= 2 and term == term.lower() and term.count(" ") >= 1


def _capital_mid_sentence(ctx: Context, m: Match) -> bool:
    """Whether a match written with a capital stands inside a sentence, where its wording
    takes none: not at the sentence's start or after a colon, not in a Title Case line."""
    if ctx.sentence_start(m.start):
        return False
    lo = ctx.sentence_bounds(m.start)[0]
    gap = ctx.norm[max(lo, m.start - 8) : m.start]
    before = gap.rstrip(" \"'([\u201c\u2018")
    if not before or before[-1] in ":;" or ctx.title_case(m.start):
        return False
    closed = ctx.norm[m.end : m.end + 1] in _QUOTATION_CLOSES  # '9 "Johns"': scare quotes
    if gap.rstrip(" ")[-1:] in _QUOTATION_OPENS and not closed:
        return False  # a quotation's first word: "the warden said, 'Inmates will …'"
    shown_gap = ctx.original(max(lo, m.start - len(gap) + len(before)), m.start)
    if "\n" in shown_gap and before.rsplit(" ", 1)[-1] not in _CARRIES_ON:
        return False  # the first word of a line ("Who we serve\nAddicts and …")
    # a capital in a name of several words keeps it ("Outreach for Prostitutes was …")
    for word in reversed(_LETTERS.findall(ctx.original(max(lo, m.start - 60), m.start))):
        if word.lower() not in MINOR_WORDS:
            return not word[:1].isupper()
    return True


_LETTERS = lazy_compile(r"[^\W\d_]+")
_QUOTATION_OPENS = frozenset("\"'\u201c\u2018")
_QUOTATION_CLOSES = frozenset("\"'\u201d\u2019")
# words that carry a sentence on over a line break ("Police arrested several\nJohns …")
_CARRIES_ON = MINOR_WORDS | word_set(
    "several many some all most two three four five more these those their his her our its"
)


def rule_finding(
    document: Document, segment: Segment, ctx: Context, rule: Rule, m: Match
) -> Finding:
    """The finding for an accepted match of a rule, worded from its entry's preferred wordings."""
    entry = rule.entry
    inflection = rule.forms.get(ctx.norm[m.start : m.end], Inflection(""))
    at_start = ctx.sentence_start(m.start)
    preferred = _near_first(entry.preferred, ctx, m)
    slotted = any(p.slots is not None for p in preferred)
    slot = None
    if slotted:
        lo = max(0, m.start - 60)
        cased = _cased(ctx, lo, min(len(ctx.norm), m.end + 60))
        slot = slot_at(ctx.norm, m.start, m.end, ctx.sentence_bounds(m.start), cased, lo)
        if slot.place and ctx.title_case(m.start, heading=segment.kind == "heading"):
            # in a Title Case headline every word has a capital: none names a place ("Budget
            # Cuts Hit The Homeless Hardest")
            slot = replace(slot, place="")

    def wording(shown: str, start: int, end: int) -> Worded:
        texts: list[str] = []
        spans: list[tuple[int, int]] = []
        stands: list[bool] = []  # whether each wording stands in place as written
        if slot is None:
            plain, fits = suggest(preferred, inflection, shown, at_start)
            if fits and plain and postmodified(plain[0]) and _before_a_noun(ctx, m):
                # "migrant without legal permission workers" cannot stand: a wording that can
                # stand before the noun comes first ("undocumented immigrant apprehensions"),
                # and without one there are ideas and no fix
                before_noun = tuple(t for t in plain if _stands_before_a_noun(t))
                fits = bool(before_noun)
                plain = (*before_noun, *(t for t in plain if t not in before_noun))
            elif (
                fits
                and ctx.norm.startswith("the ", m.start)
                and (
                    shares_determiner(ctx.norm, m.end, ctx.sentence_bounds(m.start)[1])
                    or (bool(plain) and postmodified(plain[0]) and owned_after(ctx.norm, m.end))
                )
            ):
                # "the disabled and elderly": "disabled people and elderly"; "the mentally
                # ill's needs": "people with mental illness's needs" (not "the disabled's
                # rights": "disabled people's rights")
                fits = False
            texts = list(plain)
            spans = [(m.start, m.end)] * len(texts)
            stands = [fits] * len(texts)
        else:
            placed, fits = place(preferred, inflection, shown, at_start, slot, (m.start, m.end))
            for p in placed:
                src = _source_span(segment, ctx, p.start, p.end)
                # case follows the match, or the words taken in before it when they start
                # the sentence ("The mentally ill" -> "People with …")
                lead = p.start < m.start
                shown_case = document.text[src[0] : src[1]] if not lead else shown
                starts = ctx.sentence_start(p.start) if lead else at_start
                text = transfer_case(shown_case, p.text, starts)
                if lead and starts:
                    text = text[:1].upper() + text[1:]
                texts.append(text)
                spans.append((p.start, p.end))
                stands.append(p.fits)
        if any(" who " in t for t in texts) and _died(ctx, m):
            # "the deceased was a known addict": "person who used drugs"
            texts = [in_the_past(t) or t for t in texts]
        texts = [  # "many of the homeless": "many of the people experiencing homelessness"
            with_the(t, shown) if partitive(ctx.norm, *span) else t
            for t, span in zip(texts, spans, strict=True)
        ]
        lo = ctx.sentence_bounds(m.start)[0]
        unjoined: set[str] = set()  # wordings that cannot stand after "former" here
        for i, (text, span) in enumerate(zip(texts, spans, strict=True)):
            # "former drug users": "people who used to use drugs"; the span may start before
            # the match ("former Alcatraz inmates": "people formerly incarcerated at …")
            former, now = former_before(ctx.norm, span[0], lo)
            if former == -2 and "formerly" in (formerly(text) or ""):
                # "the homeless and former inmates": "former incarcerated people" would not
                # read, and a wording in the past cannot take in the other word ("young or
                # former people who use drugs" reads)
                stands[i] = False
                unjoined.add(text)
            if former >= 0:
                at = _source_span(segment, ctx, former, former + 1)[0]
                capital = document.text[at : at + 1].isupper()
                ex = ctx.norm.startswith("ex-", former)
                past = formerly(text, now)
                if past is None and ex:  # "ex-hookers": "former sex workers"
                    past = ("FORMER " if text.isupper() else "former ") + text
                if past is not None:
                    texts[i] = past[:1].upper() + past[1:] if capital else past
                    spans[i] = (former, span[1])
        if (
            any(w[:1].isupper() for w in shown.split())
            and not shown.isupper()
            and (
                ctx.title_case(m.start, heading=segment.kind == "heading")
                or (not at_start and _title_cased_words(shown, inflection.base))
            )
        ):  # a word of a Title Case headline: "Inmate Escapes": "Incarcerated Person Escapes"
            texts = [title_cased(t) for t in texts]
        elif (
            shown[:1].isupper()
            and " " not in shown.strip()
            and not shown.isupper()
            and inflection.base[:1].islower()
            and _capital_mid_sentence(ctx, m)
        ):
            # "the number of Johns arrested": "clients", not "Clients"; a capital the lexicon
            # writes stays ("Down syndrome")
            own = {p.text.split(" ", 1)[0] for p in preferred if p.text[:1].isupper()}
            texts = [
                t[:1].lower() + t[1:]
                if span[0] == m.start and t[1:2].islower() and t.split(" ", 1)[0] not in own
                else t
                for t, span in zip(texts, spans, strict=True)
            ]
        chosen: dict[str, tuple[tuple[int, int], bool]] = {}
        for text, span, stand in zip(texts, spans, stands, strict=True):
            chosen.setdefault(text, (span, stand))
        suggestions = tuple(chosen)
        # a wording may take the place of the words only where a fix could stand: not in
        # quoted speech, a mention or a name, not in a link's target, not as the first part
        # of a compound, and not over markup ("<em>child</em> prostitute"), which one
        # replacement would take away
        writable = (
            fixable(segment, ctx, m)
            and not document.is_locked(*_source_span(segment, ctx, m.start, m.end))
            and ctx.norm[m.end : m.end + 1] != "-"  # "inmate-run": no wording stands there
        )
        places = tuple(
            _source_span(segment, ctx, *span)
            if stand
            and writable
            and _one_piece(document, segment, ctx, span)
            and not repeats_beside(ctx.norm, span, text)
            else None
            for text, (span, stand) in chosen.items()
        )
        fix = None
        if (
            entry.fix != "none"
            and suggestions
            and fits
            and writable
            and suggestions[0] not in unjoined
            and not repeats_beside(ctx.norm, chosen[suggestions[0]][0], suggestions[0])
            and not _quoted_in_sentence(ctx, m, suggestions[0])
        ):
            span = chosen[suggestions[0]][0]
            whole = span == (m.start, m.end)
            plural_match = inflection.plural and whole
            fix = _fix(document, segment, ctx, span, suggestions[0], entry.fix, plural_match)
            if fix is not None and fix.applicability == "safe" and _may_be_name(ctx, m, inflection):
                fix = Fix(fix.edits, "unsafe", MAY_BE_NAME)
        return message(rule, shown, suggestions, m.severity), suggestions, fix, places

    return make_finding(document, segment, ctx, rule, (m.start, m.end), m.severity, wording)


_JOINERS = (" ", "/", " and ", " or ", ", and ", ", or ", " & ", " (", ", ")
_LAST_WORDS = lazy_compile(r"[\w'-]+(?: [\w'-]+){0,5}\Z")
_FIRST_WORDS = lazy_compile(r"[\w'-]+(?: [\w'-]+){0,5}")


def _quoted_in_sentence(ctx: Context, m: Match, wording: str) -> bool:
    """Whether the sentence quotes the wording itself ('refers to prostitutes as “sex
    workers”'): the sentence is about the two words, and the fix would make it say nothing."""
    lo, hi = ctx.sentence_bounds(m.start)
    wanted = re.escape(wording.casefold())
    quoted = re.compile(f"[{_OPENING_QUOTES}]{wanted}[,.;:!?]?[{_CLOSING_QUOTES}]")
    return quoted.search(ctx.norm, lo, hi) is not None


_OPENING_QUOTES = "\"'\u201c\u2018\u00ab"
_CLOSING_QUOTES = "\"'\u201d\u2019\u00bb"


def repeats_beside(norm: str, span: tuple[int, int], wording: str) -> bool:
    """Whether ``wording`` in place of the view ``span`` would repeat the words beside it,
    next to it or joined to it by "/", "and", "or", a comma or a bracket: its first word the
    word before ("police rescue raids": "police police raids", "an HIV/AIDS test": "HIV/HIV"),
    its last word the word after ("the AIDS virus (HIV)"), or all its words those on either
    side ("prostitutes and sex workers"). Such a fix would leave a repetition for a person to
    mend: the wording stays an idea."""
    words = _SENTENCE_WORD.findall(wording.casefold())
    if not words:
        return False
    start, end = span
    before = norm[max(0, start - 80) : start]
    after = norm[end : end + 80]
    n = len(words)
    for joiner in _JOINERS:
        if before.endswith(joiner):
            found = _LAST_WORDS.search(before[: len(before) - len(joiner)])
            last = _SENTENCE_WORD.findall(found[0]) if found is not None else []
            if last[-1:] == words[:1] or last[-n:] == words:
                return True
        if after.startswith(joiner):
            found = _FIRST_WORDS.match(after, len(joiner))
            first = _SENTENCE_WORD.findall(found[0]) if found is not None else []
            if first[:1] == words[-1:] or first[:n] == words:
                return True
    return False


def _died(ctx: Context, m: Match) -> bool:
    """Whether the match's sentence tells of a death in the past (see :data:`.wording.DIED`)."""
    lo, hi = ctx.sentence_bounds(m.start)
    return any(w in DIED for w in _SENTENCE_WORD.findall(ctx.norm, lo, hi)) or (
        "passed away" in ctx.norm[lo:hi]
    )


def _stands_before_a_noun(wording: str) -> bool:
    """Whether a wording of several words, none after its last noun, can describe a noun
    after it ("undocumented immigrant apprehensions"); not a verb's ("has", "lives with")."""
    words = wording.split()
    return len(words) > 1 and not postmodified(wording) and words[-1] not in _TRAILING_WORDS


_TRAILING_WORDS = frozenset(("with", "from", "of", "by", "for", "to", "in", "on", "at", "as"))


def _before_a_noun(ctx: Context, m: Match) -> bool:
    """Whether the match stands before a noun it describes ("illegal migrant workers")."""
    found = ctx.next_classes(m.start, m.end)
    if "noun" not in found or found & {"function", "adv"}:
        return False
    if "verb" not in found:
        return True
    # a noun or a verb ("support", "spoke"): a noun, the head, must follow ("support groups")
    after = _NEXT_WORDS.match(ctx.norm, m.end)
    return after is not None and classes(after[1]) == frozenset({"noun"})


_NEXT_WORDS = lazy_compile(r" [\w'-]+ ([\w'-]+)")


def _near_first(preferred: tuple[Preferred, ...], ctx: Context, m: Match) -> tuple[Preferred, ...]:
    """``preferred`` with the wordings whose ``near`` words stand in the match's sentence
    first ("AIDS victims were buried": "people who died of AIDS"), in their own order."""
    if all(p.near is None for p in preferred):
        return preferred
    lo, hi = ctx.sentence_bounds(m.start)
    words = set(_SENTENCE_WORD.findall(ctx.norm, lo, hi))

    def stands(near: frozenset[str]) -> bool:
        return any(
            w[:-1] and any(x.startswith(w[:-1]) for x in words) if w.endswith("*") else w in words
            for w in near
        )

    first = [p for p in preferred if p.near is not None and stands(p.near)]
    if not first:
        return preferred
    return (*first, *(p for p in preferred if p not in first))


_SENTENCE_WORD = lazy_compile(r"\w+(?:['-]\w+)*")


def _one_piece(document: Document, segment: Segment, ctx: Context, span: tuple[int, int]) -> bool:
    """Whether the normalized-view ``span`` was read from one stretch of source, with no
    markup inside it (white space and line breaks aside): one replacement can then stand for
    it."""
    return len(source_pieces(document.text, segment, *ctx.source_span(*span))) == 1


# force right before the match ("forced to work as", "coerced into", "sold into")
_COERCED = lazy_compile(
    r"\b(?:(?:forced|coerced|compelled|sold|trafficked|tricked|pressured|enslaved)"
    r"(?: [\w'-]+){0,3}|made to(?: [\w'-]+){0,4}) (?:as|into) (?:an? |the )?\Z"
)


def fixable(segment: Segment, ctx: Context, m: Match) -> bool:
    """Whether a fix may stand here: never inside a quotation, after a verb that reports what
    someone was called or one of force ("forced to work as"), or in a heading that names
    something (an organisation, a title)."""
    if ctx.quoted or ctx.in_quoted_speech(m.start) or ctx.is_mention(m.start, m.end):
        return False
    if reported_naming(ctx.last_words(m.start, 6)):
        return False  # "she was called a hooker": what was said, which a wording would change
    if _COERCED.search(ctx.norm, max(0, m.start - 50), m.start):
        # "forced to work as prostitutes": a wording of work or trade would put consent into a
        # claim of force; the writer must choose the words
        return False
    if m.start > 0 and ctx.norm[m.start - 1] == "#":
        return False  # a hashtag, which a wording of several words would break
    norm = ctx.norm
    if (
        norm[m.end : m.end + 1] == "'"
        and not norm[m.end + 1 : m.end + 2].isalnum()
        and norm[m.start - 1 : m.start] != "'"
    ):
        # "the homeless' belongings": a possessive the wording cannot take ("people
        # experiencing homelessness' belongings"); the sentence needs rewording
        return False
    s, e = ctx.source_span(m.start, m.end)
    text = ctx.text
    return not proper_name_heading(segment.kind, text[s:e], text[max(0, s - 40) : s], text[e:])


def _fix(
    document: Document,
    segment: Segment,
    ctx: Context,
    span: tuple[int, int],
    wording: str,
    applicability: Literal["safe", "unsafe"],
    plural_match: bool,
) -> Fix | None:
    """The fix that puts ``wording`` in place of the normalized-view ``span`` (the match, or
    the match with the words a slot wording takes in), with its applicability."""
    seg_start, seg_end = ctx.source_span(*span)
    pieces = source_pieces(document.text, segment, seg_start, seg_end)
    lo = max(0, seg_start - 8)
    around = (segment.text[lo:seg_start], segment.text[seg_end : seg_end + 40])

    def locate(start: int, end: int) -> tuple[int, int]:
        return segment.offsets.span(lo + start, lo + end)

    planned = plan(document.text, pieces, wording, around, locate, plural_match=plural_match)
    if planned is None:
        return None
    edits = planned.edits
    if document.widen is not None:
        extra = document.widen(edits)
        if extra is None:
            return None  # the format cannot take the fix here
        edits = (*edits, *extra)
    reasons = [planned.unsafe_reason] if planned.unsafe_reason is not None else []
    if planned.unsafe_reason != SPLIT_MARKUP and _restyles(document, pieces, wording):
        reasons.append(SPLIT_MARKUP)
    if document.is_anchored(pieces[0][0], pieces[-1][1]):
        reasons.append(ANCHOR_CHANGES)
    if reasons:
        return Fix(edits, "unsafe", "; ".join(reasons))
    return Fix(edits, applicability)


def _restyles(document: Document, pieces: Sequence[tuple[int, int]], wording: str) -> bool:
    """Whether the words a fix changes cross a change of formatting (Word runs): "the prison
    __guards__" would become "correctional officers" in one run's formatting. The words that
    stay keep theirs ("*street*walkers": "*street*-based sex workers" changes only the
    second run), as :mod:`.docxfix` writes them."""
    start, end = pieces[0][0], pieces[-1][1]
    inner = [at - start for at in document.styled_within(start, end)]
    if not inner:
        return False
    old = str(document.text[start:end])
    k, j = common_ends(old, wording, frozenset(inner))
    return any(k < at < len(old) - j for at in inner)


# why a fix of a capitalized word that may be a surname is unsafe (see _may_be_name)
MAY_BE_NAME = 'it is capitalized where it may be a name ("Mary Hooker", "Hooker said")'


def _may_be_name(ctx: Context, m: Match, inflection: Inflection) -> bool:
    """Whether a capitalized singular match may be someone's name, which a fix would change:
    after another capitalized word that is no sentence's start ("Mary Hooker", "Dr. Anne
    Hooker", in a byline a reader may take for a headline), or alone at a sentence's start with
    no article ("Hooker said the van leaves at nine"). The finding stays; the fix waits for a
    person (``--unsafe-fixes``)."""
    if inflection.plural:
        return False
    s, e = ctx.source_span(m.start, m.end)
    words = ctx.norm[m.start : m.end]
    if case_of(ctx.text[s:e]) != "capitalized" or " " in words or "-" in words:
        return False  # a phrase or a compound ("Safe-sex messages") is no one's name
    if ctx.sentence_start(m.start):
        # a sentence of prose, not a title: "Hooker said …", "Hooker's army retreated."
        lo, hi = ctx.source_span(*ctx.sentence_bounds(m.start))
        prose = ctx.text[lo:hi].rstrip().endswith((".", "!", "?"))
        return prose and (inflection.possessive or "verb" in ctx.next_classes(m.start, m.end))
    # the capitalized word before is not the sentence's first ("The Hooker left")
    return prev_capitalized(ctx.text, s) and len(ctx.words_before(m.start)) > 1


# why a fix in a heading whose text makes its link anchor is unsafe (see Document.anchored)
ANCHOR_CHANGES = "it changes the heading's link anchor, which links from other pages may use"


def source_pieces(
    source: str | ChunkedText, segment: Segment, start: int, end: int
) -> list[tuple[int, int]]:
    """The stretches of source that segment characters ``start:end`` were read from.

    Source skipped between them (markup such as ``**`` or ``</em>``) separates two pieces;
    skipped white space (a line break and indentation) does not.
    """
    offsets = segment.offsets
    pieces: list[tuple[int, int]] = []
    for i in range(start, max(end, start + 1)):
        s, e = offsets.start(i), max(offsets.end(i + 1), offsets.start(i))
        if pieces and (s <= pieces[-1][1] or not source[pieces[-1][1] : s].strip()):
            pieces[-1] = (pieces[-1][0], max(pieces[-1][1], e))
        else:
            pieces.append((s, e))
    return pieces


def _cased(ctx: Context, lo: int, hi: int) -> str:
    """The normalized view from ``lo``, with the capitals of the source put back up to
    ``hi``, then to the end of the word at ``hi`` (a name's letters after a capital may run
    past it). The rest of the view holds no capital, so a place's name lies in this stretch."""
    norm = ctx.norm
    tail = _WORD_TAIL.match(norm, hi)
    rest = tail[0] if tail is not None else ""
    s, e = ctx.source_span(lo, hi)
    source = ctx.text[s:e]
    if len(source) == hi - lo and source.casefold() == norm[lo:hi]:
        # each character folds to one (a fold never drops one): the source as it stands
        return source + rest
    out = []
    for i in range(lo, hi):
        s, e = ctx.source_span(i, i + 1)
        ch = ctx.text[s:e]
        out.append(ch if len(ch) == 1 and ch.casefold() == norm[i] else norm[i])
    return "".join(out) + rest


_WORD_TAIL = lazy_compile(r"[\w'-]* ?")


def _source_span(segment: Segment, ctx: Context, start: int, end: int) -> tuple[int, int]:
    seg_start, seg_end = ctx.source_span(start, end)
    src_start = segment.offsets.start(seg_start)
    return src_start, max(segment.offsets.end(seg_end), src_start)
