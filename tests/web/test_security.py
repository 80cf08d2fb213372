"""The checker's server over plain HTTP: token, Host header, CSRF, headers, bad uploads."""

from __future__ import annotations

import io
import json
import re
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from respectful_lint.readers.docx import DocxReader

from .conftest import Server, start_server, stop_server
from .test_browser import make_docx


@pytest.fixture(scope="module")
def session(server: Server) -> dict[str, str]:
    """The cookie and CSRF token a browser gets from its first visit."""
    status, headers, _ = server.request("GET", f"/?token={server.token}", headers=host(server))
    assert status == 303
    cookie = headers["set-cookie"].split(";")[0]
    status, _, body = server.request("GET", "/", headers={**host(server), "Cookie": cookie})
    assert status == 200
    m = re.search(rb'name="csrf-token" content="([^"]+)"', body)
    assert m
    return {"Cookie": cookie, "X-CSRF-Token": m.group(1).decode()}


def host(server: Server) -> dict[str, str]:
    return {"Host": f"127.0.0.1:{server.port}"}


def form(**fields: str | tuple[str, bytes, str]) -> tuple[bytes, str]:
    """A multipart/form-data body: a tuple value is a file (name, bytes, content type)."""
    boundary = uuid.uuid4().hex
    out = io.BytesIO()
    for name, value in fields.items():
        out.write(f"--{boundary}\r\n".encode())
        if isinstance(value, tuple):
            filename, data, ctype = value
            out.write(
                f'Content-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                f"Content-Type: {ctype}\r\n\r\n".encode()
            )
            out.write(data)
        else:
            out.write(f'Content-Disposition: form-data; name="{name}"\r\n\r\n'.encode())
            out.write(value.encode())
        out.write(b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def post(
    server: Server, session: dict[str, str], path: str = "/api/check", **fields: object
) -> tuple[int, dict[str, str], bytes]:
    body, ctype = form(**fields)  # type: ignore[arg-type]
    headers = {**host(server), **session, "Content-Type": ctype}
    return server.request("POST", path, body=body, headers=headers)


def test_no_token_is_403(server: Server) -> None:
    for path in ("/", "/static/app.js", "/api/rules", "/?token=wrong"):
        status, _, body = server.request("GET", path, headers=host(server))
        assert status == 403, path
        assert b"access token" in body


def test_foreign_host_header_is_403_even_with_the_token(server: Server) -> None:
    for name in ("evil.example", f"evil.example:{server.port}", "127.0.0.1:1", "localhost.evil"):
        status, _, _ = server.request("GET", f"/?token={server.token}", headers={"Host": name})
        assert status == 403, name


def test_loopback_names_are_accepted(server: Server) -> None:
    for name in (f"localhost:{server.port}", f"[::1]:{server.port}"):
        status, _, _ = server.request("GET", f"/?token={server.token}", headers={"Host": name})
        assert status == 303, name


def test_post_without_csrf_token_is_403(server: Server, session: dict[str, str]) -> None:
    body, ctype = form(text="We met prostitutes.")
    headers = {**host(server), "Cookie": session["Cookie"], "Content-Type": ctype}
    status, _, _ = server.request("POST", "/api/check", body=body, headers=headers)
    assert status == 403
    bad = {**headers, "X-CSRF-Token": "forged"}
    assert server.request("POST", "/api/check", body=body, headers=bad)[0] == 403
    foreign = {**headers, "X-CSRF-Token": session["X-CSRF-Token"], "Origin": "http://evil.example"}
    assert server.request("POST", "/api/check", body=body, headers=foreign)[0] == 403


def test_every_answer_carries_a_self_only_content_security_policy(
    server: Server, session: dict[str, str]
) -> None:
    for path in ("/", "/static/app.js", "/api/rules", "/nowhere"):
        _, headers, _ = server.request("GET", path, headers={**host(server), **session})
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert "unsafe" not in csp and "http" not in csp
        assert headers["x-frame-options"] == "DENY"
    _, headers, _ = server.request("GET", "/", headers=host(server))
    assert "content-security-policy" in headers  # the 403 too


def test_check_returns_findings(server: Server, session: dict[str, str]) -> None:
    status, _, body = post(server, session, text="We met prostitutes.", profile="default")
    assert status == 200
    data = json.loads(body)
    assert [f["rule"] for f in data["findings"]] == ["sex-work/prostitute"]
    assert "".join(p[0] for p in data["pieces"]) == "We met prostitutes."


def test_no_wording_is_offered_for_a_markdown_reference_links_label(
    server: Server, session: dict[str, str]
) -> None:
    text = "We met [prostitutes] and [prostitutes](a.md).\n\n[prostitutes]: a.md\n"
    status, _, body = post(server, session, text=text, kind="markdown")
    assert status == 200
    found = json.loads(body)["findings"]
    assert [(f["column"], bool(f["choices"])) for f in found] == [(9, False), (27, True)]
    assert found[0]["suggestions"] == found[1]["suggestions"]
    assert [f["locked"] for f in found] == [True, False]


def test_a_fix_that_is_not_safe_says_why(server: Server, session: dict[str, str]) -> None:
    text = "# Night outreach for hookers\n\nWe met hookers.\n"
    status, _, body = post(server, session, text=text, kind="markdown")
    assert status == 200
    found = json.loads(body)["findings"]
    assert [(f["line"], f["safe"], bool(f["choices"])) for f in found] == [
        (1, False, True),
        (3, True, True),
    ]
    assert found[0]["caution"] == (
        "it changes the heading's link anchor, which links from other pages may use"
    )
    assert found[1]["caution"] is None


def test_a_draft_with_very_many_findings_is_checked_up_to_a_bound(
    server: Server, session: dict[str, str]
) -> None:
    # 20,000 findings would make an answer of some 20 MB and a page no one can use
    status, _, body = post(server, session, text="Hookers met hookers. " * 10_000)
    assert status == 200
    data = json.loads(body)
    assert len(data["findings"]) == 1_000
    assert data["capped"] == 1_000
    assert len(body) < 2_000_000
    status, _, body = post(server, session, text="Hookers met the team.")
    assert json.loads(body)["capped"] == 0


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("text", 'One volunteer said: "Half the prostitutes here know us."'),  # someone's words
        ("html", "<h1>The Addict Support Network</h1>"),  # a name
        ("html", "<p>Tell staff of any <em>child</em> prostitute you meet</p>"),  # over markup
        ("markdown", "Tell staff of any *child* prostitute you meet."),
    ],
)
def test_no_wording_is_accepted_where_no_fix_may_stand(
    server: Server, session: dict[str, str], kind: str, text: str
) -> None:
    # the command line offers no fix there; a click on the page would have changed a quote,
    # renamed an organisation or dropped the closing tag
    status, _, body = post(server, session, text=text, kind=kind)
    assert status == 200
    (finding,) = json.loads(body)["findings"]
    assert finding["suggestions"]
    assert finding["choices"] == []
    _, _, body = post(server, session, text="Tell staff of any child prostitute.", kind=kind)
    assert json.loads(body)["findings"][0]["choices"]


