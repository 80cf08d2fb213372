"""Word windows: ``before``, ``after``, ``near`` and their ``not_`` forms.

A window is a list of words and phrases (a trailing ``*`` matches any word starting with the
text), or ``{words: [...], lists: [...], window: N}``: ``lists`` names word lists the lexicon
declares under ``lists:``. The window (default 3) counts words of the sentence on one side of
the match, or on either side for ``near``.
"""

from __future__ import annotations

from typing import Any

from ..model import WordWindow
from ..normalize import phrase_tokens
from .base import GuardTest, Parser, Path, Site

DEFAULT_WINDOW = 3
SPEC_KEYS = ("words", "lists", "window")
_WORDS = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}
_NAMES = {
    "type": "array",
    "items": {"type": "string", "minLength": 1},
    "minItems": 1,
    "description": "Names of word lists declared under 'lists:' in the same lexicon.",
}
WINDOW_DEF: dict[str, Any] = {
    "oneOf": [
        _WORDS,
        {
            "type": "object",
            "additionalProperties": False,
            "anyOf": [{"required": ["words"]}, {"required": ["lists"]}],
            "properties": {
                "words": _WORDS,
                "lists": _NAMES,
                "window": {"type": "integer", "minimum": 1, "maximum": 50},
            },
        },
    ]
}


def _key(path: Path) -> str:
    return next((p for p in reversed(path) if isinstance(p, str)), "value")


def parse_window(parser: Parser, raw: Any, path: Path) -> WordWindow:
    window = DEFAULT_WINDOW
    if isinstance(raw, dict):
        spec = parser.mapping(raw, path, SPEC_KEYS, f"'{_key(path)}'")
        if "words" not in spec and "lists" not in spec:
            parser.fail((*path, "words"), f"missing required key 'words' in '{_key(path)}'")
        words: list[str] = []
        if "lists" in spec:
            names = parser.strings(spec["lists"], (*path, "lists"), nonempty_list=True)
            for i, name in enumerate(names):
                words.extend(parser.named_list(name, (*path, "lists", i)))
        if "words" in spec:
            words.extend(parser.strings(spec["words"], (*path, "words"), nonempty_list=True))
        if "window" in spec:
            window = parser.integer(spec["window"], (*path, "window"))
            if not 1 <= window <= 50:
                parser.fail((*path, "window"), "'window' must be between 1 and 50 words")
    else:
        words = list(parser.strings(raw, path, nonempty_list=True))
    phrases = tuple(phrase_tokens(w) for w in words)
    if any(len(p) > window for p in phrases):
        parser.fail(path, f"a phrase in '{_key(path)}' is longer than its window of {window} words")
    return WordWindow(phrases=phrases, window=window)


def in_window(window: WordWindow, words: list[str], *, from_end: bool) -> bool:
    return window.found_in(words[-window.window :] if from_end else words[: window.window])


def _before(site: Site, window: WordWindow) -> bool:
    return in_window(window, site.words_before(), from_end=True)


def _after(site: Site, window: WordWindow) -> bool:
    return in_window(window, site.words_after(), from_end=False)


def _near(site: Site, window: WordWindow) -> bool:
    return _before(site, window) or _after(site, window)


def _quoted(window: WordWindow) -> str:
    return ", ".join(dict.fromkeys(f'"{" ".join(p)}"' for p in window.phrases))


def _span(window: WordWindow, side: str) -> str:
    if window.window == 1:
        return {"before": "just before it", "after": "just after it"}.get(
            side, "next to it on either side"
        )
    where = "on either side" if side == "near" else side + " it"
    return f"within {window.window} words {where}"


def _describer(side: str, negated: bool) -> Any:
    def render(window: WordWindow) -> str:
        span = _span(window, side)
        if window.phrases == (("*",),):
            where = {"before": "before it", "after": "after it"}.get(side, "next to it")
            return f"{'no' if negated else 'a'} word comes {where} in the sentence"
        if len(window.phrases) == 1:
            return f"{_quoted(window)} is {'not ' if negated else ''}{span}"
        return f"{'none' if negated else 'one'} of {_quoted(window)} is {span}"

    return render


_SIDES = {"before": _before, "after": _after, "near": _near}
_SAYS = {
    "before": "of these words or phrases is among the nearest words before the match "
    "(default window 3).",
    "after": "of these words or phrases is among the nearest words after the match.",
    "near": "of these words or phrases is within the window on either side.",
}


def _negate(test: Any) -> Any:
    def holds(site: Site, window: WordWindow) -> bool:
        return not test(site, window)

    return holds


TESTS = tuple(
    GuardTest(
        name=("not_" if negated else "") + side,
        schema={
            "$ref": "#/$defs/window",
            "description": ("None " if negated else "One ") + _SAYS[side],
        },
        parse=parse_window,
        holds=_negate(_SIDES[side]) if negated else _SIDES[side],
        describe=_describer(side, negated),
        example={"words": ["rugby", "scrum*", "line out"], "window": 4},
        value=WordWindow,
        cost=33 + 3 * negated + i,
        defs=(("window", WINDOW_DEF),),
    )
    for negated in (False, True)
    for i, side in enumerate(("before", "after", "near"))
)
