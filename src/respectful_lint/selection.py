"""Choosing rules and findings: ``--select`` / ``--ignore`` by rule id, lexicon or category (see
:mod:`.ruleids`), the
context profile (``--profile``), and the selection stage every document's findings pass.

As in flake8 and ruff, the longest matching selector wins; on a tie, ignore wins.

:class:`Selection` chooses the rules that are compiled (a rule no selector keeps is never
run). :func:`apply` is the selection stage after the engine, the same for the command line, the
Python API and the web checker: select and ignore, ``per-file-ignores`` (whole files and
JSON/YAML key paths), the words ``per-file-ignores`` allows, the cap on findings per file,
inline suppressions (see :mod:`.suppression`) and the minimum severity. Each finding kept gets
the words of its sentence, for its fingerprint. :func:`apply_baseline` then leaves out what a
baseline records; it works on a whole run, as one baseline entry may match in any file of the
same name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol

from msgspec import Struct
from msgspec.structs import replace

from . import suppression
from .baseline import Entry, compare, elsewhere, sentence_words
from .customize import allowed_here
from .errors import UsageError
from .model import Document, Finding, Lexicon, Rule, Severity
from .profiles import DEFAULT_PROFILE, Profile
from .ruleids import selects
from .suppression import META_CATEGORY, META_RULES, UNUSED_RULE, KnownRules
from .validation import close_match

if TYPE_CHECKING:
    from .lexicon import CompiledLexicon
    from .report import Report


def split_selectors(values: Iterable[str]) -> tuple[str, ...]:
    """Accept repeated options and comma-separated lists alike."""
    out: list[str] = []
    for value in values:
        out.extend(part.strip() for part in value.split(",") if part.strip())
    return tuple(out)


class UnknownSelector(UsageError):
    """A selector that matches no rule id prefix and no category."""

    def __init__(self, option: str, selector: str, hint: str, reason: str | None = None) -> None:
        self.option = option
        self.selector = selector
        self.reason = reason or f"'{selector}' matches no rule id or category{hint}"
        super().__init__(f"{option}: {self.reason}")


def check_selectors(
    option: str, selectors: Iterable[str], ids: Sequence[str], categories: Sequence[str]
) -> None:
    """Raise :class:`UnknownSelector`, with the closest name as a hint, for the first selector
    that names no rule: not ALL, a category, a lexicon, a rule id or a prefix with ``*``."""
    for sel in selectors:
        if sel.upper() == "ALL" or sel in categories or any(selects(sel, i, "") for i in ids):
            continue
        lexicons = sorted({i.split("/", 1)[0] for i in ids})
        close = close_match(sel, [*categories, *lexicons, *ids], cutoff=0.5)
        raise UnknownSelector(option, sel, f" (did you mean '{close}'?)" if close else "")


def turned_off(lexicons: Iterable[Lexicon], rule_id: str, where: str) -> None:
    """A usage error naming the lexicon whose ``disable:`` turns ``rule_id`` off, if one
    does: a selector, explanation or override that names it then says why it finds nothing."""
    for lex in lexicons:
        if rule_id in lex.disabled:
            reason = f"rule '{rule_id}' is turned off by 'disable:' in {lex.path}"
            raise UnknownSelector(where, rule_id, "", reason)


def rule_matches(selectors: Iterable[str], rule: str, category: str) -> bool:
    """Whether one of ``selectors`` (rule ids, lexicons, categories or ALL) names this rule."""
    return any(selects(s, rule, category) for s in selectors)


class Selection(Struct, frozen=True):
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_severity: Severity = Severity.SUGGESTION
    profile: Profile = DEFAULT_PROFILE

    def check(self, rules: Sequence[Rule], disabled: Iterable[str] = ()) -> None:
        """Refuse selectors that name no rule. Ignoring a rule a lexicon's ``disable:`` turns
        off (``disabled``) is no error: it stays off."""
        ids = [*(r.id for r in rules), *META_RULES]
        categories = sorted({*(r.category for r in rules), META_CATEGORY})
        check_selectors("--select", self.select, ids, categories)
        check_selectors("--ignore", self.ignore, [*ids, *disabled], categories)

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
        elif selects(sel, rule_id, category):
            # "sex-work" and "sex-work/" name the same rules: a tie, which ignore wins
            best = max(best, len(sel.rstrip("*/")))
    return best


# --- the selection stage ----------------------------------------------------------------------


class FileSettings(Protocol):
    """What the stage asks the configuration about one file (see
    :class:`~respectful_lint.config.Config`): ``per-file-ignores`` and the words they allow."""

    def ignored_rules(self, path: str) -> tuple[str, ...]: ...

    def ignored_keys(self, path: str) -> tuple[tuple[str, tuple[str, ...]], ...]: ...

    def allowed_words(self, path: str) -> tuple[str, ...]: ...


class Stage(NamedTuple):
    """What the selection stage applies to a document's findings; picklable, so worker
    processes get it whole."""

    selection: Selection = Selection()
    config: FileSettings | None = None  # per-file-ignores and the words they allow
    known: KnownRules | None = None  # what suppressions may name (for unused ones)
    suppressions: bool = True  # apply inline suppressions
    report_unused: bool = False  # warn about suppressions that suppress nothing
    max_findings: int = 0  # per document; 0 means no limit


class _PerFile(NamedTuple):
    """What ``per-file-ignores`` says about one file."""

    ignored: tuple[str, ...] = ()
    keys: tuple[tuple[str, tuple[str, ...]], ...] = ()
    allowed: tuple[str, ...] = ()


def known_rules(lexicon: CompiledLexicon) -> KnownRules:
    """Every rule id and category of the loaded lexicons, chosen or not."""
    ids = [f"{lex.id}/{e.id}" for lex in lexicon.lexicons for e in lex.entries]
    ids += [r.id for r in lexicon.rules]
    categories = {e.category for lex in lexicon.lexicons for e in lex.entries}
    categories |= {r.category for r in lexicon.rules}
    return KnownRules(tuple(sorted({*ids, UNUSED_RULE})), frozenset({*categories, META_CATEGORY}))


def apply(
    found: Iterable[Finding],
    stage: Stage,
    document: Document,
    path: str | None,
    notes: list[str] | None = None,
) -> list[Finding]:
    """The findings of ``document`` the stage keeps. ``path`` is the name ``per-file-ignores``
    patterns are matched against (None: none apply, as for unnamed standard input).

    ``found`` is consumed lazily: at ``stage.max_findings`` kept findings the rest of the
    document is not checked, and ``notes`` says so.
    """
    config = stage.config
    here = _PerFile()
    if config is not None and path is not None:
        here = _PerFile(
            config.ignored_rules(path), config.ignored_keys(path), config.allowed_words(path)
        )
    kept = _capped(_chosen(found, stage.selection, document, here), stage.max_findings)
    if len(kept) > stage.max_findings > 0:
        kept.pop()
        if notes is not None:
            notes.append(
                f"{document.path}: stopped after {stage.max_findings:,} findings "
                "(--max-findings); the rest of the file was not checked"
            )
    if stage.suppressions:
        kept = suppression.apply(
            document, kept, known=stage.known, report_unused=stage.report_unused
        )
    return [
        replace(f, context=sentence_words(document, f.start, f.end))
        for f in kept
        if f.severity >= stage.selection.min_severity
        and (f.rule != UNUSED_RULE or _meta_shown(f, stage.selection, here))
    ]


def _chosen(
    found: Iterable[Finding], selection: Selection, document: Document, here: _PerFile
) -> Iterator[Finding]:
    """The findings of rules the selectors keep that ``per-file-ignores`` leaves in."""
    for f in found:
        if not selection.names(f.rule, f.category):
            continue
        if here.ignored and rule_matches(here.ignored, f.rule, f.category):
            continue
        if here.keys and _key_ignored(here.keys, f):
            continue
        if here.allowed and allowed_here(here.allowed, document.text, f):
            continue
        yield f


def _capped(found: Iterable[Finding], most: int) -> list[Finding]:
    """The first ``most`` findings (all for 0), and one more when there are more."""
    kept: list[Finding] = []
    for f in found:
        kept.append(f)
        if most and len(kept) > most:
            break
    return kept


def _meta_shown(f: Finding, selection: Selection, here: _PerFile) -> bool:
    """A finding about a suppression is selected and ignored as a rule of category meta."""
    if not selection.names(f.rule, META_CATEGORY):
        return False
    return not (here.ignored and rule_matches(here.ignored, f.rule, META_CATEGORY))


def _key_ignored(keys: Sequence[tuple[str, tuple[str, ...]]], f: Finding) -> bool:
    key = f.location.key if f.location is not None else None
    if key is None:
        return False
    return any(
        key_pattern(pattern).fullmatch(key) and rule_matches(selectors, f.rule, f.category)
        for pattern, selectors in keys
    )


def key_pattern(pattern: str) -> re.Pattern[str]:
    """A key-path glob: ``*`` is one key or index (``fields[*].label``), ``**`` any path."""
    out: list[str] = []
    for token in re.split(r"(\*\*|\*)", pattern):
        if token == "**":
            out.append(r".*")
        elif token == "*":
            out.append(r"[^.\[\]]*")
        else:
            out.append(re.escape(token))
    return re.compile("".join(out))


def apply_baseline(report: Report, entries: Sequence[Entry]) -> list[Entry]:
    """Leave out of ``report`` the findings the baseline ``entries`` record (counting them in
    ``report.baselined``); the entries that matched nothing, or fewer times than they say."""
    new, stale = compare(report.findings, entries)
    report.baselined = len(report.findings) - len(new)
    report.findings = new
    others = set(elsewhere(stale, report.checked))
    return [e for e in stale if e not in others]
