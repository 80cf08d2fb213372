"""The web checker's routes: the page, checking a draft, downloading it, browsing the rules.

Drafts come with each request and are gone when it ends: nothing is stored, written to disk
or logged. Every route sits behind :class:`~respectful_lint.web.security.Guard`.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import LintError
from ..profiles import PROFILES
from .checks import (
    FIX_ALL_FINDINGS,
    PASTE_KINDS,
    Checked,
    Checker,
    Draft,
    read_upload,
    safe_edits,
)
from .forms import FormError, Part, read_form
from .history import changes, parse_history, without_change
from .security import Guard, HostCheck

HERE = Path(__file__).resolve().parent
MAX_UPLOAD = 20 * 2**20  # bytes of one request
MAX_DOCX_XML = 64 * 2**20  # uncompressed bytes of a Word document's parts, as declared
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Declared types that fit each kind of upload (browsers send one of these, or none).
UPLOAD_TYPES = {
    "docx": {DOCX_TYPE, "application/octet-stream", "application/zip", ""},
    "html": {"text/html", "application/xhtml+xml", "text/plain", "application/octet-stream", ""},
    "markdown": {"text/markdown", "text/x-markdown", "text/plain", "application/octet-stream", ""},
    "text": {"text/plain", "application/octet-stream", ""},
}


def create_app(checker: Checker, *, token: str, csrf: str, hosts: HostCheck) -> Guard:
    """The checker as an ASGI application, behind its guard."""
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True),
    )
    page = env.get_template("index.html")

    async def index(request: Request) -> Response:
        html = page.render(
            csrf=csrf,
            profiles=list(PROFILES.values()),
            default_profile=checker.default_profile,
            paste_kinds=PASTE_KINDS,
            limit_mb=MAX_UPLOAD // 2**20,
        )
        return HTMLResponse(html)

    async def check(request: Request) -> Response:
        return await _answer(request, checker, download=False)

    async def download(request: Request) -> Response:
        return await _answer(request, checker, download=True)

    async def rules(request: Request) -> Response:
        try:
            profile = _profile(request.query_params.get("profile"), checker)
        except FormError as exc:
            return JSONResponse({"error": exc.message}, status_code=exc.status)
        return JSONResponse({"rules": await run_in_threadpool(checker.rule_list, profile)})

    async def rule(request: Request) -> Response:
        try:
            profile = _profile(request.query_params.get("profile"), checker)
            data = await run_in_threadpool(
                checker.rule_detail, request.path_params["rule_id"], profile
            )
        except FormError as exc:
            return JSONResponse({"error": exc.message}, status_code=exc.status)
        except LintError as exc:
            return JSONResponse({"error": str(exc)}, status_code=404)
        return JSONResponse({"rule": data})

    routes = [
        Route("/", index),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/download", download, methods=["POST"]),
        Route("/api/rules", rules),
        Route("/api/rules/{rule_id:path}", rule),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    return Guard(Starlette(routes=routes), token=token, csrf=csrf, hosts=hosts)


def _profile(name: str | None, checker: Checker) -> str:
    if name is None or name == "":
        return checker.default_profile
    if name not in PROFILES:
        raise FormError(400, f"unknown profile '{name}'")
    return name


async def _answer(request: Request, checker: Checker, *, download: bool) -> Response:
    try:
        form = await read_form(request, MAX_UPLOAD)
        profile = _profile(_field(form, "profile"), checker)
        draft = _draft(form)
        action = _field(form, "action") or "check"
        if download:
            fmt = _field(form, "format") or "txt"
            track = _field(form, "track") == "yes"
            return await run_in_threadpool(_download, checker, draft, profile, fmt, track)
        return JSONResponse(await run_in_threadpool(_check, checker, draft, profile, action))
    except FormError as exc:
        return JSONResponse({"error": exc.message}, status_code=exc.status)
    except LintError as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)


def _field(form: dict[str, Part], name: str) -> str | None:
    part = form.get(name)
    return None if part is None else part.text


def _draft(form: dict[str, Part]) -> Draft:
    upload = form.get("file")
    if upload is not None and upload.filename:
        name = clean_name(upload.filename)
        draft = read_upload(name, bytes(upload.data))
        if upload.content_type.lower() not in UPLOAD_TYPES[draft.kind]:
            raise FormError(
                415,
                f"{name}: the browser says this file is '{upload.content_type}', which does not "
                "match its name; upload a .docx, .html, .md or .txt file",
            )
        if draft.kind == "docx":
            _check_archive(name, bytes(upload.data))
    else:
        kind = _field(form, "kind") or "text"
        if kind not in PASTE_KINDS:
            raise FormError(400, f"unknown kind of text '{kind}'")
        text = _field(form, "text") or ""
        if not text.strip():
            raise FormError(400, "Paste a draft or choose a file first.")
        draft = Draft("pasted text", kind, text=text.replace("\r\n", "\n"))
    draft.history = parse_history(_field(form, "history"))
    return draft


def _check_archive(name: str, data: bytes) -> None:
    """Refuse a Word document that would inflate beyond what a draft needs, before reading."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(i.file_size for i in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        from ..readers.docx import unreadable

        raise FormError(400, unreadable(data, name)) from None
    if total > MAX_DOCX_XML:
        raise FormError(
            413,
            f"{name}: refused: {total / 2**20:.0f} MB when uncompressed (limit "
            f"{MAX_DOCX_XML // 2**20} MB); this does not look like a Word draft",
        )


