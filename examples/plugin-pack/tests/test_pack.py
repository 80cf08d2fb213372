"""The pack as its users meet it (run with the pack installed: pip install -e .[test])."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from respectful_lint.cli import main

LEXICONS = Path(__file__).resolve().parent.parent / "src" / "respectful_lint_shelter" / "lexicons"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout


def test_the_lexicon_passes_its_own_examples_and_checks() -> None:
    code, out = run("lexicon", "test", str(LEXICONS))
    assert code == 0, out


def test_rules_lists_the_pack_rules() -> None:
    code, out = run("rules", "--isolated", "--category", "shelter")
    assert code == 0
    assert "shelter/frequent-flyer" in out


def test_the_preset_and_the_reporter(tmp_path: Path) -> None:
    (tmp_path / ".respectful-lint.yaml").write_text("extends: [shelter:house]\n")
    (tmp_path / "note.md").write_text("The frequent flyers helped the homeless.\n")
    before = os.getcwd()
    os.chdir(tmp_path)
    try:
        code, out = run("check", "--format", "tally", "note.md")
    finally:
        os.chdir(before)
    assert code == 1
    assert "shelter/frequent-flyer" in out
    assert "homelessness/the-homeless" in out
