"""Loading, validating and compiling lexicons."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import Path

from ..errors import LexiconError
from ..model import Lexicon
from .compile import CompiledLexicon, build_rules, compile_lexicons, compile_rules
from .files import builtin_lexicon_dir, lexicon_files

__all__ = [
    "CompiledLexicon",
    "build_rules",
    "builtin_lexicon_dir",
    "cached_lexicons",
    "compile_lexicons",
    "compile_rules",
    "default_lexicon_paths",
    "lexicon_paths",
    "load_compiled",
    "load_lexicon_file",
    "load_lexicons",
]


def load_lexicon_file(path: Path) -> Lexicon:
    """Read and validate one lexicon file; errors name ``file:line:col``."""
    # imported here: a run that finds its lexicons in the cache needs neither
    from .validate import validate
    from .yamlload import load_yaml

    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise LexiconError(f"{path}: no such lexicon file") from None
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: lexicon is not UTF-8 ({exc.reason})") from None
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read lexicon: {exc.strerror}") from None
    doc = load_yaml(text, str(path))
    if doc.data is None:
        raise LexiconError(f"{path}:1:1: the lexicon file is empty")
    return validate(doc)


def _expand(path: Path) -> list[Path]:
    if path.is_dir():
        files = lexicon_files(path)
        if not files:
            raise LexiconError(f"{path}: folder holds no .yaml or .yml lexicon files")
        return files
    if not path.exists():
        raise LexiconError(f"{path}: no such lexicon file or folder")
    return [path]


def default_lexicon_paths() -> list[Path]:
    """Lexicon files registered under the ``respectful_lint.lexicons`` entry-point group.

    Each entry point names a callable returning a folder or a file (or a list of them).
    """
    paths: list[Path] = []
    eps = sorted(entry_points(group="respectful_lint.lexicons"), key=lambda e: e.name)
    if not any(ep.name == "builtin" for ep in eps):  # running from a source tree
        paths.extend(_expand(builtin_lexicon_dir()))
    for ep in eps:
        try:
            provided = ep.load()()
        except Exception as exc:
            dist = ep.dist.name if ep.dist else "an unknown distribution"
            raise LexiconError(
                f"lexicon plugin '{ep.name}' from {dist} failed to load: {exc}"
            ) from None
        items = provided if isinstance(provided, list | tuple) else [provided]
        for item in items:
            paths.extend(_expand(Path(item)))
    return paths


def lexicon_paths(extra: Iterable[Path] = (), *, defaults: bool = True) -> list[Path]:
    """The files of the default lexicons (unless ``defaults`` is false), then ``extra``."""
    paths = default_lexicon_paths() if defaults else []
    for p in extra:
        paths.extend(_expand(Path(p)))
    return paths


def load_lexicons(extra: Iterable[Path] = (), *, defaults: bool = True) -> list[Lexicon]:
    """The default lexicons (unless ``defaults`` is false) followed by ``extra`` files/folders."""
    lexicons = [load_lexicon_file(p) for p in lexicon_paths(extra, defaults=defaults)]
    seen: dict[str, str] = {}
    for lex in lexicons:
        if lex.id in seen:
            raise LexiconError(
                f"{lex.path}:1:1: lexicon id '{lex.id}' is already used by {seen[lex.id]}"
            )
        seen[lex.id] = lex.path
    return lexicons


@lru_cache(maxsize=8)
def _loaded(extra: tuple[str, ...], defaults: bool) -> tuple[Lexicon, ...]:
    return tuple(load_lexicons([Path(p) for p in extra], defaults=defaults))


def cached_lexicons(
    extra: Sequence[str | Path] = (), *, defaults: bool = True
) -> tuple[Lexicon, ...]:
    """Load lexicons once per process for a given set of paths."""
    return _loaded(tuple(str(p) for p in extra), defaults)


def load_compiled(extra: Sequence[str | Path] = (), *, defaults: bool = True) -> CompiledLexicon:
    """Load and compile every rule of the default lexicons and ``extra``."""
    return _compiled(tuple(str(p) for p in extra), defaults)


@lru_cache(maxsize=8)
def _compiled(extra: tuple[str, ...], defaults: bool) -> CompiledLexicon:
    return compile_lexicons(cached_lexicons(extra, defaults=defaults))
