"""The Markdown reader's two parsers make the same segments, offsets and kinds.

pulldown-cmark's events (``pyromark``) read most files; markdown-it-py reads what the events
cannot promise to read alike. Documents built from the constructs real pages use must give
identical segments either way.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from respectful_lint.model import Document, line_starts
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
    "~{}~",
    "~~{}~~",
    "~~~{}~~~",
    "{}~{}",
    "`~~{}~~`",
    "<b title='~~'>{}</b>",
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


# front matter as markdown-it's plugin reads it: closed by as many dashes or more, or "...",
# indented less than four columns; anything else leaves the first line a thematic break
OPENERS = ["---", "----", "---x"]
CLOSERS = ["---", "----", "...", "...  ", "  ---", "    ---", "--- \t", "-- -", "---x", " ..."]


@st.composite
def _front_matter(draw: st.DrawFn) -> list[str]:
    lines = [draw(st.sampled_from(OPENERS))]
    for _ in range(draw(st.integers(0, 3))):
        lines.append(draw(st.sampled_from([*CLOSERS, "title: hooker", "", "- sex workers"])))
    return lines


@st.composite
def _document(draw: st.DrawFn) -> str:
    lines: list[str] = draw(_front_matter()) if draw(st.integers(0, 3)) == 0 else []
    for _ in range(draw(st.integers(1, 8))):
        lines.append(draw(_line()))
        if draw(st.booleans()):
            lines.append("")
        if lines[-1].startswith("| ") and draw(st.booleans()):
            lines.append("|---|---|")
        if draw(st.integers(0, 9)) == 0:
            lines.extend(["```", "code hooker", "```"])
        if draw(st.integers(0, 9)) == 0:
            lines.extend(["~~~", "code ~~hooker~~", "~~~"])
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
    _assert_both_parsers_agree(text)


def _assert_both_parsers_agree(text: str) -> None:
    """The segments read from pulldown-cmark's events equal markdown-it-py's."""
    reader = markdown.MarkdownReader()
    fast = reader.read(text, "p.md")
    original = markdown_fast.usable
    try:
        markdown_fast.usable = lambda _text: False  # type: ignore[assignment]
        slow = reader.read(text, "p.md")
    finally:
        markdown_fast.usable = original  # type: ignore[assignment]
    assert _segments(fast) == _segments(slow)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("---\ntitle: a\n---\nText\n", 3),
        ("----\ntitle: a\n---\n-----\nText\n", 4),
        ("---\r\ntitle: a\r\n...\r\nText\r\n", 3),
        ("---\ntitle: a\n    ---\n  ---  \nText\n", 4),
        ("---\ntitle: a\nText\n", 0),  # never closed: a thematic break
        ("Text\n---\nMore\n---\n", 0),
    ],
)
def test_front_matter_is_found_as_markdown_it_finds_it(text: str, body: int) -> None:
    assert markdown_fast.body_line(text, line_starts(text)) == body


def test_a_file_with_front_matter_is_read_from_the_events(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "---\ntitle: hooker\n---\nSome *sex workers* said\n"
    calls = []
    original = markdown_fast.segments

    def counted(*args: Any) -> Any:
        calls.append(args)
        return original(*args)

    monkeypatch.setattr(markdown_fast, "segments", counted)
    doc = markdown.MarkdownReader().read(text, "p.md")
    assert len(calls) == 1
    assert [s.text for s in doc.segments] == ["Some sex workers said"]


def test_tildes_in_code_leave_the_file_to_the_events(monkeypatch: pytest.MonkeyPatch) -> None:
    def unused() -> None:
        raise AssertionError("markdown-it-py read the file")

    monkeypatch.setattr(markdown, "_parser", unused)
    text = "~~~\ncode ~~hooker~~\n~~~\n\nSome `~~x~~` hookers said\n"
    doc = markdown.MarkdownReader().read(text, "p.md")
    assert [s.text for s in doc.segments] == ["Some \ufffc hookers said"]


def test_strikethrough_is_read_by_markdown_it(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    original = markdown._parser

    def counted() -> Any:
        calls.append(1)
        return original()

    monkeypatch.setattr(markdown, "_parser", counted)
    doc = markdown.MarkdownReader().read("Some ~~hookers~~ said\n", "p.md")
    assert calls
    assert [s.text for s in doc.segments] == ["Some hookers said"]


def test_a_large_file_with_front_matter_is_cut_alike_for_both_parsers() -> None:
    # a fence line in the front matter, and a link definition the last chunk holds
    front = "---\ntitle: Notes\nnotes: |\n  ```\n---\n"
    para = "The [hooker] said something here, and more words follow it.\n\n"
    body = para * (markdown.CHUNK_SIZE // len(para) + 20)
    _assert_both_parsers_agree(front + body + "[hooker]: https://example.org\n")
