"""Tests on the whole sentence of a conflation finding: ``sentence``, ``negated``, ``question``."""

from __future__ import annotations

from typing import Any

from .base import GuardTest, Parser, Path, Site

CONFLATION = frozenset({"conflation"})


def _groups(parser: Parser, raw: Any, path: Path) -> tuple[str, ...]:
    refs = parser.strings(raw, path, nonempty_list=True)
    return tuple(parser.group_ref(r, (*path, i)) for i, r in enumerate(refs))


def _boolean(parser: Parser, raw: Any, path: Path) -> bool:
    return parser.boolean(raw, path)


def _sentence(site: Site, groups: tuple[str, ...]) -> bool:
    return site.sentence_has(groups)


def _negated(site: Site, wanted: bool) -> bool:
    return site.negated() == wanted


def _question(site: Site, wanted: bool) -> bool:
    return site.question() == wanted


TESTS = (
    GuardTest(
        name="sentence",
        schema={
            "type": "array",
            "items": {"type": "string", "minLength": 1},
            "minItems": 1,
            "description": "Conflation rules: holds when a term of one of these groups is in "
            "the sentence.",
        },
        parse=_groups,
        holds=_sentence,
        describe=lambda groups: "a term of " + " or ".join(groups) + " in the sentence",
        example=["contrast"],
        value=tuple[str, ...],
        cost=1,
        kinds=CONFLATION,
    ),
    GuardTest(
        name="negated",
        schema={
            "type": "boolean",
            "description": "Conflation rules: a negation on either concept or on the verb "
            "joining them.",
        },
        parse=_boolean,
        holds=_negated,
        describe=lambda v: (
            "a negation on either concept or the verb joining them"
            if v
            else "no negation on either concept or the verb joining them"
        ),
        example=True,
        value=bool,
        cost=2,
        kinds=CONFLATION,
    ),
    GuardTest(
        name="question",
        schema={"type": "boolean", "description": "Conflation rules: the sentence is a question."},
        parse=_boolean,
        holds=_question,
        describe=lambda v: "the sentence is a question" if v else "the sentence is not a question",
        example=True,
        value=bool,
        cost=3,
        kinds=CONFLATION,
    ),
)
