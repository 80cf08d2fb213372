"""Writing report and baseline files so that nobody ever sees half of one."""

from __future__ import annotations

import contextlib
import os

from .errors import LintError


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, so a reader
    never sees half a file and a failed run leaves the old file as it was."""
    import tempfile  # imported here: most runs write no file

    if os.path.isdir(path):
        raise LintError(f"{path}: cannot write: it is a folder; name a file")
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".respectful-lint-", suffix=".tmp")
    except OSError as exc:
        raise LintError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        if os.path.exists(path):
            os.chmod(tmp, os.stat(path).st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise LintError(f"{path}: cannot write: {exc.strerror or exc}") from None
