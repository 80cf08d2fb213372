"""A reporter (group ``respectful_lint.reporters``): findings counted by rule."""

from __future__ import annotations

from collections import Counter
from typing import Any, ClassVar


class TallyReporter:
    """``respectful-lint check --format tally``: one line per rule, most findings first."""

    name: ClassVar[str] = "tally"

    def render(self, report: Any, options: Any) -> str:
        del options  # no colour and no notes in a tally
        counts = Counter(f.rule for f in report.findings)
        lines = [
            f"{n:5d}  {rule}" for rule, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))
        ]
        lines.append(f"{sum(counts.values()):5d}  findings in {report.files} files")
        return "\n".join(lines) + "\n"
