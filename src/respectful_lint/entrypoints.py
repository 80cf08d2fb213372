"""An index of respectful-lint's entry points, kept in the on-disk cache between runs.

Finding the installed entry points with :mod:`importlib.metadata` imports a good part of the
standard library (``email``, ``zipfile``, ``csv``) and reads the metadata of every installed
distribution; that takes longer than checking a short draft. The entry points of
respectful-lint's own groups are therefore stored in the cache folder (see
:mod:`respectful_lint.cache`) under a key made of everything the scan depends on: the Python
version, ``sys.path``, and for each ``*.dist-info`` or ``*.egg-info`` folder on it, the size and
modification time of its ``entry_points.txt`` and metadata file. Installing, removing or
editing a distribution, or changing the path, makes a new key, and the next run scans again.

An index names code to import, so it is not taken on trust, even after the cache's checksum
and ownership checks: every entry point it lists must be found, with the same group, name and
value, in the ``entry_points.txt`` of the distribution folder it names, whose metadata must
give the same distribution name; anything else (and any folder on the path that is not a plain
folder, or an extra distribution finder) means a full scan. So an index can only ever name
entry points that installed distributions declare.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Collection, Iterable, Iterator
from functools import reduce
from typing import Any

from . import cache
from .digest import digest as new_digest
from .lazyre import lazy_compile

_MAGIC = b"respectful-lint-entry-points"
_FORMAT = 1
_SUFFIX = ".eps"
_MAX_FILE = 1024 * 1024  # a larger entry_points.txt or metadata file is not read
_INFO = (".dist-info", ".egg-info")

# importlib.metadata.EntryPoint's own syntax: module, optional attribute path, optional extras
_VALUE = lazy_compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


class Distribution:
    """The distribution an indexed entry point comes from (only its name is used)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


class EntryPoint:
    """An entry point from the index: what :class:`importlib.metadata.EntryPoint` offers to
    respectful-lint (``name``, ``value``, ``group``, ``dist.name`` and ``load()``)."""

    __slots__ = ("dist", "group", "name", "value")

    def __init__(self, name: str, value: str, group: str, dist: Distribution) -> None:
        self.name = name
        self.value = value
        self.group = group
        self.dist = dist

    def load(self) -> Any:
        """The object the entry point names, imported as importlib.metadata does it (with the
        same error for a value that is not ``module:attribute``)."""
        import importlib

        match = _VALUE.match(self.value)
        if match is None:
            raise AttributeError("'NoneType' object has no attribute 'group'")
        module = importlib.import_module(match.group("module"))
        attrs = filter(None, (match.group("attr") or "").split("."))
        return reduce(getattr, attrs, module)

    def __repr__(self) -> str:
        return f"EntryPoint(name={self.name!r}, value={self.value!r}, group={self.group!r})"


class Index:
    """Entry points by group, selected as :func:`importlib.metadata.entry_points` selects."""

    def __init__(self, entries: Iterable[EntryPoint]) -> None:
        self.entries = tuple(entries)

    def select(self, *, group: str) -> list[EntryPoint]:
        return [ep for ep in self.entries if ep.group == group]


_enabled = [True]


def use_cache(on: bool) -> None:
    """Let the index be read and written (the default), or not (``--no-cache``)."""
    _enabled[0] = on


# --- the key -----------------------------------------------------------------------------------


