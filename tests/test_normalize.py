"""The normalized view against a one-regex reference that states its rules directly."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from respectful_lint.normalize import PARAGRAPH, _fold, _normalize, normalize

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
# A hyphen or dash + one line break between word characters, a whitespace run, any single
# whitespace other than a space, or any non-ASCII character.
_REFERENCE = re.compile(
    r"(?<=\w)[-" + _DASHES + r"\u00ad][ \t]*(?:\r\n|\r|\n)[ \t]*(?=\w)"
    r"|\s{2,}|[^\S ]|[^\x00-\x7f]"
)


def reference_view(text: str) -> str:
    def replace(m: re.Match[str]) -> str:
        raw = m.group()
        if raw.isspace():
            return PARAGRAPH if raw.count("\n") >= 2 or raw.count("\r") >= 2 else " "
        if len(raw) == 1:
            return _fold(raw)
        return ""

    out = _REFERENCE.sub(replace, text)
    return "".join(c.lower() if c.isascii() else c for c in out)


pieces = st.sampled_from(
    [
        "sex", "Worker", "-", "\u2013", "\u00ad", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n",
        "\u00a0", "\u2019", "\u00c9", "\ufb01", "\U0001f600", "e\u0301", "\x1c", "\u2028", "_",
        "1", ".", "'",
    ]
)  # fmt: skip
texts = st.lists(pieces | st.text(max_size=3), max_size=30).map("".join)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_view_equals_the_reference(text: str) -> None:
    assert normalize(text)[0] == reference_view(text)


def test_hyphen_and_line_break_between_words_rejoin() -> None:
    assert normalize("sex-\n  worker")[0] == "sexworker"
    assert normalize("sex\u2013\r\nworker")[0] == "sexworker"
    assert normalize("sex-\n\nworker")[0] == "sex-" + PARAGRAPH + "worker"
    assert normalize("sex- worker")[0] == "sex- worker"


ascii_pieces = st.sampled_from(
    ["sex", "Worker", "-", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", "\x0b", "\x0c", "\x1c",
     "\x1f", "_", "1", ".", "'", "a-\n b", "x -\r\n\ty"]
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
