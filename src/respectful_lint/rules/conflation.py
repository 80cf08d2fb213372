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

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from msgspec import Struct, field

from .. import guards
from ..errors import LexiconError
from ..findings import Worded, first_of_overlaps, make_finding
from ..lazyre import lazy_compile
from ..model import (
    ConceptGroup,
    Condition,
    Conflation,
    Document,
    Entry,
    Finding,
    Lexicon,
    Rule,
    Segment,
    Severity,
)
from ..propernames import LINKS
from ..wording import transfer_case
from . import grammar as g
from .grammar import Candidate
from .groups import GroupMatcher, anchors, find_all, group_pattern, merge_groups
from .sentence import Sentence, sentence_in
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


class ConflationMatch(Struct, frozen=True):
    """An accepted conflation finding in a segment's normalized view."""

    start: int
    end: int
    rule: int
    severity: Severity
    rewrites: tuple[g.Rewrite, ...] = ()


# Reads a span of the normalized view back from the segment, with each flagged term in it
# replaced by its first preferred wording.
Rename = Callable[[int, int], str]

__all__ = [
    "ConflationIndex",
    "ConflationMatch",
    "anchors",
    "build_index",
    "describe",
    "group_pattern",
    "merge_groups",
]


# --- the index -------------------------------------------------------------------------------


class ConflationIndex(Struct):
    """The conflation rules of a compiled lexicon, their groups and the candidate scanner."""

    rules: tuple[Rule, ...]
    members: tuple[tuple[int, Conflation], ...]
    groups: dict[str, ConceptGroup]
    triggers: tuple[str, ...]  # ids of the groups of which a term starts the analysis
    anchors: tuple[str, ...] = ()  # every trigger term contains one of these strings
    # Made on first use, so that a run over text without any anchor prepares nothing.
    _matchers: dict[str, GroupMatcher] = field(default_factory=dict)
    _needles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _words: dict[str, frozenset[str]] = field(default_factory=dict)
    _anchor_set: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self._anchor_set = frozenset(self.anchors)

    def words(self, group: str) -> frozenset[str]:
        """The terms of a group as a set (see :meth:`.sentence.Sentence.words`)."""
        found = self._words.get(group)
        if found is None:
            found = self._words[group] = frozenset(self.groups[group].terms)
        return found

    def matcher(self, group: str) -> GroupMatcher:
        matcher = self._matchers.get(group)
        if matcher is None:
            matcher = self._matchers[group] = GroupMatcher(self.groups[group])
        return matcher

    def spans(self, group: str, norm: str, start: int, end: int) -> list[tuple[int, int]]:
        """The spans of the terms of ``group`` in ``norm[start:end]``, in order. The group's
        expression is compiled (and run) only when one of its anchors is there: every form of
        every term holds one, and none of the group's terms is there without it."""
        if not self._may_hold(group, norm, start, end):
            return []
        return self.matcher(group).spans(norm, start, end)

    def _may_hold(self, group: str, norm: str, start: int, end: int) -> bool:
        needles = self._needles.get(group)
        if needles is None:
            needles = self._needles[group] = anchors(self.groups[group].terms)
        find = norm.find
        return any(find(needle, start, end) != -1 for needle in needles)

    def triggered(self, norm: str, start: int, end: int) -> bool:
        """Whether a term of a trigger group is in ``norm[start:end]``. Each group is searched
        on its own: the sentences that pass go on to use those same compiled patterns, so one
        alternation of every trigger group would only be compiled twice."""
        return any(
            self._may_hold(gid, norm, start, end) and self.matcher(gid).search(norm, start, end)
            for gid in self.triggers
        )

    # -- per segment --------------------------------------------------------------------------

    def find(self, ctx: Context, term_matches: list[M]) -> tuple[list[ConflationMatch], list[M]]:
        """Conflation matches in one segment, and the term matches they do not supersede."""
        norm = ctx.norm
        literals = ctx.literals
        if literals is not None:  # the candidate scan found the anchors already
            anchors = self._anchor_set
            hits = sorted(at for lit, ats in literals.items() if lit in anchors for at in ats)
        else:
            hits = find_all(norm, self.anchors)
        if not hits:
            return [], term_matches
        sentences: list[Sentence] = []
        done = -1
        for at in hits:
            if at < done:
                continue
            bounds = sentence_in(ctx, at)
            done = bounds[1]
            if self.triggered(norm, *bounds):
                sentences.append(Sentence(self, ctx, *bounds))
        found: list[ConflationMatch] = []
        for sent in sentences:
            for index, spec in self.members:
                entry = self.rules[index].entry
                detect = SHAPES[spec.shape].detect
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
        if _named(sent.ctx, cand.start, cand.end):
            return None  # the name of a law or a campaign ("the End Demand ... Act")
        severity = cand.severity
        guard = guards.first_holding(spec.guards, ConflationSite(sent, cand))
        if guard is not None:
            if guard.action == "skip":
                return None
            severity = guards.act(guard.action, severity)
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
            ) -> Worded:
                if entry.message:
                    text = entry.message.replace("{matched}", shown)
                    text = text.replace("{preferred}", suggestions[0] if suggestions else "")
                else:
                    text = f'"{shown}" treats sex work and trafficking as one thing'
                # never a fix: the sentence needs rewording, and each idea is one
                return " ".join(text.split()), suggestions, None, (None,) * len(suggestions)

            out.append(
                make_finding(document, segment, ctx, rule, (m.start, m.end), m.severity, wording)
            )
        return out


