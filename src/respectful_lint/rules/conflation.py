"""Conflation rules: copy that treats adult sex work and trafficking as one thing.

A conflation entry names a *shape* (see :mod:`.shapes`) and reads *concept groups* (sex work,
trafficking, harms, cues, ...) that lexicons define as data. Detection works on sentences of
the same normalized view and offset map that term rules use, so a phrase split by a line break
or by markup is still found and reported at its true position.

Cost: one compiled scan per segment looks for any term of the groups that can start a shape;
text without one (most prose) costs nothing more. Only sentences holding such a term are
analysed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TypeVar

from ..errors import LexiconError
from ..findings import first_of_overlaps, make_finding
from ..model import (
    ConceptGroup,
    Conflation,
    ConflationGuard,
    Document,
    Entry,
    Finding,
    Lexicon,
    Rule,
    Segment,
    Severity,
)
from ..normalize import PARAGRAPH
from ..sentences import sentence_bounds
from ..wording import transfer_case
from . import equivalence as _equivalence  # noqa: F401  (adds its shapes to the detectors)
from . import grammar as g
from .grammar import Candidate
from .shapes import SHAPES

if TYPE_CHECKING:
    from ..context import Context


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def rule(self) -> int: ...


M = TypeVar("M", bound=_Span)


@dataclass(frozen=True, slots=True)
class ConflationMatch:
    """An accepted conflation finding in a segment's normalized view."""

    start: int
    end: int
    rule: int
    severity: Severity
    rewrites: tuple[g.Rewrite, ...] = ()


# Reads a span of the normalized view back from the segment, with each flagged term in it
# replaced by its first preferred wording.
Rename = Callable[[int, int], str]


# --- concept groups ----------------------------------------------------------------------------


def merge_groups(lexicons: Iterable[Lexicon]) -> dict[str, ConceptGroup]:
    """Every lexicon's groups by qualified id; a group naming another lexicon's adds to it."""
    merged: dict[str, ConceptGroup] = {}
    where: dict[str, str] = {}
    for lex in lexicons:
        for group in lex.groups:
            if group.extends:
                base = merged.get(group.id)
                if base is None:
                    raise LexiconError(
                        f"{lex.path}:{group.line}:3: group '{group.id}' adds to a group that "
                        "no earlier lexicon defines"
                    )
                merged[group.id] = ConceptGroup(
                    base.id,
                    base.description,
                    base.terms + group.terms,
                    base.inflect,
                    line=base.line,
                )
            elif group.id in merged:
                raise LexiconError(
                    f"{lex.path}:{group.line}:3: duplicate group '{group.id}' "
                    f"(also in {where[group.id]})"
                )
            else:
                merged[group.id] = group
                where[group.id] = lex.path
    return merged


def group_pattern(group: ConceptGroup) -> str:
    """A regular expression (without word boundaries) matching any term of ``group``."""
    from ..lexicon.inflect import expand
    from ..scan import trie_regex

    literal = tuple(t for t in group.terms if not t.endswith("*"))
    prefixes = [t[:-1] for t in group.terms if t.endswith("*")]
    forms = expand(literal, (), inflect_plural=group.inflect, inflect_possessive=group.inflect)
    alternatives = [trie_regex(forms)] if forms else []
    for prefix in sorted(set(prefixes)):
        words = [re.escape(w) for w in prefix.replace("~", " ").split(" ")]
        alternatives.append("[ -]?".join(words) + r"[\w']*")
    return "|".join(f"(?:{a})" for a in alternatives)


def _bounded(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + pattern + r")(?!\w)")


# --- the index -------------------------------------------------------------------------------


