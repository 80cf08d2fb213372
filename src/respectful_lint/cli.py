"""The ``respectful-lint`` command.

Exit codes follow ruff: 0 when no finding reaches the fail level, 1 when one does, and 2 for
usage, configuration, lexicon or I/O errors.

Settings come from the options, then from the configuration file (see :mod:`.config`), then
from the built-in defaults. An option given on the command line replaces the configuration's
value; a list option replaces its whole list.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from . import __version__
from .cli_fix import check_fix_options, fix_options, fix_run, stack
from .config import Config, Settings, discover_config, load_config
from .errors import LintError
from .model import Rule
from .plugins import choice as plugin_choice
from .plugins import use as use_plugins
from .profiles import PROFILES, Profile, get_profile
from .reporters import RenderOptions, get_reporter
from .runner import load_rules, prepare_settings, run
from .selection import split_selectors

SEVERITY_CHOICE = click.Choice(["error", "warning", "suggestion"], case_sensitive=False)
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
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
        click.option(
            "--no-plugins",
            is_flag=True,
            help="Run without installed plugins: built-in lexicons, readers and reporters only.",
        ),
    ]
    return stack(options, func)


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
    no_plugins: bool = False,
) -> Settings:
    config = _config(config_path, isolated)
    return _merge(
        config,
        lexicons=lexicons,
        default_lexicons=default_lexicons,
        profile=profile,
        no_plugins=no_plugins,
    )


def _merge(config: Config, **options: Any) -> Settings:
    """The run's settings; the plugins they choose become the ones readers and reporters see."""
    try:
        settings = config.merge(**options)
    except LintError as exc:
        raise FatalError(str(exc)) from None
    use_plugins(plugin_choice(settings.plugins))
    return settings


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="respectful-lint")
def main() -> None:
    """Find stigmatizing or conflating language in drafts and suggest preferred wording."""


@main.command()
@click.argument("paths", nargs=-1, type=str)
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
    "--strict-lexicons",
    is_flag=True,
    help="First run the flag and pass examples of the project's own lexicons (as "
    "'lexicon test' does); exit 2 if one fails.",
)
@fix_options
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
    no_plugins: bool,
    strict_lexicons: bool,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    output: str | None,
    track_changes: bool,
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
    try:
        reporter = get_reporter(fmt)
        paths = paths or (".",)
        extras = ["--unsafe-fixes"] * unsafe_fixes + ["--track-changes"] * track_changes
        check_fix_options(paths, fixing, *extras)
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
            )
    except LintError as exc:
        raise FatalError(str(exc)) from None
    to_stderr = fixed is not None and fixed.to_stderr
    color = not no_color and "NO_COLOR" not in os.environ and not to_stderr
    color = color and sys.stdout.isatty()
    if fixed is None or fixed.show_findings:
        rendered = reporter.render(report, RenderOptions(color=color, explain=settings.explain))
        click.echo(rendered, nl=False, color=color, err=to_stderr)
    if fixed is not None:
        # The summary follows text findings; it keeps other formats' output a clean document.
        plain = getattr(reporter, "name", "") in ("text", "concise") and not to_stderr
        click.echo(fixed.summary, err=not plain)
    for error in report.errors:
        click.echo(f"respectful-lint: error: {error}", err=True)
    if report.errors:
        sys.exit(EXIT_ERROR)
    if not exit_zero and report.count(settings.fail_on):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


@main.command(name="rules")
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
