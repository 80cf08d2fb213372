"""Pattern rules: a regular expression over the normalized view.

A pattern runs only near the literal strings every match of it must contain (found by the
shared scan), in windows cut at spaces; a pattern without such literals runs over the whole
segment. No window reaches past a paragraph, so ``$`` matches at a paragraph's end (a headline
with no stop before the next paragraph) as at the text's. Each run has a time limit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from msgspec import Struct

from ..errors import PatternTimeout
from ..findings import Match
from ..model import ConceptGroup, Entry, Inflection, Lexicon, Rule
from ..normalize import PARAGRAPH
from ..patterns import PATTERN_TIMEOUT, analysis, compiled, pattern_problem
from .kind import CONFLATION_KEYS, EntryChecker, KindFields, Passive, Path, own_rules, refuse

if TYPE_CHECKING:
    from ..context import Context
    from ..lexicon.compile import CompiledLexicon
    from ..scan import Hits

PATTERN_REACH = 300  # a pattern match must lie this close to one of its required literals


def pattern_windows(
    norm: str, literals: tuple[str, ...] | None, found: dict[str, list[int]]
) -> list[tuple[int, int]]:
    """Stretches of text (cut at spaces) that can hold a match: around each required literal,
    or each paragraph when there is none, and never past the paragraph."""
    if literals is None:
        return _paragraphs(norm)
    spans = [(at, at + len(lit)) for lit in literals for at in found.get(lit, ())]
    if not spans:
        return []
    spans.sort()
    windows: list[tuple[int, int]] = []
    for at, stop in spans:
        lo = norm.rfind(" ", 0, max(0, at - PATTERN_REACH)) + 1
        hi = norm.find(" ", min(len(norm), stop + PATTERN_REACH))
        hi = len(norm) if hi == -1 else hi
        lo = norm.rfind(PARAGRAPH, lo, at) + 1 or lo  # both searches stay in the window
        end = norm.find(PARAGRAPH, stop, hi)
        if end != -1:
            hi = end
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], hi))
        else:
            windows.append((lo, hi))
    return windows


def _paragraphs(norm: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of the view."""
    out: list[tuple[int, int]] = []
    lo = 0
    while True:
        end = norm.find(PARAGRAPH, lo)
        if end == -1:
            out.append((lo, len(norm)))
            return out
        out.append((lo, end))
        lo = end + 1


