"""The built-in lexicons checked like code, as codespell checks its dictionary.

* No preferred wording is itself flagged by a built-in rule.
* No term form is claimed by two entries unless a guard separates them.
* Every source an entry cites resolves to a title, a year and a URL.
* Every entry has a note and at least two flag and two pass examples.

(The schema check of every built-in file is in test_schema.py; the examples themselves run in
test_lexicon_examples.py.)
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Hashable, Sequence
from pathlib import Path

import pytest

from respectful_lint import lint_text
from respectful_lint.lexicon import builtin_lexicon_dir, cached_lexicons, load_compiled
from respectful_lint.model import Inflection, Rule
from respectful_lint.wording import inflect

ROOT = Path(__file__).resolve().parents[2]
LEXICONS = cached_lexicons()
RULES = load_compiled().rules
MIN_EXAMPLES = 2
URL = re.compile(r"https?://[^\s/]+\.[^\s]+")


def _preferred_texts(rule: Rule) -> list[str]:
    """Each preferred wording as the engine would suggest it: singular, and plural if used."""
    out: list[str] = []
    plural = rule.entry.inflect_plural and any(i.plural for i in rule.forms.values())
    for p in rule.entry.preferred:
        out.append(p.text)
        if plural or p.plural:
            out.append(inflect(p.text, p.plural, Inflection(p.text, plural=True)))
    return list(dict.fromkeys(out))


PREFERRED = [(r.id, text) for r in RULES for text in _preferred_texts(r)]


@pytest.mark.parametrize(("rule", "text"), PREFERRED, ids=[f"{r}:{t}" for r, t in PREFERRED])
def test_preferred_wording_is_not_itself_flagged(rule: str, text: str) -> None:
    found = [(f.rule, f.matched) for f in lint_text(text, kind="text")]
    assert found == [], f"{rule} suggests {text!r}, which is flagged: {found}"


def _matching(rule: Rule) -> Hashable:
    """Everything that decides whether a rule accepts a candidate match (not the wording)."""
    entry = rule.entry
    return (
        frozenset(entry.exceptions),
        tuple((g.when, g.action) for g in entry.guards),
        frozenset(entry.requires),
        entry.quotes,
    )


def clashes(rules: Sequence[Rule]) -> list[str]:
    """Forms that two rules claim with the same guards: the second rule can never report."""
    by_form: dict[str, list[Rule]] = {}
    for rule in rules:
        for form in rule.forms:
            by_form.setdefault(form, []).append(rule)
    return sorted(
        f"{form!r}: {a.id} and {b.id}"
        for form, claimants in by_form.items()
        for a, b in itertools.combinations(claimants, 2)
        if _matching(a) == _matching(b)
    )


def test_no_term_form_is_claimed_by_two_entries_without_a_guard_between_them() -> None:
    """Two entries may share a form only when their guards (exceptions, word windows, case
    cues, forms, requires, quote policies) differ."""
    found = clashes(RULES)
    assert not found, "\n".join(found)


def test_a_shared_form_without_a_guard_between_is_a_clash(tmp_path: Path) -> None:
    entry = """
  - id: {id}
    terms: [{term}]
    preferred: [client record]
    severity: warning
    category: house-style
    note: We say "client record".
    sources: [style]
    examples: {{flag: [Open the case file.], pass: [Open the client record.]}}
{extra}"""
    head = (
        "lexicon: house\nversion: 1\nlanguage: en\ndescription: Test.\n"
        'sources:\n  style: {title: House style, year: 2024, url: "https://example.org"}\n'
        "entries:"
    )
    guard = "    guards:\n      - near: [archive]\n        reason: archived material\n"
    path = tmp_path / "house.yaml"
    path.write_text(
        head
        + entry.format(id="a", term="case file", extra="")
        + entry.format(id="b", term="case file", extra="")
        + entry.format(id="c", term="case file", extra=guard)
    )
    rules = load_compiled([path], defaults=False).rules
    found = clashes(rules)
    assert "'case files': house/a and house/b" in found
    assert {line.split(": ", 1)[1] for line in found} == {"house/a and house/b"}


def test_every_cited_source_resolves_to_a_title_year_and_url() -> None:
    problems: list[str] = []
    for lex in LEXICONS:
        cited: dict[str, list[str]] = {}
        for entry in lex.entries:
            if not entry.sources:
                problems.append(f"{lex.id}/{entry.id}: cites no source")
            for key in entry.sources:
                cited.setdefault(key, []).append(entry.id)
        for key, entries in cited.items():
            where = f"{lex.id}: source {key!r} (cited by {len(entries)} entries)"
            source = lex.sources.get(key)
            if source is None:
                problems.append(f"{where}: not defined")
                continue
            if not source.title.strip():
                problems.append(f"{where}: no title")
            undated = source.year == "n.d."  # an undated page, cited as such
            if not undated and not (isinstance(source.year, int) and 1900 <= source.year <= 2100):
                problems.append(f"{where}: no year")
            if not URL.fullmatch(source.url):
                problems.append(f"{where}: no URL ({source.url!r})")
    assert not problems, "\n".join(problems)


def test_every_entry_has_a_note_and_enough_examples() -> None:
    problems: list[str] = []
    for rule in RULES:
        entry = rule.entry
        if len(entry.note.split()) < 4:
            problems.append(f"{rule.id}: note too short ({entry.note!r})")
        if len(entry.examples.flag) < MIN_EXAMPLES:
            problems.append(f"{rule.id}: {len(entry.examples.flag)} flag examples")
        if len(entry.examples.passes) < MIN_EXAMPLES:
            problems.append(f"{rule.id}: {len(entry.examples.passes)} pass examples")
    assert not problems, "\n".join(problems)


def test_the_schema_test_covers_every_built_in_lexicon() -> None:
    shipped = sorted(Path(lex.path).resolve() for lex in LEXICONS)
    assert shipped == sorted((ROOT / "lexicons").resolve().glob("*.yaml"))
    assert builtin_lexicon_dir().resolve() == (ROOT / "lexicons").resolve()
