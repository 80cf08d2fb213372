"""The rule kinds a run can use, registered in the ``respectful_lint.rule_kinds`` group.

The built-in kinds (term, pattern, conflation) register there exactly as a plugin's kinds do.
A plugin's kind is imported only when a lexicon entry names it, so a broken kind cannot
break a run that does not use it; when it fails to import, the error names its distribution.
The project's ``plugins`` choice governs which plugin kinds exist, as for readers.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from .. import plugins
from ..errors import LexiconError
from ..model import Rule
from .kind import RuleKind

GROUP = plugins.GROUPS["rule_kinds"]
BUILTIN = ("term", "pattern", "conflation")  # matched in this order, then plugins' by name


class _Entry(plugins.LazyEntry[RuleKind]):
    kind = "rule kind"


def _builtins() -> dict[str, RuleKind]:
    from .conflation_kind import KIND as conflation
    from .pattern import KIND as pattern
    from .term import KIND as term

    return {k.name: k for k in (term, pattern, conflation)}


@lru_cache(maxsize=4)
def _registry(chosen: plugins.Choice) -> dict[str, _Entry]:
    return plugins.registered(GROUP, chosen, _Entry, _builtins)


def names() -> tuple[str, ...]:
    """Every kind name a lexicon entry may use: the built-ins, then plugins' by name."""
    found = _registry(plugins.active())
    return (*(n for n in BUILTIN if n in found), *sorted(n for n in found if n not in BUILTIN))


def kind(name: str) -> RuleKind:
    """The kind of that name, imported on first use (a broken plugin names its distribution)."""
    entry = _registry(plugins.active()).get(name)
    if entry is None:
        raise LexiconError(f"unknown rule kind '{name}' (known: {', '.join(names())})")
    return entry.load()


def used(rules: Iterable[Rule]) -> list[RuleKind]:
    """The kinds to compile, in matching order: every built-in, and each plugin kind a rule
    uses."""
    named = {r.entry.kind for r in rules}
    return [kind(n) for n in names() if n in BUILTIN or n in named]
