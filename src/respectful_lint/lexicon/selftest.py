"""Testing a project's own lexicons as the built-in ones are tested.

For each entry of the lexicons named: every ``flag`` example must be flagged by the entry (or
by a conflation rule that supersedes it) and no ``pass`` example may be flagged by any rule, with
the project's configuration (overrides, allowed words, plugins) applied. Then the data checks
the built-in lexicons pass: no preferred wording is itself flagged, no term form is claimed by a
second rule with the same guards (one of them could never report), and every cited source
resolves to a title and a web address.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import LexiconError
from ..model import Inflection, Lexicon, Rule
from ..plugins import choice

if TYPE_CHECKING:
    from ..config import Settings
    from .compile import CompiledLexicon


@dataclass(frozen=True, slots=True)
class Failure:
    """One failed example or data check, at its entry's line."""

    file: str
    line: int
    rule: str
    check: str  # flag, pass, preferred, clash or source
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:1: {self.rule}: {self.message}"


@dataclass(frozen=True, slots=True)
class Outcome:
    failures: tuple[Failure, ...]
    entries: int
    examples: int


def lexicon_failures(settings: Settings, paths: Sequence[str | Path]) -> list[str]:
    """Every failure of the lexicons at ``paths``, as one-line messages."""
    return [str(f) for f in run_lexicon_tests(settings, paths).failures]


def run_lexicon_tests(settings: Settings, paths: Sequence[str | Path]) -> Outcome:
    """Run the examples and data checks of the lexicons at ``paths`` (files or folders)."""
    from . import build_rules, compile_rules, lexicon_paths, load_lexicon_file

    given = {p.resolve(): p for p in lexicon_paths([Path(p) for p in paths], defaults=False)}
    mine = set(given)
    own = [load_lexicon_file(given[p]) for p in sorted(mine)]  # named as given, in errors too
    lexicons = (*_others(settings, mine, {lex.id: lex.path for lex in own}), *own)
    rules = settings.customization.apply(build_rules(lexicons))
    compiled = compile_rules(rules, lexicons)
    own_ids = {f"{lex.id}/{e.id}" for lex in own for e in lex.entries}
    own_rules = [r for r in compiled.rules if r.id in own_ids]
    failures: list[Failure] = []
    examples = 0
    for lex in own:
        for entry in lex.entries:
            rule_id = f"{lex.id}/{entry.id}"
            examples += len(entry.examples.flag) + len(entry.examples.passes)
            failures.extend(_examples(compiled, lex, rule_id))
    failures.extend(_preferred(compiled, own_rules, own))
    others = [r for r in compiled.rules if r.id not in own_ids]
    failures.extend(_flags_others(compiled, others, own_ids, own))
    failures.extend(_clashes(compiled.rules, own_ids, own))
    failures.extend(_sources(own))
    entries = sum(len(lex.entries) for lex in own)
    return Outcome(tuple(replace(f, file=_shown(f.file)) for f in failures), entries, examples)


def _shown(file: str) -> str:
    """A file under the current folder as a relative path, as 'lexicon validate' names it."""
    path, here = Path(file), Path.cwd().resolve()
    return str(path.relative_to(here)) if path.is_relative_to(here) else file


def _others(settings: Settings, mine: set[Path], ids: dict[str, str]) -> list[Lexicon]:
    """The other lexicons the project uses. A plugin lexicon with the id of one under test is
    left out: the file under test is a new version of it (a plugin's own source tree)."""
    from . import cached_lexicons, is_builtin, lexicon_paths

    configured = [
        p for p in lexicon_paths(list(settings.lexicons), defaults=False) if p.resolve() not in mine
    ]
    loaded = cached_lexicons(
        configured, defaults=settings.default_lexicons, plugins=choice(settings.plugins)
    )
    out: list[Lexicon] = []
    for lex in loaded:
        if Path(lex.path).resolve() in mine:
            continue  # the same file, under test
        if lex.id in ids:
            if is_builtin(Path(lex.path)) or Path(lex.path) in configured:
                raise LexiconError(
                    f"{ids[lex.id]}:1:1: lexicon id '{lex.id}' is already used by {lex.path}"
                )
            continue
        out.append(lex)
    return out


def _found(compiled: CompiledLexicon, text: str) -> list[tuple[str, str]]:
    from ..engine import lint_document
    from ..readers import reader_for_name

    document = reader_for_name("text").read(text, "<example>")
    return [(f.rule, f.matched) for f in lint_document(document, compiled)]


def _where(own: Sequence[Lexicon], rule_id: str) -> tuple[str, int]:
    lex_id, _, entry_id = rule_id.partition("/")
    for lex in own:
        if lex.id == lex_id:
            for entry in lex.entries:
                if entry.id == entry_id:
                    return lex.path, entry.line
            return lex.path, 1
    return "<lexicon>", 1


