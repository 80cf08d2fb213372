"""The ``respectful-lint`` command.

Exit codes follow ruff: 0 when no finding reaches the fail level, 1 when one does, 2 for
usage, configuration, lexicon or I/O errors, and 3 for an internal error (a bug), which is
one line naming the file being checked unless ``--debug`` asks for the traceback.

Settings come from the options, then from the configuration file (see :mod:`.config`), then
from the built-in defaults. An option given on the command line replaces the configuration's
value; a list option replaces its whole list.
"""

from __future__ import annotations

import os
import sys
import traceback
from typing import Any

import click

from . import baseline, ci
from ._version import __version__
from .cli_fix import check_fix_options, fix_options, fix_run
from .cli_options import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    FatalError,
    _config,
    _merge,
    _settings,
    lexicon_options,
)
from .config import Settings
from .errors import InternalError, LintError
from .model import Rule
from .plugins import choice as plugin_choice
from .profiles import PROFILES, Profile
from .reporters import RenderOptions, get_reporter
from .runner import MAX_FINDINGS, load_rules, prepare_settings, run
from .selection import split_selectors

SEVERITY_CHOICE = click.Choice(["error", "warning", "suggestion"], case_sensitive=False)
_DEBUG = "respectful_lint.debug"


def _rules(settings: Settings) -> list[Rule]:
    """Every rule, with the project's overrides; an override of no rule is an error."""
    from .lexicon import cached_lexicons

    try:
        choice = plugin_choice(settings.plugins)
        lexicons = cached_lexicons(
            settings.lexicons, defaults=settings.default_lexicons, plugins=choice
        )
        settings.config.check_per_file_ignores(lexicons)
        return load_rules(
            settings.lexicons,
            default_lexicons=settings.default_lexicons,
            plugins=choice,
            customization=settings.customization,
        )
    except LintError as exc:
        raise FatalError(str(exc)) from None


text_or_json = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)


