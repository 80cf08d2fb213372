"""Checks for user-written pattern rules: they must compile and must not hang."""

from __future__ import annotations

import re

import regex

# A repeated group that itself contains an unbounded repeat, such as (a+)+ or (\w+\s?)*,
# can backtrack exponentially.
_NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)(?:[+*]|\{\d*,\})")
PROBE_TIMEOUT = 0.2


def pattern_problem(source: str) -> str | None:
    """Why a pattern cannot be used, or None when it is fine."""
    try:
        compiled = regex.compile(source)
    except regex.error as exc:
        return f"pattern does not compile: {exc}"
    if _NESTED_QUANTIFIER.search(source):
        return (
            "pattern can hang: a repeated group contains another unbounded repeat "
            "(as in '(a+)+'); rewrite it without nested repetition"
        )
    if compiled.search(""):
        return "pattern matches empty text; it must match at least one character"
    literal = "".join(ch for ch in source if ch.isalnum()) or "a"
    probes = [literal[0] * 2000 + "!", (literal + " ") * 200 + "!", " " * 2000 + "!"]
    for probe in probes:
        try:
            compiled.search(probe, timeout=PROBE_TIMEOUT)
        except TimeoutError:
            return (
                f"pattern can hang: it took over {PROBE_TIMEOUT}s on a 2 KB test string "
                "(catastrophic backtracking)"
            )
    return None
