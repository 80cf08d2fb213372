"""Term rules: words and phrases with their inflected forms, found by the shared scan.

The scan over the normalized view finds every form of every term rule at once (a trie-shaped
regular expression or an automaton, see :mod:`respectful_lint.scan`); each candidate is then
verified against its rule's context guards, the longest form first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from msgspec import Struct, field

from ..findings import Match
from ..inflect import expand, phrase_too_long
from ..lazyre import lazy_compile
from ..model import ConceptGroup, Entry, Inflection, Lexicon, Rule
from ..normalize import is_word
from ..scan import make_scanner
from ..scan_base import Scanner
from ..wordsets import word_set
from .kind import CONFLATION_KEYS, EntryChecker, KindFields, Passive, Path, own_rules, refuse
from .needs import Needs, met, present, requirement_needs, scanner_words

if TYPE_CHECKING:
    from ..context import Context
    from ..lexicon.compile import CompiledLexicon
    from ..scan import Hits


class CompiledTerms(Passive, Struct, frozen=True):
    """Each form of the term rules, with the rules (by index) that list it, and the words a
    rule's requirements need in the segment (see :mod:`.needs`) with a scanner that finds
    them, run on a segment's view the first time one of its candidates asks."""

    forms: dict[str, tuple[int, ...]]
    lengths: tuple[int, ...]  # every form length, longest first
    literals: tuple[str, ...] = ()
    needs: dict[int, Needs] = field(default_factory=dict)
    need_scanner: Scanner | None = None
    needs_hits: ClassVar[bool] = True  # candidates are the scan's forms only

    def candidates(
        self, lexicon: CompiledLexicon, ctx: Context, hits: Hits, best: dict[int, Match]
    ) -> None:
        for start, end in hits.terms:
            found = self._best(lexicon, ctx, start, end)
            if found is not None:
                best[start] = found

    def _best(self, lexicon: CompiledLexicon, ctx: Context, start: int, end: int) -> Match | None:
        """The longest accepted match at ``start``, trying shorter forms if guards refuse."""
        norm = ctx.norm
        length = end - start
        for size in (length, *(n for n in self.lengths if n < length)):
            stop = start + size
            rules = self.forms.get(norm[start:stop])
            if rules is None or (stop < len(norm) and is_word(norm[stop])):
                continue
            if norm[stop - 1] == "'" and _closes_quote(norm, start, stop):
                continue  # 'illegals': a closing quote, not a plural's possessive
            for index in rules:
                need = self.needs.get(index)
                if need is not None and not met(need, self._present(ctx)):
                    continue  # its requirements cannot hold anywhere in this segment
                severity = ctx.verify(lexicon, index, start, stop)
                if severity is not None:
                    return Match(start, stop, index, severity)
        return None

    def _present(self, ctx: Context) -> frozenset[str]:
        """The needed words that stand in the segment's view, found once per segment."""
        found = ctx.needed
        if found is None:
            assert self.need_scanner is not None
            found = ctx.needed = present(self.need_scanner, ctx.norm)
        return found


_QUOTE_LOOKBACK = 300  # characters searched back for a quotation's opening mark
_NEXT_WORD = lazy_compile(r" (\w+)")
# words after a closing mark that no possessive takes: a verb or a joining word
_NO_POSSESSION = word_set(
    "is are was were has have had will would could can may might should must do did and or "
    "but said says say told"
)
# left-out letters or digits ('90s, 'em, 'tis; a year after "since", "in" … : since '09), not
# a quotation ('12 inmates')
_ELISION = lazy_compile(r"'(?:\d+s|em|tis|twas|til|cause|n)\b")
_YEAR = lazy_compile(r"'\d\d\b")
_BEFORE_A_YEAR = word_set("since in of until till from by class summer spring fall autumn winter")
_SENTENCE_END = lazy_compile(r"[.!?] ")
_AFTER_QUOTE = frozenset(",.;:!?)")


