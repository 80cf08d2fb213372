"""A reader or reporter plugin that fails to import breaks only the runs that need it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DRAFT = "Police arrested two prostitutes.\n"
LOAD_ERROR = "failed to load: broken on purpose"


def _distribution(site: Path, name: str, entry_points: str, module: str) -> None:
    """A distribution ``name`` (``broken-pack``, module ``broken_pack``) with its entry
    points and its one module, written straight into a folder that goes on the path."""
    package = name.replace("-", "_")
    dist = site / f"{package}-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (dist / "top_level.txt").write_text(f"{package}\n")
    (dist / "entry_points.txt").write_text(entry_points)
    (site / f"{package}.py").write_text(module)


def _broken_site(site: Path) -> None:
    """A distribution whose reader and reporter cannot be imported."""
    _distribution(
        site,
        "broken-pack",
        "[respectful_lint.readers]\nodd = broken_pack:OddReader\n\n"
        "[respectful_lint.reporters]\nloud = broken_pack:LoudReporter\n",
        "raise ImportError('broken on purpose')\n",
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    _broken_site(tmp_path / "site")
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "draft.md").write_text(DRAFT)
    (folder / "notes.txt").write_text(DRAFT)
    return folder


def _run(project: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    site = str(project.parent / "site")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [site, os.environ.get("PYTHONPATH")])),
    }
    env["RESPECTFUL_LINT_NO_CACHE"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "respectful_lint", *args],
        cwd=project,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_runs_that_do_not_use_the_broken_plugin_work(project: Path) -> None:
    for fmt in ("text", "concise", "json"):
        result = _run(project, "check", "--isolated", "--format", fmt, "draft.md", "notes.txt")
        assert result.returncode == 1, result.stderr
        assert result.stderr == ""
        assert "sex-work/prostitute" in result.stdout
    clean = _run(project, "check", "--isolated", "--no-plugins", "--format", "concise", ".")
    assert clean.returncode == 1 and clean.stderr == ""
    assert _run(project, "rules", "--isolated").returncode == 0
    assert _run(project, "explain", "--isolated", "sex-work/prostitute").returncode == 0


def test_the_broken_reporter_is_an_error_naming_its_distribution(project: Path) -> None:
    result = _run(project, "check", "--isolated", "--format", "loud", "draft.md")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"respectful-lint: error: reporter plugin 'loud' from broken-pack {LOAD_ERROR}\n"
    )


def test_the_broken_reader_is_an_error_where_it_may_be_needed(project: Path) -> None:
    # a folder walk needs every reader's extensions: one error line, the other files checked
    walked = _run(project, "check", "--isolated", "--format", "concise", ".")
    assert walked.returncode == 2
    assert walked.stderr == (
        f"respectful-lint: error: reader plugin 'odd' from broken-pack {LOAD_ERROR}\n"
    )
    assert [line.split(":")[0] for line in walked.stdout.splitlines()] == ["draft.md", "notes.txt"]
    # a file no working reader claims may be the plugin's
    (project / "draft.odd").write_text(DRAFT)
    named = _run(project, "check", "--isolated", "--format", "concise", "draft.odd", "draft.md")
    assert named.returncode == 2
    assert named.stderr == (
        f"respectful-lint: error: draft.odd: reader plugin 'odd' from broken-pack {LOAD_ERROR}\n"
    )
    assert named.stdout.startswith("draft.md:1:")


@pytest.mark.parametrize(
    ("returned", "reason"),
    [
        ("None", "gave NoneType 'None', not the path of a lexicon file or folder"),
        ("'/nowhere/house.yaml'", "/nowhere/house.yaml: no such lexicon file or folder"),
    ],
)
def test_a_lexicon_plugin_that_gives_no_lexicon_is_one_line_naming_it(
    tmp_path: Path, returned: str, reason: str
) -> None:
    _distribution(
        tmp_path / "site",
        "empty-pack",
        "[respectful_lint.lexicons]\nhouse = empty_pack:path\n",
        f"def path():\n    return {returned}\n",
    )
    project = tmp_path / "project"
    project.mkdir()
    (project / "draft.md").write_text(DRAFT)
    result = _run(project, "check", "draft.md")
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.strip().splitlines()
    assert "lexicon plugin 'house' from empty-pack" in line
    assert reason in line


def test_a_plugin_that_fails_while_checking_is_named_and_its_message_not_shown(
    tmp_path: Path,
) -> None:
    # the error's message may quote the draft: it is left to --debug
    _distribution(
        tmp_path / "site",
        "boom-pack",
        "[respectful_lint.readers]\nodd = boom_pack:OddReader\n",
        "class OddReader:\n"
        "    name = 'odd'\n"
        "    extensions = ('.odd',)\n"
        "    def read(self, text, path):\n"
        "        raise ValueError('cannot read: ' + text)\n",
    )
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "draft.odd").write_text("SECRET client name\n")
    result = _run(folder, "check", "--isolated", "draft.odd")
    assert result.returncode == 3
    assert result.stderr.strip() == (
        "respectful-lint: error while checking draft.odd: the plugin boom-pack failed "
        "(ValueError); report it to the plugin's authors; --debug shows the traceback."
    )
    assert "SECRET" not in result.stderr
    # in worker processes too, which hand back only the traceback's text
    (folder / "other.odd").write_text("SECRET other name\n")
    walked = _run(folder, "check", "--isolated", "--jobs", "2", ".")
    assert walked.returncode == 3
    assert "the plugin boom-pack failed (ValueError)" in walked.stderr
    assert "SECRET" not in walked.stderr
