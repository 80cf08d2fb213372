"""A term rule whose requirements cannot hold in a segment is not checked candidate by candidate.

The words a rule's ``requires`` conditions look for are found once per segment; where none of
a rule's conditions finds its words, its candidates are refused without reading their context.
These tests check that this never changes a match, and that it does happen.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msgspec.structs import replace

from respectful_lint.context import Context
from respectful_lint.engine import match_text
from respectful_lint.lexicon import load_compiled
from respectful_lint.lexicon.compile import CompiledLexicon
from respectful_lint.rules.needs import met, present, requirement_needs, scanner_words
from respectful_lint.rules.term import CompiledTerms
from respectful_lint.scan import make_scanner

LEXICON = load_compiled()
TERMS = next(k for k in LEXICON.kinds if isinstance(k, CompiledTerms))


def _without_needs(lexicon: CompiledLexicon) -> CompiledLexicon:
    """The same lexicon with every candidate's context read."""
    kinds = tuple(
        replace(k, needs={}) if isinstance(k, CompiledTerms) else k for k in lexicon.kinds
    )
    return replace(lexicon, kinds=kinds)


PLAIN = _without_needs(LEXICON)
RULES = {LEXICON.rules[i].id for i in TERMS.needs}
# the forms of rules with requirements, the words those need, and those words inside longer
# words ("methods", "unchild") and glued to hyphens and apostrophes
NEEDY = sorted({f for i in TERMS.needs for f in LEXICON.rules[i].forms})
WHOLE, STARTS = scanner_words(TERMS.needs.values())
WORDS = sorted(WHOLE | STARTS)
GLUED = [w + "s" for w in WORDS[::3]] + ["un" + w for w in WORDS[::3]] + [w + "-" for w in WORDS]
EXAMPLES = sorted(
    e
    for r in LEXICON.rules
    if r.id in RULES
    for e in (*r.entry.examples.flag, *r.entry.examples.passes)
)
GLUE = [" ", " ", " ", ", ", ". ", "\n", "\n\n", "-", "'", "_", " the ", " of ", "? "]

tokens = st.sampled_from(NEEDY) | st.sampled_from(WORDS) | st.sampled_from(GLUED)
texts = st.lists(
    st.tuples(tokens | st.sampled_from(EXAMPLES), st.sampled_from(GLUE)), max_size=16
).map(lambda parts: "".join(a + b for a, b in parts))


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_the_words_a_requirement_needs_never_change_a_match(text: str) -> None:
    assert match_text(text, LEXICON)[0] == match_text(text, PLAIN)[0]


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_rules_own_examples_match_as_without_the_shortcut(example: str) -> None:
    assert match_text(example, LEXICON)[0] == match_text(example, PLAIN)[0]


def test_a_rule_is_not_checked_where_its_required_words_are_absent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    checked: list[str] = []
    verify = Context.verify

    def spy(self: Context, lexicon: CompiledLexicon, index: int, start: int, end: int) -> object:
        checked.append(lexicon.rules[index].id)
        return verify(self, lexicon, index, start, end)

    monkeypatch.setattr(Context, "verify", spy)
    assert match_text("Users can reset a forgotten password.", LEXICON)[0] == []
    assert "drug-use/users" not in checked
    found = match_text("The clinic blamed users for the needles left near the park.", LEXICON)[0]
    assert [LEXICON.rules[m.rule].id for m in found] == ["drug-use/users"]
    assert "drug-use/users" in checked


def test_a_word_counts_where_it_stands_as_a_word_and_a_prefix_at_a_word_start() -> None:
    scanner = make_scanner(["meth", "drug"], ["needle"])
    found = present(scanner, "a method, bigneedles and drugstore; needles and drug")
    assert found == {"needle*", "drug"}
    assert present(scanner, "methods and drugs") == frozenset()
    assert met((frozenset({"drug"}), frozenset({"needle*"})), found)
    assert not met((frozenset({"meth"}),), found)


def test_requirement_needs_of_default_rules() -> None:
    by_id = {r.id: r for r in LEXICON.rules}
    needs = requirement_needs(by_id["drug-use/users"].entry)
    assert needs is not None and len(needs) == 1
    assert {"drug", "naloxone", "stimulant*", "needle"} <= needs[0]
    assert requirement_needs(by_id["sex-work/john"].entry) is None  # no requirements
    # a condition whose words are all short ("a ho", "the ho") leaves the rule unconstrained
    assert requirement_needs(by_id["sex-work/ho"].entry) is None
