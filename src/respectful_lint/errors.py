"""Errors that end a run with exit code 2 and one clear line."""

from __future__ import annotations


class LintError(Exception):
    """Base class: a usage, configuration, lexicon or I/O problem. The message is one line."""


class LexiconError(LintError):
    """A lexicon file that cannot be loaded; the message starts with ``file:line:col:``."""


class UsageError(LintError):
    """A command-line option that cannot be honoured."""


class InternalError(Exception):
    """An unexpected failure (a bug) while checking ``path``; the exception is its cause.

    ``plugin`` names the plugin distribution whose code raised it, and ``summary`` is the
    cause's type and first line: both are worked out where it happens, since a worker
    process hands back only a copy of the traceback's text."""

    def __init__(self, path: str, plugin: str | None = None, summary: str = "") -> None:
        super().__init__(path, plugin, summary)
        self.path = path
        self.plugin = plugin
        self.summary = summary


def byte_place(data: bytes, at: int) -> str:
    """``LINE:COLUMN`` (1-based, columns in characters) of byte offset ``at`` of ``data`` (after
    a byte-order mark, as the ``utf-8-sig`` codec counts): where a file stops being UTF-8, for
    a message that names the place as every other does."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # utf-8-sig counts offsets after the byte-order mark
    start = data.rfind(b"\n", 0, at) + 1
    column = len(data[start:at].decode("utf-8", "replace")) + 1
    line = data.count(b"\n", 0, at) + 1
    return f"{line}:{column}"


class PatternTimeout(LintError):
    """A pattern rule took too long on some text."""
