"""Which files a git work tree ignores, read from its ``.gitignore`` files without running git.

A folder walk skips what git ignores. Asking git itself (``git ls-files``) would run a program
whose behaviour the checked repository controls: ``.git/config`` can name commands that git
runs on its own (``core.fsmonitor``, for one), so checking a cloned pull request could run the
author's code. Instead the rules are read here with ``pathspec``'s implementation of git's
pattern syntax, and no subprocess is started.

What is read: every ``.gitignore`` from the top of the work tree (the nearest folder above
that holds ``.git``) down to each file, and ``.git/info/exclude``. A pattern in a deeper file
overrides one above it; within a file the last matching pattern wins, and ``!`` re-includes.
What is not read: the global excludes file (``core.excludesFile``) and git's index, so a file
that is tracked although a pattern ignores it is skipped too.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .config.globs import too_many_stars

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

MAX_IGNORE_FILE = 1024 * 1024  # bytes; a larger .gitignore is not read


def _read_patterns(path: str) -> list[str]:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_IGNORE_FILE + 1)
    except OSError:
        return []
    if len(data) > MAX_IGNORE_FILE:
        return []
    return data.decode("utf-8", "surrogateescape").splitlines()


def _spec(folder: str, extra: str | None) -> GitIgnoreSpec | None:
    """The patterns of ``folder/.gitignore`` (after those of ``extra``), or None if none."""
    lines = _read_patterns(extra) if extra else []
    lines += _read_patterns(os.path.join(folder, ".gitignore"))
    # a line whose many '*' would take exponential time to fail on a long name is left out:
    # the files it names are then checked (see config.globs.MAX_STARS)
    lines = [line for line in lines if not too_many_stars(line)]
    if not lines:
        return None
    from pathspec import GitIgnoreSpec  # imported only when there is a pattern to read

    spec: GitIgnoreSpec | None
    try:
        spec = GitIgnoreSpec.from_lines(lines)
    except (ValueError, TypeError):  # a pattern pathspec cannot compile: read the rest alone
        kept = []
        for line in lines:
            try:
                GitIgnoreSpec.from_lines([line])
            except (ValueError, TypeError):
                continue
            kept.append(line)
        spec = GitIgnoreSpec.from_lines(kept) if kept else None
    return spec


def work_tree(folder: str) -> str | None:
    """The top folder of the git work tree holding ``folder``, or None when there is none."""
    current = os.path.abspath(folder)
    while True:
        if os.path.lexists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


class GitIgnore:
    """The ignore rules of one work tree."""

    def __init__(self, root: str) -> None:
        self.root = root
        exclude = os.path.join(root, ".git", "info", "exclude")
        self._exclude = exclude if os.path.isfile(exclude) else None
        self._specs: dict[str, GitIgnoreSpec | None] = {}

    @classmethod
    def for_folder(cls, folder: str) -> GitIgnore | None:
        root = work_tree(folder)
        return cls(root) if root is not None else None

    def ignored(self, path: str, *, is_dir: bool = False) -> bool:
        """Whether git would ignore ``path`` (a file, or a folder with ``is_dir``)."""
        full = os.path.abspath(path)
        rel = os.path.relpath(full, self.root)
        if rel.startswith(os.pardir) or rel == os.curdir:
            return False
        parts = rel.split(os.sep)
        # deepest folder first: its .gitignore overrides those above it
        for depth in range(len(parts) - 1, -1, -1):
            folder = os.path.join(self.root, *parts[:depth])
            if folder not in self._specs:
                self._specs[folder] = _spec(folder, self._exclude if depth == 0 else None)
            spec = self._specs[folder]
            if spec is None:
                continue
            target = "/".join(parts[depth:]) + ("/" if is_dir else "")
            result = spec.check_file(target)
            if result.include is not None:
                return bool(result.include)
        return False
