"""Findings: what a check reports, with the fix it may offer. Every output format is rendered
from :class:`Finding`."""

from __future__ import annotations

from typing import Literal

from msgspec import Struct

from ..lazyre import lazy_compile
from .document import Location
from .lexicon import Severity


class Fix(Struct, frozen=True):
    """Edits that would apply the first preferred wording.

    ``reason`` says why a fix that a lexicon calls safe is unsafe here (markup inside the
    match, a verb that would no longer agree). ``positions`` gives each edit's 1-based line
    and column and its end line and (exclusive) end column, as a finding's.
    """

    edits: tuple[tuple[int, int, str], ...]
    applicability: Literal["safe", "unsafe"]
    reason: str | None = None
    positions: tuple[tuple[int, int, int, int], ...] = ()


class Finding(Struct, frozen=True):
    """One reported match. Every output format is rendered from this type."""

    path: str
    rule: str
    category: str
    severity: Severity
    message: str
    matched: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    suggestions: tuple[str, ...]
    note: str
    sources: tuple[str, ...]
    segment_kind: str = "prose"
    fix: Fix | None = None
    location: Location | None = None
    context: str = ""  # the words of the sentence around the match (see baseline.py)
    # For each suggestion, the source span it replaces to stand in the text as written (the
    # match, or more: "HIV-infected mothers" for "mothers living with HIV"), or None where it
    # is an idea that does not fit there ("living with HIV" before "mothers"). Empty when not
    # known: each suggestion then replaces the match.
    places: tuple[tuple[int, int] | None, ...] = ()

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    @property
    def fingerprint(self) -> str:
        """Stable across runs and unrelated edits: the rule, the file's name (not its folder),
        the matched words and the words of their sentence, case-folded, without punctuation
        or line breaks."""
        name = self.path.replace("\\", "/").rsplit("/", 1)[-1]
        matched = " ".join(_WORDS.findall(self.matched.casefold()))
        raw = "\0".join((self.rule, name, matched, self.context)).encode()
        import hashlib  # here: loading OpenSSL's library is not worth it on every start

        return hashlib.sha256(raw).hexdigest()[:16]


_WORDS = lazy_compile(r"\w+")
