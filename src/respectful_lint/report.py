"""What a run produces for the reporters: the :class:`Report` of ``check``, and the data of the
``rules`` listing and of ``explain``.

This is the model layer of output: reporters (built-in or plugins) render these objects and
never depend on the runner that fills them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from msgspec import Struct, field

from .model import Finding, Rule, Severity


class RenderOptions(Struct, frozen=True):
    """How a reporter shows a report: the run's options."""

    color: bool = False
    explain: bool = True
    quiet: bool = False  # only the findings: no summary
    fail_on: Severity = Severity.WARNING  # findings at or above it fail (JUnit test cases)


class Report(Struct):
    """The outcome of a run: findings, per-file problems and what was checked."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    files: int = 0
    notes: list[str] = field(default_factory=list)  # skipped on purpose: no error
    lines: dict[tuple[str, int], str] = field(default_factory=dict)
    checked: list[str] = field(default_factory=list)  # the names of the files checked
    rules: tuple[Rule, ...] = ()  # the rules that ran
    baselined: int = 0  # findings left out because the baseline has them

    def count(self, at_least: Severity) -> int:
        return sum(1 for f in self.findings if f.severity >= at_least)


class RuleRow(NamedTuple):
    """One rule of the ``rules`` listing."""

    id: str
    lexicon: str
    category: str
    severity: str  # its label, as the profile gives it
    kind: str
    fix: str
    preferred: tuple[str, ...]
    tags: tuple[str, ...]
    headline: str  # the wording a table shows: the first that fits anywhere, or "-"

    def as_dict(self) -> dict[str, Any]:
        """The rule as ``rules --format json`` gives it."""
        return {
            "id": self.id,
            "lexicon": self.lexicon,
            "category": self.category,
            "severity": self.severity,
            "kind": self.kind,
            "fix": self.fix,
            "preferred": list(self.preferred),
            "tags": list(self.tags),
        }


class RuleListing(NamedTuple):
    """What ``rules`` shows: the chosen rules, sorted by id."""

    rules: tuple[RuleRow, ...]


class Overridden(NamedTuple):
    """A field of a rule the project's configuration changes, and the file and line that do."""

    field: str
    value: str | list[str]
    origin: str | None


class RuleExplanation(NamedTuple):
    """What ``explain`` shows about one rule.

    ``data`` is its plain-data form (see :func:`respectful_lint.describe.explain_data`), which
    ``explain --format json`` gives as it is; ``profile`` names the profile shown when it is not
    the default one; ``overrides`` are the project's changes to the rule.
    """

    data: Mapping[str, Any]
    profile: str | None = None
    overrides: tuple[Overridden, ...] = ()