def test_profiles_change_severity(server: Server, session: dict[str, str]) -> None:
    text = "The clerk listed the charge against the convicted felon."
    default = json.loads(post(server, session, text=text, profile="default")[2])
    legal = json.loads(post(server, session, text=text, profile="legal")[2])
    assert [f["severity"] for f in default["findings"]] == ["warning"]
    assert [f["severity"] for f in legal["findings"]] == ["suggestion"]
    assert post(server, session, text=text, profile="nope")[0] == 400


def test_oversized_upload_is_413_with_a_clear_message(
    server: Server, session: dict[str, str]
) -> None:
    big = b"a" * (21 * 2**20)
    status, _, body = post(server, session, file=("big.txt", big, "text/plain"))
    assert status == 413
    assert "larger than the checker's limit of 20 MB" in json.loads(body)["error"]


def zip_bomb() -> bytes:
    """A small zip whose document part inflates to 70 MB."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as part:
            part.write(b"<w:document>")
            chunk = b" " * 2**20
            for _ in range(70):
                part.write(chunk)
            part.write(b"</w:document>")
    return buf.getvalue()


def blank_docx() -> bytes:
    """A Word document saved with empty paragraphs only."""
    document = docx.Document()
    document.add_paragraph("")
    document.add_paragraph("   ")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "ctype", "status", "message"),
    [
        ("bomb.docx", zip_bomb, "application/octet-stream", 413, "when uncompressed"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "application/octet-stream", 400, "not a"),
        ("photo.docx", make_docx, "image/png", 415, "does not match its name"),
        ("notes.pdf", b"%PDF-1.4", "application/pdf", 400, "not a file type"),
        ("binary.txt", b"\0\1\2\3" * 100, "text/plain", 400, "binary"),
        ("latin1.txt", "café prostitutes".encode("latin-1"), "text/plain", 400, "save it as UTF-8"),
        ("empty.txt", b"\n  \n", "text/plain", 400, "the file is empty"),
        ("empty.docx", b"", "application/octet-stream", 400, "the file is empty"),
        ("blank.docx", blank_docx, "application/octet-stream", 400, "has no text"),
        (
            "locked.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512),
            "application/octet-stream",
            400,
            "password-protected",
        ),
    ],
)
def test_bad_uploads_get_a_clear_4xx_and_the_server_stays_up(
    server: Server,
    session: dict[str, str],
    name: str,
    data: bytes | Callable[[], bytes],
    ctype: str,
    status: int,
    message: str,
) -> None:
    if callable(data):
        data = data()
    got, _, body = post(server, session, file=(name, data, ctype))
    assert got == status
    assert message in json.loads(body)["error"]
    assert post(server, session, text="We met prostitutes.")[0] == 200


def test_a_body_that_is_not_a_form_is_415(server: Server, session: dict[str, str]) -> None:
    headers = {**host(server), **session, "Content-Type": "application/json"}
    status, _, body = server.request("POST", "/api/check", body=b"{}", headers=headers)
    assert status == 415
    assert "form upload" in json.loads(body)["error"]


def test_forged_edits_are_refused(server: Server, session: dict[str, str]) -> None:
    forged = (
        '[[[0, 999, "x", ""]]]',
        '[[[0, 3, "x"]]]',
        "nonsense",
        '[[[5, 2, "x", ""]]]',
        "[" * 100_000 + "]" * 100_000,  # nested past the JSON parser's stack
    )
    for history in forged:
        status, _, _ = post(server, session, text="We met prostitutes.", history=history)
        assert status == 400, history


def test_a_word_finding_names_its_paragraph_and_part(
    server: Server, session: dict[str, str]
) -> None:
    # a Word document has paragraphs, not lines, and a header is no part of the body
    document = docx.Document()
    document.add_paragraph("Night outreach for hookers.")
    document.sections[0].header.paragraphs[0].text = "Hookers: night outreach"
    out = io.BytesIO()
    document.save(out)
    _, _, body = post(server, session, file=("b.docx", out.getvalue(), "application/octet-stream"))
    found = json.loads(body)["findings"]
    assert [(f["at"], f["where"]) for f in found] == [
        ("Paragraph 1", "paragraph 1, character 20"),
        ("Paragraph 2 (in the header)", "paragraph 2, character 1, in the header"),
    ]
    _, _, body = post(server, session, text="We met hookers.")
    assert [(f["at"], f["where"]) for f in json.loads(body)["findings"]] == [
        ("Line 1", "line 1, column 8")
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-8"])
def test_a_text_file_downloads_in_its_own_encoding(
    server: Server, session: dict[str, str], encoding: str
) -> None:
    # a file saved as UTF-16 or with a BOM comes back as it was written, changes and all
    data = "Night outreach for hookers.\r\n".encode(encoding)
    _, _, body = post(server, session, file=("n.txt", data, "text/plain"))
    choice = json.loads(body)["findings"][0]["choices"][0]
    status, _, out = post(
        server,
        session,
        "/api/download",
        file=("n.txt", data, "text/plain"),
        history=json.dumps([choice["edits"]]),
        format="original",
    )
    assert status == 200
    assert out == "Night outreach for sex workers.\r\n".encode(encoding)


def test_download_docx_applies_edits(server: Server, session: dict[str, str]) -> None:
    data = make_docx()
    status, _, body = post(server, session, file=("r.docx", data, "application/octet-stream"))
    found = json.loads(body)["findings"]
    choice = next(f for f in found if f["matched"] == "prostitutes")["choices"][0]
    history = json.dumps([choice["edits"]])
    status, headers, out = post(
        server,
        session,
        "/api/download",
        file=("r.docx", data, "application/octet-stream"),
        history=history,
        format="docx",
    )
    assert status == 200
    assert "r-checked.docx" in headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        assert b"sex workers" in z.read("word/document.xml")


def test_download_docx_with_tracked_changes(server: Server, session: dict[str, str]) -> None:
    """Two accepted changes in one paragraph come back as Word revisions by respectful-lint,
    in a file python-docx opens."""
    document = docx.Document()
    para = document.add_paragraph("We met ")
    para.add_run("prostitutes").bold = True
    para.add_run(" and drug addicts at the drop-in.")
    buf = io.BytesIO()
    document.save(buf)
    upload = ("r.docx", buf.getvalue(), "application/octet-stream")
    _, _, body = post(server, session, file=upload)
    found = json.loads(body)["findings"]
    choice = next(f for f in found if f["matched"] == "prostitutes")["choices"][0]
    history = [choice["edits"]]
    _, _, body = post(server, session, file=upload, history=json.dumps(history))
    found = json.loads(body)["findings"]
    choice = next(f for f in found if f["matched"] == "drug addicts")["choices"][1]
    history.append(choice["edits"])
    status, _, out = post(
        server,
        session,
        "/api/download",
        file=upload,
        history=json.dumps(history),
        format="docx",
        track="yes",
    )
    assert status == 200
    document = docx.Document(io.BytesIO(out))
    body_xml = document.element.body
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    inserted = [e for e in body_xml.iter(f"{{{ns['w']}}}ins")]
    deleted = [e for e in body_xml.iter(f"{{{ns['w']}}}del")]
    assert inserted and deleted
    authors = {e.get(f"{{{ns['w']}}}author") for e in inserted + deleted}
    assert authors == {"respectful-lint"}
    new_words = " ".join("".join(t.text or "" for t in e.iter(f"{{{ns['w']}}}t")) for e in inserted)
    old_words = " ".join(
        "".join(t.text or "" for t in e.iter(f"{{{ns['w']}}}delText")) for e in deleted
    )
    assert "sex workers" in new_words and "prostitutes" in old_words
    assert "people with a substance use disorder" in new_words and "addicts" in old_words
    text = str(DocxReader().read_bytes(out, "r.docx").text)
    assert text == "We met sex workers and people with a substance use disorder at the drop-in."


def test_a_non_loopback_host_prints_a_warning() -> None:
    running = start_server("--host", "0.0.0.0")
    try:
        assert running.process.stderr is not None
        line = running.process.stderr.readline()
        assert "not a loopback address" in line and "cross the network" in line
        status, _, _ = running.request(
            "GET", f"/?token={running.token}", headers={"Host": f"127.0.0.1:{running.port}"}
        )
        assert status == 303
        status, _, _ = running.request(
            "GET", f"/?token={running.token}", headers={"Host": f"localhost:{running.port}"}
        )
        assert status == 303
        status, _, _ = running.request(
            "GET", f"/?token={running.token}", headers={"Host": f"evil.example:{running.port}"}
        )
        assert status == 403
    finally:
        stop_server(running)


def test_drafts_touch_no_disk_and_no_log(tmp_path: Path) -> None:
    """A large upload (which a default form parser would spool to a temporary file) and a
    pasted draft leave no file behind and no trace in the server's output."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    running = start_server(env={"TMPDIR": str(temp), "TMP": str(temp), "TEMP": str(temp)})
    try:
        session_of_it = {"Cookie": "", "X-CSRF-Token": ""}
        status, headers, _ = running.request(
            "GET", f"/?token={running.token}&draft=secret-query", headers=host(running)
        )
        session_of_it["Cookie"] = headers["set-cookie"].split(";")[0]
        _, _, page = running.request("GET", "/", headers={**host(running), **session_of_it})
        m = re.search(rb'name="csrf-token" content="([^"]+)"', page)
        assert m
        session_of_it["X-CSRF-Token"] = m.group(1).decode()
        marker = "Zanzibar-marker prostitutes"
        big = marker + "\n" + ("Lorem ipsum dolor sit amet. " * 40 + "\n") * 1500  # 1.6 MB
        status, _, _ = post(running, session_of_it, file=("big.txt", big.encode(), "text/plain"))
        assert status == 200
        assert post(running, session_of_it, text=marker)[0] == 200
        assert list(temp.iterdir()) == []
    finally:
        stop_server(running)
    out = running.process.stdout.read() if running.process.stdout else ""
    err = running.process.stderr.read() if running.process.stderr else ""
    assert "Zanzibar" not in out + err
    assert "secret-query" not in out + err
    assert "big.txt" not in out + err


