"""The ``rules`` and ``explain`` commands: the rules listing and one rule explained, rendered
by the reporters (see :class:`~respectful_lint.reporters.RuleReporter`)."""

from __future__ import annotations

import click

from .cli_options import (
    Project,
    all_rules,
    debug_option,
    fatal,
    format_option,
    project_options,
)

_FORMAT_HELP = (
    "Output format: text or json (or a reporter plugin that shows rules).  [default: text]"
)


@click.command(name="rules")
@debug_option
@click.option(
    "--category",
    "categories",
    multiple=True,
    metavar="C",
    help="Only rules of this category (repeatable, comma-separated).",
)
@format_option("text", _FORMAT_HELP)
@project_options
def rules_command(categories: tuple[str, ...], fmt: str, project: Project) -> None:
    """List every rule: id, severity, category, whether it fixes, and the preferred wording.

    With --profile, rules show the severity the profile gives them; rules it turns off are left
    out. The lexicons and profile of the configuration file apply.
    """
    from . import describe
    from .reporters import RenderOptions, get_rule_reporter
    from .selection import split_selectors

    settings = project.settings()
    rules = settings.selection.choose(all_rules(settings))
    with fatal():
        reporter = get_rule_reporter(fmt)
        rules = describe.filter_categories(rules, split_selectors(categories))
        click.echo(reporter.render_rules(describe.listing(rules), RenderOptions()), nl=False)


@click.command()
@click.argument("rule_id", metavar="RULE-ID")
@debug_option
@format_option("text", _FORMAT_HELP)
@project_options
def explain(rule_id: str, fmt: str, project: Project) -> None:
    """Explain a rule: its terms and forms, preferred wording, why, sources, guards, examples."""
    from . import describe
    from .lexicon import cached_lexicons
    from .plugins import choice
    from .reporters import RenderOptions, get_rule_reporter
    from .rules.groups import merge_groups
    from .selection import turned_off

    settings = project.settings()
    with fatal():
        reporter = get_rule_reporter(fmt)
        lexicons = cached_lexicons(
            settings.lexicons, defaults=settings.default_lexicons, plugins=choice(settings.plugins)
        )
        rules = all_rules(settings)
        if rule_id not in {r.id for r in rules}:
            turned_off(lexicons, rule_id, "explain")
        rule = describe.find_rule(rules, rule_id)
        explanation = describe.explanation(
            rule,
            settings.selection.profile,
            merge_groups(lexicons),
            settings.customization.override_for(rule.id),
        )
        click.echo(reporter.render_explanation(explanation, RenderOptions()), nl=False)
