"""Checking files one by one or in worker processes, with the same result either way.

Each file is read, linted, then passed through the selection stage: ``per-file-ignores``
(whole files and JSON/YAML key paths), inline suppressions and the minimum severity. Each
finding also gets the words of its sentence, for its fingerprint (see :mod:`.baseline`).

With ``jobs`` above 1, files are handed to a pool of worker processes in order and their
results are collected in that same order, so the output is exactly that of a single process.
Standard input is always read by the main process.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from . import suppression
from .baseline import sentence_words
from .customize import allowed_here
from .engine import segment_findings
from .errors import InternalError, LintError
from .model import Document, Finding
from .readers import BinaryReader, Reader, ReaderOptions, is_binary
from .selection import Selection, rule_matches
from .sources import STDIN, SkippedFile, _reader, read_bytes, read_large, read_source

if TYPE_CHECKING:
    from .config import Config
    from .lexicon import CompiledLexicon


@dataclass(frozen=True, slots=True)
class Job:
    """Everything a worker needs to check a file; picklable."""

    lexicon: CompiledLexicon
    selection: Selection
    stdin_name: str | None
    stdin_kind: str
    config: Config | None
    options: ReaderOptions | None
    known: suppression.KnownRules
    report_unused: bool = False
    max_findings: int = 0  # per file; 0 means no limit


@dataclass(slots=True)
class FileResult:
    """What checking one path gave: findings, an error, and whether it was checked."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    checked: bool = False
    name: str = ""
    notes: list[str] = field(default_factory=list)  # skipped on purpose: no error
    lines: dict[tuple[str, int], str] = field(default_factory=dict)


def known_rules(lexicon: CompiledLexicon) -> suppression.KnownRules:
    """Every rule id and category of the loaded lexicons, chosen or not."""
    ids = [f"{lex.id}/{e.id}" for lex in lexicon.lexicons for e in lex.entries]
    ids += [r.id for r in lexicon.rules]
    categories = {e.category for lex in lexicon.lexicons for e in lex.entries}
    categories |= {r.category for r in lexicon.rules}
    return suppression.KnownRules(
        tuple(sorted({*ids, suppression.UNUSED_RULE})), frozenset({*categories, "meta"})
    )


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def read_document(job: Job, path: str, stdin: bytes | None) -> Document:
    name = (job.stdin_name or "<stdin>") if path == STDIN else path
    reader: Reader = _reader(path, job.stdin_name, job.stdin_kind, job.options)
    large = None if path == STDIN or is_binary(reader) else read_large(path)
    if is_binary(reader):
        binary = cast(BinaryReader, reader)
        return binary.read_bytes(read_bytes(path, stdin), name)
    if large is not None and getattr(reader, "chunked", False):
        return reader.read(large, name)  # type: ignore[arg-type]  # chunked readers
    text = read_source(path, stdin) if large is None else str(large)
    return reader.read(text, name)


def check_file(job: Job, path: str, explicit: bool, stdin: bytes | None = None) -> FileResult:
    """Read, lint and select the findings of one file. Problems become errors, never raise."""
    result = FileResult()
    try:
        document = read_document(job, path, stdin)
    except SkippedFile as exc:
        if explicit or not exc.binary:
            result.errors.append(str(exc))
        return result
    except LintError as exc:
        result.errors.append(str(exc))
        return result
    except Exception as exc:
        raise InternalError((job.stdin_name or "<stdin>") if path == STDIN else path) from exc
    result.checked = True
    result.name = document.path
    result.errors.extend(document.unread)
    found = lint_stream(document, job.lexicon)
    for finding in select(job, document, path, found, result.notes):
        result.findings.append(finding)
        key = (finding.path, finding.line)
        if key not in result.lines:
            result.lines[key] = document.line_text(finding.line)
    return result