@dataclass(slots=True)
class ConflationIndex:
    """The conflation rules of a compiled lexicon, their groups and the candidate scanner."""

    rules: tuple[Rule, ...]
    members: tuple[tuple[int, Conflation], ...]
    groups: dict[str, ConceptGroup]
    triggers: tuple[str, ...]  # ids of the groups of which a term starts the analysis
    anchors: tuple[str, ...] = ()  # every trigger term contains one of these strings
    # Compiled on first use, so that a run over text without any anchor compiles nothing.
    _patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)
    _trigger: list[re.Pattern[str]] = field(default_factory=list)

    def pattern(self, group: str) -> re.Pattern[str]:
        compiled = self._patterns.get(group)
        if compiled is None:
            compiled = self._patterns[group] = _bounded(group_pattern(self.groups[group]))
        return compiled

    @property
    def trigger(self) -> re.Pattern[str]:
        if not self._trigger:
            alternatives = (group_pattern(self.groups[gid]) for gid in self.triggers)
            self._trigger.append(_bounded("|".join(alternatives)))
        return self._trigger[0]

    # -- per segment --------------------------------------------------------------------------

    def find(self, ctx: Context, term_matches: list[M]) -> tuple[list[ConflationMatch], list[M]]:
        """Conflation matches in one segment, and the term matches they do not supersede."""
        norm = ctx.norm
        if ctx.literals is not None:  # the candidate scan found the anchors already
            hits = sorted(at for a in self.anchors for at in ctx.literals.get(a, ()))
        else:
            hits = _find_all(norm, self.anchors)
        if not hits:
            return [], term_matches
        sentences: list[Sentence] = []
        done = -1
        for at in hits:
            if at < done:
                continue
            bounds = _sentence(ctx, at)
            done = bounds[1]
            if self.trigger.search(norm, *bounds) is not None:
                sentences.append(Sentence(self, ctx, *bounds))
        found: list[ConflationMatch] = []
        for sent in sentences:
            for index, spec in self.members:
                entry = self.rules[index].entry
                detect = g.DETECTORS[spec.shape]
                for cand in detect(sent, spec, entry.severity):
                    severity = self._verify(sent, spec, index, cand)
                    if severity is not None:
                        found.append(
                            ConflationMatch(cand.start, cand.end, index, severity, cand.rewrites)
                        )
        if not found:
            return [], term_matches
        chosen = _resolve(found)
        return chosen, self._unsuperseded(chosen, term_matches)

    def _unsuperseded(self, chosen: list[ConflationMatch], term_matches: list[M]) -> list[M]:
        drop: list[tuple[int, int, tuple[str, ...]]] = []
        for c in chosen:
            spec = self.rules[c.rule].entry.conflation
            if spec is not None and spec.supersedes:
                drop.append((c.start, c.end, spec.supersedes))
        if not drop:
            return term_matches
        return [
            m
            for m in term_matches
            if not any(
                m.start < end and start < m.end and self.rules[m.rule].id in ids
                for start, end, ids in drop
            )
        ]

    def _verify(
        self, sent: Sentence, spec: Conflation, index: int, cand: Candidate
    ) -> Severity | None:
        severity = cand.severity
        for guard in spec.guards:
            if _guard_holds(guard, sent, cand):
                if guard.action == "skip":
                    return None
                severity = (
                    severity.downgraded() if guard.action == "downgrade" else Severity.SUGGESTION
                )
                break
        quotes = self.rules[index].entry.quotes
        return sent.ctx.quoting(quotes, severity, cand.start, g.mentioned(sent, cand.start))

    # -- findings -----------------------------------------------------------------------------

    def findings(
        self,
        document: Document,
        segment: Segment,
        ctx: Context,
        matches: Sequence[ConflationMatch],
        rename: Rename,
    ) -> list[Finding]:
        out = []
        for m in matches:
            rule = self.rules[m.rule]
            entry = rule.entry
            hints = tuple(p.text for p in entry.preferred)
            as_read = ctx.original(m.start, m.end)
            rewritten = (
                transfer_case(
                    as_read,
                    _SPACES.sub(" ", "".join(_read(p, rename) for p in r)).strip(),
                    ctx.sentence_start(m.start),
                )
                for r in m.rewrites
            )
            suggestions = tuple(dict.fromkeys(s for s in (*rewritten, *hints) if s))

            def wording(
                shown: str,
                start: int,
                end: int,
                entry: Entry = entry,
                suggestions: tuple[str, ...] = suggestions,
            ) -> tuple[str, tuple[str, ...], None]:
                if entry.message:
                    text = entry.message.replace("{matched}", shown)
                    text = text.replace("{preferred}", suggestions[0] if suggestions else "")
                else:
                    text = f'"{shown}" treats sex work and trafficking as one thing'
                return " ".join(text.split()), suggestions, None  # never a fix

            out.append(
                make_finding(document, segment, ctx, rule, (m.start, m.end), m.severity, wording)
            )
        return out


_SPACES = re.compile(r"\s+")


def _read(piece: g.Piece, rename: Rename) -> str:
    return piece if isinstance(piece, str) else rename(*piece)


