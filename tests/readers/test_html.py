"""HTML: what is read, what is skipped, exact positions, and malformed or huge input."""

from __future__ import annotations

from respectful_lint import lint_text
from respectful_lint.readers.html import HtmlReader

Row = tuple[int, int, int, int, str, str]


def found(text: str) -> list[Row]:
    out = []
    for f in lint_text(text, kind="html", select=["sex-work", "child-exploitation"]):
        out.append((f.line, f.column, f.end_line, f.end_column, f.rule, f.matched))
    return out


def rules(text: str) -> list[str]:
    return [row[4] for row in found(text)]


def test_inline_markup_keeps_a_phrase_whole_and_blocks_break_it() -> None:
    assert found("<p>Never label a <em>child</em> prostitute.</p>") == [
        (1, 22, 1, 43, "child-exploitation/child-prostitute", "child</em> prostitute"),
    ]
    for inline in ("strong", "a", "span", "b", "i"):
        text = f"<p>a <{inline}>child</{inline}> <!-- note --> prostitute</p>"
        assert rules(text) == ["child-exploitation/child-prostitute"], inline
    for block in ("p", "li", "td", "h2", "div", "option"):
        text = f"<div>a child<{block}>prostitute</{block}></div>"
        assert rules(text) == ["sex-work/prostitute"], block
    assert rules("<p>a child<br>prostitute</p>") == ["sex-work/prostitute"]


def test_positions_through_entities_crlf_tabs_emoji_and_combining_marks() -> None:
    text = (
        "<p>A\t😀 cafe\u0301 &amp; the hooker&#8217;s van</p>\r\n"
        "<p>Cafe\u0301 <em>child</em>\r\n prostitute&nbsp;work</p>\n"
    )
    assert found(text) == [
        (1, 24, 1, 38, "sex-work/hooker", "hooker&#8217;s"),
        (2, 14, 3, 12, "child-exploitation/child-prostitute", "child</em>\r\n prostitute"),
    ]


def test_attributes_people_read_are_linted_with_exact_positions() -> None:
    text = """<html><head>
<title>Hooker help</title>
<meta name="description" content="For hookers">
<meta property="og:title" content="Johns welcome">
<meta name="keywords" content="hooker">
</head><body>
<img src="/img/hooker.png" alt="A hooker&#8217;s bag">
<input placeholder='Name of the john' name="hooker">
<input type="submit" value="Hooker sign-up"><input type="text" value="hooker">
<select><optgroup label="Hookers"><option label="hooker">x</option></optgroup></select>
<span aria-label="hooker" aria-description="hooker" title="hooker" class="hooker">x</span>
<div data-error-message="No hookers" data-config="hooker" data-val-required="hooker"></div>
</body></html>
"""
    assert [(line, col, matched) for line, col, _, _, _, matched in found(text)] == [
        (2, 8, "Hooker"),
        (3, 39, "hookers"),
        (4, 36, "Johns"),
        (7, 35, "hooker&#8217;s"),
        (8, 33, "john"),
        (9, 29, "Hooker"),
        (10, 26, "Hookers"),
        (10, 50, "hooker"),
        (11, 19, "hooker"),
        (11, 45, "hooker"),
        (11, 60, "hooker"),
        (12, 29, "hookers"),
        (12, 78, "hooker"),
    ]


def test_data_attributes_are_configurable() -> None:
    text = '<div data-note="the hookers"></div>'
    doc = HtmlReader(data_attributes=["data-note"]).read(text, "x.html")
    assert [s.text for s in doc.segments] == ["the hookers"]
    assert list(HtmlReader().read(text, "x.html").segments) == []


def test_code_scripts_styles_svg_comments_and_urls_are_skipped() -> None:
    text = """<style>.hooker {}</style><script>var hooker = 1;</script>
<template><p>hooker</p></template><pre>hooker</pre><p>use <code>hooker</code> and
<kbd>hooker</kbd> <samp>hooker</samp> <var>hooker</var> <tt>hooker</tt>
<svg><text>hooker</text><title>hooker</title></svg>
<!-- hooker --> https://example.org/hooker and <a href="https://hooker.example">link</a></p>
<img alt="https://example.org/hooker.png"><a title="/path/to/hooker">x</a>
"""
    assert found(text) == []


def test_malformed_html_is_linted_as_far_as_the_parser_recovers() -> None:
    cases = [
        "<p>a hooker <b>unclosed <i>tags",
        "</p></div>stray end tags and a hooker",
        "<p title='unclosed>a hooker",
        "a hooker <!-- never closed hooker",
        "<![if x]>a hooker<![endif]> &#xyz; <p a=1 a=2 =3>",
        "<<<>>> hooker <p",
        "\x00\x01<p>hooker",
    ]
    for text in cases:  # one finding each, at the first "hooker"
        assert [(row[5], row[1]) for row in found(text)] == [
            ("hooker", text.index("hooker") + 1)
        ], text


