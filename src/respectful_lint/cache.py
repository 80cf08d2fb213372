"""An on-disk cache of validated lexicons, keyed by the content of every lexicon file.

Reading and validating the default lexicons takes longer than checking a typical draft, and
pre-commit starts the tool on every commit. The validated lexicons are stored in the user's
cache folder under a key made of the package version, the Python version, the state of the
package's own modules, the given options and the bytes of every lexicon file, so editing any
lexicon (or the code) makes a fresh entry at once. Lexicons are stored, and under the same
key the inflected forms made from their terms and what each pattern requires, never a draft's
text; rules and the scanner are built from them on every start.

The cache folder may be shared or writable by others, so an entry is untrusted input:

- entries are JSON of plain data (strings, numbers, lists, objects), read by msgspec's typed
  decoder straight into the lexicon model's own frozen structs: it builds only the types the
  model's annotations name, so reading an entry can never run code (unlike ``pickle``), and
  it checks every value against its field's type (a guard test's value against the type its
  test declares), so a value of the wrong type never reaches the rules;
- each entry starts with a format version and a BLAKE2b digest of its body; a truncated, damaged,
  foreign or wrongly typed entry (msgspec's ``DecodeError`` or ``ValidationError``) is
  ignored and rebuilt from the lexicon files;
- on POSIX systems an entry that is not owned by the current user, or that others may write
  to, is ignored and never overwritten in place;
- entries are written to a temporary file in the same folder and renamed over the old one
  (``os.replace``), so a reader never sees half an entry and many processes may start at
  once; temporary files that a killed process left behind are removed on a later run.

The same folder keeps compiled scanner databases, the word-class table
(:mod:`respectful_lint.wordclass`) and the index of installed entry points
(:mod:`respectful_lint.entrypoints`), each as opaque bytes behind a header line of the same
kind (see :func:`read_entry`); whoever reads them checks them again before use.

``RESPECTFUL_LINT_CACHE_DIR`` moves the cache; ``RESPECTFUL_LINT_NO_CACHE=1`` or
``--no-cache`` turns it off. Any problem reading or writing the cache falls back to loading the
lexicon files.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec
from msgspec.structs import replace

from .digest import digest as new_digest
from .digest import hexdigest
from .files import regular_bytes
from .model import Condition, Inflection, Lexicon
from .version import __version__

if TYPE_CHECKING:
    from .inflect import ExpandKey
    from .patterns import Analysis

_T = TypeVar("_T")

_FORMAT = 4  # bump when the stored types change shape
_MAGIC = b"respectful-lint-cache"
_SUFFIX = ".json"
_TMP_PREFIX = ".tmp-"
_KEEP = 16  # entries kept; older ones are removed when a new one is written
_STALE_TMP = 300.0  # seconds after which a temporary file is taken as left by a killed run
_MAX_BYTES = 64 * 1024 * 1024  # a larger entry is ignored unread


def cache_dir() -> Path | None:
    """The folder for cached lexicons, or None when caching is turned off."""
    if os.environ.get("RESPECTFUL_LINT_NO_CACHE", "") not in ("", "0"):
        return None
    chosen = os.environ.get("RESPECTFUL_LINT_CACHE_DIR")
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir("respectful-lint", appauthor=False))


def _code_stamp() -> str:
    """Size and modification time of every module of the package: an edited source tree (an
    editable install) must not reuse lexicons validated by older code of the same version."""
    package = os.path.dirname(os.path.realpath(__file__))
    parts: list[str] = []
    folders = [""]
    while folders:
        relative = folders.pop()
        with os.scandir(os.path.join(package, relative)) as entries:
            for entry in entries:
                name = os.path.join(relative, entry.name)
                if entry.is_dir(follow_symlinks=False):
                    folders.append(name)
                elif entry.name.endswith(".py"):
                    st = entry.stat()
                    parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(sorted(parts))


def cache_key(files: Sequence[Path], options: str = "") -> str | None:
    """A key for these lexicon files and options; None if a file cannot be read."""
    digest = new_digest()
    for part in (str(_FORMAT), __version__, sys.version, _code_stamp(), options):
        digest.update(part.encode() + b"\0")
    try:
        for path in files:
            digest.update(str(path).encode() + b"\0" + regular_bytes(path) + b"\0")
    except OSError:
        return None  # loading reports the problem properly
    return digest.hexdigest()


# --- encoding ----------------------------------------------------------------------------------
# The body is the JSON that msgspec makes of the lexicon structs (a struct is an array of its
# fields in order), read back with msgspec's typed decoder: every value must have its field's
# type, or the entry is refused. Two kinds of value have no fixed type: a guard's condition
# goes through hooks (each test's value is read as the type its test declares, see
# ``guards.restored``), and a plugin kind's own options are tagged (below).


def _enc_hook(value: Any) -> Any:
    if isinstance(value, Condition):
        from . import guards

        return guards.stored(value)
    raise TypeError(f"cannot store a {type(value).__name__} in the cache")


_DECODER: msgspec.json.Decoder[tuple[Lexicon, ...]] | None = None


def _decoder() -> msgspec.json.Decoder[tuple[Lexicon, ...]]:
    global _DECODER
    if _DECODER is None:
        from .guards import restored

        def dec_hook(kind: type, value: Any) -> Any:
            if kind is Condition:
                return restored(value)
            raise TypeError(f"no {kind.__name__} in a cache entry")

        _DECODER = msgspec.json.Decoder(tuple[Lexicon, ...], dec_hook=dec_hook)
    return _DECODER


# A plugin kind's options are plain data of any shape. Stored as they are, a tuple would come
# back as a list, so each option's value is tagged: a JSON scalar, or a list whose first item
# says what it is: "t" tuple, "l" list, "f" frozenset, "d" dict (keys and values alternate).


def _tag(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, tuple):
        return ["t", *(_tag(v) for v in value)]
    if isinstance(value, list):
        return ["l", *(_tag(v) for v in value)]
    if isinstance(value, frozenset):
        return ["f", *sorted((_tag(v) for v in value), key=repr)]
    if isinstance(value, dict):
        out: list[Any] = ["d"]
        for k, v in value.items():
            out += [_tag(k), _tag(v)]
        return out
    raise TypeError(f"cannot store a {type(value).__name__} in the cache")


def _untag(value: Any) -> Any:
    if type(value) is not list:
        return value
    if not value or type(value[0]) is not str:
        raise ValueError("untagged list")
    tag = value[0]
    items = [_untag(v) for v in value[1:]]
    if tag == "t":
        return tuple(items)
    if tag == "l":
        return items
    if tag == "f":
        return frozenset(items)
    if tag == "d" and not len(items) % 2:
        return dict(zip(items[::2], items[1::2], strict=True))
    raise ValueError(f"unknown tag {tag!r}")


def _with_options(lexicons: Sequence[Lexicon], change: Callable[[Any], Any]) -> tuple[Lexicon, ...]:
    """The lexicons with ``change`` applied to the value of every option of their entries."""
    out: list[Lexicon] = []
    for lex in lexicons:
        if any(e.options for e in lex.entries):
            entries = tuple(
                replace(e, options=tuple((k, change(v)) for k, v in e.options)) if e.options else e
                for e in lex.entries
            )
            lex = replace(lex, entries=entries)
        out.append(lex)
    return tuple(out)


def dumps(lexicons: Sequence[Lexicon]) -> bytes:
    """An entry: a header line (magic, format, digest of the body) and a JSON body."""
    data = msgspec.json.encode(_with_options(lexicons, _tag), enc_hook=_enc_hook)
    header = b"%s %d %s\n" % (_MAGIC, _FORMAT, hexdigest(data).encode())
    return header + data


def loads(raw: bytes) -> tuple[Lexicon, ...] | None:
    """The lexicons of an entry, or None for anything but an intact entry of this format."""
    header, _, data = raw.partition(b"\n")
    parts = header.split(b" ")
    if len(parts) != 3 or parts[0] != _MAGIC or parts[1] != str(_FORMAT).encode():
        return None
    if hexdigest(data).encode() != parts[2]:
        return None
    try:
        return _with_options(_decoder().decode(data), _untag)
    except (msgspec.DecodeError, ValueError, TypeError, RecursionError):
        return None  # msgspec.ValidationError is a DecodeError: a value of the wrong type


# --- files -------------------------------------------------------------------------------------


def _trusted(st: os.stat_result) -> bool:
    """Whether a cache file could only have been written by the current user (POSIX)."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # Windows: the folder is in the user's own profile
        return True
    return st.st_uid == getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _clean_temporaries(folder: Path) -> None:
    """Remove temporary files that a run killed while writing left behind."""
    cutoff = time.time() - _STALE_TMP
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if not entry.name.startswith(_TMP_PREFIX):
                    continue
                try:
                    st = entry.stat(follow_symlinks=False)
                    if st.st_mtime < cutoff and _trusted(st):
                        os.unlink(entry.path)
                except OSError:
                    continue
    except OSError:
        return


