"""``kind: conflation`` behind the rule-kind protocol (the analysis is in :mod:`.conflation`).

A conflation rule names a shape and the concept groups it reads. After term and pattern
matches are resolved, the conflation index looks for its shapes in the sentences of the
segment; a conflation found takes the place of the term matches it supersedes, and no fix is
offered for a term inside it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from msgspec import Struct

from ..findings import Match, Span
from ..model import (
    ConceptGroup,
    Conflation,
    Document,
    Entry,
    Finding,
    Inflection,
    Lexicon,
    Rule,
    Segment,
)
from ..wording import suggest
from .conflation import ConflationIndex, Rename, build_index, describe
from .kind import EntryChecker, KindFields, Path, refuse
from .shapes import SHAPES, VOCABULARY_LEXICON

if TYPE_CHECKING:
    from ..context import Context
    from ..lexicon.compile import CompiledLexicon
    from ..scan import Hits

# keys a conflation entry may not have: it matches shapes over concept groups, never a fix
REFUSED = ("terms", "pattern", "forms", "inflect", "exceptions", "requires")


class CompiledConflation(Struct, frozen=True):
    """The conflation index; the shared scan records where its anchors occur."""

    index: ConflationIndex
    literals: tuple[str, ...]
    forms: dict[str, tuple[int, ...]]
    reviews: bool = True
    needs_hits: ClassVar[bool] = True  # anchors are literals of the scan

    def candidates(
        self, lexicon: CompiledLexicon, ctx: Context, hits: Hits, best: dict[int, Match]
    ) -> None:
        return None  # conflations are found among the resolved matches (see review)

    def review(
        self,
        document: Document,
        segment: Segment,
        ctx: Context,
        lexicon: CompiledLexicon,
        matches: list[Match],
    ) -> tuple[list[Finding], list[Match], Sequence[Span]]:
        fused, kept = self.index.find(ctx, matches)
        if not fused:
            return [], kept, ()
        rename = _renamer(lexicon, ctx, matches)
        return self.index.findings(document, segment, ctx, fused, rename), kept, fused


def _renamer(lexicon: CompiledLexicon, ctx: Context, matches: list[Match]) -> Rename:
    """Read spans of the view back from the segment, each flagged term in preferred wording."""

    def rename(start: int, end: int) -> str:
        out: list[str] = []
        at = start
        for m in matches:
            if m.start < start or m.end > end:
                continue
            rule = lexicon.rules[m.rule]
            inflection = rule.forms.get(ctx.norm[m.start : m.end], Inflection(""))
            shown = " ".join(ctx.original(m.start, m.end).split())
            at_start = ctx.sentence_start(m.start)
            suggestions, _ = suggest(rule.entry.preferred, inflection, shown, at_start)
            if suggestions:
                out += [ctx.original(at, m.start), suggestions[0]]
                at = m.end
        out.append(ctx.original(at, end))
        return "".join(out)

    return rename


class ConflationKind:
    """``kind: conflation``: a shape over concept groups; never fixes text."""

    name = "conflation"
    keys = ("shape", "groups", "supersedes", "guards")

    def validate(
        self, check: EntryChecker, data: dict[str, Any], path: Path, what: str
    ) -> KindFields:
        refuse(
            check, data, path, REFUSED, "'{key}' is not used by 'kind: conflation' (" + what + ")"
        )
        if data.get("fix", "none") != "none":
            check.fail((*path, "fix"), f"conflation rules never fix text ({what})")
        return KindFields(conflation=_conflation(check, data, path, what))

    def forms(self, entry: Entry) -> dict[str, Inflection]:
        return {}

    def compile(
        self, rules: Sequence[Rule], lexicons: Sequence[Lexicon]
    ) -> CompiledConflation | None:
        index = build_index(rules, lexicons)  # checks the groups even without conflation rules
        if index is None:
            return None
        return CompiledConflation(index, index.anchors, {})

    def describe(self, rule: Rule, groups: Mapping[str, ConceptGroup]) -> dict[str, Any]:
        """The shape, the concept groups it reads with their terms, its guards in plain words
        and the rules it supersedes."""
        info = describe(rule, groups)
        if info is None:
            return {}
        return {
            "conflation": {
                "shape": info.shape,
                "title": info.title,
                "summary": info.summary,
                "groups": [
                    {
                        "role": g.role,
                        "id": g.id,
                        "description": g.description,
                        "terms": list(g.terms),
                    }
                    for g in info.groups
                ],
                "guards": [
                    {"reason": g.reason, "action": g.action, "tests": list(g.tests)}
                    for g in info.guards
                ],
                "supersedes": list(info.supersedes),
            }
        }


KIND = ConflationKind()


def _conflation(check: Any, data: dict[str, Any], path: Path, what: str) -> Conflation:
    """The shape, groups, superseded rules and guards of a conflation entry.

    ``check`` is the lexicon validator: besides the common checks it qualifies group ids by
    the lexicon's id and checks guards.
    """
    shape_name = check.choice(
        check.require(data, path, "shape", what), (*path, "shape"), tuple(SHAPES)
    )
    shape = SHAPES[shape_name]
    roles = {role: f"{check.lexicon_id}/{role}" for role in shape.roles}
    roles.update({role: f"{VOCABULARY_LEXICON}/{role}" for role in shape.vocabulary})
    known = (*shape.roles, *shape.vocabulary)
    spec = check.mapping(data.get("groups", {}), (*path, "groups"), known, f"'groups' of {what}")
    for role, ref in spec.items():
        roles[role] = check.qualify(check.string(ref, (*path, "groups", role)), (*path, role))
    supersedes = check.strings(data.get("supersedes", []), (*path, "supersedes"))
    for i, rule in enumerate(supersedes):
        if "/" not in rule:
            check.fail((*path, "supersedes", i), f"'{rule}' must be a rule id (lexicon/entry)")
    guards = check.guards(data.get("guards", []), (*path, "guards"), "conflation")
    return Conflation(
        shape=shape_name,
        groups=tuple(roles.items()),
        guards=tuple(guards),
        supersedes=supersedes,
    )
