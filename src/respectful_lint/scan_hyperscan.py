"""The Hyperscan scanner: the optional accelerator (``pip install "respectful-lint[fast]"``).

Hyperscan matches every term form and pattern literal in one pass over the UTF-8 bytes of the
normalized view, in native code. It reports the end of every occurrence of every literal, and
of short forms only those that no ASCII word character touches (see :data:`BOUNDED_BYTES`);
this module turns byte offsets into code points and applies the same word-boundary and
longest-form rules as :class:`~respectful_lint.scan.AutomatonScanner`, so the hits are
identical. The compiled database travels with the scanner when it is pickled (in Hyperscan's
own serialized form, which it checks on loading), and is kept in the on-disk cache between
runs (see :func:`respectful_lint.scan.databases_in`); a stored database that fails its
checksum, Hyperscan's own checks or a probe scan is compiled again, never used.

Hyperscan needs a processor it supports (SSSE3 on x86). Where it cannot compile a database,
the scanner raises :class:`~respectful_lint.scan_base.ScannerUnavailable` and the run uses the
next backend (see :func:`usable`).
"""

from __future__ import annotations

import platform
import threading
from collections.abc import Iterable
from functools import cache
from typing import Any

import hyperscan

from .digest import digest as new_digest
from .normalize import is_word
from .scan_base import Hits, Scanner, ScannerUnavailable, database_store

_VERSION = getattr(hyperscan, "__version__", "?")
# 1 for the bytes of ASCII word characters (letters, digits, underscore), which UTF-8 never
# uses inside another character's encoding
_ASCII_WORD_BYTE = bytes(
    1 if chr(b).isascii() and (chr(b).isalnum() or b == 0x5F) else 0 for b in range(256)
)


class HyperscanScanner(Scanner):
    """Every term form and pattern literal, matched by Hyperscan: literals as they are, short
    forms only where no ASCII word character touches them (see :data:`BOUNDED_BYTES`)."""

    backend = "hyperscan"

    def __init__(self, forms: Iterable[str], literals: Iterable[str]) -> None:
        super().__init__(forms, literals)
        self._compile()

    def _index(self) -> list[str]:
        """The pattern keys by id, with what each one is."""
        keys = sorted({*self.forms, *self.literals} - {""})
        form_set, literal_set = set(self.forms), set(self.literals)
        # (key, a form?, a literal?, its length in UTF-8 bytes when only a form, else -1)
        self._keys: list[tuple[str, bool, bool, int]] = [
            (
                key,
                key in form_set,
                key in literal_set,
                len(key.encode("utf-8", "surrogatepass")) if key not in literal_set else -1,
            )
            for key in keys
        ]
        # one scan at a time per database: Hyperscan's scratch space is not shared safely
        self._lock = threading.Lock()
        self._db: Any = None
        return keys

    def _compile(self) -> None:
        keys = self._index()
        if not keys:
            return
        if "\0" in "".join(keys):  # a lexicon may write one
            raise ScannerUnavailable("Hyperscan reads an expression only up to a NUL")
        literals = [key.encode("utf-8", "surrogatepass") for key in keys]
        bounded = [0 <= form_bytes <= BOUNDED_BYTES for _, _, _, form_bytes in self._keys]
        store = database_store()
        name = ""
        if store is not None:
            # named by what the expressions are made of, so that a start that finds the
            # database stored does not build them
            digest = new_digest(
                f"hyperscan {_VERSION} {platform.machine()} {_EXPRESSIONS}".encode()
            )
            joined = b"\0".join(literals)  # no key holds a NUL
            digest.update(b"%d %d " % (len(literals), len(joined)) + joined + bytes(bounded))
            name = "hyperscan-" + digest.hexdigest()
            db = _restore(store.load_blob(name), literals)
            if db is not None:
                self._db = db
                return
        try:
            db = _compiled(
                [
                    _expression(literal, bounded=bound)
                    for literal, bound in zip(literals, bounded, strict=True)
                ]
            )
        except hyperscan.error as exc:
            raise ScannerUnavailable(f"Hyperscan cannot compile here: {exc}") from None
        self._db = db
        if store is not None:
            store.store_blob(name, hyperscan.dumpb(db))

    def scan(self, norm: str) -> Hits:
        literals: dict[str, list[int]] = {}
        if self._db is None:
            return Hits([], literals)
        data = norm.encode("utf-8", "surrogatepass")  # text may hold lone surrogates
        ends: list[tuple[int, int]] = []

        def on_match(pattern: int, start: int, end: int, flags: int, context: object) -> None:
            ends.append((end, pattern))

        with self._lock:
            self._db.scan(data, match_event_handler=on_match)
        ascii = len(data) == len(norm)
        last_byte = last_char = 0  # code points are counted from the previous hit on
        keys = self._keys
        size = len(norm)
        longest: dict[int, int] = {}
        glued = _ASCII_WORD_BYTE
        size_bytes = len(data)
        for byte_end, pattern in sorted(ends):
            key, is_form, is_literal, form_bytes = keys[pattern]
            if form_bytes >= 0 and (
                (byte_end < size_bytes and glued[data[byte_end]])
                or (byte_end > form_bytes and glued[data[byte_end - form_bytes - 1]])
            ):
                continue  # a form inside a longer word ("ho" in "how"): an ASCII letter,
                # digit or underscore touches it, so no code points need counting
            if ascii:
                end = byte_end
            else:
                last_char += len(data[last_byte:byte_end].decode("utf-8", "surrogatepass"))
                last_byte = byte_end
                end = last_char
            start = end - len(key)
            if (
                is_form
                and (start == 0 or not is_word(norm[start - 1]))
                and (end == size or not is_word(norm[end]))
                and longest.get(start, 0) < end
            ):
                longest[start] = end
            if is_literal:
                literals.setdefault(key, []).append(start)
        for starts in literals.values():
            starts.sort()
        return Hits(sorted(longest.items()), literals)

    def __getstate__(self) -> tuple[tuple[str, ...], tuple[str, ...], bytes | None]:
        return self.forms, self.literals, None if self._db is None else hyperscan.dumpb(self._db)

    def __setstate__(self, state: tuple[tuple[str, ...], tuple[str, ...], bytes | None]) -> None:
        self.forms, self.literals, serialized = state
        if serialized is None:
            self._compile()
            return
        self._index()
        db = hyperscan.loadb(serialized, mode=hyperscan.HS_MODE_BLOCK)
        db.scratch = hyperscan.Scratch(db)
        self._db = db


