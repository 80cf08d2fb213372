"""Helpers shared by the conflation tests."""

from __future__ import annotations

from respectful_lint import lint_text
from respectful_lint.model import Finding


def conflations(text: str, kind: str = "text") -> list[Finding]:
    return [f for f in lint_text(text, kind=kind) if f.category == "conflation"]


def found(text: str, kind: str = "text") -> list[tuple[str, str, str]]:
    """(rule, matched text, severity) of every conflation finding."""
    return [(f.rule, f.matched, f.severity.label) for f in conflations(text, kind)]


def rules(text: str) -> list[str]:
    """The rule of every finding, conflation or not."""
    return [f.rule for f in lint_text(text, kind="text")]
