"""Minimal Word documents that tests build: paragraphs of runs in a zip package."""

from __future__ import annotations

import io
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def para(*runs: str) -> str:
    return (
        "<w:p>"
        + "".join(f"<w:r><w:t xml:space='preserve'>{r}</w:t></w:r>" for r in runs)
        + "</w:p>"
    )


def package(body: str, **parts: str) -> bytes:
    """A minimal .docx: word/document.xml with ``body``, plus other parts by file name."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(
            "word/document.xml", f"<w:document {W} {MC}><w:body>{body}</w:body></w:document>"
        )
        for name, xml in parts.items():
            z.writestr(f"word/{name}.xml", xml)
    return buf.getvalue()