def _examples(compiled: CompiledLexicon, lex: Lexicon, rule_id: str) -> list[Failure]:
    entry = next(e for e in lex.entries if f"{lex.id}/{e.id}" == rule_id)
    owners = {rule_id} | {
        r.id
        for r in compiled.rules
        if r.entry.conflation and rule_id in r.entry.conflation.supersedes
    }
    out: list[Failure] = []
    known = {r.id for r in compiled.rules}
    for text in entry.examples.flag:
        found = _found(compiled, text)
        if rule_id in known and not owners & {rule for rule, _ in found}:
            shown = ", ".join(f"{r} on '{m}'" for r, m in found) or "no finding"
            out.append(
                Failure(lex.path, entry.line, rule_id, "flag", f"not flagged: {text!r} ({shown})")
            )
    for text in entry.examples.passes:
        found = _found(compiled, text)
        if found:
            shown = ", ".join(f"{r} on '{m}'" for r, m in found)
            out.append(
                Failure(
                    lex.path,
                    entry.line,
                    rule_id,
                    "pass",
                    f"pass example flagged: {text!r} ({shown})",
                )
            )
    return out


def _preferred_texts(rule: Rule) -> list[str]:
    """Each preferred wording as the engine would suggest it: singular, and plural if used."""
    from ..wording import inflect

    out: list[str] = []
    plural = rule.entry.inflect_plural and any(i.plural for i in rule.forms.values())
    for p in rule.entry.preferred:
        out.append(p.text)
        if plural or p.plural:
            out.append(inflect(p.text, p.plural, Inflection(p.text, plural=True)))
    return list(dict.fromkeys(out))


def _preferred(
    compiled: CompiledLexicon, rules: Sequence[Rule], own: Sequence[Lexicon]
) -> list[Failure]:
    out: list[Failure] = []
    for rule in rules:
        if rule.entry.kind == "conflation":
            continue  # its wording is a rewrite hint, not a replacement
        for text in _preferred_texts(rule):
            found = _found(compiled, text)
            if found:
                file, line = _where(own, rule.id)
                shown = ", ".join(f"{r} on '{m}'" for r, m in found)
                out.append(
                    Failure(
                        file,
                        line,
                        rule.id,
                        "preferred",
                        f"preferred wording {text!r} is itself flagged ({shown})",
                    )
                )
    return out


def _flags_others(
    compiled: CompiledLexicon, others: Sequence[Rule], own_ids: set[str], own: Sequence[Lexicon]
) -> list[Failure]:
    """The own rules that flag other rules' preferred wordings: a fix of those rules would
    write words these report ("sex worker" as a house term). One failure per own rule, naming
    the words and the first few rules."""
    words: dict[str, dict[str, None]] = {}
    rules: dict[str, dict[str, None]] = {}
    for rule in others:
        if rule.entry.kind == "conflation":
            continue
        for text in _preferred_texts(rule):
            for found, matched in _found(compiled, text):
                if found in own_ids:
                    words.setdefault(found, {})[matched.casefold()] = None
                    rules.setdefault(found, {})[rule.id] = None
    out: list[Failure] = []
    for found, ids in rules.items():
        file, line = _where(own, found)
        named = ", ".join(list(ids)[:3]) + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")
        shown = ", ".join(f"'{w}'" for w in list(words[found])[:3])
        out.append(
            Failure(
                file,
                line,
                found,
                "preferred",
                f"flags {shown} in the preferred wordings of {named}, which their fixes write",
            )
        )
    return out


def matching(rule: Rule) -> Hashable:
    """Everything that decides whether a rule accepts a candidate match (not the wording)."""
    entry = rule.entry
    return (
        frozenset(entry.exceptions),
        tuple((g.when, g.action) for g in entry.guards),
        frozenset(entry.requires),
        entry.quotes,
    )


def _clashes(rules: Sequence[Rule], own_ids: set[str], own: Sequence[Lexicon]) -> list[Failure]:
    by_form: dict[str, list[Rule]] = {}
    for rule in rules:
        for form in rule.forms:
            by_form.setdefault(form, []).append(rule)
    pairs: dict[tuple[str, str], str] = {}
    for form, claimants in by_form.items():
        for a, b in itertools.combinations(claimants, 2):
            mine_a, mine_b = a.id in own_ids, b.id in own_ids
            # one of the project's rules and another lexicon's: where both would report, only
            # the rule tried first does, whatever their guards
            if (mine_a != mine_b) or ((mine_a or mine_b) and matching(a) == matching(b)):
                pairs.setdefault((a.id, b.id), form)
    out: list[Failure] = []
    for (first, second), form in sorted(pairs.items()):
        mine = second if second in own_ids else first
        other = first if mine == second else second
        file, line = _where(own, mine)
        if other in own_ids:
            message = (
                f"'{form}' is also claimed by {other} with the same guards, so one of them "
                "never reports: add a guard, or 'disable:' the other"
            )
        else:
            message = (
                f"'{form}' is also claimed by {other}: where both would report, only "
                f"{min(mine, other)} does (rules are tried in id order). To change {other}, "
                "use 'overrides:' in the configuration; to replace it, 'disable:' it"
            )
        out.append(Failure(file, line, mine, "clash", message))
    return out


def _sources(own: Sequence[Lexicon]) -> list[Failure]:
    out: list[Failure] = []
    for lex in own:
        for entry in lex.entries:
            for key in entry.sources:
                source = lex.sources.get(key)
                if source is None or not source.title.strip() or "://" not in source.url:
                    out.append(
                        Failure(
                            lex.path,
                            entry.line,
                            f"{lex.id}/{entry.id}",
                            "source",
                            f"source '{key}' does not resolve to a title and a web address",
                        )
                    )
    return out
