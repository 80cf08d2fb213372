"""Reading a form upload into memory, with a size limit, and never onto disk.

Starlette's own form parser spools large files to a temporary file; drafts must never touch
the disk, so the body is read here with python-multipart's streaming parser into bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

MAX_FIELDS = 16


class FormError(Exception):
    """A request the checker refuses, with the status to answer and a message for people."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(slots=True)
class Part:
    name: str
    filename: str | None = None
    content_type: str = ""
    data: bytearray = field(default_factory=bytearray)

    @property
    def text(self) -> str:
        try:
            return self.data.decode("utf-8")
        except UnicodeDecodeError:
            raise FormError(400, f"the form field '{self.name}' is not UTF-8 text") from None


def _too_large(limit: int) -> FormError:
    return FormError(
        413,
        f"The upload is larger than the checker's limit of {limit // 2**20} MB. "
        "Split the draft, or remove pictures from a Word document, and try again.",
    )


class _Parts:
    """The parts of one form body, gathered from the streaming parser's callbacks."""

    def __init__(self) -> None:
        self.parts: list[Part] = []
        self.field = bytearray()  # the name of the header being read
        self.value = bytearray()  # and its value
        self.headers: dict[bytes, bytes] = {}  # the headers of the part being read

    def on_part_begin(self) -> None:
        self.headers.clear()
        if len(self.parts) >= MAX_FIELDS:
            raise FormError(400, "The form has too many fields.")

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self.field += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self.value += data[start:end]

    def on_header_end(self) -> None:
        self.headers[bytes(self.field).lower()] = bytes(self.value)
        self.field, self.value = bytearray(), bytearray()

    def on_headers_finished(self) -> None:
        headers = self.headers
        _, disp = parse_options_header(headers.get(b"content-disposition", b""))
        name = disp.get(b"name", b"").decode("utf-8", "replace")
        filename = disp.get(b"filename")
        ctype = parse_options_header(headers.get(b"content-type", b""))[0].decode("latin-1")
        self.parts.append(
            Part(name, filename.decode("utf-8", "replace") if filename is not None else None, ctype)
        )

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        self.parts[-1].data += data[start:end]


async def read_form(request: Request, limit: int) -> dict[str, Part]:
    """The parts of a ``multipart/form-data`` body of at most ``limit`` bytes, by field name."""
    ctype, params = parse_options_header(request.headers.get("content-type", ""))
    if ctype != b"multipart/form-data" or b"boundary" not in params:
        raise FormError(415, "Send the draft with the checker's page (a form upload).")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    found = _Parts()
    parser = MultipartParser(
        params[b"boundary"],
        {
            "on_part_begin": found.on_part_begin,
            "on_header_field": found.on_header_field,
            "on_header_value": found.on_header_value,
            "on_header_end": found.on_header_end,
            "on_headers_finished": found.on_headers_finished,
            "on_part_data": found.on_part_data,
        },
    )
    received = 0
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > limit:
                raise _too_large(limit)
            parser.write(chunk)
        parser.finalize()
    except FormError:
        raise
    except Exception:
        raise FormError(400, "The upload is damaged (not a valid form body).") from None
    return {p.name: p for p in found.parts}
