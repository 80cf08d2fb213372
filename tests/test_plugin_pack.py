"""examples/plugin-pack, built and installed into a fresh virtual environment with
respectful-lint, as an organization would install it: its rules are listed, its preset applies
through ``extends``, its reporter renders, and ``--no-plugins`` turns all of it off."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACK = ROOT / "examples" / "plugin-pack"
DRAFT = "The frequent flyers helped the homeless.\n"


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh environment holding respectful-lint and the pack, both built from source.

    The environment reads the test environment's libraries (click, regex, hatchling...)
    through a ``.pth`` file, so nothing is downloaded and the build needs no isolation.
    """
    folder = tmp_path_factory.mktemp("pack") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    bin_dir = folder / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(purelib, "_outer.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet"]
    install += ["--no-deps", "--no-build-isolation", "--no-index", str(ROOT), str(PACK)]
    subprocess.run(install, check=True, capture_output=True, timeout=600)
    return bin_dir


def lint(venv: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RESPECTFUL_LINT_CACHE_DIR": str(cwd / ".cache"), "NO_COLOR": "1"}
    return subprocess.run(
        [str(venv / "respectful-lint"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_the_pack_rules_are_listed_unless_plugins_are_off(venv: Path, tmp_path: Path) -> None:
    listed = lint(venv, tmp_path, "rules", "--isolated", "--category", "shelter")
    assert listed.returncode == 0, listed.stderr
    assert "shelter/frequent-flyer" in listed.stdout
    off = lint(venv, tmp_path, "rules", "--isolated", "--no-plugins")
    assert off.returncode == 0, off.stderr
    assert "shelter/" not in off.stdout
    (tmp_path / ".respectful-lint.yaml").write_text("plugins: []\n")
    assert "shelter/" not in lint(venv, tmp_path, "rules").stdout


def test_the_pack_preset_applies_through_extends(venv: Path, tmp_path: Path) -> None:
    (tmp_path / ".respectful-lint.yaml").write_text("extends: [shelter:house]\n")
    (tmp_path / "note.md").write_text(DRAFT)
    result = lint(venv, tmp_path, "check", "--format", "concise", "note.md")
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        'note.md:1:5: warning shelter/frequent-flyer Avoid "frequent flyers"; '
        'use "returning guests"',
        'note.md:1:28: error homelessness/the-homeless Avoid "the homeless"; '
        'use "people experiencing homelessness"',
    ]
    explained = lint(venv, tmp_path, "explain", "homelessness/the-homeless").stdout
    assert "Overridden by the configuration:" in explained
    assert "severity: error  (" in explained and "presets/house.yaml:5)" in explained


def test_the_pack_reporter_renders(venv: Path, tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text(DRAFT)
    result = lint(venv, tmp_path, "check", "--isolated", "--format", "tally", "note.md")
    assert result.returncode == 1, result.stderr
    assert "    1  shelter/frequent-flyer" in result.stdout
    assert "    2  findings in 1 file\n" in result.stdout


def test_no_plugins_turns_the_pack_off(venv: Path, tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text(DRAFT)
    result = lint(venv, tmp_path, "check", "--isolated", "--no-plugins", "note.md")
    assert "shelter/" not in result.stdout
    assert "homelessness/the-homeless" in result.stdout
    tally = lint(venv, tmp_path, "check", "--isolated", "--no-plugins", "--format", "tally")
    assert tally.returncode == 2 and "unknown format 'tally'" in tally.stderr
    (tmp_path / ".respectful-lint.yaml").write_text("extends: [shelter:house]\n")
    refused = lint(venv, tmp_path, "check", "--no-plugins", "note.md")
    assert refused.returncode == 2
    assert refused.stderr.strip() == (
        "respectful-lint: error: .respectful-lint.yaml:1:11: extends: 'shelter:house' is a "
        "preset of the plugin respectful-lint-shelter, and --no-plugins turns plugins off"
    )


def test_the_pack_passes_its_own_tests(venv: Path) -> None:
    result = subprocess.run(
        [str(venv / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=PACK,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
