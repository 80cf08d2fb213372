"""The normalized view against a one-regex reference that states its rules directly."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import respectful_lint.normalize as normalize_module
from respectful_lint.model import OffsetMap
from respectful_lint.normalize import PARAGRAPH, _fold, _normalize, normalize, with_view

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DELETED = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# A hyphen or dash + one line break between word characters, a whitespace run (with any
# deleted characters inside it or at its end), any single whitespace other than a space, or any
# non-ASCII character.
_REFERENCE = re.compile(
    r"(?<=\w)[-" + _DASHES + r"\u00ad][ \t]*(?:\r\n|\r|\n)[ \t]*(?=\w)"
    r"|\s[\s" + _DELETED + r"]+|[^\S ]|[^\x00-\x7f]"
)


def reference_view(text: str) -> str:
    def replace(m: re.Match[str]) -> str:
        raw = m.group()
        if raw[0].isspace() and all(c.isspace() or c in _DELETED for c in raw):
            return PARAGRAPH if raw.count("\n") >= 2 or raw.count("\r") >= 2 else " "
        if len(raw) == 1:
            return _fold(raw)
        return ""

    out = _REFERENCE.sub(replace, text)
    return "".join(c.lower() if c.isascii() else c for c in out)


pieces = st.sampled_from(
    [
        "sex", "Worker", "-", "\u2013", "\u00ad", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n",
        "\u00a0", "\u2019", "\u00c9", "\ufb01", "\U0001f600", "e\u0301", "\x1c", "\x1e", "\u2028",
        "_", "1", ".", "'",
    ]
)  # fmt: skip
texts = st.lists(pieces | st.text(max_size=3), max_size=30).map("".join)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_view_equals_the_reference(text: str) -> None:
    assert normalize(text)[0] == reference_view(text)


def test_the_view_of_ascii_paragraphs_is_ascii() -> None:
    text = "Outreach hours.\n\nNeedle exchange\r\n\r\n  on Fridays."
    view = normalize(text)[0]
    assert view == "outreach hours." + PARAGRAPH + "needle exchange" + PARAGRAPH + "on fridays."
    assert view.isascii()
    long_text = (text + "\n\n") * 400  # read in pieces
    assert normalize(long_text)[0].isascii()


def test_a_record_separator_in_the_source_is_whitespace_not_a_paragraph() -> None:
    for text in ("sex\x1eworker", "sex \x1e worker", "caf\u00e9 \x1e worker"):
        view = normalize(text)[0]
        assert PARAGRAPH not in view
        assert view.endswith(" worker")
    assert normalize("a\n\x1e\nb")[0] == "a" + PARAGRAPH + "b"
    # only blanks and tabs around a line break rejoin a hyphenated word; it is not one of them
    assert normalize("sex-\n\x1eworker")[0] == "sex- worker"
    assert normalize("sex-\n\x1eworker" * 2000)[0].startswith("sex- workersex- worker")


def test_hyphen_and_line_break_between_words_rejoin() -> None:
    assert normalize("sex-\n  worker")[0] == "sexworker"
    assert normalize("sex\u2013\r\nworker")[0] == "sexworker"
    assert normalize("sex-\n\nworker")[0] == "sex-" + PARAGRAPH + "worker"
    assert normalize("sex- worker")[0] == "sex- worker"


ascii_pieces = st.sampled_from(
    ["sex", "Worker", "-", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", "\x0b", "\x0c", "\x1c",
     "\x1e", "\x1f", "_", "1", ".", "'", "a-\n b", "x -\r\n\ty"]
)  # fmt: skip
ascii_texts = st.lists(ascii_pieces | st.text(st.characters(max_codepoint=127), max_size=3)).map(
    "".join
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ascii_texts)
def test_ascii_shortcut_gives_the_general_view_and_map(text: str) -> None:
    """ASCII text takes a shortcut that builds the offset map only when it is used."""
    view, offsets = normalize(text)
    general_view, general = _normalize(text)
    assert view == general_view
    assert [offsets.start(i) for i in range(len(view))] == [
        general.start(i) for i in range(len(view))
    ]
    assert [offsets.end(i) for i in range(len(view) + 1)] == [
        general.end(i) for i in range(len(view) + 1)
    ]


def assert_same_view_and_map(text: str) -> None:
    view, offsets = normalize(text)
    general_view, general = _normalize(text)
    assert view == general_view
    assert [offsets.start(i) for i in range(len(view) + 2)] == [
        general.start(i) for i in range(len(view) + 2)
    ]
    assert [offsets.end(i) for i in range(len(view) + 2)] == [
        general.end(i) for i in range(len(view) + 2)
    ]


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_quick_path_gives_the_general_view_and_map(text: str) -> None:
    """Text with non-ASCII characters takes the quick path too where translation suffices."""
    assert_same_view_and_map(text)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts | ascii_texts)
def test_a_view_worked_out_elsewhere_gets_the_general_map(text: str) -> None:
    """A segment whose view is cut from a batch's view maps it back as normalizing it would."""
    general_view, general = _normalize(text)
    view, offsets = with_view(text, general_view)
    assert view == general_view
    for i in range(len(view) + 2):
        assert (offsets.start(i), offsets.end(i)) == (general.start(i), general.end(i))


def test_a_view_worked_out_elsewhere_needs_no_map_when_nothing_changed() -> None:
    offsets = with_view("Peer Workers", "peer workers")[1]
    assert type(offsets) is OffsetMap
    assert [offsets.start(i) for i in range(13)] == list(range(13))
    assert isinstance(with_view("Peer  workers", "peer workers")[1], normalize_module._LazyMap)


def test_quick_path_covers_ordinary_non_ascii_text() -> None:
    text = "Caf\u00e9 staff\u00a0met \u201cpeer\u201d workers\u2019 groups.\n\nNext."
    assert isinstance(normalize(text)[1], normalize_module._LazyMap)
    assert_same_view_and_map(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(pieces | ascii_pieces | st.text(max_size=4), min_size=10, max_size=60).map("".join))
def test_a_long_text_read_in_pieces_gives_the_whole_view_and_map(text: str) -> None:
    """Long texts are normalized piece by piece; cut small here so that every kind of text
    meets a cut."""
    limit, piece = normalize_module.QUICK_LIMIT, normalize_module.PIECE
    normalize_module.QUICK_LIMIT, normalize_module.PIECE = 3, 5
    try:
        assert normalize(text)[0] == reference_view(text)
        assert_same_view_and_map(text)
    finally:
        normalize_module.QUICK_LIMIT, normalize_module.PIECE = limit, piece


def test_a_long_text_is_cut_into_pieces() -> None:
    text = "Outreach workers meet people where they are.\n\n" * 400
    view, offsets = normalize(text)
    assert isinstance(offsets, normalize_module._PieceMap)
    assert len(offsets._views) > 3
    assert view == _normalize(text)[0]
    at = view.rindex("workers")
    assert text[offsets.start(at) : offsets.end(at + len("workers"))] == "workers"


def test_a_deleted_character_between_blanks_leaves_one_blank() -> None:
    # a soft hyphen or zero-width space pasted between two spaces would otherwise leave two
    # blanks in the view, and "sex  worker" matches no phrase
    assert normalize("a \u00ad b")[0] == "a b"
    assert normalize("sex \u200b worker\n\u200b\nhours")[0] == f"sex worker{PARAGRAPH}hours"
