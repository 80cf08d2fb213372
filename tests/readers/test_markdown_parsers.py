"""The Markdown reader's two parsers make the same segments, offsets and kinds.

pulldown-cmark's events (``pyromark``) read most files; markdown-it-py reads what the events
cannot promise to read alike. Documents built from the constructs real pages use must give
identical segments either way.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from respectful_lint import lint_text
from respectful_lint.engine import candidate_filter, lint_document
from respectful_lint.lexicon import load_compiled
from respectful_lint.model import Document, line_starts
from respectful_lint.readers import markdown, markdown_fast
from respectful_lint.readers.build import PLACEHOLDER

pytestmark = pytest.mark.skipif(not markdown_fast.AVAILABLE, reason="pyromark is not installed")

WORDS = [
    "sex workers",
    "hooker",
    "the",
    "café",
    "😀",
    "addicts",
    "said",
    "met",
    "e\u0301",
    "aids",
    "carrier",
]
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
    "*&#150;*",
    "\\# {}",
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
    "~{} *{}~ x*",
    "~~{} *{}~~ x*",
    "*{} ~~{}* x~~",
    "~~{}~~{}~~",
    "\\~~{}~~",
    "~~_{}_~~",
    "*{}*\t",
    "`{}` \t ",
    "<b>{}</b>\t",
    "<!--{}\n-->",
    "[{}]",  # a shortcut reference when the document defines the label (see _document)
    "[{}][]",
    "[{}][hooker]",
    "![{}]",
    "[*{}*]",
    "{}[^{}]",  # a footnote's label, and attributes as Pandoc and kramdown write them
    "{} {{#{} .x}}",
    '<input type="submit" name="a" value="{}"> {}',  # words a form sends
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


# front matter: opened by a line of dashes alone, and closed as markdown-it's plugin closes it,
# by as many dashes or more, or "...", indented less than four columns; anything else leaves
# the first line a thematic break or a paragraph's
OPENERS = ["---", "----", "---x", "--- \t", "--- a ---"]
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
        if draw(st.integers(0, 9)) == 0:
            lines.extend(["<select name='w'>", "<option>hookers</option>", "</select>", ""])
    if draw(st.booleans()):  # definitions for the shortcut and collapsed references
        lines.extend(["", *(f"[{word}]: https://example.org/{i}" for i, word in enumerate(WORDS))])
        lines.append("[*hooker*]: https://example.org/h")
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
    assert fast.locked == slow.locked
    assert _anchored(fast) == _anchored(slow)


def _anchored(doc: Document) -> list[bool]:
    """For each character of each segment, whether a fix there would change a heading's
    link anchor."""
    return [
        doc.is_anchored(s.offsets.start(i), s.offsets.end(i + 1))
        for s in doc.segments
        for i in range(len(s.text))
    ]


@pytest.mark.parametrize(
    "text", ["# hooker #\t\n", "## hooker\t##\n", "- # hooker\t#\r\n", "> # \\] #\t\n"]
)
def test_a_closing_sequence_beside_a_tab_is_left_out_by_both_parsers(text: str) -> None:
    _assert_both_parsers_agree(text)


@pytest.mark.parametrize(
    "text",
    [
        "Some *hookers*\t\nsaid\n",  # blanks after emphasis: the tab stays, as markdown-it has it
        "Some `code` \t \nhookers\n",
        "Some [hookers](x)\t  \nsaid\n",  # a hard break: the last spaces go
        "Some <b>hookers</b>\t\r\nsaid\r\n",
        "Some <!--\r\n-->\r\nhookers\r\n",  # inline HTML across a line ending of two characters
        "Some <span\r\ntitle='hookers here'>x</span>\r\n",
        "```\ncode\n```\t\nhookers\n",  # a tab after a closing fence
        "~~~\t \ncode\n~~~ \t\nhookers\n",
        "<script></pre>\n\nhookers\n",  # a raw HTML block closed by another end tag
        "<pre>\nx\n</SCRIPT>\n\nhookers\n",
        "**hookers<pre>**\n",  # skipped inline HTML before the end of emphasis
    ],
)
def test_blanks_and_line_endings_around_inline_constructs_are_read_alike(text: str) -> None:
    _assert_both_parsers_agree(text)


def test_only_a_blocks_first_text_is_aligned_past_a_marker() -> None:
    # the first text is lost at "&#1;" (U+0001 to one parser, U+FFFD to the other), leaving
    # the cursor at the line's start: the strong text after it is no first text, and stepping
    # over the marker for it found the first reference, which markdown-it-py decodes alike
    _assert_both_parsers_agree("- &#0;\tcarrier aids &#1; **&#1;**\n")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("---\ntitle: a\n---\nText\n", 3),
        ("----\ntitle: a\n---\n-----\nText\n", 4),
        ("---\r\ntitle: a\r\n...\r\nText\r\n", 3),
        ("---\ntitle: a\n    ---\n  ---  \nText\n", 4),
        ("---\ntitle: a\nText\n", 0),  # never closed: a thematic break
        ("Text\n---\nMore\n---\n", 0),
        ("--- \t\ntitle: a\n---\nText\n", 3),
        ("--- Draft ---\nText\n---\n", 0),  # text after the dashes: a paragraph's first line
        ("---x\ntitle: a\n---\nText\n", 0),
    ],
)
def test_front_matter_opens_with_dashes_alone_and_closes_as_markdown_it_has_it(
    text: str, body: int
) -> None:
    assert markdown_fast.body_line(text, line_starts(text)) == body


def test_a_file_with_front_matter_is_read_from_the_events(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "---\nlayout: hooker\n---\nSome *sex workers* said\n"
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
    def unused(**_: Any) -> None:
        raise AssertionError("markdown-it-py read the file")

    monkeypatch.setattr(markdown, "_parser", unused)
    text = "~~~\ncode ~~hooker~~\n~~~\n\nSome `~~x~~` hookers said\n"
    doc = markdown.MarkdownReader().read(text, "p.md")
    assert [s.text for s in doc.segments] == ["Some \ufffc hookers said"]


def _read_counting_markdown_it(monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[int, Any]:
    calls = []
    original = markdown._parser

    def counted(**options: Any) -> Any:
        calls.append(1)
        return original(**options)

    monkeypatch.setattr(markdown, "_parser", counted)
    doc = markdown.MarkdownReader().read(text, "p.md")
    return len(calls), doc


def test_strikethrough_of_two_tildes_is_read_from_the_events(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Some ~~hookers~~ said, and ~~the *sex* workers~~ too\n"
    calls, doc = _read_counting_markdown_it(monkeypatch, text)
    assert calls == 0
    assert [s.text for s in doc.segments] == ["Some hookers said, and the sex workers too"]
    assert [s.offsets.start(0) for s in doc.segments] == [0]
    _assert_both_parsers_agree(text)


@pytest.mark.parametrize(
    "text",
    [
        "Some ~~hookers~ said\n",  # runs of two and one tilde: text to both, read apart
        "Some ~~~hookers~~~ said\n",  # three: one is text to markdown-it, all to the events
        "Some ~hookers *said~ it* ~~twice~~\n",  # the one-tilde pair leaves the * unpaired
        "Some hookers~~`\nsaid~~\n",  # opens for pulldown-cmark, not by CommonMark's rules
        "Some ~~*hookers*~~ said\n",  # punctuation inside the runs: left to markdown-it
    ],
)
def test_other_tilde_runs_go_to_markdown_it(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    _assert_both_parsers_agree(text)
    calls, _ = _read_counting_markdown_it(monkeypatch, text)
    assert calls


def test_one_tilde_pair_around_an_unpaired_delimiter_goes_to_markdown_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Some ~hookers *said~ it*\n"  # no two tildes in a row anywhere
    _assert_both_parsers_agree(text)
    calls, doc = _read_counting_markdown_it(monkeypatch, text)
    assert calls
    assert [s.text for s in doc.segments] == ["Some ~hookers said~ it"]


@pytest.mark.parametrize(
    "text",
    [
        "- a--> hookers\n\nSome text\n",  # a list item at the start, no front matter
        "- ---\n\nhookers said\n",
        "---\ntitle: a\n---\n- b--> hookers\n",  # after front matter
    ],
)
def test_a_list_item_with_dashes_at_the_start_is_no_front_matter(text: str) -> None:
    _assert_both_parsers_agree(text)
    original = markdown_fast.usable
    try:
        markdown_fast.usable = lambda _text: False  # type: ignore[assignment]
        doc = markdown.MarkdownReader().read(text, "p.md")
    finally:
        markdown_fast.usable = original  # type: ignore[assignment]
    assert any("hookers" in s.text for s in doc.segments)


def test_a_large_file_with_front_matter_is_cut_alike_for_both_parsers() -> None:
    # a fence line in the front matter, and a link definition the last chunk holds
    front = "---\ntitle: Notes\nnotes: |\n  ```\n---\n"
    para = "The [hooker] said something here, and more words follow it.\n\n"
    body = para * (markdown.CHUNK_SIZE // len(para) + 20)
    _assert_both_parsers_agree(front + body + "[hooker]: https://example.org\n")


def test_a_block_too_long_to_parse_is_read_as_plain_text_by_both_parsers() -> None:
    # both parsers hold a block's inline events at once (some 300 bytes a character of dense
    # emphasis): a chunk over MAX_CHUNK, one block with no blank line, is read as plain text
    text = "A short *first* paragraph.\n\n" + "*a " * (markdown.MAX_CHUNK // 3) + "a hooker\n"
    text += "\nThe *last* hooker.\n"
    _assert_both_parsers_agree(text)
    doc = markdown.MarkdownReader().read(text, "p.md")
    assert any("*a *a *a" in s.text for s in doc.segments)  # read as written, markers and all
    findings = lint_text(text, kind="markdown", select=["sex-work"])
    assert [(f.line, f.column, f.matched) for f in findings] == [
        (3, markdown.MAX_CHUNK // 3 * 3 + 3, "hooker"),
        (5, 12, "hooker"),
    ]


# --- leaving out blocks without a candidate -----------------------------------------------


def _sublist(part: list[Any], whole: list[Any]) -> bool:
    """Whether ``part`` is ``whole`` with some items left out, in order."""
    rest = iter(whole)
    return all(any(item == other for other in rest) for item in part)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document())
def test_a_prefilter_leaves_out_only_segments_without_a_candidate(text: str) -> None:
    """With the default lexicon's prefilter, the document keeps every segment in which the
    scan finds a candidate, read exactly as without it, and gives the same findings."""
    lexicon = load_compiled()
    prefilter = candidate_filter(lexicon)
    assert prefilter is not None
    reader = markdown.MarkdownReader()
    full = reader.read(text, "p.md")
    kept = reader.read(text, "p.md", prefilter=prefilter)
    with_hit = [
        seg
        for seg, s in zip(_segments(full), full.segments, strict=True)
        if any(prefilter([s.text]))
    ]
    assert _sublist(_segments(kept), _segments(full))
    assert _sublist(with_hit, _segments(kept))
    assert lint_document(kept, lexicon) == lint_document(full, lexicon)


def _walks(text: str, prefilter: markdown_fast.Prefilter | None) -> dict[int, list[Any]] | None:
    """The segments each block's walk makes, by where the block starts; None when the text is
    left to markdown-it-py."""
    walks: dict[int, list[Any]] = {}
    original = markdown_fast._inline
    if not markdown_fast.usable(text):
        return None

    def spy(walker: Any, source: str, leaf: Any, *rest: Any) -> None:
        before = len(walker.segments)
        original(walker, source, leaf, *rest)
        made = Document("p.md", "markdown", source, walker.segments[before:])
        walks[leaf[0][1]] = _segments(made)

    markdown_fast._inline = spy  # type: ignore[assignment]
    try:
        starts = line_starts(text)
        for first_line, chunk in markdown._chunks(
            text, starts, markdown_fast.body_line(text, starts)
        ):
            walker = markdown._Walker(text, starts, first_line)
            markdown_fast.segments(walker, chunk, starts[first_line], prefilter)
    except markdown_fast.Differ:
        return None
    finally:
        markdown_fast._inline = original  # type: ignore[assignment]
    return walks


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document(), st.randoms(use_true_random=False))
def test_whatever_a_prefilter_answers_the_blocks_walked_are_read_alike(text: str, rnd: Any) -> None:
    """Leaving blocks out never changes how the others are read: not even a table cell after
    a cell left out, whose alignment goes on from the one before it."""
    full = _walks(text, None)
    some = _walks(text, lambda texts: [rnd.random() < 0.5 for _ in texts])
    if full is None or some is None:
        assert full is some is None
        return
    assert all(full[start] == made for start, made in some.items())
    assert _walks(text, lambda texts: [True] * len(texts)) == full


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document())
def test_a_plain_blocks_text_is_the_text_of_its_segment(text: str) -> None:
    """What the prefilter is asked about a plain block is its segment's text exactly, so the
    scan finds the same candidates in both."""
    walked: list[tuple[str | None, list[str]]] = []
    original = markdown_fast._inline

    def spy(walker: Any, source: str, leaf: Any, *rest: Any) -> None:
        before = len(walker.segments)
        original(walker, source, leaf, *rest)
        walked.append(
            (markdown_fast._plain(source, leaf), [s.text for s in walker.segments[before:]])
        )

    markdown_fast._inline = spy  # type: ignore[assignment]
    try:
        markdown.MarkdownReader().read(text, "p.md", prefilter=lambda texts: [True] * len(texts))
    finally:
        markdown_fast._inline = original  # type: ignore[assignment]
    for plain, texts in walked:
        if plain is None:
            continue
        blank = not plain.strip(" \t\r\n\u00a0" + PLACEHOLDER)
        assert texts == ([] if blank else [plain])


# words that make terms only across a line break, a code span, emphasis or a link, or only once
# an escape or a character reference is read ("wheelchair" and "bound" are no candidates,
# "wheelchair bound" is)
LINE_WORDS = [
    *WORDS,
    *("wheelchair", "bound", "the", "poor", "disabled", "junk", "a", "sex-", "work"),
    *("junk&#105;e", "hook&#101;r", "wheelchair&#32;bound", "wheelchair\\-bound"),
    *("the\npoor", "the \n  disabled", "the\n> poor", "the\r\n>  disabled", "wheelchair\nbound"),
    *("`code`", "junkie`s`", "`a`junkie", "the `x`\npoor", "the poor`s`", "``the poor``"),
    *("*the poor*", "[the\npoor](x.md)", "**junk&#105;e**", "[wheelchair](a.md) bound", "_the_"),
]
LINE_ENDS = ["\n", "\r\n", "  \n", " \t\n", "\n   ", "\n\t", "\n\n", "\n> ", "\n>"]
LINE_STARTS = ["", "- ", "  - ", "1. ", "# ", "> ", "| "]


@st.composite
def _wrapped(draw: st.DrawFn) -> str:
    """Blocks whose lines break anywhere, with blanks and indents around the breaks."""
    out = []
    for _ in range(draw(st.integers(1, 4))):
        words = draw(st.lists(st.sampled_from(LINE_WORDS), min_size=1, max_size=12))
        out.append(draw(st.sampled_from(LINE_STARTS)))
        for word in words:
            out.append(word + draw(st.sampled_from([" ", " ", "  ", *LINE_ENDS])))
        out.append("\n\n")
    return "".join(out)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document() | _wrapped())
@example("> the\n> poor\n")
@example("junk&#105;e and wheelchair\\-bound\n")
@example("the `x`\npoor junkie`s`\n")
@example("*the\npoor* and [junkie`s`](x.md)\n")
def test_what_a_block_is_asked_about_holds_every_candidate_of_its_segment(text: str) -> None:
    """Whatever a block is asked about (its source, its text events joined or its plain
    text), it holds a candidate whenever the block's segment does."""
    prefilter = candidate_filter(load_compiled())
    assert prefilter is not None
    asked: dict[int, str | None] = {}
    walked: dict[int, list[str]] = {}
    ask, walk = markdown_fast._asked, markdown_fast._inline

    def ask_spy(source: str, leaf: Any, simple: bool, first: int, *rest: Any) -> str | None:
        asked[first] = found = ask(source, leaf, simple, first, *rest)
        return found

    def walk_spy(walker: Any, source: str, leaf: Any, *rest: Any) -> None:
        before = len(walker.segments)
        walk(walker, source, leaf, *rest)
        walked[leaf[0][1]] = [s.text for s in walker.segments[before:]]

    markdown_fast._asked = ask_spy  # type: ignore[assignment]
    markdown_fast._inline = walk_spy  # type: ignore[assignment]
    try:
        markdown.MarkdownReader().read(text, "p.md", prefilter=lambda texts: [True] * len(texts))
    finally:
        markdown_fast._asked = ask  # type: ignore[assignment]
        markdown_fast._inline = walk  # type: ignore[assignment]
    for start, texts in walked.items():
        question = asked.get(start)
        if question is not None and any(prefilter(texts)):
            assert any(prefilter([question])), (question, texts)


