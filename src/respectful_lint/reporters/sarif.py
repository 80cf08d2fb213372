"""SARIF 2.1.0, as GitHub code scanning and other code-review tools read it.

One run. Its driver lists every rule that fired, with its note as the short description, its
first source as the help URI, its default level and its category as a tag. Each result has a
region with 1-based lines and columns (end column exclusive, in code points, as the run's
``columnKind`` says), a partial fingerprint and, where a fix exists, the replacement. A Word
document's findings name the file and a logical location ("table 2, row 3, cell 1,
paragraph 12") and no region, since a .docx file has no lines.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import quote

from ..model import Finding, Severity
from ..report import RenderOptions
from ..version import __version__

if TYPE_CHECKING:
    from ..model import Rule
    from ..report import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "respectfulLint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}


def artifact_uri(path: str) -> str:
    """A relative path as a relative URI reference (forward slashes, percent-encoded); an
    absolute one as a ``file://`` URI."""
    if os.path.isabs(path):
        return "file://" + quote(os.path.abspath(path).replace(os.sep, "/"))
    return quote(os.path.normpath(path).replace(os.sep, "/"))


def _rule(rule_id: str, rules: dict[str, Rule], example: Finding) -> dict[str, Any]:
    rule = rules.get(rule_id)
    note = rule.entry.note if rule is not None else example.note
    sources = [s.url for s in rule.sources] if rule is not None else list(example.sources)
    severity = rule.severity if rule is not None else example.severity
    category = rule.category if rule is not None else example.category
    out: dict[str, Any] = {
        "id": rule_id,
        "name": rule_id.rsplit("/", 1)[-1],
        "shortDescription": {"text": note or rule_id},
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": {"tags": [category]},
    }
    if sources:
        out["helpUri"] = sources[0]
    return out


def _region(f: Finding) -> dict[str, int]:
    return {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
    }


def _location(f: Finding, uri: str) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    out: dict[str, Any] = {"physicalLocation": physical}
    loc = f.location
    if loc is not None and loc.paragraph is not None:  # a Word document: no lines
        name = f"paragraph {loc.paragraph}"
        if loc.table is not None:
            full = f"table {loc.table}, row {loc.row}, cell {loc.cell}, {name}"
        elif loc.part not in (None, "body"):
            full = f"{loc.part}, {name}"
        else:
            full = name
        out["logicalLocations"] = [{"name": name, "fullyQualifiedName": full, "kind": "element"}]
        return out
    physical["region"] = _region(f)
    if loc is not None and loc.key is not None:
        out["logicalLocations"] = [
            {"name": loc.key.rsplit(".", 1)[-1], "fullyQualifiedName": loc.key, "kind": "member"}
        ]
    return out


def _main_text(f: Finding) -> str:
    """The wording a fix puts in place of the match (not an "a" it changes before it)."""
    assert f.fix is not None
    return next((t for s, _, t in f.fix.edits if s >= f.start), f.fix.edits[-1][2])


def _fixes(f: Finding, uri: str) -> list[dict[str, Any]]:
    if f.fix is None or (f.location is not None and f.location.paragraph is not None):
        return []
    replacements = []
    for start, end, text in f.fix.edits:
        if (start, end) == (f.start, f.end):
            deleted: dict[str, int] = _region(f)
        else:
            deleted = {"charOffset": start, "charLength": end - start}
        replacements.append({"deletedRegion": deleted, "insertedContent": {"text": text}})
    return [
        {
            "description": {"text": f"Replace with '{_main_text(f)}'"},
            "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
        }
    ]


def sarif_log(report: Report) -> dict[str, Any]:
    """The SARIF log of a report, as a JSON-ready mapping."""
    rules = {r.id: r for r in report.rules}
    fired: dict[str, Finding] = {}
    for f in report.findings:
        fired.setdefault(f.rule, f)
    ids = sorted(fired)
    index = {rule_id: i for i, rule_id in enumerate(ids)}
    results = []
    for f in report.findings:
        uri = artifact_uri(f.path)
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [_location(f, uri)],
            "partialFingerprints": {FINGERPRINT: f.fingerprint},
        }
        if fixes := _fixes(f, uri):
            result["fixes"] = fixes
        results.append(result)
    invocation: dict[str, Any] = {"executionSuccessful": not report.errors}
    if report.errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": e}} for e in report.errors
        ]
    driver = {
        "name": "respectful-lint",
        "version": __version__,
        "rules": [_rule(rule_id, rules, fired[rule_id]) for rule_id in ids],
    }
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "invocations": [invocation],
                "results": results,
            }
        ],
    }


class SarifReporter:
    name: ClassVar[str] = "sarif"

    def render(self, report: Report, options: RenderOptions) -> str:
        del options
        return json.dumps(sarif_log(report), ensure_ascii=False, indent=2) + "\n"
