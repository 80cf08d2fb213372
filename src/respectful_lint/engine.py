"""The matching engine: documents and compiled lexicons in, findings out. No I/O.

One scan over the normalized view finds candidates for every term rule at once (a trie-shaped
regular expression); one more scan covers every pattern rule. Each candidate is then verified
against its rule's context guards. Where accepted matches overlap, the leftmost wins, then the
longest, then the lowest rule id.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar

from .agreement import article_fits, plan, proper_name_heading
from .context import Context
from .errors import PatternTimeout
from .lexicon.compile import PATTERN_TIMEOUT, CompiledLexicon, compiled
from .model import (
    ChunkedText,
    Document,
    Finding,
    Fix,
    Inflection,
    Rule,
    Segment,
    Severity,
    Source,
)
from .wording import (
    inflect,
    message,
    place,
    slot_at,
    suggest,
    transfer_case,
)

__all__ = ["article_fits", "inflect", "lint_document", "make_finding", "suggest", "transfer_case"]

if TYPE_CHECKING:
    from .rules.conflation import Rename


@dataclass(frozen=True, slots=True)
class Match:
    """An accepted match in a segment's normalized view."""

    start: int
    end: int
    rule: int
    severity: Severity


def match_text(
    text: str, lexicon: CompiledLexicon, *, quoted: bool = False
) -> tuple[list[Match], Context]:
    """All accepted, non-overlapping matches in one segment's text."""
    ctx = Context(text, quoted=quoted)
    best: dict[int, Match] = {}
    hits = lexicon.scanner.scan(ctx.norm)
    ctx.literals = hits.literals
    for start, end in hits.terms:
        found = _best_term(lexicon, ctx, start, end)
        if found is not None:
            best[start] = found
    if lexicon.patterns:
        _scan_patterns(lexicon, ctx, hits.literals, best)
    return resolve(best.values()), ctx


def resolve(matches: Iterable[Match]) -> list[Match]:
    """Leftmost, then longest, then lowest rule index; drop matches overlapping a chosen one."""
    return first_of_overlaps(sorted(matches, key=lambda m: (m.start, m.start - m.end, m.rule)))


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


def first_of_overlaps(ordered: Iterable[S]) -> list[S]:
    """Keep each span that does not overlap one kept before it (the input is in order)."""
    out: list[S] = []
    end = -1
    for m in ordered:
        if m.start >= end:
            out.append(m)
            end = m.end
    return out


def _best_term(lexicon: CompiledLexicon, ctx: Context, start: int, end: int) -> Match | None:
    """The longest accepted term match at ``start``, trying shorter forms if guards refuse."""
    norm = ctx.norm
    length = end - start
    for size in (length, *(n for n in lexicon.form_lengths if n < length)):
        stop = start + size
        rules = lexicon.forms.get(norm[start:stop])
        if rules is None or (stop < len(norm) and _is_word(norm[stop])):
            continue
        for index in rules:
            severity = ctx.verify(lexicon, index, start, stop)
            if severity is not None:
                return Match(start, stop, index, severity)
    return None


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


PATTERN_REACH = 300  # a pattern match must lie this close to one of its required literals


def _pattern_windows(
    norm: str, literals: tuple[str, ...] | None, found: dict[str, list[int]]
) -> list[tuple[int, int]]:
    """Stretches of text (cut at spaces) that can hold a match: around each required literal."""
    if literals is None:
        return [(0, len(norm))]
    spans = [(at, at + len(lit)) for lit in literals for at in found.get(lit, ())]
    if not spans:
        return []
    spans.sort()
    windows: list[tuple[int, int]] = []
    for at, stop in spans:
        lo = norm.rfind(" ", 0, max(0, at - PATTERN_REACH)) + 1
        hi = norm.find(" ", min(len(norm), stop + PATTERN_REACH))
        hi = len(norm) if hi == -1 else hi
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], hi))
        else:
            windows.append((lo, hi))
    return windows


def _scan_patterns(
    lexicon: CompiledLexicon, ctx: Context, found: dict[str, list[int]], best: dict[int, Match]
) -> None:
    """Run each pattern rule near its required literals, collecting overlapping matches."""
    norm = ctx.norm
    for (index, source), literals in zip(lexicon.patterns, lexicon.pattern_literals, strict=True):
        if literals is not None and found.keys().isdisjoint(literals):
            continue  # none of its required literals occurs: no window to search
        windows = _pattern_windows(norm, literals, found)
        pattern = compiled(source) if windows else None
        for lo, hi in windows:
            assert pattern is not None
            pos = lo
            while True:
                try:
                    hit = pattern.search(norm, pos, hi, timeout=PATTERN_TIMEOUT)
                except TimeoutError:
                    rule = lexicon.rules[index].id
                    raise PatternTimeout(
                        f"rule '{rule}': pattern took over {PATTERN_TIMEOUT}s on one paragraph"
                    ) from None
                if hit is None:
                    break
                start, end = hit.span()
                pos = start + 1
                if end == start:
                    continue
                severity = ctx.verify(lexicon, index, start, end)
                if severity is None:
                    continue
                current = best.get(start)
                if current is None or (end, -index) > (current.end, -current.rule):
                    best[start] = Match(start, end, index, severity)


# --- findings --------------------------------------------------------------------------------