class Sentence:
    """One sentence of a segment's normalized view, with group hits computed on demand."""

    __slots__ = ("_cache", "ctx", "end", "index", "norm", "start")

    def __init__(self, index: ConflationIndex, ctx: Context, start: int, end: int) -> None:
        self.index = index
        self.ctx = ctx
        self.norm = ctx.norm
        self.start = start
        self.end = end
        self._cache: dict[object, list[tuple[int, int]]] = {}

    def hits(
        self, group: str, lo: int | None = None, hi: int | None = None
    ) -> list[tuple[int, int]]:
        """Spans of the terms of ``group`` in the sentence (or in ``[lo, hi)``)."""
        lo = self.start if lo is None else lo
        hi = self.end if hi is None else hi
        key = (group, lo, hi)
        cached = self._cache.get(key)
        if cached is None:
            pattern = self.index.pattern(group)
            cached = self._cache[key] = [m.span() for m in pattern.finditer(self.norm, lo, hi)]
        return cached

    def matches_at(self, group: str, pos: int) -> int:
        """End of the longest term of ``group`` starting at ``pos``, or -1."""
        best = -1
        for s, e in self.hits(group):
            if s == pos and e > best:
                best = e
        return best

    def concepts(self, spec: Conflation) -> list[tuple[int, int, str]]:
        """Sex-work and trafficking terms, in order: (start, end, "sw" or "tr").

        A trafficking term wins over a sex-work term it overlaps ("forced prostitution"), and
        one about goods ("drug trafficking") or sectors ("anti-trafficking") is left out.
        """
        sw_id = spec.group("sw") if spec.has("sw") else None
        tr_id, goods_id = spec.group("tr"), spec.group("goods")
        key = ("concepts", sw_id, tr_id, goods_id)
        cached = self._cache.get(key)
        if cached is not None:
            return cached  # type: ignore[return-value]
        goods = self.index.pattern(goods_id)
        tr = []
        for s, e in self.hits(tr_id):
            before = self.norm[max(self.start, s - 12) : s]
            if re.search(r"(?:anti|counter)[ -]$", before):
                continue
            prev = g.prev_words(self, s, 1)
            if prev and goods.fullmatch(prev[0]):
                continue
            tr.append((s, e, "tr"))
        sw = [
            (s, e, "sw")
            for s, e in (self.hits(sw_id) if sw_id else ())
            if not any(s < te and ts < e for ts, te, _ in tr)
        ]
        out = sorted(tr + sw)
        self._cache[key] = out  # type: ignore[assignment]
        return out

    def text(self, start: int, end: int) -> str:
        return self.norm[start:end]


def _sentence(ctx: Context, offset: int) -> tuple[int, int]:
    """Sentence bounds, also cut where a plain-text list item starts on a new line."""
    norm = ctx.norm
    start, end = sentence_bounds(norm, offset)
    src_start, src_end = ctx.source_span(start, end)
    if "\n" not in ctx.text[src_start:src_end]:
        return start, end
    for m in _LIST_ITEM.finditer(ctx.text, src_start, src_end):
        cut = _view_offset(ctx, m.end() - 1, start, end)
        if cut <= offset:
            start = max(start, cut)
        else:
            end = min(end, cut)
            break
    while start < end and norm[start] in " " + PARAGRAPH:
        start += 1
    return start, end


_LIST_ITEM = re.compile(r"\n[ \t]*(?:[-*+\u2022]|\d{1,3}[.)])(?=[ \t])")


def _view_offset(ctx: Context, source: int, lo: int, hi: int) -> int:
    """The first view offset in ``[lo, hi]`` whose source offset is at least ``source``."""
    while lo < hi:
        mid = (lo + hi) // 2
        if ctx.map.start(mid) < source:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _find_all(text: str, needles: tuple[str, ...]) -> list[int]:
    """Sorted offsets of every occurrence of the needles (str.find is far faster than a regex)."""
    out: list[int] = []
    for needle in needles:
        find = text.find
        at = find(needle)
        while at != -1:
            out.append(at)
            at = find(needle, at + 1)
    out.sort()
    return out


# Words too common to look for first; a term made only of such words uses its longest one.
_COMMON = frozenset(
    [
        "work",
        "worker",
        "people",
        "person",
        "women",
        "woman",
        "men",
        "who",
        "sell",
        "sells",
        "selling",
        "paid",
        "buying",
        "trade",
        "trading",
        "modern",
        "day",
        "human",
        "commercial",
        "full",
        "service",
        "survival",
        "forced",
        "labour",
        "labor",
        "sexual",
        "white",
        "club",
        "industry",
        "the",
        "of",
        "for",
        "in",
    ]
)


def anchors(terms: Iterable[str]) -> tuple[str, ...]:
    """Strings of which every form of every term (plurals and joiners included) holds one."""
    from ..lexicon.inflect import IRREGULAR_PLURALS

    found: set[str] = set()
    for term in terms:
        words = [w for w in term.rstrip("*").replace("~", " ").replace("-", " ").split() if w]
        if not words:
            continue
        rare = [w for w in words if w not in _COMMON] or words
        word = max(rare, key=len)
        if word == words[-1] and not term.endswith("*"):
            if word in IRREGULAR_PLURALS:
                plural = IRREGULAR_PLURALS[word]
                n = 0
                while n < min(len(word), len(plural)) and word[n] == plural[n]:
                    n += 1
                word = word[:n]
            elif word.endswith("y"):
                word = word[:-1]
        found.add(word or words[0])
    # a needle that contains another is redundant
    return tuple(sorted(a for a in found if not any(b != a and b in a for b in found)))


