"""Discovery, decoding and reading: everything between paths and the pure engine."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec.structs import replace

from . import cache, inflect, patterns, wordclass
from .customize import Customization
from .gitignore import GitIgnore
from .lexicon import (
    CompiledLexicon,
    build_rules,
    cached_lexicons,
    compile_rules,
    lexicon_paths,
)
from .model import Rule
from .plugins import Choice
from .readers import extensions
from .reading import STDIN, file_kind
from .report import Report
from .scan import databases_in
from .selection import Selection, Stage, UnknownSelector, known_rules, turned_off

if TYPE_CHECKING:
    from .config import Config, Settings
    from .jobs import FileResult

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


def _irregular(path: str) -> str | None:
    """What ``path`` is when it exists and is not a regular file (symbolic links followed)."""
    try:
        return file_kind(os.stat(path).st_mode)
    except OSError:
        return None  # reading it reports the problem


def _is_venv(path: str) -> bool:
    return os.path.exists(os.path.join(path, "pyvenv.cfg"))


def walk(
    folder: Path,
    suffixes: Sequence[str],
    config: Config | None = None,
    report: Report | None = None,
) -> Iterator[str]:
    """Text-like files under ``folder``, sorted, skipping VCS, virtual-env and build folders.

    With a ``config``, files its ``include`` patterns match are taken whatever their extension,
    and files and folders its ``exclude`` patterns match are left out. Inside a git work tree,
    what its ``.gitignore`` files ignore is left out (see :mod:`respectful_lint.gitignore`).
    With a ``report``, a folder that cannot be read is an error there, and a file that is not a
    regular file (a named pipe, a device) is skipped with a note.
    """
    ignore = GitIgnore.for_folder(str(folder))
    if ignore is not None and ignore.ignored(str(folder), is_dir=True):
        ignore = None  # a folder named explicitly is checked even though git ignores it
    excluded = config.excluded if config is not None and config.exclude else None
    included = config.included if config is not None and config.include else None

    def unreadable(exc: OSError) -> None:
        if report is not None:
            where = exc.filename if exc.filename is not None else folder
            report.errors.append(f"{where}: cannot read folder: {exc.strerror or exc}")

    wanted = tuple(suffixes)
    pending = [os.fspath(folder)]  # folders still to read, the next one last
    while pending:
        root = pending.pop()
        listed = _listed(root, unreadable)
        if listed is None:
            continue
        dirs, files = listed
        for name, regular in sorted(files):
            path = os.path.normpath(os.path.join(root, name))
            if not name.lower().endswith(wanted) and not (included and included(path)):
                continue
            if ignore is not None and ignore.ignored(path):
                continue
            if excluded and excluded(path):
                continue
            kind = None if regular else _irregular(path)
            if kind is not None:
                if report is not None:
                    report.notes.append(f"{path}: skipped: {kind}, not a regular file")
                continue
            yield path
        below = [
            os.path.join(root, d)
            for d, link in sorted(dirs)
            if not link  # as os.walk: a link to a folder is not followed
            and d not in SKIP_DIRS
            and not d.endswith(".egg-info")
            and not _is_venv(os.path.join(root, d))
            and not (excluded and excluded(os.path.join(root, d)))
            and not (ignore and ignore.ignored(os.path.join(root, d), is_dir=True))
        ]
        pending.extend(reversed(below))


def _listed(
    root: str, unreadable: Callable[[OSError], None]
) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]] | None:
    """The folders (each with whether it is a symbolic link) and the other entries (each with
    whether it is a regular file, not a link) of folder ``root``, told apart as ``os.walk``
    tells them; None when it cannot be read, after telling ``unreadable``.

    The kinds come from the folder listing itself, so a regular file costs no ``stat`` call.
    """
    dirs: list[tuple[str, bool]] = []
    files: list[tuple[str, bool]] = []
    try:
        with os.scandir(root) as entries:
            for entry in entries:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    try:
                        link = entry.is_symlink()
                    except OSError:
                        link = False
                    dirs.append((entry.name, link))
                else:
                    try:
                        regular = entry.is_file(follow_symlinks=False)
                    except OSError:
                        regular = False
                    files.append((entry.name, regular))
    except OSError as exc:
        unreadable(exc)
        return None
    return dirs, files


def discover(
    paths: Sequence[str],
    report: Report,
    config: Config | None = None,
    own_files: Sequence[str] = (),
) -> Iterator[tuple[str, bool]]:
    """(path, named explicitly) for every file to check; missing paths are reported.

    The configuration's ``exclude`` applies to what a folder walk finds, never to a path
    named explicitly. The files in ``own_files`` (the report the run writes, the baselines it
    reads and writes) are never checked: a report written into a checked folder would be read
    on the next run.
    """
    suffixes: tuple[str, ...] | None = None  # what a folder walk takes, once one is needed
    # each file is checked once, however often it is named or found: a named file is known
    # by its device and inode ("a.md" and a link to it are one file), any by its absolute path
    seen_files: set[tuple[int, int]] = set()
    seen_paths: set[str] = {os.path.abspath(w) for w in own_files if w != STDIN}
    # the run's own files by their real paths, looked up only for a file of the same name (a
    # report reached through a link to its folder)
    own_names = {os.path.basename(w) for w in own_files if w != STDIN}
    own_real = {os.path.realpath(w) for w in own_files if w != STDIN}

    def first(path: str, status: os.stat_result | None = None) -> bool:
        where = os.path.abspath(path)
        if where in seen_paths:
            return False
        if os.path.basename(path) in own_names and os.path.realpath(path) in own_real:
            return False
        seen_paths.add(where)
        if status is not None:
            key = (status.st_dev, status.st_ino)
            if key in seen_files:
                return False
            seen_files.add(key)
        return True

    for raw in paths:
        if raw == STDIN:
            yield raw, True
            continue
        try:
            status = os.stat(raw)
            mode = status.st_mode
        except (FileNotFoundError, NotADirectoryError):
            report.errors.append(f"{raw}: no such file or directory")
            continue
        except (OSError, ValueError) as exc:  # a folder on the way cannot be searched; a NUL
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            report.errors.append(f"{raw}: cannot read: {reason}")
            continue
        if stat.S_ISDIR(mode):
            if suffixes is None:  # a reader plugin that fails to load is an error here
                suffixes = extensions(report.errors)
            for found in walk(Path(raw), suffixes, config, report):
                if first(found):
                    yield found, False
        elif (kind := file_kind(mode)) is None:
            if first(raw, status):
                yield raw, True
        else:
            report.errors.append(f"{raw}: cannot check {kind}: only regular files are read")


MAX_FINDINGS = 10_000  # per file; 0 means no limit


def prepare(
    lexicon_paths: Sequence[str | Path] = (),
    *,
    default_lexicons: bool = True,
    selection: Selection | None = None,
    cache: bool = True,
    plugins: Choice = None,
    customization: Customization | None = None,
) -> CompiledLexicon:
    """Load lexicons, check the selection against their rules and compile the chosen ones.

    ``plugins`` names the plugin distributions whose lexicons load (None: every installed one)
    and ``customization`` holds the project's overrides and allowed words.

    The result is kept for the life of the process, so repeated API calls compile once, and
    (unless ``cache`` is false) in the on-disk cache of :mod:`respectful_lint.cache`, which
    then also keeps the word-class table that some context tests read (see
    :mod:`respectful_lint.wordclass`).
    """
    _use_cache_for_tables(cache)
    return _prepare(
        tuple(str(p) for p in lexicon_paths),
        default_lexicons,
        selection or Selection(),
        cache,
        plugins,
        customization or Customization(),
    )


def prepare_settings(settings: Settings, *, cache: bool = True) -> CompiledLexicon:
    """:func:`prepare` for merged settings. A selector that came from the configuration and
    matches no rule is reported at its place in the configuration file, as is one in
    ``per-file-ignores`` and an override of a rule that does not exist."""
    from .plugins import choice

    try:
        compiled = prepare(
            settings.lexicons,
            default_lexicons=settings.default_lexicons,
            selection=settings.selection,
            cache=cache,
            plugins=choice(settings.plugins),
            customization=settings.customization,
        )
    except UnknownSelector as exc:
        if exc.option.lstrip("-") in settings.from_config:
            raise settings.config.selector_error(exc) from None
        raise
    settings.config.check_per_file_ignores(compiled.lexicons)
    return compiled


def load_rules(
    lexicon_paths: Sequence[str | Path] = (),
    *,
    default_lexicons: bool = True,
    plugins: Choice = None,
    customization: Customization | None = None,
) -> list[Rule]:
    """Every rule of the loaded lexicons, sorted by id, before selection and profiles (with
    the project's overrides and allowed words applied)."""
    rules = build_rules(
        cached_lexicons(
            tuple(str(p) for p in lexicon_paths), defaults=default_lexicons, plugins=plugins
        )
    )
    return customization.apply(rules) if customization else rules


def _use_cache_for_tables(on: bool) -> None:
    wordclass.use_store(cache if on else None)


@lru_cache(maxsize=16)
def _prepare(
    paths: tuple[str, ...],
    default_lexicons: bool,
    selection: Selection,
    use_cache: bool,
    plugins: Choice,
    customization: Customization,
) -> CompiledLexicon:
    lexicons = None
    key = None
    known = None
    known_patterns = None
    if use_cache:
        files = lexicon_paths([Path(p) for p in paths], defaults=default_lexicons, plugins=plugins)
        key = cache.cache_key(files)
        if key:
            lexicons = cache.load(key)
            known = cache.load_inflections(key)
            if known:
                inflect.recall(known)  # the forms an earlier run made from their terms
            known_patterns = cache.load_analyses(key)
            if known_patterns:
                patterns.recall(known_patterns)  # and what it found in their patterns
    if lexicons is None:
        lexicons = cached_lexicons(paths, defaults=default_lexicons, plugins=plugins)
        if key:
            cache.store(key, lexicons)
    rules = customization.apply(build_rules(lexicons))
    try:
        selection.check(rules, {d for lex in lexicons for d in lex.disabled})
    except UnknownSelector as exc:
        turned_off(lexicons, exc.selector, exc.option)
        raise
    with databases_in(cache if use_cache else None):  # compiled scanners are cached too
        compiled = compile_rules(selection.choose(rules), lexicons)
    made = inflect.made()
    if key and len(made) > len(known or ()):
        cache.store_inflections(key, made)
    found = patterns.analysed()
    if key and len(found) > len(known_patterns or ()):
        cache.store_analyses(key, found)
    return compiled


def run(
    paths: Iterable[str],
    lexicon: CompiledLexicon,
    *,
    selection: Selection | None = None,
    stdin_name: str | None = None,
    stdin_kind: str = "markdown",
    stdin: bytes | None = None,
    config: Config | None = None,
    jobs: int | None = 1,
    report_unused_suppressions: bool = False,
    max_findings: int = MAX_FINDINGS,
    own_files: Sequence[str] = (),
) -> Report:
    """Check files, folders and ``-`` (stdin). Problems with one file never stop the rest.

    ``config`` (see :mod:`respectful_lint.config`) gives the walk's ``include`` and
    ``exclude`` patterns, ``per-file-ignores`` and reader options; the caller merges its other
    settings into ``lexicon`` and ``selection``. ``jobs`` worker processes check the files
    (None: one per CPU, or 1 for a single file); the report is the same for any number.
    Every file's findings pass the selection stage (see :func:`.selection.apply`).

    A file stops being checked at ``max_findings`` findings (0: no limit), with a note.
    The files in ``own_files`` (the run's report and baselines) are left out of folder walks.
    """
    from . import jobs as checking

    report = Report(rules=lexicon.rules)
    stage = Stage(
        selection=selection or Selection(),
        config=None if config is None else replace(config, where=None),
        known=known_rules(lexicon),
        report_unused=report_unused_suppressions,
        max_findings=max_findings,
    )
    job = checking.Job(
        lexicon=lexicon,
        stage=stage,
        stdin_name=stdin_name,
        stdin_kind=stdin_kind,
        options=config.reader_options() if config is not None else None,
        cached_tables=wordclass.stored(),
    )
    planned = _planned(paths, config, report, own_files)
    items = [p for p in planned if isinstance(p, tuple)]
    results = checking.check_all(job, items, jobs or checking.default_jobs(), stdin)
    for entry in planned:
        if isinstance(entry, str):
            report.errors.append(entry)
        else:
            _add(report, next(results))
    report.findings.sort(key=lambda f: f.sort_key)
    return report


def _add(report: Report, result: FileResult) -> None:
    report.errors.extend(result.errors)
    report.notes.extend(result.notes)
    if result.checked:
        report.files += 1
        report.checked.append(result.name)
    report.findings.extend(result.findings)
    report.lines.update(result.lines)


def _planned(
    paths: Iterable[str], config: Config | None, report: Report, own_files: Sequence[str] = ()
) -> list[tuple[str, bool] | str]:
    """The files to check, with the errors for missing paths in their place among them; the
    files the walk skipped on purpose are noted in ``report``."""
    planned: list[tuple[str, bool] | str] = []
    found = Report()
    for item in discover(list(paths), found, config, own_files):
        planned.extend(found.errors)
        found.errors.clear()
        planned.append(item)
    planned.extend(found.errors)
    report.notes.extend(found.notes)
    return planned
