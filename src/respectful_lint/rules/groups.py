"""Concept groups of conflation rules: merging them across lexicons, the regular expression of
a group, and the cheap literal anchors that say where a conflation may start."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import LexiconError
from ..model import ConceptGroup, Lexicon


def merge_groups(lexicons: Iterable[Lexicon]) -> dict[str, ConceptGroup]:
    """Every lexicon's groups by qualified id; a group naming another lexicon's adds to it."""
    merged: dict[str, ConceptGroup] = {}
    where: dict[str, str] = {}
    for lex in lexicons:
        for group in lex.groups:
            if group.extends:
                base = merged.get(group.id)
                if base is None:
                    raise LexiconError(
                        f"{lex.path}:{group.line}:3: group '{group.id}' adds to a group that "
                        "no earlier lexicon defines"
                    )
                merged[group.id] = ConceptGroup(
                    base.id,
                    base.description,
                    base.terms + group.terms,
                    base.inflect,
                    line=base.line,
                )
            elif group.id in merged:
                raise LexiconError(
                    f"{lex.path}:{group.line}:3: duplicate group '{group.id}' "
                    f"(also in {where[group.id]})"
                )
            else:
                merged[group.id] = group
                where[group.id] = lex.path
    return merged


def group_pattern(group: ConceptGroup) -> str:
    """A regular expression (without word boundaries) matching any term of ``group``."""
    from ..inflect import expand
    from ..scan import trie_regex

    literal = tuple(t for t in group.terms if not t.endswith("*"))
    prefixes = [t[:-1] for t in group.terms if t.endswith("*")]
    forms = expand(literal, (), inflect_plural=group.inflect, inflect_possessive=group.inflect)
    alternatives = [trie_regex(forms)] if forms else []
    for prefix in sorted(set(prefixes)):
        words = [re.escape(w) for w in prefix.replace("~", " ").split(" ")]
        alternatives.append("[ -]?".join(words) + r"[\w']*")
    return "|".join(f"(?:{a})" for a in alternatives)


def bounded(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + pattern + r")(?!\w)")


def find_all(text: str, needles: tuple[str, ...]) -> list[int]:
    """Sorted offsets of every occurrence of the needles (str.find is far faster than a regex)."""
    out: list[int] = []
    for needle in needles:
        find = text.find
        at = find(needle)
        while at != -1:
            out.append(at)
            at = find(needle, at + 1)
    out.sort()
    return out


# Words too common to look for first; a term made only of such words uses its longest one.
_COMMON = frozenset(
    [
        "work",
        "worker",
        "people",
        "person",
        "women",
        "woman",
        "men",
        "who",
        "sell",
        "sells",
        "selling",
        "paid",
        "buying",
        "trade",
        "trading",
        "modern",
        "day",
        "human",
        "commercial",
        "full",
        "service",
        "survival",
        "forced",
        "labour",
        "labor",
        "sexual",
        "white",
        "club",
        "industry",
        "the",
        "of",
        "for",
        "in",
    ]
)


def anchors(terms: Iterable[str]) -> tuple[str, ...]:
    """Strings of which every form of every term (plurals and joiners included) holds one."""
    from ..inflect import IRREGULAR_PLURALS

    found: set[str] = set()
    for term in terms:
        words = [w for w in term.rstrip("*").replace("~", " ").replace("-", " ").split() if w]
        if not words:
            continue
        rare = [w for w in words if w not in _COMMON] or words
        word = max(rare, key=len)
        if word == words[-1] and not term.endswith("*"):
            if word in IRREGULAR_PLURALS:
                plural = IRREGULAR_PLURALS[word]
                n = 0
                while n < min(len(word), len(plural)) and word[n] == plural[n]:
                    n += 1
                word = word[:n]
            elif word.endswith("y"):
                word = word[:-1]
        found.add(word or words[0])
    # a needle that contains another is redundant
    return tuple(sorted(a for a in found if not any(b != a and b in a for b in found)))
