"""The web checker's edits: to text, and to Word documents with their formatting kept."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from respectful_lint import LintError, lint_text
from respectful_lint.readers.docx import DocxReader
from respectful_lint.web.edits import (
    apply_to_docx,
    apply_to_text,
    replacement_edits,
    safe_fix_edits,
)

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def package(body: str, **parts: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
        z.writestr("word/styles.xml", f"<w:styles {W}/>")
        for name, xml in parts.items():
            z.writestr(f"word/{name}.xml", xml)
    return buf.getvalue()


def text_of(data: bytes) -> str:
    return str(DocxReader().read_bytes(data, "d.docx").text)


def runs(data: bytes) -> list[tuple[str, str]]:
    """(text, formatting) of every run of the body: "b" bold, "i" italic."""
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    return [
        (
            "".join(r.xpath("w:t/text()", namespaces=ns)),
            "".join(f.tag.rpartition("}")[2] for f in r.xpath("w:rPr/*", namespaces=ns)),
        )
        for r in root.iterfind(".//w:r", ns)
    ]


def test_apply_to_text_replaces_from_the_end() -> None:
    assert apply_to_text("one two three", [(0, 3, "1"), (8, 13, "3")]) == "1 two 3"


@pytest.mark.parametrize("batch", [[(0, 99, "x")], [(3, 1, "x")], [(0, 4, "a"), (2, 6, "b")]])
def test_apply_to_text_refuses_bad_edits(batch: list[tuple[int, int, str]]) -> None:
    with pytest.raises(LintError):
        apply_to_text("one two three", batch)


@given(st.text(max_size=40), st.data())
def test_apply_to_text_keeps_everything_outside_the_edit(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    new = data.draw(st.text(max_size=10))
    out = apply_to_text(text, [(start, end, new)])
    assert out == text[:start] + new + text[end:]


def test_a_later_suggestion_changes_the_article_to_fit() -> None:
    text = "He is an addict."
    (finding,) = lint_text(text, kind="text")
    assert finding.suggestions[0] == "person who uses drugs"
    assert apply_to_text(text, replacement_edits(text, finding, 0)) == (
        "He is a person who uses drugs."
    )


def test_the_first_suggestion_uses_the_findings_own_fix() -> None:
    text = "Where can I get an AIDS test?"
    (finding,) = lint_text(text, kind="text")
    assert finding.fix is not None
    assert replacement_edits(text, finding, 0) == list(finding.fix.edits)


def test_safe_fixes_leave_unsafe_and_missing_fixes_alone() -> None:
    text = "She met prostitutes and asked for an AIDS test."
    findings = lint_text(text, kind="text")
    assert apply_to_text(text, safe_fix_edits(findings)) == (
        "She met prostitutes and asked for an HIV test."
    )


def test_docx_edit_keeps_the_run_formatting() -> None:
    body = (
        "<w:p><w:pPr><w:pStyle w:val='Heading1'/></w:pPr><w:r><w:t>Report</w:t></w:r></w:p>"
        "<w:p><w:r><w:t xml:space='preserve'>We met </w:t></w:r>"
        "<w:r><w:rPr><w:b/></w:rPr><w:t>prosti</w:t></w:r>"
        "<w:r><w:rPr><w:i/></w:rPr><w:t xml:space='preserve'>tutes today.</w:t></w:r></w:p>"
    )
    data = package(body)
    text = text_of(data)
    start = text.index("prostitutes")
    out = apply_to_docx(data, [[(start, start + len("prostitutes"), "sex workers")]])
    assert text_of(out) == "Report\nWe met sex workers today."
    assert runs(out)[1:] == [
        ("We met ", ""),
        ("sex workers", "b"),
        (" today.", "i"),
    ]
    with zipfile.ZipFile(io.BytesIO(data)) as a, zipfile.ZipFile(io.BytesIO(out)) as b:
        assert a.namelist() == b.namelist()
        assert a.read("word/styles.xml") == b.read("word/styles.xml")


def test_docx_edits_in_tables_headers_and_after_tabs() -> None:
    body = (
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ask the addicts</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "<w:p><w:r><w:t>Name</w:t><w:tab/><w:t xml:space='preserve'>an AIDS test</w:t></w:r></w:p>"
    )
    header = f"<w:hdr {W}><w:p><w:r><w:t>Hookers welcome</w:t></w:r></w:p></w:hdr>"
    data = package(body, header1=header)
    text = text_of(data)
    assert text == "Ask the addicts\nName\tan AIDS test\nHookers welcome"
    edits = [
        (text.index("addicts"), text.index("addicts") + 7, "people who use drugs"),
        (text.index("AIDS"), text.index("AIDS") + 9, "HIV test"),
        (text.index("Hookers"), text.index("Hookers") + 7, "Sex workers"),
    ]
    out = apply_to_docx(data, [edits])
    assert text_of(out) == "Ask the people who use drugs\nName\tan HIV test\nSex workers welcome"
    second = [(0, 3, "Tell")]
    assert text_of(apply_to_docx(data, [edits, second])).startswith("Tell the people")


def test_docx_edit_across_paragraphs_is_refused() -> None:
    data = package("<w:p><w:r><w:t>one</w:t></w:r></w:p><w:p><w:r><w:t>two</w:t></w:r></w:p>")
    with pytest.raises(LintError, match="crosses a paragraph"):
        apply_to_docx(data, [[(2, 5, "x")]])


def test_docx_skips_deleted_text_like_the_reader() -> None:
    body = (
        "<w:p><w:r><w:t xml:space='preserve'>We met </w:t></w:r>"
        "<w:del><w:r><w:delText>old words </w:delText></w:r></w:del>"
        "<w:r><w:t>hookers.</w:t></w:r></w:p>"
    )
    data = package(body)
    text = text_of(data)
    assert text == "We met hookers."
    out = apply_to_docx(data, [[(7, 14, "sex workers")]])
    assert text_of(out) == "We met sex workers."
    assert b"old words" in zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml")


RUN = st.text(alphabet="ab c\u00e9\U0001f600", min_size=0, max_size=6)


@given(st.lists(st.lists(RUN, min_size=1, max_size=4), min_size=1, max_size=4), st.data())
def test_docx_edits_give_the_text_edits_give(
    paragraphs: list[list[str]], data: st.DataObject
) -> None:
    """Any edit inside a paragraph, across runs and tabs, gives in the .docx what it gives to
    the text the reader reads (the writer also checks this itself, so it must not raise)."""
    body = "".join(
        "<w:p>"
        + "".join(
            f"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space='preserve'>{run}</w:t></w:r>"
            + ("<w:r><w:tab/></w:r>" if i % 2 else "")
            for i, run in enumerate(runs)
        )
        + "</w:p>"
        for runs in paragraphs
    )
    source = package(body)
    text = text_of(source)
    lines = text.split("\n")
    line = data.draw(st.integers(0, len(lines) - 1))
    base = sum(len(x) + 1 for x in lines[:line])
    start = base + data.draw(st.integers(0, len(lines[line])))
    end = data.draw(st.integers(start, base + len(lines[line])))
    new = data.draw(st.text(alphabet="xyz ", max_size=5))
    if not text.strip() or (start == end and not new):
        return
    try:
        out = apply_to_docx(source, [[(start, end, new)]])
    except LintError as exc:  # only when the edit has no text to attach to
        assert "no text to change" in str(exc)
        return
    assert text_of(out) == apply_to_text(text, [(start, end, new)])
