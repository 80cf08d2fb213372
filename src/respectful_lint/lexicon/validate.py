"""Validation of lexicon YAML into :class:`~respectful_lint.model.Lexicon` objects.

Every error names ``file:line:col`` and the offending key, and suggests a close match for
unknown keys and values. ``lexicons/schema.json`` describes the same format for editors; a test
keeps the two in step.

The checks are in parts: plain values and the keys a file may hold (``validate_base``), what
the lexicon declares for its entries to refer to (``validate_declared``), the words an entry
matches and suggests (``validate_wording``) and the entry as a whole (``validate_entry``).
Rule kinds and guard tests call back into the one validator object that combines them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from ..model import Entry, Lexicon
from ..validation import typename as _typename
from .validate_base import (
    ACTIONS,
    CATEGORY_RE,
    CONDITION_KEYS,
    CONFLATION_GUARD_TESTS,
    ENTRY_KEYS,
    EXAMPLES_KEYS,
    FIXES,
    FORM_KEYS,
    GROUP_KEYS,
    GROUP_REF_RE,
    GUARD_KEYS,
    ID_RE,
    INFLECT_KEYS,
    PREFERRED_KEYS,
    QUOTE_POLICIES,
    QUOTES_KEYS,
    SEVERITIES,
    SOURCE_KEYS,
    TOP_KEYS,
    UNDATED,
    T,
)
from .validate_entry import EntryChecks
from .yamlload import Located, LocatedError, Path

__all__ = [
    "ACTIONS",
    "CATEGORY_RE",
    "CONDITION_KEYS",
    "CONFLATION_GUARD_TESTS",
    "ENTRY_KEYS",
    "EXAMPLES_KEYS",
    "FIXES",
    "FORM_KEYS",
    "GROUP_KEYS",
    "GROUP_REF_RE",
    "GUARD_KEYS",
    "ID_RE",
    "INFLECT_KEYS",
    "PREFERRED_KEYS",
    "QUOTES_KEYS",
    "QUOTE_POLICIES",
    "SEVERITIES",
    "SOURCE_KEYS",
    "TOP_KEYS",
    "UNDATED",
    "validate",
    "validate_all",
]


class _Validator(EntryChecks):
    """Checks one lexicon document: its top-level keys, then each part in turn."""

    def lexicon(self) -> Lexicon:
        top = self.mapping(self.doc.data, (), TOP_KEYS, "the lexicon")
        lex_id = self.attempt(partial(self.the_lexicon_id, top)) or "lexicon"
        version = self.attempt(partial(self.top, top, "version", self.integer)) or 1
        if version != 1:
            self.attempt(
                partial(
                    self.fail, ("version",), f"unknown lexicon format version {version}: 1 is read"
                )
            )
        language = self.attempt(partial(self.top, top, "language", self.string)) or "en"
        description = self.attempt(partial(self.top, top, "description", self.string)) or ""
        sources = self.attempt(partial(self.sources, top.get("sources", {}))) or {}
        disabled = self.attempt(partial(self.strings, top.get("disable", []), ("disable",))) or ()
        self.lexicon_id = lex_id
        self.lists = self.attempt(partial(self.word_lists, top.get("lists", {}))) or {}
        groups = self.attempt(partial(self.groups, top.get("groups", {}), lex_id)) or ()
        raw_entries = self.require(top, (), "entries", "the lexicon")
        if not isinstance(raw_entries, list):
            self.fail(("entries",), f"'entries' must be a list, got {_typename(raw_entries)}")
        entries: list[Entry] = []
        seen: dict[str, int] = {}
        for i, raw in enumerate(raw_entries):
            entry = self.attempt(partial(self.entry, raw, ("entries", i), sources))
            if entry is None:
                continue
            if entry.id in seen:
                self.fail(
                    ("entries", i, "id"),
                    f"duplicate entry id '{entry.id}' (first defined on line {seen[entry.id]})",
                )
            seen[entry.id] = entry.line
            entries.append(entry)
        return Lexicon(
            id=lex_id,
            version=version,
            language=language,
            description=description,
            sources=sources,
            entries=tuple(entries),
            path=self.doc.file,
            disabled=disabled,
            groups=groups,
        )

    def the_lexicon_id(self, top: dict[str, Any]) -> str:
        lex_id = self.string(self.require(top, (), "lexicon", "the lexicon"), ("lexicon",))
        if not ID_RE.match(lex_id):
            self.fail(
                ("lexicon",),
                f"lexicon id {lex_id!r} must be lower-case letters, digits and hyphens",
            )
        return lex_id

    def top(self, top: dict[str, Any], key: str, check: Callable[[Any, Path], T]) -> T:
        return check(self.require(top, (), key, "the lexicon"), (key,))


def validate(doc: Located, *, builtin: bool = True) -> Lexicon:
    """Turn loaded YAML into a :class:`Lexicon`, or raise a ``file:line:col`` error."""
    return _Validator(doc, builtin=builtin).lexicon()


def validate_all(
    doc: Located, *, builtin: bool = False
) -> tuple[Lexicon | None, list[LocatedError], list[LocatedError]]:
    """The lexicon (None when it has errors), every error found and every warning."""
    validator = _Validator(doc, builtin=builtin, collect=True)
    lexicon = validator.attempt(validator.lexicon)
    errors = sorted(validator.errors, key=lambda e: (e.line, e.col))
    return (None if errors else lexicon), errors, validator.warnings