# A form of at most this many bytes is matched only where no ASCII word character touches it.
# Short forms stand inside many longer words ("ho" in "how", "std" in "stdout"): in a tree of
# documentation most of their occurrences were such, each one a call into Python to be turned
# down. Bounding every form would make the database slow to compile (seconds, not a tenth).
BOUNDED_BYTES = 8
# The version of :func:`_expression`'s output, part of a stored database's name: change it
# whenever the expression made of a key and its bounding changes.
_EXPRESSIONS = 2


def _expression(literal: bytes, *, bounded: bool) -> bytes:
    """The Hyperscan expression for one key, given as its bytes: those bytes with every ASCII
    character other than a letter or digit escaped, and, when ``bounded``, a word boundary on
    each side that starts or ends with an ASCII word character. Outside UTF-8 mode a byte of a
    multi-byte character is no word character, so the boundary means what the check in
    :meth:`scan` means: no ASCII letter, digit or underscore next to it."""
    out = bytearray()
    for byte in literal:
        if byte < 0x80 and not (
            0x30 <= byte <= 0x39 or 0x41 <= byte <= 0x5A or 0x61 <= byte <= 0x7A
        ):
            out.append(0x5C)  # a backslash: the character stands for itself
        out.append(byte)
    if bounded and _ASCII_WORD_BYTE[literal[0]]:
        out[:0] = rb"\b"
    if bounded and _ASCII_WORD_BYTE[literal[-1]]:
        out += rb"\b"
    return bytes(out)


def _compiled(expressions: list[bytes]) -> Any:
    """A block-mode database of ``expressions`` (see :func:`_expression`); each one's id is its
    index."""
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    db.compile(
        expressions=expressions,
        ids=list(range(len(expressions))),
        elements=len(expressions),
        flags=[0] * len(expressions),
    )
    return db


@cache
def usable() -> bool:
    """Whether Hyperscan compiles a database on this machine (a processor it does not support
    makes it refuse). One tiny compile, done once per process."""
    try:
        _compiled([b"probe"])
    except hyperscan.error:
        return False
    return True


_PROBES = 64  # stored expressions checked by a scan before a stored database is used


def _restore(blob: bytes | None, keys: list[bytes]) -> Any:
    """A database deserialized from ``blob`` that finds a sample of ``keys`` (each key's bytes)
    where they are, or None. Hyperscan checks the serialized form's own header and
    checksum; the sample catches a database compiled from other terms. The keys are joined with
    NULs, which no word boundary of a key minds."""
    if blob is None:
        return None
    try:
        db = hyperscan.loadb(blob, mode=hyperscan.HS_MODE_BLOCK)
        db.scratch = hyperscan.Scratch(db)
        step = max(1, len(keys) // _PROBES)
        sample = [*range(0, len(keys), step)][:_PROBES]
        sample.append(len(keys) - 1)
        probe = b"\0".join(keys[i] for i in sample)
        expected: set[tuple[int, int]] = set()
        at = 0
        for i in sample:
            at += len(keys[i])
            expected.add((i, at))
            at += 1
        found: set[tuple[int, int]] = set()

        def on_match(pattern: int, start: int, end: int, flags: int, context: object) -> None:
            found.add((pattern, end))

        db.scan(probe, match_event_handler=on_match)
    except Exception:  # any damage: compile again
        return None
    if not expected <= found:
        return None
    for pattern, end in found:
        if not 0 <= pattern < len(keys):
            return None
        key = keys[pattern]
        if probe[end - len(key) : end] != key:
            return None
    return db
