"""Regular expressions compiled when first used.

The package's modules hold well over a hundred expressions, and a ``check`` of one small draft
uses a tenth of them: a word's context checks, a Markdown reader's details, a conflation
shape's cues run only when the text calls for them. Compiling all of them while the modules
import took about a tenth of a run's start-up. :func:`lazy_compile` gives an object that
compiles its expression the first time one of its attributes is asked for, then keeps each
attribute asked for (``search``, ``finditer``, ``pattern`` ...) as its own, so that later calls
reach the compiled pattern's method directly, with no call in between.
"""

from __future__ import annotations

import re
from typing import Any, cast


class _Deferred:
    """Stands in for ``re.compile(source, flags)`` until it is first used."""

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        # called only for an attribute the instance does not hold yet
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
        value = getattr(compiled, name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"lazy_compile({self._source!r}, {self._flags!r})"


def lazy_compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, done the first time the result is used.

    The result offers every attribute and method of a compiled pattern. It is not one, so
    pass it to nothing that checks for one (``re.sub(result, ...)``): call its own methods.
    """
    return cast("re.Pattern[str]", _Deferred(source, flags))
