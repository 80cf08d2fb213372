"""Readers turn decoded source text into a :class:`~respectful_lint.model.Document`.

Readers register under the ``respectful_lint.readers`` entry-point group; each is a class with
a ``name``, the file ``extensions`` it claims and a ``read(text, path)`` method.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import entry_points
from typing import ClassVar, Protocol

from ..errors import LintError
from ..model import Document


class Reader(Protocol):
    name: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]]

    def read(self, text: str, path: str) -> Document: ...


@lru_cache(maxsize=1)
def registry() -> dict[str, type[Reader]]:
    """Reader classes by name. A broken plugin names its distribution."""
    found: dict[str, type[Reader]] = {}
    for ep in sorted(entry_points(group="respectful_lint.readers"), key=lambda e: e.name):
        try:
            found[ep.name] = ep.load()
        except Exception as exc:
            dist = ep.dist.name if ep.dist else "an unknown distribution"
            raise LintError(
                f"reader plugin '{ep.name}' from {dist} failed to load: {exc}"
            ) from None
    if not found:  # running from a source tree that was never installed
        from .markdown import MarkdownReader
        from .text import TextReader

        found = {"markdown": MarkdownReader, "text": TextReader}
    return found


def reader_for_name(name: str) -> Reader:
    readers = registry()
    if name not in readers:
        raise LintError(f"unknown input kind '{name}'; known: {', '.join(sorted(readers))}")
    return readers[name]()


def reader_for_path(path: str) -> Reader:
    """The reader that claims the file's extension; plain text otherwise."""
    lower = path.lower()
    for cls in registry().values():
        if any(lower.endswith(ext) for ext in cls.extensions):
            return cls()
    return reader_for_name("text")


def extensions() -> tuple[str, ...]:
    """Every extension some reader claims: what directory walks include."""
    return tuple(sorted({ext for cls in registry().values() for ext in cls.extensions}))
