"""A project's changes to rules it did not write: ``overrides`` and ``allow``.

Both are data applied to the rules before they are compiled, as profiles are, so the engine
never sees them. An override replaces fields of one rule (its severity, preferred wording,
note, message or fix) and may allow words for that rule alone; ``allow`` lists words or
phrases that no term or pattern rule reports. An allowed word is inflected as rules inflect
their terms ("inmate" also allows "inmates", "inmate's" and "inmates'") and becomes one of the
rule's ``exceptions``: a match that overlaps it is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from msgspec import Struct
from msgspec.structs import replace

from .model import ChunkedText, Finding, Rule

OVERRIDE_FIELDS = ("severity", "preferred", "note", "message", "fix", "allow")


class Override(Struct, frozen=True):
    """Changes to one rule: ``changes`` holds (field, value), ``origins`` (field, "file:line")."""

    rule: str
    changes: tuple[tuple[str, Any], ...]
    origins: tuple[tuple[str, str], ...] = ()

    def layered(self, later: Override) -> Override:
        """This override with the fields ``later`` sets replaced by its values."""
        changes = dict(self.changes) | dict(later.changes)
        origins = dict(self.origins) | dict(later.origins)
        return Override(self.rule, tuple(changes.items()), tuple(origins.items()))


@lru_cache(maxsize=256)
def allowed_forms(phrase: str) -> tuple[str, ...]:
    """The phrase and every inflection of it that rules generate for their terms."""
    from .inflect import expand, normalize_term

    if "*" in phrase:  # a prefix: matched as written
        return (phrase,)
    forms = expand((normalize_term(phrase),), (), inflect_plural=True, inflect_possessive=True)
    return tuple(dict.fromkeys([normalize_term(phrase), *forms]))


def _words(forms: Iterable[str]) -> set[str]:
    return {w for form in forms for w in form.replace("-", " ").replace("~", " ").split()}


class Customization(Struct, frozen=True):
    """Every override of a run, and the words allowed for every rule."""

    overrides: tuple[Override, ...] = ()
    allow: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.overrides or self.allow)

    def override_for(self, rule_id: str) -> Override | None:
        for override in self.overrides:
            if override.rule == rule_id:
                return override
        return None

    def apply(self, rules: Sequence[Rule]) -> list[Rule]:
        """The rules as this project runs them."""
        if not self:
            return list(rules)
        by_id = {o.rule: o for o in self.overrides}
        allowed = [f for phrase in self.allow for f in allowed_forms(phrase)]
        allowed_words = _words(allowed)
        out: list[Rule] = []
        for rule in rules:
            override = by_id.get(rule.id)
            changes = dict(override.changes) if override else {}
            if "preferred" in changes and "fix" not in changes and rule.entry.fix == "safe":
                # "safe" was judged for the rule's own wording: new wording must say so itself
                changes["fix"] = "unsafe"
            extra = [f for phrase in changes.pop("allow", ()) for f in allowed_forms(phrase)]
            # only rules that could match an allowed word need it among their exceptions
            kind = rule.entry.kind
            if allowed and (
                kind == "pattern" or (kind == "term" and _words(rule.forms) & allowed_words)
            ):
                extra.extend(allowed)
            if not changes and not extra:
                out.append(rule)
                continue
            exceptions = tuple(dict.fromkeys((*rule.entry.exceptions, *extra)))
            entry = replace(rule.entry, **changes, exceptions=exceptions)
            out.append(replace(rule, entry=entry))
        return out


@lru_cache(maxsize=64)
def _allowed_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for phrase in words:
        for form in allowed_forms(phrase):
            pieces = [re.escape(w).replace("\\*", r"\w*") for w in form.replace("~", " ").split()]
            parts.append(r"[\s\-]+".join(pieces).replace("'", "['\u2019]"))
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def allowed_here(words: tuple[str, ...], text: str | ChunkedText, finding: Finding) -> bool:
    """Whether an occurrence of an allowed word or phrase overlaps the finding (used for the
    words ``per-file-ignores`` allows in some files, after the engine has run)."""
    lo = max(0, finding.start - _REACH)
    window = str(text[lo : finding.end + _REACH])
    start, end = finding.start - lo, finding.end - lo
    return any(m.start() < end and start < m.end() for m in _allowed_regex(words).finditer(window))


_REACH = 200  # characters either side of a finding searched for an allowed phrase
