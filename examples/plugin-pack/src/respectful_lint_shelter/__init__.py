"""A shelter network's house style, shared as a respectful-lint plugin."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def lexicons() -> Path:
    """The folder of this pack's lexicons (entry point group ``respectful_lint.lexicons``)."""
    return HERE / "lexicons"


def presets() -> Path:
    """The folder of this pack's presets (group ``respectful_lint.presets``): each YAML file
    is a preset, named in ``extends`` as ``shelter:<file name>``."""
    return HERE / "presets"
