"""Reading one file into a :class:`~respectful_lint.model.Document`: its bytes, decoded text
(large files chunk by chunk) and the reader its name or kind chooses."""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Callable, Sequence
from typing import BinaryIO, cast

from .errors import LintError
from .files import file_kind as file_kind
from .files import read_all
from .model import ChunkedText, Document
from .readers import (
    BinaryReader,
    Reader,
    ReaderOptions,
    is_binary,
    reader_for_name,
    reader_for_path,
)

STDIN = "-"


class SkippedFile(LintError):
    """A file that cannot be read as text. Binary files met in a walk are skipped silently."""

    def __init__(self, message: str, *, binary: bool = False) -> None:
        super().__init__(message)
        self.binary = binary


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without a BOM) or UTF-16 with a BOM; anything else is refused."""
    _refuse_utf32(data, name)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SkippedFile(f"{name}: skipped: not valid UTF-16 ({exc.reason})") from None
    if b"\0" in data[:8192]:
        raise SkippedFile(f"{name}: skipped: binary file", binary=True)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SkippedFile(
            f"{name}: skipped: cannot decode byte {exc.start} as UTF-8 ({exc.reason})"
        ) from None


def _refuse_utf32(head: bytes, name: str) -> None:
    """Refuse text with a UTF-32 byte order mark, whose little-endian one starts like
    UTF-16's: read as UTF-16, every letter would stand between NULs and match nothing."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise SkippedFile(f"{name}: skipped: UTF-32 text is not read (save it as UTF-8)")


LARGE_FILE = 16 * 1024 * 1024  # bytes; larger files are decoded in chunks
_CHUNK = 1024 * 1024


def read_bytes(path: str, stdin: bytes | None = None) -> bytes:
    if path == STDIN:
        return stdin if stdin is not None else sys.stdin.buffer.read()
    try:
        return read_all(*_open_regular(path))
    except OSError as exc:
        raise LintError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _open_regular(path: str) -> tuple[int, int]:
    """A descriptor open for reading on a regular file, and the file's size. Anything but a
    regular file is refused without blocking on it (a named pipe put in place of a file after
    the walk saw it would wait for a writer)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        status = os.fstat(fd)
        kind = file_kind(status.st_mode)
        if kind is not None:
            raise LintError(f"{path}: cannot check {kind}: only regular files are read")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return fd, status.st_size
    except BaseException:
        os.close(fd)
        raise


def read_source(path: str, stdin: bytes | None = None) -> str:
    return decode(read_bytes(path, stdin), "<stdin>" if path == STDIN else path)


def read_text(path: str) -> str | ChunkedText:
    """The text of a file, opened once: read whole and decoded, or for a file over
    ``LARGE_FILE`` bytes decoded chunk by chunk (see :func:`_chunked`)."""
    try:
        fd, size = _open_regular(path)
        if size > LARGE_FILE:
            with os.fdopen(fd, "rb") as fh:
                return _chunked(fh, path)
        data = read_all(fd, size)
    except OSError as exc:
        raise LintError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return decode(data, path)


def _chunked(fh: BinaryIO, path: str) -> ChunkedText:
    """The text of an open file, decoded chunk by chunk: the raw bytes are never all in
    memory at once, and each decoded chunk is stored at its own width, so a few wide
    characters do not widen the whole text (see ChunkedText)."""
    head = fh.read(_CHUNK)
    _refuse_utf32(head, path)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
        if head.startswith(codecs.BOM_UTF8):
            head = head[len(codecs.BOM_UTF8) :]
        if b"\0" in head[:8192]:
            raise SkippedFile(f"{path}: skipped: binary file", binary=True)
    decoder = codecs.getincrementaldecoder(encoding)()
    chunks: list[str] = []
    carry = ""
    consumed = 0
    block = head
    while True:
        final = not block
        try:
            text = carry + decoder.decode(block, final)
        except UnicodeDecodeError as exc:
            if encoding == "utf-16":
                raise SkippedFile(f"{path}: skipped: not valid UTF-16 ({exc.reason})") from None
            raise SkippedFile(
                f"{path}: skipped: cannot decode byte {consumed + exc.start} as UTF-8 "
                f"({exc.reason})"
            ) from None
        consumed += len(block)
        # a chunk never ends in a carriage return: "\r\n" stays in one chunk
        carry = "\r" if text.endswith("\r") and not final else ""
        chunks.append(text[:-1] if carry else text)
        if final:
            break
        block = fh.read(_CHUNK)
    return ChunkedText(chunks)


def choose_reader(
    path: str, stdin_name: str | None, stdin_kind: str, options: ReaderOptions | None
) -> Reader:
    if path == STDIN:
        if stdin_name:
            return reader_for_path(stdin_name, options)
        return reader_for_name(stdin_kind, options)
    return reader_for_path(path, options)


# Given texts, whether each may give a finding (one answer per text, in order): what a reader
# that says ``prefilters = True`` is given (see :func:`read_document`).
Prefilter = Callable[[Sequence[str]], Sequence[bool]]


def read_document(
    path: str,
    *,
    stdin: bytes | None = None,
    stdin_name: str | None = None,
    stdin_kind: str = "markdown",
    options: ReaderOptions | None = None,
    prefilter: Prefilter | None = None,
) -> Document:
    """The document of ``path`` (``-``: standard input, named ``stdin_name``, read with the
    reader its extension or ``stdin_kind`` chooses).

    ``prefilter``: given texts, whether each may give a finding (see
    :func:`respectful_lint.engine.candidate_filter`). A reader that says ``prefilters = True``
    is given it, and may leave out of the document the segments of text it answers False for.
    """
    name = (stdin_name or "<stdin>") if path == STDIN else path
    reader: Reader = choose_reader(path, stdin_name, stdin_kind, options)
    if is_binary(reader):
        binary = cast(BinaryReader, reader)
        return binary.read_bytes(read_bytes(path, stdin), name)
    loaded = read_source(path, stdin) if path == STDIN else read_text(path)
    if isinstance(loaded, ChunkedText):
        if getattr(reader, "chunked", False):
            return reader.read(loaded, name)  # type: ignore[arg-type]  # chunked readers
        text = str(loaded)
    else:
        text = loaded
    if prefilter is not None and getattr(reader, "prefilters", False):
        return reader.read(text, name, prefilter=prefilter)  # type: ignore[call-arg]
    return reader.read(text, name)
