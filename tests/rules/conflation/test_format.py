"""The conflation rule kind in the lexicon format: groups, extension, errors, explain data."""

from __future__ import annotations

from pathlib import Path

import pytest
from _util import conflations

from respectful_lint import lint_text
from respectful_lint.errors import LexiconError
from respectful_lint.lexicon import load_compiled, load_lexicon_file
from respectful_lint.rules.conflation import describe, merge_groups
from respectful_lint.sentences import sentence_bounds

HEAD = "lexicon: house\nversion: 1\nlanguage: en\ndescription: Ours.\n"
SOURCES = "sources:\n  s: {title: Style, url: 'https://example.org'}\n"


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "house.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def test_an_organisation_adds_terms_to_a_built_in_group(tmp_path: Path) -> None:
    text = "Webcam work and trafficking is our focus this year."
    assert conflations(text) == []
    path = _write(tmp_path, "groups:\n  conflation/sw:\n    terms: [webcam work]\nentries: []\n")
    found = [f for f in lint_text(text, kind="text", lexicons=[path]) if f.category == "conflation"]
    assert [f.matched for f in found] == ["Webcam work and trafficking is"]


def test_an_organisation_writes_its_own_conflation_rule(tmp_path: Path) -> None:
    body = (
        SOURCES
        + "groups:\n  cam:\n    description: camming\n    terms: [camming]\n"
        + "entries:\n  - id: cam-gloss\n    kind: conflation\n    shape: gloss\n"
        + "    groups: {sw: cam, tr: conflation/tr, goods: conflation/goods}\n"
        + "    preferred: [say which you mean]\n    severity: warning\n    category: house\n"
        + "    note: Camming is not trafficking.\n    sources: [s]\n"
        + "    examples: {flag: [x], pass: [y]}\n"
    )
    path = _write(tmp_path, body)
    found = lint_text("Camming (aka trafficking) is rising.", kind="text", lexicons=[path])
    assert [(f.rule, f.severity.label) for f in found] == [("house/cam-gloss", "warning")]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("groups:\n  conflation/nope:\n    terms: [x]\nentries: []\n", "no earlier lexicon"),
        ("groups:\n  sw:\n    terms: [x]\nentries: []\n", "missing required key 'description'"),
        (
            "groups:\n  sw:\n    description: d\n    terms: [sex work, '*']\nentries: []\n",
            ":8:23: term '*' of group 'sw' has no word",
        ),
        (
            SOURCES + "entries:\n  - id: c\n    kind: conflation\n    shape: glos\n",
            "did you mean 'gloss'",
        ),
        (
            SOURCES + "entries:\n  - id: c\n    kind: conflation\n    shape: gloss\n"
            "    terms: [x]\n",
            "'terms' is not used by 'kind: conflation'",
        ),
        (
            SOURCES + "entries:\n  - id: c\n    terms: [x]\n    guards:\n"
            "      - {reason: r, sentence: [contrast]}\n    preferred: [y]\n"
            "    severity: warning\n    category: c\n    note: n\n    sources: [s]\n"
            "    examples: {flag: [x], pass: [y]}\n",
            "only for guards of conflation rules",
        ),
        (
            SOURCES + "entries:\n  - id: c\n    kind: conflation\n    shape: gloss\n"
            "    preferred: [y]\n    severity: warning\n    category: c\n    note: n\n"
            "    sources: [s]\n    examples: {flag: [x], pass: [y]}\n",
            "reads group 'house/sw', which no lexicon defines",
        ),
    ],
)
def test_mistakes_name_the_file_and_the_problem(tmp_path: Path, body: str, message: str) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(LexiconError) as err:
        load_compiled([path], defaults="no earlier" not in message)
    assert str(err.value).startswith(str(path))
    assert message in str(err.value)


def test_explain_data_lists_the_shape_groups_and_guards() -> None:
    compiled = load_compiled()
    rule = next(r for r in compiled.rules if r.id == "conflation/coordination")
    info = describe(rule, merge_groups(compiled.lexicons))
    assert info is not None
    assert info.title == "coordination as one thing"
    assert [g.id for g in info.groups][:2] == ["conflation/sw", "conflation/tr"]
    assert "sex work" in info.groups[0].terms
    reasons = [g.reason for g in info.guards]
    assert any("minors" in r for r in reasons)
    assert info.guards[0].tests == ("a term of conflation/contrast in the sentence",)
    assert describe(next(r for r in compiled.rules if r.id == "sex-work/hooker"), {}) is None


def test_the_built_in_lexicon_declares_every_group_it_reads() -> None:
    lexicon = load_lexicon_file(Path(__file__).parents[3] / "lexicons" / "conflation.yaml")
    assert {g.id.split("/")[1] for g in lexicon.groups} >= {"sw", "tr", "minor", "contrast"}


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("see dr. smith, e.g. on tuesday. next one.", "see dr. smith, e.g. on tuesday."),
        (
            "it rose 3.5 percent in the u.s. last year! ok.",
            "it rose 3.5 percent in the u.s. last year!",
        ),
        (
            "sex work and trafficking: what is the difference? next.",
            "sex work and trafficking: what is the difference?",
        ),
    ],
)
def test_the_sentence_splitter(text: str, sentence: str) -> None:
    start, end = sentence_bounds(text, 5)
    assert text[start:end] == sentence
