"""The Python API."""

from __future__ import annotations

from pathlib import Path

import pytest

from respectful_lint import LintError, Severity, UsageError, lint_paths, lint_text


def test_lint_text_returns_findings_with_positions() -> None:
    (f,) = lint_text("Intro.\n\nWe met two hookers.", kind="text")
    assert (f.line, f.column, f.end_line, f.end_column) == (3, 12, 3, 19)
    assert f.rule == "sex-work/hooker"
    assert f.severity is Severity.ERROR
    assert f.suggestions == ("sex workers",)
    assert f.fix is not None and f.fix.applicability == "safe"


def test_lint_text_select_ignore_and_min_severity() -> None:
    text = "A hooker and a john."
    assert [f.rule for f in lint_text(text, select=["sex-work/john"])] == ["sex-work/john"]
    assert [f.rule for f in lint_text(text, ignore=["sex-work/john"])] == ["sex-work/hooker"]
    assert [f.rule for f in lint_text(text, min_severity="error")] == ["sex-work/hooker"]


def test_lint_text_unknown_kind_and_selector_raise() -> None:
    with pytest.raises(LintError, match="unknown input kind 'pdf'"):
        lint_text("x", kind="pdf")
    with pytest.raises(LintError, match="did you mean"):
        lint_text("x", select=["sex-wrk"])
    # a severity by a name that is none is a usage error, not a KeyError
    with pytest.raises(UsageError, match="min_severity: unknown severity 'bogus'"):
        lint_text("x", min_severity="bogus")
    with pytest.raises(UsageError, match="min_severity: unknown severity '3'"):
        lint_text("x", min_severity=3)  # type: ignore[arg-type]


def test_a_lexicon_and_the_same_lexicon_with_a_slash_tie_and_ignore_wins() -> None:
    text = "Police arrested two prostitutes and a hooker."
    assert lint_text(text, select=["sex-work/"], ignore=["sex-work"]) == []
    assert lint_text(text, select=["sex-work"], ignore=["sex-work/"]) == []


def test_lint_paths_walks_folders(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("A hooker.\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("A john.\n")
    findings = lint_paths([tmp_path])
    assert [(Path(f.path).name, f.rule) for f in findings] == [
        ("a.md", "sex-work/hooker"),
        ("b.txt", "sex-work/john"),
    ]


def test_lint_paths_raises_after_checking_for_missing_paths(tmp_path: Path) -> None:
    with pytest.raises(LintError, match="no such file or directory"):
        lint_paths([tmp_path / "missing.md"])


def test_a_term_quoted_as_a_word_is_a_mention_but_scare_quotes_are_use() -> None:
    assert lint_text('Write "sex workers" instead of "prostitutes".') == []
    (f,) = lint_text('Police named 14 "johns" after the sting.')
    assert f.rule == "sex-work/john"


@pytest.mark.parametrize("kind", ["markdown", "text", "html", "rst"])
def test_a_lone_surrogate_is_read_as_any_other_character(kind: str) -> None:
    # Python strings may hold one; UTF-8 cannot, so the fast Markdown parser is not used
    (finding,) = lint_text("x \ud800 a hooker came", kind=kind)
    assert (finding.matched, finding.column) == ("hooker", 7)
