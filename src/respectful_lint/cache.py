"""An on-disk cache of compiled lexicons, keyed by the content of every lexicon file.

Reading, validating and compiling the default lexicons takes longer than checking a typical
draft, and pre-commit starts the tool on every commit. The compiled result is stored in the
user's cache folder under a key made of the package version, the Python version, the state of
the package's own modules, the options that shape the compiled rules and the bytes of every
lexicon file, so editing any lexicon (or the code) makes a fresh entry at once. Only compiled
lexicons are stored, never a draft's text.

``RESPECTFUL_LINT_CACHE_DIR`` moves the cache; ``RESPECTFUL_LINT_NO_CACHE=1`` or
``--no-cache`` turns it off. Any problem reading or writing the cache falls back to compiling.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .lexicon.compile import CompiledLexicon

_FORMAT = 1  # bump when the pickled types change shape
_KEEP = 16  # cached lexicons kept; older ones are removed when a new one is written


def cache_dir() -> Path | None:
    """The folder for cached lexicons, or None when caching is turned off."""
    if os.environ.get("RESPECTFUL_LINT_NO_CACHE", "") not in ("", "0"):
        return None
    chosen = os.environ.get("RESPECTFUL_LINT_CACHE_DIR")
    if chosen:
        return Path(chosen)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "respectful-lint" / "Cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "respectful-lint"


def _code_stamp() -> str:
    """Size and modification time of every module of the package: an edited source tree (an
    editable install) must not reuse lexicons compiled by older code of the same version."""
    package = Path(__file__).resolve().parent
    parts = []
    for path in sorted(package.rglob("*.py")):
        st = path.stat()
        parts.append(f"{path.relative_to(package)}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(parts)


def cache_key(files: Sequence[Path], options: str) -> str | None:
    """A key for these lexicon files and options; None if a file cannot be read."""
    digest = hashlib.sha256()
    for part in (str(_FORMAT), __version__, sys.version, _code_stamp(), options):
        digest.update(part.encode() + b"\0")
    try:
        for path in files:
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None  # compiling reports the problem properly
    return digest.hexdigest()


def load(key: str) -> CompiledLexicon | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / f"{key}.pickle", "rb") as fh:
            value = pickle.load(fh)
    except Exception:  # missing, unreadable, truncated or from another version: compile
        return None
    return value if isinstance(value, CompiledLexicon) else None


def store(key: str, value: CompiledLexicon) -> None:
    """Write atomically; a cache that cannot be written is skipped silently."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, folder / f"{key}.pickle")
        except BaseException:
            os.unlink(tmp)
            raise
        entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[_KEEP:]:
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        return
