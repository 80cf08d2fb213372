"""One JSON document: ``{"version": 1, "findings": [...], "summary": {...}}``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, ClassVar

from ..model import Finding, Severity
from ..report import RenderOptions

if TYPE_CHECKING:
    from ..report import Report, RuleExplanation, RuleListing

SCHEMA_VERSION = 1


def finding_json(f: Finding) -> dict[str, Any]:
    return {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "rule": f.rule,
        "category": f.category,
        "severity": f.severity.label,
        "message": f.message,
        "matched": f.matched,
        "suggestions": list(f.suggestions),
        "note": f.note,
        "sources": list(f.sources),
        "fix": None if f.fix is None else fix_json(f),
        "fingerprint": f.fingerprint,
        "location": None if f.location is None else f.location.as_dict(),
    }


def fix_json(f: Finding) -> dict[str, Any]:
    """The fix's applicability, the wording that replaces the match, why it is unsafe, and
    its edits: each a stretch of the file (which may reach beyond the match, as "former" in
    "former inmates", or an "a" before it) and the text that takes its place."""
    assert f.fix is not None
    main = next((e[2] for e in f.fix.edits if e[0] >= f.start), f.fix.edits[0][2])
    out: dict[str, Any] = {
        "applicability": f.fix.applicability,
        "replacement": next(iter(f.suggestions), main),
    }
    if f.fix.reason is not None:
        out["reason"] = f.fix.reason
    if f.fix.positions:
        out["edits"] = [
            {
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "replacement": text,
            }
            for (line, column, end_line, end_column), (_, _, text) in zip(
                f.fix.positions, f.fix.edits, strict=True
            )
        ]
    return out


class JsonReporter:
    name: ClassVar[str] = "json"

    def render(self, report: Report, options: RenderOptions) -> str:
        del options
        by_severity = {s.label: 0 for s in sorted(Severity, reverse=True)}
        for f in report.findings:
            by_severity[f.severity.label] += 1
        doc = {
            "version": SCHEMA_VERSION,
            "findings": [finding_json(f) for f in report.findings],
            "summary": {
                "files": report.files,
                "findings": len(report.findings),
                "by_severity": by_severity,
                "errors": list(report.errors),
            },
        }
        return _dumps(doc)

    def render_rules(self, listing: RuleListing, options: RenderOptions) -> str:
        del options
        return _dumps({"version": SCHEMA_VERSION, "rules": [r.as_dict() for r in listing.rules]})

    def render_explanation(self, explanation: RuleExplanation, options: RenderOptions) -> str:
        del options
        rule = dict(explanation.data)
        if explanation.overrides:
            rule["overrides"] = [
                {"field": o.field, "value": o.value, "from": o.origin or ""}
                for o in explanation.overrides
            ]
        return _dumps({"version": SCHEMA_VERSION, "rule": rule})


def _dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
