"""A pattern rule is searched only in windows holding a string of each of its literal sets.

Every match of ``sex[ -]?work`` holds "sex" and "work"; a window around a "work" without a
"sex" in it cannot hold a match and is not searched. These tests check that this never changes
a match.
"""

from __future__ import annotations

import re
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
    # a run of two characters, extended by each of the few characters that must follow it
    assert required_literal_sets(r"ab[0-2]") == (frozenset({"ab0", "ab1", "ab2"}),)
    assert required_literal_sets(r"ab(?:[0-2])?c") == ()  # what follows may be left out
    assert required_literal_sets(r"ab(?:1|2x|[yz])") == (frozenset({"ab1", "ab2", "aby", "abz"}),)
    assert required_literal_sets(r"ab(?:1|)") == ()  # an empty branch


def test_a_pattern_with_lead_words_before_its_match_keeps_its_literal_sets() -> None:
    # lead words taken into the match after one of its lookbehinds ("commercial sex work")
    # stand in a group before the words every match holds, so both stay required; a window
    # around every "work" would otherwise be searched
    sets = required_literal_sets(r"(?:(?<=kids into )|(?<=kids in )(?:street |online )?)sex work")
    assert sets == (frozenset({"sex work"}),)
    rules = [LEXICON.rules[index].id for index, _ in PATTERNS.patterns]
    children = PATTERNS.literal_sets[rules.index("child-exploitation/children-into-sex-work")]
    assert children == (frozenset({"sex"}), frozenset({"work"}))


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
    # one set from each branch, joined; a run of two characters extended by the few
    # characters that must follow it
    assert required_context_sets(r"(?<=aged )teens?|teens?(?=, [3-9])") == (
        frozenset({"aged "} | {f", {d}" for d in range(3, 10)}),
    )
    assert required_context_sets(r"(?<=aged )teens?|teens?(?=, \d)") == ()  # \d: a category
    assert required_context_sets(r"(?<=[[:alpha:]]abc)d") == ()  # a POSIX class


# Patterns made of a few characters, classes, groups, branches, repeats and lookarounds, each
# with a witness: the same expression with every positive lookaround made to consume its text
# (a negative one left out), which makes texts that hold matches. The analyses must hold for
# every match in them.
_CHARS = "ab, 1"
_Made = tuple[str, str]  # (pattern, witness)
_CLASSES = st.sampled_from(["[0-3]", "[ab]", "[1-9]", "[,a]", "[^a]", "\\d", "."])
_atoms = st.one_of(
    st.text(_CHARS, min_size=1, max_size=4).map(re.escape),
    _CLASSES,
    # two characters and a class: the run the analyses extend by the class's characters
    st.tuples(st.text(_CHARS, min_size=2, max_size=2).map(re.escape), _CLASSES).map("".join),
).map(lambda a: (a, a))


def _joined(parts: list[_Made], sep: str, around: str = "{}") -> _Made:
    return (
        around.format(sep.join(p for p, _ in parts)),
        around.format(sep.join(w for _, w in parts)),
    )


def _compose(inner: st.SearchStrategy[_Made]) -> st.SearchStrategy[_Made]:
    parts = st.lists(inner, min_size=2, max_size=3)
    return st.one_of(
        parts.map(lambda ps: _joined(ps, "")),
        parts.map(lambda ps: _joined(ps, "|", "(?:{})")),
        parts.map(lambda ps: _joined(ps, "|")),
        inner.map(lambda m: (f"(?:{m[0]})?", f"(?:{m[1]})?")),
        inner.map(lambda m: (f"(?:{m[0]})+", f"(?:{m[1]})+")),
        inner.map(lambda m: (f"(?={m[0]})", f"(?:{m[1]})")),
        inner.map(lambda m: (f"(?<={m[0]})", f"(?:{m[1]})")),
        inner.map(lambda m: (f"(?!{m[0]})", "")),
    )


_patterns = st.recursive(
    st.lists(_atoms, min_size=1, max_size=4).map(lambda ps: _joined(ps, "")),
    _compose,
    max_leaves=6,
)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_patterns, st.data())
def test_every_match_holds_what_the_analyses_say(made: _Made, data: st.DataObject) -> None:
    import regex

    source, witness = made
    try:
        pattern = regex.compile(source)
    except regex.error:
        return
    pad = st.text(_CHARS + "0123456789", max_size=3)
    held = st.lists(st.tuples(pad, st.from_regex(witness, fullmatch=True)), max_size=4)
    text = "".join(a + b for a, b in data.draw(held)) + data.draw(pad)
    literals = required_literals(source)
    sets = required_literal_sets(source)
    context = required_context_sets(source)
    for start in range(len(text) + 1):
        found = pattern.match(text, start)
        if found is None or found.end() == start:
            continue
        matched = found.group()
        if literals is not None:
            assert any(lit in matched for lit in literals), (source, matched)
        assert all(any(s in matched for s in strings) for strings in sets), (source, matched)
        assert all(any(s in text for s in strings) for strings in context), (source, text)


@pytest.mark.parametrize(
    ("rule", "without", "within"),
    [
        # "sex work" is there, but none of the words its lookbehind needs
        (
            "child-exploitation/children-into-sex-work",
            "Evening hours for sex workers and their partners.",
            ["Boys were lured into sex work."],
        ),
        # each branch reads an age around the match: "N years old" before it, ", N," or
        # "aged N" after it
        (
            "child-exploitation/minor-by-age",
            "Tuesday clinics are open to sex workers and friends.",
            ["Reporters called her a 15 year old escort.", "The escort, 15, left."],
        ),
    ],
)
def test_a_segment_without_what_a_patterns_lookarounds_read_compiles_nothing(
    monkeypatch: pytest.MonkeyPatch, rule: str, without: str, within: list[str]
) -> None:
    from respectful_lint.rules import pattern as pattern_module

    compiles: list[str] = []
    real = pattern_module.compiled

    def counting(source: str) -> object:
        compiles.append(source)
        return real(source)

    monkeypatch.setattr(pattern_module, "compiled", counting)
    (source,) = [r.entry.pattern for r in LEXICON.rules if r.id == rule]
    match_text(without, LEXICON)
    assert source not in compiles
    for text in within:
        found = match_text(text, LEXICON)[0]
        assert rule in [LEXICON.rules[m.rule].id for m in found], text
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