def _stamp(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return "-"
    return f"{st.st_size}:{st.st_mtime_ns}"


def _folders() -> Iterator[str] | None:
    """The metadata folders importlib.metadata would look at, with a stamp of each, or None
    when the scan depends on something this key cannot describe."""
    import importlib.machinery

    for finder in sys.meta_path:
        if hasattr(finder, "find_distributions") and finder is not importlib.machinery.PathFinder:
            return None
    return _walk()


def _walk() -> Iterator[str]:
    yield sys.version
    for entry in sys.path:
        where = os.path.abspath(entry or ".")
        yield "\0" + where
        try:
            with os.scandir(where) as found:
                names = sorted(e.name for e in found if e.name.lower().endswith(_INFO))
        except NotADirectoryError:
            raise _Unsupported from None  # a zip file on the path: scan it properly
        except OSError:
            continue  # missing or unreadable: importlib.metadata finds nothing there either
        for name in names:
            folder = os.path.join(where, name)
            yield f"{name}|{_stamp(os.path.join(folder, 'entry_points.txt'))}"
            yield f"|{_stamp(os.path.join(folder, _metadata_name(name)))}"


class _Unsupported(Exception):
    pass


def _metadata_name(folder: str) -> str:
    return "PKG-INFO" if folder.lower().endswith(".egg-info") else "METADATA"


def index_key(groups: Collection[str]) -> str | None:
    """The cache key of the index of ``groups`` on this path, or None if it cannot be made."""
    parts = _folders()
    if parts is None:
        return None
    digest = new_digest(f"{_FORMAT}\0{'|'.join(sorted(groups))}".encode())
    try:
        for part in parts:
            digest.update(part.encode("utf-8", "surrogatepass") + b"\n")
    except _Unsupported:
        return None
    return "entry-points-" + digest.hexdigest()


# --- reading and writing -----------------------------------------------------------------------


def entry_points(groups: Collection[str], scan: Callable[[], Any]) -> Any:
    """Every installed entry point, for selecting by group: from a verified index when the
    cache holds one for this path, else ``scan()`` (whose entry points of ``groups`` are then
    indexed for the next run)."""
    key = index_key(groups) if _enabled[0] and cache.cache_dir() is not None else None
    if key is not None:
        found = _load(key)
        if found is not None:
            return found
    everything = scan()
    if key is not None:
        _store(key, everything, groups)
    return everything


def _load(key: str) -> Index | None:
    raw = cache.read_entry(key + _SUFFIX, _MAGIC, _FORMAT)
    if raw is None:
        return None
    try:
        rows = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(rows, list):
        return None
    for row in rows:
        if not (isinstance(row, list) and len(row) == 5 and all(isinstance(v, str) for v in row)):
            return None
    if not _verified(rows):
        return None  # not what the installed distributions say: scan
    return Index(EntryPoint(n, v, g, Distribution(d)) for g, n, v, d, _ in rows)


def _read_text(path: str) -> str | None:
    try:
        with open(path, "rb") as fh:
            data = fh.read(_MAX_FILE + 1)
    except OSError:
        return None
    if len(data) > _MAX_FILE:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _declared(folder: str) -> tuple[str, set[tuple[str, str, str]]] | None:
    """The name a metadata folder gives its distribution and the entry points it declares."""
    base = os.path.basename(folder)
    if not base.lower().endswith(_INFO) or not os.path.isabs(folder):
        return None
    metadata = _read_text(os.path.join(folder, _metadata_name(base)))
    text = _read_text(os.path.join(folder, "entry_points.txt"))
    if metadata is None or text is None:
        return None
    name = None
    lines = metadata.splitlines()
    for at, line in enumerate(lines):
        if not line.strip():
            break  # the end of the headers
        if line[:5].lower() == "name:":
            if at + 1 < len(lines) and lines[at + 1][:1] in (" ", "\t"):
                return None  # a folded header: leave it to importlib.metadata
            name = line[5:].strip()
            break
    if name is None:
        return None
    try:
        return name, set(parse_entry_points(text))
    except ValueError:
        return None


def parse_entry_points(text: str) -> Iterator[tuple[str, str, str]]:
    """(group, name, value) of each entry point in an ``entry_points.txt``, read exactly as
    importlib.metadata reads it: stripped lines, ``#`` comments left out, ``[group]`` headers
    (brackets stripped), ``name = value`` pairs; a pair with no ``=`` is a ValueError."""
    group = None
    for line in map(str.strip, text.splitlines()):
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            group = line.strip("[]")
            continue
        if group is None:
            continue
        name, sep, value = line.partition("=")
        if not sep:
            raise ValueError(f"no '=' in entry point line {line!r}")
        yield group, name.strip(), value.strip()


def _store(key: str, everything: Any, groups: Collection[str]) -> None:
    rows: list[list[str]] = []
    for group in sorted(groups):
        for ep in everything.select(group=group):
            dist = ep.dist
            folder = getattr(dist, "_path", None)
            if dist is None or folder is None:
                return  # not from a metadata folder: leave this path unindexed
            rows.append([ep.group, ep.name, ep.value, dist.name, os.path.abspath(str(folder))])
    if _verified(rows):  # else every run would scan and store again
        cache.write_entry(key + _SUFFIX, json.dumps(rows).encode(), _MAGIC, _FORMAT, _SUFFIX)


def _verified(rows: list[list[str]]) -> bool:
    """Whether every row names a metadata folder right on ``sys.path`` whose distribution has
    that name and declares that entry point."""
    on_path = {os.path.abspath(entry or ".") for entry in sys.path}
    declared: dict[str, tuple[str, set[tuple[str, str, str]]] | None] = {}
    for group, name, value, dist, folder in rows:
        if os.path.dirname(folder) not in on_path:
            return False
        if folder not in declared:
            declared[folder] = _declared(folder)
        found = declared[folder]
        if found is None or found[0] != dist or (group, name, value) not in found[1]:
            return False
    return True
