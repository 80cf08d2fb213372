"""The matching engine: documents and compiled lexicons in, findings out. No I/O.

One scan over each segment's normalized view finds the candidates of every rule kind at once
(word forms, and the places of literal strings the kinds asked for). Each compiled kind then
adds its accepted matches (see :class:`respectful_lint.rules.kind.CompiledKind`); where they
overlap, the leftmost wins, then the longest, then the lowest rule id. Kinds that review the
resolved matches (conflation) may turn some into findings of their own. The engine knows only
that protocol.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from .context import Context
from .findings import Match, Span, resolve, rule_finding
from .lexicon.compile import CompiledLexicon
from .model import Document, Finding

__all__ = ["Match", "lint_document", "match_text", "resolve", "segment_findings"]


def match_text(
    text: str, lexicon: CompiledLexicon, *, quoted: bool = False
) -> tuple[list[Match], Context]:
    """All accepted, non-overlapping matches in one segment's text."""
    ctx = Context(text, quoted=quoted)
    best: dict[int, Match] = {}
    hits = lexicon.scanner.scan(ctx.norm)
    ctx.literals = hits.literals
    for kind in lexicon.kinds:
        kind.candidates(lexicon, ctx, hits, best)
    return resolve(best.values()), ctx


def lint_document(document: Document, lexicon: CompiledLexicon) -> list[Finding]:
    """Findings for every segment of a document, sorted by position and rule."""
    findings = [f for batch in segment_findings(document, lexicon) for f in batch]
    findings.sort(key=lambda f: f.sort_key)
    return findings


def segment_findings(document: Document, lexicon: CompiledLexicon) -> Iterator[list[Finding]]:
    """The findings of each segment in turn, each list sorted by position and rule.

    A caller that stops early (a cap on findings per file) does no work for later segments.
    """
    reviewers = [k for k in lexicon.kinds if k.reviews]
    for segment in document.segments:
        findings: list[Finding] = []
        matches, ctx = match_text(segment.text, lexicon, quoted=segment.quoted)
        claimed: list[Span] = []
        for kind in reviewers:
            own: list[Finding]
            taken: Sequence[Span]
            own, matches, taken = kind.review(document, segment, ctx, lexicon, matches)
            findings.extend(own)
            claimed.extend(taken)
        for m in matches:
            finding = rule_finding(document, segment, ctx, lexicon.rules[m.rule], m)
            if finding.fix is not None and any(
                c.start < m.end and m.start < c.end for c in claimed
            ):
                # Inside a conflation ("Prostitution is rape") a fix would only restate the
                # claim in other words ("Sex work is rape"): the writer must rewrite it.
                finding = dataclasses.replace(finding, fix=None)
            findings.append(finding)
        findings.sort(key=lambda f: f.sort_key)
        yield findings
