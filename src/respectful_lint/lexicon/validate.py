"""Validation of lexicon YAML into :class:`~respectful_lint.model.Lexicon` objects.

Every error names ``file:line:col`` and the offending key, and suggests a close match for
unknown keys and values. ``lexicons/schema.json`` describes the same format for editors; a test
keeps the two in step.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Any, NoReturn, TypeVar, cast

from .. import guards as guard_tests
from ..model import (
    SLOTS,
    ConceptGroup,
    Condition,
    Entry,
    Examples,
    Guard,
    Lexicon,
    Preferred,
    QuotePolicies,
    Severity,
    Source,
)
from ..rules import registry as kinds
from ..validation import ValueChecks
from ..validation import did_you_mean as _hint
from ..validation import last_key as _key
from ..validation import typename as _typename
from .inflect import normalize_term
from .patterns import pattern_problem
from .yamlload import Located, LocatedError, Path

T = TypeVar("T")

TOP_KEYS = (
    "lexicon",
    "version",
    "language",
    "description",
    "sources",
    "disable",
    "groups",
    "lists",
    "entries",
)
SOURCE_KEYS = ("title", "year", "url")
UNDATED = "n.d."  # the year of an undated source, as citation styles write it
ENTRY_KEYS = (
    "id",
    "kind",
    "terms",
    "forms",
    "inflect",
    "pattern",
    "preferred",
    "severity",
    "category",
    "note",
    "message",
    "sources",
    "fix",
    "exceptions",
    "guards",
    "requires",
    "quotes",
    "tags",
    "examples",
    "shape",
    "groups",
    "supersedes",
)
CONDITION_KEYS = guard_tests.names("term")  # tests a term or pattern rule may use
CONFLATION_GUARD_TESTS = guard_tests.names("conflation")
GUARD_KEYS = (*guard_tests.names(), "action", "reason")
GROUP_KEYS = ("description", "terms", "inflect")
INFLECT_KEYS = ("plural", "possessive")
QUOTES_KEYS = ("mention", "speech", "scare")
EXAMPLES_KEYS = ("flag", "pass")
FORM_KEYS = ("text", "plural")
PREFERRED_KEYS = ("text", "plural", "possessive", "for", "when", "slot")

SEVERITIES = ("error", "warning", "suggestion")
FIXES = ("safe", "unsafe", "none")
ACTIONS = ("skip", "downgrade", "suggestion")
QUOTE_POLICIES = ("skip", "downgrade", "suggestion", "flag")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
GROUP_REF_RE = re.compile(r"^(?:[a-z0-9][a-z0-9-]*/)?[a-z0-9][a-z0-9-]*$")
CATEGORY_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


# Stand-ins for a field whose error was recorded, so the entry's other fields are checked.
_NO_STRINGS: tuple[str, ...] = ()
_NO_WORDING: tuple[Preferred, ...] = ()


class _Validator(ValueChecks):
    """Checks one lexicon document. ``builtin`` lexicons must cite sources and give examples;
    for others a missing one is a warning. With ``collect``, errors are gathered (every unknown
    key, and the first other error of each field of an entry, of each source and of each
    group) instead of raised."""

    def __init__(self, doc: Located, *, builtin: bool = True, collect: bool = False) -> None:
        self.doc = doc
        self.builtin = builtin
        self.collect = collect
        self.errors: list[LocatedError] = []
        self.warnings: list[LocatedError] = []
        self.lists: dict[str, tuple[str, ...]] = {}  # the lexicon's named word lists

    def fail(self, path: Path, message: str, *, key: bool = False) -> NoReturn:
        raise self.doc.error(path, message, key=key)

    def warn(self, path: Path, message: str) -> None:
        self.warnings.append(cast(LocatedError, self.doc.error(path, message)))

    def attempt(self, check: Callable[[], T]) -> T | None:
        """Run one part's checks; when collecting, record its error and go on."""
        if not self.collect:
            return check()
        try:
            return check()
        except LocatedError as exc:
            self.errors.append(exc)
            return None

    def part(self, default: T, check: Callable[[], T]) -> T:
        """One field's checks: when collecting, its error is recorded and ``default`` stands
        in, so the entry's other fields are checked too."""
        value = self.attempt(check)
        return default if value is None else value

    def mapping(self, value: Any, path: Path, keys: tuple[str, ...], what: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(path, f"{what} must be a mapping, got {_typename(value)}")
        for key in value:
            if key not in keys:
                message = f"unknown key '{key}' in {what}{_hint(key, keys)}"
                if not self.collect:
                    self.fail((*path, key), message, key=True)
                error = self.doc.error((*path, key), message, key=True)
                self.errors.append(cast(LocatedError, error))
        if self.collect:
            return {k: v for k, v in value.items() if k in keys}
        return cast(dict[str, Any], value)

    def string(self, value: Any, path: Path, *, nonempty: bool = True) -> str:
        if not isinstance(value, str) or (nonempty and not value.strip()):
            want = "a non-empty string" if nonempty else "a string"
            hint = (
                " (put it in quotes: YAML reads yes/no/on/off as true/false)"
                if isinstance(value, bool)
                else ""
            )
            self.must(path, want, value, hint)
        return value

    def choice(self, value: Any, path: Path, choices: tuple[str, ...]) -> str:
        if not isinstance(value, str) or value not in choices:
            self.fail(
                path,
                f"'{_key(path)}' must be one of {', '.join(choices)}, got {value!r}"
                + (_hint(value, choices) if isinstance(value, str) else ""),
            )
        return value

    def strings(self, value: Any, path: Path, *, nonempty_list: bool = False) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.fail(path, f"'{_key(path)}' must be a list of strings, got {_typename(value)}")
        for i, item in enumerate(value):
            self.string(item, (*path, i))
        if nonempty_list and not value:
            self.fail(path, f"'{_key(path)}' must not be empty")
        return tuple(value)

    def require(self, data: dict[str, Any], path: Path, key: str, what: str) -> Any:
        if key not in data:
            self.fail((*path, key), f"missing required key '{key}' in {what}")
        return data[key]

    # --- the lexicon -------------------------------------------------------------------------

    def lexicon(self) -> Lexicon:
        top = self.mapping(self.doc.data, (), TOP_KEYS, "the lexicon")
        lex_id = self.attempt(partial(self.the_lexicon_id, top)) or "lexicon"
        version = self.attempt(partial(self.top, top, "version", self.integer)) or 1
        language = self.attempt(partial(self.top, top, "language", self.string)) or "en"
        description = self.attempt(partial(self.top, top, "description", self.string)) or ""
        sources = self.attempt(partial(self.sources, top.get("sources", {}))) or {}
        disabled = self.attempt(partial(self.strings, top.get("disable", []), ("disable",))) or ()
        self.lexicon_id = lex_id
        self.lists = self.attempt(partial(self.word_lists, top.get("lists", {}))) or {}
        groups = self.attempt(partial(self.groups, top.get("groups", {}), lex_id)) or ()
        raw_entries = self.require(top, (), "entries", "the lexicon")
        if not isinstance(raw_entries, list):
            self.fail(("entries",), f"'entries' must be a list, got {_typename(raw_entries)}")
        entries: list[Entry] = []
        seen: dict[str, int] = {}
        for i, raw in enumerate(raw_entries):
            entry = self.attempt(partial(self.entry, raw, ("entries", i), sources))
            if entry is None:
                continue
            if entry.id in seen:
                self.fail(
                    ("entries", i, "id"),
                    f"duplicate entry id '{entry.id}' (first defined on line {seen[entry.id]})",
                )
            seen[entry.id] = entry.line
            entries.append(entry)
        return Lexicon(
            id=lex_id,
            version=version,
            language=language,
            description=description,
            sources=sources,
            entries=tuple(entries),
            path=self.doc.file,
            disabled=disabled,
            groups=groups,
        )

    def the_lexicon_id(self, top: dict[str, Any]) -> str:
        lex_id = self.string(self.require(top, (), "lexicon", "the lexicon"), ("lexicon",))
        if not ID_RE.match(lex_id):
            self.fail(
                ("lexicon",),
                f"lexicon id {lex_id!r} must be lower-case letters, digits and hyphens",
            )
        return lex_id

    def top(self, top: dict[str, Any], key: str, check: Callable[[Any, Path], T]) -> T:
        return check(self.require(top, (), key, "the lexicon"), (key,))

    def sources(self, raw: Any) -> dict[str, Source]:
        if not isinstance(raw, dict):
            self.fail(("sources",), f"'sources' must be a mapping, got {_typename(raw)}")
        out: dict[str, Source] = {}
        for key, value in raw.items():
            source = self.attempt(partial(self.source, key, value))
            if source is not None:
                out[key] = source
        return out

    def source(self, key: str, value: Any) -> Source:
        path: Path = ("sources", key)
        spec = self.mapping(value, path, SOURCE_KEYS, f"source '{key}'")
        title = self.string(self.require(spec, path, "title", f"source '{key}'"), (*path, "title"))
        url = self.string(self.require(spec, path, "url", f"source '{key}'"), (*path, "url"))
        if not re.match(r"^https?://\S+$", url):
            self.fail((*path, "url"), f"'url' of source '{key}' must be an http(s) URL")
        year: int | str | None = None
        if spec.get("year") == UNDATED:
            year = UNDATED
        elif "year" in spec:
            year = self.integer(spec["year"], (*path, "year"))
        return Source(key=key, title=title, year=year, url=url)

    def entry(self, raw: Any, path: Path, sources: dict[str, Source]) -> Entry:
        what = f"entry {path[-1]}"
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            what = f"entry '{raw['id']}'"
        data = self.mapping(raw, path, self.entry_keys(raw, path), what)
        entry_id = self.entry_id(data, path, what)
        rule_kind = kinds.kind(
            self.choice(data.get("kind", "term"), (*path, "kind"), kinds.names())
        )
        fields = rule_kind.validate(self, data, path, what)
        terms = fields.terms
        forms, plural_forms = self.forms(data.get("forms", []), (*path, "forms"))
        plural, possessive = self.inflection(data, path, what)
        preferred = self.part(
            _NO_WORDING,
            lambda: self.preferred(
                self.require(data, path, "preferred", what), (*path, "preferred"), (*terms, *forms)
            ),
        )
        severity = self.part(Severity.WARNING, lambda: self.severity(data, path, what))
        category = self.part("", lambda: self.category(data, path, what))
        note = self.part(
            "", lambda: self.string(self.require(data, path, "note", what), (*path, "note"))
        )
        message = None
        if "message" in data:
            message = self.part(None, lambda: self.string(data["message"], (*path, "message")))
        cited = self.cited(data, path, what, sources)
        fix = self.part("none", lambda: self.choice(data.get("fix", "none"), (*path, "fix"), FIXES))
        exceptions = self.part(
            _NO_STRINGS, lambda: self.strings(data.get("exceptions", []), (*path, "exceptions"))
        )
        guards: tuple[Guard, ...] = ()
        if "guards" not in rule_kind.keys:  # a kind that reads guards of its own checks them
            guards = self.guards(data.get("guards", []), (*path, "guards"), rule_kind.name)
        requires = self.requires(data.get("requires", []), (*path, "requires"), rule_kind.name)
        quotes = self.quotes(data.get("quotes", {}), (*path, "quotes"), what)
        tags = self.part(_NO_STRINGS, lambda: self.strings(data.get("tags", []), (*path, "tags")))
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

    def severity(self, data: dict[str, Any], path: Path, what: str) -> Severity:
        value = self.require(data, path, "severity", what)
        return Severity.parse(self.choice(value, (*path, "severity"), SEVERITIES))

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

    def entry_examples(self, data: dict[str, Any], path: Path, what: str) -> Examples:
        if "examples" in data or self.builtin:
            return self.examples(
                self.require(data, path, "examples", what), (*path, "examples"), what
            )
        self.warn(path, f"{what} has no 'examples' ('lexicon test' runs them)")
        return Examples()

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

    def typename(self, value: Any) -> str:
        return _typename(value)

    def category(self, data: dict[str, Any], path: Path, what: str) -> str:
        category = self.string(self.require(data, path, "category", what), (*path, "category"))
        if not CATEGORY_RE.match(category):
            self.fail(
                (*path, "category"),
                f"category {category!r} must be lower-case letters, digits and hyphens",
            )
        return category

    def forms(self, raw: Any, path: Path) -> tuple[tuple[str, ...], frozenset[str]]:
        """Extra forms: strings, or ``{text: ..., plural: true}`` for an irregular plural."""
        if not isinstance(raw, list):
            return self.strings(raw, path), frozenset()
        texts: list[str] = []
        plurals: set[str] = set()
        for i, item in enumerate(raw):
            if isinstance(item, dict):
                spec = self.mapping(item, (*path, i), FORM_KEYS, "a form")
                text = self.string(
                    self.require(spec, (*path, i), "text", "a form"), (*path, i, "text")
                )
                if self.boolean(spec.get("plural", False), (*path, i, "plural")):
                    plurals.add(text)
                texts.append(text)
            else:
                texts.append(self.string(item, (*path, i)))
        return tuple(texts), frozenset(plurals)

    def preferred(
        self, raw: Any, path: Path, matchable: tuple[str, ...] = ()
    ) -> tuple[Preferred, ...]:
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not raw:
            self.fail(path, "'preferred' must be a non-empty list of wordings")
        known = {t.casefold(): t for t in matchable}
        out: list[Preferred] = []
        for i, item in enumerate(raw):
            if isinstance(item, dict):
                spec = self.mapping(item, (*path, i), PREFERRED_KEYS, "a preferred wording")
                text = self.string(
                    self.require(spec, (*path, i), "text", "a preferred wording"),
                    (*path, i, "text"),
                )
                plural = (
                    self.string(spec["plural"], (*path, i, "plural")) if "plural" in spec else None
                )
                possessive = self.boolean(spec.get("possessive", True), (*path, i, "possessive"))
                only_for = None
                if "for" in spec:
                    wanted = self.strings(spec["for"], (*path, i, "for"), nonempty_list=True)
                    for j, term in enumerate(wanted):
                        if term.casefold() not in known:
                            self.fail(
                                (*path, i, "for", j),
                                f"'{term}' in 'for' is not one of the entry's terms or forms"
                                + _hint(term, list(known.values())),
                            )
                    only_for = frozenset(t.casefold() for t in wanted)
                when = None
                if "when" in spec:
                    when = self.string(spec["when"], (*path, i, "when"))
                    problem = pattern_problem(when, allow_empty=True)
                    if problem is not None:
                        problem = problem.replace(
                            "pattern does not compile:", "is not a valid regular expression:"
                        )
                        self.fail((*path, i, "when"), f"'when' {problem}")
                slots = None
                if "slot" in spec:
                    names = self.strings(spec["slot"], (*path, i, "slot"), nonempty_list=True)
                    for j, name in enumerate(names):
                        self.choice(name, (*path, i, "slot", j), SLOTS)
                    slots = frozenset(names)
                if "{noun}" in text and slots != frozenset({"modifier"}):
                    self.fail((*path, i, "text"), "'{noun}' needs 'slot: modifier'")
                out.append(Preferred(text, plural, possessive, only_for, when, slots))
            else:
                out.append(Preferred(self.string(item, (*path, i))))
        for term in matchable:
            if all(p.only_for is not None and term.casefold() not in p.only_for for p in out):
                self.fail(path, f"'preferred' has no wording for '{term}'")
        return tuple(out)

    # --- guards and named word lists (the tests themselves are in ``respectful_lint.guards``)

    def word_lists(self, raw: Any) -> dict[str, tuple[str, ...]]:
        if not isinstance(raw, dict):
            self.fail(("lists",), f"'lists' must be a mapping, got {_typename(raw)}")
        out: dict[str, tuple[str, ...]] = {}
        for name, words in raw.items():
            path: Path = ("lists", name)
            if not isinstance(name, str) or not ID_RE.match(name):
                self.fail(
                    path,
                    f"list name {name!r} must be lower-case letters, digits and hyphens",
                    key=True,
                )
            found = self.attempt(partial(self.strings, words, path, nonempty_list=True))
            if found is not None:
                out[name] = found
        return out

    def named_list(self, name: Any, path: Path) -> tuple[str, ...]:
        words = self.lists.get(name)
        if words is None:
            known = sorted(self.lists)
            hint = _hint(str(name), known) or (
                f" (this lexicon declares {', '.join(known)})"
                if known
                else " (this lexicon declares no 'lists:')"
            )
            self.fail(path, f"unknown list '{name}' in '{_key(path)}'{hint}")
        return words

    def group_ref(self, ref: str, path: Path) -> str:
        return self.qualify(ref, path)

    def term(self, text: str) -> str:
        return normalize_term(text)

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

    def examples(self, raw: Any, path: Path, what: str) -> Examples:
        spec = self.mapping(raw, path, EXAMPLES_KEYS, f"'examples' of {what}")
        flag = self.strings(
            self.require(spec, path, "flag", f"'examples' of {what}"),
            (*path, "flag"),
            nonempty_list=True,
        )
        passes = self.strings(
            self.require(spec, path, "pass", f"'examples' of {what}"),
            (*path, "pass"),
            nonempty_list=True,
        )
        return Examples(flag=flag, passes=passes)

    # --- conflation rules ----------------------------------------------------------------------

    lexicon_id: str = ""

    def qualify(self, ref: str, path: Path) -> str:
        if not GROUP_REF_RE.match(ref):
            self.fail(path, f"group id {ref!r} must be 'name' or 'lexicon/name'")
        return ref if "/" in ref else f"{self.lexicon_id}/{ref}"

    def groups(self, raw: Any, lex_id: str) -> tuple[ConceptGroup, ...]:
        if not isinstance(raw, dict):
            self.fail(("groups",), f"'groups' must be a mapping, got {_typename(raw)}")
        found = (
            self.attempt(partial(self.group, key, value, lex_id)) for key, value in raw.items()
        )
        return tuple(group for group in found if group is not None)

    def group(self, key: Any, value: Any, lex_id: str) -> ConceptGroup:
        path: Path = ("groups", key)
        if not isinstance(key, str) or not GROUP_REF_RE.match(key):
            self.fail(path, f"group id {key!r} must be 'name' or 'lexicon/name'", key=True)
        spec = self.mapping(value, path, GROUP_KEYS, f"group '{key}'")
        terms = self.strings(
            self.require(spec, path, "terms", f"group '{key}'"),
            (*path, "terms"),
            nonempty_list=True,
        )
        extends = "/" in key
        if extends:
            description = ""
            if "description" in spec:
                description = self.string(spec["description"], (*path, "description"))
        else:
            description = self.string(
                self.require(spec, path, "description", f"group '{key}'"),
                (*path, "description"),
            )
        inflect = self.boolean(spec.get("inflect", True), (*path, "inflect"))
        return ConceptGroup(
            id=key if extends else f"{lex_id}/{key}",
            description=description,
            terms=tuple(normalize_term(t) for t in terms),
            inflect=inflect,
            extends=extends,
            line=self.doc.where(path)[0],
        )


def validate(doc: Located, *, builtin: bool = True) -> Lexicon:
    """Turn loaded YAML into a :class:`Lexicon`, or raise a ``file:line:col`` error."""
    return _Validator(doc, builtin=builtin).lexicon()


def validate_all(
    doc: Located, *, builtin: bool = False
) -> tuple[Lexicon | None, list[LocatedError], list[LocatedError]]:
    """The lexicon (None when it has errors), every error found and every warning."""
    validator = _Validator(doc, builtin=builtin, collect=True)
    lexicon = validator.attempt(validator.lexicon)
    errors = sorted(validator.errors, key=lambda e: (e.line, e.col))
    return (None if errors else lexicon), errors, validator.warnings
