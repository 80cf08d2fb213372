"""Describing rules to people: the data of the ``rules`` listing and of ``explain``, which the
reporters render (see :mod:`.report`).

Everything here is pure: rules in, plain data out. Guards are described as English sentences
from one table per kind of test, so every test a lexicon can write has a description.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from . import guards
from .errors import UsageError
from .model import (
    ConceptGroup,
    Condition,
    Guard,
    Preferred,
    QuotePolicies,
    Rule,
    Severity,
    WordWindow,
)
from .profiles import PROFILES, Profile
from .report import Overridden, RuleExplanation, RuleListing, RuleRow
from .rules import registry as kinds
from .validation import close_match

if TYPE_CHECKING:
    from .customize import Override

# --- looking rules up --------------------------------------------------------------------------


def find_rule(rules: Sequence[Rule], name: str) -> Rule:
    """The rule with id ``name``; otherwise a usage error suggesting the closest ids."""
    for rule in rules:
        if rule.id == name:
            return rule
    hint = ", ".join(f"'{i}'" for i in similar_ids(name, [r.id for r in rules]))
    raise UsageError(
        f"unknown rule '{name}'"
        + (f" (did you mean {hint}?)" if hint else "; 'respectful-lint rules' lists them")
    )


def similar_ids(name: str, ids: Sequence[str], n: int = 3) -> list[str]:
    """Ids whose entry part is ``name`` (a bare ``prostitute``), then close spellings."""
    key = name.strip().lower()
    found = [i for i in ids if i.rpartition("/")[2] == key.rpartition("/")[2]]
    found += difflib.get_close_matches(key, ids, n=n, cutoff=0.6)
    by_entry: dict[str, list[str]] = {}
    for i in ids:
        by_entry.setdefault(i.rpartition("/")[2], []).append(i)
    for entry in difflib.get_close_matches(key.rpartition("/")[2], list(by_entry), n=n):
        found += by_entry[entry]
    return list(dict.fromkeys(found))[:n]


def filter_categories(rules: Sequence[Rule], categories: Sequence[str]) -> list[Rule]:
    """Rules in any of ``categories``; an unknown category is a usage error with a hint."""
    if not categories:
        return list(rules)
    known = sorted({r.category for r in rules})
    for cat in categories:
        if cat not in known:
            close = close_match(cat, known, cutoff=0.5)
            hint = f"did you mean '{close}'?" if close else "known: " + ", ".join(known)
            raise UsageError(f"--category: unknown category '{cat}' ({hint})")
    return [r for r in rules if r.category in categories]


# --- the rules listing -------------------------------------------------------------------------


def rule_summary(rule: Rule) -> dict[str, Any]:
    """One rule of ``rules --format json``."""
    return _row(rule).as_dict()


def listing(rules: Iterable[Rule]) -> RuleListing:
    """What ``rules`` shows."""
    return RuleListing(tuple(_row(r) for r in rules))


def _row(rule: Rule) -> RuleRow:
    entry = rule.entry
    return RuleRow(
        id=rule.id,
        lexicon=rule.lexicon,
        category=rule.category,
        severity=rule.severity.label,
        kind=entry.kind,
        fix=entry.fix,
        preferred=tuple(dict.fromkeys(p.text for p in entry.preferred)),
        tags=tuple(entry.tags),
        headline=_headline_wording(rule),
    )


def _headline_wording(rule: Rule) -> str:
    """The wording to show for a rule in a table: the first one that fits anywhere (not a
    template for one slot, not limited to some terms), else the first."""
    wordings = rule.entry.preferred
    if not wordings:
        return "-"
    general = [p for p in wordings if p.slots is None and p.only_for is None and p.when is None]
    return (general or list(wordings))[0].text


# --- guards in plain words ---------------------------------------------------------------------


GUARD_ACTIONS = {
    "skip": "not reported",
    "downgrade": "reported one level lower",
    "suggestion": "reported as a suggestion",
}
QUOTE_POLICIES = {
    "skip": "not reported",
    "downgrade": "reported one level lower",
    "suggestion": "reported as a suggestion",
    "flag": "reported as usual",
}


def describe_condition(cond: Condition) -> str:
    """All tests of a condition as one clause: "it starts a sentence and ..."."""
    return " and ".join(guards.describe(cond))


def describe_guard(guard: Guard) -> str:
    action = GUARD_ACTIONS[guard.action]
    return (
        f"{action[0].upper()}{action[1:]} when {describe_condition(guard.when)} ({guard.reason})."
    )


def describe_requires(requires: Sequence[Condition]) -> str:
    return "Only reported when " + "; or when ".join(describe_condition(c) for c in requires) + "."


def describe_quotes(quotes: QuotePolicies) -> list[str]:
    return [
        'Named as a word, not used (the term "…", words like "…", so-called "…", '
        f'called them "…", "…" refers to / is outdated): {QUOTE_POLICIES[quotes.mention]}.',
        f'In scare quotes but used (arrested six "…"): {QUOTE_POLICIES[quotes.scare]}.',
        f"Inside quoted speech or a block quote: {QUOTE_POLICIES[quotes.speech]}.",
    ]


def context_lines(rule: Rule) -> list[str]:
    """Every guard of a rule, in the order the engine applies them, as sentences."""
    entry = rule.entry
    lines: list[str] = []
    if entry.exceptions:
        quoted = "; ".join(f'"{p}"' for p in entry.exceptions)
        lines.append(f"Not reported as part of: {quoted}.")
    if entry.requires:
        lines.append(describe_requires(entry.requires))
    lines.extend(describe_guard(g) for g in entry.guards)
    lines.extend(describe_quotes(entry.quotes))
    if any(w.endswith("*") for w in _window_words(entry)):
        lines.append("A word ending in * stands for any word that starts with it.")
    return lines


def _window_words(entry: Any) -> Iterable[str]:
    conds = [g.when for g in entry.guards] + list(entry.requires)
    for cond in conds:
        for _, value in cond.tests:
            if isinstance(value, WordWindow):
                for phrase in value.phrases:
                    yield from phrase
    for phrase in entry.exceptions:
        yield from phrase.split()


def profile_effects(rule: Rule, profiles: Iterable[Profile] = PROFILES.values()) -> dict[str, str]:
    """What each built-in profile does to this rule, by profile name (only those that act)."""
    out: dict[str, str] = {}
    for profile in profiles:
        action = profile.action_for(rule)
        if action is not None:
            out[profile.name] = action
    return out


# --- explain -----------------------------------------------------------------------------------


def kind_details(rule: Rule, groups: Mapping[str, ConceptGroup]) -> dict[str, Any]:
    """What the rule's kind says it looks for (see ``RuleKind.describe``)."""
    return dict(kinds.kind(rule.entry.kind).describe(rule, groups))