_SPACES = lazy_compile(r"\s+")


def _named(ctx: Context, start: int, end: int) -> bool:
    """Whether the match, every word of it written with a capital or a word that links the
    words of a name ("of", "for"), is part of a proper name (see :mod:`.propernames`)."""
    words = ctx.original(start, end).split()
    return all(w[:1].isupper() or w in LINKS for w in words) and ctx.in_proper_name(start, end)


def _read(piece: g.Piece, rename: Rename) -> str:
    return piece if isinstance(piece, str) else rename(*piece)


def _resolve(found: list[ConflationMatch]) -> list[ConflationMatch]:
    """Leftmost, then longest, then most severe, then lowest rule index."""
    return first_of_overlaps(
        sorted(found, key=lambda m: (m.start, m.start - m.end, -m.severity, m.rule))
    )


class ConflationSite:
    """A conflation candidate, as guard tests see it (see :class:`respectful_lint.guards.Site`):
    words are those of the sentence the shape was found in."""

    __slots__ = ("_after", "_before", "cand", "ctx", "end", "form", "sent", "start")

    def __init__(self, sent: Sentence, cand: Candidate) -> None:
        self.sent = sent
        self.cand = cand
        self.ctx = sent.ctx
        self.start = cand.start
        self.end = cand.end
        self.form = sent.norm[cand.start : cand.end]
        self._before: list[str] | None = None
        self._after: list[str] | None = None

    def words_before(self) -> list[str]:
        if self._before is None:
            self._before = g.words_between(self.sent, self.sent.start, self.start)
        return self._before

    def words_after(self) -> list[str]:
        if self._after is None:
            self._after = g.words_between(self.sent, self.end, self.sent.end)
        return self._after

    def negated(self) -> bool:
        return g.negated(self.sent, self.cand)

    def question(self) -> bool:
        return g.is_question(self.sent)

    def sentence_has(self, groups: tuple[str, ...]) -> bool:
        lo, hi = self.cand.window
        claim_lo, claim_hi = self.cand.claim
        return any(
            not (claim_lo <= s and e <= claim_hi)
            for gid in groups
            for s, e in self.sent.hits(gid, lo, hi)
        )


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
        refs += [gid for guard in spec.guards for gid in _sentence_groups(guard.when)]
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


def _sentence_groups(when: Condition) -> tuple[str, ...]:
    groups = when.get("sentence")
    return groups if isinstance(groups, tuple) else ()


# --- explain ---------------------------------------------------------------------------------


class GroupInfo(Struct, frozen=True):
    role: str
    id: str
    description: str
    terms: tuple[str, ...]


class GuardInfo(Struct, frozen=True):
    reason: str
    action: str
    tests: tuple[str, ...]


class ConflationInfo(Struct, frozen=True):
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
    guard_infos = tuple(
        GuardInfo(guard.reason, guard.action, tuple(guards.describe(guard.when)))
        for guard in spec.guards
    )
    return ConflationInfo(
        shape=shape.name,
        title=shape.title,
        summary=shape.summary,
        groups=tuple(infos),
        guards=guard_infos,
        supersedes=spec.supersedes,
    )
