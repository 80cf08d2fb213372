"""Reporters render a :class:`~respectful_lint.report.Report`, and may render rules.

Reporters register under the ``respectful_lint.reporters`` entry-point group; each is a class
with a ``name`` and a ``render(report, options) -> str`` method. A reporter that also has
``render_rules(listing, options)`` and ``render_explanation(explanation, options)`` (see
:class:`RuleReporter`) serves ``rules`` and ``explain`` too; for the others those commands say
that the format cannot show rules.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar, Protocol, cast

from .. import plugins
from ..errors import LintError
from ..report import RenderOptions

if TYPE_CHECKING:
    from ..report import Report, RuleExplanation, RuleListing


GROUP = "respectful_lint.reporters"


class Reporter(Protocol):
    name: ClassVar[str]

    def render(self, report: Report, options: RenderOptions) -> str: ...


class RuleReporter(Reporter, Protocol):
    """A reporter that can also render the ``rules`` listing and ``explain``."""

    def render_rules(self, listing: RuleListing, options: RenderOptions) -> str: ...

    def render_explanation(self, explanation: RuleExplanation, options: RenderOptions) -> str: ...


class _Entry(plugins.LazyEntry["type[Reporter]"]):
    """A registered reporter, imported on first use."""

    kind = "reporter"


def registry() -> dict[str, type[Reporter]]:
    """Reporter classes by name (every one imported: a broken plugin is an error)."""
    return {name: entry.load() for name, entry in _registry(plugins.active()).items()}


@lru_cache(maxsize=4)
def _registry(chosen: plugins.Choice) -> dict[str, _Entry]:
    """The registered reporters, each imported when first used."""
    return plugins.registered(GROUP, chosen, _Entry, _builtins)


def _builtins() -> dict[str, type[Reporter]]:
    from .concise import ConciseReporter
    from .github import GithubReporter
    from .json import JsonReporter
    from .junit import JunitReporter
    from .sarif import SarifReporter
    from .text import TextReporter

    return {
        "concise": ConciseReporter,
        "github": GithubReporter,
        "json": JsonReporter,
        "junit": JunitReporter,
        "sarif": SarifReporter,
        "text": TextReporter,
    }


def get_reporter(name: str) -> Reporter:
    """The reporter ``name``; only it is imported, so a broken plugin matters only when asked
    for."""
    reporters = _registry(plugins.active())
    if name not in reporters:
        raise LintError(f"unknown format '{name}'; known: {', '.join(sorted(reporters))}")
    return reporters[name].load()()


def get_rule_reporter(name: str) -> RuleReporter:
    """The reporter ``name``, for ``rules`` and ``explain``; an error for a format that cannot
    show rules."""
    reporter = get_reporter(name)
    if not all(
        callable(getattr(reporter, m, None)) for m in ("render_rules", "render_explanation")
    ):
        raise LintError(f"format '{name}' cannot show rules; use text or json")
    return cast(RuleReporter, reporter)


__all__ = [
    "GROUP",
    "RenderOptions",
    "Reporter",
    "RuleReporter",
    "get_reporter",
    "get_rule_reporter",
    "registry",
]
