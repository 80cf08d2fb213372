"""Every built-in entry's examples run as tests: flag examples must be flagged by that entry,
pass examples must not be flagged by any entry."""

from __future__ import annotations

import pytest

from respectful_lint import lint_text
from respectful_lint.lexicon import load_compiled

RULES = load_compiled().rules
FLAG = [(r.id, text) for r in RULES for text in r.entry.examples.flag]
PASS = [(r.id, text) for r in RULES for text in r.entry.examples.passes]


@pytest.mark.parametrize(("rule", "text"), FLAG)
def test_flag_example_is_flagged_by_its_rule(rule: str, text: str) -> None:
    found = [f.rule for f in lint_text(text, kind="text")]
    assert rule in found, f"{rule} missed: {text!r} (got {found})"


@pytest.mark.parametrize(("rule", "text"), PASS)
def test_pass_example_is_not_flagged(rule: str, text: str) -> None:
    found = [(f.rule, f.matched) for f in lint_text(text, kind="text")]
    assert found == [], f"{text!r} (example of {rule}) was flagged: {found}"
