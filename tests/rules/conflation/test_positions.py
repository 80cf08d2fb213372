"""Conflation findings span the whole phrase and point at the source through markup."""

from __future__ import annotations

from _util import conflations

from respectful_lint import lint_text


def test_a_phrase_split_by_a_line_break_is_found_at_its_true_position() -> None:
    text = "Intro line.\n\nWe help women leave prostitution and sex\ntrafficking every week.\n"
    [f] = conflations(text)
    assert f.matched == "prostitution and sex\ntrafficking"
    assert text[f.start : f.end] == f.matched
    assert (f.line, f.column, f.end_line, f.end_column) == (3, 21, 4, 12)


def test_markdown_emphasis_inside_the_phrase() -> None:
    text = "# Grants\n\n**Sex-work**/*trafficking* survivors can apply.\n"
    [f] = conflations(text, kind="markdown")
    assert f.rule == "conflation/coordination"
    assert f.matched == "Sex-work**/*trafficking* survivors"
    assert (f.line, f.column) == (3, 3)


def test_a_finding_never_carries_a_fix_and_keeps_its_hint_as_written() -> None:
    [f] = conflations("PROSTITUTION = SLAVERY")
    assert f.fix is None
    assert f.suggestions[0].startswith("describe it")
    assert "\n" not in f.message


def test_term_findings_inside_the_phrase_stay_when_they_are_another_problem() -> None:
    rules = sorted(f.rule for f in lint_text("Prostitution is a form of slavery.", kind="text"))
    assert rules == ["conflation/definition", "sex-work/prostitution"]


def test_list_items_and_headings_are_separate_sentences() -> None:
    text = "Topics\n\n- sex work\n- trafficking\n- housing\n"
    assert conflations(text) == []
    assert conflations("# Sex work\n\n- Trafficking\n", kind="markdown") == []


def test_abbreviations_do_not_end_the_sentence() -> None:
    text = "In the U.S. the brothel, i.e. trafficking, is a common frame."
    assert [f.matched for f in conflations(text)] == ["brothel, i.e. trafficking"]


def test_a_phrase_named_as_wording_is_not_reported() -> None:
    assert conflations('Posters carried the slogan "escorting is slavery" last year.') == []
