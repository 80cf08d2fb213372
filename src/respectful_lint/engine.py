"""The matching engine: documents and compiled lexicons in, findings out. No I/O.

One scan over each segment's normalized view finds the candidates of every rule kind at once
(word forms, and the places of literal strings the kinds asked for); short segments are first
scanned many at a time, and only those with a candidate are matched. Each compiled kind then
adds its accepted matches (see :class:`respectful_lint.rules.kind.CompiledKind`); where they
overlap, the leftmost wins, then the longest, then the lowest rule id. Kinds that review the
resolved matches (conflation) may turn some into findings of their own. The engine knows only
that protocol.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING

from msgspec.structs import replace

from .context import Context
from .findings import Match, Span, resolve, rule_finding
from .lexicon.compile import CompiledLexicon
from .model import Document, Finding, Segment
from .normalize import normalize
from .scan import Hits, Scanner
from .sentences import SEGMENT_SIZE, cut_at

if TYPE_CHECKING:
    from .rules.kind import CompiledKind

__all__ = [
    "Match",
    "candidate_filter",
    "lint_document",
    "match_text",
    "resolve",
    "segment_findings",
]


def match_text(
    text: str,
    lexicon: CompiledLexicon,
    *,
    quoted: bool = False,
    scanned: tuple[str, Hits] | None = None,
) -> tuple[list[Match], Context]:
    """All accepted, non-overlapping matches in one segment's text. ``scanned``: the text's
    normalized view and what the candidate scan finds in it, when the caller has them."""
    if scanned is None:
        ctx = Context(text, quoted=quoted)
        hits = lexicon.scanner.scan(ctx.norm)
    else:
        ctx = Context(text, quoted=quoted, view=scanned[0])
        hits = scanned[1]
    best: dict[int, Match] = {}
    ctx.literals = hits.literals
    for kind in lexicon.kinds:
        kind.candidates(lexicon, ctx, hits, best)
    return resolve(best.values()), ctx


def lint_document(document: Document, lexicon: CompiledLexicon) -> list[Finding]:
    """Findings for every segment of a document, sorted by position and rule."""
    findings = [f for batch in segment_findings(document, lexicon) for f in batch]
    findings.sort(key=lambda f: f.sort_key)
    return findings


def candidate_filter(lexicon: CompiledLexicon) -> Callable[[Sequence[str]], list[bool]] | None:
    """A test that lets a reader leave out text that cannot give a finding: given texts, it
    says of each whether its normalized view may hold a candidate of the lexicon (a form or a
    literal the scan finds). A text it answers False for gives no finding, since every kind
    then finds nothing (see ``needs_hits``); None when some kind is given every segment.
    """
    if not all(getattr(k, "needs_hits", False) for k in lexicon.kinds):
        return None
    return partial(_may_hold, lexicon.scanner)


def _may_hold(scanner: Scanner, texts: Sequence[str]) -> list[bool]:
    """Which of ``texts`` hold a hit of ``scanner``: all of them are scanned at once (see
    :func:`_scanned`); when that cannot answer for each text alone, every one may."""
    each = _scan_each(texts, scanner) if texts else []
    return [True] * len(texts) if each is None else [found is not None for found in each]


def segment_findings(document: Document, lexicon: CompiledLexicon) -> Iterator[list[Finding]]:
    """The findings of each segment in turn, each list sorted by position and rule.

    Short segments are scanned a batch at a time (see :func:`_scanned`) when every kind finds
    nothing where the scan found nothing; only those with a hit are then matched one by one.
    A caller that stops early (a cap on findings per file) leaves later segments unmatched;
    at most one batch of them has been scanned.
    """
    reviewers = [k for k in lexicon.kinds if k.reviews]
    batched = all(getattr(k, "needs_hits", False) for k in lexicon.kinds)
    batch: list[Segment] = []
    size = 0
    for segment in _bounded(document.segments):
        if not batched or len(segment.text) > ALONE:
            if batch:
                yield from _batch_findings(document, batch, lexicon, reviewers)
                batch, size = [], 0
            yield _segment_findings(document, segment, lexicon, reviewers)
            continue
        batch.append(segment)
        size += len(segment.text) + 1
        if size >= BATCH:
            yield from _batch_findings(document, batch, lexicon, reviewers)
            batch, size = [], 0
    if batch:
        yield from _batch_findings(document, batch, lexicon, reviewers)


def _bounded(segments: Iterable[Segment]) -> Iterator[Segment]:
    """The segments, each longer than :data:`.sentences.SEGMENT_SIZE` cut as plain text
    is cut (after a paragraph, a sentence or a space): a Markdown paragraph or an HTML
    element may run to megabytes, and a file's cap on findings (see ``--max-findings``) is
    looked at between segments."""
    for segment in segments:
        text = segment.text
        if len(text) <= SEGMENT_SIZE:
            yield segment
            continue
        start = 0
        while start < len(text):
            end = min(start + SEGMENT_SIZE, len(text))
            if end < len(text):
                end = start + cut_at(text[start:end])
            if text[start:end].strip():
                offsets = segment.offsets.sliced(start, end)
                yield replace(segment, text=text[start:end], offsets=offsets)
            start = end


BATCH = 1 << 16  # characters of segment text scanned at once
ALONE = 2000  # a longer segment nearly always holds a candidate: it is matched on its own


def _batch_findings(
    document: Document,
    batch: list[Segment],
    lexicon: CompiledLexicon,
    reviewers: Sequence[CompiledKind],
) -> Iterator[list[Finding]]:
    scanned = _scanned(batch, lexicon)
    if scanned is None:
        for segment in batch:
            yield _segment_findings(document, segment, lexicon, reviewers)
        return
    for segment, found in zip(batch, scanned, strict=True):
        yield (
            [] if found is None else _segment_findings(document, segment, lexicon, reviewers, found)
        )


def _scanned(
    batch: Sequence[Segment], lexicon: CompiledLexicon
) -> list[tuple[str, Hits] | None] | None:
    """What the candidate scan finds in each segment of ``batch``: None for a segment without
    a hit, else its normalized view and its hits. None when every segment is to be matched
    on its own.

    The segments are joined with NUL characters and the joined text is normalized and scanned
    once. A NUL is neither whitespace, a hyphen nor a word character, so no step of the
    normalized view reaches across it (the view of the joined text is the segments' views
    joined with NULs), and neither does a word-bounded form or a literal without a NUL:
    every hit lies in one segment's view and is a hit of that view alone, and a form's word
    boundaries look the same at a NUL as at the end of the view. When a segment itself holds
    a NUL, or a hit crosses a join (a form or literal that holds a NUL, which a lexicon may
    write), every segment is matched on its own.
    """
    if len(batch) == 1:
        return None
    return _scan_each([s.text for s in batch], lexicon.scanner)


def _scan_each(texts: Sequence[str], scanner: Scanner) -> list[tuple[str, Hits] | None] | None:
    """:func:`_scanned` for texts: each one's view and hits, or None for a text without a hit;
    None when a text holds a NUL or a hit crosses a join."""
    view = normalize("\0".join(texts))[0]
    if view.count("\0") != len(texts) - 1:
        return None
    parts = view.split("\0")
    starts: list[int] = []  # where each text's view starts in the joined view
    at = 0
    for part in parts:
        starts.append(at)
        at += len(part) + 1
    hits = scanner.scan(view)
    if not hits.terms and not hits.literals:
        return [None] * len(texts)
    terms: dict[int, list[tuple[int, int]]] = {}
    for start, end in hits.terms:  # in start order, so each segment's stay in order
        i = bisect_right(starts, start) - 1
        if end - starts[i] > len(parts[i]):
            return None  # across a join: no segment alone holds it (nor the shorter forms
            # at its start, which the scan no longer reports)
        terms.setdefault(i, []).append((start - starts[i], end - starts[i]))
    literals: dict[int, dict[str, list[int]]] = {}
    for literal, places in hits.literals.items():
        for start in places:  # in order
            i = bisect_right(starts, start) - 1
            if start - starts[i] + len(literal) > len(parts[i]):
                return None  # across a join
            literals.setdefault(i, {}).setdefault(literal, []).append(start - starts[i])
    return [
        (parts[i], Hits(terms.get(i, []), literals.get(i, {})))
        if i in terms or i in literals
        else None
        for i in range(len(texts))
    ]


def _segment_findings(
    document: Document,
    segment: Segment,
    lexicon: CompiledLexicon,
    reviewers: Sequence[CompiledKind],
    scanned: tuple[str, Hits] | None = None,
) -> list[Finding]:
    """The findings of one segment (``scanned``: its view and hits, if the caller has them)."""
    findings: list[Finding] = []
    matches, ctx = match_text(segment.text, lexicon, quoted=segment.quoted, scanned=scanned)
    claimed: list[Span] = []
    for kind in reviewers:
        own: list[Finding]
        taken: Sequence[Span]
        own, matches, taken = kind.review(document, segment, ctx, lexicon, matches)
        findings.extend(own)
        claimed.extend(taken)
    for m in matches:
        finding = rule_finding(document, segment, ctx, lexicon.rules[m.rule], m)
        if finding.fix is not None and any(c.start < m.end and m.start < c.end for c in claimed):
            # Inside a conflation ("Prostitution is rape") a fix would only restate the
            # claim in other words ("Sex work is rape"): the writer must rewrite it, and no
            # wording stands in place (the web checker offers none to accept).
            finding = replace(finding, fix=None, places=(None,) * len(finding.suggestions))
        findings.append(finding)
    findings.sort(key=lambda f: f.sort_key)
    return findings
