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

from ..model import (
    SLOTS,
    ConceptGroup,
    Condition,
    Conflation,
    ConflationGuard,
    Entry,
    Examples,
    Guard,
    Lexicon,
    Preferred,
    QuotePolicies,
    Severity,
    Source,
    WordWindow,
)
from ..normalize import phrase_tokens
from ..rules.shapes import SHAPES
from ..validation import ValueChecks
from ..validation import did_you_mean as _hint
from ..validation import last_key as _key
from ..validation import typename as _typename
from ..wordclass import WORD_CLASSES
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
WINDOW_KEYS = ("before", "after", "near", "not_before", "not_after", "not_near")
CONDITION_KEYS = (
    *WINDOW_KEYS,
    "case",
    "next_capitalized",
    "prev_capitalized",
    "sentence_start",
    "forms",
    "next_class",
    "not_next_class",
    "prev_class",
    "not_prev_class",
)
CONFLATION_GUARD_TESTS = ("sentence", "negated", "question", "before", "after", "near")
GUARD_KEYS = (*CONDITION_KEYS, "sentence", "negated", "question", "action", "reason")
GROUP_KEYS = ("description", "terms", "inflect")
# keys a conflation entry may not have: it matches shapes over concept groups, never a fix
CONFLATION_REFUSED = ("terms", "pattern", "forms", "inflect", "exceptions", "requires")
INFLECT_KEYS = ("plural", "possessive")
QUOTES_KEYS = ("mention", "speech", "scare")
EXAMPLES_KEYS = ("flag", "pass")
FORM_KEYS = ("text", "plural")
PREFERRED_KEYS = ("text", "plural", "possessive", "for", "when", "slot")
WINDOW_SPEC_KEYS = ("words", "window")