def lint_stream(document: Document, lexicon: CompiledLexicon) -> Iterator[Finding]:
    """The document's findings, segment by segment, so a capped file stops early; an
    unexpected failure names the file (see InternalError)."""
    try:
        for batch in segment_findings(document, lexicon):
            yield from batch
    except LintError:
        raise
    except Exception as exc:
        raise InternalError(document.path) from exc


def select(
    job: Job,
    document: Document,
    path: str,
    found: Iterable[Finding],
    notes: list[str] | None = None,
) -> list[Finding]:
    """The selection stage for one document's findings. At ``job.max_findings`` kept
    findings the rest of the document is not checked, and ``notes`` says so."""
    config = job.config
    ignored: tuple[str, ...] = ()
    keys: tuple[tuple[str, tuple[str, ...]], ...] = ()
    allowed: tuple[str, ...] = ()
    if config is not None and (path != STDIN or job.stdin_name):
        ignored = config.ignored_rules(document.path)
        keys = config.ignored_keys(document.path)
        allowed = config.allowed_words(document.path)
    kept: list[Finding] = []
    for f in found:
        if ignored and rule_matches(ignored, f.rule, f.category):
            continue
        if keys and _key_ignored(keys, f):
            continue
        if allowed and allowed_here(allowed, document.text, f):
            continue
        if job.max_findings and len(kept) >= job.max_findings:
            if notes is not None:
                notes.append(
                    f"{document.path}: stopped after {job.max_findings:,} findings "
                    "(--max-findings); the rest of the file was not checked"
                )
            break
        kept.append(f)
    kept = suppression.apply(document, kept, known=job.known, report_unused=job.report_unused)
    out: list[Finding] = []
    for f in kept:
        if f.severity < job.selection.min_severity:
            continue
        if f.rule == suppression.UNUSED_RULE and (
            not job.selection.names(f.rule, "meta")
            or (ignored and rule_matches(ignored, f.rule, "meta"))
        ):
            continue
        out.append(dataclasses.replace(f, context=sentence_words(document, f.start, f.end)))
    return out


def _key_ignored(keys: Sequence[tuple[str, tuple[str, ...]]], f: Finding) -> bool:
    key = f.location.key if f.location is not None else None
    if key is None:
        return False
    return any(
        key_pattern(pattern).fullmatch(key) and rule_matches(selectors, f.rule, f.category)
        for pattern, selectors in keys
    )


def key_pattern(pattern: str) -> re.Pattern[str]:
    """A key-path glob: ``*`` is one key or index (``fields[*].label``), ``**`` any path."""
    out: list[str] = []
    for token in re.split(r"(\*\*|\*)", pattern):
        if token == "**":
            out.append(r".*")
        elif token == "*":
            out.append(r"[^.\[\]]*")
        else:
            out.append(re.escape(token))
    return re.compile("".join(out))


# --- worker processes -------------------------------------------------------------------------

_JOB: Job | None = None


def _start_worker(job: Job) -> None:
    global _JOB
    _JOB = job


def _work(item: tuple[str, bool]) -> FileResult:
    assert _JOB is not None
    return check_file(_JOB, *item)


def check_all(
    job: Job, items: Sequence[tuple[str, bool]], jobs: int, stdin: bytes | None
) -> Iterator[FileResult]:
    """Results for ``items`` in their order; files go to ``jobs`` worker processes when there
    is more than one file and no standard input."""
    files = [i for i in items if i[0] != STDIN]
    if jobs <= 1 or len(files) < 2 or len(files) != len(items):
        for path, explicit in items:
            yield check_file(job, path, explicit, stdin)
        return
    workers = min(jobs, len(files))
    chunk = max(1, min(16, len(files) // (workers * 4)))
    try:
        with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(job,)) as pool:
            yield from pool.map(_work, items, chunksize=chunk)
    except BrokenProcessPool:
        raise LintError(
            "a worker process stopped unexpectedly (out of memory?); try --jobs 1"
        ) from None
