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
        total, files = sum(counts.values()), report.files
        findings = "finding" if total == 1 else "findings"
        lines.append(f"{total:5d}  {findings} in {files} file{'' if files == 1 else 's'}")
        return "\n".join(lines) + "\n"
