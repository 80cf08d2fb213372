"""Fenced code blocks in Markdown, read as CommonMark reads their fences.

A fence opens with three or more backticks or tildes, indented at most three columns (a
backtick fence's info string holds no backtick), and closes on a line of as many or more of
the same character and blanks only. The Markdown reader cuts large files and finds long
blocks with it, and the search for suppression comments leaves code alone with it.
"""

from __future__ import annotations

from .lazyre import lazy_compile

OPENING = lazy_compile(r"^[ \t]{0,3}(?:(`{3,})(?!.*`)|(~{3,}))")
CLOSING = lazy_compile(r"[ \t]{0,3}(`{3,}|~{3,})[ \t]*(?:\r?\n|\r)?\Z")


def opens(line: str) -> str | None:
    """The marker of the fence ``line`` opens, or None."""
    m = OPENING.match(line)
    return None if m is None else m.group(1) or m.group(2)


def closes(line: str, marker: str) -> bool:
    """Whether ``line`` closes the fence that ``marker`` opened."""
    m = CLOSING.match(line)
    return m is not None and m.group(1)[0] == marker[0] and len(m.group(1)) >= len(marker)


def fenced_blocks(text: str) -> list[tuple[int, int]]:
    """Where the fenced code blocks of ``text`` lie, each from the start of its opening line
    to the end of its closing one (an unclosed one runs to the end of the text)."""
    out: list[tuple[int, int]] = []
    if "``" not in text and "~~" not in text:
        return out
    pos = 0
    opened: tuple[int, str] | None = None
    for line in text.splitlines(keepends=True):
        if opened is None:
            marker = opens(line)
            if marker is not None:
                opened = (pos, marker)
        elif closes(line, opened[1]):
            out.append((opened[0], pos + len(line)))
            opened = None
        pos += len(line)
    if opened is not None:
        out.append((opened[0], len(text)))
    return out
