"""Describing rules to people: the ``rules`` listing and ``explain`` in text and JSON.

Everything here is pure: rules in, strings or plain data out. Guards are rendered as English
sentences from one table per kind of test, so every test a lexicon can write has a rendering.
"""

from __future__ import annotations

import difflib
import json
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from . import guards
from .errors import UsageError
from .model import ConceptGroup, Condition, Guard, QuotePolicies, Rule, WordWindow
from .profiles import PROFILES, Profile

JSON_VERSION = 1
WIDTH = 100

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
            close = difflib.get_close_matches(cat, known, n=1, cutoff=0.5)
            hint = f"did you mean '{close[0]}'?" if close else "known: " + ", ".join(known)
            raise UsageError(f"--category: unknown category '{cat}' ({hint})")
    return [r for r in rules if r.category in categories]


# --- the rules listing -------------------------------------------------------------------------


def rule_summary(rule: Rule) -> dict[str, Any]:
    """One rule of ``rules --format json``."""
    entry = rule.entry
    return {
        "id": rule.id,
        "lexicon": rule.lexicon,
        "category": rule.category,
        "severity": rule.severity.label,
        "kind": entry.kind,
        "fix": entry.fix,
        "preferred": [p.text for p in entry.preferred],
        "tags": list(entry.tags),
    }


def rules_json(rules: Iterable[Rule]) -> str:
    doc = {"version": JSON_VERSION, "rules": [rule_summary(r) for r in rules]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _headline_wording(rule: Rule) -> str:
    """The wording to show for a rule in a table: the first one that fits anywhere (not a
    template for one slot, not limited to some terms), else the first."""
    wordings = rule.entry.preferred
    if not wordings:
        return "-"
    general = [p for p in wordings if p.slots is None and p.only_for is None and p.when is None]
    return (general or list(wordings))[0].text


def rules_text(rules: Sequence[Rule]) -> str:
    header = ("RULE", "SEVERITY", "CATEGORY", "FIX", "PREFERRED")
    rows = [
        (
            r.id,
            r.severity.label,
            r.category,
            r.entry.fix,
            _headline_wording(r),
        )
        for r in rules
    ]
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header) - 1)]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row[:-1], widths, strict=True)) + "  " + row[-1]
        for row in (header, *rows)
    ]
    fixes = [sum(1 for r in rules if r.entry.fix == kind) for kind in ("safe", "unsafe", "none")]
    lines.append(
        f"{len(rows)} rule{'' if len(rows) == 1 else 's'}: {fixes[0]} fix safely, "
        f"{fixes[1]} unsafely (with --unsafe-fixes), {fixes[2]} offer no fix."
    )
    return "\n".join(lines) + "\n"


# --- guards in plain words ---------------------------------------------------------------------


SLOT_NAMES = {
    "noun": "where the match stands as a noun",
    "modifier": "before a noun, which the wording takes in",
    "predicate": "after is, are, was, be and the like, which stay",
    "verb": "after is or are, which the wording replaces",
    "collective": 'for a group named by an adjective ("the …")',
}


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
PROFILE_ACTIONS = {
    "skip": "turned off",
    "downgrade": "reported one level lower",
    "suggestion": "reported as a suggestion",
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


def forms_by_term(rule: Rule) -> list[tuple[str, list[str]]]:
    """Each base term (or listed form) with the forms generated from it, in order."""
    grouped: dict[str, list[str]] = {}
    for form, inflection in rule.forms.items():
        grouped.setdefault(inflection.base, []).append(form)
    return list(grouped.items())


def conflation_data(rule: Rule, groups: Mapping[str, ConceptGroup]) -> dict[str, Any] | None:
    """A conflation rule's shape, concept groups and guards (None for other rules)."""
    from .rules.conflation import describe as describe_conflation

    info = describe_conflation(rule, groups)
    if info is None:
        return None
    return {
        "shape": info.shape,
        "title": info.title,
        "summary": info.summary,
        "groups": [
            {"role": g.role, "id": g.id, "description": g.description, "terms": list(g.terms)}
            for g in info.groups
        ],
        "guards": [
            {"reason": g.reason, "action": g.action, "tests": list(g.tests)} for g in info.guards
        ],
        "supersedes": list(info.supersedes),
    }


def explain_data(
    rule: Rule, profile: Profile | None = None, groups: Mapping[str, ConceptGroup] | None = None
) -> dict[str, Any]:
    """Everything ``explain`` shows, as plain data (the JSON form of ``explain``).

    ``groups`` are the concept groups conflation rules refer to (see ``merge_groups``).
    """
    entry = rule.entry
    effective = profile.apply(rule) if profile is not None else rule
    return {
        "id": rule.id,
        "lexicon": rule.lexicon,
        "category": rule.category,
        "kind": entry.kind,
        "severity": rule.severity.label,
        "profile_severity": None if effective is None else effective.severity.label,
        "fix": entry.fix,
        "tags": list(entry.tags),
        "terms": [{"term": base, "forms": forms} for base, forms in forms_by_term(rule)],
        "pattern": entry.pattern,
        "preferred": [
            {
                "text": p.text,
                "plural": p.plural,
                "for": sorted(p.only_for) if p.only_for is not None else None,
                "when": p.when,
                "slot": sorted(p.slots) if p.slots is not None else None,
            }
            for p in entry.preferred
        ],
        "note": entry.note,
        "sources": [
            {"key": s.key, "title": s.title, "year": s.year, "url": s.url} for s in rule.sources
        ],
        "context": context_lines(rule),
        "conflation": conflation_data(rule, groups or {}),
        "profiles": profile_effects(rule),
        "examples": {"flag": list(entry.examples.flag), "pass": list(entry.examples.passes)},
    }


def explain_json(
    rule: Rule, profile: Profile | None = None, groups: Mapping[str, ConceptGroup] | None = None
) -> str:
    doc = {"version": JSON_VERSION, "rule": explain_data(rule, profile, groups)}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


_FIX_TEXT = {
    "safe": "safe (the first wording fits every match)",
    "unsafe": "unsafe (the first wording usually fits; check each change)",
    "none": "none",
}


def _wrap(text: str, indent: str = "  ", hang: str = "") -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=indent,
        subsequent_indent=indent + hang,
        break_long_words=False,
        break_on_hyphens=False,
    )


