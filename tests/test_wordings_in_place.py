"""Wordings that stand where the match stands. One that cannot stand there as written is an
idea, which no fix or web choice puts in place ("living with HIV" before "mothers"). After
"former" or "ex-", a person-first wording takes the modifier in and is put in the past
("former drug users": "people who used to use drugs", "ex-inmates": "formerly incarcerated
people"); a wording that reads well after "former" leaves it be."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from respectful_lint import lint_text
from respectful_lint.cli import main
from respectful_lint.fixer import suggestion_edits
from respectful_lint.lexicon import load_compiled
from respectful_lint.wording import formerly


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


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("We hired former drug users as peers.", "We hired people who used to use drugs as peers."),
        ("Former IV drug users spoke.", "People who used to inject drugs spoke."),
        ("She is a former junkie.", "She is a person who used to use drugs."),
        ("We hired ex-prisoners.", "We hired people formerly in prison."),
        ("We hired ex-inmates.", "We hired formerly incarcerated people."),
        ("One-time inmates spoke.", "Formerly incarcerated people spoke."),
        # "ex-" before a wording that reads well after "former"
        ("Ex-hookers run the group.", "Former sex workers run the group."),
        # now and then
        ("Current or former drug users spoke.", "People who use or used to use drugs spoke."),
        ("We hired current and ex-prisoners.", "We hired people currently or formerly in prison."),
        ("Active or former inmates spoke.", "Currently or formerly incarcerated people spoke."),
    ],
)
def test_after_former_or_ex_a_person_first_wording_takes_it_in_and_is_past(
    text: str, first: str
) -> None:
    assert choices(text)[0] == first


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # the wording reads well after "former": it stays out of the fix
        ("The former prostitute spoke.", "The former sex worker spoke."),
        # "former" in a row of modifiers: a wording would have to take in both
        ("Young or former drug users spoke.", "Young or former people who use drugs spoke."),
        # a wording in the past already
        ("Two former addicts spoke.", "Two people in recovery spoke."),
    ],
)
def test_where_former_stays_as_it_is(text: str, first: str) -> None:
    assert choices(text)[0] == first


def test_ex_is_no_compound_of_another_sense_but_other_prefixes_are() -> None:
    found = lint_text("We hired ex-inmates. The pro-inmate group met. Inmate-rights groups.")
    assert [f.column for f in found] == [13]


def test_a_hyphen_typed_for_a_dash_before_a_conjunction_or_an_article_is_no_compound() -> None:
    found = lint_text("Many were addicts-and most were poor; the pimp-the worst of them-left.")
    assert [(f.column, f.end_column) for f in found] == [(11, 18), (43, 47)]
    # a compound that goes on with another hyphen keeps its own sense, and so does one whose
    # first part is shared; a title in capitals is no aside
    assert lint_text("The junkie-or-not debate and the hooker-and-client scene.") == []
    assert lint_text("Grants reach the homeless-or housing-insecure tenants of the ward.") == []
    assert lint_text("Junkies-The Opera played two nights in Leith.") == []
    # "and", "or" or "but" before a word that may describe a noun shares that noun, and a
    # verb after it starts a new phrase; "-a" is a label
    assert lint_text("Food parcels went to the homeless-and hungry children.") == []
    assert lint_text("Beds are kept for the mentally ill-but stable patients of the county.") == []
    assert lint_text("Places went to the homeless-but not hopeless pupils of the town.") == []
    assert [f.column for f in lint_text("They called him retarded-and sent him away.")] == [17]
    assert lint_text("The test rig names its hosts inmate-a and inmate-b.") == []
    assert [f.column for f in lint_text("Her brother was a junkie-he sold her car.")] == [19]


@pytest.mark.parametrize(
    "text",
    [
        "Police found a junkie-filled squat.",
        "An inmate-run newspaper won an award.",
        "The felon-owned shop closed.",
        "The prostitute-turned-author signed copies.",
        "A crackhead-looking man waited.",
    ],
)
def test_a_compound_that_keeps_the_words_sense_is_reported_with_wordings_as_ideas(
    text: str,
) -> None:
    # a participle, "turned", "-looking" or "-like" after the hyphen: the compound is about
    # the people the word names; no wording stands before the hyphen as written
    (found,) = lint_text(text)
    assert found.fix is None
    assert found.suggestions and set(found.places) == {None}


def test_a_fix_after_former_rewrites_the_phrase(tmp_path: Path) -> None:
    draft = tmp_path / "notes.txt"
    # ("former" after a noun and "and": only its own noun phrase is taken in)
    draft.write_text("Two ex-inmates and former inmates spoke.\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["check", "--isolated", "--fix", "--unsafe-fixes", str(draft)]
    )
    assert result.exit_code == 0, result.output
    assert draft.read_text(encoding="utf-8") == (
        "Two formerly incarcerated people and formerly incarcerated people spoke.\n"
    )


def test_every_default_wording_put_in_the_past_reads_once_in_the_past() -> None:
    wordings = {p.text for rule in load_compiled().rules for p in rule.entry.preferred}
    past = {text: formerly(text) for text in wordings}
    changed = {text: out for text, out in past.items() if out is not None}
    assert "people who used to use drugs" in changed.values()
    for text, out in changed.items():
        assert out.split()[0] in (text.split()[0], "formerly"), (text, out)
        assert out.count("used to") + out.count("formerly") == 1, (text, out)
        assert "used to used" not in out and "used to once" not in out, (text, out)
        both = formerly(text, now=True)  # "current or former": now and then
        assert both is not None and re.sub(r"\w+ or ", "", both, count=1) == out, (text, both)


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


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # a place taken in with "former": the place's wording is put in the past
        (
            "Former Rikers inmates met the mayor.",
            "People formerly incarcerated at Rikers met the mayor.",
        ),
        # after "many of", "some of": the wording keeps a "the" of its own
        (
            "Many of the homeless need a bed tonight.",
            "Many of the people experiencing homelessness need a bed tonight.",
        ),
        (
            "Some of the HIV infected never told anyone.",
            "Some of the people living with HIV never told anyone.",
        ),
        # a verb in -s after a group belongs to a subject further back
        (
            "Stigma against the HIV-infected remains high.",
            "Stigma against people living with HIV remains high.",
        ),
    ],
)
def test_a_wording_fits_the_phrase_around_the_match(text: str, first: str) -> None:
    assert choices(text)[0] == first


def test_a_noun_before_its_own_phrase_is_taken_in() -> None:
    assert choices("Doctors counted the HIV infected mothers in the region.")[0] == (
        "Doctors counted the mothers living with HIV in the region."
    )


def test_a_noun_followed_by_its_verb_is_taken_in() -> None:
    assert choices("The HIV-infected mothers need care.")[0] == (
        "The mothers living with HIV need care."
    )
