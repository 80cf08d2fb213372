"""Readable output: the headline, the line with the match marked, the wording and why."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import click

from ..model import Severity
from ..report import RenderOptions
from .concise import line_label, place, printable

if TYPE_CHECKING:
    from ..model import Finding
    from ..report import Report, RuleExplanation, RuleListing

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide (East Asian, emoji) characters take two,
    combining marks none, control characters none."""
    if text.isascii() and text.isprintable():
        return len(text)  # most lines: one column each, without importing wcwidth's tables
    from wcwidth import wcswidth, wcwidth

    width = wcswidth(text)
    if width >= 0:
        return int(width)
    return sum(max(int(wcwidth(ch)), 0) for ch in text)


# A source line longer than this is shown as a window around the match, cut with "…": the
# output stays linear in the number of findings however long the line (minified HTML, a
# paragraph on one line)
LONG_LINE = 200
CONTEXT = 60  # characters shown on each side of the match in such a window


def _window(line: str, start: int, stop: int) -> tuple[str, int, int]:
    """``line`` as shown for a match at ``start:stop``, with the match's place in it."""
    if len(line) <= LONG_LINE:
        return line, start, stop
    stop = min(max(stop, start + 1), start + LONG_LINE)
    first = max(0, start - CONTEXT)
    last = min(len(line), stop + CONTEXT)
    head = "\u2026" if first > 0 else ""
    tail = "\u2026" if last < len(line) else ""
    shift = len(head) - first
    return head + line[first:last] + tail, start + shift, stop + shift


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class TextReporter:
    name: ClassVar[str] = "text"

    def render(self, report: Report, options: RenderOptions) -> str:
        out: list[str] = []
        for f in report.findings:
            out.extend(self.finding(f, report.lines.get((f.path, f.line), ""), options))
        if options.quiet:
            return "".join(line + "\n" for line in out)
        out.append(self.summary(report, options))
        return "\n".join(out) + "\n"

    def render_rules(self, listing: RuleListing, options: RenderOptions) -> str:
        from .rules_text import rules_text

        del options
        return rules_text(listing)

    def render_explanation(self, explanation: RuleExplanation, options: RenderOptions) -> str:
        from .rules_text import explain_text

        del options
        return explain_text(explanation)

    def finding(self, f: Finding, line: str, options: RenderOptions) -> list[str]:
        def style(text: str, **kw: object) -> str:
            return click.style(text, **kw) if options.color else text  # type: ignore[arg-type]

        label = line_label(f)
        where = style(printable(f"{f.path}:{label}:{f.column}:"), bold=True)
        sev = style(f.severity.label, fg=_COLORS[f.severity], bold=True)
        rule = style(printable(f.rule), dim=True)
        lines = [f"{where} {sev} {rule} {printable(f.message + place(f))}"]
        gutter = " " * len(label)
        start = f.column - 1
        stop = f.end_column - 1 if f.end_line == f.line else len(line)
        shown, start, stop = _window(line, start, stop)
        shown = printable(shown.replace("\t", " "))
        marker = " " * display_width(shown[:start]) + "^" * max(display_width(shown[start:stop]), 1)
        lines.append(f" {style(label, dim=True)} | {shown}")
        lines.append(f" {gutter} | {style(marker, fg=_COLORS[f.severity], bold=True)}")
        # (a key, like the wording and the reason a lexicon gives, may come from a checked
        # repository too)
        if f.location is not None and f.location.key is not None:
            lines.append(f" {gutter} = key: {printable(f.location.key)}")
        if f.suggestions:
            lines.append(f" {gutter} = use: " + printable("; ".join(f.suggestions)))
        if f.fix is not None and f.fix.reason is not None:
            lines.append(f" {gutter} = fix: unsafe, {printable(f.fix.reason)}")
        if options.explain and f.note:
            lines.append(f" {gutter} = why: {printable(f.note)}")
        lines.append("")
        return lines

    def summary(self, report: Report, options: RenderOptions) -> str:
        files = _plural(report.files, "file")
        known = f" ({report.baselined} more in the baseline)" if report.baselined else ""
        if not report.findings:
            text = f"No findings in {files}{known}."
            return click.style(text, fg="green") if options.color else text
        counts = [
            _plural(n, s.label)
            for s in sorted(Severity, reverse=True)
            if (n := sum(1 for f in report.findings if f.severity is s))
        ]
        found = _plural(len(report.findings), "finding")
        return f"Found {found} ({', '.join(counts)}) in {files}{known}."
