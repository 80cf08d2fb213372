"""Where the built-in lexicons live, in a wheel and in a source checkout alike."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def builtin_lexicon_dir() -> Path:
    """The folder holding the built-in lexicons.

    A wheel ships them inside the package as ``_lexicons``; an editable install or a source
    checkout finds the top-level ``lexicons/`` folder of the project.
    """
    packaged = _PACKAGE_DIR / "_lexicons"
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent.parent / "lexicons"


def lexicon_files(folder: Path) -> list[Path]:
    """YAML files in a folder, sorted by name."""
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
