"""``forms``: the test holds only for some of the forms a rule matches."""

from __future__ import annotations

from typing import Any

from .base import GuardTest, Parser, Path, Site


def _parse(parser: Parser, raw: Any, path: Path) -> frozenset[str]:
    return frozenset(parser.term(f) for f in parser.strings(raw, path))


def _holds(site: Site, forms: frozenset[str]) -> bool:
    return site.form in forms


TESTS = (
    GuardTest(
        name="forms",
        schema={
            "type": "array",
            "items": {"type": "string"},
            "description": "Only these matched forms.",
        },
        parse=_parse,
        holds=_holds,
        describe=lambda forms: "it is written as " + " or ".join(f'"{f}"' for f in sorted(forms)),
        example=["John", "john's"],
        value=frozenset[str],
        cost=10,
    ),
)
