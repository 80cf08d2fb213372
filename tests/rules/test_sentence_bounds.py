"""Conflation rules read one sentence at a time; a list item on its own line starts one."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import respectful_lint.rules.sentence as sentence
from respectful_lint.context import Context
from respectful_lint.rules.sentence import sentence_in

pieces = st.sampled_from(
    ["Sex work", "is", "work", ".", ". ", "\n", "\n\n", "\r\n", " ", "  ", "\t", "- ", "* ",
     "+ ", "\u2022 ", "1. ", "12) ", "3.", "x-", "-\n", "word-\n2. ", "\u00a0", "\u2013 ",
     "\uff13. ", "Trafficking", "e.g.", "!"]
)  # fmt: skip
texts = st.lists(pieces | st.text(alphabet="ab .\n-1", max_size=3), max_size=40).map("".join)


def slow_sentence_in(ctx: Context, offset: int) -> tuple[int, int]:
    """sentence_in with its shortcut disabled: every sentence is looked for list items."""
    shortcut = sentence._MARKER_IN_VIEW
    sentence._MARKER_IN_VIEW = _Always()  # type: ignore[assignment]
    try:
        return sentence_in(ctx, offset)
    finally:
        sentence._MARKER_IN_VIEW = shortcut


class _Always:
    def search(self, *args: object) -> bool:
        return True


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_sentences_skip_the_list_item_search_only_where_it_finds_nothing(text: str) -> None:
    ctx = Context(text)
    for offset in range(len(ctx.norm)):
        assert sentence_in(ctx, offset) == slow_sentence_in(ctx, offset)


def test_a_list_item_on_its_own_line_starts_a_sentence() -> None:
    ctx = Context("Our services include\n- testing for adults\n- outreach")
    at = ctx.norm.index("testing")
    start, end = sentence_in(ctx, at)
    assert ctx.norm[start:end].strip() == "- testing for adults"
