"""One line per finding: ``path:line:col: severity rule-id message``."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from . import RenderOptions

if TYPE_CHECKING:
    from ..model import Finding
    from ..runner import Report


def headline(f: Finding) -> str:
    return f"{f.path}:{f.line}:{f.column}: {f.severity.label} {f.rule} {f.message}"


class ConciseReporter:
    name: ClassVar[str] = "concise"

    def render(self, report: Report, options: RenderOptions) -> str:
        del options
        return "".join(headline(f) + "\n" for f in report.findings)
