"""``check --fix`` and its options: which files to fix, where the result goes, and the summary.

A run is checked as usual first. Each file with a fix to apply is then fixed and checked again
(in memory) until nothing changes; the report keeps what remains. ``--diff`` prints what would
change and writes nothing; ``--output`` writes a corrected copy of one input; otherwise files
are fixed in place, and fixed standard input goes to standard output.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from functools import partial

from msgspec import Struct, field

from .errors import LintError
from .fixer import Encoding, Fixed, applicable, fix_source, write_atomic
from .model import Finding
from .readers import reader_for_name, reader_for_path
from .reading import STDIN, read_bytes
from .report import Report

# Checks bytes as if they were the named file (None: standard input without a name).
Relint = Callable[[str | None, bytes], Report]


class FixOptions(Struct, frozen=True):
    unsafe: bool = False
    diff: bool = False
    output: str | None = None
    track_changes: bool = False


class FixOutcome(Struct):
    """What fixing did: the files fixed (or that would be), and stdin's fixed bytes."""

    results: list[Fixed] = field(default_factory=list)
    stdin: Fixed | None = None  # the result for standard input, when it was read
    # A changed file's findings and source lines before fixing, to restore if writing fails.
    before: dict[str, tuple[list[Finding], dict[tuple[str, int], str]]] = field(
        default_factory=dict
    )

    @property
    def fixed(self) -> int:
        return sum(r.fixed for r in self.results)


def _format(name: str | None) -> str:
    return reader_for_path(name).name if name else reader_for_name("markdown").name


def fix_report(
    report: Report,
    include: Sequence[str],
    relint: Relint,
    options: FixOptions,
    *,
    stdin: bytes | None = None,
    stdin_name: str | None = None,
) -> FixOutcome:
    """Fix the files of ``report`` that have a fix to apply, and those named in ``include``
    (paths as given, ``-`` for standard input) in any case. The report keeps what remains."""
    outcome = FixOutcome()
    stdin_shown = (stdin_name or "<stdin>") if stdin is not None else None
    by_path: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_path.setdefault(f.path, []).append(f)
    lines_of: dict[str, dict[tuple[str, int], str]] = {}
    for key, line in report.lines.items():
        lines_of.setdefault(key[0], {})[key] = line
    remaining: dict[str, list[Finding]] = {}  # the findings left in each changed file
    notes: dict[str, list[str]] = {}  # each file's notes from its last check, by shown name
    wanted = {stdin_shown if p == STDIN else p for p in include} - {None}
    names = [*by_path, *sorted(n for n in wanted if n is not None and n not in by_path)]
    for name in names:
        findings = by_path.get(name, [])
        is_stdin = name == stdin_shown
        if name not in wanted and not any(applicable(f, options.unsafe) for f in findings):
            continue
        reader_name = stdin_name if is_stdin else name
        lines = lines_of.get(name, {})
        try:
            data = stdin if is_stdin and stdin is not None else read_bytes(name)
            result = fix_source(
                name,
                _format(reader_name),
                data,
                findings,
                partial(_relint, relint, reader_name, report=report, notes=notes, key=name),
                unsafe=options.unsafe,
                track_changes=options.track_changes,
            )
        except LintError as exc:
            report.errors.append(str(exc))
            continue
        if is_stdin:
            outcome.stdin = result
        outcome.results.append(result)
        held = _held_back(result, options)
        if result.changed:
            outcome.before[name] = (findings, lines)
            remaining[name] = list(result.remaining)
            notes.setdefault(name, []).extend(held)
        else:
            report.notes.extend(held)
    if remaining:  # once for all the changed files: linear in the files and findings
        report.findings = [f for f in report.findings if f.path not in remaining]
        report.findings.extend(f for found in remaining.values() for f in found)
        # a note on a changed file ("stopped after 10,000 findings") is its last check's
        report.notes = [n for n in report.notes if n.split(": ", 1)[0] not in remaining]
        report.notes.extend(n for name in remaining for n in notes.get(name, []))
    report.findings.sort(key=lambda f: f.sort_key)
    return outcome


def _held_back(result: Fixed, options: FixOptions) -> list[str]:
    """A note on the fixes of a Word document that could not be written as tracked changes
    (their paragraph holds a tracked insertion already), which would otherwise be left with
    no word of why."""
    if not options.track_changes or result.fmt != "docx":
        return []
    held = sum(1 for f in result.remaining if applicable(f, options.unsafe))
    if not held:
        return []
    fixes = "fix was" if held == 1 else "fixes were"
    return [
        f"{result.name}: {held} {fixes} not written as tracked changes: the paragraph "
        "already holds a tracked change (accept or reject it in Word first, or fix without "
        "--track-changes), or the words cross a tab or a field"
    ]


def _relint(
    relint: Relint,
    name: str | None,
    data: bytes,
    *,
    report: Report,
    notes: dict[str, list[str]],
    key: str,
) -> list[Finding]:
    checked = relint(name, data)
    if checked.errors:
        raise LintError(checked.errors[0])
    notes[key] = checked.notes
    report.lines.update(checked.lines)
    return checked.findings


def write_results(outcome: FixOutcome, report: Report, options: FixOptions) -> None:
    """Write fixed files in place, or the one corrected copy to ``--output``.

    A file that cannot be written counts as not fixed: the report gets its findings back.
    """
    if options.diff or options.output == STDIN:
        return
    for result in list(outcome.results):
        if options.output is not None:
            target = options.output
        elif result is outcome.stdin or not result.changed:
            continue
        else:
            target = result.name
        try:
            write_atomic(target, result.after)
        except LintError as exc:
            report.errors.append(str(exc))
            _unfix(outcome, report, result)


def _unfix(outcome: FixOutcome, report: Report, result: Fixed) -> None:
    """Take back a fix that was not written: its findings and source lines are the old ones."""
    outcome.results.remove(result)
    if result is outcome.stdin:
        outcome.stdin = None
    if result.name not in outcome.before:
        return
    findings, lines = outcome.before[result.name]
    report.findings = [f for f in report.findings if f.path != result.name] + findings
    report.findings.sort(key=lambda f: f.sort_key)
    report.lines.update(lines)


def diff(result: Fixed) -> str:
    """A unified diff of one file's text before and after fixing (a Word document's text is
    its paragraphs, one a line)."""
    if result.fmt == "docx":
        from .docxfix import paragraph_text

        before = paragraph_text(result.before, result.name)
        after = paragraph_text(result.after, result.name)
    else:
        encoding = Encoding.of(result.before)
        before, after = encoding.decode(result.before), encoding.decode(result.after)
        if encoding.bom == b"\xef\xbb\xbf":
            # the byte-order mark is part of the first line, as git and patch read it
            before, after = "\ufeff" + before, "\ufeff" + after
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{result.name}",
        tofile=f"b/{result.name}",
    )
    return "".join(
        line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
        for line in lines
    )


def summary(outcome: FixOutcome, report: Report, options: FixOptions) -> str:
    """ "N fixed, M remaining (K with an unsafe fix: rerun with --unsafe-fixes)"."""
    verb = "would be fixed" if options.diff else "fixed"
    text = f"{outcome.fixed} {verb}, {len(report.findings)} remaining"
    if not options.unsafe:
        unsafe = sum(
            1 for f in report.findings if f.fix is not None and f.fix.applicability == "unsafe"
        )
        if unsafe:
            text += f" ({unsafe} with an unsafe fix: rerun with --unsafe-fixes)"
    return text + "."
