"""The regular expressions of concept groups: the trie shape is unchanged, and searching each
trigger group on its own finds a trigger exactly where one alternation of all of them does."""

from __future__ import annotations

import re
from collections.abc import Iterable

from hypothesis import given, settings
from hypothesis import strategies as st

from respectful_lint.lexicon import load_compiled
from respectful_lint.rules.conflation_kind import CompiledConflation
from respectful_lint.rules.groups import bounded, group_pattern
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
    expected = [m.span() for m in index.pattern(group).finditer(text, start, end)]
    assert index.spans(group, text, start, end) == expected
    found = any(index.pattern(g).search(text, start, end) for g in index.triggers)
    assert index.triggered(text, start, end) == found
