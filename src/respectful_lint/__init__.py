"""respectful-lint: find stigmatizing or conflating language and suggest preferred wording.

The Python API::

    from respectful_lint import lint_text, lint_paths

    for finding in lint_text("Police arrested two prostitutes."):
        print(finding.line, finding.column, finding.rule, finding.suggestions)

A project's configuration is used only when passed::

    from respectful_lint.config import discover_config

    findings = lint_paths(["docs"], config=discover_config())
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import LexiconError, LintError, UsageError
from .model import Finding, Fix, Severity
from .version import __version__

if TYPE_CHECKING:
    from .config import Config, Settings
    from .lexicon import CompiledLexicon


__all__ = [
    "Finding",
    "Fix",
    "LexiconError",
    "LintError",
    "Severity",
    "UsageError",
    "__version__",
    "lint_paths",
    "lint_text",
]


def lint_text(
    text: str,
    *,
    kind: str = "markdown",
    path: str = "<text>",
    config: Config | None = None,
    lexicons: Sequence[str | Path] | None = None,
    default_lexicons: bool | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    min_severity: Severity | str | None = None,
    profile: str | None = None,
) -> list[Finding]:
    """Lint a string and return its findings, sorted by position.

    ``kind`` names the reader: ``"markdown"`` (the default), ``"text"``, ``"rst"``,
    ``"html"``, or one a plugin adds. ``lexicons`` adds lexicon files or folders to the
    built-in ones (which ``default_lexicons=False`` turns off). ``select`` and ``ignore`` take
    rule-id prefixes or categories, as on the command line, and ``min_severity`` hides lower
    findings (all are shown by default). ``profile`` names a context profile: ``"default"``,
    ``"legal"`` or ``"community"``.

    No configuration file is read unless one is passed: ``config`` is a
    :class:`~respectful_lint.config.Config` (from :func:`~respectful_lint.config.load_config`
    or :func:`~respectful_lint.config.discover_config`). The other arguments replace its
    values, as options do on the command line; its ``per-file-ignores`` apply to ``path``.

    Raises :class:`LintError` (or a subclass) for an unknown kind, a bad lexicon, an unknown
    selector or an unknown profile.
    """
    from . import selection
    from .engine import lint_document
    from .readers import reader_for_name

    config, settings, compiled = _prepare(
        config,
        select=select,
        ignore=ignore,
        min_severity=min_severity,
        profile=profile,
        lexicons=lexicons,
        default_lexicons=default_lexicons,
    )
    document = reader_for_name(kind, config.reader_options()).read(text, path)
    stage = selection.Stage(settings.selection, config, selection.known_rules(compiled))
    return selection.apply(lint_document(document, compiled), stage, document, path)


def lint_paths(
    paths: Iterable[str | Path],
    *,
    config: Config | None = None,
    lexicons: Sequence[str | Path] | None = None,
    default_lexicons: bool | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    min_severity: Severity | str | None = None,
    profile: str | None = None,
) -> list[Finding]:
    """Lint files and folders (walked recursively, as the command line does).

    The arguments are those of :func:`lint_text`; a ``config`` also gives folder walks its
    ``include`` and ``exclude`` patterns. Returns the findings sorted by (path, line, column,
    rule). Raises :class:`LintError` naming every path that could not be read, after checking
    the rest; use :func:`respectful_lint.runner.run` to get findings and errors together.
    """
    from .runner import run

    config, settings, compiled = _prepare(
        config,
        select=select,
        ignore=ignore,
        min_severity=min_severity,
        profile=profile,
        lexicons=lexicons,
        default_lexicons=default_lexicons,
    )
    report = run(
        [str(p) for p in paths],
        compiled,
        selection=settings.selection,
        config=config,
        max_findings=0,  # the caller holds the list: no cap, unlike the command line
    )
    if report.errors:
        raise LintError("; ".join(report.errors))
    return report.findings


def _prepare(config: Config | None, **options: Any) -> tuple[Config, Settings, CompiledLexicon]:
    """The configuration (an empty one when none is given), the settings ``options`` give
    with it, and the rules those settings compile to."""
    from .config import Config
    from .runner import prepare_settings

    config = config or Config()
    settings = config.merge(**options)
    return config, settings, prepare_settings(settings)
