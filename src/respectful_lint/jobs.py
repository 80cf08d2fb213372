"""Checking files one by one or in worker processes, with the same result either way.

Each file is read, linted, then passed through the selection stage (see
:func:`.selection.apply`).

With ``jobs`` above 1, files are handed to a pool of worker processes in order and their
results are collected in that same order, so the output is exactly that of a single process.
Standard input is always read by the main process.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from msgspec import Struct, field

from . import selection
from .engine import candidate_filter, segment_findings
from .errors import InternalError, LintError, PatternTimeout
from .model import Document, Finding
from .readers import ReaderOptions
from .reading import STDIN, SkippedFile, read_document

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from .lexicon import CompiledLexicon


class Job(Struct, frozen=True):
    """Everything a worker needs to check a file; picklable."""

    lexicon: CompiledLexicon
    stage: selection.Stage
    stdin_name: str | None
    stdin_kind: str
    options: ReaderOptions | None
    # whether the word-class table is kept in the on-disk cache (see :mod:`.wordclass`), for
    # workers that start afresh rather than as copies of this process
    cached_tables: bool = False


class FileResult(Struct):
    """What checking one path gave: findings, an error, and whether it was checked."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    checked: bool = False
    name: str = ""
    notes: list[str] = field(default_factory=list)  # skipped on purpose: no error
    lines: dict[tuple[str, int], str] = field(default_factory=dict)


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_file(job: Job, path: str, explicit: bool, stdin: bytes | None = None) -> FileResult:
    """Read, lint and select the findings of one file. Problems become errors, never raise."""
    result = FileResult()
    try:
        document = read_document(
            path,
            stdin=stdin,
            stdin_name=job.stdin_name,
            stdin_kind=job.stdin_kind,
            options=job.options,
            prefilter=candidate_filter(job.lexicon),
        )
    except SkippedFile as exc:
        if explicit or not exc.binary:
            result.errors.append(str(exc))
        return result
    except LintError as exc:
        result.errors.append(str(exc))
        return result
    except Exception as exc:
        name = (job.stdin_name or "<stdin>") if path == STDIN else path
        raise _failure(name, exc) from exc
    result.checked = True
    result.name = document.path
    result.errors.extend(document.unread)
    found = lint_stream(document, job.lexicon)
    named = document.path if path != STDIN or job.stdin_name else None
    try:
        for finding in selection.apply(found, job.stage, document, named, result.notes):
            result.findings.append(finding)
            key = (finding.path, finding.line)
            if key not in result.lines:
                result.lines[key] = document.line_text(finding.line)
    except PatternTimeout as exc:
        # this file's text, not the run: the other files are still checked
        result.errors.append(f"{document.path}: {exc}; the rest of the file was not checked")
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
        raise _failure(document.path, exc) from exc


def _failure(path: str, cause: BaseException) -> InternalError:
    """The internal error for ``cause`` while checking ``path``, with the plugin to blame and
    the cause's kind and first line worked out here, in the process where it happened."""
    from .plugins import blamed

    detail = (str(cause).splitlines() or [""])[0][:200]
    name = type(cause).__name__
    return InternalError(path, blamed(cause), f"{name}: {detail}" if detail else name)


# --- worker processes -------------------------------------------------------------------------

_JOB: Job | None = None


def _start_worker(job: Job) -> None:
    global _JOB
    _JOB = job
    # Ctrl+C reaches every process of the terminal's group: the main process stops the run
    # (see check_all), and a worker must not print a traceback of its own
    import signal  # here: a run in one process does not need it

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if job.cached_tables:
        from . import cache, wordclass

        wordclass.use_store(cache)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the workers of an interrupted run (or one whose caller stopped reading): the
    files they are reading, and those not yet begun, are dropped rather than read to the end
    before the program can exit."""
    stop = getattr(pool, "terminate_workers", None)  # Python 3.14
    if stop is not None:
        stop()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()


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
    # imported here: a run over one file needs no process pool
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    workers = min(jobs, len(files))
    # Files go out in chunks of up to 64, at least four chunks a worker: every chunk costs the
    # main process a task and a result to pass on, CPU time the workers then lack (on the
    # documentation tree, 64 against 16 files a chunk: 1.91 s against 2.05 s with 2 workers).
    chunk = max(1, min(64, len(files) // (workers * 4)))
    try:
        pool = ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(job,))
        finished = False
        left = len(items)
        try:
            for result in pool.map(_work, items, chunksize=chunk):
                left -= 1
                finished = not left  # the caller need not ask past the last result
                yield result
        finally:
            if not finished:
                _stop(pool)
            pool.shutdown(wait=finished, cancel_futures=not finished)
    except BrokenProcessPool:
        raise LintError(
            "a worker process stopped unexpectedly (out of memory?); try --jobs 1"
        ) from None
