"""Glob patterns of ``include``, ``exclude`` and ``per-file-ignores``, and path helpers."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct

if TYPE_CHECKING:
    from pathspec import PathSpec, Pattern


class Glob(Struct, frozen=True):
    """One pattern as pathspec compiled it; see :func:`glob`."""

    anchored: bool
    spec: PathSpec[Pattern]
    suffix: str  # added to a path before it is matched

    def match(self, path: str) -> bool:
        """Whether the pattern names this path itself (not only a folder it is in)."""
        return self.spec.match_file(path + self.suffix)


class PatternError(ValueError):
    """A pattern that cannot be used; the message says why."""


ITSELF = "/\0"  # a name no path has


@lru_cache(maxsize=256)
def glob(pattern: str) -> Glob:
    """A pattern compiled by pathspec, as in ``.gitignore`` and ruff's ``exclude``.

    ``*`` and ``?`` never match a slash, ``**`` matches any number of folders, and ``[...]`` is
    a character class. A pattern with a slash is anchored (matched against the path from the
    configuration's folder); one without is matched against a name. A backslash is read as a
    slash, a leading ``./`` and a trailing slash are dropped, and a leading ``!`` or ``#`` is
    part of the name (there is no negation and there are no comments).

    A gitignore pattern also matches everything in a folder it matches: ``strings/*.json``
    matches ``strings/old.json/fr.json``. So an anchored pattern gets the name ``\\0`` added,
    and so does the path before it is matched: ``strings/*.json/\\0`` does not match
    ``strings/old.json/fr.json/\\0``.
    A pattern ending in ``/**`` is left as it is: it names every path below its folder.

    Raises :class:`PatternError` for a pattern that names nothing or does not compile.
    """
    from pathspec import PathSpec

    text = pattern.strip().replace("\\", "/").removeprefix("./").rstrip("/")
    anchored = "/" in text
    text = text.lstrip("/")
    if not text:
        raise PatternError("it names no file or folder")
    if too_many_stars(text):
        raise PatternError(
            f"too many '*': at most {MAX_STARS} between two slashes, and at most {MAX_EXTRA} "
            "beyond the first of each part in all"
        )
    if text.startswith(("!", "#")):
        text = "\\" + text
    suffix = ""
    if anchored:
        text = "/" + text  # anchored even when its only slash was a leading one
        if not text.endswith("/**"):
            suffix = ITSELF
    try:
        # pathspec's own regular expressions, whatever accelerator (re2, Hyperscan) is
        # installed: those read the added "\0" differently
        spec = PathSpec.from_lines("gitignore", [text + suffix], backend="simple")
    except re.error as exc:
        raise PatternError(exc.msg) from None
    except ValueError:
        raise PatternError("not a glob pattern") from None
    return Glob(anchored, spec, suffix)


# '*' a pattern may hold between two slashes. Each is a regular-expression repeat that
# backtracks over a name it fails on: with k of them a name of n characters takes about
# n^(k-1) steps (a 200-character name: 0.002 s with 3, 4 s with 5, minutes with 6).
MAX_STARS = 3
# The '*' after the first of each part, in all: a part that fails sends the matcher back into
# every way the parts before it matched, so the steps multiply across parts (n^(sum of k-1)):
# "*a*a*a/*a*a*a/*a*a*ab" took 38 s on three names of 40 characters.
MAX_EXTRA = 2


def too_many_stars(pattern: str) -> bool:
    """Whether a part of ``pattern`` between slashes (``**`` aside) holds more than
    ``MAX_STARS`` '*', or its parts hold more than ``MAX_EXTRA`` beyond the first of each."""
    counts = [part.count("*") for part in pattern.split("/") if part != "**"]
    return max(counts, default=0) > MAX_STARS or sum(max(0, k - 1) for k in counts) > MAX_EXTRA


def matches(
    patterns: Iterable[str], path: str, root: Path | None, *, folders: bool = False
) -> bool:
    """Whether ``path`` matches one of ``patterns``; with ``folders``, or a folder it is in
    (below ``root``).

    A pattern without a slash matches a name; one with a slash matches the path from ``root``
    (the current folder when None), so it never matches a path outside ``root``.
    """
    full = os.path.abspath(path)
    rel = relative(full, root)
    parts = None if rel is None else rel.replace(os.sep, "/").split("/")
    for pattern in patterns:
        compiled = glob(pattern)
        if compiled.anchored:
            if parts is None:
                continue
            prefixes = range(1, len(parts) + 1) if folders else (len(parts),)
            if any(compiled.match("/".join(parts[:i])) for i in prefixes):
                return True
        else:
            names = parts if folders and parts is not None else [os.path.basename(full)]
            if any(compiled.match(name) for name in names):
                return True
    return False


def relative(path: str | Path, base: str | Path | None = None) -> str | None:
    """``path`` relative to ``base`` (the current folder by default); None when outside it."""
    try:
        rel = os.path.relpath(path, base if base is not None else os.getcwd())
    except ValueError:  # another drive
        return None
    return None if rel == os.pardir or rel.startswith(os.pardir + os.sep) else rel


def inside_cwd(path: Path) -> bool:
    return relative(path) is not None
