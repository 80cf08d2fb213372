"""The ``respectful-lint`` command.

Exit codes follow ruff: 0 when no finding reaches the fail level, 1 when one does, 2 for
usage, configuration, lexicon or I/O errors, and 3 for an internal error (a bug), which is
one line naming the file being checked unless ``--debug`` asks for the traceback. When the
program reading the output stops reading it (``| head``), the command stops quietly with 1.

Settings come from the options, then from the configuration file (see :mod:`.config`), then
from the built-in defaults. An option given on the command line replaces the configuration's
value; a list option replaces its whole list.
"""

from __future__ import annotations

import gc
import os
import sys
import traceback
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

import click

from . import baseline, ci
from .cli_fix import FixedRun, FixRequest, fix_options, fix_run
from .cli_options import (
    DEBUG,
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    SEVERITY_CHOICE,
    FatalError,
    Project,
    debug_option,
    fatal,
    format_option,
    project_options,
    selection_options,
)
from .errors import InternalError, LintError
from .reading import STDIN
from .reporters import RenderOptions, Reporter, get_reporter
from .runner import MAX_FINDINGS, prepare_settings, run
from .version import __version__

if TYPE_CHECKING:
    from .config import Config, Settings
    from .lexicon import CompiledLexicon
    from .report import Report

__all__ = [
    "EXIT_CLEAN",
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "EXIT_INTERNAL",
    "FatalError",
    "console",
    "main",
]


def _internal_error(ctx: click.Context, exc: Exception) -> None:
    """The last line of defence: one line naming the file, a request to report it, exit 3."""
    from .plugins import blamed

    where, cause = "", exc
    plugin, summary = None, ""
    if isinstance(exc, InternalError):
        where = f" while checking {exc.path}"
        plugin, summary = exc.plugin, exc.summary
        if isinstance(exc.__cause__, Exception):
            cause = exc.__cause__
    if ctx.meta.get(DEBUG):
        traceback.print_exception(cause, file=sys.stderr)
    hint = "" if ctx.meta.get(DEBUG) else "; --debug shows the traceback"
    plugin = plugin or blamed(cause)
    if plugin is not None:
        # a plugin's own error: its authors can mend it, and its message may quote the draft
        click.echo(
            f"respectful-lint: error{where}: the plugin {plugin} failed "
            f"({summary.split(':', 1)[0] or type(cause).__name__}); report it to the plugin's "
            f"authors{hint}.",
            err=True,
        )
        ctx.exit(EXIT_INTERNAL)
    if not summary:
        detail = (str(cause).splitlines() or [""])[0][:200]
        summary = f"{type(cause).__name__}: {detail}" if detail else type(cause).__name__
    click.echo(
        f"respectful-lint: internal error{where}: {summary}. This is a bug in respectful-lint: "
        f"please report it with this message{hint}.",
        err=True,
    )
    ctx.exit(EXIT_INTERNAL)


_frozen: list[bool] = []
# what click raises for a group given nothing, to show its help (click 8.2 and later)
_NO_ARGS_IS_HELP: tuple[type[Exception], ...] = tuple(
    c for c in (getattr(click.exceptions, "NoArgsIsHelpError", None),) if c is not None
)


def _usage_error(exc: click.UsageError) -> NoReturn:
    """One line, as every other error ("Invalid value for '--jobs': 0 is not in the range
    x>=1."), where click writes the usage, a hint and the error on three; exit 2."""
    command = exc.ctx.command_path if exc.ctx is not None else "respectful-lint"
    message = " ".join(exc.format_message().split())
    click.echo(f"respectful-lint: error: {message} (see '{command} --help')", err=True)
    raise SystemExit(exc.exit_code)


