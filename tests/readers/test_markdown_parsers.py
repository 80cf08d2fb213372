"""The Markdown reader's two parsers make the same segments, offsets and kinds.

pulldown-cmark's events (``pyromark``) read most files; markdown-it-py reads what the events
cannot promise to read alike. Documents built from the constructs real pages use must give
identical segments either way.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from respectful_lint.model import Document
from respectful_lint.readers import markdown, markdown_fast

pytestmark = pytest.mark.skipif(not markdown_fast.AVAILABLE, reason="pyromark is not installed")

WORDS = ["sex workers", "hooker", "the", "café", "😀", "addicts", "said", "met", "e\u0301"]
INLINE = [
    "*{}*",
    "**{}**",
    "_{}_",
    "`{}`",
    "[{}](https://example.org/a)",
    "![{}](img.png)",
    "<em>{}</em>",
    "<code>{}</code>",
    "{} &amp; {}",
    "{}&#8217;s",
    "\\*{}\\*",
    "<https://example.org>",
    "https://example.org/{}",
    "{}  ",
    "{}\\",
]
BLOCK = ["{}", "# {}", "## {}", "- {}", "  - {}", "1. {}", "> {}", "> - {}", "| {} | {} |"]


@st.composite
def _line(draw: st.DrawFn) -> str:
    pieces = []
    for _ in range(draw(st.integers(1, 5))):
        template = draw(st.sampled_from([*INLINE, "{}"]))
        pieces.append(template.format(*(draw(st.sampled_from(WORDS)) for _ in range(2))))
    text = " ".join(pieces)
    return draw(st.sampled_from(BLOCK)).format(text, text)


@st.composite
def _document(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        lines.append(draw(_line()))
        if draw(st.booleans()):
            lines.append("")
        if lines[-1].startswith("| ") and draw(st.booleans()):
            lines.append("|---|---|")
        if draw(st.integers(0, 9)) == 0:
            lines.extend(["```", "code hooker", "```"])
        if draw(st.integers(0, 9)) == 0:
            lines.extend(["<div>", "html <b>hooker</b>", "</div>", ""])
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines) + "\n"


def _segments(doc: Document) -> list[tuple[object, ...]]:
    return [
        (
            s.text,
            s.kind,
            s.quoted,
            [(s.offsets.start(i), s.offsets.end(i + 1)) for i in range(len(s.text))],
        )
        for s in doc.segments
    ]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document())
def test_both_parsers_make_the_same_segments(text: str) -> None:
    reader = markdown.MarkdownReader()
    fast = reader.read(text, "p.md")
    markdown_fast_usable = markdown_fast.usable
    try:
        markdown_fast.usable = lambda _text: False  # type: ignore[assignment]
        slow = reader.read(text, "p.md")
    finally:
        markdown_fast.usable = markdown_fast_usable  # type: ignore[assignment]
    assert _segments(fast) == _segments(slow)