def lint_document(document: Document, lexicon: CompiledLexicon) -> list[Finding]:
    """Findings for every segment of a document, sorted by position and rule."""
    findings = [f for batch in segment_findings(document, lexicon) for f in batch]
    findings.sort(key=lambda f: f.sort_key)
    return findings


def segment_findings(document: Document, lexicon: CompiledLexicon) -> Iterator[list[Finding]]:
    """The findings of each segment in turn, each list sorted by position and rule.

    A caller that stops early (a cap on findings per file) does no work for later segments.
    """
    for segment in document.segments:
        findings: list[Finding] = []
        matches, ctx = match_text(segment.text, lexicon, quoted=segment.quoted)
        fused: Sequence[_Span] = ()
        if lexicon.conflation is not None:
            found = matches
            fused, matches = lexicon.conflation.find(ctx, matches)
            if fused:
                rename = _renamer(lexicon, ctx, found)
                findings.extend(lexicon.conflation.findings(document, segment, ctx, fused, rename))
        for m in matches:
            finding = _finding(document, segment, ctx, lexicon, m)
            if finding.fix is not None and any(c.start < m.end and m.start < c.end for c in fused):
                # Inside a conflation ("Prostitution is rape") a fix would only restate the
                # claim in other words ("Sex work is rape"): the writer must rewrite it.
                finding = dataclasses.replace(finding, fix=None)
            findings.append(finding)
        findings.sort(key=lambda f: f.sort_key)
        yield findings


def _renamer(lexicon: CompiledLexicon, ctx: Context, matches: list[Match]) -> Rename:
    """Read spans of the view back from the segment, each flagged term in preferred wording."""

    def rename(start: int, end: int) -> str:
        out: list[str] = []
        at = start
        for m in matches:
            if m.start < start or m.end > end:
                continue
            rule = lexicon.rules[m.rule]
            inflection = rule.forms.get(ctx.norm[m.start : m.end], Inflection(""))
            shown = " ".join(ctx.original(m.start, m.end).split())
            at_start = ctx.sentence_start(m.start)
            suggestions, _ = suggest(rule.entry.preferred, inflection, shown, at_start)
            if suggestions:
                out += [ctx.original(at, m.start), suggestions[0]]
                at = m.end
        out.append(ctx.original(at, end))
        return "".join(out)

    return rename


# What a rule says about one match: (message, suggestions, fix), given the words as read and
# the match's source offsets.
Wording = Callable[[str, int, int], tuple[str, tuple[str, ...], Fix | None]]


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
    text, suggestions, fix = wording(shown, start, end)
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
    )


def _finding(
    document: Document, segment: Segment, ctx: Context, lexicon: CompiledLexicon, m: Match
) -> Finding:
    rule = lexicon.rules[m.rule]
    entry = rule.entry
    inflection = rule.forms.get(ctx.norm[m.start : m.end], Inflection(""))
    at_start = ctx.sentence_start(m.start)
    slotted = any(p.slots is not None for p in entry.preferred)
    slot = None
    if slotted:
        cased = _cased(ctx, max(0, m.start - 60), min(len(ctx.norm), m.end + 60))
        slot = slot_at(ctx.norm, m.start, m.end, ctx.sentence_bounds(m.start), cased)

    def wording(shown: str, start: int, end: int) -> tuple[str, tuple[str, ...], Fix | None]:
        spans = [(m.start, m.end)]
        if slot is None:
            suggestions, fits = suggest(entry.preferred, inflection, shown, at_start)
        else:
            placed, fits = place(
                entry.preferred, inflection, shown, at_start, slot, (m.start, m.end)
            )
            texts = []
            spans = []
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
            suggestions = tuple(dict.fromkeys(texts))
        fix = None
        if entry.fix != "none" and suggestions and fits and fixable(segment, ctx, m):
            span = spans[0]
            whole = span == (m.start, m.end)
            plural_match = inflection.plural and whole
            fix = _fix(document, segment, ctx, span, suggestions[0], entry.fix, plural_match)
        return message(rule, shown, suggestions, m.severity), suggestions, fix

    return make_finding(document, segment, ctx, rule, (m.start, m.end), m.severity, wording)


def fixable(segment: Segment, ctx: Context, m: Match) -> bool:
    """Whether a fix may stand here: never inside a quotation or in a heading that names
    something (an organisation, a title)."""
    if ctx.quoted or ctx.in_quoted_speech(m.start) or ctx.is_mention(m.start, m.end):
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
    if planned.unsafe_reason is not None:
        return Fix(planned.edits, "unsafe", planned.unsafe_reason)
    return Fix(planned.edits, applicability)


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
    """The normalized view with the capitals of the source put back in ``[lo, hi)``."""
    norm = ctx.norm
    out = []
    for i in range(lo, hi):
        s, e = ctx.source_span(i, i + 1)
        ch = ctx.text[s:e]
        out.append(ch if len(ch) == 1 and ch.casefold() == norm[i] else norm[i])
    return norm[:lo] + "".join(out) + norm[hi:]


def _source_span(segment: Segment, ctx: Context, start: int, end: int) -> tuple[int, int]:
    seg_start, seg_end = ctx.source_span(start, end)
    src_start = segment.offsets.start(seg_start)
    return src_start, max(segment.offsets.end(seg_end), src_start)
