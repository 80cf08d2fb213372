"""Batches of edits: applied to text, composed, and written into Word documents (with their
formatting kept, and as tracked changes), as the web checker uses them."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from respectful_lint import LintError, lint_text
from respectful_lint.docxfix import apply_docx_edits
from respectful_lint.edits import apply_edits, compose_edits
from respectful_lint.fixer import fix_edits, suggestion_edits
from respectful_lint.readers.docx import DocxReader

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
    assert apply_edits("one two three", [(0, 3, "1"), (8, 13, "3")]) == "1 two 3"


@pytest.mark.parametrize("batch", [[(0, 99, "x")], [(3, 1, "x")], [(0, 4, "a"), (2, 6, "b")]])
def test_apply_to_text_refuses_bad_edits(batch: list[tuple[int, int, str]]) -> None:
    with pytest.raises(LintError):
        apply_edits("one two three", batch)


@given(st.text(max_size=40), st.data())
def test_apply_to_text_keeps_everything_outside_the_edit(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    new = data.draw(st.text(max_size=10))
    out = apply_edits(text, [(start, end, new)])
    assert out == text[:start] + new + text[end:]


def test_a_later_suggestion_changes_the_article_to_fit() -> None:
    text = "He is an addict."
    (finding,) = lint_text(text, kind="text")
    assert finding.suggestions[0] == "person who uses drugs"
    assert apply_edits(text, suggestion_edits(text, finding, 0)) == (
        "He is a person who uses drugs."
    )


def test_the_first_suggestion_uses_the_findings_own_fix() -> None:
    text = "Where can I get an AIDS test?"
    (finding,) = lint_text(text, kind="text")
    assert finding.fix is not None
    assert suggestion_edits(text, finding, 0) == list(finding.fix.edits)


def test_safe_fixes_leave_unsafe_and_missing_fixes_alone() -> None:
    text = "She met prostitutes and asked for an AIDS test."
    findings = lint_text(text, kind="text")
    assert apply_edits(text, fix_edits(text, findings)) == (
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
    out = apply_docx_edits(data, [(start, start + len("prostitutes"), "sex workers")])
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
    out = apply_docx_edits(data, edits)
    assert text_of(out) == "Ask the people who use drugs\nName\tan HIV test\nSex workers welcome"
    second = [(0, 3, "Tell")]
    both = compose_edits(text, [edits, second])
    assert text_of(apply_docx_edits(data, both)).startswith("Tell the people")


def test_docx_edit_across_paragraphs_is_refused() -> None:
    data = package("<w:p><w:r><w:t>one</w:t></w:r></w:p><w:p><w:r><w:t>two</w:t></w:r></w:p>")
    # named as a person finds it: the paragraph's number and its first words
    with pytest.raises(
        LintError,
        match="cannot write the change of 'e t' in paragraph 1 \\(\u201cone\u201d\\): it crosses a "
        "paragraph",
    ):
        apply_docx_edits(data, [(2, 5, "x")])


def test_docx_skips_deleted_text_like_the_reader() -> None:
    body = (
        "<w:p><w:r><w:t xml:space='preserve'>We met </w:t></w:r>"
        "<w:del><w:r><w:delText>old words </w:delText></w:r></w:del>"
        "<w:r><w:t>hookers.</w:t></w:r></w:p>"
    )
    data = package(body)
    text = text_of(data)
    assert text == "We met hookers."
    out = apply_docx_edits(data, [(7, 14, "sex workers")])
    assert text_of(out) == "We met sex workers."
    assert b"old words" in zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml")


RUN = st.text(alphabet="ab c\u00e9\U0001f600", min_size=0, max_size=6)


@given(st.lists(st.lists(RUN, min_size=1, max_size=4), min_size=1, max_size=4), st.data())
def test_docx_edits_give_the_text_edits_give(
    paragraphs: list[list[str]], data: st.DataObject
) -> None:
    """Any edit inside a paragraph, across runs and tabs, gives in the .docx what it gives to
    the text the reader reads (the writer also checks this itself), unless it deletes a tab
    or has only a tab next to it."""
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
        out = apply_docx_edits(source, [(start, end, new)])
    except LintError as exc:  # only for an edit that deletes a tab or only meets one
        assert "cannot write the change" in str(exc)
        assert "\t" in text[max(0, start - 1) : end + 1]
        return
    assert text_of(out) == apply_edits(text, [(start, end, new)])


def test_a_suggestion_in_html_is_escaped_for_where_it_stands() -> None:
    source = '<p title="an addict">text</p>'
    (finding,) = lint_text(source, kind="html")
    edits = suggestion_edits(source, finding, 0, "html")
    assert edits is not None
    assert apply_edits(source, edits) == '<p title="a person who uses drugs">text</p>'


EDIT_TEXT = st.text(alphabet="ab\u00e9 \U0001f600", max_size=12)


@st.composite
def batch_on(draw: st.DrawFn, text: str) -> list[tuple[int, int, str]]:
    """A batch of edits of ``text`` that do not overlap."""
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6)))
    batch = []
    for lo, hi in zip(cuts[::2], cuts[1::2], strict=False):
        batch.append((lo, hi, draw(st.text(alphabet="xyz", max_size=3))))
    return [e for i, e in enumerate(batch) if i == 0 or batch[i - 1][1] < e[0]]


@given(EDIT_TEXT, st.data())
def test_composed_batches_give_the_text_the_batches_give(text: str, data: st.DataObject) -> None:
    batches = []
    now = text
    for _ in range(data.draw(st.integers(0, 4))):
        batch = data.draw(batch_on(now))
        batches.append(batch)
        now = apply_edits(now, batch)
    composed = compose_edits(text, batches)
    assert apply_edits(text, composed) == now
    assert composed == sorted(composed)


def test_a_later_change_to_new_words_merges_with_the_first() -> None:
    text = "We met an addict."
    first = [(7, 9, "a"), (10, 16, "person who uses drugs")]
    second = [(9, 15, "human")]
    assert compose_edits(text, [first, second]) == [(7, 9, "a"), (10, 16, "human who uses drugs")]


def tracked(data: bytes) -> tuple[list[str], list[str], set[str]]:
    """The inserted and deleted words of a .docx body, and the authors of its revisions."""
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    inserted = [
        "".join(e.xpath(".//w:t/text()", namespaces=ns)) for e in root.iterfind(".//w:ins", ns)
    ]
    deleted = [
        "".join(e.xpath(".//w:delText/text()", namespaces=ns))
        for e in root.iterfind(".//w:del", ns)
    ]
    authors = {
        v
        for e in root.xpath(".//w:ins|.//w:del", namespaces=ns)
        for k, v in e.attrib.items()
        if k.endswith("}author")
    }
    return inserted, deleted, authors


def test_edits_as_tracked_changes_keep_formatting_and_read_back() -> None:
    body = (
        "<w:p><w:r><w:t xml:space='preserve'>We met </w:t></w:r>"
        "<w:r><w:rPr><w:b/></w:rPr><w:t>prostitutes</w:t></w:r>"
        "<w:r><w:t xml:space='preserve'> and an addict today.</w:t></w:r></w:p>"
    )
    data = package(body)
    text = text_of(data)
    first = [(text.index("prostitutes"), text.index("prostitutes") + 11, "sex workers")]
    at = text.index("an addict")
    second = [(at, at + 2, "a"), (at + 3, at + 9, "person who uses drugs")]
    batch = compose_edits(text, [first, apply_edits_shift(first, second)])
    out = apply_docx_edits(data, batch, track_changes=True)
    assert text_of(out) == "We met sex workers and a person who uses drugs today."
    inserted, deleted, authors = tracked(out)
    assert "sex workers" in inserted and "prostitutes" in deleted
    assert authors == {"respectful-lint"}
    assert ("sex workers", "b") in [r for r in runs(out) if r[0]]


def apply_edits_shift(
    before: list[tuple[int, int, str]], batch: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """``batch`` (offsets of the original text) moved past the growth of ``before``."""
    grow = sum(len(n) - (e - s) for s, e, n in before)
    return [(s + grow, e + grow, n) for s, e, n in batch]


def test_a_tracked_edit_where_a_revision_already_stands_is_refused() -> None:
    body = (
        "<w:p><w:ins w:id='1' w:author='A'><w:r><w:t xml:space='preserve'>We met </w:t></w:r>"
        "</w:ins><w:r><w:t>hookers.</w:t></w:r></w:p>"
    )
    data = package(body)
    with pytest.raises(LintError, match="another tracked change"):
        apply_docx_edits(data, [(7, 14, "sex workers")], track_changes=True)
    assert text_of(apply_docx_edits(data, [(7, 14, "sex workers")])) == "We met sex workers."


def test_no_fix_leaves_markup_around_nothing() -> None:
    # the wording goes in the first piece of a match that markup splits; a piece emptied
    # between two delimiters would leave them around nothing ("homelessness**")
    for text, kind in (
        ("We help the *home*less.", "markdown"),
        ("We help the ho*meless*.", "markdown"),
        ("Two ex-<em>inmate</em>s spoke.", "html"),
    ):
        (finding,) = lint_text(text, kind=kind)
        assert finding.fix is None, text
    (finding,) = lint_text("The *hook*er left.", kind="markdown")
    assert finding.fix is not None  # "The *sex worker* left.": nothing left empty
    assert apply_edits("The *hook*er left.", list(finding.fix.edits)) == "The *sex worker* left."
