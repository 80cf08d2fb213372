"""The fixing options of ``check``: ``--fix``, ``--unsafe-fixes``, ``--diff``, ``--output`` and
``--track-changes``, and the run that applies them (see :mod:`.fixrun`)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

import click
from msgspec import Struct

from .cli_options import grouped
from .errors import LintError
from .reading import STDIN
from .report import Report
from .runner import MAX_FINDINGS, run

if TYPE_CHECKING:
    from .config import Config, Settings
    from .fixrun import FixOptions
    from .lexicon import CompiledLexicon


class FixRequest(NamedTuple):
    """The fixing options as given."""

    fix: bool
    unsafe_fixes: bool
    diff: bool
    output: str | None
    track_changes: bool

    def options(self) -> FixOptions | None:
        """How to fix, or None for a run that fixes nothing."""
        if not (self.fix or self.diff or self.output is not None):
            return None
        from .fixrun import FixOptions  # only fixing needs it: keep start-up quick

        return FixOptions(self.unsafe_fixes, self.diff, self.output, self.track_changes)

    def check(self, paths: Sequence[str]) -> None:
        """Options that change fixing need a way to fix, and ``--output`` takes one input
        file (or '-'), never the input itself."""
        if self.track_changes and not (self.fix or self.output is not None):
            # (a diff shows text, which holds no tracked changes)
            raise LintError("--track-changes: use with --fix or --output")
        if not (self.fix or self.diff or self.output is not None):
            if self.unsafe_fixes:
                raise LintError("--unsafe-fixes: use with --fix, --diff or --output")
            return
        if self.fix and self.output is not None:
            raise LintError(
                "--fix and --output: --fix fixes the file in place, --output writes a corrected "
                "copy; give one"
            )
        output = self.output
        if output is None:
            return
        if len(paths) != 1 or (paths[0] != STDIN and not os.path.isfile(paths[0])):
            raise LintError("--output takes exactly one input file")
        if output == STDIN:
            return
        if paths[0] != STDIN and os.path.exists(output) and os.path.samefile(paths[0], output):
            raise LintError("--output must not be the input file; use --fix to fix it in place")
        if os.path.isdir(output):
            raise LintError(f"--output: {output} is a folder")


fix_options = grouped(
    "fixing",
    FixRequest,
    [
        click.option(
            "--fix", is_flag=True, help="Apply safe fixes in place ('-': print the fixed text)."
        ),
        click.option(
            "--unsafe-fixes",
            is_flag=True,
            help="Apply unsafe fixes too (with --fix, --diff or --output).",
        ),
        click.option(
            "--diff",
            is_flag=True,
            help="Print a unified diff of the fixes and write nothing.",
        ),
        click.option(
            "--output",
            metavar="PATH",
            help="Write a corrected copy of the one input here ('-': to standard output); "
            "the input is left as it is.",
        ),
        click.option(
            "--track-changes",
            is_flag=True,
            help="In a Word document, write fixes as tracked changes to accept or reject.",
        ),
    ],
)
"""``--fix`` and the options that go with it, passed to the command as ``fixing``."""


class FixedRun(Struct, frozen=True):
    """What is left to report after fixing: the remaining findings, the summary line, whether
    the report goes to standard error (standard output holds a diff or fixed text), and
    whether the findings are shown at all (after a diff, only the summary is)."""

    report: Report
    summary: str
    to_stderr: bool
    show_findings: bool


def fix_run(
    paths: Sequence[str],
    compiled: CompiledLexicon,
    settings: Settings,
    config: Config,
    stdin_name: str | None,
    options: FixOptions,
    *,
    jobs: int | None = 1,
    report_unused_suppressions: bool = False,
    max_findings: int = MAX_FINDINGS,
    own_files: Sequence[str] = (),
) -> FixedRun:
    """Check, fix and write; print the diff or the fixed standard input. ``jobs``,
    ``report_unused_suppressions``, ``max_findings`` and ``own_files`` are as for
    :func:`.runner.run`."""
    from .fixrun import diff, fix_report, summary, write_results

    stdin = sys.stdin.buffer.read() if STDIN in paths else None

    def lint(name: str | None, data: bytes) -> Report:
        return run(
            [STDIN],
            compiled,
            selection=settings.selection,
            stdin_name=name,
            stdin=data,
            config=config,
            report_unused_suppressions=report_unused_suppressions,
            max_findings=max_findings,
        )

    report = run(
        paths,
        compiled,
        selection=settings.selection,
        stdin_name=stdin_name,
        stdin=stdin,
        config=config,
        jobs=jobs,
        report_unused_suppressions=report_unused_suppressions,
        max_findings=max_findings,
        own_files=own_files,
    )
    include = paths if options.output is not None else (STDIN,) if stdin is not None else ()
    outcome = fix_report(report, include, lint, options, stdin=stdin, stdin_name=stdin_name)
    write_results(outcome, report, options)
    # Standard output holds the diff or the fixed text, if any; the report goes to stderr.
    if options.output is None:
        to_stdout = [outcome.stdin] if outcome.stdin is not None else []
    else:
        to_stdout = outcome.results if options.output == STDIN else []
    if options.diff:
        click.echo("".join(diff(r) for r in outcome.results if r.changed), nl=False)
    else:
        for result in to_stdout:
            sys.stdout.buffer.write(result.after)
        sys.stdout.flush()
    to_stderr = options.diff or bool(to_stdout)
    return FixedRun(report, summary(outcome, report, options), to_stderr, not options.diff)