def load(key: str) -> tuple[Lexicon, ...] | None:
    """The lexicons stored under ``key``, or None (missing, damaged, foreign or untrusted)."""
    raw = _read(f"{key}{_SUFFIX}")
    return None if raw is None else loads(raw)


def _read(name: str) -> bytes | None:
    """The bytes of a trusted regular file in the cache folder, or None."""
    folder = cache_dir()
    if folder is None:
        return None
    _clean_temporaries(folder)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(folder / name, flags)
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode) or st.st_size > _MAX_BYTES or not _trusted(st):
                return None
            return fh.read(_MAX_BYTES + 1)
    except OSError:
        return None


def store(key: str, lexicons: Sequence[Lexicon]) -> None:
    """Write atomically; a cache that cannot be written is skipped silently."""
    try:
        data = dumps(lexicons)
    except (TypeError, ValueError, RecursionError):
        return
    _write(f"{key}{_SUFFIX}", data, _SUFFIX)


def _write(name: str, data: bytes, suffix: str) -> None:
    folder = cache_dir()
    if folder is None:
        return
    import tempfile  # imported here: a run that finds its entry writes nothing

    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=_TMP_PREFIX, suffix=suffix)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, folder / name)
        except BaseException:
            os.unlink(tmp)
            raise
        _evict(folder, suffix)
    except OSError:
        return


