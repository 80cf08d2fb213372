"""Letter case of matched text and of the words next to it, in the source as written."""

from __future__ import annotations


def case_of(text: str) -> str:
    """ "upper" (two or more letters, all capitals), "capitalized" or "lower"."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "lower"
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "upper"
    if letters[0].isupper():
        return "capitalized"
    return "lower"


def next_capitalized(text: str, end: int) -> bool:
    """Whether the word after ``end`` (past spaces) starts with a capital."""
    i = end
    while i < len(text) and text[i] in " \t\u00a0":
        i += 1
    if i == end or i >= len(text):
        return False
    return text[i].isupper()


def prev_capitalized(text: str, start: int) -> bool:
    """Whether the word before ``start`` (past spaces) starts with a capital."""
    i = start
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    if i == start or i == 0 or not text[i - 1].isalnum():
        return False
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in ".'"):
        j -= 1
    return text[j].isupper()
