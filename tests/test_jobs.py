"""--jobs: worker processes give exactly the output of one process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from respectful_lint.cli import main

TEXTS = [
    "Police arrested two prostitutes near the pier.\n",
    "Sex workers can visit the clinic on Fridays.\n",
    "A hooker, a john and an addict were named.\n",
    "The junkie and the crackhead left.\n",
]


def corpus(folder: Path) -> Path:
    for i in range(24):
        sub = folder / f"part{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"d{i:02}.md").write_text(TEXTS[i % len(TEXTS)] * (1 + i % 5), encoding="utf-8")
    (folder / "part1" / "bad.txt").write_bytes(b"\x80 not UTF-8\n")
    return folder


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "respectful_lint", "check", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_output_with_workers_is_exactly_that_of_one_process(tmp_path: Path) -> None:
    root = corpus(tmp_path / "docs")
    missing = str(tmp_path / "nope.md")
    for fmt in ("text", "json", "sarif"):
        args = ["--format", fmt, str(root / "part2"), missing, str(root)]
        one = cli("--jobs", "1", *args)
        two = cli("--jobs", "2", *args)
        assert one.returncode == two.returncode == 2  # the unreadable and the missing file
        assert one.stdout == two.stdout
        assert one.stderr == two.stderr
    assert "nope.md: no such file or directory" in one.stderr
    default = cli(str(root))
    assert default.stdout == cli("-j", "1", str(root)).stdout


def test_jobs_through_clirunner_and_stdin(tmp_path: Path) -> None:
    root = corpus(tmp_path / "docs")
    runner = CliRunner()
    one = runner.invoke(main, ["check", "--jobs", "1", str(root)])
    three = runner.invoke(main, ["check", "--jobs", "3", str(root)])
    assert one.output == three.output
    assert "in 24 files" in one.output
    piped = runner.invoke(main, ["check", "--jobs", "2", "-", str(root)], input=TEXTS[0])
    assert piped.exit_code == 2
    assert piped.stdout.count("<stdin>:1:21:") == 1  # read by the main process
    bad = runner.invoke(main, ["check", "--jobs", "0", str(root)])
    assert bad.exit_code == 2


def test_a_finished_run_shuts_its_workers_down_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only an interrupted run (or one whose reader went away) terminates its workers; a run
    that reads every file lets them finish."""
    from respectful_lint import jobs

    stopped: list[object] = []
    monkeypatch.setattr(jobs, "_stop", stopped.append)
    for i in range(12):
        (tmp_path / f"d{i}.txt").write_text(f"We met hookers {i}.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--isolated", "--jobs", "2", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.count("sex-work/hooker") == 12
    assert stopped == []