# --- compiled scanner databases ----------------------------------------------------------------
# A scanner that compiles its terms into native form (Hyperscan) stores the result here as
# opaque bytes: a header line (magic, format, digest of the body) and the body. The key is
# made by the scanner from everything that goes into the compilation. What comes back is only
# as good as the checksum and the file's owner say; the scanner checks it again before use.

_BLOB_MAGIC = b"respectful-lint-blob"
_BLOB_SUFFIX = ".bin"


def load_blob(key: str) -> bytes | None:
    """The bytes stored under ``key`` by :func:`store_blob`, or None."""
    return read_entry(f"{key}{_BLOB_SUFFIX}", _BLOB_MAGIC, _FORMAT)


def store_blob(key: str, data: bytes) -> None:
    """Store ``data`` under ``key``, atomically; skipped silently when that fails."""
    write_entry(f"{key}{_BLOB_SUFFIX}", data, _BLOB_MAGIC, _FORMAT, _BLOB_SUFFIX)


def _load_typed(name: str, kind: type[_T]) -> _T | None:
    """The blob ``name`` read by msgspec's typed decoder as ``kind``, or None when it is
    missing or holds anything else."""
    data = load_blob(name)
    if data is None:
        return None
    try:
        return msgspec.json.decode(data, type=kind)
    except (msgspec.DecodeError, RecursionError):
        return None  # msgspec.ValidationError is a DecodeError: a value of the wrong type


# --- inflections -------------------------------------------------------------------------------
# The forms made from terms (see :func:`respectful_lint.inflect.expand`), kept under the key of
# the lexicons they were made for: a start reads them instead of making them again. Each
# expansion is stored as what it was made from and its forms in order, in runs of forms made
# the same way (base term, plural, possessive), and read back with msgspec's typed decoder.

