"""Compile lexicons into rules and one candidate scanner for all of them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from ..errors import LexiconError
from ..model import Inflection, Lexicon, Rule
from ..scan import Scanner, make_scanner
from .inflect import expand, normalize_term
from .patterns import required_literals

if TYPE_CHECKING:
    import regex

    from ..rules.conflation import ConflationIndex

PATTERN_TIMEOUT = 1.0  # seconds a pattern rule may spend on one segment


@dataclass(frozen=True, slots=True)
class CompiledLexicon:
    """Everything the engine needs: rules, the candidate scanner and per-rule helpers."""

    rules: tuple[Rule, ...]
    forms: dict[str, tuple[int, ...]]
    form_lengths: tuple[int, ...]
    scanner: Scanner
    # (rule index, expression) of each pattern rule, and each rule's exceptions as one
    # expression: sources, compiled on first use (see :func:`compiled`), so a cached
    # lexicon loads without compiling expressions that the text never needs
    patterns: tuple[tuple[int, str], ...]
    exceptions: dict[int, str] = field(default_factory=dict)
    lexicons: tuple[Lexicon, ...] = ()
    # Per pattern rule: strings of which every match contains one (None: not known).
    pattern_literals: tuple[tuple[str, ...] | None, ...] = ()
    # Conflation rules and their concept groups (None when no conflation rule is chosen).
    conflation: ConflationIndex | None = None


@cache
def exception_regex(source: str) -> re.Pattern[str]:
    """A rule's exceptions as one expression, compiled once per process."""
    return re.compile(source)


@cache
def compiled(source: str) -> regex.Pattern[str]:
    """A pattern rule's expression, compiled once per process."""
    import regex  # imported here: a cached lexicon often needs no expression at all

    return regex.compile(source)


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
            forms: dict[str, Inflection] = {}
            if entry.kind == "term":
                forms = expand(
                    entry.terms,
                    entry.forms,
                    plural_forms=entry.plural_forms,
                    inflect_plural=entry.inflect_plural,
                    inflect_possessive=entry.inflect_possessive,
                )
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
    return rules


def compile_rules(
    rules: Iterable[Rule], lexicons: Iterable[Lexicon] = (), *, backend: str = "auto"
) -> CompiledLexicon:
    """One candidate scanner for every term form and every pattern rule's required literals.

    ``backend`` names the scanner (see :func:`respectful_lint.scan.make_scanner`).
    """
    rules = sorted(rules, key=lambda r: r.id)
    by_form: dict[str, list[int]] = {}
    patterns: list[tuple[int, str]] = []
    exceptions: dict[int, str] = {}
    for index, rule in enumerate(rules):
        for form in rule.forms:
            by_form.setdefault(form, []).append(index)
        entry = rule.entry
        if entry.pattern is not None:
            patterns.append((index, entry.pattern))
        if entry.exceptions:
            exceptions[index] = "|".join(phrase_regex(p) for p in entry.exceptions)
    forms = {form: tuple(ids) for form, ids in by_form.items()}
    pattern_literals = tuple(required_literals(p) for _, p in patterns)
    literals = {lit for lits in pattern_literals for lit in lits or ()}
    from ..rules.conflation import build_index  # imported here: it reads this module

    lexicons = tuple(lexicons)
    conflation = build_index(rules, lexicons)
    if conflation is not None:
        literals.update(conflation.anchors)  # one scan finds where conflation may start
    return CompiledLexicon(
        rules=tuple(rules),
        forms=forms,
        form_lengths=tuple(sorted({len(f) for f in forms}, reverse=True)),
        scanner=make_scanner(forms, literals, backend),
        patterns=tuple(patterns),
        exceptions=exceptions,
        lexicons=tuple(lexicons),
        pattern_literals=pattern_literals,
        conflation=conflation,
    )


def compile_lexicons(lexicons: Iterable[Lexicon]) -> CompiledLexicon:
    """Compile every rule of the given lexicons."""
    lexicons = tuple(lexicons)
    return compile_rules(build_rules(lexicons), lexicons)
