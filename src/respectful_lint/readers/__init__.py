"""Readers turn source files into a :class:`~respectful_lint.model.Document`.

Readers register under the ``respectful_lint.readers`` entry-point group; each is a class with
a ``name``, the file ``extensions`` it claims and a ``read(text, path)`` method that gets the
decoded text. Two optional class attributes change that:

- ``binary = True``: the reader gets the file's bytes instead, through
  ``read_bytes(data, path)`` (a Word document is a zip archive, not text);
- ``walked = False``: directory walks leave its files out, so they are read only when named
  explicitly (JSON and YAML files are often not prose).

A reader raises :class:`~respectful_lint.errors.LintError` with a one-line message naming the
file for input it cannot read; the run reports it and goes on with the other files.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any, ClassVar, Protocol

from .. import plugins
from ..errors import LintError
from ..model import Document


class Reader(Protocol):
    name: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]]

    def read(self, text: str, path: str) -> Document: ...


class BinaryReader(Reader, Protocol):
    binary: ClassVar[bool]

    def read_bytes(self, data: bytes, path: str) -> Document: ...


def registry() -> dict[str, type[Reader]]:
    """Reader classes by name. A broken plugin names its distribution."""
    return _registry(plugins.active())


@lru_cache(maxsize=4)
def _registry(chosen: plugins.Choice) -> dict[str, type[Reader]]:
    found: dict[str, type[Reader]] = {}
    for ep in plugins.enabled("respectful_lint.readers", chosen):
        try:
            found[ep.name] = ep.load()
        except Exception as exc:
            dist = plugins.distribution(ep)
            raise LintError(
                f"reader plugin '{ep.name}' from {dist} failed to load: {exc}"
            ) from None
    if not found:  # running from a source tree that was never installed
        from .docx import DocxReader
        from .html import HtmlReader
        from .markdown import MarkdownReader
        from .structured import JsonReader, YamlReader
        from .text import TextReader

        found = {
            "docx": DocxReader,
            "html": HtmlReader,
            "json": JsonReader,
            "markdown": MarkdownReader,
            "text": TextReader,
            "yaml": YamlReader,
        }
    return found


ReaderOptions = Mapping[str, Mapping[str, Any]]
"""Keyword arguments for reader classes, by reader name (``{"html": {"data_attributes": ...}}``)."""


def reader_for_name(name: str, options: ReaderOptions | None = None) -> Reader:
    readers = registry()
    if name not in readers:
        raise LintError(f"unknown input kind '{name}'; known: {', '.join(sorted(readers))}")
    return readers[name](**(options or {}).get(name, {}))


def reader_for_path(path: str, options: ReaderOptions | None = None) -> Reader:
    """The reader that claims the file's extension; plain text otherwise."""
    lower = path.lower()
    for name, cls in registry().items():
        if any(lower.endswith(ext) for ext in cls.extensions):
            return cls(**(options or {}).get(name, {}))
    return reader_for_name("text", options)


def is_binary(reader: Reader) -> bool:
    return bool(getattr(reader, "binary", False))


def extensions() -> tuple[str, ...]:
    """Every extension a walked reader claims: what directory walks include."""
    return tuple(
        sorted(
            {
                ext
                for cls in registry().values()
                if getattr(cls, "walked", True)
                for ext in cls.extensions
            }
        )
    )
