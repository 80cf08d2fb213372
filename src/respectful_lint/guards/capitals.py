"""Case tests: how the match is written, capitals next to it, and the sentence start."""

from __future__ import annotations

from typing import Any

from ..casing import case_of, next_capitalized, prev_capitalized
from ..lazyre import lazy_compile
from .base import GuardTest, Parser, Path, Site

CASES = ("capitalized", "upper", "lower", "title")
_CASE_WORDS = {
    "capitalized": "it is written with a capital first letter",
    "upper": "it is written in capitals",
    "lower": "it is written in lower case",
    "title": "each of its words is written with a capital",
}


def _boolean(parser: Parser, raw: Any, path: Path) -> bool:
    return parser.boolean(raw, path)


def _case(parser: Parser, raw: Any, path: Path) -> str:
    return parser.choice(raw, path, CASES)


def _case_holds(site: Site, case: str) -> bool:
    text = site.ctx.original(site.start, site.end)
    if case == "title":  # "AIDS Orphans" (a name), not "AIDS orphan"
        return all(w[0].isupper() for w in _WORDS.findall(text))
    return case_of(text) == case


_WORDS = lazy_compile(r"[^\W\d_]+")


def _sentence_start(site: Site, wanted: bool) -> bool:
    # In a Title Case headline every word has a capital, as at a sentence start, so a capital
    # there says nothing about names ("Police Arrest Six Johns In Sting").
    ctx = site.ctx
    return (
        ctx.sentence_start(site.start)
        or ctx.after_label(site.start, site.end)
        or ctx.speech_start(site.start, site.end)
        or ctx.title_case(site.start)
    ) == wanted


# Words that, written with a capital after another capitalized word, make the two the name
# of a place or an institution even in a Title Case line ("Johns Island", "Hooker Oak Park",
# "Johns Hopkins", "Substance Abuse Services of Erie County")
PLACE_WORDS = frozenset(
    (  # noqa: SIM905 (a list of words reads better as words)
        "Island Islands County Park Street Road Avenue Lane Drive River Creek Lake Bay Oak "
        "Oaks Hill Hills Valley Beach Point Ridge Falls Springs Harbor Harbour Mountain "
        "Canyon Bridge Square Station Township Parish Hopkins "
        "Services Administration Department Agency Bureau Division Office Council Commission "
        "Committee Coalition Association Institute Foundation Network Center Centre Program "
        "Programme Project Task Unit"
    ).split()
)
_NEXT_WORD = lazy_compile(r"[ \t]+([A-Z][a-z]+)\b")
# a possessive's ending right after the match ("the Tinnitus Sufferers' Support Group")
_POSSESSIVE_END = lazy_compile("['\u2019]s?(?=[ \t])")


def _next_capitalized(site: Site, wanted: bool) -> bool:
    ctx = site.ctx
    _, src_end = ctx.source_span(site.start, site.end)
    owned = _POSSESSIVE_END.match(ctx.text, src_end)
    if owned is not None:
        src_end = owned.end()
    following = next_capitalized(ctx.text, src_end)
    if following and ctx.title_case(site.start):
        # every word has a capital there: only a place's word still tells of a name
        word = _NEXT_WORD.match(ctx.text, src_end)
        following = word is not None and word[1] in PLACE_WORDS
    return following == wanted


def _prev_capitalized(site: Site, wanted: bool) -> bool:
    src_start, _ = site.ctx.source_span(site.start, site.end)
    return prev_capitalized(site.ctx.text, src_start) == wanted


def _said(yes: str, no: str) -> Any:
    return lambda value: yes if value else no


TESTS = (
    GuardTest(
        name="case",
        schema={"enum": list(CASES), "description": "Case of the matched text in the source."},
        parse=_case,
        holds=_case_holds,
        describe=lambda case: _CASE_WORDS[case],
        example="capitalized",
        value=str,
        cost=20,
    ),
    GuardTest(
        name="sentence_start",
        schema={"type": "boolean", "description": "The match is the first word of its sentence."},
        parse=_boolean,
        holds=_sentence_start,
        describe=_said("it starts a sentence", "it does not start a sentence"),
        example=True,
        value=bool,
        cost=30,
    ),
    GuardTest(
        name="next_capitalized",
        schema={
            "type": "boolean",
            "description": "The next word starts with a capital (a name such as 'John Doe').",
        },
        parse=_boolean,
        holds=_next_capitalized,
        describe=_said(
            "the next word starts with a capital", "the next word does not start with a capital"
        ),
        example=True,
        value=bool,
        cost=32,
    ),
    GuardTest(
        name="prev_capitalized",
        schema={"type": "boolean", "description": "The previous word starts with a capital."},
        parse=_boolean,
        holds=_prev_capitalized,
        describe=_said(
            "the word before it starts with a capital",
            "the word before it does not start with a capital",
        ),
        example=False,
        value=bool,
        cost=31,
    ),
)
