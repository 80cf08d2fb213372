"""The ``lexicon`` commands (``init``, ``validate``, ``test``) and ``schema``."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import click

from .cli_options import FatalError, Project, project_options
from .errors import LintError
from .lazyre import lazy_compile

JSON_VERSION = 1
_LOCATED = lazy_compile(r"^(?P<file>.*?):(?P<line>\d+):(?P<col>\d+): (?P<message>.*)$")


def _fatal(message: str) -> click.ClickException:
    return FatalError(message)


# --- schema ------------------------------------------------------------------------------------


@click.command(name="schema")
@click.argument("which", type=click.Choice(["config", "lexicon"]))
def schema_command(which: str) -> None:
    """Print the JSON Schema of the configuration or of a lexicon file, for editors."""
    from .lexicon import builtin_lexicon_dir

    if which == "config":
        path = Path(__file__).resolve().parent / "config" / "schema.json"
    else:
        path = builtin_lexicon_dir() / "schema.json"
    click.echo(path.read_text(encoding="utf-8"), nl=False)


# --- lexicon -----------------------------------------------------------------------------------


@click.group(name="lexicon")
def lexicon_command() -> None:
    """Write, validate and test your own lexicons."""


STARTER_LEXICON = """\
# A lexicon of your organization's own wording, checked by respectful-lint.
# Check it:  respectful-lint lexicon validate {lexicon}
# Test it:   respectful-lint lexicon test {lexicon}
# Every field is described in the README ("Lexicons", "Format").
lexicon: {id}                 # the first part of every rule id: {id}/case-file
version: 1
language: en
description: Our organization's own wording.

sources:                       # what entries cite, by key
  style-guide: {{title: Our style guide, year: n.d., url: "https://example.org/style"}}

entries:
  - id: case-file              # stable: the rule id is {id}/case-file
    terms: [case file]         # plurals and possessives are generated
    preferred: [client record] # best first; the first is the fix
    severity: warning          # error | warning | suggestion
    category: {id}             # for --select / --ignore
    note: We say "client record"; "case" makes a person sound like a problem to be solved.
    sources: [style-guide]
    fix: safe                  # safe | unsafe | none
    examples:                  # 'lexicon test' runs these
      flag: [Please update the case file before the meeting.]
      pass: [Please update the client record before the meeting.]
