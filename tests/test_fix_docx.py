"""Fixing Word documents: run formatting kept, every part fixed, tracked changes, and the
result read back by python-docx and by LibreOffice."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result
from docx.shared import Pt

from _docx import package, para
from _house import HEADER
from respectful_lint.cli import main
from respectful_lint.readers.docx import DocxReader

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "volunteer-briefing.docx"
FIXED_EXAMPLE = ROOT / "examples" / "volunteer-briefing-fixed.docx"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

LEXICON = (
    HEADER
    + """\
  - id: hooker
    terms: [hooker]
    preferred: [{text: sex worker, plural: sex workers}]
    severity: error
    category: sex-work
    note: A slur.
    sources: [house]
    fix: safe
    examples: {flag: [A hooker came in.], pass: [The hook is here.]}
  - id: streetwalker
    terms: [streetwalker]
    preferred: [{text: street-based sex worker, plural: street-based sex workers}]
    severity: warning
    category: sex-work
    note: Say where the person works.
    sources: [house]
    fix: safe
    examples: {flag: [A streetwalker came in.], pass: [A street walk.]}
"""
)


def check(tmp_path: Path, *args: str) -> Result:
    lexicon = tmp_path / "house.yaml"
    lexicon.write_text(LEXICON, encoding="utf-8")
    return CliRunner().invoke(
        main,
        ["check", "--isolated", "--no-default-lexicons", "--lexicon", str(lexicon), *args],
        catch_exceptions=False,
    )


def draft(path: Path) -> Path:
    """A Word draft: formatted runs that split a match, a table, a header and a footer."""
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = "Hookers: night outreach"
    doc.sections[0].footer.paragraphs[0].text = "Printed for hookers and staff"
    doc.add_heading("Briefing", level=1)
    p = doc.add_paragraph("Some women are ")
    street = p.add_run("street")
    street.italic = True
    street.font.size = Pt(14)
    walkers = p.add_run("walkers")
    walkers.bold = True
    p.add_run(" who work nearby.")
    q = doc.add_paragraph()
    q.add_run("Bring tea for ")
    q.add_run("the hookers").underline = True
    q.add_run(" at the harbour.")
    table = doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "21:00"
    table.rows[0].cells[1].text = "Hot drinks for hookers"
    doc.save(str(path))
    return path


def runs(paragraph: docx.text.paragraph.Paragraph) -> list[tuple[str, object, object, object]]:
    return [(r.text, r.italic, r.bold, r.underline) for r in paragraph.runs]


def test_a_corrected_copy_keeps_run_formatting_and_fixes_every_part(tmp_path: Path) -> None:
    original = draft(tmp_path / "draft.docx")
    before = original.read_bytes()
    copy = tmp_path / "fixed.docx"
    result = check(tmp_path, "--output", str(copy), str(original))
    assert result.exit_code == 0, result.output
    assert "5 fixed, 0 remaining." in result.stdout
    assert original.read_bytes() == before
    doc = docx.Document(str(copy))
    body = doc.paragraphs
    # "street" stays italic at 14 pt; the new words take the bold of "walkers"
    assert runs(body[1]) == [
        ("Some women are ", None, None, None),
        ("street", True, None, None),
        ("-based sex workers", None, True, None),
        (" who work nearby.", None, None, None),
    ]
    assert body[1].runs[1].font.size == Pt(14)
    assert runs(body[2]) == [
        ("Bring tea for ", None, None, None),
        ("the sex workers", None, None, True),
        (" at the harbour.", None, None, None),
    ]
    assert doc.tables[0].rows[0].cells[1].text == "Hot drinks for sex workers"
    assert doc.sections[0].header.paragraphs[0].text == "Sex workers: night outreach"
    assert doc.sections[0].footer.paragraphs[0].text == "Printed for sex workers and staff"


def test_a_fix_whose_changed_words_cross_formatting_is_unsafe(tmp_path: Path) -> None:
    # "the hook**ers**": the new words would all take one run's formatting (Markdown makes
    # the same fix unsafe); in "*street*walkers" only the second run's words change
    doc = docx.Document()
    p = doc.add_paragraph("Bring tea for the hook")
    p.add_run("ers").bold = True
    p.add_run(" at the harbour.")
    path = tmp_path / "split.docx"
    doc.save(str(path))
    result = check(tmp_path, "--format", "json", str(path))
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["fix"]["applicability"] == "unsafe"
    assert "markup splits the phrase" in finding["fix"]["reason"]
    before = path.read_bytes()
    assert "0 fixed, 1 remaining" in check(tmp_path, "--fix", str(path)).stdout
    assert path.read_bytes() == before


def test_a_run_split_by_properties_that_do_not_show_keeps_a_safe_fix(tmp_path: Path) -> None:
    # Word splits runs by proofing language ("en-GB") and spelling marks, which do not show
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for tag, attribute, value in (("w:lang", "w:val", "en-GB"), ("w:rFonts", "w:hint", "eastAsia")):
        doc = docx.Document()
        p = doc.add_paragraph("Bring tea for the hook")
        run = p.add_run("ers at the harbour.")
        element = OxmlElement(tag)
        element.set(qn(attribute), value)
        run._r.get_or_add_rPr().append(element)
        path = tmp_path / "unseen.docx"
        doc.save(str(path))
        [finding] = json.loads(check(tmp_path, "--format", "json", str(path)).stdout)["findings"]
        assert finding["fix"]["applicability"] == "safe", tag


def test_fix_in_place_then_again_changes_nothing(tmp_path: Path) -> None:
    path = draft(tmp_path / "draft.docx")
    assert check(tmp_path, "--fix", str(path)).exit_code == 0
    once = path.read_bytes()
    again = check(tmp_path, "--fix", str(path))
    assert "0 fixed, 0 remaining." in again.stdout
    assert path.read_bytes() == once


def test_other_archive_members_are_copied_unchanged(tmp_path: Path) -> None:
    path = draft(tmp_path / "draft.docx")
    copy = tmp_path / "fixed.docx"
    check(tmp_path, "--output", str(copy), str(path))
    with zipfile.ZipFile(path) as a, zipfile.ZipFile(copy) as b:
        assert a.namelist() == b.namelist()
        changed = {n for n in a.namelist() if a.read(n) != b.read(n)}
    assert changed == {"word/document.xml", "word/header1.xml", "word/footer1.xml"}


def test_footnotes_endnotes_and_comments_are_fixed(tmp_path: Path) -> None:
    w = f'xmlns:w="{W_NS}"'
    data = package(
        para("Body with a hooker."),
        footnotes=f"<w:footnotes {w}><w:footnote w:id='1'>{para('Note on hookers.')}"
        "</w:footnote></w:footnotes>",
        endnotes=f"<w:endnotes {w}><w:endnote w:id='1'>{para('End hooker.')}</w:endnote>"
        "</w:endnotes>",
        comments=f"<w:comments {w}><w:comment w:id='0'>{para('Ask the hooker.')}"
        "</w:comment></w:comments>",
    )
    path = tmp_path / "notes.docx"
    path.write_bytes(data)
    assert check(tmp_path, "--fix", str(path)).exit_code == 0
    text = DocxReader().read_bytes(path.read_bytes(), "notes.docx").text
    assert text == (
        "Body with a sex worker.\nNote on sex workers.\nEnd sex worker.\nAsk the sex worker."
    )


def box(choice: str, fallback: str) -> str:
    """A Word text box: the box (mc:Choice) and its copy for older programs (mc:Fallback)."""
    return (
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><w:txbxContent>"
        + choice
        + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"
        + fallback
        + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )


def test_a_text_box_copy_for_older_programs_is_fixed_with_the_box(tmp_path: Path) -> None:
    # the copy kept the old words, for any program (or search) that reads it
    same = para("Drop-in for ", "hookers", " on Fridays.")
    other = para("Drop-in for hookers, as it was.")
    path = tmp_path / "box.docx"
    path.write_bytes(package(box(same, same) + box(same, other)))
    assert check(tmp_path, "--fix", str(path)).exit_code == 0
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    boxes = re.findall(r"<w:txbxContent>(.*?)</w:txbxContent>", xml)
    words = [re.sub(r"<[^>]+>", "", b) for b in boxes]
    assert words == [
        "Drop-in for sex workers on Fridays.",
        "Drop-in for sex workers on Fridays.",  # the copy, made the box's again
        "Drop-in for sex workers on Fridays.",
        "Drop-in for hookers, as it was.",  # a copy that said something else is left alone
    ]


def test_track_changes_writes_revisions_by_respectful_lint(tmp_path: Path) -> None:
    path = draft(tmp_path / "draft.docx")
    copy = tmp_path / "tracked.docx"
    assert check(tmp_path, "--output", str(copy), "--track-changes", str(path)).exit_code == 0
    with zipfile.ZipFile(copy) as z:
        xml = z.read("word/document.xml").decode()
    assert '<w:del w:id="' in xml and 'w:author="respectful-lint"' in xml
    assert '<w:delText xml:space="preserve">walkers</w:delText>' in xml
    assert '<w:t xml:space="preserve">-based sex workers</w:t></w:r></w:ins>' in xml
    # the reader sees the document as if the changes were accepted
    text = DocxReader().read_bytes(copy.read_bytes(), "tracked.docx").text
    assert "Some women are street-based sex workers who work nearby." in text
    assert "hooker" not in text.lower()
    assert docx.Document(str(copy)).paragraphs[1].text  # python-docx opens it


def test_a_fix_held_back_from_tracked_changes_is_explained(tmp_path: Path) -> None:
    # the first paragraph holds someone's tracked insertion: no revision can go in beside it
    body = (
        "<w:p><w:r><w:t xml:space='preserve'>Vans stop for hookers </w:t></w:r>"
        "<w:ins w:id='1' w:author='Ana'><w:r><w:t xml:space='preserve'>every night</w:t>"
        "</w:r></w:ins><w:r><w:t xml:space='preserve'>.</w:t></w:r></w:p>"
        + para("Hookers are welcome.")
    )
    path = tmp_path / "draft.docx"
    path.write_bytes(package(body))
    result = check(tmp_path, "--fix", "--track-changes", str(path))
    assert result.exit_code == 1
    assert "1 fixed, 1 remaining." in result.output
    assert "1 fix was not written as tracked changes" in result.output
    assert "without --track-changes" in result.output
    again = check(tmp_path, "--fix", str(path))
    assert "1 fixed, 0 remaining." in again.output
    assert "tracked" not in again.output


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.fail(
            "LibreOffice is needed for this test: apt-get install libreoffice-writer-nogui "
            "(.ci/run installs it)"
        )
    return found


def convert(tmp_path: Path, target: str, *files: Path) -> None:
    out = tmp_path / "converted"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )


def test_libreoffice_reads_the_fixed_and_the_tracked_documents(tmp_path: Path) -> None:
    path = draft(tmp_path / "draft.docx")
    fixed, tracked = tmp_path / "fixed.docx", tmp_path / "tracked.docx"
    check(tmp_path, "--output", str(fixed), str(path))
    check(tmp_path, "--output", str(tracked), "--track-changes", str(path))
    convert(tmp_path, "txt:Text", fixed)
    convert(tmp_path, "odt", tracked)
    text = (tmp_path / "converted" / "fixed.txt").read_text(encoding="utf-8-sig")
    assert "Some women are street-based sex workers who work nearby." in text
    assert "Bring tea for the sex workers at the harbour." in text
    assert "Hot drinks for sex workers" in text
    assert "hooker" not in text.lower()
    with zipfile.ZipFile(tmp_path / "converted" / "tracked.odt") as odt:
        content = odt.read("content.xml").decode()  # the body; the header is in styles.xml
    assert "<text:tracked-changes" in content
    assert content.count("<text:deletion>") == 3 and content.count("<text:insertion>") == 3
    assert "<dc:creator>respectful-lint</dc:creator>" in content


def test_the_example_copy_is_made_by_the_tool_and_keeps_the_formatting(tmp_path: Path) -> None:
    made = tmp_path / "made.docx"
    result = CliRunner().invoke(
        main, ["check", "--isolated", "--output", str(made), str(EXAMPLE)], catch_exceptions=False
    )
    assert "2 fixed" in result.stdout
    with zipfile.ZipFile(made) as a, zipfile.ZipFile(FIXED_EXAMPLE) as b:
        assert {n: a.read(n) for n in a.namelist()} == {n: b.read(n) for n in b.namelist()}
    original, fixed = docx.Document(str(EXAMPLE)), docx.Document(str(FIXED_EXAMPLE))
    text = "\n".join(p.text for p in fixed.paragraphs)
    assert "street-based sex workers who have worked here" in text
    assert "streetwalkers" not in text
    cells = [c.text for row in fixed.tables[0].rows for c in row.cells]
    assert "Hot drinks for the sex workers at the harbour" in cells
    changed = 0
    for a, b in zip(original.paragraphs, fixed.paragraphs, strict=True):
        assert (a.style.name, a.paragraph_format.alignment) == (
            b.style.name,
            b.paragraph_format.alignment,
        )
        assert len(a.runs) == len(b.runs)
        for ra, rb in zip(a.runs, b.runs, strict=True):
            fmt = lambda r: (r.bold, r.italic, r.underline, r.font.name, r.font.size, r.style.name)  # noqa: E731
            assert fmt(ra) == fmt(rb)
            changed += ra.text != rb.text
    assert changed == 1  # only "walkers" became "-based sex workers"


def test_a_damaged_document_is_an_error_and_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really")
    result = check(tmp_path, "--fix", str(path))
    assert result.exit_code == 2
    assert path.read_bytes() == b"PK\x03\x04 not really"


def test_diff_of_a_word_document_shows_its_paragraphs_and_writes_nothing(
    tmp_path: Path,
) -> None:
    path = draft(tmp_path / "draft.docx")
    before = path.read_bytes()
    result = check(tmp_path, "--diff", str(path))
    assert path.read_bytes() == before
    assert "-Some women are streetwalkers who work nearby.\n" in result.stdout
    assert "+Some women are street-based sex workers who work nearby.\n" in result.stdout
    assert "5 would be fixed, 0 remaining." in result.stderr


def test_a_part_not_in_utf8_is_left_alone(tmp_path: Path) -> None:
    w = f'xmlns:w="{W_NS}"'
    header = f"<?xml version='1.0' encoding='UTF-16'?><w:hdr {w}>{para('Two hookers')}</w:hdr>"
    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(
            "word/document.xml",
            f"<w:document {w}><w:body>{para('One hooker.')}</w:body></w:document>",
        )
        z.writestr("word/header1.xml", header.encode("utf-16"))
    result = check(tmp_path, "--fix", str(path))
    assert "1 fixed, 1 remaining." in result.stdout
    text = DocxReader().read_bytes(path.read_bytes(), "x.docx").text
    assert text == "One sex worker.\nTwo hookers"


def test_tracked_changes_get_ids_of_their_own(tmp_path: Path) -> None:
    w = f'xmlns:w="{W_NS}"'
    run = (
        "<w:r><w:rPr><w:b/><w:rPrChange w:id='7' w:author='Ana'><w:rPr/></w:rPrChange></w:rPr>"
        "<w:t>Two hookers here</w:t></w:r>"
    )
    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(
            "word/document.xml", f"<w:document {w}><w:body><w:p>{run}</w:p></w:body></w:document>"
        )
    assert check(tmp_path, "--fix", "--track-changes", str(path)).exit_code == 0
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode()
    ids = re.findall(r"w:id=[\"'](\d+)[\"']", xml)
    assert sorted(ids) == ["7", "8", "9"]  # the formatting change keeps 7; one del, one ins
    assert xml.count("<w:b/>") == 4  # every piece of the run stays bold
    assert DocxReader().read_bytes(path.read_bytes(), "x.docx").text == "Two sex workers here"


def test_a_word_document_on_stdin_is_fixed_to_stdout(tmp_path: Path) -> None:
    command = ["check", "--isolated", "--fix", "--stdin-filename", "brief.docx", "-"]
    proc = subprocess.run(
        [sys.executable, "-m", "respectful_lint", *command],
        input=EXAMPLE.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 1  # a finding without a safe fix remains
    assert proc.stdout == FIXED_EXAMPLE.read_bytes()
    assert b"2 fixed, 2 remaining" in proc.stderr


def test_output_dash_writes_the_corrected_copy_to_stdout(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "respectful_lint", "check", "--isolated", "--output", "-", EXAMPLE],
        capture_output=True,
        check=False,
        cwd=tmp_path,
    )
    assert proc.returncode == 1
    assert proc.stdout == FIXED_EXAMPLE.read_bytes()
    assert b"2 fixed, 2 remaining" in proc.stderr
    assert list(tmp_path.iterdir()) == []  # no file called '-'


def test_a_word_heading_that_names_something_is_not_fixed(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_heading("Hooker Outreach Collective", level=1)
    doc.add_heading("Tea for hookers", level=2)
    path = tmp_path / "named.docx"
    doc.save(str(path))
    result = check(tmp_path, "--fix", str(path))
    assert "1 fixed, 1 remaining." in result.stdout
    assert [p.text for p in docx.Document(str(path)).paragraphs] == [
        "Hooker Outreach Collective",
        "Tea for sex workers",
    ]