class _Guarded(click.Group):
    """Turns an unexpected exception in any command into a one-line internal error (exit 3)."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            if isinstance(exc, _NO_ARGS_IS_HELP):
                raise
            _usage_error(exc)  # the top level's own options ("respectful-lint --bogus")

    def invoke(self, ctx: click.Context) -> Any:
        if not _frozen:
            # What start-up made (modules, classes) lives as long as the process: the garbage
            # collector need not walk it again on every collection of the run.
            _frozen.append(True)
            gc.freeze()
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            if isinstance(exc, _NO_ARGS_IS_HELP):
                raise  # a group given no command shows its help
            _usage_error(exc)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            # stopped by the user (Ctrl+C): 130, as shells report an interrupt, not 1 (findings)
            click.echo("respectful-lint: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            _reader_gone(ctx)
        except Exception as exc:
            _internal_error(ctx, exc)


def _reader_gone(ctx: click.Context) -> None:
    """What a command does when the program reading its output stops reading (``| head``,
    a pager closed): it stops quietly, as Unix tools do, with status 1 (the report was cut
    short). What is left in the output buffer goes nowhere, so the exit does not fail again.
    """
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):  # no file descriptor (a test's runner)
        pass
    ctx.exit(EXIT_FINDINGS)


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    del param
    if not value or ctx.resilient_parsing:
        return
    from .scan import available_backend

    # the backend that compiling any lexicon here picks, found without compiling one
    click.echo(f"respectful-lint, version {__version__} (scanner: {available_backend()})")
    ctx.exit()


@click.group(cls=_Guarded, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version and the scanner in use, and exit.",
)
@debug_option
def main() -> None:
    """Find stigmatizing or conflating language in drafts and suggest preferred wording."""


class Output(NamedTuple):
    """How ``check`` shows its report: the format, colour and the ``why`` notes."""

    fmt: str | None
    color: str
    no_color: bool


@main.command()
@click.argument("paths", nargs=-1, type=str)
@debug_option
@format_option(
    None,
    "Output format: text, concise, json, sarif, github or junit (or a reporter plugin).  "
    "[default: github when GITHUB_ACTIONS=true, else text]",
)
@click.option(
    "--fail-on",
    type=SEVERITY_CHOICE,
    help="Exit 1 when a finding is at or above this severity.  [default: warning]",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@selection_options
@project_options
@click.option(
    "--stdin-filename",
    metavar="NAME",
    help="Name to report for '-' (its extension picks the reader).",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the output: auto colours a terminal (NO_COLOR turns it off, FORCE_COLOR on).",
)
@click.option("--no-color", is_flag=True, help="Same as --color never.")
@click.option(
    "--explain/--no-explain",
    default=None,
    help="Show the 'why' notes in text output (the default) or leave them out.",
)
@click.option(
    "--no-cache",
    is_flag=True,
    is_eager=True,  # before the configuration looks up plugin presets
    callback=lambda ctx, param, value: _cache_option(value),
    help="Compile the lexicons afresh instead of using the on-disk cache.",
)
@click.option(
    "--max-findings",
    type=click.IntRange(min=0),
    default=MAX_FINDINGS,
    show_default=True,
    metavar="N",
    help="Stop checking a file after N findings, with a note (0: no limit).",
)
@click.option(
    "--strict-lexicons",
    is_flag=True,
    help="First run the flag and pass examples of the project's own lexicons (as "
    "'lexicon test' does); exit 2 if one fails.",
)
@fix_options
@ci.options
def check(
    paths: tuple[str, ...],
    fmt: str | None,
    fail_on: str | None,
    exit_zero: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    min_severity: str | None,
    project: Project,
    stdin_filename: str | None,
    color: str,
    no_color: bool,
    explain: bool | None,
    no_cache: bool,
    max_findings: int,
    strict_lexicons: bool,
    fixing: FixRequest,
    ci_options: ci.CiOptions,
) -> None:
    """Check files, folders (recursively) and '-' for stdin; the current folder by default.

    Settings are read from .respectful-lint.yaml, .respectful-lint.yml or the
    [tool.respectful-lint] table of pyproject.toml, in the current folder or the nearest
    folder above it; options given here replace them.
    """
    config = project.config()
    settings = project.settings(
        config,
        select=select,
        ignore=ignore,
        min_severity=min_severity,
        fail_on=fail_on,
        explain=explain,
    )
    output = Output(fmt, color, no_color)
    with fatal():
        report, fixed, reporter, stale = _check_run(
            paths or (".",),
            settings,
            config,
            output,
            fixing,
            ci_options,
            stdin_filename,
            no_cache,
            max_findings,
            strict_lexicons,
        )
    _finish(report, fixed, reporter, stale, ci_options)
    if report.errors:
        sys.exit(EXIT_ERROR)
    if ci_options.write_baseline is None and not exit_zero and report.count(settings.fail_on):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


def _cache_option(no_cache: bool) -> bool:
    """``--no-cache`` also keeps the run from reading or writing the index of installed entry
    points (see :mod:`.entrypoints`)."""
    from .entrypoints import use_cache

    use_cache(not no_cache)
    return no_cache


def _finish(
    report: Report,
    fixed: FixedRun | None,
    reporter: Reporter,
    stale: list[baseline.Entry],
    options: ci.CiOptions,
) -> None:
    """What follows the report: the fixing summary, notes, errors and baseline notices."""
    if fixed is not None and not options.quiet:
        # The summary follows text findings; it keeps other formats' output a clean document.
        plain = getattr(reporter, "name", "") in ("text", "concise") and not fixed.to_stderr
        click.echo(fixed.summary, err=not plain or options.output_file is not None)
    for note in report.notes:
        click.echo(f"respectful-lint: note: {note}", err=True)
    for error in report.errors:
        click.echo(f"respectful-lint: error: {error}", err=True)
    ci.notices(report, options.write_baseline, options.baseline_file, stale, options.quiet)


def _names_an_input(output: str, paths: Sequence[str]) -> bool:
    """Whether ``output`` is one of the files ``paths`` names or holds (a folder's files are
    not listed: a report written into a checked folder is a file of its own)."""
    if not os.path.isfile(output):
        return False
    return any(
        path != STDIN and os.path.isfile(path) and os.path.samefile(path, output) for path in paths
    )


# how each report and the baseline begin, or a line of them: an earlier run's output, which a
# run may replace (see _replaces_a_draft)
_OUR_OUTPUT = (
    r'\A(?:\{\s*"version": 1,\s*"(?:findings|rules|rule)"|\{\s*"\$schema": "[^"]*sarif'
    r'|<\?xml[^>]*>\s*<testsuites name="respectful-lint"|\{\s*"findings": \[|\[\s*\{\s*"rule":'
    r"|\[\s*\]\s*\Z|No findings in \d+ files?\.|Found \d+ findings? \("
    r"|::(?:error|warning|notice) title=[a-z0-9-]+/"
    r"|\d+  [a-z0-9-]+/[a-z0-9-]+  \()"
    r"|\A[^\n]*:\d+:\d+: (?:error|warning|suggestion) [a-z0-9-]+/"
)


def _replaces_a_draft(target: str, paths: Sequence[str]) -> bool:
    """Whether ``target`` is an existing file inside a folder being checked that is no
    report or baseline an earlier run wrote: writing the report there would replace a draft
    (a report of ours is left out of the check instead; see ``own_files``)."""
    if not os.path.isfile(target):
        return False
    where = os.path.realpath(target)
    inside = any(
        path != STDIN
        and os.path.isdir(path)
        and where.startswith(os.path.join(os.path.realpath(path), ""))
        for path in paths
    )
    from .readers import extensions

    if not inside or not target.lower().endswith(extensions()):
        return False  # a file the walk does not read (a plugin's report, "report.sarif")
    try:
        with open(target, "rb") as fh:
            head = fh.read(4096).decode("utf-8", "replace")
    except OSError:
        return False  # the write itself will say what is wrong
    import re  # here: only a run that writes a report into a folder it checks asks

    head = re.sub(r"\x1b\[[0-9;]*m", "", head)  # a text report written in colour
    return head.strip() != "" and re.search(_OUR_OUTPUT, head) is None


def _prepared(settings: Settings, no_cache: bool) -> CompiledLexicon:
    """The compiled lexicon, made with cyclic garbage collection paused. What it is made of
    lives as long as the process: collections set off by their numbers would walk them in
    vain (about 7 ms of a start), so they join what start-up made in the collector's permanent
    generation."""
    gc.disable()
    try:
        return prepare_settings(settings, cache=not no_cache)
    finally:
        gc.freeze()
        gc.enable()


def _check_run(
    paths: Sequence[str],
    settings: Settings,
    config: Config,
    output: Output,
    fixing: FixRequest,
    options: ci.CiOptions,
    stdin_filename: str | None,
    no_cache: bool,
    max_findings: int,
    strict_lexicons: bool,
) -> tuple[Report, FixedRun | None, Reporter, list[baseline.Entry]]:
    """Check (and fix), leave out what the baseline has, and show the report."""
    fmt = output.fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    reporter = get_reporter(fmt)
    fix = fixing.options()
    fixing.check(paths)
    if fixing.diff and (options.output_file is not None or output.fmt not in (None, "text")):
        # (the diff fills standard output, and only a summary follows it)
        given = "--output-file" if options.output_file is not None else "--format"
        raise LintError(f"{given}: not with --diff, which prints a diff and a summary only")
    if options.statistics and output.fmt not in (None, "text", "json", "concise"):
        # (statistics are a table or a JSON document: no SARIF, JUnit or workflow commands)
        raise LintError(
            f"--statistics: not with --format {output.fmt}: statistics are a table, or a JSON "
            "list with --format json"
        )
    for option, target, what in (
        # ("-o" is --output-file: a report written over the draft would lose it)
        (
            "--output-file",
            options.output_file,
            "report would replace it (--output writes a corrected copy)",
        ),
        ("--write-baseline", options.write_baseline, "baseline would replace it"),
    ):
        if target is None:
            continue
        if _names_an_input(target, paths):
            raise LintError(f"{option}: {target} is a file being checked; the {what}")
        if _replaces_a_draft(target, paths):
            raise LintError(
                f"{option}: {target} is a file in a folder being checked, and no report or "
                "baseline of respectful-lint: writing would replace it"
            )
    # what the run writes, and the baseline it reads, are never checked by it, even inside a
    # folder being checked
    own = (options.output_file, options.write_baseline, options.baseline_file)
    own_files = [f for f in own if f is not None]
    if stdin_filename is not None and STDIN not in paths:
        raise LintError("--stdin-filename names standard input: give '-' as a path to read it")
    entries = None if options.baseline_file is None else baseline.load(options.baseline_file)
    compiled = _prepared(settings, no_cache)
    if strict_lexicons:
        _strict_lexicons(settings)
    fixed = None
    unused = options.report_unused_suppressions
    report_unused = bool(config.report_unused_suppressions) if unused is None else unused
    if fix is not None:
        fixed = fix_run(
            paths,
            compiled,
            settings,
            config,
            stdin_filename,
            fix,
            jobs=options.jobs,
            report_unused_suppressions=report_unused,
            max_findings=max_findings,
            own_files=own_files,
        )
        report = fixed.report
    else:
        report = run(
            paths,
            compiled,
            selection=settings.selection,
            stdin_name=stdin_filename,
            config=config,
            jobs=options.jobs,
            report_unused_suppressions=report_unused,
            max_findings=max_findings,
            own_files=own_files,
        )
    stale = ci.apply_baseline(report, entries, options.write_baseline)
    # With --diff, or fixed text on standard output, the report goes to standard error.
    to_stderr = fixed is not None and fixed.to_stderr
    use_color = ci.use_color(output.color, output.no_color, options.output_file) and not to_stderr
    render = RenderOptions(
        color=use_color, explain=settings.explain, quiet=options.quiet, fail_on=settings.fail_on
    )
    if options.statistics:
        rendered = ci.render_statistics(report, json_format=fmt == "json")
    elif fixed is None or fixed.show_findings:
        rendered = reporter.render(report, render)
    else:
        rendered = ""
    if to_stderr:
        click.echo(rendered, nl=False, err=True)
    else:
        ci.emit(rendered, options.output_file, use_color)
    return report, fixed, reporter, stale


def _strict_lexicons(settings: Settings) -> None:
    """Run the examples of the project's own lexicons; every failure is an error line."""
    from .lexicon.selftest import lexicon_failures

    failures = lexicon_failures(settings, settings.lexicons)
    if failures:
        for failure in failures[:-1]:
            click.echo(f"respectful-lint: error: {failure}", err=True)
        raise LintError(failures[-1])