@pytest.mark.parametrize(
    "text",
    [
        # pulldown-cmark reads "&#150;" as U+0096, the aligner (as HTML5 does) as an en dash
        "Some aids *&#150;* carrier said.\n",
        "Some aids _&#xFDD0;_ carrier said.\n",
    ],
)
def test_a_block_whose_walk_drops_text_gives_the_findings_of_a_full_read(text: str) -> None:
    # the dropped text joins the words around it into a term its plain text does not hold
    lexicon = load_compiled()
    reader = markdown.MarkdownReader()
    full = reader.read(text, "p.md")
    kept = reader.read(text, "p.md", prefilter=candidate_filter(lexicon))
    assert lint_document(full, lexicon)
    assert _segments(kept) == _segments(full)
    assert lint_document(kept, lexicon) == lint_document(full, lexicon)


def test_a_cell_before_a_cell_walked_is_walked_too() -> None:
    # cells of one row share their lines: the second cell's walk goes on from where the
    # first one's stopped, so the first is walked too
    text = "| said | said |\n|---|---|\n"
    full = _walks(text, None)
    assert full is not None
    assert len(full) == 2
    assert _walks(text, lambda texts: [False, True]) == full
    assert _walks(text, lambda texts: [True, False]) == dict(list(full.items())[:1])


