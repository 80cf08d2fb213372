"""Core types shared by every part of respectful-lint.

The types are ``msgspec`` structs, created in C so that a start pays next to nothing for them;
all are frozen but :class:`Document`. Offsets are code points; line and column numbers are
1-based and end columns are exclusive.

The types are defined by subject: lexicons and rules (:mod:`.lexicon`), documents and their
segments (:mod:`.document`) and findings (:mod:`.finding`); every one is importable from here.
"""

from __future__ import annotations

from .document import ChunkedText, Document, Location, OffsetMap, Segment, line_starts
from .finding import Finding, Fix
from .lexicon import (
    SLOTS,
    ConceptGroup,
    Condition,
    Conflation,
    Entry,
    Examples,
    FixApplicability,
    Guard,
    GuardAction,
    Inflection,
    Lexicon,
    Preferred,
    QuotePolicies,
    QuotePolicy,
    Rule,
    Severity,
    Source,
    WordWindow,
)

__all__ = [
    "SLOTS",
    "ChunkedText",
    "ConceptGroup",
    "Condition",
    "Conflation",
    "Document",
    "Entry",
    "Examples",
    "Finding",
    "Fix",
    "FixApplicability",
    "Guard",
    "GuardAction",
    "Inflection",
    "Lexicon",
    "Location",
    "OffsetMap",
    "Preferred",
    "QuotePolicies",
    "QuotePolicy",
    "Rule",
    "Segment",
    "Severity",
    "Source",
    "WordWindow",
    "line_starts",
]
