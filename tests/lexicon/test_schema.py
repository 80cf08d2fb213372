"""lexicons/schema.json describes the same format the loader accepts."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from respectful_lint.lexicon import validate as v
from respectful_lint.lexicon.schema import render

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "lexicons" / "schema.json").read_text())
LEXICONS = [
    *sorted((ROOT / "lexicons").glob("*.yaml")),
    Path(__file__).parents[1] / "data" / "custom.yaml",
    Path(__file__).parents[1] / "data" / "explain.yaml",
]


@pytest.mark.parametrize("path", LEXICONS, ids=lambda p: p.name)
def test_schema_validates_each_lexicon(path: Path) -> None:
    jsonschema.validate(yaml.safe_load(path.read_text()), SCHEMA)


def test_committed_schema_is_generated_from_the_guard_registry() -> None:
    committed = (ROOT / "lexicons" / "schema.json").read_text(encoding="utf-8")
    assert committed == render(), (
        "lexicons/schema.json is stale; regenerate it with: "
        "python -m respectful_lint.lexicon.schema > lexicons/schema.json"
    )


def test_schema_and_loader_know_the_same_keys() -> None:
    defs = SCHEMA["$defs"]
    assert set(SCHEMA["properties"]) == set(v.TOP_KEYS)
    assert set(defs["entry"]["properties"]) == set(v.ENTRY_KEYS)
    assert set(defs["condition"]["properties"]) == set(v.CONDITION_KEYS)
    assert set(defs["guard"]["properties"]) == set(v.GUARD_KEYS)


def test_schema_rejects_an_unknown_key() -> None:
    bad = yaml.safe_load((ROOT / "lexicons" / "sex-work.yaml").read_text())
    bad["entries"][0]["sevrity"] = "warning"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)
