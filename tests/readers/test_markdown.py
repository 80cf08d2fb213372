"""Markdown: what is skipped, what is kept, and exact source positions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from respectful_lint import lint_text
from respectful_lint.readers.build import MASKED, URL
from respectful_lint.readers.markdown_align import may_hold_url


def found(text: str) -> list[tuple[int, int, int, int, str, str]]:
    return [
        (f.line, f.column, f.end_line, f.end_column, f.rule, f.matched)
        for f in lint_text(text, kind="markdown")
    ]


def test_code_front_matter_comments_urls_and_destinations_are_skipped() -> None:
    text = """---
layout: hooker
---
Inline `hooker` code and <https://hooker.example> and http://example.org/hooker too.

```
hooker
```

    hooker in indented code

<!-- hooker -->

[a link](https://example.org/hooker "hooker") and ![an image](hooker.png)
"""
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The note[^hookers] says more.\n\n[^hookers]: Read it.\n",  # footnote labels
        "- A list item[^hookers].\n",
        "> Quoted[^hookers] *text*.\n",
        "## Help for you {#hookers}\n",  # a heading's id (Pandoc, kramdown, Hugo, MkDocs)
        "## Help &amp; care {#hookers .note}\n",
        "A paragraph.\n{: #hookers .note}\n",  # kramdown's attribute list
        "| a | b |\n|---|---|\n| x[^hookers] | y {#hookers} |\n",
    ],
)
def test_footnote_labels_and_attribute_blocks_are_not_prose(text: str) -> None:
    assert found(text) == []
    assert found(text.replace("hookers", "x") + "\nThe hookers.\n")[0][5] == "hookers"


@pytest.mark.parametrize(
    "text",
    [
        "## Shelter for the homeless {#shelter}\n",
        "We feed the homeless[^1] every night.\n\n[^1]: Since 2019.\n",
        "We feed the homeless {: .note}\n",
        "We feed the homeless[^1] every night, see https://example.org.\n\n[^1]: Since 2019.\n",
    ],
)
def test_words_beside_a_footnote_label_or_attribute_block_read_as_the_page_shows_them(
    text: str,
) -> None:
    # the markup is not shown: nothing stands after "the homeless" on the page
    assert [(line, rule) for line, _, _, _, rule, _ in found(text)] == [
        (1, "homelessness/the-homeless")
    ]


def test_front_matter_is_read_where_a_site_shows_it() -> None:
    text = (
        "---\n"
        "layout: hookers\n"
        'title: "Help for hookers"\n'
        "Description: >\n"
        "  Where hookers find\n"
        "  free testing.\n"
        "tags: [hookers]\n"
        "permalink: /hookers/\n"
        "author: The hookers collective\n"
        "---\n"
        "\n"
        "We met hookers.\n"
    )
    found = lint_text(text, kind="markdown")
    assert [(f.line, f.column, f.location.key if f.location else None) for f in found] == [
        (3, 18, "title"),
        (5, 9, "Description"),
        (12, 8, None),
    ]


@pytest.mark.parametrize(
    "matter",
    [
        "title: [unclosed\n",  # not YAML: the site generator reports it
        "- title: hookers\n",  # not a mapping
        "title: 42\ntitle2: hookers\n",
        "title:\n  nested: hookers\n",
    ],
)
def test_front_matter_that_gives_no_shown_text_is_left_out(matter: str) -> None:
    found = lint_text(f"---\n{matter}---\nWe met hookers.\n", kind="markdown")
    assert [(f.rule, f.column, f.location) for f in found] == [("sex-work/hooker", 8, None)]


def test_a_footnotes_own_text_is_prose() -> None:
    text = "A claim.[^1]\n\n[^1]: The hookers said so.\n"
    assert [(line, column) for line, column, *_ in found(text)] == [(3, 11)]


def test_a_closing_fence_with_a_tab_after_it_closes_the_code() -> None:
    # CommonMark lets blanks of any kind follow a closing fence; the text after it is prose
    text = "Intro.\n\n```\nhooker = 1\n```\t\n\nThe hookers were here.\n"
    assert [(line, rule) for line, _, _, _, rule, _ in found(text)] == [(7, "sex-work/hooker")]


def test_a_raw_html_block_ends_at_any_of_its_kind_of_end_tag() -> None:
    # CommonMark closes a <script>, <pre>, <style> or <textarea> block at the first line with
    # any of their end tags; what follows is Markdown again
    text = "<script>\nvar x = 1;\n</style>\n\nThe hookers were here.\n"
    assert [(line, rule) for line, _, _, _, rule, _ in found(text)] == [(5, "sex-work/hooker")]


def test_a_quote_line_indented_past_its_marker_keeps_its_words() -> None:
    # four columns in, "> " is no quote marker but text of the quoted paragraph
    text = "> Our clinic welcomes everyone.\n    > Hookers and johns are welcome too.\n"
    assert [(line, column, rule) for line, column, _, _, rule, _ in found(text)] == [
        (2, 7, "sex-work/hooker"),
        (2, 19, "sex-work/john"),
    ]


def test_headings_list_items_table_cells_link_text_and_alt_text_are_kept() -> None:
    text = """# Hooker outreach

- Meet the hookers

| Who | Where |
|-----|-------|
| hookers &amp; friends | [hooker page](https://example.org) |

![photo of a hooker](x.png)
"""
    assert found(text) == [
        (1, 3, 1, 9, "sex-work/hooker", "Hooker"),
        (3, 12, 3, 19, "sex-work/hooker", "hookers"),
        (7, 3, 7, 10, "sex-work/hooker", "hookers"),
        (7, 28, 7, 34, "sex-work/hooker", "hooker"),
        (9, 14, 9, 20, "sex-work/hooker", "hooker"),
    ]


def test_list_items_and_headings_starting_with_an_escape_or_entity_are_read() -> None:
    # the marker before the first words is stepped over, though they are not verbatim source
    text = (
        "- Services for addicts \\& families\n\n"
        "# Help for addicts &amp; families\n\n"
        "1. Addicts&#39; rights\n\n"
        "> - Housing for addicts \\* all\n\n"
        "+ **Addicts** \\& more\n"
    )
    assert found(text) == [
        (1, 16, 1, 23, "drug-use/addict", "addicts"),
        (3, 12, 3, 19, "drug-use/addict", "addicts"),
        (5, 4, 5, 16, "drug-use/addict", "Addicts&#39;"),
        (7, 17, 7, 24, "drug-use/addict", "addicts"),
        (9, 5, 9, 12, "drug-use/addict", "Addicts"),
    ]


def test_a_marker_is_stepped_over_only_when_the_first_words_then_align() -> None:
    # after the marker the walk loses its place at the reference (U+0097 to the parser, an em
    # dash to the aligner); stepping over the marker anyway left the cursor past the space
    # the next token takes, and the words after it were lost
    assert found("- \\*  &#151;\t__&#32;__ aids carrier\n") == [
        (1, 24, 1, 36, "hiv/hiv-carrier", "aids carrier"),
    ]


@pytest.mark.parametrize(
    ("line", "column"),
    [
        # the text's first character was taken for the marker, and the words after it lost
        ("# #1 &amp; addicts", 12),
        ("- -- addicts &amp; families", 6),
        ("> - -&gt; addicts", 11),
        ("- - -&gt; addicts", 11),
        ("1. 1.&nbsp;addicts", 12),
        # emphasis or a link opening the block was looked for before the marker, and first
        # words holding an escape or entity were lost
        ("- *Addicts &amp; families*", 4),
        ("> **Addicts \\& families**", 5),
        ("> - _Addicts&nbsp;and families_", 6),
        ("## [Addicts &amp; families](help.md)", 5),
        # "Q&" stands verbatim in "Q&amp;", where it is no text: the walk was left in the entity
        ("- Q&amp;**A for addicts &amp; families**", 17),
    ],
)
def test_a_blocks_first_words_after_its_marker_are_read(line: str, column: int) -> None:
    assert [(row[1], row[4], row[5].lower()) for row in found(line + "\n")] == [
        (column, "drug-use/addict", "addicts")
    ]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a table cell starting with an escaped or referenced pipe: the cell's border was
        # taken for the text's own "|", and the words after it were lost
        (
            "| Kind | Notes |\n|---|---|\n"
            "| &#124; | \\| addicts&nbsp;here |\n"
            "| a | &#124; &amp; addicts |\n",
            [(3, 15), (4, 20)],
        ),
        # an image's alt text: its markup was not stepped over, and words after it that hold
        # an escape or entity were lost
        (
            "![*Photo* &amp; addicts](a.png)\n\n"
            "![A `b` &amp; addicts](a.png)\n\n"
            "![</i>&#x41; few addicts](a.png)\n",
            [(1, 17), (3, 15), (5, 18)],
        ),
    ],
    ids=["table cells", "alt text"],
)
def test_words_after_a_pipe_or_markup_the_walk_stepped_past_are_read(
    text: str, places: list[tuple[int, int]]
) -> None:
    assert [(row[0], row[1], row[5]) for row in found(text)] == [
        (line, column, "addicts") for line, column in places
    ]


def test_a_quote_starting_with_an_autolink_keeps_its_words() -> None:
    # the autolink's end was looked for from the quote marker, which it took for the ">"
    text = "> <https://example.org> &amp; addicts\n"
    assert found(text) == [(1, 31, 1, 38, "drug-use/addict", "addicts")]


def test_a_first_line_with_words_after_its_dashes_opens_no_front_matter() -> None:
    # front matter opens with a line of dashes alone; this file's words up to the thematic
    # break were left out as front matter
    text = "--- Draft for review ---\nServices for addicts.\n\n---\n"
    assert found(text) == [(2, 14, 2, 21, "drug-use/addict", "addicts")]
    assert found("---\nnote: Services for addicts\n---\nText.\n") == []


def test_code_span_holding_a_longer_run_of_backticks_ends_at_its_own_run() -> None:
    # the span was taken to end at the first backtick inside it, and the words after the span
    # were lost
    text = (
        "Run `a``b` \\& addicts leave.\n\n"
        "Run ``a`b`` &amp; addicts leave.\n\n"
        "Run \\``a` &amp; addicts leave.\n"  # an escaped backtick, then the span's own
    )
    assert found(text) == [
        (1, 15, 1, 22, "drug-use/addict", "addicts"),
        (3, 19, 3, 26, "drug-use/addict", "addicts"),
        (5, 17, 5, 24, "drug-use/addict", "addicts"),
    ]


def test_phrase_split_by_emphasis_matches_as_one_phrase() -> None:
    assert found("Most were commercial **sex workers**.\n") == [
        (1, 11, 1, 35, "sex-work/commercial-sex-worker", "commercial **sex workers"),
    ]
    assert found("She is a _street_-walker.\n") == [
        (1, 11, 1, 25, "sex-work/street-walker", "street_-walker"),
    ]


def test_phrase_split_by_a_line_break_is_reported_at_its_true_position() -> None:
    text = "Intro paragraph.\n\nThe survey counted commercial sex\n   workers in two towns.\n"
    assert found(text) == [
        (3, 20, 4, 11, "sex-work/commercial-sex-worker", "commercial sex\n   workers")
    ]


def test_escapes_and_entities_keep_positions() -> None:
    text = "A \\*note\\* &amp; a hooker&#8217;s van.\n"
    assert found(text) == [(1, 20, 1, 34, "sex-work/hooker", "hooker&#8217;s")]


def test_blockquote_is_quoted_speech_and_downgraded() -> None:
    (f,) = lint_text("> They serve prostituted women.\n")
    assert (f.rule, f.severity.label, f.segment_kind) == (
        "sex-work/prostituted-person",
        "warning",
        "quote",
    )


def test_hard_wrapped_hyphenation_is_rejoined() -> None:
    assert found("Staff met street-\nwalkers at the depot.\n") == [
        (1, 11, 2, 8, "sex-work/street-walker", "street-\nwalkers"),
    ]
    assert found("Staff met prosti-\ntutes at the depot.\n") == [
        (1, 11, 2, 6, "sex-work/prostitute", "prosti-\ntutes"),
    ]


def test_large_markdown_file_is_read_in_chunks_with_right_positions() -> None:
    para = "Plain words about outreach and clinics, nothing to flag here at all.\n\n"
    text = para * 8000 + "```\nhooker\n\n" + para * 10 + "```\n\nA hooker.\n"
    (f,) = lint_text(text)
    assert (f.line, f.column, f.matched) == (16000 + 1 + 2 + 20 + 2 + 1, 3, "hooker")


def test_inline_html_keeps_a_phrase_and_html_blocks_are_read_as_html() -> None:
    text = (
        "Tell staff of any <em>child</em> prostitute.\n"
        "\n"
        "<div class='note'>\n"
        "<p>The <b>hookers</b> &amp; <img alt='a john' src='x.png'></p>\n"
        "<script>var hooker = 1;</script>\n"
        "</div>\n"
        "\n"
        "Inline <code>hooker</code>, <!-- hooker --> and <abbr title='hooker'>x</abbr>.\n"
    )
    assert found(text) == [
        (1, 23, 1, 44, "child-exploitation/child-prostitute", "child</em> prostitute"),
        (4, 11, 4, 18, "sex-work/hooker", "hookers"),
        (4, 41, 4, 45, "sex-work/john", "john"),
        (8, 62, 8, 68, "sex-work/hooker", "hooker"),
    ]


def test_plain_runs_with_urls_and_entities_keep_positions() -> None:
    text = "See http://example.org/hooker &amp; &copy; the hooker desk; hooker.\n"
    assert found(text) == [
        (1, 48, 1, 54, "sex-work/hooker", "hooker"),
        (1, 61, 1, 67, "sex-work/hooker", "hooker"),
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["http", "://", "WWW", "www", ".", "@", "ex", "ample", "org", "/", "-", " ", "x", "é"]
        ),
        max_size=12,
    ).map("".join)
)
def test_text_without_a_url_marker_holds_no_url(text: str) -> None:
    """The aligner runs the URL expression only on text that may hold a URL."""
    if URL.search(text):
        assert may_hold_url(text)


def test_the_url_expression_runs_only_on_text_that_may_hold_a_url(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from respectful_lint.readers import markdown_align

    searched: list[str] = []

    class Spy:
        def finditer(self, text: str) -> object:
            searched.append(text)
            return MASKED.finditer(text)

    monkeypatch.setattr(markdown_align, "MASKED", Spy())
    # a list item's text is not a verbatim run of the source at the cursor: it is aligned
    found = lint_text("- Hookers are welcome.\n- See www.example.org/hookers.\n")
    assert [f.matched for f in found] == ["Hookers"]
    assert searched and all("www." in text for text in searched)


def test_front_matter_too_long_for_a_site_is_not_parsed() -> None:
    matter = "title: Help for hookers\n" + "tags: [x]\n" * 10_000
    text = f"---\n{matter}---\nWe met hookers.\n"
    assert [f.location for f in lint_text(text, kind="markdown")] == [None]


def test_mdx_reads_its_markdown_and_jsx_text_not_its_javascript() -> None:
    text = (
        "import Tabs from '@theme/Tabs';\n"
        "export const hookers = {\n"
        "  hooker: 1,\n"
        "};\n"
        "\n"
        "# Help for hookers\n"
        "\n"
        "<Tabs groupId={hookers.id}>\n"
        '  <TabItem value="a">We met hookers.</TabItem>\n'
        "</Tabs>\n"
        "\n"
        "Text {props.hooker} and `{hooker}` code, then the hookers.\n"
    )
    found = lint_text(text, kind="markdown", path="page.mdx")
    assert [(f.line, f.column) for f in found] == [(6, 12), (9, 29), (12, 51)]


def test_an_mdx_brace_that_never_closes_is_read_as_text() -> None:
    text = "We met {hookers today.\n\nMore hookers.\n"
    assert len(lint_text(text, kind="markdown", path="page.mdx")) == 2


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["{", "}", "`", "import x", "export y", "\n", "a ", "\r\n"])))
def test_mdx_blanking_keeps_every_offset_and_only_blanks(parts: list[str]) -> None:
    from respectful_lint.readers.markdown import mdx_as_markdown

    text = "".join(parts)
    out = mdx_as_markdown(text)
    assert len(out) == len(text)
    assert all(o == t or (o == " " and t not in "\r\n") for o, t in zip(out, text, strict=True))
