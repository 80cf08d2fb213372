"""Errors that end a run with exit code 2 and one clear line."""

from __future__ import annotations


class LintError(Exception):
    """Base class: a usage, configuration, lexicon or I/O problem. The message is one line."""


class LexiconError(LintError):
    """A lexicon file that cannot be loaded; the message starts with ``file:line:col:``."""


class UsageError(LintError):
    """A command-line option that cannot be honoured."""


class InternalError(Exception):
    """An unexpected failure (a bug) while checking ``path``; the exception is its cause."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


class PatternTimeout(LintError):
    """A pattern rule took too long on some text."""
