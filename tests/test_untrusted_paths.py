"""Paths from an untrusted checkout: git config, ignore files, pipes, devices, locked folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from respectful_lint import runner
from respectful_lint.cli import main
from respectful_lint.runner import walk

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git to make a repo")


def check(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--format", "concise", *args])


def write(folder: Path, name: str, text: str = "A hooker.\n") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def checked(result: Result) -> list[str]:
    return sorted({line.split(":")[0] for line in result.stdout.splitlines()})


@needs_git
def test_a_repository_fsmonitor_command_is_never_run(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    marker = tmp_path / "ran"
    hook = tmp_path / "hook.sh"
    hook.write_text(f"#!/bin/sh\ntouch {marker}\n", encoding="utf-8")
    hook.chmod(0o755)
    subprocess.run(["git", "-C", str(repo), "config", "core.fsmonitor", str(hook)], check=True)
    write(repo, "draft.md")
    proc = subprocess.run(
        [sys.executable, "-m", "respectful_lint", "check", "--format", "concise", str(repo)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1 and "sex-work/hooker" in proc.stdout
    assert not marker.exists()


def test_the_walk_starts_no_subprocess(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, ".gitignore", "skipped.md\n")
    write(tmp_path, "skipped.md")
    kept = write(tmp_path, "kept.md")

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a subprocess was started")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    assert checked(check(str(tmp_path))) == [str(kept)]


def test_gitignore_files_nest_negate_and_include_info_exclude(tmp_path: Path) -> None:
    (tmp_path / ".git" / "info").mkdir(parents=True)
    write(tmp_path, ".git/info/exclude", "local.md\n")
    write(tmp_path, ".gitignore", "*.txt\nprivate/\n/top-only.md\n")
    write(tmp_path, "docs/.gitignore", "!keep.txt\ndrafts/\n")
    for name in ("local.md", "a.txt", "private/p.md", "top-only.md", "docs/drafts/d.md"):
        write(tmp_path, name)
    kept = [
        write(tmp_path, "docs/keep.txt"),
        write(tmp_path, "docs/top-only.md"),
        write(tmp_path, "docs/page.md"),
    ]
    assert checked(check(str(tmp_path))) == sorted(str(p) for p in kept)


def test_a_gitignore_line_that_would_backtrack_for_minutes_is_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # without an accelerator pathspec runs Python's own expressions: six '*' in one name took
    # minutes to fail on a long name
    monkeypatch.setitem(sys.modules, "hyperscan", None)
    (tmp_path / ".git").mkdir()
    write(tmp_path, ".gitignore", "*a*a*a*a*a*a*b\nskipped.md\n")
    write(tmp_path, "skipped.md")
    kept = write(tmp_path, "a" * 200 + ".md")
    assert checked(check(str(tmp_path))) == [str(kept)]


def test_gitignore_is_read_from_the_work_tree_above_the_named_folder(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, ".gitignore", "notes/old/\n")
    write(tmp_path, "notes/old/a.md")
    kept = write(tmp_path, "notes/new.md")
    assert checked(check(str(tmp_path / "notes"))) == [str(kept)]


def test_a_folder_named_explicitly_is_checked_even_when_git_ignores_it(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, ".gitignore", "build/\n")
    inside = [write(tmp_path, "build/a.md"), write(tmp_path, "build/sub/b.md")]
    kept = write(tmp_path, "page.md")
    assert checked(check(str(tmp_path))) == [str(kept)]  # a walk from above leaves it out
    assert checked(check(str(tmp_path / "build"))) == sorted(str(p) for p in inside)


def test_outside_a_work_tree_gitignore_is_not_applied(tmp_path: Path) -> None:
    write(tmp_path, ".gitignore", "a.md\n")
    kept = write(tmp_path, "a.md")
    assert checked(check(str(tmp_path))) == [str(kept)]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_in_a_walk_is_skipped_with_a_note(tmp_path: Path) -> None:
    kept = write(tmp_path, "a.md")
    os.mkfifo(tmp_path / "pipe.md")
    result = check(str(tmp_path))
    assert result.exit_code == 1
    assert checked(result) == [str(kept)]
    assert f"note: {tmp_path / 'pipe.md'}: skipped: a named pipe" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_named_explicitly_is_an_error(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    other = write(tmp_path, "other.md")
    result = check(str(pipe), str(other))
    assert result.exit_code == 2
    assert checked(result) == [str(other)]
    assert f"error: {pipe}: cannot check a named pipe: only regular files are read" in (
        result.stderr
    )


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_dev_zero_named_explicitly_is_an_error_and_the_rest_is_checked(tmp_path: Path) -> None:
    other = write(tmp_path, "other.md")
    result = check("/dev/zero", str(other))
    assert result.exit_code == 2
    assert checked(result) == [str(other)]
    assert "error: /dev/zero: cannot check a device: only regular files are read" in (result.stderr)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_link_to_a_device_in_a_walk_is_skipped(tmp_path: Path) -> None:
    write(tmp_path, "a.md")
    (tmp_path / "zero.md").symlink_to("/dev/zero")
    result = check(str(tmp_path))
    assert result.exit_code == 1
    assert "skipped: a device, not a regular file" in result.stderr


def _deny(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Make ``denied`` behave as a folder without read and search permission.

    The tests run as root in CI, where permission bits do not stop anything, so the refusal the
    operating system would give is raised where the folder is listed or passed through.
    """
    real_scandir, real_stat = os.scandir, os.stat

    def scandir(path: object = ".") -> object:
        if os.path.abspath(str(path)) == str(denied):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    def stat_(path: object, *args: object, **kwargs: object) -> os.stat_result:
        full = os.path.abspath(str(path))
        if full.startswith(str(denied) + os.sep):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "stat", stat_)