def explain_text(
    rule: Rule, profile: Profile | None = None, groups: Mapping[str, ConceptGroup] | None = None
) -> str:
    data = explain_data(rule, profile, groups)
    severity = data["severity"]
    if profile is not None and data["profile_severity"] != severity:
        shown = data["profile_severity"] or "off"
        severity += f" ({shown} with the {profile.name} profile)"
    out = [rule.id, ""]
    fields = [
        ("severity", severity),
        ("category", rule.category),
        ("fix", _FIX_TEXT[rule.entry.fix]),
    ]
    if rule.entry.tags:
        fields.append(("tags", ", ".join(rule.entry.tags)))
    out += [f"  {name:<9} {value}" for name, value in fields]

    if data["terms"]:
        out += ["", "Terms and the forms they match:"]
        for item in data["terms"]:
            out += _wrap(f"{item['term']}: " + ", ".join(item["forms"]), hang="  ")
    if data["pattern"]:
        out += ["", "Pattern (on lower-cased text with single spaces):", f"  {data['pattern']}"]
    if data["preferred"]:
        out += ["", "Preferred wording, best first:"]
        for n, p in enumerate(data["preferred"], 1):
            extra = f" (plural: {p['plural']})" if p["plural"] else ""
            if p["for"]:
                extra += " (for: " + ", ".join(p["for"]) + ")"
            if p["when"]:
                extra += f" (when the words match: {p['when']})"
            if p.get("slot"):
                extra += " (fits " + "; ".join(SLOT_NAMES[k] for k in p["slot"]) + ")"
            if "{place}" in p["text"]:
                extra += " (when a named place goes with the match, which the wording takes in)"
            out += _wrap(f"{n}. {p['text']}{extra}", hang="   ")
    out += ["", "Why:", *_wrap(rule.entry.note)]
    if data["sources"]:
        out += ["", "Sources:"]
        for s in data["sources"]:
            year = f" ({s['year']})" if s["year"] else ""
            out += _wrap(f"- {s['title']}{year}", hang="  ")
            out.append(f"    {s['url']}")
    shape = data["conflation"]
    if shape is not None:
        out += ["", f"Shape: {shape['title']}", *_wrap(shape["summary"])]
        out += ["", "Concept groups:"]
        for g in shape["groups"]:
            described = f" ({g['description']})" if g["description"] else ""
            out += _wrap(f"- {g['role']}: {g['id']}{described}", hang="  ")
            out += _wrap(", ".join(g["terms"]), indent="    ")
        if shape["guards"]:
            out += ["", "Not reported, or reported lower, when:"]
            for g in shape["guards"]:
                tests = "; or ".join(g["tests"])
                out += _wrap(f"- {g['reason']} ({g['action']}): {tests}", hang="  ")
        if shape["supersedes"]:
            out += ["", "Replaces overlapping findings of: " + ", ".join(shape["supersedes"])]
    out += ["", "When it is not reported, or reported lower:"]
    for line in data["context"]:
        out += _wrap(f"- {line}", hang="  ")
    if data["profiles"]:
        out += ["", "Profiles:"]
        for name, action in data["profiles"].items():
            out.append(f"  - {name}: {PROFILE_ACTIONS[action]}.")
    examples = data["examples"]
    for title, items in (("Flagged:", examples["flag"]), ("Not flagged:", examples["pass"])):
        if items:
            out += ["", title]
            for text in items:
                out += _wrap(f"- {text}", hang="  ")
    return "\n".join(out) + "\n"
