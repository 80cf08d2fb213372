"""Golden outputs for the shipped examples, byte for byte (sex-work rules)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from respectful_lint.cli import main

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parents[1] / "golden"


@pytest.mark.parametrize("fmt", ["text", "concise", "json"])
def test_examples_output_matches_golden(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(
        main, ["check", "examples", "--select", "sex-work", "--format", fmt]
    )
    assert result.exit_code == 1
    expected = GOLDEN / f"examples.{fmt}"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == expected.read_text(encoding="utf-8")
