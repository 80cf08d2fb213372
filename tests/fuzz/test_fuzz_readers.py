"""Fuzz every reader, from bytes to findings, with inputs built from each format's pieces."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import cast

import pytest
from _harness import FUZZ, guarded
from hypothesis import given
from hypothesis import strategies as st

from respectful_lint.engine import lint_document
from respectful_lint.model import Finding
from respectful_lint.readers import BinaryReader, is_binary, reader_for_name
from respectful_lint.reading import decode
from respectful_lint.runner import prepare

LEXICON = prepare()
REGRESSIONS = Path(__file__).parent / "regressions"

# Words the rules look for, so that inputs reach the engine's deeper paths.
WORDS = ["hooker", "john", "prostitute", "addict", "crack", "illegal", "alien", "the", "a", "é"]
# fmt: off
COMMON = [
    *WORDS, " ", "\n", "\r\n", "\r", "\t", "\0", "\u2029", "\ufeff", "\u00ad", "😀", "’", "'",
    '"', "“", "-", "—", ".", ",", "!", "?", "9" * 40, "&#", "&#x", "&amp;", "&", ";", "\\",
]
PIECES = {
    "text": [*COMMON, "\n\n", "    "],
    "markdown": [
        *COMMON,
        "> ",
        "> > > ",
        "- ",
        "* ",
        "1. ",
        "# ",
        "```",
        "~~~",
        "`",
        "**",
        "_",
        "[",
        "](",
        ")",
        "<",
        ">",
        "<div>",
        "</div>",
        "<!--",
        "-->",
        "|",
        "---",
        "\n\n",
        "    ",
        "<p title='",
        "'>",
        "![",
        "\\*",
        "&#" + "9" * 30 + ";",
    ],
    "rst": [
        *COMMON,
        "::",
        "::\n\n",
        ".. ",
        "..\n",
        ".. code-block:: python\n",
        ".. literalinclude:: x.py\n",
        ".. raw:: html\n",
        ".. note::\n",
        ".. _target: ",
        ".. [1] ",
        ".. |sub| replace:: ",
        "   :linenos:\n",
        ">>> ",
        "... ",
        "``",
        "`",
        "`_",
        ":meth:`",
        ":ref:`",
        ":c:type:`",
        ":",
        "*",
        "- ",
        "1. ",
        "=====\n",
        "\n\n",
        "    ",
        "  ",
    ],
    "html": [
        *COMMON,
        "<p>",
        "</p>",
        "<div",
        ">",
        "</div>",
        "<script>",
        "</script>",
        "<style>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "<img alt='",
        "'",
        "/>",
        '<input value="',
        '"',
        "<b>",
        "</b>",
        "<",
        "</",
        "<!DOCTYPE html>",
        "&nbsp;",
        "&#65;",
        "&#x41;",
        "&#",
        "<textarea>",
        "</textarea>",
        "data-help='",
    ],
    "json": [
        *COMMON,
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        '"',
        '"label": ',
        "null",
        "true",
        "1e400",
        "-",
        "0",
        "\\u00e9",
        "\\ud83d\\ude00",
        "\\n",
        "<p>",
        "</p>",
    ],
    "yaml": [
        *COMMON,
        ": ",
        "- ",
        "[",
        "]",
        "{",
        "}",
        "&a ",
        "*a",
        "! ",
        "!!str ",
        "|\n  ",
        ">\n  ",
        "---\n",
        "...\n",
        "#",
        "? ",
        "2024-13-45",
        "'",
        '"',
        "  ",
        "\n  ",
    ],
}
# fmt: on


def soup(kind: str) -> st.SearchStrategy[bytes]:
    """Bytes made of a format's pieces, some plain text, and now and then invalid UTF-8."""
    piece = st.one_of(st.sampled_from(PIECES[kind]), st.text(max_size=8))
    text = st.lists(piece, max_size=60).map("".join)
    encoded = text.map(lambda t: t.encode("utf-8", "surrogatepass"))
    raw = st.binary(max_size=64)
    return st.one_of(encoded, encoded, encoded, raw, st.tuples(encoded, raw).map(b"".join))


def lint_bytes(kind: str, data: bytes) -> list[Finding]:
    """The runner's path for one file: decode (or read bytes), read, lint, quote lines."""
    reader = reader_for_name(kind)
    name = f"fuzz.{kind}"
    if is_binary(reader):
        document = cast(BinaryReader, reader).read_bytes(data, name)
    else:
        document = reader.read(decode(data, name), name)
    findings = lint_document(document, LEXICON)
    for f in findings:
        assert f.line >= 1 and f.column >= 1 and f.start <= f.end
        document.line_text(f.line)
    return findings


def run_one(kind: str, data: bytes) -> None:
    guarded(lambda: lint_bytes(kind, data), len(data))


@pytest.mark.parametrize("kind", sorted(PIECES))
@FUZZ
@given(data=st.data())
def test_text_readers(kind: str, data: st.DataObject) -> None:
    run_one(kind, data.draw(soup(kind)))


@FUZZ
@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    | st.sampled_from(WORDS),
    lambda inner: st.lists(inner, max_size=5)
    | st.dictionaries(st.text(max_size=8), inner, max_size=5),
    max_leaves=30,
))  # fmt: skip
def test_json_values(value: object) -> None:
    run_one("json", json.dumps(value).encode())


# fmt: off
XML = [
    "<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "<w:tab/>", "<w:br/>", "<w:p/>",
    "<w:tbl>", "</w:tbl>", "<w:txbxContent>", "</w:txbxContent>", "<w:del>", "</w:del>",
    "<w:delText>", "</w:delText>", "<mc:Fallback>", "</mc:Fallback>", "&amp;", "&#233;",
    "<!DOCTYPE x>", "<!ENTITY a 'b'>", "<", ">", "&", "\0",
    *WORDS, " ",
]
# fmt: on
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def docx(body: str, parts: dict[str, str], stored: bool) -> bytes:
    buf = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buf, "w", method) as z:
        z.writestr(
            "word/document.xml", f"<w:document {W} {MC}><w:body>{body}</w:body></w:document>"
        )
        for name, xml in parts.items():
            z.writestr(name, xml)
    return buf.getvalue()


@FUZZ
@given(
    body=st.lists(st.sampled_from(XML), max_size=60).map("".join),
    parts=st.dictionaries(
        st.sampled_from(["word/header1.xml", "word/footnotes.xml", "word/comments.xml", "x"]),
        st.lists(st.sampled_from(XML), max_size=20).map("".join),
        max_size=2,
    ),
    stored=st.booleans(),
    cut=st.integers(min_value=0, max_value=400),
    noise=st.binary(max_size=16),
)
def test_docx(body: str, parts: dict[str, str], stored: bool, cut: int, noise: bytes) -> None:
    whole = docx(body, parts, stored)
    run_one("docx", whole)
    run_one("docx", whole[: len(whole) - cut] + noise)  # truncated or damaged


@pytest.mark.parametrize("fixture", sorted(REGRESSIONS.glob("reader-*")), ids=lambda p: p.name)
def test_saved_crashing_inputs(fixture: Path) -> None:
    """Inputs the fuzzers once crashed on, named ``reader-KIND-what``."""
    kind = fixture.name.split("-")[1]
    run_one(kind, fixture.read_bytes())
