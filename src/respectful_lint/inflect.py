"""Inflection: the forms generated from a base term.

* ``~`` is a joiner that may be empty, a space or a hyphen (``street~walker`` gives
  ``streetwalker``, ``street walker`` and ``street-walker``). A plain space in a term may be a
  space or a hyphen.
* Plurals of the last word: ``-s``, ``-es`` after s/x/z/ch/sh, ``-ies`` after a consonant + y,
  and a few irregular nouns.
* Possessives with an apostrophe (curly apostrophes are made straight in the normalized view,
  so both kinds match).
"""

from __future__ import annotations

import itertools

from .model import Inflection
from .normalize import normalize

IRREGULAR_PLURALS = {
    "man": "men",
    "woman": "women",
    "person": "people",
    "child": "children",
    "wife": "wives",
    "life": "lives",
    "foot": "feet",
    "mouse": "mice",
}
_NO_PLURAL_ENDINGS = ("ing",)


def plural(word: str) -> str:
    """English plural of one word (or of the last word of a phrase)."""
    head, sep, last = word.rpartition(" ")
    low = last.lower()
    if low in IRREGULAR_PLURALS:
        out = IRREGULAR_PLURALS[low]
        out = out.capitalize() if last[:1].isupper() else out
    elif low.endswith(("s", "x", "z", "ch", "sh")):
        out = last + "es"
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        out = last[:-1] + "ies"
    else:
        out = last + "s"
    return head + sep + out


def possessives(form: str, is_plural: bool) -> list[str]:
    if form.endswith("s"):
        return [form + "'", form + "'s"] if not is_plural else [form + "'"]
    return [form + "'s"]


def _joiners(form: str) -> list[str]:
    """Expand ``~`` (empty, space or hyphen) and spaces (space or hyphen)."""
    parts: list[list[str]] = []
    for piece in form.split("~"):
        words = piece.split(" ")
        alternatives = [words[0]]
        for w in words[1:]:
            alternatives = [a + j + w for a in alternatives for j in (" ", "-")]
        parts.append(alternatives)
    out = []
    for combo in itertools.product(*parts):
        joined = [combo[0]]
        for nxt in combo[1:]:
            joined = [j + sep + nxt for j in joined for sep in ("", " ", "-")]
        out.extend(joined)
    return out


# Words a term, form or allowed phrase may have. Each space may be a space or a hyphen and each
# "~" empty, a space or a hyphen, so a phrase of n words has up to 3^(n-1) forms: past a dozen
# words that is millions. The longest default term has five words.
MAX_PHRASE_WORDS = 8


def phrase_too_long(phrase: str) -> str | None:
    """Why ``phrase`` is too long to be a term, a form or an allowed phrase, or None."""
    words = len(phrase.replace("~", " ").replace("-", " ").split())
    if words <= MAX_PHRASE_WORDS:
        return None
    shown = repr(phrase[:40]) + ("..." if len(phrase) > 40 else "")
    return f"{shown} has {words} words; a phrase may have at most {MAX_PHRASE_WORDS}"


def normalize_term(term: str) -> str:
    """A term as it appears in the normalized view (``~`` kept)."""
    pieces = [normalize(p)[0].strip() for p in term.split("~")]
    return "~".join(" ".join(p.split()) for p in pieces)


# What :func:`expand` is given: terms, listed forms, the listed forms that are plurals, and
# whether to add plurals and possessives.
ExpandKey = tuple[tuple[str, ...], tuple[str, ...], frozenset[str], bool, bool]
# The expansions made in this process, by what they were made from. A start reads those of
# the previous run from the lexicon cache (see :func:`recall`): making them again is a good
# part of it.
_MADE: dict[ExpandKey, dict[str, Inflection]] = {}
_LIMIT = 20_000  # expansions kept (a long-lived process that loads many lexicons)


def expand(
    terms: tuple[str, ...],
    extra_forms: tuple[str, ...],
    *,
    plural_forms: frozenset[str] = frozenset(),
    inflect_plural: bool,
    inflect_possessive: bool,
) -> dict[str, Inflection]:
    """All surface forms (in normalized view) of an entry's terms, with how each was made."""
    key = (terms, extra_forms, plural_forms, inflect_plural, inflect_possessive)
    found = _MADE.get(key)
    if found is None:
        found = _expanded(*key)
        if len(_MADE) >= _LIMIT:
            _MADE.clear()
        _MADE[key] = found
    return dict(found)


def made() -> dict[ExpandKey, dict[str, Inflection]]:
    """The expansions made or recalled in this process, by what each was made from."""
    return dict(_MADE)


def recall(known: dict[ExpandKey, dict[str, Inflection]]) -> None:
    """Take expansions made by an earlier run (see :func:`made`) instead of making them."""
    for key, forms in known.items():
        _MADE.setdefault(key, forms)


def _expanded(
    terms: tuple[str, ...],
    extra_forms: tuple[str, ...],
    plural_forms: frozenset[str],
    inflect_plural: bool,
    inflect_possessive: bool,
) -> dict[str, Inflection]:
    forms: dict[str, Inflection] = {}

    def add(text: str, infl: Inflection) -> None:
        for variant in _joiners(text):
            forms.setdefault(variant, infl)

    for raw in terms:
        base = normalize_term(raw)
        add(base, Inflection(raw))
        plurals = [plural(base)] if inflect_plural and not base.endswith(_NO_PLURAL_ENDINGS) else []
        for p in plurals:
            add(p, Inflection(raw, plural=True))
        if inflect_possessive:
            for pos in possessives(base, False):
                add(pos, Inflection(raw, possessive=True))
            for p in plurals:
                for pos in possessives(p, True):
                    add(pos, Inflection(raw, plural=True, possessive=True))
    for raw in extra_forms:
        form = normalize_term(raw)
        is_plural = raw in plural_forms
        add(form, Inflection(raw, plural=is_plural))
        if inflect_possessive:
            for pos in possessives(form, is_plural or form.endswith("s")):
                add(pos, Inflection(raw, plural=is_plural, possessive=True))
    return forms
