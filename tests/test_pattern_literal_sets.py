"""A pattern rule is searched only in windows holding a string of each of its literal sets.

Every match of ``sex[ -]?work`` holds "sex" and "work"; a window around a "work" without a
"sex" in it cannot hold a match and is not searched. These tests check that this never changes
a match.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msgspec.structs import replace

from _house import HEADER
from respectful_lint import lint_text
from respectful_lint.engine import match_text
from respectful_lint.lexicon import load_compiled
from respectful_lint.patterns import (
    required_context_sets,
    required_literal_sets,
    required_literals,
)
from respectful_lint.rules.pattern import CompiledPatterns

LEXICON = load_compiled()
PATTERNS = next(k for k in LEXICON.kinds if isinstance(k, CompiledPatterns))
PLAIN = replace(
    LEXICON,
    kinds=tuple(
        replace(k, literal_sets=(), context_sets=()) if isinstance(k, CompiledPatterns) else k
        for k in LEXICON.kinds
    ),
)
EXAMPLES = sorted(
    e
    for r in LEXICON.rules
    if r.entry.pattern
    for e in (*r.entry.examples.flag, *r.entry.examples.passes)
)
STRINGS = sorted(
    {
        s
        for sets in (*PATTERNS.literal_sets, *PATTERNS.context_sets)
        for strings in sets
        for s in strings
    }
)
FILLER = "the notes of the meeting were kept " * 12  # longer than a pattern's reach
GLUE = [" ", " ", ". ", ", ", "\n", "\n\n", "-", ""]

parts = st.sampled_from(EXAMPLES) | st.sampled_from(STRINGS) | st.just(FILLER)
texts = st.lists(st.tuples(parts, st.sampled_from(GLUE)), max_size=14).map(
    lambda ps: "".join(a + b for a, b in ps)
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_literal_sets_never_change_a_pattern_match(text: str) -> None:
    assert match_text(text, LEXICON)[0] == match_text(text, PLAIN)[0]


@pytest.mark.parametrize("example", EXAMPLES)
def test_pattern_examples_match_as_without_the_sets(example: str) -> None:
    assert match_text(example, LEXICON)[0] == match_text(example, PLAIN)[0]


def test_literal_sets_of_a_pattern() -> None:
    sets = required_literal_sets(r"(?<=(?:child|kids) into )sex[ -]?work(?:ers)?")
    assert sets == (frozenset({"sex"}), frozenset({"work"}))  # the lookbehind is left out
    assert required_literal_sets(r"(?:sold|x) into") == (frozenset({" into"}),)
    assert required_literal_sets(r"(?:buy|buys|pay) sex") == (
        frozenset({"buy", "buys", "pay"}),
        frozenset({" sex"}),
    )
    assert required_literal_sets(r"(?<!not )selling") == (frozenset({"selling"}),)
    assert required_literal_sets(r"\p{L}+ing") == ()  # only the regex module reads it
    assert required_literal_sets(r"[[:alpha:]]abc") == ()  # a POSIX class
    assert required_literal_sets("café(?:s)?") == ()  # not ASCII


def test_context_sets_of_a_pattern() -> None:
    # what its lookarounds read: before the match, or after it
    assert required_context_sets(r"(?<=(?:child|kids) into )sex[ -]?work(?:ers)?") == (
        frozenset({"child", "kids"}),
        frozenset({" into "}),
    )
    assert required_context_sets(r"sex work(?= (?:agency|venue))") == (
        frozenset({"agency", "venue"}),
    )
    assert required_context_sets(r"(?:(?<=paid )sex)+") == (frozenset({"paid "}),)
    assert required_context_sets(r"(?<!not )selling") == ()  # a negative lookbehind
    assert required_context_sets(r"(?:(?<=paid )sex)?work") == ()  # an optional part
    assert required_context_sets(r"(?<=paid )sex|selling") == ()  # one branch of several
    assert required_context_sets(r"(?<=[[:alpha:]]abc)d") == ()  # a POSIX class


def test_a_segment_without_what_a_lookbehind_reads_compiles_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from respectful_lint.rules import pattern as pattern_module

    compiles: list[str] = []
    real = pattern_module.compiled

    def counting(source: str) -> object:
        compiles.append(source)
        return real(source)

    monkeypatch.setattr(pattern_module, "compiled", counting)
    rule = "child-exploitation/children-into-sex-work"
    (source,) = [r.entry.pattern for r in LEXICON.rules if r.id == rule]
    # "sex work" is there, but none of the words its lookbehind needs
    match_text("Evening hours for sex workers and their partners.", LEXICON)
    assert source not in compiles
    found = match_text("Boys were lured into sex work.", LEXICON)[0]
    assert rule in [LEXICON.rules[m.rule].id for m in found]
    assert source in compiles


def test_both_literal_analyses_of_a_pattern_share_one_parse(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from respectful_lint import patterns

    parsed: list[str] = []
    parser = patterns._sre_parser()

    class Counting:
        @staticmethod
        def parse(source: str) -> object:
            parsed.append(source)
            return parser.parse(source)

    monkeypatch.setattr(patterns, "_sre_parser", lambda: Counting)
    patterns._parsed.cache_clear()
    source = r"(?:drop|walk)[ -]?in clinics?"
    assert required_literals(source) == ("in clinic",)
    assert required_literal_sets(source) == (frozenset({"drop", "walk"}), frozenset({"in clinic"}))
    assert parsed == [source]


def test_a_match_filling_its_whole_window_is_found(tmp_path: Path) -> None:
    path = tmp_path / "house.yaml"
    path.write_text(
        HEADER
        + "  - {id: clinic, kind: pattern, pattern: 'walk[ -]?in clinic', preferred: [drop-in],"
        " severity: warning, category: house-style, note: We say drop-in.}\n",
        encoding="utf-8",
    )
    for text in ("walk-in clinic", "Walk in clinic", "The walk-in clinic"):
        found = lint_text(text, kind="text", lexicons=[path], default_lexicons=False)
        assert [f.rule for f in found] == ["house/clinic"], text


class _Counting:
    """A compiled pattern that counts its searches."""

    def __init__(self, pattern: object, searches: list[int]) -> None:
        self.pattern = pattern
        self.searches = searches

    def search(self, *args: object, **kwargs: object) -> object:
        self.searches.append(1)
        return self.pattern.search(*args, **kwargs)  # type: ignore[attr-defined]


def test_a_window_without_a_string_of_each_set_is_not_searched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from respectful_lint.rules import pattern as pattern_module

    searches: list[int] = []
    compiles: list[str] = []
    real = pattern_module.compiled

    def counting(source: str) -> _Counting:
        compiles.append(source)
        return _Counting(real(source), searches)

    monkeypatch.setattr(pattern_module, "compiled", counting)
    # "work" anchors children-into-sex-work, but its window holds no "sex"
    assert match_text("The outreach team went back to work after lunch.", LEXICON)[0] == []
    assert searches == []
    assert compiles == []  # nor is the pattern compiled for it
    found = match_text("Girls were forced into sex work at the port.", LEXICON)[0]
    rule = "child-exploitation/children-into-sex-work"
    assert [LEXICON.rules[m.rule].id for m in found] == [rule]
    assert searches
