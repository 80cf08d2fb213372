"""Discovery, decoding and reading: everything between paths and the pure engine."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import cast

from .engine import lint_document
from .errors import LintError
from .lexicon import CompiledLexicon, build_rules, cached_lexicons, compile_rules
from .model import Finding, Severity
from .readers import BinaryReader, extensions, is_binary, reader_for_name, reader_for_path
from .selection import Selection

SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".bzr",
        "_darcs",
        ".jj",
        "CVS",
        "node_modules",
        "bower_components",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        ".eggs",
        "__pypackages__",
        "site-packages",
        "__pycache__",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        ".hypothesis",
        "build",
        "dist",
        "_build",
        "htmlcov",
        ".cache",
    }
)
STDIN = "-"


class SkippedFile(LintError):
    """A file that cannot be read as text. Binary files met in a walk are skipped silently."""

    def __init__(self, message: str, *, binary: bool = False) -> None:
        super().__init__(message)
        self.binary = binary


@dataclass(slots=True)
class Report:
    """The outcome of a run: findings, per-file problems and what was checked."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    files: int = 0
    lines: dict[tuple[str, int], str] = field(default_factory=dict)

    def count(self, at_least: Severity) -> int:
        return sum(1 for f in self.findings if f.severity >= at_least)


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without a BOM) or UTF-16 with a BOM; anything else is refused."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SkippedFile(f"{name}: skipped: not valid UTF-16 ({exc.reason})") from None
    if b"\0" in data[:8192]:
        raise SkippedFile(f"{name}: skipped: binary file", binary=True)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SkippedFile(
            f"{name}: skipped: cannot decode byte {exc.start} as UTF-8 ({exc.reason})"
        ) from None


def _git_files(folder: Path) -> set[str] | None:
    """Files git does not ignore under ``folder``, or None when it is not a git work tree."""
    try:
        out = subprocess.run(
            [
                "git",
                "-C",
                str(folder),
                "ls-files",
                "-z",
                "--cached",
                "--others",
                "--exclude-standard",
            ],
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    return {
        os.path.normpath(folder / p.decode("utf-8", "surrogateescape"))
        for p in out.stdout.split(b"\0")
        if p
    }


def _is_venv(path: str) -> bool:
    return os.path.exists(os.path.join(path, "pyvenv.cfg"))


def walk(folder: Path, suffixes: Sequence[str]) -> Iterator[str]:
    """Text-like files under ``folder``, sorted, skipping VCS, virtual-env and build folders."""
    allowed = _git_files(folder)
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in SKIP_DIRS
            and not d.endswith(".egg-info")
            and not _is_venv(os.path.join(root, d))
        )
        for name in sorted(files):
            if not name.lower().endswith(tuple(suffixes)):
                continue
            path = os.path.normpath(os.path.join(root, name))
            if allowed is not None and path not in allowed:
                continue
            yield path


def discover(paths: Sequence[str], report: Report) -> Iterator[tuple[str, bool]]:
    """(path, named explicitly) for every file to check; missing paths are reported."""
    suffixes = extensions()
    for raw in paths:
        if raw == STDIN:
            yield raw, True
            continue
        p = Path(raw)
        if p.is_dir():
            for found in walk(p, suffixes):
                yield found, False
        elif p.exists():
            yield raw, True
        else:
            report.errors.append(f"{raw}: no such file or directory")


def read_bytes(path: str, stdin: bytes | None = None) -> bytes:
    if path == STDIN:
        return stdin if stdin is not None else sys.stdin.buffer.read()
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise LintError(f"{path}: cannot read: {exc.strerror or exc}") from None


def read_source(path: str, stdin: bytes | None = None) -> str:
    return decode(read_bytes(path, stdin), "<stdin>" if path == STDIN else path)


def prepare(
    lexicon_paths: Sequence[str | Path] = (),
    *,
    default_lexicons: bool = True,
    selection: Selection | None = None,
) -> CompiledLexicon:
    """Load lexicons, check the selection against their rules and compile the chosen ones.

    The result is cached for the life of the process, so repeated API calls compile once.
    """
    return _prepare(
        tuple(str(p) for p in lexicon_paths), default_lexicons, selection or Selection()
    )


@lru_cache(maxsize=16)
def _prepare(
    paths: tuple[str, ...], default_lexicons: bool, selection: Selection
) -> CompiledLexicon:
    lexicons = cached_lexicons(paths, defaults=default_lexicons)
    rules = build_rules(lexicons)
    selection.check(rules)
    return compile_rules([r for r in rules if selection.enabled(r)], lexicons)


def run(
    paths: Iterable[str],
    lexicon: CompiledLexicon,
    *,
    selection: Selection | None = None,
    stdin_name: str | None = None,
    stdin_kind: str = "markdown",
    stdin: bytes | None = None,
) -> Report:
    """Check files, folders and ``-`` (stdin). Problems with one file never stop the rest."""
    selection = selection or Selection()
    report = Report()
    for path, explicit in discover(list(paths), report):
        name = (stdin_name or "<stdin>") if path == STDIN else path
        if path == STDIN:
            reader = reader_for_path(stdin_name) if stdin_name else reader_for_name(stdin_kind)
        else:
            reader = reader_for_path(path)
        try:
            if is_binary(reader):
                binary = cast(BinaryReader, reader)
                document = binary.read_bytes(read_bytes(path, stdin), name)
            else:
                document = reader.read(read_source(path, stdin), name)
        except SkippedFile as exc:
            if explicit or not exc.binary:
                report.errors.append(str(exc))
            continue
        except LintError as exc:
            report.errors.append(str(exc))
            continue
        report.files += 1
        for finding in lint_document(document, lexicon):
            if finding.severity < selection.min_severity:
                continue
            report.findings.append(finding)
            key = (finding.path, finding.line)
            if key not in report.lines:
                report.lines[key] = document.line_text(finding.line)
    report.findings.sort(key=lambda f: f.sort_key)
    return report
