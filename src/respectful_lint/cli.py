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
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import __version__, baseline, ci
from .config import Config, Settings, discover_config, load_config
from .errors import LintError
from .lexicon import CompiledLexicon
from .model import Rule
from .plugins import choice as plugin_choice
from .plugins import use as use_plugins
from .profiles import PROFILES, Profile, get_profile
from .reporters import RenderOptions, get_reporter
from .runner import STDIN, Report, load_rules, prepare_settings, run
from .selection import split_selectors

if TYPE_CHECKING:
    from .fixrun import FixOptions

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


def fix_options(func: F) -> F:
    """``--fix`` and the options that go with it."""
    options = [
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
            help="Write a corrected copy of the one input here; the input is left as it is.",
        ),
        click.option(
            "--track-changes",
            is_flag=True,
            help="In a Word document, write fixes as tracked changes to accept or reject.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def check_fix_paths(paths: tuple[str, ...], output: str | None) -> None:
    """``--output`` takes one input file (or '-'), never the input itself."""
    if output is None:
        return
    if len(paths) != 1 or (paths[0] != STDIN and not os.path.isfile(paths[0])):
        raise FatalError("--output takes exactly one input file")
    if paths[0] != STDIN and os.path.exists(output) and os.path.samefile(paths[0], output):
        raise FatalError("--output must not be the input file; use --fix to fix it in place")
    if os.path.isdir(output):
        raise FatalError(f"--output: {output} is a folder")


def fix_run(
    paths: tuple[str, ...],
    compiled: CompiledLexicon,
    settings: Settings,
    config: Config,
    stdin_name: str | None,
    options: FixOptions,
    reporter: Any,
    use_color: bool,
    exit_zero: bool = False,
) -> None:
    """Check, fix, write and report; exits with what remains."""
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
        )

    report = run(
        paths,
        compiled,
        selection=settings.selection,
        stdin_name=stdin_name,
        stdin=stdin,
        config=config,
    )
    include = paths if options.output is not None else (STDIN,) if stdin is not None else ()
    outcome = fix_report(report, include, lint, options, stdin=stdin, stdin_name=stdin_name)
    write_results(outcome, report, options)
    to_stderr = options.diff or (outcome.stdin is not None and options.output is None)
    if options.diff:
        click.echo("".join(diff(r) for r in outcome.results if r.changed), nl=False)
    else:
        if outcome.stdin is not None and options.output is None:
            sys.stdout.buffer.write(outcome.stdin.after)
            sys.stdout.flush()
        color = use_color and not to_stderr
        rendered = reporter.render(report, RenderOptions(color=color, explain=settings.explain))
        click.echo(rendered, nl=False, color=color, err=to_stderr)
    plain = getattr(reporter, "name", "") in ("text", "concise") and not to_stderr
    click.echo(summary(outcome, report, options), err=not plain)
    for error in report.errors:
        click.echo(f"respectful-lint: error: {error}", err=True)
    if report.errors:
        sys.exit(EXIT_ERROR)
    failed = not exit_zero and report.count(settings.fail_on)
    sys.exit(EXIT_FINDINGS if failed else EXIT_CLEAN)


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version and the scanner in use, and exit.",
)
def main() -> None:
    """Find stigmatizing or conflating language in drafts and suggest preferred wording."""


@main.command()
@click.argument("paths", nargs=-1, type=str)
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
        paths = paths or (".",)
        check_fix_paths(paths, output)
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if report_unused_suppressions is None:
        report_unused_suppressions = bool(config.report_unused_suppressions)
    try:
        reporter = get_reporter(fmt)
        entries = None if baseline_file is None else baseline.load(baseline_file)
        compiled = prepare_settings(settings, cache=not no_cache)
        if strict_lexicons:
            _strict_lexicons(settings)
        if fixing is not None:
            fix_run(
                paths,
                compiled,
                settings,
                config,
                stdin_filename,
                fixing,
                reporter,
                ci.use_color(color, no_color, None),
                exit_zero,
            )
        report = run(
            paths or ["."],
            compiled,
            selection=settings.selection,
            stdin_name=stdin_filename,
            config=config,
            jobs=jobs,
            report_unused_suppressions=report_unused_suppressions,
        )
        stale = ci.apply_baseline(report, entries, write_baseline)
        use_color = ci.use_color(color, no_color, output_file)
        options = RenderOptions(
            color=use_color, explain=settings.explain, quiet=quiet, fail_on=settings.fail_on
        )
        if statistics:
            rendered = ci.render_statistics(report, json_format=fmt == "json")
        else:
            rendered = reporter.render(report, options)
        ci.emit(rendered, output_file, use_color)
    except LintError as exc:
        raise FatalError(str(exc)) from None
    for error in report.errors:
        click.echo(f"respectful-lint: error: {error}", err=True)
    ci.notices(report, write_baseline, baseline_file, stale, quiet)
    if report.errors:
        sys.exit(EXIT_ERROR)
    if write_baseline is None and not exit_zero and report.count(settings.fail_on):
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
