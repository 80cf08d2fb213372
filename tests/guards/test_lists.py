"""Named word lists: a lexicon declares ``lists:`` once, and any word window names them."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from respectful_lint.cli import main

LEXICON = """\
lexicon: sport
version: 1
language: en
description: Rugby words.
lists:
  rugby-words: [scrum*, line out, ruck, maul]
entries:
  - id: hooker
    terms: [hooker]
    preferred: [sex worker]
    severity: warning
    category: sport
    note: A test entry.
    guards:
      - reason: the rugby position
        near: {lists: [{name}], words: [prop], window: 6}
"""


def _run(tmp_path: Path, name: str, text: str) -> tuple[int, str]:
    lexicon = tmp_path / "sport.yaml"
    lexicon.write_text(LEXICON.replace("{name}", name))
    draft = tmp_path / "draft.txt"
    draft.write_text(text)
    result = CliRunner().invoke(
        main,
        [
            "check",
            "--isolated",
            "--no-default-lexicons",
            "--no-cache",
            "--lexicon",
            str(lexicon),
            "--format",
            "concise",
            str(draft),
        ],
    )
    return result.exit_code, result.output


def test_a_guard_reads_words_from_a_named_list(tmp_path: Path) -> None:
    code, out = _run(tmp_path, "rugby-words", "The hooker won the line out.\n")
    assert code == 0, out
    code, out = _run(tmp_path, "rugby-words", "The hooker stood by the prop.\n")
    assert code == 0, out  # words of the guard's own list still count
    code, out = _run(tmp_path, "rugby-words", "The hooker sat alone.\n")
    assert code == 1 and "sport/hooker" in out


def test_an_unknown_list_is_a_one_line_error_with_a_hint(tmp_path: Path) -> None:
    code, out = _run(tmp_path, "rugby-word", "The hooker sat alone.\n")
    assert code == 2
    (line,) = [x for x in out.splitlines() if "unknown list" in x]
    assert "sport.yaml:16:" in line
    assert "unknown list 'rugby-word' in 'lists'" in line
    assert "did you mean 'rugby-words'?" in line
