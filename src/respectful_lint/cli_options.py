"""What the commands share: one-line fatal errors, ``--debug``, and the option groups that
several commands take (the project's settings, rule selection, output format)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, cast

import click

from .errors import LintError
from .profiles import PROFILES, Profile, get_profile

if TYPE_CHECKING:
    from .config import Config, Settings
    from .model import Rule

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
SEVERITY_CHOICE = click.Choice(["error", "warning", "suggestion"], case_sensitive=False)
DEBUG = "respectful_lint.debug"
F = TypeVar("F", bound=Callable[..., Any])


class FatalError(click.ClickException):
    """A one-line error that exits 2 (click's own default would be 1)."""

    exit_code = EXIT_ERROR

    def show(self, file: object = None) -> None:
        del file
        click.echo(f"respectful-lint: error: {self.message}", err=True)


@contextmanager
def fatal() -> Iterator[None]:
    """Turn a :class:`LintError` into a one-line fatal error (exit 2)."""
    try:
        yield
    except LintError as exc:
        raise FatalError(str(exc)) from None


def stack(options: Sequence[Callable[[F], F]], func: F) -> F:
    """``func`` with ``options`` applied, the first one shown first in ``--help``."""
    for option in reversed(options):
        func = option(func)
    return func


def _set_debug(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    del param
    if value:
        ctx.find_root().meta[DEBUG] = True


debug_option = click.option(
    "--debug",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_set_debug,
    help="Show the traceback of an internal error.",
)


def format_option(default: str | None, help: str) -> Callable[[F], F]:
    return click.option("--format", "fmt", default=default, metavar="FORMAT", help=help)


def selection_options(func: F) -> F:
    """``--select``, ``--ignore`` and ``--min-severity``."""

    def selectors(name: str, what: str) -> Callable[[F], F]:
        return click.option(
            f"--{name}",
            multiple=True,
            metavar="RULES",
            help=f"{what} rules: rule ids, lexicons, categories or prefixes ending in *"
            " (repeatable, comma-separated).",
        )

    return stack(
        [
            selectors("select", "Only these"),
            selectors("ignore", "Skip these"),
            click.option(
                "--min-severity",
                type=SEVERITY_CHOICE,
                help="Hide findings below this severity.  [default: suggestion]",
            ),
        ],
        func,
    )


def _profile(ctx: click.Context, param: click.Parameter, value: str | None) -> Profile | None:
    del ctx, param
    if value is None:
        return None
    try:
        return get_profile(value)
    except LintError as exc:
        raise FatalError(f"--profile: {exc}") from None


class Project(NamedTuple):
    """The options that decide which rules exist and how they report. Their defaults are None
    ("not given"), so the configuration file can supply a value."""

    config_path: str | None
    isolated: bool
    lexicons: tuple[str, ...]
    default_lexicons: bool | None
    profile: Profile | None
    no_plugins: bool

    def config(self) -> Config:
        """The configuration to use: the named file, none (``--isolated``) or the one found."""
        from .config import Config, discover_config, load_config

        if self.isolated and self.config_path is not None:
            raise FatalError("--config and --isolated cannot be used together")
        with fatal():
            if self.isolated:
                return Config()
            if self.config_path is not None:
                return load_config(self.config_path)
            return discover_config()

    def settings(self, config: Config | None = None, **options: Any) -> Settings:
        """The run's settings: these options and ``options`` over ``config`` (by default the
        one found); the plugins they choose become the ones readers and reporters see."""
        from .plugins import choice, use

        with fatal():
            settings = (config or self.config()).merge(
                lexicons=self.lexicons,
                default_lexicons=self.default_lexicons,
                profile=self.profile,
                no_plugins=self.no_plugins,
                **options,
            )
        use(choice(settings.plugins))
        return settings


def all_rules(settings: Settings) -> list[Rule]:
    """Every rule, with the project's overrides; an override of no rule is an error."""
    from .lexicon import cached_lexicons
    from .plugins import choice
    from .runner import load_rules

    with fatal():
        plugins = choice(settings.plugins)
        lexicons = cached_lexicons(
            settings.lexicons, defaults=settings.default_lexicons, plugins=plugins
        )
        settings.config.check_per_file_ignores(lexicons)
        return load_rules(
            settings.lexicons,
            default_lexicons=settings.default_lexicons,
            plugins=plugins,
            customization=settings.customization,
        )


def grouped(
    name: str, group: Callable[..., Any], options: Sequence[Callable[[F], F]]
) -> Callable[[F], F]:
    """``options`` for a command, passed to it as one argument ``name``: ``group`` (a named tuple)
    made of their values, one field each."""
    fields: tuple[str, ...] = group._fields  # type: ignore[attr-defined]

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def command(*args: Any, **kwargs: Any) -> Any:
            kwargs[name] = group(**{field: kwargs.pop(field) for field in fields})
            return func(*args, **kwargs)

        return stack(options, cast(F, command))

    return decorate


project_options = grouped(
    "project",
    Project,
    [
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
            help=(
                "A lexicon file or a folder of them (repeatable), beside the built-in ones; "
                "replaces the configuration's 'lexicons' list."
            ),
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
    ],
)
"""The options of :class:`Project`, passed to the command as one ``project`` argument."""
