"""Choosing which rules run: ``--select`` / ``--ignore`` by rule-id prefix or category, and
the context profile (``--profile``) that adjusts tagged rules.

As in flake8 and ruff, the longest matching selector wins; on a tie, ignore wins.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .errors import UsageError
from .model import Rule, Severity
from .profiles import DEFAULT_PROFILE, Profile


def split_selectors(values: Iterable[str]) -> tuple[str, ...]:
    """Accept repeated options and comma-separated lists alike."""
    out: list[str] = []
    for value in values:
        out.extend(part.strip() for part in value.split(",") if part.strip())
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Selection:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_severity: Severity = Severity.SUGGESTION
    profile: Profile = DEFAULT_PROFILE

    def check(self, rules: Sequence[Rule]) -> None:
        """Refuse selectors that match no rule id prefix and no category."""
        ids = [r.id for r in rules]
        categories = sorted({r.category for r in rules})
        lexicons = sorted({r.lexicon for r in rules})
        for option, selectors in (("--select", self.select), ("--ignore", self.ignore)):
            for sel in selectors:
                if sel.upper() == "ALL" or sel in categories or any(i.startswith(sel) for i in ids):
                    continue
                close = difflib.get_close_matches(
                    sel, [*categories, *lexicons, *ids], n=1, cutoff=0.5
                )
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise UsageError(f"{option}: '{sel}' matches no rule id or category{hint}")

    def choose(self, rules: Sequence[Rule]) -> list[Rule]:
        """The enabled rules, as the profile runs them (it may lower or turn off some)."""
        chosen: list[Rule] = []
        for rule in rules:
            if self.enabled(rule) and (adjusted := self.profile.apply(rule)) is not None:
                chosen.append(adjusted)
        return chosen

    def enabled(self, rule: Rule) -> bool:
        chosen = _specificity(self.select, rule) if self.select else 0
        ignored = _specificity(self.ignore, rule)
        if self.select and chosen < 0:
            return False
        return not (ignored >= 0 and ignored >= chosen)


def _specificity(selectors: tuple[str, ...], rule: Rule) -> int:
    best = -1
    for sel in selectors:
        if sel.upper() == "ALL":
            best = max(best, 0)
        elif rule.id.startswith(sel) or sel == rule.category:
            best = max(best, len(sel))
    return best
