"""The text of ``rules`` (a table) and of ``explain`` (a rule described section by section),
for the text reporter."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any

from ..report import RuleExplanation, RuleListing

WIDTH = 100

SLOT_NAMES = {
    "noun": "where the match stands as a noun",
    "modifier": "before a noun, which the wording takes in",
    "predicate": "after is, are, was, be and the like, which stay",
    "verb": "after is or are, which the wording replaces",
    "collective": 'for a group named by an adjective ("the …")',
}
PROFILE_ACTIONS = {
    "skip": "turned off",
    "downgrade": "reported one level lower",
    "suggestion": "reported as a suggestion",
}
_FIX_TEXT = {
    "safe": "safe (the first wording fits every match)",
    "unsafe": "unsafe (the first wording usually fits; check each change)",
    "none": "none",
}


def rules_text(listing: RuleListing) -> str:
    header = ("RULE", "SEVERITY", "CATEGORY", "FIX", "PREFERRED")
    rows = [(r.id, r.severity, r.category, r.fix, r.headline) for r in listing.rules]
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header) - 1)]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row[:-1], widths, strict=True)) + "  " + row[-1]
        for row in (header, *rows)
    ]
    fixes = [sum(1 for r in listing.rules if r.fix == kind) for kind in ("safe", "unsafe", "none")]
    lines.append(
        f"{len(rows)} rule{'' if len(rows) == 1 else 's'}: {fixes[0]} fix safely, "
        f"{fixes[1]} unsafely (with --unsafe-fixes), {fixes[2]} offer no fix."
    )
    return "\n".join(lines) + "\n"


def _wrap(text: str, indent: str = "  ", hang: str = "") -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=indent,
        subsequent_indent=indent + hang,
        break_long_words=False,
        break_on_hyphens=False,
    )


def explain_text(explanation: RuleExplanation) -> str:
    data = explanation.data
    out = _heading(data, explanation.profile)
    out += _details(data)
    out += _matching(data)
    out += ["", "Why:", *_wrap(data["note"])]
    out += _sources(data["sources"])
    if data["conflation"] is not None:
        out += _shape(data["conflation"])
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
    text = "\n".join(out) + "\n"
    if explanation.overrides:
        lines = ["", "Overridden by the configuration:"]
        for o in explanation.overrides:
            shown = ", ".join(o.value) if isinstance(o.value, list) else o.value
            lines.append(f"  {o.field}: {shown}  ({o.origin or 'configuration'})")
        text += "\n".join(lines) + "\n"
    return text


def _heading(data: Mapping[str, Any], profile: str | None) -> list[str]:
    severity = data["severity"]
    if profile is not None and data["profile_severity"] != severity:
        shown = data["profile_severity"] or "off"
        severity += f" ({shown} with the {profile} profile)"
    fields = [
        ("severity", severity),
        ("category", data["category"]),
        ("fix", _FIX_TEXT[data["fix"]]),
    ]
    if data["tags"]:
        fields.append(("tags", ", ".join(data["tags"])))
    return [data["id"], "", *(f"  {name:<9} {value}" for name, value in fields)]


def _details(data: Mapping[str, Any]) -> list[str]:
    """What a plugin kind says its rule looks for, one field per line."""
    details = data.get("details") or {}
    if not details:
        return []
    out = ["", f"What this {data['kind']} rule looks for:"]
    for name, value in details.items():
        shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        out += _wrap(f"{name}: {shown}", hang="  ")
    return out


def _matching(data: Mapping[str, Any]) -> list[str]:
    """The terms or pattern the rule matches and the wordings it prefers."""
    out: list[str] = []
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
            if p.get("near"):
                extra += " (first when the sentence holds: " + ", ".join(p["near"]) + ")"
            if "{place}" in p["text"]:
                extra += " (when a named place goes with the match, which the wording takes in)"
            out += _wrap(f"{n}. {p['text']}{extra}", hang="   ")
    return out


def _sources(sources: list[dict[str, Any]]) -> list[str]:
    if not sources:
        return []
    out = ["", "Sources:"]
    for s in sources:
        year = f" ({s['year']})" if s["year"] else ""
        out += _wrap(f"- {s['title']}{year}", hang="  ")
        out.append(f"    {s['url']}")
    return out


def _shape(shape: Mapping[str, Any]) -> list[str]:
    """A conflation rule's shape, concept groups and guards."""
    out = ["", f"Shape: {shape['title']}", *_wrap(shape["summary"])]
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
    return out
