"""Word lists written as one string of words, the way the modules that judge text keep them."""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The words of ``text`` (split at white space), as a set."""
    return frozenset(text.split())
