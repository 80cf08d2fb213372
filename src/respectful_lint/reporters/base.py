"""What every reporter is given and what it provides."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol

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
