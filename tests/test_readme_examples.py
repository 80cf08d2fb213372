"""The README's example outputs are what the shipped examples give."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from respectful_lint.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def block_after(marker: str) -> str:
    """The first fenced block after the line that holds ``marker``."""
    at = README.index(marker)
    start = README.index("```\n", at) + len("```\n")
    return README[start : README.index("```\n", start)]


@pytest.mark.parametrize(
    ("marker", "path"),
    [
        ("`examples/intake-form.html`, a sign-up page", "examples/intake-form.html"),
        ("`examples/volunteer-briefing.docx`, a Word draft", "examples/volunteer-briefing.docx"),
        ("`examples/interface-strings.json`, interface strings", "examples/interface-strings.json"),
    ],
)
def test_an_example_output_in_the_readme_is_what_check_prints(
    marker: str, path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-explain", path])
    shown = block_after(marker)
    if shown.startswith("$ "):
        shown = shown.split("\n", 1)[1]
    assert result.stdout == shown
