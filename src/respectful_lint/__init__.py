"""respectful-lint: find stigmatizing or conflating language and suggest preferred wording.

The Python API::

    from respectful_lint import lint_text, lint_paths

    for finding in lint_text("Police arrested two prostitutes."):
        print(finding.line, finding.column, finding.rule, finding.suggestions)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import LexiconError, LintError, UsageError
from .model import Finding, Fix, Severity

if TYPE_CHECKING:
    from .selection import Selection

__version__ = "0.1.0"

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
    lexicons: Sequence[str | Path] = (),
    default_lexicons: bool = True,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    min_severity: Severity | str = Severity.SUGGESTION,
    profile: str = "default",
) -> list[Finding]:
    """Lint a string and return its findings, sorted by position.

    ``kind`` names the reader: ``"markdown"`` (the default) or ``"text"``, or one a plugin
    adds. ``lexicons`` adds lexicon files or folders to the built-in ones (which
    ``default_lexicons=False`` turns off). ``select`` and ``ignore`` take rule-id prefixes or
    categories, as on the command line, and ``min_severity`` hides lower findings. ``profile``
    names a context profile: ``"default"``, ``"legal"`` or ``"community"``.

    Raises :class:`LintError` (or a subclass) for an unknown kind, a bad lexicon, an unknown
    selector or an unknown profile.
    """
    from .engine import lint_document
    from .readers import reader_for_name
    from .runner import prepare

    selection = _selection(select, ignore, min_severity, profile)
    compiled = prepare(lexicons, default_lexicons=default_lexicons, selection=selection)
    document = reader_for_name(kind).read(text, path)
    return [f for f in lint_document(document, compiled) if f.severity >= selection.min_severity]


def lint_paths(
    paths: Iterable[str | Path],
    *,
    lexicons: Sequence[str | Path] = (),
    default_lexicons: bool = True,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    min_severity: Severity | str = Severity.SUGGESTION,
    profile: str = "default",
) -> list[Finding]:
    """Lint files and folders (walked recursively, as the command line does).

    Returns the findings sorted by (path, line, column, rule). Raises :class:`LintError` naming
    every path that could not be read, after checking the rest; use
    :func:`respectful_lint.runner.run` to get findings and errors together.
    """
    from .runner import prepare, run

    selection = _selection(select, ignore, min_severity, profile)
    compiled = prepare(lexicons, default_lexicons=default_lexicons, selection=selection)
    report = run([str(p) for p in paths], compiled, selection=selection)
    if report.errors:
        raise LintError("; ".join(report.errors))
    return report.findings


def _selection(
    select: Iterable[str], ignore: Iterable[str], min_severity: Severity | str, profile: str
) -> Selection:
    from .profiles import get_profile
    from .selection import Selection, split_selectors

    if isinstance(min_severity, str):
        min_severity = Severity.parse(min_severity)
    return Selection(
        split_selectors(select), split_selectors(ignore), min_severity, get_profile(profile)
    )
