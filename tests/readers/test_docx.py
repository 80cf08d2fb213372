"""Word documents: parts, runs, locations in every output, and files that are not .docx."""

from __future__ import annotations

import io
import json
import struct
import zipfile
from pathlib import Path

import docx
from click.testing import CliRunner, Result

from _docx import W, package, para
from respectful_lint.cli import main
from respectful_lint.readers.docx import MAX_MEMBERS, DocxReader


def check(tmp_path: Path, data: bytes, *args: str, name: str = "draft.docx") -> Result:
    path = tmp_path / name
    path.write_bytes(data)
    return CliRunner().invoke(
        main, ["check", str(path), "--no-color", *args], catch_exceptions=False
    )


def findings(data: bytes) -> list[tuple[int, int, int, str, str | None, int | None]]:
    from respectful_lint.engine import lint_document
    from respectful_lint.runner import prepare

    doc = DocxReader().read_bytes(data, "d.docx")
    return [
        (f.line, f.column, f.end_column, f.matched, f.location.part, f.location.paragraph)
        for f in lint_document(doc, prepare())
        if f.location is not None
    ]


def test_a_phrase_split_across_runs_matches_with_paragraph_and_character() -> None:
    body = para("Intro.") + para("Tabs\tand 😀 then a ", "child ", "prosti", "tute", " here.")
    assert findings(package(body)) == [(2, 19, 35, "child prostitute", "body", 2)]


def test_tables_nested_tables_text_boxes_headers_footers_notes_and_comments(
    tmp_path: Path,
) -> None:
    cell = lambda inner: f"<w:tc>{inner}</w:tc>"  # noqa: E731
    table = (
        "<w:tbl><w:tr>"
        + cell(para("a hooker"))
        + cell("<w:tbl><w:tr>" + cell(para("nested hooker")) + "</w:tr></w:tbl>" + para(""))
        + "</w:tr></w:tbl>"
    )
    textbox = (
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><w:txbxContent>"
        + para("boxed hooker")
        + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"
        + para("boxed hooker")
        + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        "<w:r><w:t>after the box</w:t></w:r></w:p>"
    )
    tracked = (
        "<w:p><w:del><w:r><w:delText>deleted hooker</w:delText></w:r></w:del>"
        "<w:r><w:instrText>HYPERLINK hooker</w:instrText></w:r><w:r><w:t>kept</w:t></w:r></w:p>"
    )
    notes = (
        f"<w:footnotes {W}><w:footnote w:type='separator' w:id='-1'>{para('hooker')}</w:footnote>"
        f"<w:footnote w:id='1'>{para('note on a hooker')}</w:footnote></w:footnotes>"
    )
    data = package(
        table + textbox + tracked,
        header1=f"<w:hdr {W}>{para('header hooker')}</w:hdr>",
        footer2=f"<w:ftr {W}>{para('footer hooker')}</w:ftr>",
        footnotes=notes,
        endnotes=f"<w:endnotes {W}><w:endnote w:id='1'>{para('end hooker')}</w:endnote>"
        "</w:endnotes>",
        comments=f"<w:comments {W}><w:comment w:id='0'>{para('comment hooker')}</w:comment>"
        "</w:comments>",
    )
    assert findings(data) == [
        (1, 3, 9, "hooker", "table", 1),
        (2, 8, 14, "hooker", "table", 2),
        (5, 7, 13, "hooker", "text box", 5),
        (7, 8, 14, "hooker", "header", 1),
        (8, 8, 14, "hooker", "footer", 1),
        (9, 11, 17, "hooker", "footnote", 1),
        (10, 5, 11, "hooker", "endnote", 1),
        (11, 9, 15, "hooker", "comment", 1),
    ]
    result = check(tmp_path, data, "--format", "json")
    first = json.loads(result.output)["findings"][0]
    assert (first["line"], first["column"], first["end_column"]) == (1, 3, 9)
    assert first["location"] == {"part": "table", "paragraph": 1, "table": 1, "row": 1, "cell": 1}
    nested = json.loads(result.output)["findings"][1]
    assert nested["location"] == {"part": "table", "paragraph": 2, "table": 2, "row": 1, "cell": 1}
    concise = check(tmp_path, data, "--format", "concise").output.splitlines()
    assert concise[0].endswith('"sex worker" (in table 1, row 1, cell 1)')
    assert concise[1].endswith('"sex worker" (in table 2, row 1, cell 1)')
    assert concise[3].endswith('"sex worker" (in the header)')