def _resolve(found: list[ConflationMatch]) -> list[ConflationMatch]:
    """Leftmost, then longest, then most severe, then lowest rule index."""
    return first_of_overlaps(
        sorted(found, key=lambda m: (m.start, m.start - m.end, -m.severity, m.rule))
    )


def _guard_holds(guard: ConflationGuard, sent: Sentence, cand: Candidate) -> bool:
    lo, hi = cand.window
    if guard.sentence and not any(sent.hits(gid, lo, hi) for gid in guard.sentence):
        return False
    if guard.negated is not None and g.negated(sent, cand) != guard.negated:
        return False
    if guard.question is not None and g.is_question(sent) != guard.question:
        return False
    if guard.before or guard.near:
        before = g.words_between(sent, sent.start, cand.start)
        if guard.before and not guard.before.found_in(before[-guard.before.window :]):
            return False
    if guard.after or guard.near:
        after = g.words_between(sent, cand.end, sent.end)
        if guard.after and not guard.after.found_in(after[: guard.after.window]):
            return False
    if guard.near:
        w = guard.near.window
        if not (guard.near.found_in(before[-w:]) or guard.near.found_in(after[:w])):
            return False
    return True


# --- building --------------------------------------------------------------------------------


def build_index(rules: Sequence[Rule], lexicons: Iterable[Lexicon]) -> ConflationIndex | None:
    """The conflation index of compiled rules, or None when none is a conflation rule."""
    lexicons = tuple(lexicons)
    groups = merge_groups(lexicons)  # checked even when no conflation rule is chosen
    members = tuple(
        (i, r.entry.conflation) for i, r in enumerate(rules) if r.entry.conflation is not None
    )
    if not members:
        return None
    paths = {lex.id: lex.path for lex in lexicons}
    for index, spec in members:
        rule = rules[index]
        refs = [gid for _, gid in spec.groups]
        refs += [gid for guard in spec.guards for gid in guard.sentence]
        for gid in refs:
            if gid not in groups:
                raise LexiconError(
                    f"{paths.get(rule.lexicon, rule.lexicon)}:{rule.entry.line}:3: rule "
                    f"'{rule.id}' reads group '{gid}', which no lexicon defines"
                )
    triggers = sorted(
        {spec.group(role) for _, spec in members for role in SHAPES[spec.shape].triggers}
    )
    return ConflationIndex(
        rules=tuple(rules),
        members=members,
        groups=groups,
        triggers=tuple(triggers),
        anchors=anchors(t for gid in triggers for t in groups[gid].terms),
    )


# --- explain ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GroupInfo:
    role: str
    id: str
    description: str
    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GuardInfo:
    reason: str
    action: str
    tests: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ConflationInfo:
    """What ``explain`` shows for a conflation rule."""

    shape: str
    title: str
    summary: str
    groups: tuple[GroupInfo, ...]
    guards: tuple[GuardInfo, ...]
    supersedes: tuple[str, ...]


def describe(rule: Rule, groups: Mapping[str, ConceptGroup]) -> ConflationInfo | None:
    """The shape, groups and guards of a conflation rule in plain words (None for others).

    ``groups`` is :attr:`ConflationIndex.groups` or :func:`merge_groups` of the lexicons.
    """
    spec = rule.entry.conflation
    if spec is None:
        return None
    shape = SHAPES[spec.shape]
    infos = []
    for role, gid in spec.groups:
        group = groups.get(gid)
        infos.append(
            GroupInfo(role, gid, group.description if group else "", group.terms if group else ())
        )
    guards = []
    for guard in spec.guards:
        tests = []
        if guard.sentence:
            tests.append("a term of " + " or ".join(guard.sentence) + " in the sentence")
        if guard.negated:
            tests.append("a negation on either concept or the verb joining them")
        if guard.question:
            tests.append("the sentence is a question")
        for name, window in (("before", guard.before), ("after", guard.after)):
            if window is not None:
                words = ", ".join(" ".join(p) for p in window.phrases)
                tests.append(f"{words} within {window.window} words {name}")
        if guard.near is not None:
            words = ", ".join(" ".join(p) for p in guard.near.phrases)
            tests.append(f"{words} within {guard.near.window} words")
        guards.append(GuardInfo(guard.reason, guard.action, tuple(tests)))
    return ConflationInfo(
        shape=shape.name,
        title=shape.title,
        summary=shape.summary,
        groups=tuple(infos),
        guards=tuple(guards),
        supersedes=spec.supersedes,
    )
