"""The shapes a conflation rule can look for, in one registry.

Each module of this package declares one shape as ``SHAPE``: its docstring says what it finds,
its cues sit beside its detector, and ``tests/rules/shapes/`` holds its test. Adding a shape is
adding a module here, and its test.
"""

from __future__ import annotations

import importlib
import pkgutil

from ._shape import VOCABULARY_LEXICON, Detector, Shape

__all__ = ["SHAPES", "VOCABULARY_LEXICON", "Detector", "Shape"]


def _load() -> dict[str, Shape]:
    found: dict[str, Shape] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        shape: Shape = importlib.import_module(f"{__name__}.{info.name}").SHAPE
        if shape.name in found:
            raise RuntimeError(f"conflation shape '{shape.name}' is declared twice")
        found[shape.name] = shape
    return found


SHAPES: dict[str, Shape] = _load()
