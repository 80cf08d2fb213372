"""Checks of the words an entry matches and suggests: extra forms, preferred wordings (with
the terms, contexts and slots each applies to) and the examples that test them."""

from __future__ import annotations

from typing import Any

from ..inflect import phrase_too_long
from ..lazyre import lazy_compile
from ..model import SLOTS, Examples, Preferred
from ..patterns import pattern_problem
from ..validation import did_you_mean as _hint
from .validate_base import EXAMPLES_KEYS, FORM_KEYS, PREFERRED_KEYS, BaseChecks
from .yamlload import Path


class WordingChecks(BaseChecks):
    """An entry's ``forms:``, ``preferred:`` and ``examples:``."""

    def forms(self, raw: Any, path: Path) -> tuple[tuple[str, ...], frozenset[str]]:
        """Extra forms: strings, or ``{text: ..., plural: true}`` for an irregular plural."""
        if not isinstance(raw, list):
            forms = self.strings(raw, path)
            for form in forms:
                if (why := phrase_too_long(form)) is not None:
                    self.fail(path, f"'forms': {why}")
            return forms, frozenset()
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
            if (why := phrase_too_long(texts[-1])) is not None:
                self.fail((*path, i), f"'forms': {why}")
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
                out.append(self.wording(item, (*path, i), known))
            else:
                out.append(Preferred(self.string(item, (*path, i))))
        for term in matchable:
            if all(p.only_for is not None and term.casefold() not in p.only_for for p in out):
                self.fail(path, f"'preferred' has no wording for '{term}'")
        return tuple(out)

    def wording(self, item: Any, path: Path, known: dict[str, str]) -> Preferred:
        """One preferred wording given as a mapping; ``known`` maps the entry's case-folded
        terms and forms to themselves as written."""
        spec = self.mapping(item, path, PREFERRED_KEYS, "a preferred wording")
        text = self.string(self.require(spec, path, "text", "a preferred wording"), (*path, "text"))
        plural = self.string(spec["plural"], (*path, "plural")) if "plural" in spec else None
        possessive = self.boolean(spec.get("possessive", True), (*path, "possessive"))
        only_for = self.wording_for(spec["for"], (*path, "for"), known) if "for" in spec else None
        when = self.wording_when(spec["when"], (*path, "when")) if "when" in spec else None
        slots = self.wording_slots(spec["slot"], (*path, "slot")) if "slot" in spec else None
        near = self.wording_near(spec["near"], (*path, "near")) if "near" in spec else None
        if "{noun}" in text and slots != frozenset({"modifier"}):
            self.fail((*path, "text"), "'{noun}' needs 'slot: modifier'")
        return Preferred(text, plural, possessive, only_for, when, slots, near)

    def wording_near(self, raw: Any, path: Path) -> frozenset[str]:
        """The words that put a wording first when one stands in the match's sentence."""
        words = self.strings(raw, path, nonempty_list=True)
        for j, word in enumerate(words):
            if not _NEAR_WORD.fullmatch(word):
                self.fail(
                    (*path, j),
                    f"'{word}' in 'near' is not one word (letters, digits, ' and -, "
                    "and '*' at the end for a word start)",
                )
        return frozenset(w.casefold() for w in words)

    def wording_for(self, raw: Any, path: Path, known: dict[str, str]) -> frozenset[str]:
        """The terms or forms of the entry a wording is for, case-folded."""
        wanted = self.strings(raw, path, nonempty_list=True)
        for j, term in enumerate(wanted):
            if term.casefold() not in known:
                self.fail(
                    (*path, j),
                    f"'{term}' in 'for' is not one of the entry's terms or forms"
                    + _hint(term, list(known.values())),
                )
        return frozenset(t.casefold() for t in wanted)

    def wording_when(self, raw: Any, path: Path) -> str:
        """The regular expression a wording's context must match."""
        when = self.string(raw, path)
        problem = pattern_problem(when, allow_empty=True)
        if problem is not None:
            problem = problem.replace(
                "pattern does not compile:", "is not a valid regular expression:"
            )
            self.fail(path, f"'when' {problem}")
        return when

    def wording_slots(self, raw: Any, path: Path) -> frozenset[str]:
        """The grammatical slots a wording fits."""
        names = self.strings(raw, path, nonempty_list=True)
        for j, name in enumerate(names):
            self.choice(name, (*path, j), SLOTS)
        return frozenset(names)

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


_NEAR_WORD = lazy_compile(r"[^\W_](?:[\w'-]*[^\W_])?\*?")
