"""The regular expressions of concept groups: the trie shape is unchanged, and searching each
trigger group on its own finds a trigger exactly where one alternation of all of them does."""

from __future__ import annotations

import re
from collections.abc import Iterable

from hypothesis import given, settings
from hypothesis import strategies as st

from respectful_lint.lexicon import load_compiled
from respectful_lint.model import ConceptGroup
from respectful_lint.rules.conflation_kind import CompiledConflation
from respectful_lint.rules.groups import GroupMatcher, bounded, group_pattern
from respectful_lint.scan import trie_regex

ALPHABET = "ab -'é"
WORDS = st.lists(st.text(ALPHABET, min_size=1, max_size=6), max_size=12)


def plain_trie_regex(words: Iterable[str]) -> str:
    """The trie regex written node by node, one escape per key: the reference shape."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        keys = sorted(k for k in node if k)
        alts = [re.escape(k) + build(node[k]) for k in keys]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(root)


@given(WORDS)
def test_the_trie_regex_is_the_node_by_node_one(words: list[str]) -> None:
    assert trie_regex(words) == plain_trie_regex(words)


def test_every_default_group_keeps_its_regex() -> None:
    (conflation,) = [k for k in load_compiled().kinds if isinstance(k, CompiledConflation)]
    for group in conflation.index.groups.values():
        literal = [t for t in group.terms if not t.endswith("*")]
        assert trie_regex(literal) == plain_trie_regex(literal)
        assert group_pattern(group)


@settings(max_examples=300)
@given(st.lists(WORDS, min_size=1, max_size=4), st.text(ALPHABET + ".x", max_size=40))
def test_searching_each_group_finds_what_one_alternation_finds(
    groups: list[list[str]], text: str
) -> None:
    patterns = [trie_regex(words) for words in groups]
    combined = bounded("|".join(patterns))
    for start in range(len(text) + 1):
        for end in (start, len(text)):
            one = combined.search(text, start, end) is not None
            each = any(bounded(p).search(text, start, end) for p in patterns)
            assert one == each, (patterns, text, start, end)


(CONFLATION,) = [k for k in load_compiled().kinds if isinstance(k, CompiledConflation)]
GROUP_IDS = sorted(CONFLATION.index.groups)


def _pieces() -> list[str]:
    """Every default group's terms and their words, whole, cut short and inflected."""
    out: set[str] = {"x", "é", "'s", "s"}
    for group in CONFLATION.index.groups.values():
        for term in group.terms:
            phrase = term.rstrip("*").replace("~", " ")
            out.update((phrase, phrase + "s", phrase[:-1] + "ies", phrase + "'s"))
            for word in phrase.split():
                out.update((word, word[:-1], word[1:]))
    return sorted(w for w in out if w)


PIECES = st.lists(
    st.tuples(st.sampled_from(_pieces()), st.sampled_from([" ", " ", "-", "", ". ", "'"])),
    max_size=8,
)


@settings(max_examples=400)
@given(st.sampled_from(GROUP_IDS), PIECES, st.integers(0, 5), st.integers(0, 5))
def test_a_group_is_found_where_its_expression_finds_it(
    group: str, pieces: list[tuple[str, str]], cut_start: int, cut_end: int
) -> None:
    # the anchors that let a sentence go unsearched never hide a term the expression finds
    text = "".join(word + sep for word, sep in pieces)
    start, end = min(cut_start, len(text)), max(len(text) - cut_end, 0)
    index = CONFLATION.index
    expected = [m.span() for m in _expression(group).finditer(text, start, end)]
    assert index.spans(group, text, start, end) == expected
    found = any(_expression(g).search(text, start, end) for g in index.triggers)
    assert index.triggered(text, start, end) == found


_EXPRESSIONS: dict[str, re.Pattern[str]] = {}


def _expression(group: str) -> re.Pattern[str]:
    """The group's compiled expression, the reference for what its matcher finds."""
    if group not in _EXPRESSIONS:
        _EXPRESSIONS[group] = bounded(group_pattern(CONFLATION.index.groups[group]))
    return _EXPRESSIONS[group]


@settings(max_examples=400)
@given(st.sampled_from(GROUP_IDS), PIECES, st.integers(0, 5), st.integers(0, 5))
def test_a_group_matcher_finds_what_its_expression_finds_before_and_after_compiling(
    group: str, pieces: list[tuple[str, str]], cut_start: int, cut_end: int
) -> None:
    text = "".join(word + sep for word, sep in pieces)
    start, end = min(cut_start, len(text)), max(len(text) - cut_end, 0)
    expression = _expression(group)
    for compiled in (False, True):
        matcher = GroupMatcher(CONFLATION.index.groups[group])
        if compiled:
            for _ in range(GroupMatcher.COMPILE_AFTER + 1):
                matcher.search("", 0, 0)
        # the point of the matcher: no expression is compiled before it pays
        assert (matcher._compiled is not None) == compiled
        spans = [m.span() for m in expression.finditer(text, start, end)]
        assert matcher.spans(text, start, end) == spans, (compiled, text, start, end)
        assert matcher.search(text, start, end) == bool(spans)
        for word in text.split():
            assert matcher.fullmatch(word) == bool(expression.fullmatch(word)), word


TERM_WORDS = st.text("ab'é", min_size=1, max_size=4)
TERMS = st.lists(
    st.builds(
        lambda words, joint, prefix: joint.join(words) + ("*" if prefix else ""),
        st.lists(TERM_WORDS, min_size=1, max_size=3),
        st.sampled_from([" ", "~"]),
        st.booleans(),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=400)
@given(TERMS, st.booleans(), st.text(ALPHABET + ".x_1", max_size=40), st.data())
def test_any_group_matcher_finds_what_its_expression_finds(
    terms: list[str], inflect: bool, text: str, data: st.DataObject
) -> None:
    # terms, prefix terms ("ab~ba*") and texts of the same few letters, so that forms meet,
    # overlap, run into word characters and apostrophes, and share starts
    group = ConceptGroup("house/g", "a test group", tuple(dict.fromkeys(terms)), inflect)
    expression = bounded(group_pattern(group))
    matcher = GroupMatcher(group)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    spans = [m.span() for m in expression.finditer(text, start, end)]
    assert matcher.spans(text, start, end) == spans
    assert matcher.search(text, start, end) == bool(spans)
    for word in {*text.split(), *(t.rstrip("*").replace("~", " ") for t in terms)}:
        assert matcher.fullmatch(word) == bool(expression.fullmatch(word)), word