from .cli_lexicon import lexicon_command, schema_command  # noqa: E402
from .cli_rules import explain, rules_command  # noqa: E402

main.add_command(rules_command)
main.add_command(explain)
main.add_command(lexicon_command)
main.add_command(schema_command)


@main.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anything but a loopback address lets drafts cross the network.",
)
@click.option(
    "--port",
    default=0,
    type=click.IntRange(0, 65535),
    help="Port to listen on.  [default: a free port]",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the web browser.")
@project_options
def serve(host: str, port: int, open_browser: bool, project: Project) -> None:
    """Start the web checker on this computer and print its address, with an access token.

    Needs the 'web' extra: pip install 'respectful-lint[web]'. The lexicons, profile and
    rule selection of the configuration file apply; the page can switch profiles.
    """
    from . import web

    absent = web.missing()
    if absent:
        raise FatalError(
            "the web checker needs the 'web' extra (missing: " + ", ".join(absent) + "); "
            "install it with: pip install 'respectful-lint[web]'"
        )
    from .web.checks import Checker
    from .web.server import serve as run_server

    config = project.config()
    settings = project.settings(config)
    with fatal():
        checker = Checker(config, settings)
        checker.warm()
        run_server(
            checker,
            host,
            port,
            open_browser=open_browser,
            echo=lambda line: click.echo(line),
            warn=lambda line: click.echo(f"respectful-lint: {line}", err=True),
        )


def console() -> NoReturn:
    """The installed ``respectful-lint`` command: :func:`main`, then the process ends without
    taking its objects apart one by one, as the interpreter's own exit does (about 5 ms of a
    start), once what was written to standard output and error is flushed. Every file a
    command writes is closed before it returns, and worker processes have been joined.
    A flush that fails (a pipe closed early) ends it with status 120, as Python's exit does.
    """
    try:
        main(prog_name="respectful-lint")
        status = 0
    except SystemExit as exc:
        status = _status(exc.code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        status = 120
    os._exit(status)


def _status(code: object) -> int:
    """The exit status for ``SystemExit(code)``, as the interpreter makes it."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1
