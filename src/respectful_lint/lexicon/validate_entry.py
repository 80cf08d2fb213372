"""Checks of one lexicon entry: its id and kind, the fields every kind shares (severity,
category, note, sources, fix, guards, conditions, quotes, tags, examples), and the entry built
from them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from .. import guards as guard_tests
from ..lazyre import lazy_compile
from ..model import Condition, Entry, Examples, Guard, Preferred, QuotePolicies, Severity, Source
from ..rules import registry as kinds
from ..rules.kind import KindFields
from ..validation import did_you_mean as _hint
from ..validation import typename as _typename
from .validate_base import (
    ACTIONS,
    CATEGORY_RE,
    CONDITION_KEYS,
    CONFLATION_GUARD_TESTS,
    ENTRY_KEYS,
    FIXES,
    GUARD_KEYS,
    ID_RE,
    INFLECT_KEYS,
    NO_STRINGS,
    NO_WORDING,
    QUOTE_POLICIES,
    QUOTES_KEYS,
    SEVERITIES,
)
from .validate_declared import DeclaredChecks
from .validate_wording import WordingChecks
from .yamlload import Path

if TYPE_CHECKING:
    from ..rules.kind import RuleKind

# the fields a message template may name ("{matched}", "{preferred}")
MESSAGE_FIELDS = ("matched", "preferred")
PLACEHOLDER = lazy_compile(r"\{(\w*)\}")


class EntryChecks(WordingChecks, DeclaredChecks):
    """One entry of ``entries:``, checked field by field."""

    def entry(self, raw: Any, path: Path, sources: dict[str, Source]) -> Entry:
        what = f"entry {path[-1]}"
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            what = f"entry '{raw['id']}'"
        data = self.mapping(raw, path, self.entry_keys(raw, path), what)
        entry_id = self.entry_id(data, path, what)
        rule_kind = kinds.kind(
            self.choice(data.get("kind", "term"), (*path, "kind"), kinds.names())
        )
        fields = self.part(KindFields(), lambda: rule_kind.validate(self, data, path, what))
        terms = fields.terms
        no_forms: tuple[tuple[str, ...], frozenset[str]] = (NO_STRINGS, frozenset())
        forms, plural_forms = self.part(
            no_forms, lambda: self.forms(data.get("forms", []), (*path, "forms"))
        )
        plural, possessive = self.part((True, True), lambda: self.inflection(data, path, what))
        preferred = self.entry_preferred(data, path, what, (*terms, *forms))
        severity = self.part(Severity.WARNING, lambda: self.severity(data, path, what))
        category = self.part("", lambda: self.category(data, path, what))
        note = self.part(
            "", lambda: self.string(self.require(data, path, "note", what), (*path, "note"))
        )
        message = self.entry_message(data, path)
        cited = self.cited(data, path, what, sources)
        fix = self.part("none", lambda: self.choice(data.get("fix", "none"), (*path, "fix"), FIXES))
        exceptions = self.part(
            NO_STRINGS, lambda: self.strings(data.get("exceptions", []), (*path, "exceptions"))
        )
        guards = self.entry_guards(data, path, rule_kind)
        requires = self.requires(data.get("requires", []), (*path, "requires"), rule_kind.name)
        quotes = self.quotes(data.get("quotes", {}), (*path, "quotes"), what)
        tags = self.part(NO_STRINGS, lambda: self.strings(data.get("tags", []), (*path, "tags")))
        return Entry(
            id=entry_id,
            kind=rule_kind.name,
            terms=terms,
            forms=forms,
            inflect_plural=plural,
            inflect_possessive=possessive,
            pattern=fields.pattern,
            preferred=preferred,
            severity=severity,
            category=category,
            note=note,
            message=message,
            sources=cited,
            fix=cast(Any, fix),
            exceptions=exceptions,
            guards=guards,
            requires=requires,
            quotes=quotes,
            examples=self.entry_examples(data, path, what),
            line=self.doc.where(path)[0],
            tags=tags,
            plural_forms=plural_forms,
            conflation=fields.conflation,
            options=fields.options,
        )

    def entry_keys(self, raw: Any, path: Path) -> tuple[str, ...]:
        """The keys an entry may have: those of the built-in kinds, and a plugin kind's own.

        An unknown kind is reported first: the keys it would read cannot be known.
        """
        if not isinstance(raw, dict) or "kind" not in raw:
            return ENTRY_KEYS
        name = self.choice(raw["kind"], (*path, "kind"), kinds.names())
        if name in kinds.BUILTIN:
            return ENTRY_KEYS
        extra = tuple(k for k in kinds.kind(name).keys if k not in ENTRY_KEYS)
        return (*ENTRY_KEYS, *extra)

    def entry_id(self, data: dict[str, Any], path: Path, what: str) -> str:
        entry_id = self.string(self.require(data, path, "id", what), (*path, "id"))
        if "/" in entry_id:
            self.fail(
                (*path, "id"),
                f"entry id {entry_id!r} names a rule of another lexicon: a lexicon defines its "
                "own entries only; to change an existing rule, use 'overrides:' in the "
                f"configuration ({entry_id}: {{severity: ..., preferred: [...]}}), and to turn "
                "it off, 'disable:' in the lexicon or 'ignore:' in the configuration",
            )
        if not ID_RE.match(entry_id):
            self.fail(
                (*path, "id"),
                f"entry id {entry_id!r} must be lower-case letters, digits and hyphens",
            )
        return entry_id

    def inflection(self, data: dict[str, Any], path: Path, what: str) -> tuple[bool, bool]:
        """Whether the terms take plural and possessive forms."""
        inflect = data.get("inflect", True)
        if isinstance(inflect, bool):
            return inflect, inflect
        spec = self.mapping(inflect, (*path, "inflect"), INFLECT_KEYS, f"'inflect' of {what}")
        plural = self.boolean(spec.get("plural", True), (*path, "inflect", "plural"))
        possessive = self.boolean(spec.get("possessive", True), (*path, "inflect", "possessive"))
        return plural, possessive

    def entry_preferred(
        self, data: dict[str, Any], path: Path, what: str, matchable: tuple[str, ...]
    ) -> tuple[Preferred, ...]:
        """The entry's preferred wordings, for each of the terms and forms it matches."""
        return self.part(
            NO_WORDING,
            lambda: self.preferred(
                self.require(data, path, "preferred", what), (*path, "preferred"), matchable
            ),
        )

    def severity(self, data: dict[str, Any], path: Path, what: str) -> Severity:
        value = self.require(data, path, "severity", what)
        return Severity.parse(self.choice(value, (*path, "severity"), SEVERITIES))

    def category(self, data: dict[str, Any], path: Path, what: str) -> str:
        category = self.string(self.require(data, path, "category", what), (*path, "category"))
        if not CATEGORY_RE.match(category):
            self.fail(
                (*path, "category"),
                f"category {category!r} must be lower-case letters, digits and hyphens",
            )
        return category

    def entry_message(self, data: dict[str, Any], path: Path) -> str | None:
        """The entry's own message, if it gives one."""
        if "message" not in data:
            return None
        return self.part(None, lambda: self.message(data["message"], (*path, "message")))

    def message(self, raw: Any, path: Path) -> str:
        """A message template: only ``{matched}`` and ``{preferred}`` are filled in."""
        text = self.string(raw, path)
        for name in PLACEHOLDER.findall(text):
            if name not in MESSAGE_FIELDS:
                self.fail(
                    path,
                    f"'message' has {{{name}}}, which is not filled in: use "
                    f"{{matched}} or {{preferred}}{_hint(name, MESSAGE_FIELDS)}",
                )
        return text

    def cited(
        self, data: dict[str, Any], path: Path, what: str, sources: dict[str, Source]
    ) -> tuple[str, ...]:
        """The entry's source keys, each defined in the lexicon's 'sources'."""
        if "sources" in data or self.builtin:
            cited = self.strings(
                self.require(data, path, "sources", what), (*path, "sources"), nonempty_list=True
            )
        else:
            cited = ()
            self.warn(path, f"{what} cites no 'sources' (where the wording comes from)")
        for i, key in enumerate(cited):
            if key not in sources:
                self.fail(
                    (*path, "sources", i),
                    f"source key '{key}' is not defined in 'sources'" + _hint(key, list(sources)),
                )
        return cited

    def entry_guards(
        self, data: dict[str, Any], path: Path, rule_kind: RuleKind
    ) -> tuple[Guard, ...]:
        """The entry's guards, unless its kind reads guards of its own and checks them."""
        if "guards" in rule_kind.keys:
            return ()
        return self.guards(data.get("guards", []), (*path, "guards"), rule_kind.name)

    def guards(self, raw: Any, path: Path, kind: str) -> tuple[Guard, ...]:
        if not isinstance(raw, list):
            self.fail(path, f"'guards' must be a list, got {_typename(raw)}")
        what = "a guard" if kind != "conflation" else "a guard of a conflation rule"
        keys = GUARD_KEYS if kind != "conflation" else (*CONFLATION_GUARD_TESTS, "action", "reason")
        out = []
        for i, item in enumerate(raw):
            spec = self.mapping(item, (*path, i), keys, what)
            reason = self.string(
                self.require(spec, (*path, i), "reason", "a guard"), (*path, i, "reason")
            )
            action = self.choice(spec.get("action", "skip"), (*path, i, "action"), ACTIONS)
            cond = {k: v for k, v in spec.items() if k not in ("action", "reason")}
            when = guard_tests.condition(self, cond, (*path, i), kind)
            out.append(Guard(when, cast(Any, action), reason))
        return tuple(out)

    def requires(self, raw: Any, path: Path, kind: str) -> tuple[Condition, ...]:
        if isinstance(raw, dict):
            raw = [raw]
        if not isinstance(raw, list):
            self.fail(path, f"'requires' must be a list of conditions, got {_typename(raw)}")
        return tuple(
            guard_tests.condition(
                self,
                self.mapping(item, (*path, i), CONDITION_KEYS, "a condition"),
                (*path, i),
                kind,
            )
            for i, item in enumerate(raw)
        )

    def quotes(self, raw: Any, path: Path, what: str) -> QuotePolicies:
        spec = self.mapping(raw, path, QUOTES_KEYS, f"'quotes' of {what}")
        mention = self.choice(spec.get("mention", "skip"), (*path, "mention"), QUOTE_POLICIES)
        speech = self.choice(spec.get("speech", "downgrade"), (*path, "speech"), QUOTE_POLICIES)
        scare = self.choice(spec.get("scare", "downgrade"), (*path, "scare"), QUOTE_POLICIES)
        return QuotePolicies(cast(Any, mention), cast(Any, speech), cast(Any, scare))

    def entry_examples(self, data: dict[str, Any], path: Path, what: str) -> Examples:
        if "examples" in data or self.builtin:
            return self.examples(
                self.require(data, path, "examples", what), (*path, "examples"), what
            )
        self.warn(path, f"{what} has no 'examples' ('lexicon test' runs them)")
        return Examples()
