"""Reporters render a :class:`~respectful_lint.report.Report`.

Reporters register under the ``respectful_lint.reporters`` entry-point group; each is a class
with a ``name`` and a ``render(report, options) -> str`` method.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar, Protocol

from .. import plugins
from ..errors import LintError
from ..model import Severity

if TYPE_CHECKING:
    from ..report import Report


GROUP = "respectful_lint.reporters"


@dataclass(frozen=True, slots=True)
class RenderOptions:
    color: bool = False
    explain: bool = True
    quiet: bool = False  # only the findings: no summary
    fail_on: Severity = Severity.WARNING  # findings at or above it fail (JUnit test cases)


class Reporter(Protocol):
    name: ClassVar[str]

    def render(self, report: Report, options: RenderOptions) -> str: ...


class _Entry(plugins.LazyEntry["type[Reporter]"]):
    """A registered reporter, imported on first use."""

    kind = "reporter"


def registry() -> dict[str, type[Reporter]]:
    """Reporter classes by name (every one imported)."""
    return {name: entry.load() for name, entry in _entries().items()}


def _entries() -> dict[str, _Entry]:
    """The registered reporters; plugins are imported at once, so a broken one is reported on
    every run, and built-ins when first used."""
    entries = _registry(plugins.active())
    for entry in entries.values():
        if not entry.builtin:
            entry.load()
    return entries


@lru_cache(maxsize=4)
def _registry(chosen: plugins.Choice) -> dict[str, _Entry]:
    found = {ep.name: _Entry(ep.name, ep) for ep in plugins.enabled(GROUP, chosen)}
    if not found:  # running from a source tree that was never installed
        from .concise import ConciseReporter
        from .github import GithubReporter
        from .json import JsonReporter
        from .junit import JunitReporter
        from .sarif import SarifReporter
        from .text import TextReporter

        classes: dict[str, type[Reporter]] = {
            "concise": ConciseReporter,
            "github": GithubReporter,
            "json": JsonReporter,
            "junit": JunitReporter,
            "sarif": SarifReporter,
            "text": TextReporter,
        }
        found = {name: _Entry(name, None, cls) for name, cls in classes.items()}
    return found


def get_reporter(name: str) -> Reporter:
    reporters = _entries()
    if name not in reporters:
        raise LintError(f"unknown format '{name}'; known: {', '.join(sorted(reporters))}")
    return reporters[name].load()()
