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
from collections.abc import Callable
from typing import Any, TypeVar

import click

from . import __version__
from .config import Config, Settings, discover_config, load_config
from .errors import InternalError, LintError
from .model import Rule
from .profiles import PROFILES, Profile, get_profile
from .reporters import RenderOptions, get_reporter
from .runner import MAX_FINDINGS, load_rules, prepare_settings, run
from .selection import split_selectors

SEVERITY_CHOICE = click.Choice(["error", "warning", "suggestion"], case_sensitive=False)
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
_DEBUG = "respectful_lint.debug"
F = TypeVar("F", bound=Callable[..., Any])


class FatalError(click.ClickException):
    """A one-line error that exits 2 (click's own default would be 1)."""

    exit_code = EXIT_ERROR

    def show(self, file: object = None) -> None:
        del file
        click.echo(f"respectful-lint: error: {self.message}", err=True)


def _profile(ctx: click.Context, param: click.Parameter, value: str | None) -> Profile | None:
    del ctx, param
    if value is None:
        return None
    try:
        return get_profile(value)
    except LintError as exc:
        raise FatalError(f"--profile: {exc}") from None


def lexicon_options(func: F) -> F:
    """The options that decide which rules exist and how they report: shared by commands.

    Their defaults are None: "not given", so the configuration file can supply a value.
    """
    options = [
        click.option(
            "--config",
            "config_path",
            metavar="PATH",
            help="Read settings from this file instead of looking for .respectful-lint.yaml "
            "or pyproject.toml from the current folder upwards.",
        ),
        click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
        click.option(
            "--lexicon",
            "lexicons",
            multiple=True,
            metavar="PATH",
            help="Add a lexicon file or a folder of them (repeatable).",
        ),
        click.option(
            "--default-lexicons/--no-default-lexicons",
            default=None,
            help="Load the built-in lexicons (the default) or not.",
        ),
        click.option(
            "--profile",
            default=None,
            metavar="NAME",
            callback=_profile,
            help="Context profile: " + ", ".join(PROFILES) + ".  [default: default]",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _config(config_path: str | None, isolated: bool) -> Config:
    """The configuration to use: the named file, none (``--isolated``) or the one found."""
    if isolated and config_path is not None:
        raise FatalError("--config and --isolated cannot be used together")
    try:
        if isolated:
            return Config()
        if config_path is not None:
            return load_config(config_path)
        return discover_config()
    except LintError as exc:
        raise FatalError(str(exc)) from None


def _settings(
    config_path: str | None,
    isolated: bool,
    lexicons: tuple[str, ...],
    default_lexicons: bool | None,
    profile: Profile | None,
) -> Settings:
    config = _config(config_path, isolated)
    return config.merge(lexicons=lexicons, default_lexicons=default_lexicons, profile=profile)


def _rules(settings: Settings) -> list[Rule]:
    try:
        return load_rules(settings.lexicons, default_lexicons=settings.default_lexicons)
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


@click.group(cls=_Guarded, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="respectful-lint")
@debug_option
def main() -> None:
    """Find stigmatizing or conflating language in drafts and suggest preferred wording."""


@main.command()
@click.argument("paths", nargs=-1, type=str)
@debug_option
@click.option(
    "--format",
    "fmt",
    default="text",
    show_default=True,
    metavar="FORMAT",
    help="Output format: text, concise or json (or a reporter plugin).",
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
@click.option("--no-color", is_flag=True, help="Never colour the output (NO_COLOR works too).")
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
    no_color: bool,
    explain: bool | None,
    no_cache: bool,
    max_findings: int,
) -> None:
    """Check files, folders (recursively) and '-' for stdin; the current folder by default.

    Settings are read from .respectful-lint.yaml, .respectful-lint.yml or the
    [tool.respectful-lint] table of pyproject.toml, in the current folder or the nearest
    folder above it; options given here replace them.
    """
    config = _config(config_path, isolated)
    settings = config.merge(
        select=select,
        ignore=ignore,
        min_severity=min_severity,
        fail_on=fail_on,
        profile=profile,
        lexicons=lexicons,
        default_lexicons=default_lexicons,
        explain=explain,
    )
    try:
        reporter = get_reporter(fmt)
        compiled = prepare_settings(settings, cache=not no_cache)
        report = run(
            paths or ["."],
            compiled,
            selection=settings.selection,
            stdin_name=stdin_filename,
            config=config,
            max_findings=max_findings,
        )
    except LintError as exc:
        raise FatalError(str(exc)) from None
    color = not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()
    output = reporter.render(report, RenderOptions(color=color, explain=settings.explain))
    click.echo(output, nl=False, color=color)
    for note in report.notes:
        click.echo(f"respectful-lint: note: {note}", err=True)
    for error in report.errors:
        click.echo(f"respectful-lint: error: {error}", err=True)
    if report.errors:
        sys.exit(EXIT_ERROR)
    if not exit_zero and report.count(settings.fail_on):
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
) -> None:
    """List every rule: id, severity, category, whether it fixes, and the preferred wording.

    With --profile, rules show the severity the profile gives them; rules it turns off are left
    out. The lexicons and profile of the configuration file apply.
    """
    from . import describe

    settings = _settings(config_path, isolated, lexicons, default_lexicons, profile)
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
) -> None:
    """Explain a rule: its terms and forms, preferred wording, why, sources, guards, examples."""
    from . import describe
    from .lexicon import cached_lexicons
    from .rules.conflation import merge_groups

    settings = _settings(config_path, isolated, lexicons, default_lexicons, profile)
    try:
        rule = describe.find_rule(_rules(settings), rule_id)
        groups = merge_groups(
            cached_lexicons(settings.lexicons, defaults=settings.default_lexicons)
        )
    except LintError as exc:
        raise FatalError(str(exc)) from None
    profile = settings.selection.profile
    shown = None if profile is PROFILES["default"] else profile
    render = describe.explain_json if fmt == "json" else describe.explain_text
    click.echo(render(rule, shown, groups), nl=False)
