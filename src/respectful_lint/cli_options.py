"""Options and errors shared by the ``respectful-lint`` commands (see :mod:`.cli`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from .cli_fix import stack
from .config import Config, Settings, discover_config, load_config
from .errors import LintError
from .plugins import choice as plugin_choice
from .plugins import use as use_plugins
from .profiles import PROFILES, Profile, get_profile

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
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
