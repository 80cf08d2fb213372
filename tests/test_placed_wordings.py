"""Wordings that stand where the match stands: a wording that cannot stand there as written is
an idea, which no fix or web choice puts in place ("living with HIV" before "mothers")."""

from __future__ import annotations

from respectful_lint import lint_text
from respectful_lint.fixer import suggestion_edits


def applied(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def choices(text: str) -> list[str]:
    """The text after each suggestion of its one finding that stands in place."""
    (finding,) = lint_text(text, kind="text")
    out = []
    for i in range(len(finding.suggestions)):
        edits = suggestion_edits(text, finding, i)
        if edits is not None:
            out.append(applied(text, edits))
    return out


def test_a_wording_that_cannot_stand_before_a_noun_is_only_an_idea() -> None:
    text = "We support HIV-infected mothers."
    (finding,) = lint_text(text)
    assert finding.suggestions[:2] == ("mothers living with HIV", "living with HIV")
    assert finding.places[0] is not None and finding.places[1:] == (None,) * 4
    assert choices(text) == ["We support mothers living with HIV."]


def test_conflation_ideas_never_stand_in_place() -> None:
    text = "Prostitution is human trafficking."
    found = [f for f in lint_text(text) if f.rule.startswith("conflation/")]
    assert found and all(f.places == (None,) * len(f.suggestions) for f in found)
    assert all(suggestion_edits(text, f, 0) is None for f in found)