def _check(checker: Checker, draft: Draft, profile: str, action: str) -> dict[str, Any]:
    if action == "fix-all":
        first = checker.check(draft, profile, limit=FIX_ALL_FINDINGS)
        batch = safe_edits(first)
        if batch:
            draft.history.append(changes(first.text, batch))
    elif re.fullmatch(r"undo:[0-9]{1,9}", action):
        draft.history = without_change(draft.history, int(action[5:]))
    elif action != "check":
        raise FormError(400, f"unknown action '{action}'")
    checked = checker.check(draft, profile)
    result = checker.result(checked, profile)
    result["history"] = draft.history
    return result


def _download(
    checker: Checker, draft: Draft, profile: str, fmt: str, track: bool = False
) -> Response:
    """The draft with its accepted changes; a .docx with them as Word tracked changes when
    ``track``."""
    checked: Checked = checker.check(draft, profile, track_changes=track and fmt == "docx")
    stem = draft.name.rpartition(".")[0] if "." in draft.name else draft.name
    stem = (stem if draft.name != "pasted text" else "draft") + "-checked"
    if fmt == "docx":
        if checked.data is None:
            raise FormError(400, "Only an uploaded Word document can be downloaded as .docx.")
        return _attachment(checked.data, f"{stem}.docx", DOCX_TYPE)
    types = {"txt": "text/plain", "md": "text/markdown"}
    if fmt == "original" and draft.kind in ("html", "markdown", "text"):
        pasted = "html" if draft.kind == "html" else "txt"
        suffix = draft.name.rpartition(".")[2] if "." in draft.name else pasted
        data = draft.encoding.encode(checked.text)  # as the file was written
        return _attachment(data, f"{stem}.{suffix}", "text/plain")
    if fmt not in types:
        raise FormError(400, f"unknown download format '{fmt}'")
    if draft.kind == "html":
        raise FormError(400, "HTML is downloaded as HTML: use Download the corrected HTML.")
    return _attachment(_with_part_names(checked).encode(), f"{stem}.{fmt}", types[fmt])


def _with_part_names(checked: Checked) -> str:
    """The text of a draft, a Word document's header, footer, notes and comments each under
    its name (as the draft view shows them), so that none is taken for the body."""
    text = checked.text
    for at, name in reversed(checked.parts):
        text = f"{text[:at].rstrip()}\n\n[{name}]\n\n{text[at:].lstrip()}"
    return text


def _attachment(data: bytes, name: str, media_type: str) -> Response:
    ascii_name = re.sub(r"[^A-Za-z0-9._-]", "_", name)
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    return Response(data, media_type=media_type, headers={"content-disposition": disposition})


def clean_name(name: str) -> str:
    """A file name as shown to people: its last path part, without control characters."""
    # Browsers send '"', CR and LF in file names as %22, %0D and %0A.
    name = name.replace("%22", '"').replace("%0D", "").replace("%0A", "")
    base = re.split(r"[\\/]", name)[-1]
    base = "".join(c for c in base if c.isprintable()).strip()
    return base[:200] or "upload"
