"""People used, sold or held "as prostitutes" by others get wording of what was done to them,
not "sex workers", which would imply a choice; "as prostitutes" after words of seeming or of
work, or before a verb, is the ordinary noun."""

from __future__ import annotations

import pytest

from respectful_lint import lint_text


def findings(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.rule, f.matched, tuple(f.suggestions)) for f in lint_text(text, kind="text")]


@pytest.mark.parametrize(
    "text",
    [
        "During the occupation the army used local women as prostitutes.",
        "Her stepfather sold her as a prostitute to a bar in the next town.",
        "The ring held three young women as prostitutes in rented flats.",
        "Dozens of women were trafficked as prostitutes through the port.",
    ],
)
def test_as_prostitutes_after_a_verb_of_force_is_worded_as_what_was_done(text: str) -> None:
    [(rule, matched, suggestions)] = findings(text)
    assert rule == "sex-work/used-as-prostitutes"
    assert matched.startswith("as ")
    assert suggestions[0] == "for commercial sex"


@pytest.mark.parametrize(
    "text",
    [
        "Police used undercover officers posing as prostitutes in the sting.",
        "The study used women who worked as prostitutes as peer interviewers.",
        "She used the cash as prostitutes often do, to pay the rent.",
        "She worked as a prostitute for eight years, then opened a café.",
        # her own earnings, and officers used as decoys
        "She used her earnings as a prostitute to pay for college.",
        "Police used female officers as prostitutes in the sting.",
    ],
)
def test_as_prostitutes_of_seeming_work_or_a_comparison_is_the_noun(text: str) -> None:
    rules = [rule for rule, _, _ in findings(text)]
    assert "sex-work/used-as-prostitutes" not in rules
    assert "sex-work/prostitute" in rules
