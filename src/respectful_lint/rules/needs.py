"""What a segment's view must hold before a rule's ``requires`` can be met.

A requirement such as ``near: {words: [drug, needle*], window: 8}`` holds only where one of
its words is among the nearest words of the sentence, so only where that word stands in the
view at all. For each condition of ``requires``, the words of one of its positive word-window
tests (``before``, ``after``, ``near``) are what it needs; a candidate of a rule none of whose
conditions finds its words in the segment is refused without reading its context. This is
exact: it passes over only candidates that the requirement itself would refuse.

Of a condition's word-window tests the one whose shortest word is longest is used; a condition
whose every test names a word shorter than four characters ("a", "the"), or starts a phrase
with any word, leaves its rule unconstrained.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from ..model import Entry, WordWindow
from ..normalize import is_word
from ..scan_base import Scanner

# One set per condition of ``requires``: a word of it must stand in the view for the
# condition to hold.
Needs = tuple[frozenset[str], ...]

WINDOW_TESTS = ("before", "after", "near")
SHORTEST = 4  # a set with a shorter word is found nearly everywhere: not worth looking for


def requirement_needs(entry: Entry) -> Needs | None:
    """What the view must hold for some condition of ``entry.requires`` to hold (None: no
    requirements, or a condition that needs no particular word)."""
    if not entry.requires:
        return None
    needs: list[frozenset[str]] = []
    for condition in entry.requires:
        sets = []
        for name, value in condition.tests:
            if name in WINDOW_TESTS and isinstance(value, WordWindow):
                words = first_words(value)
                if words is not None and _shortest(words) >= SHORTEST:
                    sets.append(words)
        if not sets:
            return None  # this condition may hold in any view
        needs.append(max(sets, key=lambda s: (_shortest(s), -len(s))))
    return tuple(needs)


def _shortest(words: frozenset[str]) -> int:
    return min(len(w.rstrip("*")) for w in words)


def first_words(window: WordWindow) -> frozenset[str] | None:
    """The first word of each phrase of the window, a prefix keeping its ``*``; None when a
    phrase may start with any word."""
    words = set()
    for phrase in window.phrases:
        if phrase[0] == "*":
            return None
        words.add(phrase[0])
    return frozenset(words)


def met(needs: Needs, present: Collection[str]) -> bool:
    """Whether some condition finds a word of its set among the words ``present``."""
    return any(not words.isdisjoint(present) for words in needs)


def scanner_words(needs: Iterable[Needs]) -> tuple[set[str], set[str]]:
    """The whole words and the word starts (written ``needle*``) that ``needs`` name."""
    whole: set[str] = set()
    starts: set[str] = set()
    for need in needs:
        for words in need:
            for word in words:
                if word.endswith("*"):
                    starts.add(word[:-1])
                else:
                    whole.add(word)
    return whole, starts


def present(scanner: Scanner, norm: str) -> frozenset[str]:
    """The needed words that stand in ``norm``: whole words as found by the scan, and word
    starts (kept with their ``*``) found at the start of a word."""
    hits = scanner.scan(norm)
    found = {norm[start:end] for start, end in hits.terms}
    for start_text, places in hits.literals.items():
        if any(at == 0 or not is_word(norm[at - 1]) for at in places):
            found.add(start_text + "*")
    return frozenset(found)
