"""The JSON schema of lexicon files, built from the lexicon format and the guard registry.

``format.schema.json`` beside this module describes everything but the guard tests; each test
in :mod:`respectful_lint.guards` adds its own fragment. ``lexicons/schema.json`` is this
module's output, committed for editors; a test fails when it is stale. Regenerate it with::

    python -m respectful_lint.lexicon.schema > lexicons/schema.json
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .. import guards

_FORMAT = Path(__file__).resolve().parent / "format.schema.json"


def lexicon_schema() -> dict[str, Any]:
    """The whole lexicon schema."""
    schema: dict[str, Any] = json.loads(_FORMAT.read_text(encoding="utf-8"))
    schema.pop("$comment", None)
    defs = schema["$defs"]
    term_tests, shared = guards.schema_properties("term")
    all_tests, shared_all = guards.schema_properties()
    defs["condition"]["properties"] = term_tests
    defs["guard"]["properties"] = {**all_tests, **defs["guard"]["properties"]}
    for name, fragment in {**shared, **shared_all}.items():
        defs[name] = fragment
    return schema


def render() -> str:
    """The schema as it is committed: two-space indents, one trailing newline."""
    return json.dumps(lexicon_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(render(), end="")