def test_blocks_without_a_candidate_are_not_aligned(monkeypatch: pytest.MonkeyPatch) -> None:
    aligned: list[int] = []
    original = markdown_fast._inline

    def counted(*args: Any) -> None:
        aligned.append(1)
        original(*args)

    monkeypatch.setattr(markdown_fast, "_inline", counted)
    text = (
        "# Opening *hours*\n\nDrop in `any` time.\n\n- Ask for a **hooker** kit.\n"
        "- Bring a friend.\n\n| Day | Who |\n|---|---|\n| Monday | hookers |\n"
    )
    prefilter = candidate_filter(load_compiled())
    doc = markdown.MarkdownReader().read(text, "p.md", prefilter=prefilter)
    assert [s.text for s in doc.segments] == ["Ask for a hooker kit.", "Monday", "hookers"]
    assert len(aligned) == 3  # the item with a hit, and the row's cells up to the one with a hit


def test_a_run_reads_only_the_blocks_that_may_give_a_finding(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from respectful_lint.cli import main

    aligned: list[str] = []
    original = markdown_fast._inline

    def counted(walker: Any, source: str, leaf: Any, *rest: Any) -> None:
        aligned.append(source[leaf[0][1] : leaf[-1][2]])
        original(walker, source, leaf, *rest)

    monkeypatch.setattr(markdown_fast, "_inline", counted)
    page = tmp_path / "page.md"
    page.write_text(
        "# Opening hours\n\nDrop in any time.\n\n- Ask for a hooker kit.\n- Bring a friend.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "concise", str(page)])
    assert result.exit_code == 1
    assert "page.md:5:13: error sex-work/hooker" in result.output
    assert aligned == ["Ask for a hooker kit."]


@given(st.text(alphabet=st.sampled_from(["a", " ", "\n", "é", "中", "😀"]), max_size=40))
def test_byte_offsets_become_character_offsets(chunk: str) -> None:
    """pulldown-cmark's ranges count UTF-8 bytes; every character's first byte maps to it."""
    convert = markdown_fast._char_offsets(chunk)
    at = 0
    for i, ch in enumerate(chunk):
        assert convert(at) == i
        at += len(ch.encode("utf-8"))
    assert convert(at) == len(chunk)


@pytest.mark.parametrize("filtered", [False, True])
def test_a_finding_after_front_matter_in_non_ascii_text_keeps_its_place(filtered: bool) -> None:
    # the events' byte ranges count from the line after the front matter, in a chunk with
    # wide characters: turned into offsets in the file, with or without the prefilter (the
    # front matter holds the same words, where a walk started too early would find them)
    lexicon = load_compiled()
    text = "---\ntitle: Le café: a hooker said “hi”.\n---\n\nLe café: a hooker said “hi”.\n"
    prefilter = candidate_filter(lexicon) if filtered else None
    doc = markdown.MarkdownReader().read(text, "p.md", prefilter=prefilter)
    found = [(f.rule, f.line, f.column, f.end_column) for f in lint_document(doc, lexicon)]
    assert found == [("sex-work/hooker", 5, 12, 18)]


def test_a_long_fence_is_code_however_many_blank_lines_it_holds() -> None:
    text = "Some prose.\n\n```\n" + "x = 1\n\n" * (markdown.MAX_CHUNK // 7 + 10)
    text += "The hookers are here.\n```\n\nA hooker came.\n"
    findings = lint_text(text, kind="markdown", select=["sex-work"])
    assert [f.matched for f in findings] == ["hooker"]


def test_a_long_block_after_fenced_code_is_read_as_plain_text_and_the_code_left_out() -> None:
    # a fence before it, or a line that only looks like one ("```x`": a backtick fence's
    # info string holds no backtick), once kept such a block from the plain-text reading
    block = "*a " * (markdown.MAX_CHUNK // 3) + "a hooker\n"
    for opening in ("```\nhooker = 1\n```\n", "```x`\n"):
        text = "A short *first* paragraph.\n\n" + opening + block
        doc = markdown.MarkdownReader().read(text, "p.md")
        assert any("*a *a *a" in s.text for s in doc.segments), opening
        found = [f.matched for f in lint_text(text, kind="markdown", select=["sex-work"])]
        assert found == ["hooker"], opening  # not the one in the code
