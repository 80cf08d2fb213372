"""Digests for the cache's keys, names and checksums, made without loading OpenSSL.

Importing :mod:`hashlib` loads OpenSSL's library, about 4 ms of a start that otherwise needs
no OpenSSL at all. BLAKE2b is built into CPython itself (the ``_blake2`` module that
``hashlib.blake2b`` is), as strong as SHA-256 and about as fast as OpenSSL's SHA-256 here.
Finding fingerprints stay SHA-256 (see :mod:`respectful_lint.model.finding`): baselines keep
them.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # an interpreter without CPython's built-in module
    from hashlib import blake2b

__all__ = ["digest", "hexdigest"]


def digest(data: bytes = b"") -> blake2b:
    """A 32-byte BLAKE2b hash object, fed ``data`` so far."""
    return blake2b(data, digest_size=32)


def hexdigest(data: bytes) -> str:
    """The hex digest of ``data`` alone."""
    return blake2b(data, digest_size=32).hexdigest()