def _year(norm: str, at: int) -> bool:
    """Whether the apostrophe at ``at`` stands for a year's century ("since '09")."""
    if not _YEAR.match(norm, at):
        return False
    word = norm[max(0, at - 12) : at].rstrip().rpartition(" ")[2]
    return word in _BEFORE_A_YEAR


def _closes_quote(norm: str, start: int, stop: int) -> bool:
    """Whether the apostrophe ending ``norm[start:stop]`` closes a single-quoted span: the
    term is quoted itself ('illegals'), or it ends a quotation that opened earlier and
    punctuation, the end or a word that no possessive takes follows ('Nobody should call
    them inmates', she said; the guard said '12 inmates' were hurt)."""
    if start and norm[start - 1] == "'":
        return True
    if stop < len(norm) and norm[stop] not in _AFTER_QUOTE:
        after = _NEXT_WORD.match(norm, stop)
        if after is None or after[1] not in _NO_POSSESSION:
            return False  # "the inmates' families"
    low = max(0, start - _QUOTE_LOOKBACK)
    for end in _SENTENCE_END.finditer(norm, low, start):
        low = end.end()  # a quotation opened in an earlier sentence is no business of this one
    at = norm.rfind("'", low, start)
    while at >= 0:
        following = norm[at + 1 : at + 2]
        if at == 0 or not is_word(norm[at - 1]):
            if not _ELISION.match(norm, at) and not _year(norm, at):
                return following.isalnum()  # the nearest opening mark, not closed before
        elif not is_word(following):
            return False  # an earlier quotation closed here ('reform' failed the inmates', …)
        # an apostrophe inside a word (don't), or one for left-out digits
        at = norm.rfind("'", low, at)
    return False


class TermKind:
    """``kind: term`` (the default): the words of ``terms`` and ``forms``, inflected."""

    name = "term"
    keys = ("terms",)

    def validate(
        self, check: EntryChecker, data: dict[str, Any], path: Path, what: str
    ) -> KindFields:
        refuse(check, data, path, CONFLATION_KEYS, "'{key}' needs 'kind: conflation' in " + what)
        terms = check.strings(
            check.require(data, path, "terms", what), (*path, "terms"), nonempty_list=True
        )
        for i, term in enumerate(terms):
            if (why := phrase_too_long(term)) is not None:
                check.fail((*path, "terms", i), f"'terms': {why}")
        if "pattern" in data:
            check.fail((*path, "pattern"), f"'pattern' needs 'kind: pattern' in {what}")
        return KindFields(terms=terms)

    def forms(self, entry: Entry) -> dict[str, Inflection]:
        return expand(
            entry.terms,
            entry.forms,
            plural_forms=entry.plural_forms,
            inflect_plural=entry.inflect_plural,
            inflect_possessive=entry.inflect_possessive,
        )

    def compile(self, rules: Sequence[Rule], lexicons: Sequence[Lexicon]) -> CompiledTerms | None:
        by_form: dict[str, list[int]] = {}
        for index, rule in own_rules(rules, self.name):
            for form in rule.forms:
                by_form.setdefault(form, []).append(index)
        if not by_form:
            return None
        forms = {form: tuple(ids) for form, ids in by_form.items()}
        lengths = tuple(sorted({len(f) for f in forms}, reverse=True))
        needs = {}
        for index, rule in own_rules(rules, self.name):
            need = requirement_needs(rule.entry)
            if need is not None:
                needs[index] = need
        if not needs:
            return CompiledTerms(forms, lengths)
        whole, starts = scanner_words(needs.values())
        return CompiledTerms(forms, lengths, (), needs, make_scanner(whole, starts))

    def describe(self, rule: Rule, groups: Mapping[str, ConceptGroup]) -> dict[str, Any]:
        """Each term (or listed form) with the forms generated from it, in order."""
        grouped: dict[str, list[str]] = {}
        for form, inflection in rule.forms.items():
            grouped.setdefault(inflection.base, []).append(form)
        return {"terms": [{"term": base, "forms": forms} for base, forms in grouped.items()]}


KIND = TermKind()