def explain_data(
    rule: Rule, profile: Profile | None = None, groups: Mapping[str, ConceptGroup] | None = None
) -> dict[str, Any]:
    """Everything ``explain`` shows, as plain data (the JSON form of ``explain``).

    ``groups`` are the concept groups conflation rules refer to (see ``merge_groups``).
    """
    entry = rule.entry
    effective = profile.apply(rule) if profile is not None else rule
    details = kind_details(rule, groups or {})
    return {
        "id": rule.id,
        "lexicon": rule.lexicon,
        "category": rule.category,
        "kind": entry.kind,
        "severity": rule.severity.label,
        "profile_severity": None if effective is None else effective.severity.label,
        "fix": entry.fix,
        "tags": list(entry.tags),
        "terms": details.pop("terms", []),
        "pattern": details.pop("pattern", None),
        "preferred": [
            {
                "text": p.text,
                "plural": p.plural,
                "for": sorted(p.only_for) if p.only_for is not None else None,
                "when": p.when,
                "slot": sorted(p.slots) if p.slots is not None else None,
                "near": sorted(p.near) if p.near is not None else None,
            }
            for p in entry.preferred
        ],
        "note": entry.note,
        "sources": [
            {"key": s.key, "title": s.title, "year": s.year, "url": s.url} for s in rule.sources
        ],
        "context": context_lines(rule),
        "conflation": details.pop("conflation", None),
        "details": details,  # what a plugin kind describes beyond these
        "profiles": profile_effects(rule),
        "examples": {"flag": list(entry.examples.flag), "pass": list(entry.examples.passes)},
    }


def explanation(
    rule: Rule,
    profile: Profile | None = None,
    groups: Mapping[str, ConceptGroup] | None = None,
    override: Override | None = None,
) -> RuleExplanation:
    """What ``explain`` shows: the rule's data, as ``profile`` (None: the default profile)
    reports it, and the project's ``override`` of it."""
    shown = None if profile is None or profile is PROFILES["default"] else profile
    changes: tuple[Overridden, ...] = ()
    if override is not None:
        origins = dict(override.origins)
        changes = tuple(
            Overridden(name, plain_value(value), origins.get(name))
            for name, value in override.changes
        )
    return RuleExplanation(
        explain_data(rule, shown, groups), None if shown is None else shown.name, changes
    )


def plain_value(value: Any) -> str | list[str]:
    """An overridden value as plain data: a severity's label, wordings' texts."""
    if isinstance(value, Severity):
        return value.label
    if isinstance(value, tuple):
        return [p.text if isinstance(p, Preferred) else p for p in value]
    return str(value) if not isinstance(value, str) else value
