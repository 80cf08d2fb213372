"""The rule kinds a run can use, registered in the ``respectful_lint.rule_kinds`` group.

The built-in kinds (term, pattern, conflation) register there exactly as a plugin's kinds do.
A plugin's kind is imported only when a lexicon entry names it, so a broken kind cannot
break a run that does not use it; when it fails to import, the error names its distribution.
The project's ``plugins`` choice governs which plugin kinds exist, as for readers.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from .. import plugins
from ..errors import LexiconError, LintError
from ..model import Rule
from .kind import RuleKind

GROUP = plugins.GROUPS["rule_kinds"]
BUILTIN = ("term", "pattern", "conflation")  # matched in this order, then plugins' by name


class _Entry(plugins.LazyEntry[RuleKind]):
    kind = "rule kind"

    def load(self) -> RuleKind:
        found = super().load()
        if self.ep is None or self.builtin or isinstance(found, _Guarded):
            return found
        label = f"rule kind plugin '{self.name}' from {plugins.distribution(self.ep)}"
        missing = [m for m in _METHODS if not callable(getattr(found, m, None))]
        if missing or not isinstance(getattr(found, "name", None), str):
            self.error = LintError(
                f"{label} is not a rule kind: it lacks {', '.join(missing) or 'a name'}"
            )
            raise self.error
        self.cls = _Guarded(found, label)
        return self.cls


_METHODS = ("validate", "forms", "compile", "describe")


class _Guarded:
    """A plugin's rule kind whose own faults are one error line naming its distribution, not
    an internal error of respectful-lint. A lexicon error it raises (``check.fail``) passes
    through as it is."""

    def __init__(self, inner: RuleKind, label: str) -> None:
        self._inner = inner
        self._label = label
        self.name = inner.name
        self.keys = tuple(getattr(inner, "keys", ()))

    def _call(self, method: str, *args: Any) -> Any:
        try:
            return getattr(self._inner, method)(*args)
        except LintError:
            raise
        except Exception as exc:
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise LexiconError(f"{self._label} failed in {method}: {reason}") from None

    def validate(self, check: Any, data: Any, path: Any, what: str) -> Any:
        return self._call("validate", check, data, path, what)

    def forms(self, entry: Any) -> Any:
        return self._call("forms", entry)

    def compile(self, rules: Any, lexicons: Any) -> Any:
        return self._call("compile", rules, lexicons)

    def describe(self, rule: Any, groups: Any) -> Any:
        return self._call("describe", rule, groups)


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
