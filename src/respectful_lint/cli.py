"""The ``respectful-lint`` command.

Exit codes follow ruff: 0 when no finding reaches the fail level, 1 when one does, and 2 for
usage, configuration, lexicon or I/O errors.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .errors import LintError
from .model import Rule, Severity
from .profiles import PROFILES, Profile, get_profile
from .reporters import RenderOptions, get_reporter
from .runner import load_rules, prepare, run
from .selection import Selection, split_selectors

SEVERITY_CHOICE = click.Choice(["error", "warning", "suggestion"], case_sensitive=False)
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
F = TypeVar("F", bound=Callable[..., Any])


class FatalError(click.ClickException):
    """A one-line error that exits 2 (click's own default would be 1)."""

    exit_code = EXIT_ERROR

    def show(self, file: object = None) -> None:
        del file
        click.echo(f"respectful-lint: error: {self.message}", err=True)


def _profile(ctx: click.Context, param: click.Parameter, value: str) -> Profile:
    del ctx, param
    try:
        return get_profile(value)
    except LintError as exc:
        raise FatalError(f"--profile: {exc}") from None


def lexicon_options(func: F) -> F:
    """The options that decide which rules exist and how they report: shared by commands."""
    options = [
        click.option(
            "--lexicon",
            "lexicons",
            multiple=True,
            metavar="PATH",
            help="Add a lexicon file or a folder of them (repeatable).",
        ),
        click.option(
            "--no-default-lexicons", is_flag=True, help="Do not load the built-in lexicons."
        ),
        click.option(
            "--profile",
            default="default",
            show_default=True,
            metavar="NAME",
            callback=_profile,
            help="Context profile: " + ", ".join(PROFILES) + ".",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _rules(lexicons: tuple[str, ...], no_default_lexicons: bool) -> list[Rule]:
    try:
        return load_rules([Path(p) for p in lexicons], default_lexicons=not no_default_lexicons)
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
    default="warning",
    show_default=True,
    help="Exit 1 when a finding is at or above this severity.",
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
    default="suggestion",
    show_default=True,
    help="Hide findings below this severity.",
)
@lexicon_options
@click.option(
    "--stdin-filename",
    metavar="NAME",
    help="Name to report for '-' (its extension picks the reader).",
)
@click.option("--no-color", is_flag=True, help="Never colour the output (NO_COLOR works too).")
@click.option("--no-explain", is_flag=True, help="Leave out the 'why' notes in text output.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Compile the lexicons afresh instead of using the on-disk cache.",
)
def check(
    paths: tuple[str, ...],
    fmt: str,
    fail_on: str,
    exit_zero: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    min_severity: str,
    lexicons: tuple[str, ...],
    no_default_lexicons: bool,
    profile: Profile,
    stdin_filename: str | None,
    no_color: bool,
    no_explain: bool,
    no_cache: bool,
) -> None:
    """Check files, folders (recursively) and '-' for stdin; the current folder by default."""
    selection = Selection(
        select=split_selectors(select),
        ignore=split_selectors(ignore),
        min_severity=Severity.parse(min_severity),
        profile=profile,
    )
    try:
        reporter = get_reporter(fmt)
        compiled = prepare(
            [Path(p) for p in lexicons],
            default_lexicons=not no_default_lexicons,
            selection=selection,
            cache=not no_cache,
        )
        report = run(paths or ["."], compiled, selection=selection, stdin_name=stdin_filename)
    except LintError as exc:
        raise FatalError(str(exc)) from None
    color = not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()
    output = reporter.render(report, RenderOptions(color=color, explain=not no_explain))
    click.echo(output, nl=False, color=color)
    for error in report.errors:
        click.echo(f"respectful-lint: error: {error}", err=True)
    if report.errors:
        sys.exit(EXIT_ERROR)
    if not exit_zero and report.count(Severity.parse(fail_on)):
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
    lexicons: tuple[str, ...],
    no_default_lexicons: bool,
    profile: Profile,
) -> None:
    """List every rule: id, severity, category, whether it fixes, and the preferred wording.

    With --profile, rules show the severity the profile gives them; rules it turns off are left
    out.
    """
    from . import describe

    rules = Selection(profile=profile).choose(_rules(lexicons, no_default_lexicons))
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
    lexicons: tuple[str, ...],
    no_default_lexicons: bool,
    profile: Profile,
) -> None:
    """Explain a rule: its terms and forms, preferred wording, why, sources, guards, examples."""
    from . import describe
    from .lexicon import cached_lexicons
    from .rules.conflation import merge_groups

    try:
        rule = describe.find_rule(_rules(lexicons, no_default_lexicons), rule_id)
        groups = merge_groups(cached_lexicons(lexicons, defaults=not no_default_lexicons))
    except LintError as exc:
        raise FatalError(str(exc)) from None
    shown = None if profile is PROFILES["default"] else profile
    render = describe.explain_json if fmt == "json" else describe.explain_text
    click.echo(render(rule, shown, groups), nl=False)