_Run = tuple[str, bool, bool, tuple[str, ...]]
_Expansions = list[
    tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], bool, bool, tuple[_Run, ...]]
]


def store_inflections(key: str, made: dict[ExpandKey, dict[str, Inflection]]) -> None:
    """Store the expansions made for the lexicons under ``key``; skipped silently on failure."""
    rows: list[list[Any]] = []
    for (terms, listed, plurals, plural, possessive), forms in made.items():
        runs: list[tuple[str, bool, bool, list[str]]] = []
        for form, how in forms.items():
            if not runs or runs[-1][:3] != (how.base, how.plural, how.possessive):
                runs.append((how.base, how.plural, how.possessive, []))
            runs[-1][3].append(form)
        rows.append([terms, listed, sorted(plurals), plural, possessive, runs])
    store_blob(f"inflections-{key}", msgspec.json.encode(rows))


def load_inflections(key: str) -> dict[ExpandKey, dict[str, Inflection]] | None:
    """The expansions stored under ``key`` by :func:`store_inflections`, or None."""
    rows = _load_typed(f"inflections-{key}", _Expansions)
    if rows is None:
        return None
    made: dict[ExpandKey, dict[str, Inflection]] = {}
    for terms, listed, plurals, plural, possessive, runs in rows:
        forms: dict[str, Inflection] = {}
        for base, is_plural, is_possessive, names in runs:
            how = Inflection(base, is_plural, is_possessive)
            for name in names:
                forms.setdefault(name, how)
        made[(terms, listed, frozenset(plurals), plural, possessive)] = forms
    return made


# --- pattern analyses ---------------------------------------------------------------------------
# What the analyses of each pattern found (see :func:`respectful_lint.patterns.analysis`), kept
# under the key of the lexicons they were made for, as the inflections are.

_Analyses = list[
    tuple[str, tuple[str, ...] | None, tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]
]


def store_analyses(key: str, made: dict[str, Analysis]) -> None:
    """Store the pattern analyses made for the lexicons under ``key``; skipped on failure."""
    rows = [
        (source, literals, [sorted(s) for s in sets], [sorted(s) for s in context])
        for source, (literals, sets, context) in made.items()
    ]
    store_blob(f"patterns-{key}", msgspec.json.encode(rows))


def load_analyses(key: str) -> dict[str, Analysis] | None:
    """The pattern analyses stored under ``key`` by :func:`store_analyses`, or None."""
    rows = _load_typed(f"patterns-{key}", _Analyses)
    if rows is None:
        return None
    return {
        source: (
            literals,
            tuple(frozenset(s) for s in sets),
            tuple(frozenset(s) for s in context),
        )
        for source, literals, sets, context in rows
    }


def read_entry(name: str, magic: bytes, version: int) -> bytes | None:
    """The body of the file ``name`` written by :func:`write_entry` with this magic and
    version, or None (missing, damaged, foreign or untrusted)."""
    raw = _read(name)
    if raw is None:
        return None
    header, _, data = raw.partition(b"\n")
    parts = header.split(b" ")
    if len(parts) != 3 or parts[0] != magic or parts[1] != str(version).encode():
        return None
    if hexdigest(data).encode() != parts[2]:
        return None
    return data


def write_entry(name: str, data: bytes, magic: bytes, version: int, suffix: str) -> None:
    """Store ``data`` as the file ``name`` behind a header line (magic, version, digest),
    atomically; the newest entries with ``suffix`` are kept. Skipped silently on failure."""
    header = b"%s %d %s\n" % (magic, version, hexdigest(data).encode())
    _write(name, header + data, suffix)


def _evict(folder: Path, suffix: str = _SUFFIX) -> None:
    """Keep the newest ``_KEEP`` entries; another process may be removing them too."""
    dated: list[tuple[float, Path]] = []
    for path in folder.glob(f"*{suffix}"):
        if path.name.startswith(_TMP_PREFIX):
            continue
        try:
            dated.append((path.stat().st_mtime, path))
        except OSError:
            continue
    dated.sort(reverse=True)
    for _, old in dated[_KEEP:]:
        old.unlink(missing_ok=True)
