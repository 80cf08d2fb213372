"""Invariants: a contrast guard anywhere in a flagged sentence removes the finding, and
quoted speech lowers it by one level."""

from __future__ import annotations

from _util import conflations
from hypothesis import given, settings
from hypothesis import strategies as st

FLAGGED = [
    "The escorting/trafficking unit moved offices",
    "Sex work and human trafficking is on the rise",
    "Volunteers tackle the sex trade and trafficking crisis",
    "Escorting, i.e. trafficking, is banned on the site",
    "We oppose the sex industry (a.k.a. modern slavery)",
    "Escorting is a form of trafficking",
    "The sex trade is inherently slavery",
    "All sex workers are exploited",
    "Most women in the sex trade were trafficked",
    "There is no such thing as voluntary escorting",
    "Punters fuel trafficking",
]
CONTRAST = [
    "which is not the same as trafficking",
    "unlike what the campaign says",
    "versus what the law says",
    "and we explain the difference between them",
    "though we distinguish the two",
    "but the leaflet conflates the two",
    "or so people confuse them",
    "as opposed to the facts",
    "rather than what survivors say",
]


def test_every_base_sentence_is_flagged() -> None:
    for text in FLAGGED:
        assert conflations(text + "."), text


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(FLAGGED), st.sampled_from(CONTRAST), st.booleans())
def test_a_contrast_guard_removes_the_finding(text: str, guard: str, first: bool) -> None:
    if first:
        sentence = f"{guard[0].upper()}{guard[1:]}: {text[0].lower()}{text[1:]}."
    else:
        sentence = f"{text}, {guard}."
    assert conflations(sentence) == []


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(FLAGGED))
def test_quoted_speech_lowers_the_severity_by_one_level(text: str) -> None:
    plain = conflations(text + ".")
    quoted = conflations(f'"{text}," the poster says.')
    assert [f.rule for f in quoted] == [f.rule for f in plain]
    assert [f.severity for f in quoted] == [f.severity.downgraded() for f in plain]
