"""Reporters render a :class:`~respectful_lint.runner.Report`.

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
    from ..runner import Report


@dataclass(frozen=True, slots=True)
class RenderOptions:
    color: bool = False
    explain: bool = True
    quiet: bool = False  # only the findings: no summary
    fail_on: Severity = Severity.WARNING  # findings at or above it fail (JUnit test cases)


class Reporter(Protocol):
    name: ClassVar[str]

    def render(self, report: Report, options: RenderOptions) -> str: ...


def registry() -> dict[str, type[Reporter]]:
    return _registry(plugins.active())


@lru_cache(maxsize=4)
def _registry(chosen: plugins.Choice) -> dict[str, type[Reporter]]:
    found: dict[str, type[Reporter]] = {}
    for ep in plugins.enabled("respectful_lint.reporters", chosen):
        try:
            found[ep.name] = ep.load()
        except Exception as exc:
            dist = plugins.distribution(ep)
            raise LintError(
                f"reporter plugin '{ep.name}' from {dist} failed to load: {exc}"
            ) from None
    if not found:  # running from a source tree that was never installed
        from .concise import ConciseReporter
        from .github import GithubReporter
        from .json import JsonReporter
        from .junit import JunitReporter
        from .sarif import SarifReporter
        from .text import TextReporter

        found = {
            "concise": ConciseReporter,
            "github": GithubReporter,
            "json": JsonReporter,
            "junit": JunitReporter,
            "sarif": SarifReporter,
            "text": TextReporter,
        }
    return found


def get_reporter(name: str) -> Reporter:
    reporters = registry()
    if name not in reporters:
        raise LintError(f"unknown format '{name}'; known: {', '.join(sorted(reporters))}")
    return reporters[name]()
