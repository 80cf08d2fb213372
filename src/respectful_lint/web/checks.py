"""Checking one draft for the web page: read it, apply the accepted edits, lint it, describe it.

A draft arrives with each request (pasted text, or an uploaded file's bytes) together with
the batches of edits accepted so far, and lives only for that request. The readers, the
engine and the lexicons are those of the command line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from typing import Any, cast

from .. import describe, selection
from ..config import Config, Settings
from ..docxfix import apply_docx_edits
from ..edits import compose_edits
from ..errors import UsageError
from ..fixer import Encoding, choose, fix_edits, suggestion_edits
from ..jobs import lint_stream
from ..lexicon import CompiledLexicon, cached_lexicons
from ..model import ConceptGroup, Document, Finding, Rule
from ..profiles import get_profile
from ..readers import BinaryReader, reader_for_name
from ..reading import SkippedFile, decode
from ..rules.groups import merge_groups
from ..runner import load_rules, prepare_settings
from .history import Change, changes, replay

KINDS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
KINDS |= {".html": "html", ".htm": "html", ".docx": "docx"}
PASTE_KINDS = ("text", "markdown", "html")
_FIX_FORMATS = {"html": "html", "markdown": "markdown"}  # how a replacement is written


@dataclass(slots=True)
class Draft:
    """What one request brought: a name, its kind, and its text or (for .docx) its bytes."""

    name: str
    kind: str
    text: str | None = None
    data: bytes | None = None
    history: list[list[Change]] = field(default_factory=list)
    # how an uploaded text file was written (its codec and byte-order mark), which its
    # download in the file's own format keeps
    encoding: Encoding = field(default_factory=Encoding)


@dataclass(slots=True)
class Checked:
    """A draft with its accepted edits applied: its text, bytes (a .docx) and findings."""

    draft: Draft
    text: str
    data: bytes | None
    findings: list[Finding]
    # the spans of findings whose change would break a link (see Document.is_locked): no
    # wording is offered there
    locked: set[tuple[int, int]] = field(default_factory=set)
    # the draft was checked up to MAX_FINDINGS findings only
    capped: bool = False
    # where a Word document's parts after the body start in its text, and their names
    parts: list[tuple[int, str]] = field(default_factory=list)


# The most findings a check shows: a page, and the answer that carries them, stay usable and
# their size bounded; the rest of the draft is checked once these are dealt with
MAX_FINDINGS = 1_000
# what "Accept all safe fixes" reads of a draft to find its safe fixes: past the findings the
# page shows, so that a draft whose first thousand findings have none still gets its own
FIX_ALL_FINDINGS = 20_000


class Checker:
    """Lints drafts with the settings the server started with, for any built-in profile."""

    def __init__(self, config: Config | None = None, settings: Settings | None = None) -> None:
        self.config = config or Config()
        self.settings = settings or self.config.merge()
        self.default_profile = self.settings.selection.profile.name

    def _settings(self, profile: str) -> Settings:
        return self.config.merge(
            profile=get_profile(profile),
            lexicons=self.settings.lexicons,
            default_lexicons=self.settings.default_lexicons,
            select=self.settings.selection.select,
            ignore=self.settings.selection.ignore,
            min_severity=self.settings.selection.min_severity,
        )

    def compiled(self, profile: str) -> CompiledLexicon:
        return prepare_settings(self._settings(profile))

    def warm(self) -> None:
        """Load and compile everything now: a bad lexicon is reported before the server starts,
        and the first check is as quick as the others."""
        self.compiled(self.default_profile)
        _ = self.rules_by_id, self.groups

    @cached_property
    def all_rules(self) -> list[Rule]:
        from ..plugins import choice

        return load_rules(
            self.settings.lexicons,
            default_lexicons=self.settings.default_lexicons,
            plugins=choice(self.settings.plugins),
            customization=self.settings.customization,
        )

    @cached_property
    def rules_by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.all_rules}

    @cached_property
    def groups(self) -> dict[str, ConceptGroup]:
        lexicons = cached_lexicons(self.settings.lexicons, defaults=self.settings.default_lexicons)
        return dict(merge_groups(lexicons))

    def check(
        self,
        draft: Draft,
        profile: str,
        *,
        track_changes: bool = False,
        limit: int = MAX_FINDINGS,
    ) -> Checked:
        """Apply the draft's accepted changes (to a .docx, as Word tracked changes when
        ``track_changes``), then lint it, up to ``limit`` findings."""
        settings = self._settings(profile)
        compiled = prepare_settings(settings)
        if draft.kind == "docx":
            assert draft.data is not None
            reader = cast(BinaryReader, reader_for_name("docx", self.config.reader_options()))
            data = draft.data
            if draft.history:
                text = str(reader.read_bytes(data, draft.name).text)
                batch = compose_edits(text, replay(text, draft.history)[1])
                data = apply_docx_edits(data, batch, track_changes=track_changes, path=draft.name)
            document = reader.read_bytes(data, draft.name)
            if not draft.history and not str(document.text).strip():
                raise UsageError(
                    f"{draft.name}: the document has no text in its body, headers, footers or "
                    "comments; there is nothing to check"
                )
            findings, capped = self._lint(document, settings, compiled, limit)
            parts = _part_starts(document)
            return Checked(draft, str(document.text), data, findings, capped=capped, parts=parts)
        text, _ = replay(draft.text or "", draft.history)
        document = reader_for_name(draft.kind, self.config.reader_options()).read(text, draft.name)
        findings, capped = self._lint(document, settings, compiled, limit)
        locked = {(f.start, f.end) for f in findings if document.is_locked(f.start, f.end)}
        return Checked(draft, text, None, findings, locked, capped)

    def _lint(
        self, document: Document, settings: Settings, compiled: CompiledLexicon, limit: int
    ) -> tuple[list[Finding], bool]:
        """The selection stage as on the command line, without inline suppressions: the page
        shows every finding of the draft, up to :data:`MAX_FINDINGS` (and says whether the
        draft was checked only that far)."""
        stage = selection.Stage(
            settings.selection, self.config, suppressions=False, max_findings=limit
        )
        notes: list[str] = []
        found = selection.apply(
            lint_stream(document, compiled), stage, document, document.path, notes
        )
        return found, bool(notes)

    # --- describing findings and rules to the page ------------------------------------------

    def is_conflation(self, rule_id: str) -> bool:
        rule = self.rules_by_id.get(rule_id)
        return rule is not None and rule.entry.kind == "conflation"

    def finding_data(
        self, text: str, finding: Finding, index: int, kind: str = "text", locked: bool = False
    ) -> dict[str, Any]:
        """What the page shows of a finding; with ``locked`` (its words name a link's target)
        no wording is offered to put in their place."""
        rule = self.rules_by_id.get(finding.rule)
        conflation = None
        if rule is not None and rule.entry.kind == "conflation":
            data = describe.kind_details(rule, self.groups).get("conflation")
            if data is not None:
                conflation = {"title": data["title"], "summary": data["summary"]}
        choices = []
        if conflation is None and not locked:
            fmt = _FIX_FORMATS.get(kind, "text")
            for i, wording in enumerate(finding.suggestions):
                batch = suggestion_edits(text, finding, i, fmt)
                if batch is not None:
                    choices.append({"text": wording, "edits": changes(text, batch)})
        return {
            "index": index,
            "rule": finding.rule,
            "category": finding.category,
            "severity": finding.severity.label,
            "message": finding.message,
            "matched": finding.matched,
            "line": finding.line,
            "column": finding.column,
            # where, in words: a Word document's paragraphs have no lines, and its header,
            # footer, notes and comments are parts of their own
            "at": _at(finding, kind),
            "where": _where(finding, kind),
            "note": finding.note,
            "sources": _sources(rule),
            "suggestions": list(finding.suggestions),
            "choices": choices,
            "locked": locked,
            "safe": finding.fix is not None and finding.fix.applicability == "safe",
            # why the fix is not among the safe ones, for a person to weigh before accepting
            "caution": finding.fix.reason if finding.fix is not None else None,
            "conflation": conflation,
        }

    def result(self, checked: Checked, profile: str) -> dict[str, Any]:
        text, findings = checked.text, checked.findings
        return {
            "name": checked.draft.name,
            "kind": checked.draft.kind,
            "profile": profile,
            "pieces": pieces(text, findings, [at for at, _ in checked.parts]),
            "parts": [[at, name] for at, name in checked.parts],
            "findings": [
                self.finding_data(
                    text, f, i, checked.draft.kind, (f.start, f.end) in checked.locked
                )
                for i, f in enumerate(findings)
            ],
            "safe_fixes": len(choose(findings, unsafe=False)[0]),
            "capped": MAX_FINDINGS if checked.capped else 0,
        }

    def rule_list(self, profile: str) -> list[dict[str, Any]]:
        chosen = get_profile(profile)
        out = []
        for rule in self.all_rules:
            shown = chosen.apply(rule)
            if shown is None:
                continue
            summary = describe.rule_summary(shown)
            # the wording the list shows: the best that fits anywhere, as `rules` shows it
            summary["headline"] = describe.listing([shown]).rules[0].headline
            terms = describe.kind_details(rule, self.groups).get("terms", [])
            # "crack~head" is found as "crackhead", "crack head" and "crack-head"
            summary["terms"] = [
                form
                for t in terms
                for form in dict.fromkeys(t["term"].replace("~", joint) for joint in ("", " ", "-"))
            ]
            summary["note"] = rule.entry.note
            out.append(summary)
        return out

    def rule_detail(self, rule_id: str, profile: str) -> dict[str, Any]:
        rule = self.rules_by_id.get(rule_id)
        if rule is None:
            raise UsageError(f"unknown rule '{rule_id}'")
        data = describe.explain_data(rule, get_profile(profile), self.groups)
        data["sources"] = [s for s in data["sources"] if _is_web_link(s["url"])]
        return data


# the parts of a Word document that follow its body, as the draft view names them
_PART_NAMES = {
    "header": "Header",
    "footer": "Footer",
    "footnote": "Footnotes",
    "endnote": "Endnotes",
    "comment": "Comments",
}


def _part_starts(document: Document) -> list[tuple[int, str]]:
    """Where each run of paragraphs of one part after the body starts in a Word document's
    text, and the part's name: the draft view shows it there, as the text alone does not."""
    out: list[tuple[int, str]] = []
    last = None
    for segment in document.segments:
        part = segment.location.part if segment.location is not None else None
        name = _PART_NAMES.get(part or "")
        if name is not None and name != last:
            out.append((segment.offsets.start(0), name))
        last = name
    return out


def _at(finding: Finding, kind: str) -> str:
    """The short place of a finding in the list: "Line 3", "Paragraph 19 (in the header)"."""
    if kind != "docx":
        return f"Line {finding.line}"
    place = finding.location.place() if finding.location is not None else None
    return f"Paragraph {finding.line}" + (f" ({place})" if place else "")


def _where(finding: Finding, kind: str) -> str:
    """The place of a finding in full: "line 3, column 7", "paragraph 19, character 25, in
    the header"."""
    if kind != "docx":
        return f"line {finding.line}, column {finding.column}"
    place = finding.location.place() if finding.location is not None else None
    return f"paragraph {finding.line}, character {finding.column}" + (f", {place}" if place else "")


def safe_edits(checked: Checked) -> list[tuple[int, int, str]]:
    """The batch "Accept all safe fixes" makes: the edits ``--fix`` would make in one pass."""
    kind = _FIX_FORMATS.get(checked.draft.kind, "text")
    return fix_edits(checked.text, checked.findings, kind)


def _is_web_link(url: str) -> bool:
    return url.startswith(("https://", "http://"))


def _sources(rule: Rule | None) -> list[dict[str, Any]]:
    if rule is None:
        return []
    return [
        {"title": s.title, "year": s.year, "url": s.url}
        for s in rule.sources
        if _is_web_link(s.url)
    ]


def pieces(text: str, findings: Sequence[Finding], more: Sequence[int] = ()) -> list[list[Any]]:
    """The text cut where findings start and end, and at ``more`` (where a part of a Word
    document starts): ``[words, index of a finding or None]``.

    Where findings overlap, the piece goes to the most serious one (the first of equals).
    """
    cuts = {0, len(text), *more}
    for f in findings:
        cuts.update((f.start, f.end))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    order = sorted(
        (i for i, f in enumerate(findings) if f.start < f.end), key=lambda i: findings[i].start
    )
    out: list[list[Any]] = []
    active: list[int] = []
    nxt = 0
    for lo, hi in pairwise(bounds):
        while nxt < len(order) and findings[order[nxt]].start <= lo:
            active.append(order[nxt])
            nxt += 1
        active = [i for i in active if findings[i].end > lo]
        owner = None
        for i in active:
            if (
                owner is None
                or findings[i].severity > findings[owner].severity
                or (findings[i].severity == findings[owner].severity and i < owner)
            ):
                owner = i
        if out and out[-1][1] == owner and lo not in more:
            out[-1][0] += text[lo:hi]
        else:
            out.append([text[lo:hi], owner])
    return out


def read_upload(name: str, data: bytes) -> Draft:
    """A draft from an uploaded file; a usage error for a type the checker does not read."""
    suffix = "." + name.rpartition(".")[2].lower() if "." in name else ""
    kind = KINDS.get(suffix)
    if kind is None:
        raise UsageError(
            f"{name}: not a file type the checker reads; upload a .docx, .html, .md or .txt file"
        )
    if not data:
        raise UsageError(f"{name}: the file is empty; there is nothing to check")
    if kind == "docx":
        return Draft(name, kind, data=data)
    try:
        text = decode(data, name)
    except SkippedFile as exc:
        # the command line skips such a file in a folder; the page says what to do instead
        why = str(exc).replace(": skipped: ", ": cannot read: ", 1)
        if exc.binary:
            why += " (this is no text file); upload a .docx, .html, .md or .txt file"
        elif "UTF-32" not in why:
            why += "; save it as UTF-8 text (Save As, encoding UTF-8) and upload it again"
        raise UsageError(why) from None
    if not text.strip():
        raise UsageError(f"{name}: the file is empty; there is nothing to check")
    return Draft(name, kind, text=text, encoding=Encoding.of(data))


__all__ = ["Checked", "Checker", "Draft", "pieces", "read_upload", "safe_edits"]