def _set_debug(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    del param
    if value:
        ctx.find_root().meta[_DEBUG] = True


debug_option = click.option(
    "--debug",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_set_debug,
    help="Show the traceback of an internal error.",
)


def _internal_error(ctx: click.Context, exc: Exception) -> None:
    """The last line of defence: one line naming the file, a request to report it, exit 3."""
    where, cause = "", exc
    if isinstance(exc, InternalError):
        where = f" while checking {exc.path}"
        if isinstance(exc.__cause__, Exception):
            cause = exc.__cause__
    if ctx.meta.get(_DEBUG):
        traceback.print_exception(cause, file=sys.stderr)
    detail = (str(cause).splitlines() or [""])[0][:200]
    summary = f"{type(cause).__name__}: {detail}" if detail else type(cause).__name__
    hint = "" if ctx.meta.get(_DEBUG) else "; --debug shows the traceback"
    click.echo(
        f"respectful-lint: internal error{where}: {summary}. This is a bug in respectful-lint: "
        f"please report it with this message{hint}.",
        err=True,
    )
    ctx.exit(EXIT_INTERNAL)


class _Guarded(click.Group):
    """Turns an unexpected exception in any command into a one-line internal error (exit 3)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:
            _internal_error(ctx, exc)


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    del param
    if not value or ctx.resilient_parsing:
        return
    from .lexicon import load_compiled
    from .scan import available_backend

    try:  # the scanner of the default lexicons as compiled (or cached) here
        scanner = load_compiled().scanner.backend
    except (LintError, OSError):
        scanner = available_backend()
    click.echo(f"respectful-lint, version {__version__} (scanner: {scanner})")
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


@main.command()
@click.argument("paths", nargs=-1, type=str)
@debug_option
@click.option(
    "--format",
    "fmt",
    default=None,
    metavar="FORMAT",
    help="Output format: text, concise, json, sarif, github or junit (or a reporter plugin).  "
    "[default: github when GITHUB_ACTIONS=true, else text]",
)
@click.option(
    "--fail-on",
    type=SEVERITY_CHOICE,
    help="Exit 1 when a finding is at or above this severity.  [default: warning]",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Only these rule-id prefixes or categories (repeatable, comma-separated).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="RULES",
    help="Skip these rule-id prefixes or categories (repeatable, comma-separated).",
)
@click.option(
    "--min-severity",
    type=SEVERITY_CHOICE,
    help="Hide findings below this severity.  [default: suggestion]",
)
@lexicon_options
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
    fmt: str,
    fail_on: str | None,
    exit_zero: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    min_severity: str | None,
    config_path: str | None,
    isolated: bool,
    lexicons: tuple[str, ...],
    default_lexicons: bool | None,
    profile: Profile | None,
    stdin_filename: str | None,
    color: str,
    no_color: bool,
    explain: bool | None,
    no_cache: bool,
    no_plugins: bool,
    strict_lexicons: bool,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    output: str | None,
    track_changes: bool,
    output_file: str | None,
    statistics: bool,
    quiet: bool,
    jobs: int | None,
    report_unused_suppressions: bool | None,
    baseline_file: str | None,
    write_baseline: str | None,
    max_findings: int,
) -> None:
    """Check files, folders (recursively) and '-' for stdin; the current folder by default.

    Settings are read from .respectful-lint.yaml, .respectful-lint.yml or the
    [tool.respectful-lint] table of pyproject.toml, in the current folder or the nearest
    folder above it; options given here replace them.
    """
    config = _config(config_path, isolated)
    settings = _merge(
        config,
        select=select,
        ignore=ignore,
        min_severity=min_severity,
        fail_on=fail_on,
        profile=profile,
        lexicons=lexicons,
        default_lexicons=default_lexicons,
        explain=explain,
        no_plugins=no_plugins,
    )
    fixing = None
    if fix or diff or output is not None:
        from .fixrun import FixOptions  # only fixing needs it: keep start-up quick

        fixing = FixOptions(unsafe_fixes, diff, output, track_changes)
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if report_unused_suppressions is None:
        report_unused_suppressions = bool(config.report_unused_suppressions)
    try:
        reporter = get_reporter(fmt)
        paths = paths or (".",)
        extras = ["--unsafe-fixes"] * unsafe_fixes + ["--track-changes"] * track_changes
        check_fix_options(paths, fixing, *extras)
        entries = None if baseline_file is None else baseline.load(baseline_file)
        compiled = prepare_settings(settings, cache=not no_cache)
        if strict_lexicons:
            _strict_lexicons(settings)
        fixed = None
        if fixing is not None:
            fixed = fix_run(paths, compiled, settings, config, stdin_filename, fixing)
            report = fixed.report
        else:
            report = run(
                paths,
                compiled,
                selection=settings.selection,
                stdin_name=stdin_filename,
                config=config,
                jobs=jobs,
                report_unused_suppressions=report_unused_suppressions,
                max_findings=max_findings,
            )
        stale = ci.apply_baseline(report, entries, write_baseline)
        # With --diff, or fixed text on standard output, the report goes to standard error.
        to_stderr = fixed is not None and fixed.to_stderr
        use_color = ci.use_color(color, no_color, output_file) and not to_stderr
        options = RenderOptions(
            color=use_color, explain=settings.explain, quiet=quiet, fail_on=settings.fail_on
        )
        if statistics:
            rendered = ci.render_statistics(report, json_format=fmt == "json")
        elif fixed is None or fixed.show_findings:
            rendered = reporter.render(report, options)
        else:
            rendered = ""
        if to_stderr:
            click.echo(rendered, nl=False, err=True)
        else:
            ci.emit(rendered, output_file, use_color)
    except LintError as exc:
        raise FatalError(str(exc)) from None
    if fixed is not None and not quiet:
        # The summary follows text findings; it keeps other formats' output a clean document.
        plain = getattr(reporter, "name", "") in ("text", "concise") and not to_stderr
        click.echo(fixed.summary, err=not plain or output_file is not None)
    for note in report.notes:
        click.echo(f"respectful-lint: note: {note}", err=True)
    for error in report.errors:
        click.echo(f"respectful-lint: error: {error}", err=True)
    ci.notices(report, write_baseline, baseline_file, stale, quiet)
    if report.errors:
        sys.exit(EXIT_ERROR)
    if write_baseline is None and not exit_zero and report.count(settings.fail_on):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


@main.command(name="rules")
@debug_option
@click.option(
    "--category",
    "categories",
    multiple=True,
    metavar="C",
    help="Only rules of this category (repeatable, comma-separated).",
)
@text_or_json
@lexicon_options
def rules_command(
    categories: tuple[str, ...],
    fmt: str,
    config_path: str | None,
    isolated: bool,
    lexicons: tuple[str, ...],
    default_lexicons: bool | None,
    profile: Profile | None,
    no_plugins: bool,
) -> None:
    """List every rule: id, severity, category, whether it fixes, and the preferred wording.

    With --profile, rules show the severity the profile gives them; rules it turns off are left
    out. The lexicons and profile of the configuration file apply.
    """
    from . import describe

    settings = _settings(config_path, isolated, lexicons, default_lexicons, profile, no_plugins)
    rules = settings.selection.choose(_rules(settings))
    try:
        rules = describe.filter_categories(rules, split_selectors(categories))
    except LintError as exc:
        raise FatalError(str(exc)) from None
    click.echo(
        describe.rules_json(rules) if fmt == "json" else describe.rules_text(rules), nl=False
    )


@main.command()
@click.argument("rule_id", metavar="RULE-ID")
@debug_option
@text_or_json
@lexicon_options
def explain(
    rule_id: str,
    fmt: str,
    config_path: str | None,
    isolated: bool,
    lexicons: tuple[str, ...],
    default_lexicons: bool | None,
    profile: Profile | None,
    no_plugins: bool,
) -> None:
    """Explain a rule: its terms and forms, preferred wording, why, sources, guards, examples."""
    from . import describe
    from .lexicon import cached_lexicons
    from .rules.conflation import merge_groups

    settings = _settings(config_path, isolated, lexicons, default_lexicons, profile, no_plugins)
    try:
        rule = describe.find_rule(_rules(settings), rule_id)
        groups = merge_groups(
            cached_lexicons(
                settings.lexicons,
                defaults=settings.default_lexicons,
                plugins=plugin_choice(settings.plugins),
            )
        )
    except LintError as exc:
        raise FatalError(str(exc)) from None
    profile = settings.selection.profile
    shown = None if profile is PROFILES["default"] else profile
    override = settings.customization.override_for(rule.id)
    if fmt == "json":
        click.echo(overridden_json(describe.explain_json(rule, shown, groups), override), nl=False)
    else:
        click.echo(describe.explain_text(rule, shown, groups), nl=False)
        click.echo(overridden_text(override), nl=False)


def _strict_lexicons(settings: Settings) -> None:
    """Run the examples of the project's own lexicons; every failure is an error line."""
    from .lexicon.selftest import lexicon_failures

    failures = lexicon_failures(settings, settings.lexicons)
    if failures:
        for failure in failures[:-1]:
            click.echo(f"respectful-lint: error: {failure}", err=True)
        raise LintError(failures[-1])


from .cli_lexicon import lexicon_command, overridden_json, overridden_text, schema_command  # noqa: E402

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
@lexicon_options
def serve(
    host: str,
    port: int,
    open_browser: bool,
    config_path: str | None,
    isolated: bool,
    lexicons: tuple[str, ...],
    default_lexicons: bool | None,
    profile: Profile | None,
    no_plugins: bool,
) -> None:
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

    config = _config(config_path, isolated)
    settings = _merge(
        config,
        lexicons=lexicons,
        default_lexicons=default_lexicons,
        profile=profile,
        no_plugins=no_plugins,
    )
    try:
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
    except LintError as exc:
        raise FatalError(str(exc)) from None
