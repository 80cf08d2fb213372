"""Loading, validating and compiling lexicons."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import LexiconError, byte_place
from ..files import regular_bytes
from ..model import Lexicon
from ..plugins import CORE, Choice, distribution, enabled
from .compile import CompiledLexicon, build_rules, compile_lexicons, compile_rules
from .files import builtin_lexicon_dir, lexicon_files

if TYPE_CHECKING:
    from .yamlload import Located

__all__ = [
    "CompiledLexicon",
    "build_rules",
    "builtin_lexicon_dir",
    "cached_lexicons",
    "compile_lexicons",
    "compile_rules",
    "default_lexicon_paths",
    "lexicon_paths",
    "lexicon_sources",
    "load_compiled",
    "load_lexicon_file",
    "load_lexicons",
]


def load_lexicon_file(path: Path) -> Lexicon:
    """Read and validate one lexicon file; errors name ``file:line:col``.

    The built-in lexicons must cite sources and give examples for every entry; other lexicons
    may leave them out (``lexicon validate`` warns).
    """
    from .validate import validate  # imported here: a cached run needs no validation

    return validate(read_lexicon(path), builtin=is_builtin(path))


def read_lexicon(path: Path) -> Located:
    """One lexicon file's YAML, with the place of every key; errors name ``file:line:col``."""
    from .yamlload import load_yaml

    try:
        data = regular_bytes(path)
    except FileNotFoundError:
        raise LexiconError(f"{path}: no such lexicon file") from None
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read lexicon: {exc.strerror}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        where = byte_place(data, exc.start)
        raise LexiconError(f"{path}:{where}: lexicon is not UTF-8 ({exc.reason})") from None
    doc = load_yaml(text, str(path))
    if doc.data is None:
        raise LexiconError(f"{path}:1:1: the lexicon file is empty")
    return doc


def is_builtin(path: Path) -> bool:
    """Whether a lexicon file is one of respectful-lint's own."""
    try:
        return Path(path).resolve().parent == builtin_lexicon_dir().resolve()
    except OSError:
        return False


def _expand(path: Path) -> list[Path]:
    if path.is_dir():
        files = lexicon_files(path)
        if not files:
            raise LexiconError(f"{path}: folder holds no .yaml or .yml lexicon files")
        return files
    if not path.exists():
        raise LexiconError(f"{path}: no such lexicon file or folder")
    return [path]


def default_lexicon_paths(plugins: Choice = None) -> list[Path]:
    """Lexicon files registered under the ``respectful_lint.lexicons`` entry-point group: the
    built-ins and those of the chosen plugins (``plugins``; None for every installed one).

    Each entry point names a callable returning a folder or a file (or a list of them).
    """
    return [path for path, _ in lexicon_sources(plugins)]


def lexicon_sources(plugins: Choice = None) -> list[tuple[Path, str]]:
    """(file, distribution) of every default lexicon."""
    found: list[tuple[Path, str]] = []
    eps = enabled("respectful_lint.lexicons", plugins)
    if not any(ep.name == "builtin" for ep in eps):  # running from a source tree
        found.extend((p, CORE) for p in _expand(builtin_lexicon_dir()))
    for ep in eps:
        dist = distribution(ep)
        try:
            provided = ep.load()()
        except Exception as exc:
            raise LexiconError(
                f"lexicon plugin '{ep.name}' from {dist} failed to load: {exc}"
            ) from None
        items = provided if isinstance(provided, list | tuple) else [provided]
        for item in items:
            if not isinstance(item, str | os.PathLike):
                raise LexiconError(
                    f"lexicon plugin '{ep.name}' from {dist} gave {type(item).__name__} "
                    f"{str(item)[:40]!r}, not the path of a lexicon file or folder"
                )
            try:
                found.extend((p, dist) for p in _expand(Path(item)))
            except LexiconError as exc:
                raise LexiconError(f"lexicon plugin '{ep.name}' from {dist}: {exc}") from None
    return found


def _once(sources: list[tuple[Path, str]]) -> list[tuple[Path, str]]:
    """``sources`` without a file named again (a folder and a file in it, a configuration
    and the file it extends naming one lexicon): each file is read once."""
    seen: set[Path] = set()
    out = []
    for path, dist in sources:
        real = path.resolve()
        if real not in seen:
            seen.add(real)
            out.append((path, dist))
    return out


def lexicon_paths(
    extra: Iterable[Path] = (), *, defaults: bool = True, plugins: Choice = None
) -> list[Path]:
    """The files of the default lexicons (unless ``defaults`` is false), then ``extra``."""
    paths = default_lexicon_paths(plugins) if defaults else []
    for p in extra:
        paths.extend(_expand(Path(p)))
    return [path for path, _ in _once([(path, "") for path in paths])]


def load_lexicons(
    extra: Iterable[Path] = (), *, defaults: bool = True, plugins: Choice = None
) -> list[Lexicon]:
    """The default lexicons (unless ``defaults`` is false) followed by ``extra`` files/folders.

    Two lexicons with one id are an error that names where each came from: a plugin's lexicon
    can never silently replace a built-in one or a project's.
    """
    sources = lexicon_sources(plugins) if defaults else []
    sources = _once([*sources, *((p, "") for x in extra for p in _expand(Path(x)))])
    lexicons = [load_lexicon_file(p) for p, _ in sources]
    seen: dict[str, tuple[str, str]] = {}
    for lex, (_, dist) in zip(lexicons, sources, strict=True):
        if lex.id in seen:
            first_path, first_dist = seen[lex.id]
            raise LexiconError(_clash(lex, dist, first_path, first_dist))
        seen[lex.id] = (lex.path, dist)
    return lexicons


def _clash(lex: Lexicon, dist: str, first_path: str, first_dist: str) -> str:
    """Two lexicons with one id, each named with the distribution it came from."""

    def owner(path: str, dist: str) -> str:
        if dist == CORE:
            return f"{path} (a built-in lexicon of {CORE})"
        return f"{path} (from the plugin {dist})" if dist else path

    message = f"{lex.path}:1:1: lexicon id '{lex.id}'"
    if dist:
        message += f" of the plugin {dist}" if dist != CORE else f" of {CORE}"
    message += f" is already used by {owner(first_path, first_dist)}"
    if any(d and d != CORE for d in (dist, first_dist)):
        message += "; leave the plugin out with 'plugins:' in the configuration or --no-plugins"
    return message


@lru_cache(maxsize=8)
def _loaded(extra: tuple[str, ...], defaults: bool, plugins: Choice) -> tuple[Lexicon, ...]:
    return tuple(load_lexicons([Path(p) for p in extra], defaults=defaults, plugins=plugins))


def cached_lexicons(
    extra: Sequence[str | Path] = (), *, defaults: bool = True, plugins: Choice = None
) -> tuple[Lexicon, ...]:
    """Load lexicons once per process for a given set of paths."""
    return _loaded(tuple(str(p) for p in extra), defaults, plugins)


def load_compiled(
    extra: Sequence[str | Path] = (), *, defaults: bool = True, plugins: Choice = None
) -> CompiledLexicon:
    """Load and compile every rule of the default lexicons and ``extra``."""
    return _compiled(tuple(str(p) for p in extra), defaults, plugins)


@lru_cache(maxsize=8)
def _compiled(extra: tuple[str, ...], defaults: bool, plugins: Choice) -> CompiledLexicon:
    return compile_lexicons(cached_lexicons(extra, defaults=defaults, plugins=plugins))
