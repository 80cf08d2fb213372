"""Reading files without blocking or reading without end: only regular files are read.

A configuration, a lexicon or a baseline named by a path may be anything the path names: a
named pipe would wait for a writer forever, and a device such as ``/dev/zero`` never ends.
Such a path is refused before anything is read from it.
"""

from __future__ import annotations

import errno
import os
import stat

_CHUNK = 1024 * 1024


def file_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


class NotRegularFile(OSError):
    """A path that names a pipe, a device or a socket; ``strerror`` says which."""


def regular_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the regular file at ``path``. A folder raises :class:`IsADirectoryError`,
    anything else that is not a regular file :class:`NotRegularFile`, before a byte is read
    (the file is opened without waiting for a pipe's writer)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        status = os.fstat(fd)
        kind = file_kind(status.st_mode)
        if kind == "a folder":
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if kind is not None:
            raise NotRegularFile(errno.EINVAL, f"{kind}, not a regular file", str(path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return read_all(fd, status.st_size)


def read_all(fd: int, size: int) -> bytes:
    """What is left to read from ``fd``, a file of ``size`` bytes when it was opened (it may
    have grown since): one read for a file that kept its size, and one more to see its end.
    The descriptor is closed."""
    parts: list[bytes] = []
    want = size + 1
    try:
        while block := os.read(fd, want):
            parts.append(block)
            want = _CHUNK
    finally:
        os.close(fd)
    return parts[0] if len(parts) == 1 else b"".join(parts)
