"""Every built-in entry's examples run as tests: flag examples must be flagged by that entry
(or by a conflation rule that supersedes it), pass examples must not be flagged by any entry."""

from __future__ import annotations

import pytest

from respectful_lint import lint_text
from respectful_lint.lexicon import load_compiled

RULES = load_compiled().rules
FLAG = [(r.id, text) for r in RULES for text in r.entry.examples.flag]
PASS = [(r.id, text) for r in RULES for text in r.entry.examples.passes]
SUPERSEDED_BY = [
    (old, r.id) for r in RULES if r.entry.conflation for old in r.entry.conflation.supersedes
]


STYLE = {r.id for r in RULES if "style" in r.entry.tags}


@pytest.mark.parametrize(("rule", "text"), FLAG)
def test_flag_example_is_flagged_by_its_rule(rule: str, text: str) -> None:
    # style rules are off in the default profile and on in the strict one
    profile = "strict" if rule in STYLE else None
    found = [f.rule for f in lint_text(text, kind="text", profile=profile)]
    owners = {rule} | {r for old, r in SUPERSEDED_BY if old == rule}
    assert owners & set(found), f"{rule} missed: {text!r} (got {found})"


@pytest.mark.parametrize(("rule", "text"), PASS)
def test_pass_example_is_not_flagged(rule: str, text: str) -> None:
    found = [(f.rule, f.matched) for f in lint_text(text, kind="text", profile="strict")]
    assert found == [], f"{text!r} (example of {rule}) was flagged: {found}"