"""

STARTER_CONFIG = """\
# respectful-lint configuration; every key is described in the README ("Configuration").
# For completion in editors, write the schema once and keep the next comment:
#   respectful-lint schema config > .respectful-lint.schema.json
# yaml-language-server: $schema=.respectful-lint.schema.json
extends: [respectful-lint:recommended]
lexicons: [{lexicon}]
# overrides:                   # change a rule you did not write
#   incarceration/inmate: {{severity: suggestion}}
# allow: ["Johns Hopkins"]     # words no rule reports
"""


def _aligned(text: str, column: int = 31) -> str:
    """``text`` with each trailing comment starting at ``column`` (after the id is filled in,
    a longer or shorter id would push it out of line), or one space after longer code."""
    out = []
    for line in text.splitlines(keepends=True):
        code, sep, comment = line.partition(" # ")
        if sep and code.strip() and not code.lstrip().startswith("#"):
            code = code.rstrip()
            line = code.ljust(column - 1) + " # " + comment
        out.append(line)
    return "".join(out)


@lexicon_command.command(name="init")
@click.argument("folder", default=".", metavar="[PATH]")
@click.option("--id", "lexicon_id", default="house", show_default=True, help="The lexicon id.")
def init_command(folder: str, lexicon_id: str) -> None:
    """Write a commented starter lexicon (lexicons/ID.yaml) and a .respectful-lint.yaml that
    loads it, in PATH (the current folder by default). Existing files are never replaced; where
    a configuration already applies, it is kept and says how to load the lexicon from it."""
    from .lexicon.validate import ID_RE

    if not ID_RE.match(lexicon_id):
        raise _fatal(f"--id: {lexicon_id!r} must be lower-case letters, digits and hyphens")
    from .lexicon import is_builtin, lexicon_paths

    if any(p.stem == lexicon_id and is_builtin(p) for p in lexicon_paths([])):
        raise _fatal(f"--id: {lexicon_id!r} is a built-in lexicon's id; choose another")
    root = Path(folder)
    lexicon = Path("lexicons") / f"{lexicon_id}.yaml"
    starter = STARTER_LEXICON.format(id=lexicon_id, lexicon=lexicon.as_posix())
    files = {root / lexicon: _aligned(starter)}
    existing = _existing_config(root)
    if existing is None:
        config = STARTER_CONFIG.format(lexicon=lexicon.as_posix())
        files[root / ".respectful-lint.yaml"] = config
    for path in files:
        if path.exists():
            raise _fatal(f"{path}: already exists; nothing was written")
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "x", encoding="utf-8") as fh:
                fh.write(text)
    except OSError as exc:
        raise _fatal(f"cannot write {exc.filename}: {exc.strerror or exc}") from None
    for path in files:
        click.echo(f"wrote {path}")
    if existing is not None:
        # A new .respectful-lint.yaml would silently take the place of the existing file.
        shown = Path(os.path.relpath(root / lexicon, existing.parent)).as_posix()
        key = f'lexicons = ["{shown}"]' if existing.suffix == ".toml" else f"lexicons: [{shown}]"
        click.echo(f"kept {existing}, which configures respectful-lint: add {key} to it")


def _existing_config(root: Path) -> Path | None:
    """The configuration that already applies to ``root``, as a path to show, if any."""
    from .config import find_config

    try:
        found = find_config(root)
    except LintError as exc:
        raise _fatal(str(exc)) from None
    if found is None:
        return None
    shown = os.path.relpath(found)
    return found if shown.startswith("..") else Path(shown)


def _problem(severity: str, exc: Exception) -> dict[str, Any]:
    from .lexicon.yamlload import LocatedError

    if isinstance(exc, LocatedError):
        file, line, col, key, message = exc.file, exc.line, exc.col, exc.key, exc.message
    else:
        m = _LOCATED.match(str(exc))
        file, line, col, key, message = (
            (m["file"], int(m["line"]), int(m["col"]), "", m["message"])
            if m
            else (str(exc).split(":", 1)[0], 1, 1, "", str(exc).split(": ", 1)[-1])
        )
    return {
        "file": file,
        "line": line,
        "column": col,
        "key": key,
        "severity": severity,
        "message": message,
    }


def validate_paths(paths: tuple[str, ...]) -> tuple[list[dict[str, Any]], int]:
    """Every problem of every lexicon file at ``paths``, and the number of files read."""
    from .errors import LexiconError
    from .lexicon import is_builtin, lexicon_paths, read_lexicon
    from .lexicon.validate import validate_all

    problems: list[dict[str, Any]] = []
    files: list[Path] = []
    for raw in paths:
        try:
            files.extend(lexicon_paths([Path(raw)], defaults=False))
        except LexiconError as exc:
            problems.append(_problem("error", exc))
    # a project's lexicon may not take a built-in lexicon's id: check refuses it
    builtin = {
        p.stem: "a built-in lexicon of respectful-lint" for p in lexicon_paths([]) if is_builtin(p)
    }
    seen: dict[str, str] = {}
    for path in files:
        try:
            doc = read_lexicon(path)
        except LexiconError as exc:
            problems.append(_problem("error", exc))
            continue
        lexicon, errors, warnings = validate_all(doc, builtin=is_builtin(path))
        problems.extend(_problem("error", e) for e in errors)
        problems.extend(_problem("warning", w) for w in warnings)
        if lexicon is not None:
            copy = path.name == f"{lexicon.id}.yaml" and set(builtin) <= {
                p.stem for p in path.parent.glob("*.yaml")
            }
            if lexicon.id in builtin and not is_builtin(path) and not copy:
                # (a checkout's own lexicons/ folder, holding every built-in, is the built-ins)
                problems.append(
                    _problem(
                        "error",
                        doc.error(
                            ("lexicon",),
                            f"lexicon id '{lexicon.id}' is already used by {builtin[lexicon.id]}",
                        ),
                    )
                )
            elif lexicon.id in seen:
                problems.append(
                    _problem(
                        "error",
                        doc.error(
                            ("lexicon",),
                            f"lexicon id '{lexicon.id}' is also used by {seen[lexicon.id]}",
                        ),
                    )
                )
            seen.setdefault(lexicon.id, str(path))
    return problems, len(files)


@lexicon_command.command(name="validate")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def validate_command(paths: tuple[str, ...], fmt: str) -> None:
    """Check lexicon files (or folders of them) and report every error and warning, each with
    its file, line and column (in JSON, its key too). Exit 2 when there is an error."""
    problems, count = validate_paths(paths)
    errors = sum(1 for p in problems if p["severity"] == "error")
    if fmt == "json":
        doc = {"version": JSON_VERSION, "files": count, "problems": problems}
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        for p in problems:
            click.echo(f"{p['file']}:{p['line']}:{p['column']}: {p['severity']}: {p['message']}")
        warnings = len(problems) - errors
        click.echo(
            f"{count} file{'s' * (count != 1)}: {errors} error{'s' * (errors != 1)}, "
            f"{warnings} warning{'s' * (warnings != 1)}",
            err=True,
        )
    raise SystemExit(2 if errors else 0)


@lexicon_command.command(name="test")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@project_options
def test_command(paths: tuple[str, ...], fmt: str, project: Project) -> None:
    """Run each entry's flag and pass examples through the engine with the project's
    configuration, and the data checks the built-in lexicons pass. Exit 1 when one fails."""
    from .lexicon.selftest import run_lexicon_tests

    settings = project.settings()
    try:
        outcome = run_lexicon_tests(settings, paths)
    except LintError as exc:
        raise _fatal(str(exc)) from None
    failures = outcome.failures
    if fmt == "json":
        doc = {
            "version": JSON_VERSION,
            "entries": outcome.entries,
            "examples": outcome.examples,
            "failures": [
                {
                    "file": f.file,
                    "line": f.line,
                    "rule": f.rule,
                    "check": f.check,
                    "message": f.message,
                }
                for f in failures
            ],
        }
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        for failure in failures:
            click.echo(str(failure))
        click.echo(
            f"{outcome.entries} entr{'y' if outcome.entries == 1 else 'ies'}, "
            f"{outcome.examples} example{'s' * (outcome.examples != 1)}: "
            f"{len(failures)} failure{'s' * (len(failures) != 1)}",
            err=True,
        )
    raise SystemExit(1 if failures else 0)
