"""What a run produces for the reporters: the :class:`Report` of ``check``, and the data of the
``rules`` listing and of ``explain``.

This is the model layer of output: reporters (built-in or plugins) render these objects and
never depend on the runner that fills them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Finding, Rule, Severity


@dataclass(slots=True)
class Report:
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
