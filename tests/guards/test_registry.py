"""Every guard test is declared once, with schema, validation, evaluation, description and an
example; a lexicon that uses the example loads, and ``explain`` describes it."""

from __future__ import annotations

import json

import jsonschema
import msgspec
import pytest
import yaml

from respectful_lint import guards
from respectful_lint.lexicon.schema import lexicon_schema
from respectful_lint.lexicon.validate import validate
from respectful_lint.lexicon.yamlload import load_yaml

NAMES = sorted(guards.REGISTRY)


def _lexicon(kind: str, name: str, example: object) -> str:
    entry: dict[str, object] = {
        "id": "rugby",
        "preferred": ["forward"],
        "severity": "warning",
        "category": "sport",
        "note": "A test entry.",
        "sources": ["S"],
        "examples": {"flag": ["x"], "pass": ["y"]},
        "guards": [{"reason": "a test", name: example}],
    }
    doc: dict[str, object] = {
        "lexicon": "demo",
        "version": 1,
        "language": "en",
        "description": "Guard examples.",
        "sources": {"S": {"title": "A source", "url": "https://example.org"}},
        "entries": [entry],
    }
    if kind == "conflation":
        entry.update(kind="conflation", shape="gloss", preferred=["name each"])
        doc["groups"] = {
            g: {"description": g, "terms": [g]} for g in ("sw", "tr", "goods", "contrast")
        }
    else:
        entry["terms"] = ["hooker"]
    return json.dumps(doc)


@pytest.mark.parametrize("name", NAMES)
def test_every_guard_test_is_complete(name: str) -> None:
    test = guards.REGISTRY[name]
    assert test.name == name
    assert test.schema.get("description"), "a schema fragment with a description"
    assert test.kinds
    kind = "term" if "term" in test.kinds else "conflation"
    text = _lexicon(kind, name, test.example)
    jsonschema.validate(yaml.safe_load(text), lexicon_schema())
    lexicon = validate(load_yaml(text, "demo.yaml"))
    entry = lexicon.entries[0]
    guard = (entry.conflation.guards if entry.conflation else entry.guards)[0]
    assert [n for n, _ in guard.when.tests] == [name]
    described = list(guards.describe(guard.when))
    assert len(described) == 1 and described[0].strip()
    # the type it declares reads its value back from the cache as parsing made it
    value = guard.when.tests[0][1]
    assert isinstance(value, getattr(test.value, "__origin__", test.value))
    stored = msgspec.json.decode(msgspec.json.encode(guards.stored(guard.when)))
    assert guards.restored(stored) == guard.when


def test_descriptions_of_different_tests_differ() -> None:
    seen: dict[str, str] = {}
    for name in NAMES:
        test = guards.REGISTRY[name]
        kind = "term" if "term" in test.kinds else "conflation"
        lexicon = validate(load_yaml(_lexicon(kind, name, test.example), "demo.yaml"))
        entry = lexicon.entries[0]
        guard = (entry.conflation.guards if entry.conflation else entry.guards)[0]
        text = next(iter(guards.describe(guard.when)))
        assert text not in seen, (name, seen.get(text))
        seen[text] = name


def test_a_conflation_only_test_is_refused_on_a_term_rule() -> None:
    text = _lexicon("term", "question", True)
    with pytest.raises(Exception, match="'question' is only for guards of conflation rules"):
        validate(load_yaml(text, "demo.yaml"))
