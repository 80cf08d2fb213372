"""One line per finding: ``path:line:col: severity rule-id message``."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from . import RenderOptions

if TYPE_CHECKING:
    from ..model import Finding
    from ..runner import Report


def line_label(f: Finding) -> str:
    """``12`` for a line, ``¶12`` for a paragraph of a Word document."""
    if f.location is not None and f.location.paragraph is not None:
        return f"\u00b6{f.line}"
    return str(f.line)


def headline(f: Finding) -> str:
    return f"{f.path}:{line_label(f)}:{f.column}: {f.severity.label} {f.rule} {f.message}"


class ConciseReporter:
    name: ClassVar[str] = "concise"

    def render(self, report: Report, options: RenderOptions) -> str:
        del options
        return "".join(headline(f) + "\n" for f in report.findings)
