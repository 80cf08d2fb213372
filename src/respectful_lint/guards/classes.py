"""Word classes of the neighbouring words: ``next_class``, ``prev_class`` and ``not_`` forms.

Classes come from :mod:`respectful_lint.wordclass`; ``none`` stands for punctuation or the edge
of the sentence.
"""

from __future__ import annotations

from typing import Any

from ..wordclass import WORD_CLASSES
from .base import GuardTest, Parser, Path, Site

_NAMES = {
    "noun": "a noun",
    "verb": "a verb",
    "adj": "an adjective",
    "adv": "an adverb",
    "function": "a function word (the, of, and, who…)",
    "none": "missing (punctuation or the end of the sentence follows)",
}


def _parse(parser: Parser, raw: Any, path: Path) -> frozenset[str]:
    kinds = parser.strings(raw, path)
    for kind in kinds:
        parser.choice(kind, path, WORD_CLASSES)
    return frozenset(kinds)


def _next(site: Site, kinds: frozenset[str]) -> bool:
    return bool(site.ctx.next_classes(site.start, site.end) & kinds)


def _prev(site: Site, kinds: frozenset[str]) -> bool:
    return bool(site.ctx.prev_classes(site.start) & kinds)


def _not(test: Any) -> Any:
    return lambda site, kinds: not test(site, kinds)


def _says(subject: str, verb: str) -> Any:
    return lambda kinds: f"{subject} {verb} be " + " or ".join(_NAMES[k] for k in sorted(kinds))


def _schema(description: str) -> dict[str, Any]:
    return {"type": "array", "items": {"enum": list(WORD_CLASSES)}, "description": description}


TESTS = (
    GuardTest(
        name="next_class",
        schema=_schema("The next word can have one of these word classes (none: no word follows)."),
        parse=_parse,
        holds=_next,
        describe=_says("the next word", "can"),
        example=["noun", "adj"],
        value=frozenset[str],
        cost=50,
    ),
    GuardTest(
        name="not_next_class",
        schema=_schema("The next word cannot have any of these word classes."),
        parse=_parse,
        holds=_not(_next),
        describe=_says("the next word", "cannot"),
        example=["none"],
        value=frozenset[str],
        cost=51,
    ),
    GuardTest(
        name="prev_class",
        schema=_schema(
            "The word just before can have one of these word classes (none: punctuation or "
            "the sentence start comes first)."
        ),
        parse=_parse,
        holds=_prev,
        describe=_says("the word before it", "can"),
        example=["adj"],
        value=frozenset[str],
        cost=52,
    ),
    GuardTest(
        name="not_prev_class",
        schema=_schema("The word just before cannot have any of these word classes."),
        parse=_parse,
        holds=_not(_prev),
        describe=_says("the word before it", "cannot"),
        example=["function", "none"],
        value=frozenset[str],
        cost=53,
    ),
)
