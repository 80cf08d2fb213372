"""Sentence ends in the normalized view, aware of abbreviations, initials and decimals.

A full stop after a known abbreviation ("i.e.", "e.g.", "U.S.", "Dr.") or a single letter or
digit (an initial, a list number) does not end a sentence, and a full stop inside a number
("3.5") is never followed by a space, so it is never seen. Colons and semicolons do not end a
sentence ("Sex work and trafficking: what is the difference?" is one sentence). A paragraph
separator always does.
"""

from __future__ import annotations

import re

from .lazyre import lazy_compile
from .normalize import PARAGRAPH

SENTENCE_END = lazy_compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?= |$)|" + PARAGRAPH)
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
    # The start: the last sentence end at or before the offset, looked for close by first.
    start = lo
    stop = min(len(norm), offset + 1)  # enough for the lookahead of an end at the offset
    for reach in (_NEAR, window):
        a = max(lo, offset - reach)
        found = -1
        for m in SENTENCE_END.finditer(norm, a, stop):
            if m.end() <= offset and ends_sentence(norm, m):
                found = m.end()
        if found != -1 or a == lo:
            start = max(found, lo)
            break
    # The end: the first sentence end after the offset (one may begin just before it).
    end = hi
    for m in SENTENCE_END.finditer(norm, max(lo, offset - 8), hi):
        if m.end() > offset and ends_sentence(norm, m):
            end = m.end()
            break
    while start < end and norm[start] in " " + PARAGRAPH:
        start += 1
    return start, end


_NEAR = 160  # most sentences start within this many characters before an offset


# The longest segment matched at once: a reader cuts a longer run of text (see :func:`cut_at`),
# and so does the engine, so memory and a file's cap on findings stay bounded
SEGMENT_SIZE = 64 * 1024
_SENTENCE_CUT = lazy_compile(r"[.!?][\"')\]]*\s+|\n[ \t\r]*\n\s*")


def cut_at(piece: str) -> int:
    """The best place to end a segment within ``piece``: after a paragraph, sentence or space."""
    para = piece.rfind("\n\n")
    if para > 0:
        return para + 2
    best = -1
    for m in _SENTENCE_CUT.finditer(piece, max(0, len(piece) - 4096)):
        best = m.end()
    if best > 0:
        return best
    space = max(piece.rfind(" "), piece.rfind("\n"))
    return space + 1 if space > 0 else len(piece)
