"""Finding a configuration file, reading it, and layering the files it extends.

A configuration is ``.respectful-lint.yaml`` (or ``.yml``), or the ``[tool.respectful-lint]``
table of ``pyproject.toml``. Its ``extends`` list names built-in presets
(``respectful-lint:strict``), presets that plugins ship (``PACK:NAME``) and other
configuration files; they are applied in order and the file's own settings come last, so later
settings win.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from msgspec.structs import replace

from ..errors import byte_place
from ..files import regular_bytes
from ..lazyre import lazy_compile
from ..validation import close_match
from .check import Checker
from .globs import relative
from .model import Config, ConfigError, KeyPath, Origin, Where
from .tomlfile import parse_toml, toml_positions

CONFIG_FILES = (".respectful-lint.yaml", ".respectful-lint.yml")
PYPROJECT = "pyproject.toml"
TABLE = ("tool", "respectful-lint")
CORE_PRESETS = "respectful-lint"
PRESETS_DIR = Path(__file__).resolve().parent / "presets"
MAX_DEPTH = 16  # files extending files

# --- discovery ---------------------------------------------------------------------------------

_MENTIONS_TABLE = re.compile(rb"""tool\s*\.\s*["']?respectful-lint|^\s*\[\s*tool\s*\]""", re.M)


def find_config(start: Path | None = None) -> Path | None:
    """The configuration file for ``start`` (the current folder by default), or None.

    Each folder from ``start`` up to the root is tried in turn: ``.respectful-lint.yaml``,
    ``.respectful-lint.yml``, then ``pyproject.toml`` if it has a ``[tool.respectful-lint]``
    table.
    """
    folder = Path(os.path.abspath(start if start is not None else os.getcwd()))
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file():
                return path
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


