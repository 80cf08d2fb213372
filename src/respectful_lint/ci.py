"""The command line's CI and code-review options: where the report goes, statistics, colour,
baselines and parallel runs."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections import Counter
from typing import NamedTuple

import click

from . import baseline, selection
from .atomic import write_atomic
from .cli_options import grouped
from .errors import LintError
from .report import Report


class CiOptions(NamedTuple):
    """Where the report goes, statistics, the baseline and parallel runs, as given."""

    output_file: str | None
    statistics: bool
    quiet: bool
    jobs: int | None
    report_unused_suppressions: bool | None
    baseline_file: str | None
    write_baseline: str | None


options = grouped(
    "ci_options",
    CiOptions,
    [
        click.option(
            "--output-file",
            "-o",
            metavar="PATH",
            help="Write the report to this file (atomically) instead of standard output.",
        ),
        click.option(
            "--statistics",
            is_flag=True,
            help="Print one line per rule with its number of findings, most frequent first, "
            "instead of the findings.",
        ),
        click.option("--quiet", "-q", is_flag=True, help="Print the findings only: no summary."),
        click.option(
            "--jobs",
            "-j",
            type=click.IntRange(min=1),
            default=None,
            metavar="N",
            help="Check files in N worker processes.  [default: the number of CPUs]",
        ),
        click.option(
            "--report-unused-suppressions/--no-report-unused-suppressions",
            default=None,
            help="Warn (meta/unused-suppression) about inline suppressions that suppress "
            "nothing or name an unknown rule.",
        ),
        click.option(
            "--baseline",
            "baseline_file",
            metavar="FILE",
            help="Report only findings that are not in this baseline file, and baseline "
            "entries that no longer match.",
        ),
        click.option(
            "--write-baseline",
            metavar="FILE",
            help="Record every finding of this run in a baseline file and exit 0.",
        ),
    ],
)
"""Options for CI and code review, passed to the command as ``ci_options``."""


def render_statistics(report: Report, *, json_format: bool = False) -> str:
    """One line per rule: its number of findings, most frequent first, then by rule id."""
    counts = Counter(f.rule for f in report.findings)
    categories = {f.rule: f.category for f in report.findings}
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if json_format:
        rows = [{"rule": r, "category": categories[r], "count": n} for r, n in ordered]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    width = len(str(ordered[0][1])) if ordered else 1
    return "".join(f"{n:>{width}}  {r}  ({categories[r]})\n" for r, n in ordered)


def apply_baseline(
    report: Report, entries: list[baseline.Entry] | None, write_to: str | None
) -> list[baseline.Entry]:
    """Write the baseline (``--write-baseline``) or leave out the findings it records
    (``--baseline``); the baseline entries of checked (or vanished) files that matched
    nothing.

    A baseline written over one that exists keeps the entries of files that are still there
    and that this run did not check (a run over the changed files only), with a note."""
    if write_to is not None:
        kept: list[baseline.Entry] = []
        # (a baseline that cannot be read is written anew)
        with contextlib.suppress(LintError):
            if os.path.isfile(write_to):
                kept = baseline.elsewhere(baseline.load(write_to), report.checked)
        write_atomic(write_to, baseline.dumps(report.findings, kept))
        if kept:
            n = sum(e.count for e in kept)
            report.notes.append(
                f"{write_to}: kept {n} entr{'y' if n == 1 else 'ies'} of files this run did "
                "not check"
            )
        return []
    if entries is None:
        return []
    return selection.apply_baseline(report, entries)


def emit(output: str, output_file: str | None, color: bool) -> None:
    """Print the report, or write it (without colour unless asked) to ``output_file``."""
    if output_file is not None:
        write_atomic(output_file, output if color else click.unstyle(output))
    else:
        click.echo(output, nl=False, color=color)


def use_color(choice: str, no_color: bool, output_file: str | None) -> bool:
    """--color and --no-color win; then NO_COLOR, then FORCE_COLOR; then a terminal."""
    if no_color or choice == "never":
        return False
    if choice == "always":
        return True
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return output_file is None and sys.stdout.isatty()


def notices(
    report: Report,
    written: str | None,
    used: str | None,
    stale: list[baseline.Entry],
    quiet: bool,
) -> None:
    if written is not None and not quiet:
        n = len(report.findings)
        click.echo(
            f"respectful-lint: wrote {n} finding{'' if n == 1 else 's'} to the baseline {written}",
            err=True,
        )
    if stale:
        n = sum(e.count for e in stale)
        click.echo(
            f"respectful-lint: {n} baseline entr{'y' if n == 1 else 'ies'} in {used} no longer "
            f"match; run with --write-baseline {used} to remove them:",
            err=True,
        )
        for e in stale:
            times = f" ({e.count} times)" if e.count > 1 else ""
            click.echo(f"  {e.path}: {e.rule} '{e.matched}'{times}", err=True)
