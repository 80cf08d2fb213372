"""For every reader: each finding's source slice, read the way its format reads it, normalizes
to a form of the finding's rule, and the slice is exactly the reported ``matched`` text."""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
from collections.abc import Callable

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from respectful_lint.engine import lint_document
from respectful_lint.model import Document, Finding
from respectful_lint.normalize import normalize
from respectful_lint.readers import reader_for_name
from respectful_lint.readers.docx import DocxReader
from respectful_lint.runner import prepare
from respectful_lint.selection import Selection

SELECTION = Selection(select=("sex-work", "child-exploitation"))
LEXICON = prepare(selection=SELECTION)
FORMS = {rule.id: set(rule.forms) for rule in LEXICON.rules}
# pattern rules have no forms: their finding is an expression's match, whose slice is checked
PATTERNS = {rule.id for rule in LEXICON.rules if rule.entry.kind == "pattern"}
SURFACES = sorted({form for forms in FORMS.values() for form in forms if " " not in form})
PHRASES = sorted({form for forms in FORMS.values() for form in forms if " " in form})
NOISE = ["the", "a", "John", "met", "police", "said", "café", "😀", "e\u0301", "x", "", "and"]


def _surface(form: str) -> st.SearchStrategy[str]:
    return st.sampled_from([form, form.upper(), form.title(), form.replace("'", "’")])


words = st.one_of(
    st.sampled_from(SURFACES).flatmap(_surface),
    st.sampled_from(PHRASES).flatmap(_surface),
    st.sampled_from(NOISE),
)
SEPARATORS = [" ", "  ", "\n", "\r\n", "\t", ", ", ". ", "-", "’", '"']


def _text(markup: list[str]) -> st.SearchStrategy[str]:
    pieces = st.one_of(words, st.sampled_from(SEPARATORS + markup))
    return st.lists(pieces, max_size=25).map(" ".join)


def check(document: Document, view: Callable[[str], str]) -> None:
    for f in lint_document(document, LEXICON):
        assert_finding(document, f, view)


def assert_finding(document: Document, f: Finding, view: Callable[[str], str]) -> None:
    source = document.text[f.start : f.end]
    assert source == f.matched
    if f.rule in PATTERNS:
        assert source.strip(), (source, f.rule)
    else:
        assert normalize(view(source))[0].strip() in FORMS[f.rule], (source, f.rule)
    line_start = document.text.rfind("\n", 0, f.start) + 1
    if "\r" not in document.text:
        assert f.column == f.start - line_start + 1


PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HTML_MARKUP = [
    "<em>",
    "</em>",
    "<b>",
    "</b>",
    "<span class='x'>",
    "</span>",
    "<!-- note -->",
    "&amp;",
    "&#8217;",
    "&nbsp;",
    "&rsquo;",
    "<p>",
    "</p>",
    "<br>",
    "<code>x</code>",
    "<a href='u'>",
    "</a>",
    "<li>",
    "<td>",
    "<h2>",
    "</h2>",
]


def _html_view(source: str) -> str:
    return html.unescape(re.sub(r"<!--.*?-->|<[^>]*>", "", source, flags=re.S))


@PROPERTY
@given(_text(HTML_MARKUP), _text(["&amp;", "&#8217;"]))
def test_html(text: str, attribute: str) -> None:
    attribute = attribute.replace("'", "&#39;").replace("<", "&lt;")
    page = f"<p>{text}</p>\n<img alt='{attribute}'>"
    check(reader_for_name("html").read(page, "p.html"), _html_view)


@PROPERTY
@given(_text(["*", "**", "_", "<em>", "</em>", "<b>", "</b>", "&amp;", "&#8217;", "`x`"]))
def test_markdown(text: str) -> None:
    check(
        reader_for_name("markdown").read(text, "p.md"),
        lambda s: _html_view(re.sub(r"[*_\\]", "", s)),
    )


@PROPERTY
@given(_text([]))
def test_text(text: str) -> None:
    check(reader_for_name("text").read(text, "p.txt"), lambda s: s)


@PROPERTY
@given(st.lists(_text(["{name}", "\\", '"']), max_size=4), st.booleans())
def test_json(strings: list[str], ascii_only: bool) -> None:
    text = json.dumps(
        {"form": {"fields": [{"label": s} for s in strings]}}, ensure_ascii=ascii_only
    )
    check(reader_for_name("json").read(text, "s.json"), lambda s: json.loads(f'"{s}"'))


@PROPERTY
@given(st.lists(_text(["'", '"', "#", ":"]), max_size=4), st.sampled_from([None, '"', "'"]))
def test_yaml(strings: list[str], style: str | None) -> None:
    text = yaml.safe_dump({"fields": strings}, default_style=style, allow_unicode=True, width=40)

    def view(source: str) -> str:  # the dumper may quote a scalar it cannot write plain
        if style == '"' or "\\" in source:
            return str(yaml.safe_load(f'"{source}"'))
        return source.replace("''", "'")

    check(reader_for_name("yaml").read(text, "s.yaml"), view)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@PROPERTY
@given(st.lists(st.lists(_text([]), max_size=4), max_size=4))
def test_docx(paragraphs: list[list[str]]) -> None:
    body = "".join(
        "<w:p>"
        + "".join(f"<w:r><w:t xml:space='preserve'>{html.escape(run)}</w:t></w:r>" for run in runs)
        + "</w:p>"
        for runs in paragraphs
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
    check(DocxReader().read_bytes(buf.getvalue(), "d.docx"), lambda s: s)
