"""Invariants of the matching engine, checked on random text built from lexicon forms.

The engine runs one trie-shaped scan for all rules; the reference matcher below runs each
rule's own expression separately with overlapping matches. Both share the guard evaluation,
so any difference comes from scanning and overlap resolution.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msgspec.structs import replace

from respectful_lint.context import Context
from respectful_lint.engine import (
    Match,
    _scanned,
    _segment_findings,
    candidate_filter,
    match_text,
    resolve,
    segment_findings,
)
from respectful_lint.lexicon import load_compiled
from respectful_lint.lexicon.compile import CompiledLexicon, compile_rules
from respectful_lint.model import Document, OffsetMap, Segment
from respectful_lint.normalize import PARAGRAPH, normalize
from respectful_lint.rules.kind import Passive
from respectful_lint.scan import Hits, available_backend

HYPERSCAN = available_backend() == "hyperscan"  # the accelerator of the fast extra

CUSTOM = Path(__file__).parent / "data" / "custom.yaml"
LEXICON = load_compiled([CUSTOM])
# the same rules with every other scanner, which must find exactly the same (the default one
# scans a short run with the automaton, and may load Hyperscan once the tests have scanned more)
FIRST = LEXICON.scanner.backend
BACKENDS = [LEXICON] + [
    compile_rules(LEXICON.rules, LEXICON.lexicons, backend=name)
    for name in ("hyperscan", "aho-corasick", "regex")
    if name != FIRST and (name != "hyperscan" or HYPERSCAN)
]
FORMS = sorted({form for rule in LEXICON.rules for form in rule.forms})
# pattern rules' own flag examples bring their literals and matches into the random texts
PATTERN_EXAMPLES = sorted(
    example for rule in LEXICON.rules if rule.entry.pattern for example in rule.entry.examples.flag
)
NOISE = [
    "the",
    "a",
    "John",
    "Hooker",
    "ball",
    "lineout",
    "police",
    "women",
    "to",
    "said",
    "Madam",
    "Chair",
    "project",
    "hope",
    "clean",
    "",
    "x",
]
PUNCT = [
    " ",
    "  ",
    "\n",
    " \n ",
    ", ",
    ". ",
    "-",
    "–",
    "’",
    "'",
    '"',
    "“",
    "”",
    "*",
    "**",
    "_",
    "\u00ad",
    "\u00a0",
    "(",
    ")",
    "/",
    "-\n",
]


def _surface(form: str) -> st.SearchStrategy[str]:
    variants = [
        form,
        form.upper(),
        form.title(),
        form.replace("'", "’"),
        form.replace(" ", "\n"),
        form.replace("-", "–"),
    ]
    return st.sampled_from(variants)


pieces = st.one_of(
    st.sampled_from(FORMS).flatmap(_surface),
    st.sampled_from(NOISE),
    st.sampled_from(PUNCT),
    st.sampled_from(PATTERN_EXAMPLES),
    st.text(alphabet="abcehikoprstuwy '’-\n", max_size=6),
)
texts = st.lists(pieces, max_size=30).map(" ".join)


def _reference_expressions(lexicon: CompiledLexicon) -> list[list[regex.Pattern[str]]]:
    """Per rule: one expression for all its forms (longest first), then one per form."""
    out = []
    for rule in lexicon.rules:
        if rule.forms:
            forms = sorted(rule.forms, key=len, reverse=True)
            alternation = "|".join(re.escape(f) for f in forms)
            out.append(
                [regex.compile(r"(?<!\w)(?:" + alternation + r")(?!\w)")]
                + [regex.compile(r"(?<!\w)" + re.escape(f) + r"(?!\w)") for f in forms]
            )
        elif rule.entry.pattern is not None:
            out.append([regex.compile(rule.entry.pattern)])
        else:
            out.append([])  # conflation rules have their own tests
    return out


EXPRESSIONS = _reference_expressions(LEXICON)


def _closes_quotation(norm: str, start: int, end: int) -> bool:
    """The documented rule, written out for the reference: the apostrophe ending a plural
    closes a quotation when the term is quoted itself, or when punctuation, the end or a verb
    or joining word follows and the last quotation mark earlier in its sentence (300
    characters at most) is an opening one (after no letter, before a letter or digit that
    is no elision such as '90s, 'em or a year after "since") rather than a closing one."""
    if start and norm[start - 1] == "'":
        return True
    if end < len(norm) and norm[end] not in ",.;:!?)":
        following = norm[end:].split(maxsplit=1)
        if norm[end] != " " or not following or following[0].strip(",.;:!?") not in _VERBS:
            return False
    lo = max(0, start - 300)
    for stop in ".!?":
        at = norm.rfind(stop + " ", lo, start)
        if at >= 0:
            lo = max(lo, at + 2)
    kinds = []
    for i in range(lo, start):
        if norm[i] != "'":
            continue
        left = i > 0 and (norm[i - 1].isalnum() or norm[i - 1] == "_")
        right = norm[i + 1 : i + 2]
        word_before = norm[max(0, i - 12) : i].split()[-1:] or [""]
        elided = bool(re.match(r"'(?:\d+s|em|tis|twas|til|cause|n)\b", norm[i:])) or (
            bool(re.match(r"'\d\d\b", norm[i:])) and word_before[0] in _YEAR_WORDS
        )
        if not left and right.isalnum() and not elided:
            kinds.append("open")
        elif not left and not right.isalnum():
            kinds.append("close")  # a lone mark
        elif left and not (right.isalnum() or right == "_"):
            kinds.append("close")
    return bool(kinds) and kinds[-1] == "open"


_VERBS = {
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may",
    "might", "should", "must", "do", "did", "and", "or", "but", "said", "says", "say", "told",
}  # fmt: skip
_YEAR_WORDS = {
    "since", "in", "of", "until", "till", "from", "by", "class", "summer", "spring", "fall",
    "autumn", "winter",
}  # fmt: skip


def reference_matches(text: str, lexicon: CompiledLexicon) -> list[Match]:
    """Slow matcher: each rule's own expressions, run separately, with overlapping matches.

    Every form that fits at a position is a candidate, not only the longest.
    """
    ctx = Context(text)
    accepted: list[Match] = []
    # a match never runs past a paragraph, so each paragraph is searched on its own, its end
    # the end of the search (where a pattern's "$" matches, as the engine's windows have it)
    paragraphs = []
    lo = 0
    for part in ctx.norm.split(PARAGRAPH):
        paragraphs.append((lo, lo + len(part)))
        lo += len(part) + 1
    for index, expressions in enumerate(EXPRESSIONS):
        spans = {
            m.span()
            for expression in expressions
            for lo, hi in paragraphs
            for m in expression.finditer(ctx.norm, lo, hi, overlapped=True)
            if m.end() > m.start()
        }
        for start, end in spans:
            if ctx.norm[end - 1] == "'" and _closes_quotation(ctx.norm, start, end):
                continue  # a quotation's closing mark, not a plural's possessive
            severity = ctx.verify(lexicon, index, start, end)
            if severity is not None:
                accepted.append(Match(start, end, index, severity))
    return resolve(accepted)


def test_a_guarded_longer_form_falls_back_to_a_shorter_one() -> None:
    text = "Archive the case file note today."
    matches, ctx = match_text(text, LEXICON)
    assert [(ctx.norm[m.start : m.end], LEXICON.rules[m.rule].id) for m in matches] == [
        ("case file", "custom/client-file")
    ]
    assert matches == reference_matches(text, LEXICON)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_engine_finds_exactly_what_the_reference_matcher_finds(text: str) -> None:
    expected = reference_matches(text, LEXICON)
    for lexicon in BACKENDS:
        engine, _ = match_text(text, lexicon)
        assert engine == expected, lexicon.scanner.backend


def test_every_scanner_backend_is_available_here() -> None:
    # the test extra installs the accelerator, so CI checks all three
    expected = {"hyperscan", "aho-corasick", "regex"} if HYPERSCAN else {"aho-corasick", "regex"}
    assert {FIRST, *(lexicon.scanner.backend for lexicon in BACKENDS[1:])} == expected


@settings(max_examples=300, deadline=None)
@given(texts)
def test_every_match_maps_back_to_source_that_normalizes_to_the_form(text: str) -> None:
    matches, ctx = match_text(text, LEXICON)
    for m in matches:
        start, end = ctx.source_span(m.start, m.end)
        assert 0 <= start < end <= len(text)
        view = normalize(text[start:end])[0].strip()
        assert view == ctx.norm[m.start : m.end]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_normalized_view_maps_every_character_into_the_source(text: str) -> None:
    view, offsets = normalize(text)
    assert "  " not in view
    assert view == view.casefold() or not view.isascii()
    last = 0
    for i in range(len(view)):
        start, end = offsets.span(i, i + 1)
        assert last <= start <= end <= len(text)
        last = start


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts | st.sampled_from(PUNCT) | st.text(max_size=4), min_size=2, max_size=8))
def test_segments_scanned_as_a_batch_have_hits_exactly_where_each_alone_does(
    parts: list[str],
) -> None:
    """Short segments are scanned joined together; each must show a hit exactly when a scan
    of its own view would, whatever its edges hold (blanks, hyphens, dashes, NULs), and the
    part of the joined view a segment with a hit gets is its own view exactly."""
    segments = [Segment(p, OffsetMap.identity(len(p))) for p in parts]
    for lexicon in BACKENDS:
        alone: list[tuple[str, Hits] | None] = []
        for p in parts:
            view = normalize(p)[0]
            hits = lexicon.scanner.scan(view)
            alone.append((view, hits) if hits.terms or hits.literals else None)
        together = _scanned(segments, lexicon)
        if any("\0" in p for p in parts):
            assert together is None  # matched one by one
        else:
            assert together == alone


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=1, max_size=12))
def test_a_document_of_short_segments_gives_the_findings_of_each_segment_matched_alone(
    parts: list[str],
) -> None:
    segments = [Segment(p, OffsetMap.identity(len(p), 1000 * i)) for i, p in enumerate(parts)]
    document = Document(path="x.md", format="markdown", text=" " * 1000 * len(parts))
    batched = list(segment_findings(Document("x.md", "markdown", document.text, segments), LEXICON))
    one_by_one = [
        _segment_findings(document, segment, LEXICON, [k for k in LEXICON.kinds if k.reviews])
        for segment in segments
    ]
    assert batched == one_by_one


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts | st.sampled_from(PUNCT) | st.text(max_size=4), max_size=8))
def test_the_candidate_filter_answers_whether_each_text_alone_holds_a_hit(
    parts: list[str],
) -> None:
    """Texts are scanned joined; each answer is what a scan of the text alone says (a text
    holding a NUL makes every answer yes)."""
    for lexicon in BACKENDS:
        prefilter = candidate_filter(lexicon)
        assert prefilter is not None
        alone = []
        for p in parts:
            hits = lexicon.scanner.scan(normalize(p)[0])
            alone.append(bool(hits.terms or hits.literals))
        if any("\0" in p for p in parts):
            assert prefilter(parts) == [True] * len(parts)
        else:
            assert prefilter(parts) == alone


def test_a_form_or_literal_across_joined_texts_makes_every_text_a_candidate(
    tmp_path: Path,
) -> None:
    # a hit across a join is no hit of any text alone, and may hide one ("zork" alone)
    path = tmp_path / "joined.yaml"
    path.write_text(NUL_LEXICON, encoding="utf-8")
    lexicon = load_compiled([path], defaults=False)
    prefilter = candidate_filter(lexicon)
    assert prefilter is not None
    assert prefilter(["Intro line.", "a zork", "quux b", "fnord"]) == [True] * 4
    assert prefilter(["x blorp", "fnord y", "z"]) == [True] * 3
    assert prefilter(["Intro line.", "a zork", "fnord"]) == [False, True, False]


class _EverySegment(Passive):
    """A kind that says nothing of needing hits: it flags the first letter of every segment."""

    __slots__ = ()
    forms: dict[str, tuple[int, ...]] = {}  # noqa: RUF012 - read only
    literals: tuple[str, ...] = ()

    def candidates(
        self, lexicon: CompiledLexicon, ctx: Context, hits: Hits, best: dict[int, Match]
    ) -> None:
        best.setdefault(0, Match(0, 1, 0, lexicon.rules[0].entry.severity))


def test_a_kind_that_does_not_say_it_needs_hits_sees_every_segment() -> None:
    lexicon = replace(LEXICON, kinds=(*LEXICON.kinds, _EverySegment()))
    parts = ["Opening hours.", "Drop in any time.", "Bring a friend."]
    segments = [Segment(p, OffsetMap.identity(len(p), 100 * i)) for i, p in enumerate(parts)]
    document = Document("x.md", "markdown", " " * 300, segments)
    found = [batch for batch in segment_findings(document, lexicon)]
    assert [len(batch) for batch in found] == [1, 1, 1]
    assert [batch for batch in segment_findings(document, LEXICON)] == [[], [], []]


def test_no_candidate_filter_when_a_kind_does_not_say_it_needs_hits() -> None:
    lexicon = replace(LEXICON, kinds=(*LEXICON.kinds, _EverySegment()))
    assert candidate_filter(lexicon) is None
    assert candidate_filter(LEXICON) is not None


def test_short_segments_without_a_candidate_are_never_matched_one_by_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import respectful_lint.engine as engine

    matched: list[str] = []
    real = engine.match_text
    scan = LEXICON.scanner.scan

    def counting(
        text: str,
        lexicon: CompiledLexicon,
        *,
        quoted: bool = False,
        scanned: tuple[str, Hits] | None = None,
    ) -> Any:
        matched.append(text)
        # the batch's view and hits, not normalized and scanned again
        assert scanned is not None
        assert scanned == (normalize(text)[0], scan(normalize(text)[0]))
        return real(text, lexicon, quoted=quoted, scanned=scanned)

    monkeypatch.setattr(engine, "match_text", counting)
    parts = ["Opening hours.", "Drop in any time.", "Ask for a hooker kit.", "Bring a friend."]
    segments = [Segment(p, OffsetMap.identity(len(p), 100 * i)) for i, p in enumerate(parts)]
    document = Document("x.md", "markdown", " " * 400, segments)
    scans: list[str] = []
    monkeypatch.setattr(LEXICON.scanner, "scan", lambda view: scans.append(view) or scan(view))
    found = list(segment_findings(document, LEXICON))
    assert [len(batch) > 0 for batch in found] == [False, False, True, False]
    assert matched == ["Ask for a hooker kit."]
    assert len(scans) == 1  # the batch; the segment with a hit is matched with its part


NUL_LEXICON = """\
lexicon: joined
version: 1
language: en
description: A form and a pattern literal that hold a NUL.
sources:
  house: {title: House style guide, year: 2024, url: "https://example.org/style"}