class CompiledPatterns(Passive, Struct, frozen=True):
    """(rule index, expression) of each pattern rule, and the literals each match contains."""

    # sources, compiled on first use (see :func:`compiled`), so a cached lexicon loads
    # without compiling expressions that the text never needs
    patterns: tuple[tuple[int, str], ...]
    # per pattern: strings of which every match contains one (None: not known)
    pattern_literals: tuple[tuple[str, ...] | None, ...]
    literals: frozenset[str]
    forms: dict[str, tuple[int, ...]]
    # whether some pattern has no known literal, and so runs on text without any
    unanchored: bool = False
    # per pattern: sets of strings of which the text of every match holds one from each; a
    # window lacking one of them is not searched
    literal_sets: tuple[tuple[frozenset[str], ...], ...] = ()
    # per pattern: the same for the text around a match that its lookarounds read (see
    # :func:`.patterns.required_context_sets`); a segment lacking one of them is not searched
    context_sets: tuple[tuple[frozenset[str], ...], ...] = ()

    @property
    def needs_hits(self) -> bool:
        """Every pattern runs only near one of its literals: none, no match."""
        return not self.unanchored

    def candidates(
        self, lexicon: CompiledLexicon, ctx: Context, hits: Hits, best: dict[int, Match]
    ) -> None:
        """Run each pattern rule near its required literals, collecting overlapping matches."""
        found = hits.literals
        if not found and not self.unanchored:
            return  # most segments: no required literal at all, so no pattern can match
        norm = ctx.norm
        none = [()] * len(self.patterns)
        every = self.literal_sets or none
        around = self.context_sets or none
        for (index, source), literals, sets, context in zip(
            self.patterns, self.pattern_literals, every, around, strict=True
        ):
            if literals is not None and found.keys().isdisjoint(literals):
                continue  # none of its required literals occurs: no window to search
            pattern = None  # compiled when a window needs it
            for lo, hi in pattern_windows(norm, literals, found):
                if sets and not _holds_each(norm, sets, lo, hi):
                    continue  # a match lies in the window, and would hold one of each set
                if pattern is None:
                    # what its lookarounds need to read may lie anywhere in the segment: looked
                    # for once, after a window's own test (which reads only the window) passed
                    if context and not _holds_each(norm, context, 0, len(norm)):
                        break
                    pattern = compiled(source)
                pos = lo
                while True:
                    try:
                        hit = pattern.search(norm, pos, hi, timeout=PATTERN_TIMEOUT)
                    except TimeoutError:
                        rule = lexicon.rules[index]
                        where = next(
                            (
                                f" ({x.path}:{rule.entry.line})"
                                for x in lexicon.lexicons
                                if x.id == rule.lexicon
                            ),
                            "",
                        )
                        raise PatternTimeout(
                            f"rule '{rule.id}'{where}: pattern took over {PATTERN_TIMEOUT}s on "
                            "one paragraph"
                        ) from None
                    if hit is None:
                        break
                    start, end = hit.span()
                    pos = start + 1
                    if end == start:
                        continue
                    severity = ctx.verify(lexicon, index, start, end)
                    if severity is None:
                        continue
                    current = best.get(start)
                    if current is None or (end, -index) > (current.end, -current.rule):
                        best[start] = Match(start, end, index, severity)


def _holds_each(norm: str, sets: tuple[frozenset[str], ...], lo: int, hi: int) -> bool:
    """Whether ``norm[lo:hi]`` holds a string of each set."""
    find = norm.find
    for strings in sets:  # loops, not generators: this runs for every window of a pattern
        for s in strings:
            if find(s, lo, hi) != -1:
                break
        else:
            return False
    return True


class PatternKind:
    """``kind: pattern``: a regular expression, checked that it compiles and cannot hang."""

    name = "pattern"
    keys = ("pattern",)

    def validate(
        self, check: EntryChecker, data: dict[str, Any], path: Path, what: str
    ) -> KindFields:
        refuse(check, data, path, CONFLATION_KEYS, "'{key}' needs 'kind: conflation' in " + what)
        pattern = check.string(check.require(data, path, "pattern", what), (*path, "pattern"))
        problem = pattern_problem(pattern)
        if problem:
            check.fail((*path, "pattern"), f"'pattern' of {what}: {problem}")
        if "terms" in data:
            check.fail((*path, "terms"), f"'terms' is for 'kind: term', not {what}")
        return KindFields(pattern=pattern)

    def forms(self, entry: Entry) -> dict[str, Inflection]:
        return {}

    def compile(
        self, rules: Sequence[Rule], lexicons: Sequence[Lexicon]
    ) -> CompiledPatterns | None:
        patterns = tuple(
            (i, r.entry.pattern) for i, r in own_rules(rules, self.name) if r.entry.pattern
        )
        if not patterns:
            return None
        analysed = [analysis(p) for _, p in patterns]
        pattern_literals = tuple(lits for lits, _, _ in analysed)
        literals = frozenset(lit for lits in pattern_literals for lit in lits or ())
        unanchored = any(lits is None for lits in pattern_literals)
        sets = tuple(found for _, found, _ in analysed)
        context = tuple(found for _, _, found in analysed)
        return CompiledPatterns(patterns, pattern_literals, literals, {}, unanchored, sets, context)

    def describe(self, rule: Rule, groups: Mapping[str, ConceptGroup]) -> dict[str, Any]:
        return {"pattern": rule.entry.pattern}


KIND = PatternKind()