def _has_table(path: Path) -> bool:
    name = _display(path)
    data = _read(path, name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # (PowerShell 5 writes UTF-16): a table there is refused, not passed over
        mentions = _MENTIONS_TABLE.search(data.decode("utf-16", "replace").encode())
        if mentions:
            raise ConfigError(f"{name}: configuration is not UTF-8 (it is UTF-16)")
    if not _MENTIONS_TABLE.search(data):
        return False  # no need to parse: the table is not there
    doc = parse_toml(_decode(data, name), name)
    return _table(doc, TABLE) is not None


def discover_config(start: Path | None = None) -> Config:
    """The configuration found from ``start`` upwards, or an empty one."""
    found = find_config(start)
    if found is None:
        return Config()
    return load_config(found, display=_display(found))


def _display(path: Path) -> str:
    """A path as messages show it: relative to the current folder when inside it."""
    rel = relative(path)
    return str(path) if rel is None else rel


# --- loading -----------------------------------------------------------------------------------


def load_config(path: str | Path, *, display: str | None = None) -> Config:
    """Read and check one configuration file, and every file and preset it extends.

    Raises :class:`ConfigError` for a missing or unreadable file, bad syntax, an unknown key, a
    value of the wrong type or an unknown value, naming ``file:line:col`` and the key.
    """
    path = Path(path)
    return _load(path, display if display is not None else str(path), ())


def _load(path: Path, name: str, stack: tuple[Path, ...]) -> Config:
    data, where = _read_data(path, name)
    root = Path(os.path.abspath(path)).parent
    checker = Checker(name, root, where)
    references = checker.extends(data)
    own = checker.config(data)
    if not references:
        return own
    stack = (*stack, Path(os.path.abspath(path)))
    merged = Config()
    for i, reference in enumerate(references):
        base = _extended(reference, checker, ("extends", i), stack)
        merged = layered(merged, base)
    result = layered(merged, own)
    return replace(result, extends=references)


def _read_data(path: Path, name: str) -> tuple[Any, Where]:
    """The data of a YAML or TOML configuration file, and where each key is in it."""
    text = _decode(_read(path, name), name)
    if path.suffix.lower() == ".toml":
        doc = parse_toml(text, name)
        prefix: tuple[str, ...] = ()
        data: Any = doc
        if path.name.lower() == PYPROJECT:
            prefix = TABLE
            data = _table(doc, TABLE)
            if data is None:
                raise ConfigError(f"{name}:1:1: no [tool.respectful-lint] table")
        return data, toml_positions(text, prefix)
    from ..errors import LexiconError
    from ..lexicon.yamlload import load_yaml

    try:
        located = load_yaml(text, name)
    except LexiconError as exc:
        raise ConfigError(str(exc)) from None

    def where(key_path: KeyPath, key: bool) -> tuple[int, int]:
        return located.where(key_path, key=key)

    return ({} if located.data is None else located.data), where


def _extended(reference: str, checker: Checker, at: KeyPath, stack: tuple[Path, ...]) -> Config:
    """The configuration an ``extends`` item names, with everything it extends in turn."""
    origin = Origin(checker.name, checker.where)
    preset = _preset_reference(reference, checker.root)
    dist = None
    if preset is not None:
        pack, name = preset
        path, dist = _preset_file(pack, name, origin, at)
    else:
        path = checker.root / os.path.expanduser(reference)
        if not path.is_file():
            raise origin.error(at, f"extends: no such configuration file: {reference}")
    if Path(os.path.abspath(path)) in stack:
        raise origin.error(at, f"extends: '{reference}' extends this file again (a cycle)")
    if len(stack) >= MAX_DEPTH:
        raise origin.error(at, f"extends: more than {MAX_DEPTH} files extend each other")
    config = _load(path, _display(path), stack)
    if dist is not None:
        found = (*config.plugin_presets, (reference, dist, at, origin))
        config = replace(config, plugin_presets=found)
    return config


_DRIVE = lazy_compile(r"^[A-Za-z]:[\\/]")


def _preset_reference(reference: str, root: Path) -> tuple[str, str] | None:
    """(pack, name) of a preset reference such as ``respectful-lint:strict``; None for a path."""
    pack, sep, name = reference.partition(":")
    if not sep or _DRIVE.match(reference) or "/" in pack or "\\" in pack:
        return None
    if (root / reference).exists():
        return None  # a file that happens to have a colon in its name
    return pack.strip(), name.strip()


def _preset_file(pack: str, name: str, origin: Origin, at: KeyPath) -> tuple[Path, str | None]:
    """The file of preset ``name`` of ``pack``, and the plugin distribution that ships it
    (None for a built-in preset)."""
    dist: str | None = None
    if pack == CORE_PRESETS:
        folder = PRESETS_DIR
    else:
        from ..plugins import distribution, enabled

        packs = {ep.name: ep for ep in enabled("respectful_lint.presets", None)}
        if pack not in packs:
            known = sorted([CORE_PRESETS, *packs])
            close = close_match(pack, known)
            hint = f"did you mean '{close}'?" if close else "known: " + ", ".join(known)
            raise origin.error(at, f"extends: no installed plugin ships presets '{pack}' ({hint})")
        ep = packs[pack]
        dist = distribution(ep)
        try:
            folder = Path(ep.load()())
        except Exception as exc:
            raise origin.error(
                at, f"extends: the presets of plugin '{pack}' from {dist} failed to load: {exc}"
            ) from None
    names = sorted(p.stem for p in folder.glob("*.y*ml")) if folder.is_dir() else []
    for suffix in (".yaml", ".yml"):
        if name in names and (folder / f"{name}{suffix}").is_file():
            return folder / f"{name}{suffix}", dist
    close = close_match(name, names)
    hint = (
        f"did you mean '{pack}:{close}'?"
        if close
        else "known: " + ", ".join(f"{pack}:{n}" for n in names)
    )
    raise origin.error(at, f"extends: '{pack}' has no preset '{name}' ({hint})")


def builtin_presets() -> list[str]:
    """The names of the built-in presets, as ``extends`` takes them."""
    return [f"{CORE_PRESETS}:{p.stem}" for p in sorted(PRESETS_DIR.glob("*.yaml"))]


# --- layering ------------------------------------------------------------------------------------

_SIMPLE = {
    "select": "select",
    "ignore": "ignore",
    "fail-on": "fail_on",
    "min-severity": "min_severity",
    "profile": "profile",
    "default-lexicons": "default_lexicons",
    "explain": "explain",
    "include": "include",
    "exclude": "exclude",
    "html": "data_attributes",
    "plugins": "plugins",
    "report-unused-suppressions": "report_unused_suppressions",
}
_ADDED = {"lexicons": "lexicons", "allow": "allow"}  # lists that later files add to


def layered(base: Config, top: Config) -> Config:
    """``top`` applied over ``base``: each key ``top`` sets wins. ``lexicons`` and ``allow``
    add to the lists of ``base``; ``per-file-ignores`` and ``overrides`` are merged by pattern
    and by rule (an override by field)."""
    values: dict[str, Any] = {}
    sets = {key[0] for key in top.origins}
    for key, attr in _SIMPLE.items():
        if key in sets:
            values[attr] = getattr(top, attr)
    for key, attr in _ADDED.items():
        if key in sets:
            before = getattr(base, attr) or ()
            values[attr] = tuple(dict.fromkeys((*before, *getattr(top, attr))))
    if "per-file-ignores" in sets:
        replaced = {p for p, _ in (*top.per_file_ignores, *top.per_file_allow)}
        replaced |= {k[1] for k in top.origins if k[0] == "per-file-ignores" and len(k) > 1}
        for attr in ("per_file_ignores", "per_file_allow"):
            kept = tuple((p, v) for p, v in getattr(base, attr) if p not in replaced)
            values[attr] = kept + getattr(top, attr)
    if "overrides" in sets:
        by_rule = {o.rule: o for o in base.overrides}
        for override in top.overrides:
            earlier = by_rule.get(override.rule)
            by_rule[override.rule] = override if earlier is None else earlier.layered(override)
        values["overrides"] = tuple(by_rule.values())
    origins = dict(base.origins) | dict(top.origins)
    return replace(
        base,
        **values,
        path=top.path,
        root=top.root,
        where=top.where,
        extends=top.extends,
        plugin_presets=(*base.plugin_presets, *top.plugin_presets),
        origins=origins,
    )


def _read(path: Path, name: str) -> bytes:
    try:
        return regular_bytes(path)
    except FileNotFoundError:
        raise ConfigError(f"{name}: no such configuration file") from None
    except IsADirectoryError:
        raise ConfigError(f"{name}: is a folder, not a configuration file") from None
    except OSError as exc:
        raise ConfigError(f"{name}: cannot read configuration: {exc.strerror or exc}") from None


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        where = byte_place(data, exc.start)
        raise ConfigError(f"{name}:{where}: configuration is not UTF-8 ({exc.reason})") from None


def _table(doc: Mapping[str, Any], keys: Sequence[str]) -> Any:
    value: Any = doc
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value