def test_text_output_shows_the_paragraph_and_its_text(tmp_path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Notes for the hooker outreach"
    document.add_paragraph("First paragraph.")
    p = document.add_paragraph("We met two ")
    p.add_run("hoo").bold = True
    p.add_run("kers at the pier.")
    buf = io.BytesIO()
    document.save(buf)
    result = check(tmp_path, buf.getvalue(), "--select", "sex-work/hooker", "--no-explain")
    assert result.exit_code == 1
    path = tmp_path / "draft.docx"
    assert result.output.splitlines()[:11] == [
        f'{path}:2:12: error sex-work/hooker Avoid "hookers"; use "sex workers"',
        " 2 | We met two hookers at the pier.",
        "   |            ^^^^^^^",
        "   = use: sex workers",
        # "hoo" is bold and "kers" is not: the new words would take one of them
        "   = fix: unsafe, markup splits the phrase: check the formatting of the new wording",
        "",
        f'{path}:3:15: error sex-work/hooker Avoid "hooker"; use "sex worker" (in the header)',
        " 3 | Notes for the hooker outreach",
        "   |               ^^^^^^",
        "   = use: sex worker",
        "",
    ]
    concise = check(tmp_path, buf.getvalue(), "--select", "sex-work/hooker", "--format", "concise")
    assert concise.output.startswith(f"{path}:2:12: error sex-work/hooker")


def test_corrupt_non_zip_encrypted_and_junk_files_give_one_line_errors(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text("A hooker.\n", encoding="utf-8")
    valid = package(para("fine"))
    document = f"<w:document {W}><w:body>{para('fine')}</w:body></w:document>"
    stored = _zip({"word/document.xml": document}, zipfile.ZIP_STORED)
    cases = {
        "junk.docx": (bytes(range(256)) * 40, "not a Word document (not a zip archive)"),
        "text.docx": (b"just some text", "not a Word document (not a zip archive)"),
        "locked.docx": (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
            "encrypted (password-protected) Word document or an old .doc file",
        ),
        "cut.docx": (valid[: len(valid) // 2], "not a Word document (not a zip archive)"),
        "crc.docx": (stored.replace(b"fine", b"FINE"), "damaged archive"),
        "bad-xml.docx": (package("<w:p><w:r>"), "invalid XML at line 1"),
        "no-body.docx": (_zip({"hello.txt": "hi"}), "no word/document.xml"),
        "dtd.docx": (
            _zip({"word/document.xml": "<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>"}),
            "a document type declaration",
        ),
    }
    for name, (data, _) in cases.items():
        (tmp_path / name).write_bytes(data)
    result = CliRunner().invoke(
        main, ["check", str(tmp_path), "--no-color"], catch_exceptions=False
    )
    assert result.exit_code == 2
    assert "good.md:1:3: error sex-work/hooker" in result.stdout
    errors = result.stderr.splitlines()
    assert len(errors) == len(cases)
    for line, (name, (_, message)) in zip(errors, sorted(cases.items()), strict=True):
        assert line.startswith(f"respectful-lint: error: {tmp_path / name}: "), line
        assert message in line, line
        assert "Traceback" not in line


def _zip(members: dict[str, str], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, text in members.items():
            z.writestr(name, text)
    return buf.getvalue()


def test_zip_bombs_are_refused_from_the_directory_before_inflating(tmp_path: Path) -> None:
    data = bytearray(package(para("a hooker")))
    # Claim 4 GB for document.xml in the central directory; nothing is inflated.
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_len] == b"word/document.xml":
            struct.pack_into("<I", data, at + 24, 0xFFFF0000)
        at = data.find(b"PK\x01\x02", at + 4)
    result = check(tmp_path, bytes(data), name="bomb.docx")
    assert result.exit_code == 2
    assert "refused: 4096 MB when uncompressed (limit 1024 MB)" in result.stderr

    many = _zip(
        {"word/document.xml": f"<w:document {W}/>"} | {f"m{i}": "" for i in range(MAX_MEMBERS)}
    )
    result = check(tmp_path, many, name="many.docx")
    assert result.exit_code == 2
    assert f"refused: {MAX_MEMBERS + 1} archive members" in result.stderr


def test_docx_files_are_walked_and_the_example_is_read(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    result = CliRunner().invoke(
        main,
        ["check", str(root / "examples" / "volunteer-briefing.docx"), "--format", "concise"],
    )
    assert result.exit_code == 1
    assert (
        'volunteer-briefing.docx:10:20: error sex-work/hooker Avoid "hookers"; '
        'use "sex workers" (in table 1, row 3, cell 2)' in result.output
    )