def test_rules_api_answers_unknown_names_with_4xx(server: Server, session: dict[str, str]) -> None:
    get = {**host(server), **session}
    status, _, body = server.request("GET", "/api/rules/sex-work/hooker", headers=get)
    assert status == 200
    assert json.loads(body)["rule"]["id"] == "sex-work/hooker"
    assert server.request("GET", "/api/rules/no/such-rule", headers=get)[0] == 404
    assert server.request("GET", "/api/rules?profile=nope", headers=get)[0] == 400
    assert server.request("GET", "/api/rules/sex-work/hooker?profile=nope", headers=get)[0] == 400


def test_a_change_that_no_longer_fits_is_refused(server: Server, session: dict[str, str]) -> None:
    text = "We met prostitutes."
    found = json.loads(post(server, session, text=text)[2])["findings"]
    change = found[0]["choices"][0]["edits"]
    assert change == [[7, 18, "sex workers", "prostitutes"]]
    once = json.dumps([change])
    status, _, body = post(server, session, text=text, history=once)
    assert status == 200
    assert "".join(p[0] for p in json.loads(body)["pieces"]) == "We met sex workers."
    twice = json.dumps([change, change])  # the same change sent again, by a double click
    status, _, body = post(server, session, text=text, history=twice)
    assert status == 400
    assert "no longer fits" in json.loads(body)["error"]


@pytest.mark.parametrize("action", ["undo:" + "9" * 5000, "undo:\u00b2", "undo:-1", "undo:"])
def test_a_forged_undo_is_a_clear_400(server: Server, session: dict[str, str], action: str) -> None:
    status, _, body = post(server, session, text="We met prostitutes.", action=action)
    assert status == 400
    assert json.loads(body)["error"]


def test_accept_all_reaches_safe_fixes_past_the_findings_the_page_shows(
    server: Server, session: dict[str, str]
) -> None:
    # the first 1,000 findings have no safe fix; the hookers after them do
    text = "A junkie slept by the door.\n" * 1_005 + "Vans stop for hookers.\n" * 3
    status, _, body = post(server, session, text=text, action="fix-all")
    assert status == 200
    history = json.loads(body)["history"]
    assert [[change[2] for change in batch] for batch in history] == [["sex workers"] * 3]
