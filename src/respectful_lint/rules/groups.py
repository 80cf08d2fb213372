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


def _group_parts(group: ConceptGroup) -> tuple[tuple[str, ...], list[list[str]]]:
    """The literal forms of ``group``'s terms, and the words of each prefix term ("sex~work*"),
    in the order the group's expression tries them."""
    from ..inflect import expand

    literal = tuple(t for t in group.terms if not t.endswith("*"))
    prefixes = [t[:-1] for t in group.terms if t.endswith("*")]
    forms = expand(literal, (), inflect_plural=group.inflect, inflect_possessive=group.inflect)
    return tuple(forms), [p.replace("~", " ").split(" ") for p in sorted(set(prefixes))]


def group_pattern(group: ConceptGroup) -> str:
    """A regular expression (without word boundaries) matching any term of ``group``."""
    from ..scan import trie_regex

    forms, prefixes = _group_parts(group)
    alternatives = [trie_regex(forms)] if forms else []
    for words in prefixes:
        alternatives.append("[ -]?".join(re.escape(w) for w in words) + r"[\w']*")
    return "|".join(f"(?:{a})" for a in alternatives)


def bounded(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + pattern + r")(?!\w)")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what the expressions' \w matches


class GroupMatcher:
    """Finds the terms of a concept group where ``bounded(group_pattern(group))`` finds them,
    with the same spans, but without compiling that expression until it pays.

    Compiling one group's expression (a trie of a few hundred forms) takes a millisecond or
    two, and a run over one short draft that names sex work compiles several: a fifth of its
    start-up. Until :data:`COMPILE_AFTER` windows have been searched, each window is searched
    for each form with ``str.find`` instead: at each start, the longest literal form whose end
    is a word's end, else the first prefix term (in sorted order) extended over word
    characters and apostrophes, leftmost first and without overlaps, as the expression's
    alternation chooses.
    """

    __slots__ = ("_compiled", "_forms", "_group", "_prefixes", "_uses")

    COMPILE_AFTER = 64

    def __init__(self, group: ConceptGroup) -> None:
        forms, prefixes = _group_parts(group)
        self._group = group
        self._forms = forms
        # each prefix term as the strings it may be written as: words joined by a space, a
        # hyphen or nothing ("[ -]?")
        self._prefixes: list[tuple[str, ...]] = [_joinings(words) for words in prefixes]
        self._compiled: re.Pattern[str] | None = None
        self._uses = 0

    def _pattern(self) -> re.Pattern[str] | None:
        if self._compiled is None:
            self._uses += 1
            if self._uses > self.COMPILE_AFTER:
                self._compiled = bounded(group_pattern(self._group))
        return self._compiled

    def _starts(self, norm: str, start: int, end: int) -> dict[int, int]:
        """Each start of a match in ``norm[start:end]``, overlapping or not, and its end."""
        found: dict[int, int] = {}
        find = norm.find
        for form in self._forms:
            size = len(form)
            at = find(form, start, end)
            while at != -1:
                stop = at + size
                if (
                    (at == 0 or not _is_word(norm[at - 1]))
                    and (stop >= end or not _is_word(norm[stop]))
                    and found.get(at, -1) < stop
                ):
                    found[at] = stop
                at = find(form, at + 1, end)
        literal = set(found)
        for joinings in self._prefixes:
            for prefix in joinings:
                at = find(prefix, start, end)
                while at != -1:
                    if at not in literal and (at == 0 or not _is_word(norm[at - 1])):
                        stop = at + len(prefix)
                        while stop < end and (norm[stop] == "'" or _is_word(norm[stop])):
                            stop += 1
                        found.setdefault(at, stop)
                    at = find(prefix, at + 1, end)
            literal = set(found)  # an earlier prefix term wins at its starts
        return found

    def spans(self, norm: str, start: int, end: int) -> list[tuple[int, int]]:
        """``[m.span() for m in pattern.finditer(norm, start, end)]``."""
        compiled = self._pattern()
        if compiled is not None:
            return [m.span() for m in compiled.finditer(norm, start, end)]
        out: list[tuple[int, int]] = []
        last = -1
        for at, stop in sorted(self._starts(norm, start, end).items()):
            if at >= last:
                out.append((at, stop))
                last = stop
        return out

    def search(self, norm: str, start: int, end: int) -> bool:
        """Whether ``pattern.search(norm, start, end)`` finds anything."""
        compiled = self._pattern()
        if compiled is not None:
            return compiled.search(norm, start, end) is not None
        return bool(self._starts(norm, start, end))

    def fullmatch(self, word: str) -> bool:
        """Whether ``pattern.fullmatch(word)`` matches: the word is a form, or a prefix term
        followed only by word characters and apostrophes."""
        if word in self._forms:
            return True
        return any(
            word.startswith(prefix) and all(ch == "'" or _is_word(ch) for ch in word[len(prefix) :])
            for joinings in self._prefixes
            for prefix in joinings
        )


def _joinings(words: list[str]) -> tuple[str, ...]:
    """``words`` joined in every way ``[ -]?`` allows between each two."""
    out = [words[0]]
    for word in words[1:]:
        out = [f"{head}{sep}{word}" for head in out for sep in (" ", "-", "")]
    return tuple(out)


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