entries:
  - id: joined-term
    terms: ["zork\\0quux"]
    preferred: [other]
    severity: error
    category: house-style
    note: A term that no text without a NUL holds.
    sources: [house]
  - id: short-term
    terms: [zork]
    preferred: [other]
    severity: error
    category: house-style
    note: A shorter form at the start of the joined term.
    sources: [house]
  - id: joined-pattern
    kind: pattern
    pattern: "blorp\\\\x00fnord|wibble.{0,600}end"
    preferred: [other]
    severity: error
    category: house-style
    note: A pattern whose second branch may only run near its first literal.
    sources: [house]
"""


def test_a_form_or_literal_holding_a_nul_is_no_hit_of_the_segments_it_joins(
    tmp_path: Path,
) -> None:
    """Batched segments are joined with NULs, so a form or pattern literal that holds one can
    be found across two of them; that is a hit of neither segment alone. Here it would widen
    the pattern's window over a distant match the segment alone never searches, and the
    joined form hides the shorter one at its start, which the segment alone holds."""
    path = tmp_path / "joined.yaml"
    path.write_text(NUL_LEXICON, encoding="utf-8")
    compiled = load_compiled([path], defaults=False)
    parts = ["Intro line.", "wibble " + "x " * 200 + "end blorp", "fnord zork", "quux here."]
    segments = [Segment(p, OffsetMap.identity(len(p), 1000 * i)) for i, p in enumerate(parts)]
    document = Document("x.md", "markdown", " " * 1000 * len(parts), segments)
    for name in ("auto", "aho-corasick", "regex"):
        lexicon = compile_rules(compiled.rules, compiled.lexicons, backend=name)
        one_by_one = [_segment_findings(document, s, lexicon, []) for s in segments]
        assert [[f.rule for f in found] for found in one_by_one] == [
            [],
            [],
            ["joined/short-term"],
            [],
        ], name
        assert list(segment_findings(document, lexicon)) == one_by_one, name


@given(
    st.text(
        alphabet=['"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", PARAGRAPH, "a", " "],
        max_size=30,
    )
)
def test_quoted_speech_is_found_as_the_paragraph_before_says(norm: str) -> None:
    # (found through an index of the quotes: a paragraph with many matches is read once)
    closes_german = set()  # a “ or ” that closes a German „
    pending = False
    for i, c in enumerate(norm):
        if c == "\u201e":
            pending = True
        elif c in "\u201c\u201d" and pending:
            closes_german.add(i)
            pending = False

    def inside(start: int) -> bool:
        head_at = norm.rfind(PARAGRAPH, 0, start) + 1
        head = norm[head_at:start]
        if head.count('"') % 2 == 1:
            return True
        marks = [c for c in head if c in "\u00ab\u00bb"]
        opener = norm[head_at:].lstrip("".join(set(norm) - {"\u00ab", "\u00bb"}))[:1]
        closer = "\u00bb" if opener == "\u00ab" else "\u00ab"
        if marks and marks[-1] == opener and closer in norm[start:].split(PARAGRAPH, 1)[0]:
            return True  # open, and closed later in the paragraph
        curly = [
            (c == "\u201e" or (c == "\u201c" and head_at + i not in closes_german))
            for i, c in enumerate(head)
            if c in "\u201c\u201d\u201e"
        ]
        return bool(curly) and curly[-1]

    ctx = Context(norm, view=norm)
    assert [ctx.in_quoted_speech(i) for i in range(len(norm) + 1)] == [
        inside(i) for i in range(len(norm) + 1)
    ]
