"""The on-disk cache of compiled lexicons: used when it fits, never trusted when it does not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from respectful_lint.cli import main
from respectful_lint.runner import _prepare

LEXICON = """\
lexicon: house
version: 1
language: en
description: House style.
sources:
  style: {title: House style guide, year: 2024, url: "https://example.org/style"}
entries:
  - id: caseload
    terms: [{term}]
    preferred: [people we support]
    severity: warning
    category: house
    note: Say who the people are.
    sources: [style]
    examples:
      flag: ["Our {term} grew."]
      pass: ["We grew."]
"""


def _check(
    cache: Path, lexicon: Path, draft: Path, *extra: str
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RESPECTFUL_LINT_CACHE_DIR": str(cache)}
    env.pop("RESPECTFUL_LINT_NO_CACHE", None)
    return subprocess.run(
        [sys.executable, "-m", "respectful_lint", "check", "--format", "concise",
         "--no-default-lexicons", "--lexicon", str(lexicon), *extra, str(draft)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path, Path]:
    lexicon = tmp_path / "house.yaml"
    lexicon.write_text(LEXICON.replace("{term}", "caseload"), encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("The caseload and the backlog grew.\n", encoding="utf-8")
    return tmp_path / "cache", lexicon, draft


def test_a_second_run_reads_the_cache_and_reports_the_same(files: tuple[Path, Path, Path]) -> None:
    cache, lexicon, draft = files
    first = _check(cache, lexicon, draft)
    assert len(list(cache.glob("*.pickle"))) == 1
    second = _check(cache, lexicon, draft)
    assert first.stdout == second.stdout
    assert "house/caseload" in second.stdout


def test_editing_a_lexicon_is_seen_at_once(files: tuple[Path, Path, Path]) -> None:
    cache, lexicon, draft = files
    assert "caseload" in _check(cache, lexicon, draft).stdout
    lexicon.write_text(LEXICON.replace("{term}", "backlog"), encoding="utf-8")
    out = _check(cache, lexicon, draft).stdout
    assert "1:22:" in out and "1:5:" not in out  # "backlog", no longer "caseload"
    assert len(list(cache.glob("*.pickle"))) == 2


def test_a_damaged_cache_entry_is_ignored(files: tuple[Path, Path, Path]) -> None:
    cache, lexicon, draft = files
    expected = _check(cache, lexicon, draft).stdout
    for entry in cache.glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    again = _check(cache, lexicon, draft)
    assert (again.returncode, again.stdout, again.stderr) == (1, expected, "")


def test_an_unwritable_cache_folder_is_no_error(files: tuple[Path, Path, Path]) -> None:
    cache, lexicon, draft = files
    cache.write_text("a file where the folder should be", encoding="utf-8")
    proc = _check(cache, lexicon, draft)
    assert (proc.returncode, proc.stderr) == (1, "")
    assert "house/caseload" in proc.stdout


def test_no_cache_writes_nothing(files: tuple[Path, Path, Path]) -> None:
    cache, lexicon, draft = files
    assert _check(cache, lexicon, draft, "--no-cache").returncode == 1
    assert not cache.exists()


def test_the_cache_holds_no_draft_text(files: tuple[Path, Path, Path]) -> None:
    cache, lexicon, draft = files
    draft.write_text("Client Jane Roe, caseload note.\n", encoding="utf-8")
    _check(cache, lexicon, draft)
    for entry in cache.glob("*.pickle"):
        assert b"Jane Roe" not in entry.read_bytes()


def test_no_cache_option_in_process(
    files: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache, lexicon, draft = files
    monkeypatch.setenv("RESPECTFUL_LINT_CACHE_DIR", str(cache))
    _prepare.cache_clear()
    result = CliRunner().invoke(
        main,
        ["check", "--no-cache", "--no-default-lexicons", "--lexicon", str(lexicon), str(draft)],
    )
    assert result.exit_code == 1
    assert not cache.exists()


def test_changed_code_gets_a_fresh_key(
    files: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from respectful_lint import cache

    _, lexicon, _ = files
    before = cache.cache_key([lexicon], "options")
    monkeypatch.setattr(cache, "_code_stamp", lambda: "engine.py:1:2")
    assert cache.cache_key([lexicon], "options") not in (before, None)
