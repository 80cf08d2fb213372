"""Readers turn source files into a :class:`~respectful_lint.model.Document`.

Readers register under the ``respectful_lint.readers`` entry-point group; each is a class with
a ``name``, the file ``extensions`` it claims and a ``read(text, path)`` method that gets the
decoded text. Three optional class attributes change that:

- ``binary = True``: the reader gets the file's bytes instead, through
  ``read_bytes(data, path)`` (a Word document is a zip archive, not text);
- ``walked = False``: directory walks leave its files out, so they are read only when named
  explicitly (JSON and YAML files are often not prose);
- ``prefilters = True``: a run calls ``read(text, path, prefilter=...)``, where the prefilter
  says of a list of texts which may give a finding; the reader may leave the others out of
  the document, and save the work of reading them exactly (see
  :func:`respectful_lint.reading.read_document`).

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

GROUP = "respectful_lint.readers"


class Reader(Protocol):
    name: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]]

    def read(self, text: str, path: str) -> Document: ...


class BinaryReader(Reader, Protocol):
    binary: ClassVar[bool]

    def read_bytes(self, data: bytes, path: str) -> Document: ...


# What the built-in readers claim, by entry-point name: a run imports only the readers its
# files need. A test checks this table against the classes.
BUILTIN_CLAIMS: dict[str, tuple[tuple[str, ...], bool]] = {
    "docx": ((".docx",), True),
    "html": ((".html", ".htm", ".xhtml"), True),
    "json": ((".json",), False),
    "markdown": ((".md", ".markdown", ".mdown", ".mkd", ".mdx"), True),
    "rst": ((".rst", ".rest"), True),
    "text": ((".txt", ".text"), True),
    "yaml": ((".yaml", ".yml"), False),
}


class _Entry(plugins.LazyEntry["type[Reader]"]):
    """A registered reader, imported on first use (built-ins say what they claim without it)."""

    kind = "reader"

    def __init__(
        self, name: str, ep: plugins.EntryPoint | None, cls: type[Reader] | None = None
    ) -> None:
        super().__init__(name, ep, cls)
        self.claims = BUILTIN_CLAIMS[name] if self.builtin and name in BUILTIN_CLAIMS else None

    @property
    def extensions(self) -> tuple[str, ...]:
        return self.claims[0] if self.claims else tuple(self.load().extensions)

    @property
    def walked(self) -> bool:
        return self.claims[1] if self.claims else bool(getattr(self.load(), "walked", True))


def registry() -> dict[str, type[Reader]]:
    """Reader classes by name (every one imported). A broken plugin names its distribution."""
    return {name: entry.load() for name, entry in _entries().items()}


def _entries() -> dict[str, _Entry]:
    """The registered readers, each imported when first used (built-ins say what they claim
    without it)."""
    return _registry(plugins.active())


@lru_cache(maxsize=4)
def _registry(chosen: plugins.Choice) -> dict[str, _Entry]:
    return plugins.registered(GROUP, chosen, _Entry, _builtins)


def _builtins() -> dict[str, type[Reader]]:
    from .docx import DocxReader
    from .html import HtmlReader
    from .markdown import MarkdownReader
    from .rst import RstReader
    from .structured import JsonReader, YamlReader
    from .text import TextReader

    return {
        "docx": DocxReader,
        "html": HtmlReader,
        "json": JsonReader,
        "markdown": MarkdownReader,
        "rst": RstReader,
        "text": TextReader,
        "yaml": YamlReader,
    }


ReaderOptions = Mapping[str, Mapping[str, Any]]
"""Keyword arguments for reader classes, by reader name (``{"html": {"data_attributes": ...}}``)."""


def reader_for_name(name: str, options: ReaderOptions | None = None) -> Reader:
    readers = _entries()
    if name not in readers:
        raise LintError(f"unknown input kind '{name}'; known: {', '.join(sorted(readers))}")
    return readers[name].load()(**(options or {}).get(name, {}))


def reader_for_path(path: str, options: ReaderOptions | None = None) -> Reader:
    """The reader that claims the file's extension; plain text otherwise.

    A plugin reader that fails to load claims nothing; when no other reader claims the file,
    it might have been the plugin's, so that is an error naming the plugin.
    """
    lower = path.lower()
    broken: LintError | None = None
    for name, entry in _entries().items():
        try:
            claimed = entry.extensions
        except LintError as exc:
            broken = broken or exc
            continue
        if lower.endswith(claimed):
            return entry.load()(**(options or {}).get(name, {}))
    if broken is not None:
        raise LintError(f"{path}: {broken}")
    return reader_for_name("text", options)


def is_binary(reader: Reader) -> bool:
    return bool(getattr(reader, "binary", False))


def extensions(problems: list[str] | None = None) -> tuple[str, ...]:
    """Every extension a walked reader claims: what directory walks include. A plugin reader
    that fails to load claims nothing, and its error goes to ``problems`` (or is raised)."""
    found: set[str] = set()
    for entry in _entries().values():
        try:
            if entry.walked:
                found.update(entry.extensions)
        except LintError as exc:
            if problems is None:
                raise
            problems.append(str(exc))
    return tuple(sorted(found))
