"""Context profiles: built-in presets that change how tagged rules report.

A profile is data: a table from an entry tag (``statutory``, ``reclaimed``) to an action.
It is applied to the rules before they are compiled, so the engine never sees it.
"""

from __future__ import annotations

from typing import Literal

from msgspec import Struct
from msgspec.structs import replace

from .errors import UsageError
from .model import Rule, Severity

ProfileAction = Literal["skip", "downgrade", "suggestion"]


class Profile(Struct, frozen=True):
    """A named preset: what to do with rules carrying each tag (the first tag listed wins)."""

    name: str
    description: str
    actions: tuple[tuple[str, ProfileAction], ...] = ()

    def action_for(self, rule: Rule) -> ProfileAction | None:
        tags = rule.entry.tags
        for tag, action in self.actions:
            if tag in tags:
                return action
        return None

    def apply(self, rule: Rule) -> Rule | None:
        """The rule as this profile runs it, or None when the profile turns it off."""
        action = self.action_for(rule)
        if action is None:
            return rule
        if action == "skip":
            return None
        entry = rule.entry
        severity = entry.severity.downgraded() if action == "downgrade" else Severity.SUGGESTION
        if severity is entry.severity:
            return rule
        return replace(rule, entry=replace(entry, severity=severity))


DEFAULT_PROFILE = Profile(
    "default",
    "General service copy: every rule at its own severity, except rules tagged 'style' "
    "(wording preferences that do not label people, such as 'relapse' or 'HIV/AIDS', and "
    "everyday group words that only one guide asks to replace, such as 'the poor' or "
    "'poverty-stricken'), "
    "which are off. Quoted speech is one level lower.",
    (("style", "skip"),),
)
PROFILES: dict[str, Profile] = {
    p.name: p
    for p in (
        DEFAULT_PROFILE,
        Profile(
            "legal",
            "Legal documents, where statutes and charges use the law's own words: "
            "rules tagged 'statutory' are reported as suggestions. Rules tagged 'style' "
            "are off, as in the default profile.",
            (("statutory", "suggestion"), ("style", "skip")),
        ),
        Profile(
            "strict",
            "Editing against the guides in full: every rule at its own severity, including "
            "rules tagged 'style'.",
        ),
        Profile(
            "community",
            "Peer-led writing by the communities concerned: rules tagged 'reclaimed' are off. "
            "Rules tagged 'style' are off, as in the default profile.",
            (("reclaimed", "skip"), ("style", "skip")),
        ),
    )
}


def get_profile(name: str) -> Profile:
    """The built-in profile called ``name``; an unknown name is a usage error with a hint."""
    profile = PROFILES.get(name.strip().lower())
    if profile is not None:
        return profile
    import difflib  # here: only a mistyped name needs it

    close = difflib.get_close_matches(name.lower(), list(PROFILES), n=1, cutoff=0.5)
    hint = f"did you mean '{close[0]}'?" if close else "known: " + ", ".join(PROFILES)
    raise UsageError(f"unknown profile '{name}' ({hint})")
