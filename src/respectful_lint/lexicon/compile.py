"""Compile lexicons into rules and one candidate scanner for all of them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from msgspec import Struct, field

from ..errors import LexiconError
from ..inflect import normalize_term
from ..model import Lexicon, Rule
from ..patterns import PATTERN_TIMEOUT, compiled, exception_regex
from ..rules import registry as kinds
from ..scan import Scanner, make_scanner

if TYPE_CHECKING:
    from ..rules.kind import CompiledKind, RuleKind

__all__ = [
    "PATTERN_TIMEOUT",
    "CompiledLexicon",
    "build_rules",
    "compile_lexicons",
    "compile_rules",
    "compiled",
    "exception_regex",
    "phrase_regex",
]


class CompiledLexicon(Struct, frozen=True):
    """Everything the engine needs: rules, the candidate scanner and each kind's compiled rules."""

    rules: tuple[Rule, ...]
    scanner: Scanner
    # the compiled rule kinds, in matching order (only those with rules to match)
    kinds: tuple[CompiledKind, ...] = ()
    # each rule's exceptions as one expression (its source, compiled on first use)
    exceptions: dict[int, str] = field(default_factory=dict)
    lexicons: tuple[Lexicon, ...] = ()


def phrase_regex(phrase: str) -> str:
    """A regex for an exception phrase in the normalized view (``*`` ends a word prefix)."""
    words = normalize_term(phrase).replace("~", " ").split(" ")
    parts = []
    for w in words:
        if w == "*":
            parts.append(r"[\w']+")
        elif w.endswith("*"):
            parts.append(re.escape(w[:-1]) + r"[\w']*")
        else:
            parts.append(re.escape(w))
    return r"(?<!\w)" + "[ -]?".join(parts) + r"(?!\w)"


def build_rules(lexicons: Iterable[Lexicon]) -> list[Rule]:
    """Rules from lexicons, in order, sorted by id. Later lexicons may disable entries by id."""
    lexicons = tuple(lexicons)
    disabled = {d for lex in lexicons for d in lex.disabled}
    seen: dict[str, str] = {}
    rules: list[Rule] = []
    by_name: dict[str, RuleKind] = {}
    for lex in lexicons:
        for entry in lex.entries:
            rule_id = f"{lex.id}/{entry.id}"
            if rule_id in disabled:
                continue
            if rule_id in seen:
                raise LexiconError(
                    f"{lex.path}:{entry.line}:1: duplicate rule id '{rule_id}' "
                    f"(also in {seen[rule_id]})"
                )
            seen[rule_id] = lex.path
            kind = by_name.get(entry.kind)
            if kind is None:
                try:
                    kind = by_name[entry.kind] = kinds.kind(entry.kind)
                except LexiconError as exc:
                    raise LexiconError(f"{lex.path}:{entry.line}:3: {exc}") from None
            forms = kind.forms(entry)
            rules.append(
                Rule(
                    id=rule_id,
                    lexicon=lex.id,
                    entry=entry,
                    forms=forms,
                    sources=tuple(lex.sources[k] for k in entry.sources),
                )
            )
    rules.sort(key=lambda r: r.id)
    known = {rule.id for rule in rules} | _disabled_found(lexicons, disabled)
    for lex in lexicons:
        for name in lex.disabled:
            if name not in known:
                raise LexiconError(_unknown_disabled(lex, name, sorted(seen)))
    return rules


def compile_rules(
    rules: Iterable[Rule], lexicons: Iterable[Lexicon] = (), *, backend: str = "auto"
) -> CompiledLexicon:
    """Each rule kind's rules, and one candidate scanner for all their forms and literals.

    ``backend`` names the scanner (see :func:`respectful_lint.scan.make_scanner`).
    """
    rules = sorted(rules, key=lambda r: r.id)
    lexicons = tuple(lexicons)
    exceptions: dict[int, str] = {}
    for index, rule in enumerate(rules):
        if rule.entry.exceptions:
            exceptions[index] = "|".join(phrase_regex(p) for p in rule.entry.exceptions)
    compiled = [k.compile(rules, lexicons) for k in kinds.used(rules)]
    found = tuple(c for c in compiled if c is not None)
    forms: dict[str, tuple[int, ...]] = {}
    literals: set[str] = set()
    for c in found:
        forms.update(c.forms)
        literals.update(c.literals)
    return CompiledLexicon(
        rules=tuple(rules),
        scanner=make_scanner(forms, literals, backend),
        kinds=found,
        exceptions=exceptions,
        lexicons=lexicons,
    )


def compile_lexicons(lexicons: Iterable[Lexicon]) -> CompiledLexicon:
    """Compile every rule of the given lexicons."""
    lexicons = tuple(lexicons)
    return compile_rules(build_rules(lexicons), lexicons)


def _disabled_found(lexicons: Iterable[Lexicon], disabled: set[str]) -> set[str]:
    """The rule ids ``disabled`` names that some lexicon has (and so were left out)."""
    return {f"{lex.id}/{e.id}" for lex in lexicons for e in lex.entries} & disabled


def _unknown_disabled(lex: Lexicon, name: str, ids: list[str]) -> str:
    """The one-line error for an id under ``disable:`` that no loaded lexicon has, with the
    line it is written on (found in the file: a lexicon keeps no positions) and a hint."""
    from ..files import regular_bytes
    from ..validation import close_match

    line = 1
    try:
        for number, text in enumerate(
            regular_bytes(lex.path).decode("utf-8", "replace").splitlines(), 1
        ):
            if name in text:
                line = number
                break
    except OSError:
        pass
    hint = close_match(name, ids)
    tail = f" (did you mean '{hint}'?)" if hint else ""
    return f"{lex.path}:{line}:1: disable: no loaded lexicon has the rule '{name}'{tail}"
