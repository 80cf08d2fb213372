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

# Findings about the run itself rather than the text: selectable like lexicon rules.
META_CATEGORY = "meta"
META_RULES = ("meta/unused-suppression",)


def split_selectors(values: Iterable[str]) -> tuple[str, ...]:
    """Accept repeated options and comma-separated lists alike."""
    out: list[str] = []
    for value in values:
        out.extend(part.strip() for part in value.split(",") if part.strip())
    return tuple(out)


class UnknownSelector(UsageError):
    """A selector that matches no rule id prefix and no category."""

    def __init__(self, option: str, selector: str, hint: str) -> None:
        self.option = option
        self.selector = selector
        self.reason = f"'{selector}' matches no rule id or category{hint}"
        super().__init__(f"{option}: {self.reason}")


def check_selectors(
    option: str, selectors: Iterable[str], ids: Sequence[str], categories: Sequence[str]
) -> None:
    """Raise :class:`UnknownSelector`, with the closest name as a hint, for the first selector
    that is not ALL, a category or a prefix of a rule id."""
    for sel in selectors:
        if sel.upper() == "ALL" or sel in categories or any(i.startswith(sel) for i in ids):
            continue
        lexicons = sorted({i.split("/", 1)[0] for i in ids})
        close = difflib.get_close_matches(sel, [*categories, *lexicons, *ids], n=1, cutoff=0.5)
        raise UnknownSelector(option, sel, f" (did you mean '{close[0]}'?)" if close else "")


def rule_matches(selectors: Iterable[str], rule: str, category: str) -> bool:
    """Whether one of ``selectors`` (rule-id prefixes, categories or ALL) names this rule."""
    return any(s.upper() == "ALL" or rule.startswith(s) or s == category for s in selectors)


@dataclass(frozen=True, slots=True)
class Selection:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_severity: Severity = Severity.SUGGESTION
    profile: Profile = DEFAULT_PROFILE

    def check(self, rules: Sequence[Rule]) -> None:
        """Refuse selectors that match no rule id prefix and no category."""
        ids = [*(r.id for r in rules), *META_RULES]
        categories = sorted({*(r.category for r in rules), META_CATEGORY})
        check_selectors("--select", self.select, ids, categories)
        check_selectors("--ignore", self.ignore, ids, categories)

    def choose(self, rules: Sequence[Rule]) -> list[Rule]:
        """The enabled rules, as the profile runs them (it may lower or turn off some)."""
        chosen: list[Rule] = []
        for rule in rules:
            if self.enabled(rule) and (adjusted := self.profile.apply(rule)) is not None:
                chosen.append(adjusted)
        return chosen

    def enabled(self, rule: Rule) -> bool:
        return self.names(rule.id, rule.category)

    def names(self, rule_id: str, category: str) -> bool:
        """Whether the selectors keep a rule id of this category (a lexicon rule or one of
        the ``meta`` findings about the run itself)."""
        chosen = _specificity(self.select, rule_id, category) if self.select else 0
        ignored = _specificity(self.ignore, rule_id, category)
        if self.select and chosen < 0:
            return False
        return not (ignored >= 0 and ignored >= chosen)


def _specificity(selectors: tuple[str, ...], rule_id: str, category: str) -> int:
    best = -1
    for sel in selectors:
        if sel.upper() == "ALL":
            best = max(best, 0)
        elif rule_id.startswith(sel) or sel == category:
            best = max(best, len(sel))
    return best