SEVERITIES = ("error", "warning", "suggestion")
FIXES = ("safe", "unsafe", "none")
KINDS = ("term", "pattern", "conflation")
ACTIONS = ("skip", "downgrade", "suggestion")
QUOTE_POLICIES = ("skip", "downgrade", "suggestion", "flag")
CASES = ("capitalized", "upper", "lower")
DEFAULT_WINDOW = 3
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
        data = self.mapping(raw, path, ENTRY_KEYS, what)
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
        kind = self.choice(data.get("kind", "term"), (*path, "kind"), KINDS)
        terms: tuple[str, ...] = ()
        pattern: str | None = None
        conflation: Conflation | None = None
        for key in ("shape", "groups", "supersedes"):
            if key in data and kind != "conflation":
                self.fail((*path, key), f"'{key}' needs 'kind: conflation' in {what}")
        if kind == "conflation":
            for key in CONFLATION_REFUSED:
                if key in data:
                    self.fail((*path, key), f"'{key}' is not used by 'kind: conflation' ({what})")
            if data.get("fix", "none") != "none":
                self.fail((*path, "fix"), f"conflation rules never fix text ({what})")
            conflation = self.conflation(data, path, what)
        elif kind == "term":
            terms = self.strings(
                self.require(data, path, "terms", what), (*path, "terms"), nonempty_list=True
            )
            if "pattern" in data:
                self.fail((*path, "pattern"), f"'pattern' needs 'kind: pattern' in {what}")
        else:
            pattern = self.string(self.require(data, path, "pattern", what), (*path, "pattern"))
            problem = pattern_problem(pattern)
            if problem:
                self.fail((*path, "pattern"), f"'pattern' of {what}: {problem}")
            if "terms" in data:
                self.fail((*path, "terms"), f"'terms' is for 'kind: term', not {what}")
        forms, plural_forms = self.forms(data.get("forms", []), (*path, "forms"))
        plural = possessive = True
        inflect = data.get("inflect", True)
        if isinstance(inflect, bool):
            plural = possessive = inflect
        else:
            spec = self.mapping(inflect, (*path, "inflect"), INFLECT_KEYS, f"'inflect' of {what}")
            plural = self.boolean(spec.get("plural", True), (*path, "inflect", "plural"))
            possessive = self.boolean(
                spec.get("possessive", True), (*path, "inflect", "possessive")
            )
        preferred = self.part(
            _NO_WORDING,
            lambda: self.preferred(
                self.require(data, path, "preferred", what), (*path, "preferred"), (*terms, *forms)
            ),
        )
        severity = self.part(
            Severity.WARNING,
            lambda: Severity.parse(
                self.choice(
                    self.require(data, path, "severity", what), (*path, "severity"), SEVERITIES
                )
            ),
        )
        category = self.part("", lambda: self.category(data, path, what))
        note = self.part(
            "", lambda: self.string(self.require(data, path, "note", what), (*path, "note"))
        )
        message = None
        if "message" in data:
            message = self.part(None, lambda: self.string(data["message"], (*path, "message")))
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
        fix = self.part("none", lambda: self.choice(data.get("fix", "none"), (*path, "fix"), FIXES))
        exceptions = self.part(
            _NO_STRINGS, lambda: self.strings(data.get("exceptions", []), (*path, "exceptions"))
        )
        guards: tuple[Guard, ...] = ()
        if kind != "conflation":
            guards = self.guards(data.get("guards", []), (*path, "guards"))
        requires = self.requires(data.get("requires", []), (*path, "requires"))
        quotes = self.quotes(data.get("quotes", {}), (*path, "quotes"), what)
        tags = self.part(_NO_STRINGS, lambda: self.strings(data.get("tags", []), (*path, "tags")))
        if "examples" in data or self.builtin:
            examples = self.examples(
                self.require(data, path, "examples", what), (*path, "examples"), what
            )
        else:
            examples = Examples()
            self.warn(path, f"{what} has no 'examples' ('lexicon test' runs them)")
        return Entry(
            id=entry_id,
            kind=cast(Any, kind),
            terms=terms,
            forms=forms,
            inflect_plural=plural,
            inflect_possessive=possessive,
            pattern=pattern,
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
            examples=examples,
            line=self.doc.where(path)[0],
            tags=tags,
            plural_forms=plural_forms,
            conflation=conflation,
        )

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

    def window(self, raw: Any, path: Path) -> WordWindow:
        window = DEFAULT_WINDOW
        if isinstance(raw, dict):
            spec = self.mapping(raw, path, WINDOW_SPEC_KEYS, f"'{_key(path)}'")
            words = self.strings(
                self.require(spec, path, "words", f"'{_key(path)}'"),
                (*path, "words"),
                nonempty_list=True,
            )
            if "window" in spec:
                window = self.integer(spec["window"], (*path, "window"))
                if not 1 <= window <= 50:
                    self.fail((*path, "window"), "'window' must be between 1 and 50 words")
        else:
            words = self.strings(raw, path, nonempty_list=True)
        phrases = tuple(phrase_tokens(w) for w in words)
        if any(len(p) > window for p in phrases):
            self.fail(
                path, f"a phrase in '{_key(path)}' is longer than its window of {window} words"
            )
        return WordWindow(phrases=phrases, window=window)

    def condition(self, data: dict[str, Any], path: Path) -> Condition:
        kwargs: dict[str, Any] = {}
        for key in WINDOW_KEYS:
            if key in data:
                kwargs[key] = self.window(data[key], (*path, key))
        if "case" in data:
            kwargs["case"] = self.choice(data["case"], (*path, "case"), CASES)
        for key in ("next_capitalized", "prev_capitalized", "sentence_start"):
            if key in data:
                kwargs[key] = self.boolean(data[key], (*path, key))
        for key in ("next_class", "not_next_class", "prev_class", "not_prev_class"):
            if key in data:
                kinds = self.strings(data[key], (*path, key))
                for kind in kinds:
                    self.choice(kind, (*path, key), WORD_CLASSES)
                kwargs[key] = frozenset(kinds)
        if "forms" in data:
            kwargs["forms"] = frozenset(
                normalize_term(f) for f in self.strings(data["forms"], (*path, "forms"))
            )
        if not kwargs:
            self.fail(
                path, "a condition needs at least one test (" + ", ".join(CONDITION_KEYS) + ")"
            )
        return Condition(**kwargs)

    def guards(self, raw: Any, path: Path) -> tuple[Guard, ...]:
        if not isinstance(raw, list):
            self.fail(path, f"'guards' must be a list, got {_typename(raw)}")
        out = []
        for i, item in enumerate(raw):
            spec = self.mapping(item, (*path, i), GUARD_KEYS, "a guard")
            reason = self.string(
                self.require(spec, (*path, i), "reason", "a guard"), (*path, i, "reason")
            )
            action = self.choice(spec.get("action", "skip"), (*path, i, "action"), ACTIONS)
            for key in ("sentence", "negated", "question"):
                if key in spec:
                    self.fail((*path, i, key), f"'{key}' is only for guards of conflation rules")
            cond = {k: v for k, v in spec.items() if k not in ("action", "reason")}
            out.append(Guard(self.condition(cond, (*path, i)), cast(Any, action), reason))
        return tuple(out)

    def requires(self, raw: Any, path: Path) -> tuple[Condition, ...]:
        if isinstance(raw, dict):
            raw = [raw]
        if not isinstance(raw, list):
            self.fail(path, f"'requires' must be a list of conditions, got {_typename(raw)}")
        return tuple(
            self.condition(
                self.mapping(item, (*path, i), CONDITION_KEYS, "a condition"), (*path, i)
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

    def conflation(self, data: dict[str, Any], path: Path, what: str) -> Conflation:
        shape_name = self.choice(
            self.require(data, path, "shape", what), (*path, "shape"), tuple(SHAPES)
        )
        shape = SHAPES[shape_name]
        roles = {role: f"{self.lexicon_id}/{role}" for role in shape.roles}
        raw_groups = data.get("groups", {})
        spec = self.mapping(raw_groups, (*path, "groups"), shape.roles, f"'groups' of {what}")
        for role, ref in spec.items():
            roles[role] = self.qualify(self.string(ref, (*path, "groups", role)), (*path, role))
        supersedes = self.strings(data.get("supersedes", []), (*path, "supersedes"))
        for i, rule in enumerate(supersedes):
            if "/" not in rule:
                self.fail((*path, "supersedes", i), f"'{rule}' must be a rule id (lexicon/entry)")
        raw = data.get("guards", [])
        if not isinstance(raw, list):
            self.fail((*path, "guards"), f"'guards' must be a list, got {_typename(raw)}")
        guards = [self.conflation_guard(item, (*path, "guards", i)) for i, item in enumerate(raw)]
        return Conflation(
            shape=shape_name,
            groups=tuple(roles.items()),
            guards=tuple(guards),
            supersedes=supersedes,
        )

    def conflation_guard(self, raw: Any, path: Path) -> ConflationGuard:
        keys = (*CONFLATION_GUARD_TESTS, "action", "reason")
        spec = self.mapping(raw, path, keys, "a guard of a conflation rule")
        reason = self.string(self.require(spec, path, "reason", "a guard"), (*path, "reason"))
        action = self.choice(spec.get("action", "skip"), (*path, "action"), ACTIONS)
        kwargs: dict[str, Any] = {}
        if "sentence" in spec:
            refs = self.strings(spec["sentence"], (*path, "sentence"), nonempty_list=True)
            kwargs["sentence"] = tuple(
                self.qualify(r, (*path, "sentence", i)) for i, r in enumerate(refs)
            )
        for key in ("negated", "question"):
            if key in spec:
                kwargs[key] = self.boolean(spec[key], (*path, key))
        for key in ("before", "after", "near"):
            if key in spec:
                kwargs[key] = self.window(spec[key], (*path, key))
        if not kwargs:
            self.fail(
                path, "a guard needs at least one test (" + ", ".join(CONFLATION_GUARD_TESTS) + ")"
            )
        return ConflationGuard(reason=reason, action=cast(Any, action), **kwargs)


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
