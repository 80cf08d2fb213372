"""Sentence ends in the normalized view, aware of abbreviations, initials and decimals.

A full stop after a known abbreviation ("i.e.", "e.g.", "U.S.", "Dr.") or a single letter or
digit (an initial, a list number) does not end a sentence, and a full stop inside a number
("3.5") is never followed by a space, so it is never seen. Colons and semicolons do not end a
sentence ("Sex work and trafficking: what is the difference?" is one sentence). A paragraph
separator always does.
"""

from __future__ import annotations

import re

from .normalize import PARAGRAPH

SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?= |$)|" + PARAGRAPH)
ABBREVIATIONS = frozenset(
    (
        "i.e",
        "e.g",
        "etc",
        "vs",
        "cf",
        "al",
        "approx",
        "dr",
        "mr",
        "mrs",
        "ms",
        "mx",
        "st",
        "no",
        "nos",
        "fig",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "inc",
        "jr",
        "sr",
        "a.k.a",
        "aka",
        "prof",
        "rev",
        "gen",
        "sen",
        "rep",
        "gov",
        "dept",
        "est",
        "ca",
        "a.m",
        "p.m",
        "ph.d",
        "u.s.c",
        "sec",
        "art",
        "para",
        "vol",
        "pp",
        "ed",
        "eds",
        "lt",
        "sgt",
        "capt",
        "det",
        "supt",
        "insp",
        "cllr",
        "hon",
    )
)
SENTENCE_WINDOW = 600  # characters searched either side of an offset for sentence ends


def ends_sentence(norm: str, match: re.Match[str]) -> bool:
    """Whether a match of :data:`SENTENCE_END` really ends a sentence."""
    if match.group()[0] != ".":
        return True
    if match.group().startswith(".."):
        return True  # an ellipsis
    start = match.start()
    word = norm[max(0, start - 12) : start].rsplit(" ", 1)[-1].lstrip("(\"'")
    return not (word in ABBREVIATIONS or len(word) <= 1)


def sentence_bounds(norm: str, offset: int, window: int = SENTENCE_WINDOW) -> tuple[int, int]:
    """Start and end of the sentence holding ``offset``; only ``window`` characters either side
    are searched, so long paragraphs stay cheap. The end includes the closing punctuation."""
    lo, hi = max(0, offset - window), min(len(norm), offset + window)
    start, end = lo, hi
    for m in SENTENCE_END.finditer(norm, lo, hi):
        if not ends_sentence(norm, m):
            continue
        if m.end() <= offset:
            start = m.end()
        else:
            end = m.end()
            break
    while start < end and norm[start] in " " + PARAGRAPH:
        start += 1
    return start, end