def test_an_unreadable_folder_in_a_walk_is_an_error_and_the_rest_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = write(tmp_path, "a.md")
    write(tmp_path, "locked/b.md")
    _deny(monkeypatch, tmp_path / "locked")
    result = check(str(tmp_path))
    assert result.exit_code == 2
    assert checked(result) == [str(kept)]
    assert f"error: {tmp_path / 'locked'}: cannot read folder: Permission denied" in (result.stderr)


def test_an_unreadable_folder_named_at_the_top_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "locked/b.md")
    other = write(tmp_path, "other.md")
    _deny(monkeypatch, tmp_path / "locked")
    result = check(str(tmp_path / "locked"), str(other))
    assert result.exit_code == 2
    assert checked(result) == [str(other)]
    assert "locked: cannot read folder: Permission denied" in result.stderr


def test_a_file_named_inside_an_unsearchable_folder_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inside = write(tmp_path, "locked/b.md")
    other = write(tmp_path, "other.md")
    _deny(monkeypatch, tmp_path / "locked")
    result = check(str(inside), str(other))
    assert result.exit_code == 2
    assert checked(result) == [str(other)]
    assert f"error: {inside}: cannot read: Permission denied" in result.stderr


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_walk_follows_links_to_files_but_not_to_folders(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    write(root, "b/z.md")
    write(root, "b/a.md")
    write(root, "a.md")
    outside = write(tmp_path, "outside/c.md")
    (root / "link.md").symlink_to(outside)
    (root / "linked").symlink_to(outside.parent, target_is_directory=True)
    (root / "broken.md").symlink_to(tmp_path / "missing.md")
    found = list(walk(root, [".md"]))
    assert found == [
        str(root / "a.md"),
        str(root / "broken.md"),  # reading it reports the problem
        str(root / "link.md"),
        str(root / "b" / "a.md"),
        str(root / "b" / "z.md"),
    ]


def test_a_walk_asks_the_system_only_about_files_that_are_not_plain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    original = runner._irregular

    def counted(path: str) -> str | None:
        asked.append(path)
        return original(path)

    monkeypatch.setattr(runner, "_irregular", counted)
    write(tmp_path, "a.md")
    write(tmp_path, "sub/b.md")
    found = list(walk(tmp_path, [".md"]))
    assert len(found) == 2
    assert asked == []  # the folder listing says they are regular files