def test_deep_nesting_and_pathological_markup_stay_fast_and_never_crash() -> None:
    deep = "<div>" * 10_000 + "<span>" * 10_000 + "a hooker" + "</span></div>" * 10_000
    assert [row[1] for row in found(deep)] == [110_003]
    assert [row[1] for row in found("<b>" * 10_000 + "a hooker")] == [30_003]
    junks = (
        "<a " * 50_000,
        "<!--" * 50_000,
        '<p title="' * 50_000,
        "</" * 50_000,
        "<a x='" + " ='" * 50_000,  # quotes that nothing closes
        "<!-- --!>" * 50_000,
        "<title>" + "<b>" * 50_000,  # text to the end, tags and all
    )
    for junk in junks:
        assert len(found(junk + "\n<p>a hooker")) <= 1  # read as markup or as text
        assert found("<p>a hooker</p>" + junk)[0][5] == "hooker"


def test_comments_and_raw_text_elements_are_read_as_html5_reads_them() -> None:
    # as in a browser, and as Python 3.14's html.parser reads them; earlier versions of the
    # parser read on past "--!>" and "<!-->" into the comment, and read tags inside a title
    text = (
        "<p>a hooker <!-- x --!> and a prostitute</p>\n"
        "<p><!--> a hooker</p>\n"
        "<p><!---> a whore</p>\n"
        "<title>Notes <style>on prostitutes</style></title>\n"  # text, tags and all: not a style
        "<textarea>Type <script>prostitutes</script></textarea>\n"
    )
    assert [(row[0], row[1], row[5]) for row in found(text)] == [
        (1, 6, "hooker"),
        (1, 31, "prostitute"),
        (2, 12, "hooker"),
        (3, 13, "whore"),
        (4, 24, "prostitutes"),
        (5, 24, "prostitutes"),
    ]
    # "<!--" inside a script, a style or a title is text, and a title inside a comment is no
    # element: the rest of the page was hidden as an unclosed comment, or read as a title's
    for page in (
        '<script>var s = "<!--";</script><p>a hooker</p>',
        "<style>/* <!-- */</style><p>a hooker</p>",
        "<title>Notes <!-- draft</title><p>a hooker</p>",
        "<!-- <title> --><p>a hooker</p>",
    ):
        assert [(row[1], row[5]) for row in found(page)] == [(page.index("hooker") + 1, "hooker")]
    # a quote that nothing closes: the tag ends at its ">", and the text after it is read
    assert [row[5] for row in found('<p title=\'unclosed>a hooker <b c="d">x</b>')] == ["hooker"]


def test_long_text_is_cut_into_bounded_segments() -> None:
    text = "<p>" + "Tea and socks for everyone at the harbour. " * 5_000 + "A hooker.</p>"
    segments = list(HtmlReader().read(text, "long.html").segments)
    assert len(segments) > 1
    assert max(len(s.text) for s in segments) <= 64 * 1024
    assert [row[5] for row in found(text)] == ["hooker"]


def test_a_20_mb_page_is_read_and_linted() -> None:
    para = (
        "<p>Outreach workers met <em>many</em> people at the harbour &amp; handed out "
        "water, tea, socks and blankets before the night shelter opened its doors.</p>\n"
    )
    body = para * (20_000_000 // len(para) // 1000)
    text = "<html><body>" + (body + "<p>A hooker asked for socks.</p>\n") * 1000 + "</body></html>"
    assert len(text) > 20_000_000
    hits = found(text)
    assert len(hits) == 1000
    assert hits[0][:2] == (len(body.splitlines()) + 1, 6)


def test_positions_hold_after_every_kind_of_markup() -> None:
    constructs = [
        "<!DOCTYPE html>",
        "<?xml version='1.0'?>",
        "<!-- a note\r\nover two lines -->",
        "<!bogus comment>",
        "</>",
        "</p junk='1'>",
        "<![CDATA[ x ]]>",
        "<![if !supportLists]>",
        "&#65;&#x41;&#65 &amp &amp; &unknown; & x < y",
        "<script>if (a < b) { x = '&amp;'; }</script>",
        "<style>\r\np > b { color: red }\r\n</style>",
        "<input\r\n  type='text'\tvalue=\"&quot;\"\r\n>",
        "<br/><img src='x.png' />",
        "<code>x</code> <kbd>y</kbd>",
        "<p>\t😀 cafe\u0301</p>",
    ]
    text = "".join(f"<p>{c}\r\nA hooker.</p>\n" for c in constructs)
    starts = [i for i in range(len(text)) if text.startswith("hooker", i)]
    expected = []
    for start in starts:
        line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
        line = text.count("\n", 0, start) + 1
        expected.append((line, start - line_start + 1, "hooker"))
    assert [(row[0], row[1], row[5]) for row in found(text)] == expected
