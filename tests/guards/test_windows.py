"""Word windows find a phrase among the words on one side of a match, wherever it starts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from respectful_lint.model import WordWindow

WORDS = ["drug", "drugs", "use", "user", "heroin", "safe", "supply", "needle", "of"]
tokens = st.sampled_from([*WORDS, "dru*", "us*", "sup*"])
phrases = st.lists(tokens, min_size=1, max_size=3).map(tuple)


def reference(phrases: tuple[tuple[str, ...], ...], words: list[str]) -> bool:
    def token_matches(token: str, word: str) -> bool:
        return word.startswith(token[:-1]) if token.endswith("*") else word == token

    return any(
        all(token_matches(t, w) for t, w in zip(phrase, words[i : i + len(phrase)], strict=True))
        for phrase in phrases
        for i in range(len(words) - len(phrase) + 1)
    )


@given(st.lists(phrases, min_size=1, max_size=6), st.lists(st.sampled_from(WORDS), max_size=8))
def test_a_window_finds_a_phrase_exactly_where_a_word_by_word_search_does(
    found: list[tuple[str, ...]], words: list[str]
) -> None:
    window = WordWindow(tuple(found), 8)
    assert window.found_in(words) == reference(tuple(found), words)


def test_phrases_are_found_at_any_position_and_not_across_a_gap() -> None:
    window = WordWindow((("safe", "supply"), ("sup*", "of", "needle*")), 5)
    assert window.found_in(["a", "safe", "supply"])
    assert window.found_in(["supplies", "of", "needles"])
    assert not window.found_in(["safe", "and", "supply"])
    assert not window.found_in(["safe"])
